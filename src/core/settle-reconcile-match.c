/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Candidates for one bank line and their scores. Every candidate comes out of an
 * index lookup (amount, invoice number digits, client name tokens, hints, charge
 * prefix sums): the cost of a line does not grow with the number of open invoices.
 *
 * Score (0–100) = the sum of named parts, each with its reason:
 *   amount equals one invoice 35 | the sum of several 30 | a part of one 10 (a part
 *     payment is a candidate only when the text names that invoice exactly)
 *   reference names the invoice 55 (one typo, same amount: 30); an invoice one
 *     typo away from the one named has the same amount −15
 *   no invoice named: the only open invoice of that amount +10, several −10,
 *     the only one of that amount of a client the payer points at +15
 *   client: payer is the client 30, payer confirmed for it before 20 (twice: 30),
 *     text names it 20; the payer looks like another client −25
 *   date: due within 30 days of the line +5, within −60..+120 days +2, else −10
 *     (not when the text names every invoice)
 *   payment recorded by hand: amount 35, date ±2 days 10 (±7: 5), only one 10,
 *     its reference in the text 20, + client
 *   payout: charges add up 60, text names the processor 30, several charges 5,
 *     last charge within 3 days 5; another run of charges adds up to the same
 *     amount −25
 *   several invoices: the client's oldest (oldest due first) +15, named or not; when
 *     none is named, the only set that adds up +10 (other sets do too: −10)
 *   close calls: every candidate within 10 points of the best loses 15 (the order
 *     stays; a bookkeeper decides). */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-money.h"
#include "settle-reconcile-matcher.h"

#define MAX_SUBSET_POOL 20

typedef enum { CAND_SINGLE, CAND_COMBINED, CAND_PARTIAL } CandKind;

void
settle_match_add_reason (GString    *reasons,
            const char *text)
{
  if (reasons->len > 0)
    g_string_append (reasons, "; ");
  g_string_append (reasons, text);
}

void
settle_match_add_reason_printf (GString    *reasons,
                   const char *format,
                   ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  settle_match_add_reason (reasons, text);
}

/* Text tokens -> invoice numbers named (exactly, or with one typo). */
int
settle_match_client_points (SettleMatchCtx *ctx,
                            guint           c,
                            GString        *reasons)
{
  const char *name = settle_match_client_at (ctx->m, c)->name;
  gboolean other = FALSE;
  int points = 0;

  if (ctx->payer_client == (int) c)
    {
      settle_match_add_reason_printf (reasons, _("payer is %s"), name);
      points = 30;
    }
  else if (ctx->hint_client == (int) c)
    {
      settle_match_add_reason_printf (reasons, _("payer seen for %s before"), name);
      points = ctx->hint_count >= 2 ? 30 : 20;
    }
  else if (g_hash_table_contains (ctx->named, GUINT_TO_POINTER (c + 1)))
    {
      settle_match_add_reason_printf (reasons, _("text names %s"), name);
      points = 20;
    }
  else
    other = ctx->payer_client >= 0 || ctx->hint_client >= 0 || g_hash_table_size (ctx->named) > 0;
  if (other)
    {
      settle_match_add_reason (reasons, _("the payer looks like another client"));
      points = -25;
    }
  return points;
}

gboolean
settle_match_has_client_evidence (SettleMatchCtx *ctx,
                                  guint           c)
{
  return ctx->payer_client == (int) c || ctx->hint_client == (int) c
         || g_hash_table_contains (ctx->named, GUINT_TO_POINTER (c + 1));
}

static int
date_points (SettleMatchCtx           *ctx,
             const SettleMatchInvoice *inv,
             GString                  *reasons)
{
  int late = (int) ctx->line->julian - (int) inv->due;

  if (late >= -30 && late <= 30)
    {
      settle_match_add_reason (reasons, _("paid near the due date"));
      return 5;
    }
  if (late >= -60 && late <= 120)
    return 2;
  settle_match_add_reason (reasons, _("due date far from the payment date"));
  return -10;
}

static SettleMatchHit *
hit_of (SettleMatchCtx *ctx,
        guint           inv)
{
  for (guint i = 0; i < ctx->hits->len; i++)
    if (g_array_index (ctx->hits, SettleMatchHit, i).inv == inv)
      return &g_array_index (ctx->hits, SettleMatchHit, i);
  return NULL;
}

void
settle_match_push (SettleMatchCtx        *ctx,
                   SettleMatchSuggestion *s,
                   const char            *key,
                   int                    score,
                   GString               *reasons)
{
  SettleMatchSuggestion *old = g_hash_table_lookup (ctx->seen, key);

  s->score = CLAMP (score, 0, 100);
  s->reasons = g_string_free (reasons, FALSE);
  if (old != NULL)
    {
      if (old->score >= s->score)
        {
          settle_match_suggestion_free (s);
          return;
        }
      g_ptr_array_remove (ctx->out, old);
    }
  g_hash_table_insert (ctx->seen, g_strdup (key), s);
  g_ptr_array_add (ctx->out, s);
}

/* Open invoices of this amount in the book, and of client c (its own list: a
 * plan price can be on thousands of invoices). */
static guint
count_same_amount (SettleMatchCtx *ctx,
                   gint64          amount,
                   guint           client,
                   guint          *in_client)
{
  GArray *list = settle_match_client_at (ctx->m, client)->invoices;

  *in_client = 0;
  for (guint k = 0; k < list->len; k++)
    {
      SettleMatchInvoice *inv = settle_match_inv_at (ctx->m, g_array_index (list, guint, k));

      if (inv->open == amount && settle_match_usable (ctx, inv))
        (*in_client)++;
    }
  return settle_matcher_count_amount (ctx->m, amount);
}

static void
add_invoices (SettleMatchCtx *ctx,
              CandKind        kind,
              const guint    *invs,
              guint           n,
              gboolean        oldest_first,
              gboolean        several_sets)
{
  SettleMatcher *m = ctx->m;
  SettleMatchSuggestion *s = settle_match_suggestion_new (ctx->line->id, SETTLE_MATCH_INVOICES);
  GString *reasons = g_string_new (NULL);
  GString *key = g_string_new ("i");
  guint client = settle_match_inv_at (m, invs[0])->client;
  guint n_exact = 0, n_named = 0;
  int score = 0;
  int worst_off = 0;
  guint worst = 0;
  g_autofree char *key_str = NULL;

  s->client_id = settle_match_client_at (m, client)->id;
  s->client_name = g_strdup (settle_match_client_at (m, client)->name);
  for (guint i = 0; i < n; i++)
    {
      SettleMatchInvoice *inv = settle_match_inv_at (m, invs[i]);
      SettleMatchAllocation a = { inv->id, g_strdup (inv->number),
                                  kind == CAND_PARTIAL ? ctx->line->amount : inv->open };
      SettleMatchHit *hit = hit_of (ctx, invs[i]);

      g_array_append_val (s->allocations, a);
      g_string_append_printf (key, ",%" G_GINT64_FORMAT, inv->id);
      n_named += hit != NULL;
      n_exact += hit != NULL && hit->exact;
    }

  if (kind == CAND_SINGLE)
    {
      SettleMatchInvoice *inv = settle_match_inv_at (m, invs[0]);
      guint in_client, same = count_same_amount (ctx, inv->open, client, &in_client);

      score += 35;
      settle_match_add_reason_printf (reasons, _("amount equals %s"), inv->number);
      if (n_exact > 0)
        {
          score += 55;
          settle_match_add_reason_printf (reasons, _("reference names %s"), inv->number);
          /* The reference may itself be a typo for a neighbour of the same amount. */
          for (guint h = 0; h < ctx->hits->len; h++)
            {
              SettleMatchHit *hit = &g_array_index (ctx->hits, SettleMatchHit, h);

              if (!hit->exact && hit->inv != invs[0] && settle_match_inv_at (m, hit->inv)->open == inv->open
                  && (!settle_match_has_client_evidence (ctx, client)
                      || settle_match_inv_at (m, hit->inv)->client == client))
                {
                  score -= 15;
                  settle_match_add_reason_printf (reasons, _("%s, one typo away, has the same amount"),
                                     settle_match_inv_at (m, hit->inv)->number);
                  break;
                }
            }
        }
      else if (n_named > 0)
        {
          score += 30;
          settle_match_add_reason_printf (reasons, _("reference names %s with one typo"), inv->number);
        }
      else
        {
          if (same == 1)
            {
              score += 10;
              settle_match_add_reason (reasons, _("the only open invoice of this amount"));
            }
          else
            {
              score -= 10;
              settle_match_add_reason_printf (reasons, _("%u open invoices have this amount"), same);
            }
          if (in_client == 1 && settle_match_has_client_evidence (ctx, client))
            {
              score += 15;
              settle_match_add_reason (reasons, _("the client's only open invoice of this amount"));
            }
        }
    }
  else if (kind == CAND_COMBINED)
    {
      score += 30;
      settle_match_add_reason_printf (reasons, _("amount equals the sum of %u invoices"), n);
      if (n_exact == n)
        {
          score += 55;
          settle_match_add_reason (reasons, _("reference names each of them"));
        }
      else if (n_named == n)
        {
          score += 35;
          settle_match_add_reason (reasons, _("reference names each of them, with typos"));
        }
      else if (n_named > 0)
        {
          score += 15;
          settle_match_add_reason_printf (reasons, _("reference names %u of them"), n_named);
        }
      if (oldest_first)
        {
          score += 15;
          settle_match_add_reason (reasons, _("the client's oldest open invoices"));
        }
      if (several_sets)
        {
          score -= 10;
          settle_match_add_reason (reasons, _("other sets of invoices add up to the amount too"));
        }
      else if (n_named == 0)
        {
          score += 10;
          settle_match_add_reason (reasons, _("no other set of the client's invoices adds up to it"));
        }
    }
  else
    {
      SettleMatchInvoice *inv = settle_match_inv_at (m, invs[0]);

      score += 10;
      settle_match_add_reason_printf (reasons, _("part payment of %s"), inv->number);
      if (n_exact > 0)
        {
          score += 55;
          settle_match_add_reason_printf (reasons, _("reference names %s"), inv->number);
        }
    }

  score += settle_match_client_points (ctx, client, reasons);
  /* The invoice whose due date is furthest from the line speaks for the set. */
  for (guint i = 0; i < n; i++)
    {
      int late = (int) ctx->line->julian - (int) settle_match_inv_at (m, invs[i])->due;
      int off = late < -30 ? -30 - late : late > 30 ? late - 30 : 0;

      if (off > worst_off || i == 0)
        {
          worst_off = off;
          worst = i;
        }
    }
  {
    g_autoptr(GString) date_reason = g_string_new (NULL);
    int dp = date_points (ctx, settle_match_inv_at (m, invs[worst]), date_reason);

    /* A late payment that names its invoices is still theirs. */
    if (!(n_exact == n && dp < 0))
      {
        score += dp;
        if (date_reason->len > 0)
          settle_match_add_reason (reasons, date_reason->str);
      }
  }
  key_str = g_string_free (key, FALSE);
  settle_match_push (ctx, s, key_str, score, reasons);
}

typedef struct
{
  gint64 sum;
  guint  i, j;
  int    next;   /* next pair with the same sum's slot, -1 = none */
} PairSum;

#define PAIR_SLOTS 512

/* The pair sums of a client's pool in a small hash: slot -> first pair. */
static guint
pair_slot (gint64 sum)
{
  return (guint) (((guint64) sum * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 40) & (PAIR_SLOTS - 1);
}

static gboolean
same_set (const guint *a,
          guint        na,
          const guint *b,
          guint        nb)
{
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < nb; j++)
        found = found || a[i] == b[j];
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Sets of 2–4 of the client's open invoices (the 20 oldest) that add up to the
 * line's amount: pair sums hashed once, then 2 = a pair, 3 = one + a pair,
 * 4 = a pair + a pair. At most two sets are looked for: one is the answer, a
 * second makes it doubtful. */
static void
find_subsets (SettleMatchCtx *ctx,
              guint           client)
{
  SettleMatcher *m = ctx->m;
  GArray *all = settle_match_client_at (m, client)->invoices;
  gint64 amount = ctx->line->amount;
  guint pool[MAX_SUBSET_POOL], n = 0;
  PairSum pairs[MAX_SUBSET_POOL * (MAX_SUBSET_POOL - 1) / 2];
  int heads[PAIR_SLOTS];
  guint n_pairs = 0;
  guint found[2][4], found_n[2] = { 0, 0 }, n_found = 0;
  gint64 running = 0;
  guint prefix_n = 0;

  for (guint k = 0; k < all->len && n < MAX_SUBSET_POOL; k++)
    {
      guint i = g_array_index (all, guint, k);
      SettleMatchInvoice *inv = settle_match_inv_at (m, i);

      if (settle_match_usable (ctx, inv) && inv->open < amount)
        pool[n++] = i;
    }
  if (n < 2)
    return;
  /* Four of the biggest must reach the amount, or no set of 2–4 can. */
  {
    gint64 top[4] = { 0, 0, 0, 0 };

    for (guint k = 0; k < n; k++)
      {
        gint64 v = settle_match_inv_at (m, pool[k])->open;

        for (guint t = 0; t < 4; t++)
          if (v > top[t])
            {
              gint64 tmp = top[t];

              top[t] = v;
              v = tmp;
            }
      }
    if (top[0] + top[1] + top[2] + top[3] < amount)
      return;
  }

  /* Paying the oldest first is what most clients do. */
  for (guint k = 0; k < n && running < amount; k++)
    {
      running += settle_match_inv_at (m, pool[k])->open;
      prefix_n = k + 1;
    }

  memset (heads, 0xff, sizeof heads);
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        gint64 sum = settle_match_inv_at (m, pool[a])->open + settle_match_inv_at (m, pool[b])->open;
        guint slot = pair_slot (sum);

        pairs[n_pairs] = (PairSum) { sum, a, b, heads[slot] };
        heads[slot] = n_pairs++;
      }

#define FOUND(...)                                                                  \
  G_STMT_START {                                                                    \
    guint set_[] = { __VA_ARGS__ };                                                 \
    guint ns_ = G_N_ELEMENTS (set_);                                                \
    if (n_found == 0 || !same_set (set_, ns_, found[0], found_n[0]))                \
      {                                                                             \
        memcpy (found[n_found], set_, sizeof set_);                                 \
        found_n[n_found++] = ns_;                                                   \
      }                                                                             \
  } G_STMT_END

  for (int p = heads[pair_slot (amount)]; p >= 0 && n_found < 2; p = pairs[p].next)
    if (pairs[p].sum == amount)
      FOUND (pairs[p].i, pairs[p].j);
  for (guint a = 0; a < n && n_found < 2; a++)
    {
      gint64 rest = amount - settle_match_inv_at (m, pool[a])->open;

      for (int p = heads[pair_slot (rest)]; p >= 0 && n_found < 2; p = pairs[p].next)
        if (pairs[p].sum == rest && a < pairs[p].i)
          FOUND (a, pairs[p].i, pairs[p].j);
    }
  for (guint q = 0; q < n_pairs && n_found < 2; q++)
    {
      gint64 rest = amount - pairs[q].sum;

      for (int p = heads[pair_slot (rest)]; p >= 0 && n_found < 2; p = pairs[p].next)
        if (pairs[p].sum == rest && pairs[q].j < pairs[p].i)
          FOUND (pairs[q].i, pairs[q].j, pairs[p].i, pairs[p].j);
    }
#undef FOUND

  if (running == amount && prefix_n >= 2 && prefix_n <= 4)
    {
      guint set[4];

      for (guint k = 0; k < prefix_n; k++)
        set[k] = pool[k];
      add_invoices (ctx, CAND_COMBINED, set, prefix_n, TRUE, n_found > 1);
      return;
    }
  for (guint f = 0; f < n_found; f++)
    {
      guint set[4];

      for (guint k = 0; k < found_n[f]; k++)
        set[k] = pool[found[f][k]];
      add_invoices (ctx, CAND_COMBINED, set, found_n[f], FALSE, n_found > 1);
    }
}

static void
invoice_candidates (SettleMatchCtx *ctx)
{
  SettleMatcher *m = ctx->m;
  gint64 amount = ctx->line->amount;
  GHashTable *clients = m->scratch_clients;
  guint n_amount = 0;
  GHashTableIter iter;
  gpointer key;

  /* Invoices the text names. */
  for (guint h = 0; h < ctx->hits->len; h++)
    {
      SettleMatchHit *hit = &g_array_index (ctx->hits, SettleMatchHit, h);
      SettleMatchInvoice *inv = settle_match_inv_at (m, hit->inv);

      if (inv->open == amount)
        add_invoices (ctx, CAND_SINGLE, &hit->inv, 1, FALSE, FALSE);
      else if (amount < inv->open && hit->exact)
        add_invoices (ctx, CAND_PARTIAL, &hit->inv, 1, FALSE, FALSE);
      if (hit->exact)
        g_hash_table_add (clients, GUINT_TO_POINTER (inv->client + 1));
    }
  /* Several named invoices of one client that add up. */
  {
    guint set[4], n = 0;
    gint64 sum = 0;
    int client = -1;

    for (guint h = 0; h < ctx->hits->len && n <= 4; h++)
      {
        SettleMatchHit *hit = &g_array_index (ctx->hits, SettleMatchHit, h);

        if (!hit->exact)
          continue;
        if (client >= 0 && settle_match_inv_at (m, hit->inv)->client != (guint) client)
          {
            n = 0;
            break;
          }
        client = settle_match_inv_at (m, hit->inv)->client;
        if (n < 4)
          set[n] = hit->inv;
        n++;
        sum += settle_match_inv_at (m, hit->inv)->open;
      }
    if (n >= 2 && n <= 4 && sum == amount)
      add_invoices (ctx, CAND_COMBINED, set, n, FALSE, FALSE);
  }

  /* Invoices of exactly this amount: a handful are candidates, a crowd is noise
   * unless the client is known (then only that client's are looked at). */
  n_amount = settle_matcher_count_amount (m, amount);
  if (n_amount > 0 && n_amount <= 10)
    for (gint32 i = settle_i64_map_lookup (&m->by_amount, amount); i >= 0;
         i = settle_match_inv_at (m, i)->next_amount)
      {
        guint idx = i;

        if (settle_match_inv_at (m, i)->open == amount && settle_match_usable (ctx, settle_match_inv_at (m, i)))
          add_invoices (ctx, CAND_SINGLE, &idx, 1, FALSE, FALSE);
      }
  else if (n_amount > 10)
    {
      g_autoptr(GHashTable) known = g_hash_table_new (NULL, NULL);

      if (ctx->payer_client >= 0)
        g_hash_table_add (known, GUINT_TO_POINTER (ctx->payer_client + 1));
      if (ctx->hint_client >= 0)
        g_hash_table_add (known, GUINT_TO_POINTER (ctx->hint_client + 1));
      if (g_hash_table_size (ctx->named) <= 3)
        {
          g_hash_table_iter_init (&iter, ctx->named);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (known, key);
        }
      g_hash_table_iter_init (&iter, known);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          GArray *list = settle_match_client_at (m, GPOINTER_TO_UINT (key) - 1)->invoices;

          for (guint k = 0; k < list->len; k++)
            {
              guint idx = g_array_index (list, guint, k);

              if (settle_match_inv_at (m, idx)->open == amount && settle_match_usable (ctx, settle_match_inv_at (m, idx)))
                add_invoices (ctx, CAND_SINGLE, &idx, 1, FALSE, FALSE);
            }
        }
    }

  /* One deposit for several invoices of the client the payer is. */
  if (ctx->payer_client >= 0)
    g_hash_table_add (clients, GUINT_TO_POINTER (ctx->payer_client + 1));
  if (ctx->hint_client >= 0)
    g_hash_table_add (clients, GUINT_TO_POINTER (ctx->hint_client + 1));
  if (g_hash_table_size (ctx->named) <= 3)
    {
      g_hash_table_iter_init (&iter, ctx->named);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (clients, key);
    }
  if (g_hash_table_size (clients) > 4)
    return;
  /* A set found without names scores 75 at most: beside a sure match it changes
   * nothing, and it is the costly part. */
  for (guint k = 0; k < ctx->out->len; k++)
    if (((SettleMatchSuggestion *) g_ptr_array_index (ctx->out, k))->score >= 86)
      return;
  g_hash_table_iter_init (&iter, clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    find_subsets (ctx, GPOINTER_TO_UINT (key) - 1);
}

static int
by_score (gconstpointer a,
          gconstpointer b)
{
  const SettleMatchSuggestion *x = *(SettleMatchSuggestion **) a;
  const SettleMatchSuggestion *y = *(SettleMatchSuggestion **) b;

  if (x->score != y->score)
    return y->score - x->score;
  /* Fewer invoices first, then the older. */
  if (x->allocations->len != y->allocations->len)
    return (int) x->allocations->len - (int) y->allocations->len;
  return 0;
}

GPtrArray *
settle_matcher_suggest (SettleMatcher         *m,
                        const SettleMatchLine *line,
                        guint                  max_results)
{
  SettleMatchCtx ctx = { 0, };
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_match_suggestion_free);
  g_autofree char *text = NULL;

  g_return_val_if_fail (m != NULL && line != NULL, out);

  if (line->amount <= 0 || strcmp (line->currency, m->currency) != 0)
    return out;
  ctx.m = m;
  ctx.line = line;
  text = g_strjoin (" ", line->payer_name ? line->payer_name : "",
                    line->reference ? line->reference : "",
                    line->description ? line->description : "", NULL);
  ctx.tokens = settle_match_tokenize (text);
  ctx.hits = g_array_new (FALSE, FALSE, sizeof (SettleMatchHit));
  ctx.named = m->scratch_named;
  ctx.out = out;
  ctx.seen = m->scratch_seen;

  settle_match_find_numbers (&ctx);
  settle_match_find_clients (&ctx);
  invoice_candidates (&ctx);
  settle_match_payment_candidates (&ctx);
  settle_match_payout_candidates (&ctx);

  g_ptr_array_sort (out, by_score);
  if (out->len >= 2)
    {
      SettleMatchSuggestion *best = g_ptr_array_index (out, 0);
      SettleMatchSuggestion *next = g_ptr_array_index (out, 1);

      if (next->score >= best->score - 10)
        {
          GString *reasons = g_string_new (best->reasons);
          int top = best->score;

          settle_match_add_reason (reasons, _("another match is almost as good"));
          g_free (best->reasons);
          best->reasons = g_string_free (reasons, FALSE);

          /* All the close ones lose the same: less sure, the order stays. */
          for (guint k = 0; k < out->len; k++)
            {
              SettleMatchSuggestion *close = g_ptr_array_index (out, k);

              if (close->score >= top - 10)
                close->score = MAX (0, close->score - 15);
            }
        }
    }
  if (out->len > max_results)
    g_ptr_array_set_size (out, max_results);

  g_ptr_array_unref (ctx.tokens);
  g_array_unref (ctx.hits);
  g_hash_table_remove_all (m->scratch_named);
  g_hash_table_remove_all (m->scratch_seen);
  g_hash_table_remove_all (m->scratch_clients);
  return out;
}

