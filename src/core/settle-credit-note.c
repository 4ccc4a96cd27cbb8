/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Credit notes: issued against an invoice, recorded as an invoice row of kind
 * 'credit-note' that is settled the day it is issued (status 'paid', closed_on =
 * its date, amount_paid = total), so it never shows as an open receivable. Its
 * money goes to the original through an applications row with credit_note_id set
 * (so balances and historical aging that read applications include it); what
 * exceeds the original's balance is the client's credit. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-credit-note.h"
#include "settle-invoice-private.h"
#include "settle-payment-private.h"
#include "settle-series.h"

gboolean
settle_credit_note_credited (SettleBook *book,
                             SettleId    original_id,
                             gint64     *credited,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (credited != NULL, FALSE);

  stmt = settle_book_prepare (book,
                              "SELECT COALESCE (SUM (total), 0) FROM invoices "
                              "WHERE original_id = ?1 AND kind = 'credit-note' AND status <> 'draft'",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, original_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *credited = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

GPtrArray *
settle_credit_note_list_for (SettleBook *book,
                             SettleId    original_id,
                             GError    **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) notes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT id FROM invoices WHERE original_id = ?1 "
                              "AND kind = 'credit-note' ORDER BY issue_date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, original_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_invoice_free);
  for (guint i = 0; i < ids->len; i++)
    {
      SettleInvoice *note = settle_invoice_load (book, (SettleId) GPOINTER_TO_SIZE (ids->pdata[i]),
                                                 error);

      if (note == NULL)
        return NULL;
      g_ptr_array_add (notes, note);
    }
  return g_steal_pointer (&notes);
}

static void
copy_line (SettleInvoice           *note,
           const SettleInvoiceLine *line)
{
  SettleInvoiceLine *copy = settle_invoice_add_line (note, line->description, line->quantity_milli,
                                                     line->unit_price, line->tax_rate_bp);

  copy->item_id = line->item_id;
  copy->discount_bp = line->discount_bp;
}

static int
compare_rates (gconstpointer a,
               gconstpointer b)
{
  int ra = GPOINTER_TO_INT (*(gpointer *) a), rb = GPOINTER_TO_INT (*(gpointer *) b);

  return (ra > rb) - (ra < rb);
}

/* Lines crediting what is still owed on a partly paid invoice, split over its tax
 * rates in proportion to each rate's share of the total (tax included), so the
 * credit note takes back tax in the same mix it was charged. A last untaxed line
 * absorbs the cent that rounding can leave, so the total is the balance exactly. */
static gboolean
balance_lines (SettleInvoice       *note,
               const SettleInvoice *original,
               gint64               balance,
               GError             **error)
{
  g_autoptr(GHashTable) gross = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GPtrArray) rates = NULL;
  g_autofree char *what = NULL;
  gint64 given = 0;

  for (guint i = 0; i < original->lines->len; i++)
    {
      const SettleInvoiceLine *line = g_ptr_array_index (original->lines, i);
      gint64 *sum = g_hash_table_lookup (gross, GINT_TO_POINTER (line->tax_rate_bp));

      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (gross, GINT_TO_POINTER (line->tax_rate_bp), sum);
        }
      /* Net here; tax is added below by the invoice's own rule. */
      *sum += line->net + (original->tax_rounding == SETTLE_TAX_ROUND_PER_LINE ? line->tax : 0);
    }
  rates = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, gross);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (rates, key);
  }
  g_ptr_array_sort (rates, compare_rates);
  if (original->tax_rounding == SETTLE_TAX_ROUND_PER_INVOICE)
    for (guint i = 0; i < rates->len; i++)
      {
        gint64 *sum = g_hash_table_lookup (gross, rates->pdata[i]);
        gint64 tax = 0;

        if (!settle_round_mul_div (*sum, GPOINTER_TO_INT (rates->pdata[i]), 10000,
                                   original->rounding, &tax))
          goto too_large;
        *sum += tax;
      }

  what = g_strdup_printf (_("Open balance of invoice %s"), original->number);
  for (guint i = 0; i < rates->len; i++)
    {
      int rate = GPOINTER_TO_INT (rates->pdata[i]);
      gint64 share, net;

      if (i + 1 < rates->len)
        {
          if (!settle_round_mul_div (balance, *(gint64 *) g_hash_table_lookup (gross, rates->pdata[i]),
                                     original->total, original->rounding, &share))
            goto too_large;
        }
      else
        share = balance - given;
      given += share;
      if (share == 0)
        continue;
      /* The net that, with this rate's tax, makes the share. */
      if (!settle_round_mul_div (share, 10000, 10000 + rate, original->rounding, &net))
        goto too_large;
      settle_invoice_add_line (note, what, 1000, net, rate);
    }
  if (!settle_invoice_compute_totals (note, error))
    return FALSE;
  if (note->total != balance)
    settle_invoice_add_line (note, _("Rounding"), 1000, balance - note->total, 0);
  return TRUE;

too_large:
  g_set_error_literal (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_OVERFLOW,
                       _("The amounts of the invoice are too large to credit"));
  return FALSE;
}

/* Writes the application of a credit note to its original, and the caches. */
static gboolean
apply_to_original (SettleBook          *book,
                   const SettleInvoice *note,
                   const SettleInvoice *original,
                   gint64               amount,
                   const GDate         *date,
                   GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = settle_book_prepare (book,
                              "INSERT INTO applications (credit_note_id, invoice_id, client_id, "
                              "date, amount) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note->id);
  sqlite3_bind_int64 (stmt, 2, original->id);
  sqlite3_bind_int64 (stmt, 3, original->client_id);
  settle_bind_date (stmt, 4, date);
  sqlite3_bind_int64 (stmt, 5, amount);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;

  if (!settle_payment_invoice_paid (book, original->id, amount, date, error))
    return FALSE;
  return settle_payment_exec (book, "UPDATE clients SET balance = balance - ?1 WHERE id = ?2",
                              amount, original->client_id, error);
}

SettleId
settle_credit_note_issue (SettleBook  *book,
                          SettleId     original_id,
                          GPtrArray   *lines,
                          const GDate *date,
                          const char  *reason,
                          GError     **error)
{
  g_autoptr(SettleInvoice) original = NULL;
  g_autoptr(SettleInvoice) note = NULL;
  g_autofree char *number = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *plain = NULL;
  sqlite3_stmt *stmt;
  gint64 credited = 0, balance, applied, excess;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  if (!settle_book_begin (book, error))
    return 0;
  original = settle_invoice_load (book, original_id, error);
  if (original == NULL)
    goto fail;
  if (original->kind != SETTLE_INVOICE_KIND_INVOICE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("%s is a credit note; only invoices can be credited"), original->number);
      goto fail;
    }
  if (original->status == SETTLE_INVOICE_DRAFT || original->status == SETTLE_INVOICE_VOID)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   original->status == SETTLE_INVOICE_DRAFT
                   ? _("A draft is edited or deleted, not credited")
                   : _("Invoice %s is void and cannot be credited"),
                   original->number);
      goto fail;
    }
  if (g_date_compare (date, &original->issue_date) < 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Date: a credit note cannot be dated before invoice %s was issued"),
                   original->number);
      goto fail;
    }
  balance = original->total - original->amount_paid;

  note = settle_invoice_new (original->client_id, original->currency);
  note->kind = SETTLE_INVOICE_KIND_CREDIT_NOTE;
  note->original_id = original->id;
  note->rounding = original->rounding;
  note->tax_rounding = original->tax_rounding;
  note->terms.kind = SETTLE_TERMS_DUE_ON_RECEIPT;
  note->terms_days = 0;
  g_free (note->po_number);
  note->po_number = g_strdup (original->po_number);
  g_free (note->notes);
  note->notes = g_strdup (reason ? reason : "");

  if (lines == NULL)
    {
      if (balance <= 0)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                       _("Invoice %s has no open balance to credit; choose the lines to credit"),
                       original->number);
          goto fail;
        }
      if (original->amount_paid == 0)
        /* Nothing paid: the credit note mirrors the invoice, tax and all. */
        for (guint i = 0; i < original->lines->len; i++)
          copy_line (note, g_ptr_array_index (original->lines, i));
      else if (!balance_lines (note, original, balance, error))
        goto fail;
    }
  else
    {
      if (lines->len == 0)
        {
          g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                               _("Lines: choose at least one line to credit"));
          goto fail;
        }
      for (guint i = 0; i < lines->len; i++)
        {
          const SettleInvoiceLine *line = g_ptr_array_index (lines, i);

          if (line->quantity_milli <= 0 || line->unit_price < 0)
            {
              g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Line %u: the quantity to credit must be more than zero"), i + 1);
              goto fail;
            }
          copy_line (note, line);
        }
    }
  if (!settle_invoice_validate (book, note, error) ||
      !settle_invoice_compute_totals (note, error))
    goto fail;
  if (note->total <= 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("A credit note's total must be more than zero"));
      goto fail;
    }
  if (!settle_credit_note_credited (book, original->id, &credited, error))
    goto fail;
  if (note->total > original->total - credited)
    {
      g_autofree char *left = settle_money_format (settle_money_init (original->total - credited,
                                                                      original->currency));

      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Lines: the credit note would credit more than invoice %s; at most %s is "
                     "left to credit"),
                   original->number, left);
      goto fail;
    }

  if (!settle_invoice_write (book, note, error))
    goto fail;
  number = settle_series_take (book, "credit-note", date, error);
  if (number == NULL)
    goto fail;
  /* Settled the day it is issued: its money goes to the original and to credit. */
  stmt = settle_book_prepare (book,
                              "UPDATE invoices SET number = ?1, status = 'paid', issue_date = ?2, "
                              "due_date = ?2, closed_on = ?2, amount_paid = total, terms_days = 0 "
                              "WHERE id = ?3",
                              error);
  if (stmt == NULL)
    goto fail;
  settle_bind_text (stmt, 1, number);
  settle_bind_date (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, note->id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;

  applied = MIN (note->total, MAX (balance, 0));
  excess = note->total - applied;
  if (applied > 0 && !apply_to_original (book, note, original, applied, date, error))
    goto fail;
  if (excess > 0
      && !settle_payment_exec (book, "UPDATE clients SET credit = credit + ?1 WHERE id = ?2",
                               excess, original->client_id, error))
    goto fail;

  if (!settle_activity_log (book, "invoice", note->id, "created", NULL, NULL, error) ||
      !settle_activity_log (book, "invoice", note->id, "issued", number, NULL, error))
    goto fail;
  plain = settle_money_to_plain (settle_money_init (note->total, note->currency));
  detail = g_strdup_printf ("%s %s", number, plain);
  if (!settle_activity_log (book, "invoice", original->id, "credited", detail, NULL, error))
    goto fail;
  if (!settle_book_commit (book, error))
    return 0;
  return note->id;

fail:
  settle_book_rollback (book);
  return 0;
}
