/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

/* Reversing a payment (bounced check, returned ACH, card chargeback). Nothing is
 * deleted: the payment gets reversed_on and each of its applications too, so
 * balances and the cached amount_paid count only what is not reversed, while
 * aging and statements as of an earlier date still see the money. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment-private.h"

typedef struct
{
  SettleId invoice_id;
  gint64   amount;
} Reopen;

static GArray *
active_applications (SettleBook *book,
                     SettleId    payment_id,
                     GError    **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Reopen));
  sqlite3_stmt *stmt = settle_book_prepare (book,
                                            "SELECT invoice_id, SUM (amount) FROM applications "
                                            "WHERE payment_id = ?1 AND reversed_on IS NULL "
                                            "GROUP BY invoice_id ORDER BY invoice_id",
                                            error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Reopen row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
exec_id_date (SettleBook  *book,
              const char  *sql,
              SettleId     id,
              const GDate *date,
              gint64       amount,
              GError     **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (date != NULL)
    settle_bind_date (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, amount);
  return settle_book_step_done (book, stmt, error);
}

static SettleId
issue_nsf_invoice (SettleBook          *book,
                   const SettlePayment *p,
                   const GDate         *date,
                   const char          *reason,
                   gint64               fee,
                   GError             **error)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new_for_client (book, p->client_id, error);
  g_autofree char *ref = NULL;

  if (inv == NULL)
    return 0;
  settle_invoice_add_line (inv, _("Returned payment fee"), 1000, fee, 0);
  ref = p->reference != NULL && *p->reference != '\0'
    ? g_strdup_printf (_("Payment %s (%s) was returned"), p->reference,
                       settle_payment_method_label (p->method))
    : g_strdup_printf (_("A %s payment was returned"), settle_payment_method_label (p->method));
  g_free (inv->notes);
  inv->notes = reason != NULL && *reason != '\0' ? g_strdup_printf ("%s: %s", ref, reason)
                                                 : g_steal_pointer (&ref);
  if (!settle_invoice_save_draft (book, inv, error))
    return 0;
  if (!settle_invoice_issue (book, inv->id, date, error))
    return 0;
  return inv->id;
}

gboolean
settle_payment_reverse (SettleBook  *book,
                        SettleId     payment_id,
                        const GDate *date,
                        const char  *reason,
                        gint64       nsf_fee,
                        SettleId    *nsf_invoice_id,
                        GError     **error)
{
  g_autoptr(SettlePayment) p = NULL;
  g_autoptr(GArray) reopen = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *plain = NULL;
  const GDate *reversed_on;
  SettleId nsf_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (nsf_invoice_id != NULL)
    *nsf_invoice_id = 0;
  if (!g_date_valid (date))
    return settle_payment_fail_invalid (error, _("Date: a reversal needs a date"));
  if (nsf_fee < 0)
    return settle_payment_fail_invalid (error, _("Returned payment fee: the fee cannot be negative"));
  if (!settle_book_begin (book, error))
    return FALSE;
  p = settle_payment_load (book, payment_id, error);
  if (p == NULL)
    goto fail;
  if (p->status == SETTLE_PAYMENT_REVERSED)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Payment %" PRId64 " is already reversed"), payment_id);
      goto fail;
    }
  if (g_date_compare (date, &p->date) < 0 && p->status == SETTLE_PAYMENT_SETTLED)
    {
      settle_payment_fail_invalid (error, _("Date: a payment cannot be reversed before it was received"));
      goto fail;
    }
  if (p->refunded > 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Payment %" PRId64 " has been partly refunded and cannot be reversed"),
                   payment_id);
      goto fail;
    }

  /* exec_id_date binds ?1..?3; a statement without ?2 or ?3 ignores them. */

  /* A pending ACH payment returned before it settled was never money: reversed on
   * its own date, it counts on no day at all. */
  reversed_on = p->status == SETTLE_PAYMENT_PENDING ? &p->date : date;

  if (p->status == SETTLE_PAYMENT_SETTLED)
    {
      reopen = active_applications (book, payment_id, error);
      if (reopen == NULL)
        goto fail;
      if (!exec_id_date (book, "UPDATE applications SET reversed_on = ?2 "
                               "WHERE payment_id = ?1 AND reversed_on IS NULL",
                         payment_id, date, 0, error))
        goto fail;
      for (guint i = 0; i < reopen->len; i++)
        {
          Reopen *row = &g_array_index (reopen, Reopen, i);

          if (!settle_payment_invoice_reopen (book, row->invoice_id, row->amount, error))
            goto fail;
          if (!settle_activity_log (book, "invoice", row->invoice_id, "reopened",
                                    p->reference, NULL, error))
            goto fail;
        }
      /* The client owes again what the payment had paid, and loses its unapplied rest. */
      stmt = settle_book_prepare (book, "UPDATE clients SET balance = balance + ?1, "
                                        "credit = credit - ?2 WHERE id = ?3", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, p->applied);
      sqlite3_bind_int64 (stmt, 2, p->amount - p->applied);
      sqlite3_bind_int64 (stmt, 3, p->client_id);
      if (!settle_book_step_done (book, stmt, error))
        goto fail;
    }

  stmt = settle_book_prepare (book,
                              "UPDATE payments SET status = 'reversed', reversed_on = ?1, "
                              "reversal_reason = ?2 WHERE id = ?3",
                              error);
  if (stmt == NULL)
    goto fail;
  settle_bind_date (stmt, 1, reversed_on);
  settle_bind_text (stmt, 2, reason != NULL ? reason : "");
  sqlite3_bind_int64 (stmt, 3, payment_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;

  if (nsf_fee > 0)
    {
      nsf_id = issue_nsf_invoice (book, p, date, reason, nsf_fee, error);
      if (nsf_id == 0)
        goto fail;
      if (!exec_id_date (book, "UPDATE payments SET nsf_invoice_id = ?3 WHERE id = ?1",
                         payment_id, NULL, nsf_id, error))
        goto fail;
    }

  plain = settle_money_to_plain (settle_money_init (p->amount, p->currency));
  detail = reason != NULL && *reason != '\0' ? g_strdup_printf ("%s %s", plain, reason)
                                             : g_strdup (plain);
  if (!settle_activity_log (book, "payment", payment_id, "reversed", detail, NULL, error))
    goto fail;
  if (!settle_book_commit (book, error))
    return FALSE;
  if (nsf_invoice_id != NULL)
    *nsf_invoice_id = nsf_id;
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}
