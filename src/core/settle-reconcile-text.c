/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a bank line's text names: invoice numbers (exactly, or with one typo) and
 * clients (by name, or by a payer confirmed before). */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <string.h>

#include "settle-money.h"
#include "settle-reconcile-matcher.h"

#define CLIENT_TOKEN_MAX_CLIENTS 25

GPtrArray *
settle_match_tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  GString *cur = g_string_new (NULL);

  for (const char *p = text ? text : ""; ; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c))
        g_string_append_c (cur, g_ascii_toupper (c));
      else if (c == '-' && cur->len > 0)
        ; /* kept inside a token: "INV-000087" */
      else
        {
          if (cur->len > 0)
            g_ptr_array_add (tokens, g_strndup (cur->str, cur->len));
          g_string_truncate (cur, 0);
          if (c == '\0')
            break;
        }
    }
  g_string_free (cur, TRUE);
  return tokens;
}

guint
settle_match_digits (const char *token,
                     char        digits[20])
{
  const char *best = NULL;
  guint best_len = 0;

  for (const char *p = token; *p != '\0';)
    {
      if (g_ascii_isdigit (*p))
        {
          const char *start = p;

          while (g_ascii_isdigit (*p))
            p++;
          if ((guint) (p - start) > best_len)
            {
              best = start;
              best_len = p - start;
            }
        }
      else
        p++;
    }
  if (best_len > 18)
    best_len = 0;
  memcpy (digits, best ? best : "", best_len);
  digits[best_len] = '\0';
  return best_len;
}

gint64
settle_match_digits_value (const char *digits)
{
  gint64 v = 0;

  for (const char *p = digits; *p != '\0'; p++)
    v = v * 10 + (*p - '0');
  return v;
}

guint
settle_match_distance_le1 (const char *a,
                           const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  size_t i = 0;

  if (la > lb + 1 || lb > la + 1)
    return 2;
  while (i < la && i < lb && a[i] == b[i])
    i++;
  if (i == la && i == lb)
    return 0;
  if (la == lb)
    {
      /* One substitution, or two neighbours swapped. */
      if (strcmp (a + i + 1, b + i + 1) == 0)
        return 1;
      if (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp (a + i + 2, b + i + 2) == 0)
        return 1;
      return 2;
    }
  if (la > lb)
    return strcmp (a + i + 1, b + i) == 0 ? 1 : 2;
  return strcmp (a + i, b + i + 1) == 0 ? 1 : 2;
}

gboolean
settle_match_is_stop_word (const char *t)
{
  static const char * const stop[] = {
    "INC", "LLC", "LTD", "CO", "CORP", "CORPORATION", "COMPANY", "GMBH", "AG", "SA", "SARL",
    "BV", "THE", "AND", "OF", "PLC", "LLP", "LP", "KG", "UG", "SRL", "SAS", "PTY", "GROUP",
  };
  static GHashTable *set;
  static gsize ready;

  if (t[0] == '\0' || t[1] == '\0')
    return TRUE;
  if (g_once_init_enter (&ready))
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (stop); i++)
        g_hash_table_add (set, (gpointer) stop[i]);
      g_once_init_leave (&ready, 1);
    }
  return g_hash_table_contains (set, t);
}

char *
settle_reconcile_normalise_name (const char *text)
{
  g_autoptr(GPtrArray) tokens = settle_match_tokenize (text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *t = g_ptr_array_index (tokens, i);

      if (settle_match_is_stop_word (t))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      for (const char *p = t; *p; p++)
        if (*p != '-')
          g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
settle_reconcile_normalise_account (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

static gboolean
is_number_word (const char *t)
{
  static const char * const words[] = { "INVOICE", "INV", "RECHNUNG", "RE", "FACTURE", "NR", "NO",
                                        "NUMBER", "REF", "BILL" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (t, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
add_hit (SettleMatchCtx *ctx,
         guint           inv,
         gboolean        exact)
{
  for (guint i = 0; i < ctx->hits->len; i++)
    {
      SettleMatchHit *h = &g_array_index (ctx->hits, SettleMatchHit, i);

      if (h->inv == inv)
        {
          h->exact = h->exact || exact;
          return;
        }
    }
  g_array_append_val (ctx->hits, ((SettleMatchHit) { inv, exact }));
}

/* Invoices whose number's digits have this value: the token names them exactly
 * (same digits, or no leading zeros written), or with one typo. */
static guint
lookup_value (SettleMatchCtx *ctx,
              gint64          value,
              const char     *token_digits,
              gint64          token_value,
              gboolean        exact)
{
  guint found = 0;

  for (gint32 i = settle_i64_map_lookup (&ctx->m->by_number, value); i >= 0;
       i = settle_match_inv_at (ctx->m, i)->next_number)
    {
      SettleMatchInvoice *inv = settle_match_inv_at (ctx->m, i);
      gboolean same;

      /* A typo only matters where the amount agrees: in a dense numbering nearly
       * every neighbour exists. */
      if (!settle_match_usable (ctx, inv) || (!exact && inv->open != ctx->line->amount))
        continue;
      /* "41" names INV-000041; "00001" is INV-000001 with a zero lost, or another
       * number with a digit lost: a typo either way. */
      same = strcmp (inv->digits, token_digits) == 0
             || (token_digits[0] != '0' && inv->value == token_value);
      if (exact ? same
                : !same && (inv->value == token_value
                            || settle_match_distance_le1 (inv->digits, token_digits) == 1))
        {
          add_hit (ctx, i, exact);
          found++;
        }
    }
  return found;
}

/* Every number one edit (drop, change, add, swap a digit) away from digits, as
 * integers: a few hundred cheap lookups, no strings. */
static void
lookup_one_typo (SettleMatchCtx *ctx,
                 const char     *digits)
{
  static const gint64 pow10[] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
    G_GINT64_CONSTANT (10000000000), G_GINT64_CONSTANT (100000000000),
    G_GINT64_CONSTANT (1000000000000), G_GINT64_CONSTANT (10000000000000),
    G_GINT64_CONSTANT (100000000000000), G_GINT64_CONSTANT (1000000000000000),
    G_GINT64_CONSTANT (10000000000000000), G_GINT64_CONSTANT (100000000000000000),
    G_GINT64_CONSTANT (1000000000000000000),
  };
  guint len = strlen (digits);
  gint64 v = settle_match_digits_value (digits);

  if (len >= 18)
    return;
  for (guint p = 0; p < len; p++)
    {
      gint64 c = (v / pow10[p]) % 10;
      gint64 hi = v / pow10[p + 1], lo = v % pow10[p];

      for (gint64 x = 0; x <= 9; x++)
        if (x != c)
          lookup_value (ctx, v + (x - c) * pow10[p], digits, v, FALSE);
      lookup_value (ctx, hi * pow10[p] + lo, digits, v, FALSE);
      if (p + 1 < len)
        {
          gint64 a = (v / pow10[p + 1]) % 10;

          if (a != c)
            lookup_value (ctx, v + (c - a) * pow10[p + 1] + (a - c) * pow10[p], digits, v, FALSE);
        }
    }
  for (guint p = 0; p <= len; p++)
    {
      gint64 hi = v / pow10[p], lo = v % pow10[p];

      for (gint64 x = 0; x <= 9; x++)
        lookup_value (ctx, (hi * 10 + x) * pow10[p] + lo, digits, v, FALSE);
    }
}

guint
settle_match_number_token (GPtrArray *tokens,
                           guint      i,
                           char       digits[20])
{
  const char *t = g_ptr_array_index (tokens, i);
  guint len = settle_match_digits (t, digits);
  gboolean has_letters = FALSE;

  if (len == 0)
    return 0;
  for (const char *p = t; *p; p++)
    has_letters = has_letters || g_ascii_isalpha (*p);
  /* Short bare numbers are amounts, days or house numbers unless a word says
   * "invoice" before them. */
  if (len < 4 && !has_letters && !(i > 0 && is_number_word (g_ptr_array_index (tokens, i - 1))))
    return 0;
  return len;
}

void
settle_match_find_numbers (SettleMatchCtx *ctx)
{
  guint n_amount = settle_matcher_count_amount (ctx->m, ctx->line->amount);

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      char digits[20];
      guint len = settle_match_number_token (ctx->tokens, i, digits);
      gint64 value;

      if (len == 0)
        continue;
      value = settle_match_digits_value (digits);
      lookup_value (ctx, value, digits, value, TRUE);
      lookup_value (ctx, value, digits, value, FALSE);
      /* Even when the number exists: a typo can turn one number into another.
       * Only invoices of the line's amount matter: when they are few, they are
       * checked one by one instead of trying every one-edit variant. */
      if (len >= 5 && n_amount <= 64)
        {
          for (gint32 k = settle_i64_map_lookup (&ctx->m->by_amount, ctx->line->amount); k >= 0;
               k = settle_match_inv_at (ctx->m, k)->next_amount)
            {
              SettleMatchInvoice *inv = settle_match_inv_at (ctx->m, k);

              if (inv->open == ctx->line->amount && inv->value != value
                  && settle_match_distance_le1 (inv->digits, digits) == 1)
                lookup_value (ctx, inv->value, digits, value, FALSE);
            }
        }
      else if (len >= 5 && (ctx->m->digit_lengths & (7u << (len - 1))) != 0)
        lookup_one_typo (ctx, digits);
    }
}

void
settle_match_find_clients (SettleMatchCtx *ctx)
{
  GHashTable *counts = ctx->m->scratch_counts;
  GHashTable *done = ctx->m->scratch_done;
  g_autofree char *payer = NULL;
  GHashTableIter iter;
  gpointer key, value;

  ctx->payer_client = -1;
  ctx->hint_client = -1;
  if (ctx->line->payer_name != NULL && *ctx->line->payer_name != '\0')
    {
      g_autofree char *hint_key = NULL;
      SettleMatchHint *hint;
      guint exact;

      payer = settle_reconcile_normalise_name (ctx->line->payer_name);
      exact = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->m->name_exact, payer));
      if (exact > 0)
        ctx->payer_client = exact - 1;
      hint_key = g_strconcat ("name:", payer, NULL);
      hint = g_hash_table_lookup (ctx->m->hints, hint_key);
      if (hint != NULL && !hint->ambiguous)
        {
          ctx->hint_client = hint->client;
          ctx->hint_count = hint->count;
        }
    }
  if (ctx->line->payer_account != NULL && *ctx->line->payer_account != '\0')
    {
      g_autofree char *account = settle_reconcile_normalise_account (ctx->line->payer_account);
      g_autofree char *hint_key = g_strconcat ("account:", account, NULL);
      SettleMatchHint *hint = g_hash_table_lookup (ctx->m->hints, hint_key);

      if (hint != NULL && !hint->ambiguous && hint->count >= ctx->hint_count)
        {
          ctx->hint_client = hint->client;
          ctx->hint_count = hint->count;
        }
    }

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      char *t = g_ptr_array_index (ctx->tokens, i);
      GArray *list;

      if ((t[0] == 'S' || t[0] == 'P')
          && (strcmp (t, "STRIPE") == 0 || strcmp (t, "PAYPAL") == 0 || strcmp (t, "SQUARE") == 0))
        ctx->processor_named = TRUE;
      if (settle_match_is_stop_word (t) || !g_hash_table_add (done, t))
        continue;
      list = g_hash_table_lookup (ctx->m->name_tokens, t);
      if (list == NULL || list->len > CLIENT_TOKEN_MAX_CLIENTS)
        continue;
      for (guint j = 0; j < list->len; j++)
        {
          gpointer k = GUINT_TO_POINTER (g_array_index (list, guint, j) + 1);

          g_hash_table_insert (counts, k,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k)) + 1));
        }
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SettleMatchClient *c = settle_match_client_at (ctx->m, GPOINTER_TO_UINT (key) - 1);

      /* All of the name's words, and more than one short word. */
      if (GPOINTER_TO_UINT (value) == c->n_tokens
          && (c->n_tokens >= 2 || strlen (c->norm) >= 4))
        g_hash_table_add (ctx->named, key);
    }
  g_hash_table_remove_all (counts);
  g_hash_table_remove_all (done);
}

/* Points for what says the money comes from client c; reasons appended. */
