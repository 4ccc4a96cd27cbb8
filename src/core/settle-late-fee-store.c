/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "settle-activity.h"
#include "settle-invoice-private.h"
#include "settle-late-fee-store.h"

char *
settle_late_fee_store_get_default (SettleBook *book)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  text = settle_book_get_setting (book, "late_fee.policy");
  if (text == NULL || *text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static gboolean
validate_text (const char *text,
               GError    **error)
{
  SettleLateFeePolicy policy;

  if (text == NULL || *text == '\0')
    return TRUE;
  return settle_late_fee_policy_parse (text, &policy, error) &&
         settle_late_fee_policy_validate (&policy, error);
}

gboolean
settle_late_fee_store_set_default (SettleBook *book,
                                   const char *text,
                                   GError    **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!validate_text (text, error))
    return FALSE;
  return settle_book_set_setting (book, "late_fee.policy", text ? text : "", error);
}

gboolean
settle_late_fee_store_set_client (SettleBook *book,
                                  SettleId    client_id,
                                  const char *text,
                                  GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!validate_text (text, error))
    return FALSE;
  stmt = settle_book_prepare (book, "UPDATE clients SET late_fee_policy = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  if (text == NULL)
    sqlite3_bind_null (stmt, 1);
  else
    settle_bind_text (stmt, 1, text);
  sqlite3_bind_int64 (stmt, 2, client_id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  if (sqlite3_changes (settle_book_get_db (book)) == 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no client with id %" PRId64), (gint64) client_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_late_fee_store_for_client (SettleBook          *book,
                                  SettleId             client_id,
                                  SettleLateFeePolicy *policy,
                                  gboolean            *has_policy,
                                  GError             **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (policy != NULL && has_policy != NULL, FALSE);

  stmt = settle_book_prepare (book, "SELECT late_fee_policy FROM clients WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = settle_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no client with id %" PRId64), (gint64) client_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  if (text == NULL)
    text = settle_late_fee_store_get_default (book);
  settle_late_fee_policy_init (policy);
  *has_policy = text != NULL && *text != '\0';
  if (!*has_policy)
    return TRUE;
  return settle_late_fee_policy_parse (text, policy, error);
}

static gint
compare_payment (gconstpointer a,
                 gconstpointer b)
{
  return g_date_compare (&((const SettleLateFeePayment *) a)->date,
                         &((const SettleLateFeePayment *) b)->date);
}

GPtrArray *
settle_late_fee_store_due (SettleBook                *book,
                           SettleId                   invoice_id,
                           const SettleLateFeePolicy *policy,
                           gboolean                   disputed,
                           gboolean                   on_plan,
                           const GDate               *as_of,
                           GError                   **error)
{
  g_autoptr(SettleInvoice) inv = NULL;
  g_autoptr(GArray) payments = g_array_new (FALSE, FALSE, sizeof (SettleLateFeePayment));
  g_autoptr(GArray) charged = g_array_new (FALSE, FALSE, sizeof (SettleLateFeeCharged));
  g_autoptr(GArray) history = NULL;
  SettleLateFeeItem item = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (policy != NULL && as_of != NULL, NULL);

  inv = settle_invoice_load (book, invoice_id, error);
  if (inv == NULL)
    return NULL;
  if (inv->status == SETTLE_INVOICE_DRAFT || inv->status == SETTLE_INVOICE_VOID)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) settle_late_fee_free);

  stmt = settle_book_prepare (book,
                              "SELECT date, amount, reversed_on FROM applications "
                              "WHERE invoice_id = ?1 ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleLateFeePayment p = { 0 };

      settle_column_date (stmt, 0, &p.date);
      p.amount = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (payments, p);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          settle_column_date (stmt, 2, &p.date);
          p.amount = -p.amount;
          g_array_append_val (payments, p);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  g_array_sort (payments, compare_payment);
  history = settle_late_fee_history_from_payments (settle_invoice_get_balance (inv),
                                                   &inv->issue_date,
                                                   (const SettleLateFeePayment *) payments->data,
                                                   payments->len, error);
  if (history == NULL)
    return NULL;

  /* Charged periods, and waived ones as charged with 0 (never proposed again, and
   * nothing toward the cap). A voided fee stays charged: its period was dealt with. */
  stmt = settle_book_prepare (book,
                              "SELECT late_fee_period, "
                              " CASE WHEN status = 'void' THEN 0 ELSE total END "
                              "FROM invoices WHERE late_fee_of = ?1 "
                              "UNION ALL "
                              "SELECT period, 0 FROM late_fee_waivers WHERE invoice_id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleLateFeeCharged c = { sqlite3_column_int (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (charged, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }

  item.due_date = inv->due_date;
  item.history = (const SettleBalancePoint *) history->data;
  item.n_history = history->len;
  item.exponent = settle_currency_exponent (inv->currency);
  item.disputed = disputed;
  item.on_plan = on_plan;
  return settle_late_fee_compute (policy, &item, (const SettleLateFeeCharged *) charged->data,
                                  charged->len, as_of, error);
}

SettleId
settle_late_fee_store_charge (SettleBook          *book,
                              SettleId             invoice_id,
                              const SettleLateFee *fee,
                              const GDate         *date,
                              GError             **error)
{
  g_autoptr(SettleInvoice) original = NULL;
  g_autoptr(SettleInvoice) inv = NULL;
  g_autofree char *description = NULL;
  g_autofree char *start = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(SettleInvoice) issued = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), 0);
  g_return_val_if_fail (fee != NULL && fee->period > 0 && fee->amount > 0, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  if (!settle_book_begin (book, error))
    return 0;
  original = settle_invoice_load (book, invoice_id, error);
  if (original == NULL)
    goto fail;
  stmt = settle_book_prepare (book, "SELECT 1 FROM invoices WHERE late_fee_of = ?1 AND "
                                    "late_fee_period = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int (stmt, 2, fee->period);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_EXISTS,
                   _("Invoice %s already has a late fee for period %d"), original->number,
                   fee->period);
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      goto fail;
    }

  inv = settle_invoice_new (original->client_id, original->currency);
  inv->rounding = original->rounding;
  inv->terms.kind = SETTLE_TERMS_DUE_ON_RECEIPT;
  inv->terms.days = 0;
  inv->terms_days = 0;
  start = settle_date_to_iso (&fee->start);
  description = g_strdup_printf (_("Late fee on invoice %s, period %d from %s"),
                                 original->number, fee->period, start);
  settle_invoice_add_line (inv, description, 1000, fee->amount, 0);
  g_free (inv->notes);
  inv->notes = g_strdup (fee->explanation ? fee->explanation : "");
  g_free (inv->po_number);
  inv->po_number = g_strdup (original->po_number);
  if (!settle_invoice_save_draft (book, inv, error))
    goto fail;
  stmt = settle_book_prepare (book, "UPDATE invoices SET late_fee_of = ?1, late_fee_period = ?2 "
                                    "WHERE id = ?3", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int (stmt, 2, fee->period);
  sqlite3_bind_int64 (stmt, 3, inv->id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (!settle_invoice_issue (book, inv->id, date, error))
    goto fail;
  issued = settle_invoice_load (book, inv->id, error);
  if (issued == NULL)
    goto fail;
  plain = settle_money_to_plain (settle_money_init (fee->amount, original->currency));
  detail = g_strdup_printf ("%s %s %d %s", issued->number, plain, fee->period,
                            fee->explanation ? fee->explanation : "");
  if (!settle_activity_log (book, "invoice", invoice_id, "fee added", detail, NULL, error))
    goto fail;
  if (!settle_book_commit (book, error))
    return 0;
  return inv->id;

fail:
  settle_book_rollback (book);
  return 0;
}

gboolean
settle_late_fee_store_waive (SettleBook  *book,
                             SettleId     invoice_id,
                             int          period,
                             const char  *reason,
                             const GDate *date,
                             GError     **error)
{
  g_autoptr(SettleInvoice) inv = NULL;
  g_autofree char *now = settle_timestamp_now ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  SettleId fee_id = 0;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (period <= 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Period: the fee period to waive starts at 1"));
      return FALSE;
    }
  if (!settle_book_begin (book, error))
    return FALSE;
  inv = settle_invoice_load (book, invoice_id, error);
  if (inv == NULL)
    goto fail;
  stmt = settle_book_prepare (book, "SELECT id, amount_paid, status FROM invoices "
                                    "WHERE late_fee_of = ?1 AND late_fee_period = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int (stmt, 2, period);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gboolean paid = sqlite3_column_int64 (stmt, 1) != 0;
      gboolean is_void = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "void") == 0;

      fee_id = is_void ? 0 : sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (paid)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                       _("The late fee for period %d of invoice %s has money applied; credit it "
                         "instead of waiving it"),
                       period, inv->number);
          goto fail;
        }
    }
  else
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          settle_book_set_error (book, rc, error);
          goto fail;
        }
    }
  if (fee_id != 0 && !settle_invoice_void (book, fee_id, date, reason, error))
    goto fail;
  stmt = settle_book_prepare (book, "INSERT INTO late_fee_waivers (invoice_id, period, reason, "
                                    "created_at) VALUES (?1, ?2, ?3, ?4) "
                                    "ON CONFLICT (invoice_id, period) DO NOTHING", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int (stmt, 2, period);
  settle_bind_text (stmt, 3, reason ? reason : "");
  settle_bind_text (stmt, 4, now);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  detail = g_strdup_printf ("%d %s", period, reason ? reason : "");
  if (!settle_activity_log (book, "invoice", invoice_id, "fee waived", detail, NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_late_fee_store_fee_of (SettleBook *book,
                              SettleId    invoice_id,
                              SettleId   *overdue_id,
                              int        *period,
                              GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean is_fee = FALSE;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  stmt = settle_book_prepare (book, "SELECT late_fee_of, late_fee_period FROM invoices "
                                    "WHERE id = ?1 AND late_fee_of IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      is_fee = TRUE;
      if (overdue_id != NULL)
        *overdue_id = sqlite3_column_int64 (stmt, 0);
      if (period != NULL)
        *period = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    settle_book_set_error (book, rc, error);
  return is_fee;
}

gint64
settle_late_fee_store_count (SettleBook *book,
                             SettleId    invoice_id,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), -1);

  stmt = settle_book_prepare (book, "SELECT COUNT(*) FROM invoices WHERE late_fee_of = ?1 "
                                    "AND status <> 'void'", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return n;
}
