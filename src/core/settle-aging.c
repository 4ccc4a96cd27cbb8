/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "settle-aging-private.h"

void
settle_aging_report_free (SettleAgingReport *report)
{
  if (report == NULL)
    return;
  g_free (report->totals.client_name);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_free (report);
}

static void
row_free (SettleAgingRow *row)
{
  g_free (row->client_name);
  g_free (row);
}

char *
settle_aging_bucket_label (const SettleAgingReport *report,
                           int                      bucket)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (bucket >= 0 && bucket < SETTLE_AGING_N_BUCKETS, NULL);

  if (bucket == 0)
    return g_strdup (report->basis == SETTLE_AGING_BY_DUE_DATE ? _("Current") : _("Today"));
  if (bucket == SETTLE_AGING_N_BUCKETS - 1)
    /* Translators: an aging bucket, e.g. "91+" days */
    return g_strdup_printf (_("%d+"), report->edges[bucket - 2] + 1);
  /* Translators: an aging bucket, e.g. "31–60" days */
  return g_strdup_printf (_("%d–%d"), bucket == 1 ? 1 : report->edges[bucket - 2] + 1,
                          report->edges[bucket - 1]);
}

char *
settle_aging_book_currency (SettleBook *book)
{
  char *currency = settle_book_get_setting (book, "currency");

  if (currency == NULL || strlen (currency) != 3)
    {
      g_free (currency);
      return g_strdup ("USD");
    }
  return currency;
}

gboolean
settle_aging_cache_is_current (SettleBook  *book,
                               const char  *as_of,
                               gboolean    *current,
                               GError     **error)
{
  /* Each is one probe of an index's end. "reversed_on IS NOT NULL" lets a partial
   * index on payments (reversed_on) answer (see docs/aging.md); without one it is a
   * scan of payments_by_client, correct but ~40 ms on a million payments. */
  static const char * const queries[] = {
    "SELECT MAX (issue_date) FROM invoices",
    "SELECT MAX (closed_on) FROM invoices WHERE status <> 'draft'",
    "SELECT MAX (date) FROM applications",
    "SELECT MAX (date) FROM payments",
    "SELECT MAX (reversed_on) FROM payments WHERE reversed_on IS NOT NULL",
    "SELECT MAX (date) FROM refunds",
  };

  *current = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = settle_book_prepare (book, queries[i], error);
      gboolean later = FALSE;
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        later = strcmp ((const char *) sqlite3_column_text (stmt, 0), as_of) > 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return settle_book_set_error (book, rc, error);
      if (later)
        return TRUE;
    }
  *current = TRUE;
  return TRUE;
}

/* The open items, one row each: client_id, due_date, issue_date, open balance.
 * Bucketing happens in C (settle_aging_cutoffs_bucket), which is cheaper than five
 * CASE sums and a GROUP BY sort, and keeps the edges out of the SQL.
 * Current: the cached balances of open invoices; ORDER BY due_date makes the
 * planner read the covering partial index invoices_open (0001) rather than
 * invoices_by_status plus a table row per invoice (29 ms instead of 80 ms on 80k
 * open items). Historical: see SETTLE_AGING_HISTORICAL_ITEMS. */
static const char current_items_sql[] =
  "SELECT client_id, due_date, issue_date, total - amount_paid FROM invoices "
  "WHERE status IN ('issued', 'partial') AND currency = ?5 ORDER BY due_date";

static const char historical_items_sql[] =
  SETTLE_AGING_HISTORICAL_ITEMS ("i.closed_on IS NULL", "", "")
  "UNION ALL "
  SETTLE_AGING_HISTORICAL_ITEMS ("i.closed_on > ?1", "", "");

static SettleAgingRow *
row_for (GHashTable *rows,
         SettleId    client_id)
{
  SettleAgingRow *row = g_hash_table_lookup (rows, &client_id);

  if (row == NULL)
    {
      row = g_new0 (SettleAgingRow, 1);
      row->client_id = client_id;
      g_hash_table_insert (rows, &row->client_id, row);
    }
  return row;
}

static gboolean
collect_items (SettleBook               *book,
               gboolean                  current,
               const SettleAgingOptions *options,
               const char               *currency,
               GHashTable               *rows,
               GError                  **error)
{
  SettleAgingCutoffs cutoffs;
  sqlite3_stmt *stmt;
  int date_col = options->basis == SETTLE_AGING_BY_DUE_DATE ? 1 : 2;
  SettleAgingRow *row = NULL;
  int rc;

  settle_aging_cutoffs_init (&cutoffs, options);
  stmt = settle_book_prepare (book, current ? current_items_sql : historical_items_sql, error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, cutoffs.cut[0]);
  settle_bind_text (stmt, 5, currency);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId client_id = sqlite3_column_int64 (stmt, 0);
      const char *date = (const char *) sqlite3_column_text (stmt, date_col);
      gint64 open = sqlite3_column_int64 (stmt, 3);

      if (open == 0)
        continue;
      if (row == NULL || row->client_id != client_id)
        row = row_for (rows, client_id);
      row->buckets[settle_aging_cutoffs_bucket (&cutoffs, date)] += open;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

/* Credit on a date D: payments received by then (settled, and not reversed by then)
 * and credit notes issued by then, less what of them was applied (and not reversed)
 * or refunded by then. Credit notes are settled the day they are issued, so they
 * are never open items.
 *
 * Direct: each sum is one client's range of an index up to D; the two big ones,
 * payments_by_client (since 0007) and applications_by_client, cover what they read.
 * Work grows with the history before D. */
static const char credits_direct_sql[] =
  "SELECT c.id, "
  " COALESCE ((SELECT SUM (p.amount) FROM payments p WHERE p.client_id = c.id "
  "   AND p.date <= ?1 AND p.status <> 'pending' "
  "   AND (p.status <> 'reversed' OR p.reversed_on > ?1)), 0) + "
  " COALESCE ((SELECT SUM (n.total) FROM invoices n WHERE n.client_id = c.id "
  "   AND n.kind = 'credit-note' AND n.status <> 'draft' AND n.issue_date <= ?1), 0) - "
  " COALESCE ((SELECT SUM (a.amount) FROM applications a WHERE a.client_id = c.id "
  "   AND a.date <= ?1 AND (a.reversed_on IS NULL OR a.reversed_on > ?1)), 0) - "
  " COALESCE ((SELECT SUM (r.amount) FROM refunds r WHERE r.client_id = c.id "
  "   AND r.date <= ?1), 0) "
  "FROM clients c WHERE c.currency = ?2";

/* Backwards from the cached credit (settled payments + credit notes − live
 * applications − refunds, checked by settle_book_check_invariants): take away what
 * came after D, on the same indexes but ranges after D, so the work grows with the
 * history after D. Two moves straddle D and are corrected separately (below):
 * payments received by D and reversed after it (money on D, not now), and
 * applications made by D and reversed after it (applied on D, not now). */
static const char credits_delta_sql[] =
  "SELECT c.id, c.credit - "
  " COALESCE ((SELECT SUM (p.amount) FROM payments p WHERE p.client_id = c.id "
  "   AND p.date > ?1 AND p.status = 'settled'), 0) - "
  " COALESCE ((SELECT SUM (n.total) FROM invoices n WHERE n.client_id = c.id "
  "   AND n.kind = 'credit-note' AND n.status <> 'draft' AND n.issue_date > ?1), 0) + "
  " COALESCE ((SELECT SUM (a.amount) FROM applications a WHERE a.client_id = c.id "
  "   AND a.date > ?1 AND a.reversed_on IS NULL), 0) + "
  " COALESCE ((SELECT SUM (r.amount) FROM refunds r WHERE r.client_id = c.id "
  "   AND r.date > ?1), 0) "
  "FROM clients c WHERE c.currency = ?2";

/* Reversals are few, and the partial indexes on reversed_on find them
 * (applications_reversed since 0005; payments_reversed asked for in 0009, a scan of
 * payments without it). "+date" keeps the planner off the date indexes, whose range
 * up to D would be most of the book. One row per move, the amount to add to the
 * client's credit on D; rows of clients in another currency are dropped. */
static const char * const credits_straddle_sql[] = {
  "SELECT client_id, amount FROM payments "
  "WHERE reversed_on IS NOT NULL AND reversed_on > ?1 AND +date <= ?1 AND status = 'reversed'",
  "SELECT client_id, -amount FROM applications "
  "WHERE reversed_on IS NOT NULL AND reversed_on > ?1 AND +date <= ?1",
};

/* Whether D is in the later half of the book's payment history, where counting
 * back from the cached credit reads less than counting up to D. Both are exact. */
static gboolean
credits_from_cache (SettleBook  *book,
                    const GDate *as_of,
                    gboolean    *delta,
                    GError     **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT MIN (date), MAX (date) FROM payments",
                                            error);
  GDate first, last;
  int rc;

  *delta = FALSE;
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      settle_column_date (stmt, 0, &first);
      settle_column_date (stmt, 1, &last);
      if (g_date_valid (&first) && g_date_valid (&last))
        *delta = g_date_get_julian (as_of) * 2
                 >= (guint64) g_date_get_julian (&first) + g_date_get_julian (&last);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

/* Rows of (client id, amount) into credits: as each client's credit, or (add)
 * added to the credit of a client already there. */
static gboolean
sum_credits (SettleBook  *book,
             const char  *sql,
             const char  *as_of,
             const char  *currency,
             gboolean     add,
             GHashTable  *credits,
             GError     **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, as_of);
  settle_bind_text (stmt, 2, currency);   /* SQLITE_RANGE, harmless, where unused */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);
      gint64 *credit = g_hash_table_lookup (credits, &id);

      if (credit == NULL && add)
        continue;
      if (credit == NULL)
        {
          credit = g_new0 (gint64, 2);
          credit[1] = id;
          g_hash_table_insert (credits, &credit[1], credit);
        }
      credit[0] = (add ? credit[0] : 0) + sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

static gboolean
collect_credits (SettleBook  *book,
                 gboolean     current,
                 const GDate *as_of_date,
                 const char  *as_of,
                 const char  *currency,
                 GHashTable  *rows,
                 GError     **error)
{
  g_autoptr(GHashTable) credits = NULL;
  GHashTableIter iter;
  gpointer value;
  gboolean delta = FALSE;

  /* Every client's credit on D as {credit, client id}, keyed by the id. */
  credits = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  if (current)
    {
      if (!sum_credits (book, "SELECT id, credit FROM clients WHERE credit <> 0 AND currency = ?2",
                        as_of, currency, FALSE, credits, error))
        return FALSE;
    }
  else if (!credits_from_cache (book, as_of_date, &delta, error))
    return FALSE;
  else if (!delta)
    {
      if (!sum_credits (book, credits_direct_sql, as_of, currency, FALSE, credits, error))
        return FALSE;
    }
  else
    {
      if (!sum_credits (book, credits_delta_sql, as_of, currency, FALSE, credits, error))
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (credits_straddle_sql); i++)
        if (!sum_credits (book, credits_straddle_sql[i], as_of, currency, TRUE, credits, error))
          return FALSE;
    }

  g_hash_table_iter_init (&iter, credits);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const gint64 *credit = value;

      if (credit[0] != 0)
        row_for (rows, credit[1])->credit = credit[0];
    }
  return TRUE;
}

static gboolean
fill_names (SettleBook *book,
            GPtrArray  *rows,
            GError    **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < rows->len; i++)
    {
      SettleAgingRow *row = g_ptr_array_index (rows, i);
      int rc;

      stmt = settle_book_prepare (book, "SELECT name FROM clients WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->client_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        row->client_name = settle_column_dup (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return settle_book_set_error (book, rc, error);
    }
  return TRUE;
}

static int
compare_rows_by_name (gconstpointer a,
                      gconstpointer b)
{
  const SettleAgingRow *ra = *(SettleAgingRow **) a;
  const SettleAgingRow *rb = *(SettleAgingRow **) b;
  int cmp = g_utf8_collate (ra->client_name, rb->client_name);

  return cmp != 0 ? cmp : (ra->client_id > rb->client_id) - (ra->client_id < rb->client_id);
}

SettleAgingReport *
settle_aging_compute_with (SettleBook               *book,
                           const SettleAgingOptions *options,
                           GError                  **error)
{
  g_autoptr(SettleAgingReport) report = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *as_of_iso = NULL;
  gboolean current = FALSE;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (options != NULL && g_date_valid (&options->as_of), NULL);
  g_return_val_if_fail (options->basis == SETTLE_AGING_BY_DUE_DATE
                        || options->basis == SETTLE_AGING_BY_INVOICE_DATE, NULL);

  if (!settle_aging_edges_valid (options->edges, error))
    return NULL;
  currency = options->currency[0] != '\0' ? g_strdup (options->currency)
                                          : settle_aging_book_currency (book);

  report = g_new0 (SettleAgingReport, 1);
  report->as_of = options->as_of;
  report->basis = options->basis;
  g_strlcpy (report->currency, currency, sizeof report->currency);
  memcpy (report->edges, options->edges, sizeof report->edges);
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  as_of_iso = settle_date_to_iso (&options->as_of);

  /* Read everything in one snapshot, so a writer between queries cannot tear it. */
  if (!settle_book_exec (book, "SAVEPOINT aging", error))
    return NULL;

  if (!settle_aging_cache_is_current (book, as_of_iso, &current, error)
      || !collect_items (book, current, options, currency, rows, error)
      || !collect_credits (book, current, &options->as_of, as_of_iso, currency, rows, error))
    goto fail;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SettleAgingRow *row = value;
      gboolean empty = row->credit == 0;

      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        {
          row->balance += row->buckets[b];
          report->totals.buckets[b] += row->buckets[b];
          empty = empty && row->buckets[b] == 0;
        }
      row->balance -= row->credit;
      report->totals.credit += row->credit;
      report->totals.balance += row->balance;
      if (empty)
        g_free (row);
      else
        g_ptr_array_add (report->rows, row);
    }
  g_hash_table_steal_all (rows);
  if (!fill_names (book, report->rows, error))
    goto fail;
  settle_book_exec (book, "RELEASE aging", NULL);
  g_ptr_array_sort (report->rows, compare_rows_by_name);
  report->totals.client_name = g_strdup (_("Total"));
  return g_steal_pointer (&report);

fail:
  settle_book_exec (book, "ROLLBACK TO aging; RELEASE aging", NULL);
  return NULL;
}

SettleAgingReport *
settle_aging_compute (SettleBook       *book,
                      const GDate      *as_of,
                      SettleAgingBasis  basis,
                      const char       *currency,
                      GError          **error)
{
  SettleAgingOptions options;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  /* No book: the defaults, not the book's saved edges (the signature predates them). */
  settle_aging_options_init (&options, NULL, as_of);
  options.basis = basis;
  if (currency != NULL)
    g_strlcpy (options.currency, currency, sizeof options.currency);
  return settle_aging_compute_with (book, &options, error);
}

gboolean
settle_receivables_balance (SettleBook  *book,
                            const GDate *as_of,
                            const char  *currency,
                            gint64      *balance,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *book_cur = NULL;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);

  if (currency == NULL)
    currency = book_cur = settle_aging_book_currency (book);
  stmt = settle_book_prepare (book,
                              "SELECT "
                              " COALESCE ((SELECT SUM (CASE WHEN kind = 'credit-note' THEN -total "
                              "   ELSE total END) FROM invoices WHERE status <> 'draft' "
                              "   AND currency = ?2 AND issue_date <= ?1 "
                              "   AND NOT (status = 'void' AND closed_on <= ?1)), 0) - "
                              " COALESCE ((SELECT SUM (amount) FROM payments WHERE currency = ?2 "
                              "   AND date <= ?1 AND status <> 'pending' "
                              "   AND (status <> 'reversed' OR reversed_on > ?1)), 0) + "
                              " COALESCE ((SELECT SUM (amount) FROM refunds WHERE currency = ?2 "
                              "   AND date <= ?1), 0)",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_date (stmt, 1, as_of);
  settle_bind_text (stmt, 2, currency);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *balance = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

/* Each query returns one row naming what is broken, or nothing. */
static const struct
{
  const char *what;
  const char *sql;
} invariants[] = {
  { N_("subtotal is not the sum of its lines"),
    "SELECT i.id FROM invoices i WHERE i.subtotal <> "
    "(SELECT COALESCE (SUM (l.net), 0) FROM invoice_lines l WHERE l.invoice_id = i.id) LIMIT 1" },
  { N_("total is not subtotal plus tax"),
    "SELECT id FROM invoices WHERE total <> subtotal + tax_total LIMIT 1" },
  { N_("tax is not the sum of its lines' tax"),
    "SELECT i.id FROM invoices i WHERE i.tax_rounding = 'per-line' AND i.tax_total <> "
    "(SELECT COALESCE (SUM (l.tax), 0) FROM invoice_lines l WHERE l.invoice_id = i.id) LIMIT 1" },
  { N_("amount paid is not the sum of its applications"),
    "SELECT i.id FROM invoices i WHERE i.kind = 'invoice' AND i.amount_paid <> "
    "(SELECT COALESCE (SUM (a.amount), 0) FROM applications a WHERE a.invoice_id = i.id "
    " AND a.reversed_on IS NULL) LIMIT 1" },
  { N_("status does not match what was paid"),
    "SELECT id FROM invoices WHERE "
    "(status = 'paid' AND (amount_paid <> total OR closed_on IS NULL)) OR "
    "(status = 'partial' AND (amount_paid <= 0 OR amount_paid >= total OR closed_on IS NOT NULL)) OR "
    "(status = 'issued' AND (amount_paid <> 0 OR closed_on IS NOT NULL)) OR "
    "(status = 'void' AND (amount_paid <> 0 OR closed_on IS NULL)) OR "
    "(status = 'draft' AND amount_paid <> 0) LIMIT 1" },
  { N_("a credit note is not settled on its date or not linked to an invoice"),
    "SELECT n.id FROM invoices n WHERE n.kind = 'credit-note' AND (n.status <> 'paid' OR "
    "n.amount_paid <> n.total OR n.closed_on <> n.issue_date OR n.total <= 0 OR "
    "n.original_id IS NULL OR "
    "(SELECT o.kind FROM invoices o WHERE o.id = n.original_id) IS NOT 'invoice') LIMIT 1" },
  { N_("a credit note has more applied than its total"),
    "SELECT n.id FROM invoices n WHERE n.kind = 'credit-note' AND n.total < "
    "(SELECT COALESCE (SUM (a.amount), 0) FROM applications a WHERE a.credit_note_id = n.id) + "
    "(SELECT COALESCE (SUM (r.amount), 0) FROM refund_parts r WHERE r.credit_note_id = n.id) "
    "LIMIT 1" },
  { N_("an application comes from neither a payment nor a credit note"),
    "SELECT a.invoice_id FROM applications a WHERE (a.payment_id IS NULL) = "
    "(a.credit_note_id IS NULL) OR (a.credit_note_id IS NOT NULL AND a.date < "
    "(SELECT n.issue_date FROM invoices n WHERE n.id = a.credit_note_id)) LIMIT 1" },
  { N_("an application is dated before its invoice was issued"),
    "SELECT a.invoice_id FROM applications a JOIN invoices i ON i.id = a.invoice_id "
    "WHERE a.date < i.issue_date LIMIT 1" },
};

static const struct
{
  const char *what;
  const char *sql;
} client_invariants[] = {
  { N_("balance is not the sum of its open invoices"),
    "SELECT c.id FROM clients c WHERE c.balance <> "
    "(SELECT COALESCE (SUM (i.total - i.amount_paid), 0) FROM invoices i "
    " WHERE i.client_id = c.id AND i.status IN ('issued', 'partial')) LIMIT 1" },
  { N_("credit is not its payments and credit notes less their applications"),
    "SELECT c.id FROM clients c WHERE c.credit <> "
    "(SELECT COALESCE (SUM (p.amount), 0) FROM payments p WHERE p.client_id = c.id "
    " AND p.status = 'settled') + "
    "(SELECT COALESCE (SUM (n.total), 0) FROM invoices n WHERE n.client_id = c.id "
    " AND n.kind = 'credit-note' AND n.status <> 'draft') - "
    "(SELECT COALESCE (SUM (a.amount), 0) FROM applications a WHERE a.client_id = c.id "
    " AND a.reversed_on IS NULL) - "
    "(SELECT COALESCE (SUM (r.amount), 0) FROM refunds r WHERE r.client_id = c.id) LIMIT 1" },
  { N_("a payment has more applied than its amount"),
    "SELECT p.client_id FROM payments p WHERE p.amount < "
    "(SELECT COALESCE (SUM (a.amount), 0) FROM applications a WHERE a.payment_id = p.id "
    " AND a.reversed_on IS NULL) + "
    "(SELECT COALESCE (SUM (r.amount), 0) FROM refund_parts r WHERE r.payment_id = p.id) LIMIT 1" },
  { N_("a pending or reversed payment still has applications"),
    "SELECT p.client_id FROM payments p WHERE p.status <> 'settled' AND EXISTS "
    "(SELECT 1 FROM applications a WHERE a.payment_id = p.id AND a.reversed_on IS NULL) LIMIT 1" },
  { N_("a refund is not the sum of its parts"),
    "SELECT r.client_id FROM refunds r WHERE r.amount <> "
    "(SELECT COALESCE (SUM (t.amount), 0) FROM refund_parts t WHERE t.refund_id = r.id) LIMIT 1" },
};

static gboolean
first_violation (SettleBook *book,
                 const char *sql,
                 SettleId   *id,
                 GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

gboolean
settle_book_check_invariants (SettleBook *book,
                              GError    **error)
{
  SettleId id;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (invariants); i++)
    {
      if (!first_violation (book, invariants[i].sql, &id, error))
        return FALSE;
      if (id != 0)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_CORRUPT,
                       _("Invoice with id %" PRId64 ": %s"), id, _(invariants[i].what));
          return FALSE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (client_invariants); i++)
    {
      if (!first_violation (book, client_invariants[i].sql, &id, error))
        return FALSE;
      if (id != 0)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_CORRUPT,
                       _("Client with id %" PRId64 ": %s"), id,
                       _(client_invariants[i].what));
          return FALSE;
        }
    }
  return TRUE;
}
