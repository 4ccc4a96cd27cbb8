/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <string.h>

#include "settle-book-private.h"
#include "settle-list-query.h"

void
settle_invoice_summary_free (SettleInvoiceSummary *row)
{
  if (row == NULL)
    return;
  g_free (row->number);
  g_free (row->client_name);
  g_free (row);
}

void
settle_client_summary_free (SettleClientSummary *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->email);
  g_free (row);
}

/* "abc%_" -> "abc\%\_" for LIKE … ESCAPE '\'. */
static char *
like_escape (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static gboolean
has_search (const char *search)
{
  return search != NULL && *search != '\0';
}

/* Invoices: the sort key expression of each order, and whether it is an integer. */
static const struct
{
  const char *expr;
  gboolean    is_int;
} invoice_keys[] = {
  [SETTLE_INVOICE_SORT_NUMBER] = { "i.number", FALSE },
  [SETTLE_INVOICE_SORT_CLIENT] = { "c.name COLLATE NOCASE", FALSE },
  [SETTLE_INVOICE_SORT_ISSUE_DATE] = { "i.issue_date", FALSE },
  [SETTLE_INVOICE_SORT_DUE_DATE] = { "i.due_date", FALSE },
  [SETTLE_INVOICE_SORT_TOTAL] = { "i.total", TRUE },
  [SETTLE_INVOICE_SORT_BALANCE] = { "(i.total - i.amount_paid)", TRUE },
  [SETTLE_INVOICE_SORT_STATUS] = { "i.status", FALSE },
};

static void
append_invoice_filter (GString                  *sql,
                       const SettleInvoiceQuery *q)
{
  g_string_append (sql, " WHERE 1 = 1");
  if (q->client_id != 0)
    g_string_append (sql, " AND i.client_id = :client");
  if (has_search (q->search))
    g_string_append (sql, " AND (i.number LIKE :search || '%' ESCAPE '\\' OR i.client_id IN "
                          "(SELECT id FROM clients WHERE name LIKE '%' || :search || '%' ESCAPE '\\'))");
}

static void
bind_invoice_filter (sqlite3_stmt             *stmt,
                     const SettleInvoiceQuery *q)
{
  int idx;

  if ((idx = sqlite3_bind_parameter_index (stmt, ":client")) > 0)
    sqlite3_bind_int64 (stmt, idx, q->client_id);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":search")) > 0)
    {
      g_autofree char *escaped = like_escape (q->search);
      settle_bind_text (stmt, idx, escaped);
    }
}

gboolean
settle_invoice_query_count (SettleBook               *book,
                            const SettleInvoiceQuery *q,
                            guint                    *n_rows,
                            GError                  **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT COUNT (*) FROM invoices i");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (q != NULL && n_rows != NULL, FALSE);

  append_invoice_filter (sql, q);
  stmt = settle_book_prepare (book, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_invoice_filter (stmt, q);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *n_rows = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

GPtrArray *
settle_invoice_query_page (SettleBook                 *book,
                           const SettleInvoiceQuery   *q,
                           const SettleInvoiceSummary *after,
                           guint                       offset,
                           guint                       limit,
                           GError                    **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *key, *cmp, *dir;
  gboolean keyset, client_sort;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (q != NULL && q->sort <= SETTLE_INVOICE_SORT_STATUS, NULL);

  key = invoice_keys[q->sort].expr;
  cmp = q->descending ? "<" : ">";
  dir = q->descending ? "DESC" : "ASC";
  client_sort = q->sort == SETTLE_INVOICE_SORT_CLIENT;
  /* Drafts have no number or dates: NULL keys come first ascending, last descending. */
  keyset = after != NULL && !(q->sort == SETTLE_INVOICE_SORT_NUMBER && after->number == NULL) &&
           !((q->sort == SETTLE_INVOICE_SORT_ISSUE_DATE && !g_date_valid (&after->issue_date)) ||
             (q->sort == SETTLE_INVOICE_SORT_DUE_DATE && !g_date_valid (&after->due_date)));

  sql = g_string_new ("SELECT i.id, i.number, i.client_id, c.name, c.on_hold, i.status, "
                      "i.issue_date, i.due_date, i.currency, i.total, i.amount_paid, i.kind "
                      "FROM invoices i JOIN clients c ON c.id = i.client_id");
  if (!keyset && !client_sort)
    {
      /* A jump to an offset skips rows inside an index-only subquery, so the skipped
       * rows cost an index step each rather than a join each. */
      g_string_append (sql, " WHERE i.id IN (SELECT i.id FROM invoices i");
      append_invoice_filter (sql, q);
      g_string_append_printf (sql, " ORDER BY %s %s, i.id %s LIMIT :limit OFFSET :offset)"
                                   " ORDER BY %s %s, i.id %s", key, dir, dir, key, dir, dir);
    }
  else
    append_invoice_filter (sql, q);
  if (!keyset && !client_sort)
    ;
  else if (keyset)
    {
      if (client_sort)
        g_string_append_printf (sql, " AND (%s %s :key OR (%s = :key AND (i.client_id, i.id) %s "
                                     "(:client_key, :id)))", key, cmp, key, cmp);
      else if (q->descending && !invoice_keys[q->sort].is_int)
        g_string_append_printf (sql, " AND ((%s, i.id) %s (:key, :id) OR %s IS NULL)", key, cmp, key);
      else
        g_string_append_printf (sql, " AND ((%s, i.id) %s (:key, :id))", key, cmp);
    }
  if (client_sort)
    g_string_append_printf (sql, " ORDER BY %s %s, i.client_id %s, i.id %s LIMIT :limit "
                                 "OFFSET :offset", key, dir, dir, dir);
  else if (keyset)
    g_string_append_printf (sql, " ORDER BY %s %s, i.id %s LIMIT :limit OFFSET :offset",
                            key, dir, dir);

  stmt = settle_book_prepare (book, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_invoice_filter (stmt, q);
  if (keyset)
    {
      int k = sqlite3_bind_parameter_index (stmt, ":key");

      switch (q->sort)
        {
        case SETTLE_INVOICE_SORT_NUMBER:
          settle_bind_text (stmt, k, after->number);
          break;
        case SETTLE_INVOICE_SORT_CLIENT:
          settle_bind_text (stmt, k, after->client_name);
          sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":client_key"),
                              after->client_id);
          break;
        case SETTLE_INVOICE_SORT_ISSUE_DATE:
          settle_bind_date (stmt, k, &after->issue_date);
          break;
        case SETTLE_INVOICE_SORT_DUE_DATE:
          settle_bind_date (stmt, k, &after->due_date);
          break;
        case SETTLE_INVOICE_SORT_TOTAL:
          sqlite3_bind_int64 (stmt, k, after->total);
          break;
        case SETTLE_INVOICE_SORT_BALANCE:
          sqlite3_bind_int64 (stmt, k, after->total - after->amount_paid);
          break;
        case SETTLE_INVOICE_SORT_STATUS:
          settle_bind_text (stmt, k, settle_invoice_status_to_string (after->status));
          break;
        default:
          g_assert_not_reached ();
        }
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), after->id);
    }
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), keyset ? 0 : offset);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_invoice_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleInvoiceSummary *row = g_new0 (SettleInvoiceSummary, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->number = settle_column_dup (stmt, 1);
      row->client_id = sqlite3_column_int64 (stmt, 2);
      row->client_name = settle_column_dup (stmt, 3);
      row->client_on_hold = sqlite3_column_int (stmt, 4) != 0;
      settle_invoice_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &row->status);
      settle_column_date (stmt, 6, &row->issue_date);
      settle_column_date (stmt, 7, &row->due_date);
      g_strlcpy (row->currency, (const char *) sqlite3_column_text (stmt, 8), sizeof row->currency);
      row->total = sqlite3_column_int64 (stmt, 9);
      row->amount_paid = sqlite3_column_int64 (stmt, 10);
      settle_invoice_kind_from_string ((const char *) sqlite3_column_text (stmt, 11), &row->kind);
      row->balance = (row->status == SETTLE_INVOICE_DRAFT || row->status == SETTLE_INVOICE_VOID)
                       ? 0 : row->total - row->amount_paid;
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Clients */

static const char * const client_keys[] = {
  [SETTLE_CLIENT_SORT_NAME] = "c.name COLLATE NOCASE",
  [SETTLE_CLIENT_SORT_BALANCE] = "c.balance",
  [SETTLE_CLIENT_SORT_TERMS] = "c.terms_days",
};

static void
append_client_filter (GString                 *sql,
                      const SettleClientQuery *q)
{
  if (has_search (q->search))
    g_string_append (sql, " WHERE (c.name LIKE '%' || :search || '%' ESCAPE '\\' "
                          "OR c.email LIKE '%' || :search || '%' ESCAPE '\\')");
  else
    g_string_append (sql, " WHERE 1 = 1");
}

static void
bind_client_filter (sqlite3_stmt            *stmt,
                    const SettleClientQuery *q)
{
  int idx = sqlite3_bind_parameter_index (stmt, ":search");

  if (idx > 0)
    {
      g_autofree char *escaped = like_escape (q->search);
      settle_bind_text (stmt, idx, escaped);
    }
}

gboolean
settle_client_query_count (SettleBook              *book,
                           const SettleClientQuery *q,
                           guint                   *n_rows,
                           GError                 **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT COUNT (*) FROM clients c");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  append_client_filter (sql, q);
  stmt = settle_book_prepare (book, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_client_filter (stmt, q);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *n_rows = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

GPtrArray *
settle_client_query_page (SettleBook                *book,
                          const SettleClientQuery   *q,
                          const SettleClientSummary *after,
                          guint                      offset,
                          guint                      limit,
                          GError                   **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *key, *cmp, *dir;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (q != NULL && q->sort <= SETTLE_CLIENT_SORT_TERMS, NULL);

  key = client_keys[q->sort];
  cmp = q->descending ? "<" : ">";
  dir = q->descending ? "DESC" : "ASC";
  sql = g_string_new ("SELECT c.id, c.name, c.email, c.terms_days, c.currency, c.on_hold, "
                      "c.balance, c.credit, "
                      "COALESCE (c.terms, (SELECT value FROM settings WHERE key = 'terms')) "
                      "FROM clients c");
  append_client_filter (sql, q);
  if (after != NULL)
    g_string_append_printf (sql, " AND ((%s, c.id) %s (:key, :id))", key, cmp);
  g_string_append_printf (sql, " ORDER BY %s %s, c.id %s LIMIT :limit OFFSET :offset", key, dir, dir);

  stmt = settle_book_prepare (book, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_client_filter (stmt, q);
  if (after != NULL)
    {
      int k = sqlite3_bind_parameter_index (stmt, ":key");

      if (q->sort == SETTLE_CLIENT_SORT_NAME)
        settle_bind_text (stmt, k, after->name);
      else if (q->sort == SETTLE_CLIENT_SORT_BALANCE)
        sqlite3_bind_int64 (stmt, k, after->balance);
      else
        sqlite3_bind_int (stmt, k, after->terms_days);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), after->id);
    }
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), after ? 0 : offset);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_client_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleClientSummary *row = g_new0 (SettleClientSummary, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->name = settle_column_dup (stmt, 1);
      row->email = settle_column_dup (stmt, 2);
      row->terms_days = sqlite3_column_int (stmt, 3);
      if (sqlite3_column_type (stmt, 8) == SQLITE_NULL
          || !settle_terms_parse ((const char *) sqlite3_column_text (stmt, 8), &row->terms, NULL))
        {
          settle_terms_init_default (&row->terms);
          row->terms.days = row->terms_days;
        }
      g_strlcpy (row->currency, (const char *) sqlite3_column_text (stmt, 4), sizeof row->currency);
      row->on_hold = sqlite3_column_int (stmt, 5) != 0;
      row->balance = sqlite3_column_int64 (stmt, 6);
      row->credit = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
