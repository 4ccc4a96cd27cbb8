/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment-private.h"

static const char * const method_names[] = {
  [SETTLE_PAYMENT_ACH] = "ach",
  [SETTLE_PAYMENT_CARD] = "card",
  [SETTLE_PAYMENT_CHECK] = "check",
  [SETTLE_PAYMENT_WIRE] = "wire",
  [SETTLE_PAYMENT_CASH] = "cash",
  [SETTLE_PAYMENT_FINANCING] = "financing",
};

static const char * const status_names[] = {
  [SETTLE_PAYMENT_PENDING] = "pending",
  [SETTLE_PAYMENT_SETTLED] = "settled",
  [SETTLE_PAYMENT_REVERSED] = "reversed",
};

const char *
settle_payment_method_to_string (SettlePaymentMethod method)
{
  g_return_val_if_fail (method <= SETTLE_PAYMENT_FINANCING, "ach");
  return method_names[method];
}

gboolean
settle_payment_method_from_string (const char          *text,
                                   SettlePaymentMethod *method)
{
  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    if (g_strcmp0 (text, method_names[i]) == 0)
      {
        *method = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
settle_payment_status_from_string (const char          *text,
                                   SettlePaymentStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
settle_payment_method_label (SettlePaymentMethod method)
{
  switch (method)
    {
    case SETTLE_PAYMENT_ACH:
      return _("ACH");
    case SETTLE_PAYMENT_CARD:
      return _("Card");
    case SETTLE_PAYMENT_CHECK:
      return _("Check");
    case SETTLE_PAYMENT_WIRE:
      return _("Wire");
    case SETTLE_PAYMENT_CASH:
      return _("Cash");
    case SETTLE_PAYMENT_FINANCING:
      return _("Financing");
    default:
      g_return_val_if_reached ("");
    }
}

SettlePayment *
settle_payment_new (void)
{
  SettlePayment *p = g_new0 (SettlePayment, 1);

  g_date_clear (&p->date, 1);
  strcpy (p->currency, "USD");
  p->reference = g_strdup ("");
  p->reversal_reason = g_strdup ("");
  g_date_clear (&p->reversed_on, 1);
  p->status = SETTLE_PAYMENT_SETTLED;
  return p;
}

void
settle_payment_free (SettlePayment *p)
{
  if (p == NULL)
    return;
  g_free (p->reference);
  g_free (p->reversal_reason);
  g_free (p);
}

void
settle_application_free (SettleApplication *a)
{
  if (a == NULL)
    return;
  g_free (a->reference);
  g_free (a);
}

const char *
settle_application_label (const SettleApplication *a)
{
  g_return_val_if_fail (a != NULL, NULL);

  if (a->credit_note_id != 0)
    return _("Credit note");
  return settle_payment_method_label (a->method);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return FALSE;
}

gboolean
settle_payment_exec (SettleBook *book,
                     const char *sql,
                     gint64      a,
                     gint64      b,
                     GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return settle_book_step_done (book, stmt, error);
}

gboolean
settle_payment_invoice_paid (SettleBook  *book,
                             SettleId     invoice_id,
                             gint64       amount,
                             const GDate *date,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = settle_book_prepare (book,
                              "UPDATE invoices SET amount_paid = amount_paid + ?1, "
                              "status = CASE WHEN amount_paid + ?1 = total THEN 'paid' ELSE 'partial' END, "
                              "closed_on = CASE WHEN amount_paid + ?1 = total THEN "
                              "  COALESCE ((SELECT MAX (date) FROM applications "
                              "             WHERE invoice_id = ?3 AND reversed_on IS NULL), ?2) "
                              "  ELSE NULL END "
                              "WHERE id = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, amount);
  settle_bind_date (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, invoice_id);
  return settle_book_step_done (book, stmt, error);
}

gboolean
settle_payment_invoice_reopen (SettleBook *book,
                               SettleId    invoice_id,
                               gint64      amount,
                               GError    **error)
{
  /* SET reads the row as it was: amount_paid on the right is the old value. */
  return settle_payment_exec (book,
                              "UPDATE invoices SET amount_paid = amount_paid - ?2, "
                              "status = CASE WHEN amount_paid - ?2 = 0 THEN 'issued' ELSE 'partial' END, "
                              "closed_on = NULL WHERE id = ?1",
                              invoice_id, amount, error);
}

gboolean
settle_payment_client_applied (SettleBook *book,
                               SettleId    client_id,
                               gint64      amount,
                               GError    **error)
{
  return settle_payment_exec (book,
                              "UPDATE clients SET balance = balance - ?1, credit = credit - ?1 "
                              "WHERE id = ?2",
                              amount, client_id, error);
}

gboolean
settle_payment_record (SettleBook    *book,
                       SettlePayment *p,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *client_currency = NULL;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (p != NULL && p->id == 0, FALSE);

  if (p->amount <= 0)
    return invalid (error, _("Amount: a payment must be more than zero"));
  if (p->fee < 0 || p->fee > p->amount)
    return invalid (error, _("Fee: a fee must be between zero and the payment's amount"));
  if (!g_date_valid (&p->date))
    return invalid (error, _("Date: a payment needs a date"));
  if (p->status == SETTLE_PAYMENT_REVERSED)
    return invalid (error, _("A new payment cannot be recorded as reversed"));
  if (p->method > SETTLE_PAYMENT_FINANCING)
    return invalid (error, _("Method: unknown payment method"));
  if (p->status == SETTLE_PAYMENT_PENDING && p->method != SETTLE_PAYMENT_ACH)
    return invalid (error, _("Pending: only an ACH payment waits to settle"));
  if (strlen (p->currency) != 3)
    return invalid (error, _("Currency: expected a three-letter code such as USD"));

  if (!settle_book_begin (book, error))
    return FALSE;
  stmt = settle_book_prepare (book, "SELECT currency FROM clients WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, p->client_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    client_currency = settle_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (client_currency == NULL)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no client with id %" PRId64), p->client_id);
      goto fail;
    }
  if (strcmp (client_currency, p->currency) != 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Currency: the client is billed in %s, the payment is in %s"),
                   client_currency, p->currency);
      goto fail;
    }

  stmt = settle_book_prepare (book,
                              "INSERT INTO payments (client_id, date, amount, currency, method, "
                              "reference, fee, status, created_at, initiated_on) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?2)",
                              error);
  if (stmt == NULL)
    goto fail;
  now = settle_timestamp_now ();
  sqlite3_bind_int64 (stmt, 1, p->client_id);
  settle_bind_date (stmt, 2, &p->date);
  sqlite3_bind_int64 (stmt, 3, p->amount);
  settle_bind_text (stmt, 4, p->currency);
  settle_bind_text (stmt, 5, settle_payment_method_to_string (p->method));
  settle_bind_text (stmt, 6, p->reference ? p->reference : "");
  sqlite3_bind_int64 (stmt, 7, p->fee);
  settle_bind_text (stmt, 8, status_names[p->status]);
  settle_bind_text (stmt, 9, now);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  p->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  /* A pending ACH payment is not money yet: it becomes credit when it settles. */
  if (p->status == SETTLE_PAYMENT_SETTLED
      && !settle_payment_exec (book, "UPDATE clients SET credit = credit + ?1 WHERE id = ?2",
                               p->amount, p->client_id, error))
    goto fail;
  detail = settle_money_to_plain (settle_money_init (p->amount, p->currency));
  if (!settle_activity_log (book, "payment", p->id,
                            p->status == SETTLE_PAYMENT_PENDING ? "pending" : "received",
                            detail, NULL, error))
    goto fail;
  if (!settle_book_commit (book, error))
    {
      p->id = 0;
      return FALSE;
    }
  return TRUE;

fail:
  p->id = 0;
  settle_book_rollback (book);
  return FALSE;
}

SettlePayment *
settle_payment_load (SettleBook *book,
                     SettleId    payment_id,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(SettlePayment) p = NULL;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT p.id, p.client_id, p.date, p.amount, p.currency, p.method, "
                              "p.reference, p.fee, p.status, "
                              "(SELECT COALESCE (SUM (a.amount), 0) FROM applications a "
                              " WHERE a.payment_id = p.id AND a.reversed_on IS NULL), "
                              "(SELECT COALESCE (SUM (r.amount), 0) FROM refund_parts r "
                              " WHERE r.payment_id = p.id), "
                              "p.reversed_on, p.reversal_reason, COALESCE (p.nsf_invoice_id, 0), "
                              "COALESCE (p.surcharge_invoice_id, 0) "
                              "FROM payments p WHERE p.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 8);

      p = settle_payment_new ();
      p->id = sqlite3_column_int64 (stmt, 0);
      p->client_id = sqlite3_column_int64 (stmt, 1);
      settle_column_date (stmt, 2, &p->date);
      p->amount = sqlite3_column_int64 (stmt, 3);
      g_strlcpy (p->currency, (const char *) sqlite3_column_text (stmt, 4), sizeof p->currency);
      settle_payment_method_from_string ((const char *) sqlite3_column_text (stmt, 5), &p->method);
      g_free (p->reference);
      p->reference = settle_column_dup (stmt, 6);
      p->fee = sqlite3_column_int64 (stmt, 7);
      settle_payment_status_from_string (status, &p->status);
      p->applied = sqlite3_column_int64 (stmt, 9);
      p->refunded = sqlite3_column_int64 (stmt, 10);
      settle_column_date (stmt, 11, &p->reversed_on);
      g_free (p->reversal_reason);
      p->reversal_reason = settle_column_dup (stmt, 12);
      p->nsf_invoice_id = sqlite3_column_int64 (stmt, 13);
      p->surcharge_invoice_id = sqlite3_column_int64 (stmt, 14);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("There is no payment with id %" PRId64), payment_id);
  else if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return g_steal_pointer (&p);
}

gboolean
settle_payment_apply (SettleBook  *book,
                      SettleId     payment_id,
                      SettleId     invoice_id,
                      gint64       amount,
                      const GDate *date,
                      GError     **error)
{
  g_autoptr(SettlePayment) p = NULL;
  g_autoptr(SettleInvoice) inv = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *plain = NULL;
  sqlite3_stmt *stmt;
  gint64 balance;
  GDate when;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (amount <= 0)
    return invalid (error, _("Amount: an applied amount must be more than zero"));
  if (!settle_book_begin (book, error))
    return FALSE;
  p = settle_payment_load (book, payment_id, error);
  if (p == NULL)
    goto fail;
  inv = settle_invoice_load (book, invoice_id, error);
  if (inv == NULL)
    goto fail;
  when = date && g_date_valid (date) ? *date : p->date;

  if (p->status == SETTLE_PAYMENT_REVERSED)
    {
      invalid (error, _("A reversed payment cannot be applied"));
      goto fail;
    }
  if (p->status == SETTLE_PAYMENT_PENDING)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                           _("This ACH payment is still pending: it is applied when it settles"));
      goto fail;
    }
  if (inv->client_id != p->client_id)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Invoice %s belongs to another client than the payment"), inv->number);
      goto fail;
    }
  if (strcmp (inv->currency, p->currency) != 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Invoice %s is in %s, the payment in %s"), inv->number, inv->currency,
                   p->currency);
      goto fail;
    }
  if (inv->status != SETTLE_INVOICE_ISSUED && inv->status != SETTLE_INVOICE_PARTIAL)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Invoice %s is not open (%s)"), inv->number ? inv->number : "",
                   settle_invoice_status_label (inv->status));
      goto fail;
    }
  if (g_date_compare (&when, &inv->issue_date) < 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Date: a payment cannot be applied to invoice %s before it was issued"),
                   inv->number);
      goto fail;
    }
  if (amount > settle_payment_get_unapplied (p))
    {
      invalid (error, _("Amount: more than what is left of the payment"));
      goto fail;
    }
  balance = inv->total - inv->amount_paid;
  if (amount > balance)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Amount: more than the balance of invoice %s"), inv->number);
      goto fail;
    }

  stmt = settle_book_prepare (book,
                              "INSERT INTO applications (payment_id, invoice_id, client_id, date, amount) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  sqlite3_bind_int64 (stmt, 3, inv->client_id);
  settle_bind_date (stmt, 4, &when);
  sqlite3_bind_int64 (stmt, 5, amount);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;

  if (!settle_payment_invoice_paid (book, invoice_id, amount, &when, error)
      || !settle_payment_client_applied (book, inv->client_id, amount, error))
    goto fail;

  plain = settle_money_to_plain (settle_money_init (amount, p->currency));
  detail = g_strdup_printf ("%s %s", settle_payment_method_to_string (p->method), plain);
  if (!settle_activity_log (book, "invoice", invoice_id, amount == balance ? "paid" : "part-paid",
                            detail, NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_payment_allocate (SettleBook *book,
                         SettleId    payment_id,
                         GError    **error)
{
  g_autoptr(SettlePayment) p = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (SettleId));
  g_autoptr(GArray) balances = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 left;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  p = settle_payment_load (book, payment_id, error);
  if (p == NULL)
    goto fail;
  left = settle_payment_get_unapplied (p);
  /* A pending payment is planned now and applied when it settles. */
  if (p->status == SETTLE_PAYMENT_PENDING)
    {
      settle_book_rollback (book);
      return settle_payment_allocate_manual (book, payment_id, NULL, 0, error);
    }

  /* Oldest due first; invoices issued after the payment wait for a later run. */
  stmt = settle_book_prepare (book,
                              "SELECT id, total - amount_paid FROM invoices "
                              "WHERE client_id = ?1 AND status IN ('issued', 'partial') "
                              "AND currency = ?2 AND issue_date <= ?3 "
                              "ORDER BY due_date, issue_date, id",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, p->client_id);
  settle_bind_text (stmt, 2, p->currency);
  settle_bind_date (stmt, 3, &p->date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);
      gint64 bal = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (balances, bal);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      goto fail;
    }
  for (guint i = 0; i < ids->len && left > 0; i++)
    {
      gint64 share = MIN (left, g_array_index (balances, gint64, i));

      if (!settle_payment_apply (book, payment_id, g_array_index (ids, SettleId, i), share, NULL,
                                 error))
        goto fail;
      left -= share;
    }
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

GPtrArray *
settle_invoice_list_applications (SettleBook *book,
                                  SettleId    invoice_id,
                                  GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_application_free);
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT a.id, a.payment_id, a.invoice_id, a.date, a.amount, p.method, "
                              "COALESCE (p.reference, cn.number), a.credit_note_id "
                              "FROM applications a "
                              "LEFT JOIN payments p ON p.id = a.payment_id "
                              "LEFT JOIN invoices cn ON cn.id = a.credit_note_id "
                              "WHERE a.invoice_id = ?1 AND a.reversed_on IS NULL ORDER BY a.date, a.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleApplication *a = g_new0 (SettleApplication, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->payment_id = sqlite3_column_int64 (stmt, 1);
      a->invoice_id = sqlite3_column_int64 (stmt, 2);
      settle_column_date (stmt, 3, &a->date);
      a->amount = sqlite3_column_int64 (stmt, 4);
      a->credit_note_id = sqlite3_column_int64 (stmt, 7);
      if (a->payment_id != 0)
        settle_payment_method_from_string ((const char *) sqlite3_column_text (stmt, 5), &a->method);
      a->reference = settle_column_dup (stmt, 6);
      g_ptr_array_add (list, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
settle_payment_get_unapplied (const SettlePayment *payment)
{
  g_return_val_if_fail (payment != NULL, 0);

  if (payment->status == SETTLE_PAYMENT_REVERSED)
    return 0;
  return payment->amount - payment->applied - payment->refunded;
}

gboolean
settle_payment_fail_invalid (GError    **error,
                             const char *message)
{
  return invalid (error, message);
}

char *
settle_payment_client_currency (SettleBook *book,
                                SettleId    client_id,
                                GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT currency FROM clients WHERE id = ?1",
                                            error);
  char *currency = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    currency = settle_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("There is no client with id %" PRId64), client_id);
  else if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return currency;
}

GArray *
settle_payment_list_invoices (SettleBook *book,
                              SettleId    payment_id,
                              GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (SettleId));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT invoice_id FROM applications WHERE payment_id = ?1 "
                              "AND reversed_on IS NULL GROUP BY invoice_id ORDER BY MIN (id)",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

void
settle_open_invoice_free (SettleOpenInvoice *item)
{
  if (item == NULL)
    return;
  g_free (item->number);
  g_free (item);
}

GPtrArray *
settle_payment_list_open_invoices (SettleBook *book,
                                   SettleId    client_id,
                                   GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_open_invoice_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT i.id, i.number, i.issue_date, i.due_date, i.total, "
                              "i.total - i.amount_paid, "
                              "(SELECT COALESCE (SUM (pa.amount), 0) FROM pending_allocations pa "
                              " JOIN payments p ON p.id = pa.payment_id "
                              " WHERE pa.invoice_id = i.id AND p.status = 'pending') "
                              "FROM invoices i WHERE i.client_id = ?1 AND i.kind = 'invoice' "
                              "AND i.status IN ('issued', 'partial') "
                              "ORDER BY i.due_date, i.issue_date, i.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleOpenInvoice *item = g_new0 (SettleOpenInvoice, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->number = settle_column_dup (stmt, 1);
      settle_column_date (stmt, 2, &item->issue_date);
      settle_column_date (stmt, 3, &item->due_date);
      item->total = sqlite3_column_int64 (stmt, 4);
      item->balance = sqlite3_column_int64 (stmt, 5);
      item->pending = sqlite3_column_int64 (stmt, 6);
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

GPtrArray *
settle_payment_list_payers (SettleBook *book,
                            GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_client_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT id, name, currency, state, balance, credit FROM clients "
                              "WHERE balance <> 0 OR credit <> 0 ORDER BY name COLLATE NOCASE, id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleClient *c = settle_client_new ();

      c->id = sqlite3_column_int64 (stmt, 0);
      g_free (c->name);
      c->name = settle_column_dup (stmt, 1);
      g_strlcpy (c->currency, (const char *) sqlite3_column_text (stmt, 2), sizeof c->currency);
      g_free (c->state);
      c->state = settle_column_dup (stmt, 3);
      c->balance = sqlite3_column_int64 (stmt, 4);
      c->credit = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
