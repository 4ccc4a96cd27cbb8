/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Candidates that are not open invoices: a payment already recorded by hand, and a
 * processor payout (a run of charges less refunds and fees). */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-money.h"
#include "settle-reconcile-matcher.h"

#define PAYOUT_WINDOW_DAYS 14

static char *
payment_reference (SettleBook *book,
                   SettleId    payment_id)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT reference FROM payments WHERE id = ?1", NULL);
  char *reference = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    reference = settle_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return reference;
}

void
settle_match_payment_candidates (SettleMatchCtx *ctx)
{
  SettleMatcher *m = ctx->m;
  guint n = 0;

  for (gint32 i = settle_i64_map_lookup (&m->pay_by_amount, ctx->line->amount); i >= 0;
       i = g_array_index (m->payments, SettleMatchPayment, i).next_amount)
    {
      SettleMatchPayment *p = &g_array_index (m->payments, SettleMatchPayment, i);
      int days = ABS ((int) p->date - (int) ctx->line->julian);

      if (!p->used && days <= 7)
        n++;
    }
  for (gint32 i = settle_i64_map_lookup (&m->pay_by_amount, ctx->line->amount); i >= 0;
       i = g_array_index (m->payments, SettleMatchPayment, i).next_amount)
    {
      SettleMatchPayment *p = &g_array_index (m->payments, SettleMatchPayment, i);
      int days = ABS ((int) p->date - (int) ctx->line->julian);
      guint client = GPOINTER_TO_UINT (g_hash_table_lookup (m->client_index, &p->client_id));
      SettleMatchSuggestion *s;
      GString *reasons;
      g_autofree char *key = NULL;
      g_autofree char *date = NULL;
      g_autofree char *reference = NULL;
      GDate d;
      int score = 35;

      /* A crowd of payments of this amount is noise unless the payer points at one
       * of their clients. */
      if (p->used || days > 7 || client == 0
          || (n > 10 && !settle_match_has_client_evidence (ctx, client - 1)))
        continue;
      s = settle_match_suggestion_new (ctx->line->id, SETTLE_MATCH_PAYMENT);
      s->payment_id = p->id;
      s->client_id = p->client_id;
      s->client_name = g_strdup (settle_match_client_at (m, client - 1)->name);
      reasons = g_string_new (NULL);
      g_date_set_julian (&d, p->date);
      date = settle_date_to_iso (&d);
      settle_match_add_reason_printf (reasons, _("payment of this amount recorded by hand on %s"), date);
      score += days <= 2 ? 10 : 5;
      if (n == 1)
        {
          score += 10;
          settle_match_add_reason (reasons, _("the only such payment near this date"));
        }
      reference = payment_reference (m->book, p->id);
      if (reference != NULL && strlen (reference) >= 4)
        {
          g_autofree char *ref = settle_reconcile_normalise_account (reference);

          for (guint t = 0; t < ctx->tokens->len; t++)
            if (strcmp (g_ptr_array_index (ctx->tokens, t), ref) == 0)
              {
                score += 20;
                settle_match_add_reason (reasons, _("the payment's reference is in the text"));
                break;
              }
        }
      score += settle_match_client_points (ctx, client - 1, reasons);
      key = g_strdup_printf ("p%" G_GINT64_FORMAT, p->id);
      settle_match_push (ctx, s, key, score, reasons);
    }
}

static guint
first_charge_from (SettleMatcher *m,
                   guint32        julian)
{
  guint lo = 0, hi = m->charges->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (m->charges, SettleMatchCharge, mid).created < julian)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A payout pays out a run of charges in the order they were made: the run whose
 * nets add up to the line is found with the prefix sums, one lookup per end. */
static void
add_payout (SettleMatchCtx *ctx,
            guint           i,
            guint           j,
            gboolean        several)
{
  SettleMatcher *m = ctx->m;
  SettleMatchSuggestion *s = settle_match_suggestion_new (ctx->line->id, SETTLE_MATCH_PAYOUT);
  GString *reasons = g_string_new (NULL);
  g_autofree char *key = NULL;
  g_autofree char *fees = NULL;
  int score = 60;

  for (guint k = i; k < j; k++)
    {
      SettleMatchCharge *c = &g_array_index (m->charges, SettleMatchCharge, k);
      g_autoptr(GPtrArray) tokens = settle_match_tokenize (c->text);

      g_array_append_val (s->charge_ids, c->id);
      s->fees += c->fee;
      /* The invoice the charge names, for the bookkeeper to see. */
      for (guint t = 0; t < tokens->len; t++)
        {
          char digits[20];
          gint32 v;

          if (settle_match_digits (g_ptr_array_index (tokens, t), digits) < 4)
            continue;
          v = settle_i64_map_lookup (&m->by_number, settle_match_digits_value (digits));
          if (v >= 0 && settle_match_inv_at (m, v)->open > 0)
            {
              SettleMatchInvoice *inv = settle_match_inv_at (m, v);
              SettleMatchAllocation a = { inv->id, g_strdup (inv->number),
                                          MIN (inv->open, c->net + c->fee) };

              g_array_append_val (s->allocations, a);
              break;
            }
        }
    }
  fees = settle_money_format (settle_money_init (s->fees, m->currency));
  settle_match_add_reason_printf (reasons, _("payout of %u charges less %s fees"), j - i, fees);
  if (ctx->processor_named)
    {
      score += 30;
      settle_match_add_reason (reasons, _("text names the processor"));
    }
  if (j - i >= 2)
    score += 5;
  if (ctx->line->julian - g_array_index (m->charges, SettleMatchCharge, j - 1).created <= 3)
    score += 5;
  if (several)
    {
      score -= 25;
      settle_match_add_reason (reasons, _("another run of charges adds up to the same amount"));
    }
  key = g_strdup_printf ("c%u-%u", i, j);
  settle_match_push (ctx, s, key, score, reasons);
}

/* A payout pays out a run of charges in the order they were made: the run whose
 * nets add up to the line is found with the prefix sums, one lookup per end. */
void
settle_match_payout_candidates (SettleMatchCtx *ctx)
{
  SettleMatcher *m = ctx->m;
  guint from, to;
  guint runs[2][2], n_runs = 0;

  if (m->charges->len == 0)
    return;
  from = first_charge_from (m, ctx->line->julian > PAYOUT_WINDOW_DAYS
                               ? ctx->line->julian - PAYOUT_WINDOW_DAYS : 0);
  to = first_charge_from (m, ctx->line->julian + 1);
  /* Oldest runs first: a payout pays out what has waited longest. */
  for (guint j = from + 1; j <= to && n_runs < 2; j++)
    {
      gint64 want = m->prefix[j] - ctx->line->amount;

      for (gint32 i = settle_i64_map_lookup (&m->by_prefix, want); i >= 0 && n_runs < 2;
           i = m->prefix_next[i])
        {
          gboolean used = FALSE;

          if ((guint) i < from || (guint) i >= j)
            continue;
          for (guint k = i; k < j; k++)
            used = used || g_array_index (m->charges, SettleMatchCharge, k).used;
          if (used)
            continue;
          runs[n_runs][0] = i;
          runs[n_runs][1] = j;
          n_runs++;
        }
    }
  if (n_runs > 0)
    add_payout (ctx, runs[0][0], runs[0][1], n_runs > 1);
}

