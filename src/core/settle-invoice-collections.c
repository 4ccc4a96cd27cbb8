/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-book-private.h"
#include "settle-invoice-collections.h"

void
settle_invoice_payment_free (SettleInvoicePayment *item)
{
  if (item == NULL)
    return;
  g_free (item->reference);
  g_free (item->reversal_reason);
  g_free (item);
}

void
settle_late_fee_invoice_free (SettleLateFeeInvoice *item)
{
  if (item == NULL)
    return;
  g_free (item->number);
  g_free (item);
}

GPtrArray *
settle_invoice_list_payments (SettleBook *book,
                              SettleId    invoice_id,
                              GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_invoice_payment_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT p.id, p.date, p.method, p.reference, p.status, SUM (a.amount), "
                              "p.reversed_on, p.reversal_reason FROM applications a "
                              "JOIN payments p ON p.id = a.payment_id WHERE a.invoice_id = ?1 "
                              "GROUP BY p.id "
                              "UNION ALL "
                              "SELECT p.id, COALESCE (p.initiated_on, p.date), p.method, p.reference, "
                              "p.status, SUM (pa.amount), NULL, '' FROM pending_allocations pa "
                              "JOIN payments p ON p.id = pa.payment_id "
                              "WHERE pa.invoice_id = ?1 AND p.status = 'pending' GROUP BY p.id "
                              "ORDER BY 2, 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleInvoicePayment *item = g_new0 (SettleInvoicePayment, 1);

      item->payment_id = sqlite3_column_int64 (stmt, 0);
      settle_column_date (stmt, 1, &item->date);
      settle_payment_method_from_string ((const char *) sqlite3_column_text (stmt, 2), &item->method);
      item->reference = settle_column_dup (stmt, 3);
      if (!settle_payment_status_from_string ((const char *) sqlite3_column_text (stmt, 4),
                                              &item->status))
        item->status = SETTLE_PAYMENT_SETTLED;
      item->amount = sqlite3_column_int64 (stmt, 5);
      settle_column_date (stmt, 6, &item->reversed_on);
      item->reversal_reason = settle_column_dup (stmt, 7);
      g_ptr_array_add (list, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
settle_invoice_get_flags (SettleBook *book,
                          SettleId    invoice_id,
                          gboolean   *disputed,
                          gboolean   *paused,
                          GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  stmt = settle_book_prepare (book, "SELECT disputed, dunning_paused FROM invoices WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (disputed != NULL)
        *disputed = sqlite3_column_int (stmt, 0) != 0;
      if (paused != NULL)
        *paused = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("The invoice no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

GPtrArray *
settle_invoice_list_late_fees (SettleBook *book,
                               SettleId    invoice_id,
                               GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_late_fee_invoice_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT i.id, i.number, i.late_fee_period, i.issue_date, i.total, "
                              "i.total - COALESCE ((SELECT SUM (a.amount) FROM applications a "
                              "WHERE a.invoice_id = i.id AND a.reversed_on IS NULL), 0), "
                              "i.status = 'void' FROM invoices i WHERE i.late_fee_of = ?1 "
                              "ORDER BY i.late_fee_period",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleLateFeeInvoice *item = g_new0 (SettleLateFeeInvoice, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->number = settle_column_dup (stmt, 1);
      item->period = sqlite3_column_int (stmt, 2);
      settle_column_date (stmt, 3, &item->issue_date);
      item->total = sqlite3_column_int64 (stmt, 4);
      item->balance = sqlite3_column_int64 (stmt, 5);
      item->voided = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (list, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
settle_client_get_collections (SettleBook *book,
                               SettleId    client_id,
                               gboolean   *opt_out,
                               char      **ladder,
                               char      **late_fee_policy,
                               GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  stmt = settle_book_prepare (book,
                              "SELECT dunning_opt_out, dunning_ladder, late_fee_policy FROM clients "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (opt_out != NULL)
        *opt_out = sqlite3_column_int (stmt, 0) != 0;
      if (ladder != NULL)
        *ladder = settle_column_dup (stmt, 1);
      if (late_fee_policy != NULL)
        *late_fee_policy = settle_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("The client no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}
