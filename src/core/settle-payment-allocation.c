/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

/* Allocating payments by hand, settling pending ACH payments, and applying client
 * credit. Credit is the unapplied money of settled payments and credit notes; it is
 * applied as applications from those, oldest first, so every invoice balance stays
 * total − applications. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment-private.h"

typedef struct
{
  SettleId id;
  gint64   amount;
} IdAmount;

static char *
format_money (gint64      amount,
              const char *currency)
{
  return settle_money_format (settle_money_init (amount, currency));
}

/* Rows of (id, amount) from a statement whose first parameter is bound to a; the
 * statement is read to its end before anything else runs (statements are cached). */
static GArray *
collect_pairs (SettleBook *book,
               const char *sql,
               SettleId    a,
               const GDate *date,
               GError    **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (IdAmount));
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  if (date != NULL)
    settle_bind_date (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IdAmount row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

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

/* The client's open invoices issued by date (NULL = any), oldest due first, with
 * their balances. */
static GArray *
open_invoices (SettleBook  *book,
               SettleId     client_id,
               const GDate *date,
               GError     **error)
{
  return collect_pairs (book,
                        date != NULL
                        ? "SELECT id, total - amount_paid FROM invoices WHERE client_id = ?1 "
                          "AND kind = 'invoice' AND status IN ('issued', 'partial') "
                          "AND issue_date <= ?2 ORDER BY due_date, issue_date, id"
                        : "SELECT id, total - amount_paid FROM invoices WHERE client_id = ?1 "
                          "AND kind = 'invoice' AND status IN ('issued', 'partial') "
                          "ORDER BY due_date, issue_date, id",
                        client_id, date, error);
}

static gboolean
check_invoice_for (SettleBook          *book,
                   const SettlePayment *p,
                   SettleId             invoice_id,
                   gint64               amount,
                   GError             **error)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_load (book, invoice_id, error);
  g_autofree char *want = NULL;
  g_autofree char *bal = NULL;

  if (inv == NULL)
    return FALSE;
  if (inv->client_id != p->client_id || strcmp (inv->currency, p->currency) != 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Invoice %s belongs to another client or currency than the payment"),
                   inv->number ? inv->number : "");
      return FALSE;
    }
  if (inv->kind != SETTLE_INVOICE_KIND_INVOICE
      || (inv->status != SETTLE_INVOICE_ISSUED && inv->status != SETTLE_INVOICE_PARTIAL))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Invoice %s is not open (%s)"), inv->number ? inv->number : "",
                   settle_invoice_status_label (inv->status));
      return FALSE;
    }
  if (amount <= 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Invoice %s: the amount to apply must be more than zero"), inv->number);
      return FALSE;
    }
  if (amount > settle_invoice_get_balance (inv))
    {
      want = format_money (amount, inv->currency);
      bal = format_money (settle_invoice_get_balance (inv), inv->currency);
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Invoice %s: %s is more than its balance of %s"), inv->number, want, bal);
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_plan (SettleBook *book,
            SettleId    payment_id,
            GArray     *plan,
            GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book,
                                            "DELETE FROM pending_allocations WHERE payment_id = ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  for (guint i = 0; i < plan->len; i++)
    {
      IdAmount *row = &g_array_index (plan, IdAmount, i);

      stmt = settle_book_prepare (book,
                                  "INSERT INTO pending_allocations (payment_id, invoice_id, amount) "
                                  "VALUES (?1, ?2, ?3)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, payment_id);
      sqlite3_bind_int64 (stmt, 2, row->id);
      sqlite3_bind_int64 (stmt, 3, row->amount);
      if (!settle_book_step_done (book, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
settle_payment_allocate_manual (SettleBook             *book,
                                SettleId                payment_id,
                                const SettleAllocation *allocations,
                                guint                   n_allocations,
                                GError                **error)
{
  g_autoptr(SettlePayment) p = NULL;
  g_autoptr(GArray) plan = g_array_new (FALSE, FALSE, sizeof (IdAmount));
  gint64 sum = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (allocations != NULL || n_allocations == 0, FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  p = settle_payment_load (book, payment_id, error);
  if (p == NULL)
    goto fail;
  if (p->status == SETTLE_PAYMENT_REVERSED)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                           _("A reversed payment cannot be applied"));
      goto fail;
    }

  /* Everything is checked before anything is written: one invoice named twice
   * counts once with the sum of its amounts. */
  for (guint i = 0; i < n_allocations; i++)
    {
      IdAmount row = { allocations[i].invoice_id, allocations[i].amount };
      gboolean merged = FALSE;

      for (guint j = 0; j < plan->len && !merged; j++)
        if (g_array_index (plan, IdAmount, j).id == row.id)
          {
            g_array_index (plan, IdAmount, j).amount += row.amount;
            merged = TRUE;
          }
      if (!merged)
        g_array_append_val (plan, row);
    }
  for (guint i = 0; i < plan->len; i++)
    {
      IdAmount *row = &g_array_index (plan, IdAmount, i);

      if (!check_invoice_for (book, p, row->id, row->amount, error))
        goto fail;
      if (!settle_checked_add (sum, row->amount, &sum))
        sum = G_MAXINT64;
    }
  if (sum > settle_payment_get_unapplied (p))
    {
      g_autofree char *all = format_money (sum, p->currency);
      g_autofree char *left = format_money (settle_payment_get_unapplied (p), p->currency);

      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Amount: the invoices add up to %s, more than the %s left on the payment"),
                   all, left);
      goto fail;
    }

  if (p->status == SETTLE_PAYMENT_PENDING)
    {
      /* No split given: plan oldest due first now, so the invoices show it pending. */
      if (plan->len == 0)
        {
          g_autoptr(GArray) open = open_invoices (book, p->client_id, NULL, error);
          gint64 left = p->amount;

          if (open == NULL)
            goto fail;
          for (guint i = 0; i < open->len && left > 0; i++)
            {
              IdAmount row = g_array_index (open, IdAmount, i);

              row.amount = MIN (row.amount, left);
              left -= row.amount;
              g_array_append_val (plan, row);
            }
        }
      if (!store_plan (book, payment_id, plan, error))
        goto fail;
      return settle_book_commit (book, error);
    }

  for (guint i = 0; i < plan->len; i++)
    {
      IdAmount *row = &g_array_index (plan, IdAmount, i);

      if (!settle_payment_apply (book, payment_id, row->id, row->amount, NULL, error))
        goto fail;
    }
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

/* Applies up to limit of a payment to the client's open invoices, oldest due first. */
static gboolean
apply_oldest_first (SettleBook  *book,
                    SettlePayment *p,
                    gint64       limit,
                    const GDate *date,
                    GError     **error)
{
  g_autoptr(GArray) open = open_invoices (book, p->client_id, date, error);

  if (open == NULL)
    return FALSE;
  for (guint i = 0; i < open->len && limit > 0; i++)
    {
      IdAmount *row = &g_array_index (open, IdAmount, i);
      gint64 share = MIN (limit, row->amount);

      if (!settle_payment_apply (book, p->id, row->id, share, date, error))
        return FALSE;
      limit -= share;
    }
  return TRUE;
}

gboolean
settle_payment_mark_settled (SettleBook  *book,
                             SettleId     payment_id,
                             const GDate *date,
                             GError     **error)
{
  g_autoptr(SettlePayment) p = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 shortfall = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!g_date_valid (date))
    return settle_payment_fail_invalid (error, _("Date: the settlement needs a date"));
  if (!settle_book_begin (book, error))
    return FALSE;
  p = settle_payment_load (book, payment_id, error);
  if (p == NULL)
    goto fail;
  if (p->status != SETTLE_PAYMENT_PENDING)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Payment %" PRId64 " is not pending"), payment_id);
      goto fail;
    }
  if (g_date_compare (date, &p->date) < 0)
    {
      settle_payment_fail_invalid (error, _("Date: an ACH payment cannot settle before it was entered"));
      goto fail;
    }

  /* From now on it is money, received on the settlement date. */
  stmt = settle_book_prepare (book, "UPDATE payments SET status = 'settled', date = ?1 "
                                    "WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  settle_bind_date (stmt, 1, date);
  sqlite3_bind_int64 (stmt, 2, payment_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  stmt = settle_book_prepare (book, "UPDATE clients SET credit = credit + ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, p->amount);
  sqlite3_bind_int64 (stmt, 2, p->client_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  p->status = SETTLE_PAYMENT_SETTLED;
  p->date = *date;

  plan = collect_pairs (book, "SELECT invoice_id, amount FROM pending_allocations "
                              "WHERE payment_id = ?1 ORDER BY id",
                        payment_id, NULL, error);
  if (plan == NULL)
    goto fail;
  for (guint i = 0; i < plan->len; i++)
    {
      IdAmount *row = &g_array_index (plan, IdAmount, i);
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, row->id, error);
      gint64 share;

      if (inv == NULL)
        goto fail;
      /* An invoice paid or voided meanwhile takes what it still owes. */
      share = 0;
      if (inv->status == SETTLE_INVOICE_ISSUED || inv->status == SETTLE_INVOICE_PARTIAL)
        share = MIN (row->amount, settle_invoice_get_balance (inv));
      if (share > 0 && !settle_payment_apply (book, payment_id, row->id, share, date, error))
        goto fail;
      shortfall += row->amount - share;
    }
  if (shortfall > 0 && !apply_oldest_first (book, p, shortfall, date, error))
    goto fail;
  stmt = settle_book_prepare (book, "DELETE FROM pending_allocations WHERE payment_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  detail = settle_money_to_plain (settle_money_init (p->amount, p->currency));
  if (!settle_activity_log (book, "payment", payment_id, "settled", detail, NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_invoice_get_pending (SettleBook *book,
                            SettleId    invoice_id,
                            gint64     *pending,
                            GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (pending != NULL, FALSE);

  stmt = settle_book_prepare (book,
                              "SELECT COALESCE (SUM (pa.amount), 0) FROM pending_allocations pa "
                              "JOIN payments p ON p.id = pa.payment_id "
                              "WHERE pa.invoice_id = ?1 AND p.status = 'pending'",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *pending = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

/* Credit sources (settled payments and credit notes with money left), oldest first;
 * is_credit_note tells them apart. */
GArray *
settle_credit_sources (SettleBook  *book,
                       SettleId     client_id,
                       const GDate *date,
                       GError     **error)
{
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (SettleCreditSource));
  sqlite3_stmt *stmt = settle_book_prepare (book,
    "SELECT kind, id, rest FROM ("
    " SELECT 0 AS kind, p.id AS id, p.date AS d, p.amount "
    "  - (SELECT COALESCE (SUM (a.amount), 0) FROM applications a "
    "     WHERE a.payment_id = p.id AND a.reversed_on IS NULL) "
    "  - (SELECT COALESCE (SUM (r.amount), 0) FROM refund_parts r WHERE r.payment_id = p.id) "
    "  AS rest FROM payments p WHERE p.client_id = ?1 AND p.status = 'settled' "
    "  AND (?2 IS NULL OR p.date <= ?2) "
    " UNION ALL "
    " SELECT 1, n.id, n.issue_date, n.total "
    "  - (SELECT COALESCE (SUM (a.amount), 0) FROM applications a WHERE a.credit_note_id = n.id) "
    "  - (SELECT COALESCE (SUM (r.amount), 0) FROM refund_parts r WHERE r.credit_note_id = n.id) "
    "  FROM invoices n WHERE n.client_id = ?1 AND n.kind = 'credit-note' "
    "  AND n.status NOT IN ('draft', 'void') AND (?2 IS NULL OR n.issue_date <= ?2)) "
    "WHERE rest > 0 ORDER BY d, kind, id",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (date != NULL)
    settle_bind_date (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleCreditSource src = { sqlite3_column_int (stmt, 0) == 1,
                                 sqlite3_column_int64 (stmt, 1),
                                 sqlite3_column_int64 (stmt, 2) };

      g_array_append_val (sources, src);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&sources);
}

gboolean
settle_client_get_available_credit (SettleBook *book,
                                    SettleId    client_id,
                                    gint64     *credit,
                                    GError    **error)
{
  g_autoptr(GArray) sources = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (credit != NULL, FALSE);

  sources = settle_credit_sources (book, client_id, NULL, error);
  if (sources == NULL)
    return FALSE;
  *credit = 0;
  for (guint i = 0; i < sources->len; i++)
    *credit += g_array_index (sources, SettleCreditSource, i).rest;
  return TRUE;
}

/* Credit-note money applied to an invoice: an application row, the invoice's
 * amount paid and status, the client's caches. */
static gboolean
apply_credit_note (SettleBook  *book,
                   SettleId     credit_note_id,
                   SettleId     client_id,
                   SettleId     invoice_id,
                   gint64       amount,
                   const GDate *date,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = settle_book_prepare (book,
                              "INSERT INTO applications (credit_note_id, invoice_id, client_id, "
                              "date, amount) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, credit_note_id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  sqlite3_bind_int64 (stmt, 3, client_id);
  settle_bind_date (stmt, 4, date);
  sqlite3_bind_int64 (stmt, 5, amount);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  return settle_payment_invoice_paid (book, invoice_id, amount, date, error)
         && settle_payment_client_applied (book, client_id, amount, error);
}

gboolean
settle_client_apply_credit (SettleBook  *book,
                            SettleId     client_id,
                            SettleId     invoice_id,
                            gint64       amount,
                            const GDate *date,
                            gint64      *applied,
                            GError     **error)
{
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *currency = NULL;
  gint64 available = 0;
  gint64 want = 0;
  gint64 done = 0;
  guint s = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (applied != NULL)
    *applied = 0;
  if (!g_date_valid (date))
    return settle_payment_fail_invalid (error, _("Date: applying credit needs a date"));
  if (amount < 0)
    return settle_payment_fail_invalid (error, _("Amount: the credit to apply cannot be negative"));
  if (!settle_book_begin (book, error))
    return FALSE;
  currency = settle_payment_client_currency (book, client_id, error);
  if (currency == NULL)
    goto fail;
  sources = settle_credit_sources (book, client_id, date, error);
  if (sources == NULL)
    goto fail;
  for (guint i = 0; i < sources->len; i++)
    available += g_array_index (sources, SettleCreditSource, i).rest;

  if (invoice_id != 0)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, invoice_id, error);
      IdAmount row;

      if (inv == NULL)
        goto fail;
      if (inv->client_id != client_id || inv->kind != SETTLE_INVOICE_KIND_INVOICE
          || (inv->status != SETTLE_INVOICE_ISSUED && inv->status != SETTLE_INVOICE_PARTIAL))
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                       _("Invoice %s is not an open invoice of this client"),
                       inv->number ? inv->number : "");
          goto fail;
        }
      if (g_date_compare (date, &inv->issue_date) < 0)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Date: credit cannot be applied to invoice %s before it was issued"),
                       inv->number);
          goto fail;
        }
      if (amount > settle_invoice_get_balance (inv))
        {
          g_autofree char *a = format_money (amount, currency);
          g_autofree char *b = format_money (settle_invoice_get_balance (inv), currency);

          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Invoice %s: %s is more than its balance of %s"), inv->number, a, b);
          goto fail;
        }
      targets = g_array_new (FALSE, FALSE, sizeof (IdAmount));
      row.id = invoice_id;
      row.amount = settle_invoice_get_balance (inv);
      g_array_append_val (targets, row);
    }
  else
    {
      targets = open_invoices (book, client_id, date, error);
      if (targets == NULL)
        goto fail;
    }
  for (guint i = 0; i < targets->len; i++)
    want += g_array_index (targets, IdAmount, i).amount;
  if (amount > 0)
    {
      if (amount > available)
        {
          g_autofree char *a = format_money (amount, currency);
          g_autofree char *b = format_money (available, currency);

          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Amount: %s is more than the client's credit of %s"), a, b);
          goto fail;
        }
      want = MIN (want, amount);
    }
  want = MIN (want, available);

  for (guint t = 0; t < targets->len && done < want; t++)
    {
      IdAmount *target = &g_array_index (targets, IdAmount, t);
      gint64 need = MIN (target->amount, want - done);

      while (need > 0 && s < sources->len)
        {
          SettleCreditSource *src = &g_array_index (sources, SettleCreditSource, s);
          gint64 share = MIN (need, src->rest);
          gboolean ok;

          if (src->is_credit_note)
            ok = apply_credit_note (book, src->id, client_id, target->id, share, date, error);
          else
            ok = settle_payment_apply (book, src->id, target->id, share, date, error);
          if (!ok)
            goto fail;
          src->rest -= share;
          need -= share;
          done += share;
          if (src->rest == 0)
            s++;
        }
    }
  if (done > 0)
    {
      detail = settle_money_to_plain (settle_money_init (done, currency));
      if (!settle_activity_log (book, "client", client_id, "credit-applied", detail, NULL, error))
        goto fail;
    }
  if (!settle_book_commit (book, error))
    return FALSE;
  if (applied != NULL)
    *applied = done;
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}
