/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <string.h>

#include "settle-money.h"
#include "settle-reconcile.h"
#include "settle-reconcile-csv.h"

static const char * const header[] = {
  "date", "amount", "currency", "payer", "reference", "description", "status", "matched_to",
  "score", "automatic", "accepted_at",
};

/* Quotes a field when RFC 4180 needs it. Text that came from the bank and starts like a
 * spreadsheet formula gets a leading apostrophe, so opening the file runs nothing. */
static void
append_field (GString    *out,
              const char *text,
              gboolean    external,
              gboolean    last)
{
  if (text == NULL)
    text = "";
  if (external && strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    {
      g_autofree char *guarded = g_strconcat ("'", text, NULL);

      append_field (out, guarded, FALSE, last);
      return;
    }
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

char *
settle_reconcile_to_csv (SettleBook  *book,
                         SettleId     bank_account_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lines = settle_reconcile_list_lines (book, bank_account_id, NULL, error);
  if (lines == NULL)
    return NULL;
  matches = settle_reconcile_list_matches (book, bank_account_id, error);
  if (matches == NULL)
    return NULL;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < matches->len; i++)
    {
      SettleMatchRecord *r = g_ptr_array_index (matches, i);

      g_hash_table_insert (by_id, &r->match_id, r);
    }

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    append_field (out, header[c], FALSE, c + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < lines->len; i++)
    {
      const SettleStatementLineRow *row = g_ptr_array_index (lines, i);
      const SettleMatchRecord *match = NULL;
      g_autofree char *date = settle_date_to_iso (&row->date);
      g_autofree char *amount = settle_money_to_plain (settle_money_init (row->amount,
                                                                          row->currency));
      g_autofree char *score = NULL;

      if (row->match_id != 0 && g_strcmp0 (row->status, "matched") == 0)
        match = g_hash_table_lookup (by_id, &row->match_id);
      if (match != NULL)
        score = g_strdup_printf ("%d", match->score);

      append_field (out, date, FALSE, FALSE);
      append_field (out, amount, FALSE, FALSE);
      append_field (out, row->currency, FALSE, FALSE);
      append_field (out, row->payer_name, TRUE, FALSE);
      append_field (out, row->reference, TRUE, FALSE);
      append_field (out, row->description, TRUE, FALSE);
      append_field (out, row->status, FALSE, FALSE);
      append_field (out, match != NULL ? match->matched_to : NULL, TRUE, FALSE);
      append_field (out, score, FALSE, FALSE);
      append_field (out, match == NULL ? NULL : match->automatic ? "true" : "false", FALSE, FALSE);
      append_field (out, match != NULL ? match->accepted_at : NULL, FALSE, TRUE);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
