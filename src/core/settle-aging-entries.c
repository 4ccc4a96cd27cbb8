/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include "settle-aging-private.h"

/* The drill-down: the open invoices behind a cell of the aging report. It reads the
 * same rows as settle_aging_compute_with (the cached balances when nothing is dated
 * after as_of, else the historical items) and buckets them with the same cutoffs,
 * so the open amounts of a cell's entries always add up to the cell. */

void
settle_aging_entry_free (SettleAgingEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->number);
  g_free (entry->client_name);
  g_free (entry);
}

/* Columns: client_id, due_date, issue_date, open, id, number, total, client name.
 * ?1 as_of, ?2/?3 the bucket's date range on the basis column (>= ?2, < ?3),
 * ?5 currency, ?6 client. */
#define ENTRY_COLS \
  ", i.id, i.number, i.total, (SELECT c.name FROM clients c WHERE c.id = i.client_id) AS name"

static char *
entries_sql (gboolean current,
             gboolean by_issue,
             gboolean one_client)
{
  const char *col = by_issue ? "i.issue_date" : "i.due_date";
  g_autofree char *where = g_strdup_printf ("AND %s >= ?2 AND %s < ?3 %s", col, col,
                                            one_client ? "AND i.client_id = ?6 " : "");

  if (current)
    return g_strdup_printf ("SELECT i.client_id, i.due_date, i.issue_date, "
                            "i.total - i.amount_paid" ENTRY_COLS " FROM invoices i "
                            "WHERE i.status IN ('issued', 'partial') AND i.currency = ?5 %s"
                            "ORDER BY i.due_date, i.id", where);
  return g_strdup_printf ("SELECT * FROM ("
                          SETTLE_AGING_HISTORICAL_ITEMS ("i.closed_on IS NULL", ENTRY_COLS, "%s")
                          "UNION ALL "
                          SETTLE_AGING_HISTORICAL_ITEMS ("i.closed_on > ?1", ENTRY_COLS, "%s")
                          ") ORDER BY due_date, id", where, where);
}

GPtrArray *
settle_aging_list_entries (SettleBook               *book,
                           const SettleAgingOptions *options,
                           SettleId                  client_id,
                           int                       bucket,
                           GError                  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *sql = NULL;
  SettleAgingCutoffs cutoffs;
  gboolean current = FALSE;
  gboolean by_issue;
  guint32 as_of_julian;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (options != NULL && g_date_valid (&options->as_of), NULL);
  g_return_val_if_fail (options->basis == SETTLE_AGING_BY_DUE_DATE
                        || options->basis == SETTLE_AGING_BY_INVOICE_DATE, NULL);
  g_return_val_if_fail (client_id >= 0, NULL);
  g_return_val_if_fail (bucket >= -1 && bucket < SETTLE_AGING_N_BUCKETS, NULL);

  if (!settle_aging_edges_valid (options->edges, error))
    return NULL;
  currency = options->currency[0] != '\0' ? g_strdup (options->currency)
                                          : settle_aging_book_currency (book);
  settle_aging_cutoffs_init (&cutoffs, options);
  by_issue = options->basis == SETTLE_AGING_BY_INVOICE_DATE;
  as_of_julian = g_date_get_julian (&options->as_of);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_aging_entry_free);

  if (!settle_book_exec (book, "SAVEPOINT aging_entries", error))
    return NULL;
  if (!settle_aging_cache_is_current (book, cutoffs.cut[0], &current, error))
    goto fail;
  sql = entries_sql (current, by_issue, client_id != 0);
  stmt = settle_book_prepare (book, sql, error);
  if (stmt == NULL)
    goto fail;
  settle_bind_text (stmt, 1, cutoffs.cut[0]);
  /* A bucket is a range of dates on the basis column: bucket k holds dates from
   * cut[k] (inclusive) to cut[k-1] (exclusive); ISO text compares like the dates. */
  settle_bind_text (stmt, 2, bucket >= 0 && bucket < SETTLE_AGING_N_BUCKETS - 1
                               ? cutoffs.cut[bucket] : "0000-00-00");
  settle_bind_text (stmt, 3, bucket > 0 ? cutoffs.cut[bucket - 1] : "9999-99-99");
  settle_bind_text (stmt, 5, currency);
  if (client_id != 0)
    sqlite3_bind_int64 (stmt, 6, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleAgingEntry *entry;
      gint64 open = sqlite3_column_int64 (stmt, 3);

      /* The report skips nothing else: a zero balance adds nothing to a cell. */
      if (open == 0)
        continue;
      entry = g_new0 (SettleAgingEntry, 1);
      entry->client_id = sqlite3_column_int64 (stmt, 0);
      settle_column_date (stmt, 1, &entry->due_date);
      settle_column_date (stmt, 2, &entry->issue_date);
      entry->open = open;
      entry->invoice_id = sqlite3_column_int64 (stmt, 4);
      entry->number = settle_column_dup (stmt, 5);
      entry->total = sqlite3_column_int64 (stmt, 6);
      entry->client_name = settle_column_dup (stmt, 7);
      entry->days = (int) as_of_julian
                    - (int) g_date_get_julian (by_issue ? &entry->issue_date : &entry->due_date);
      entry->bucket = settle_aging_cutoffs_bucket (&cutoffs,
                                                   (const char *) sqlite3_column_text (stmt,
                                                                                       by_issue ? 2 : 1));
      g_assert (entry->bucket == settle_aging_bucket_for_days (options->edges, entry->days));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      goto fail;
    }
  settle_book_exec (book, "RELEASE aging_entries", NULL);
  return g_steal_pointer (&entries);

fail:
  settle_book_exec (book, "ROLLBACK TO aging_entries; RELEASE aging_entries", NULL);
  return NULL;
}
