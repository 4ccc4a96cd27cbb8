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
#include "settle-invoice-private.h"
#include "settle-series.h"

static const char * const status_names[] = {
  [SETTLE_INVOICE_DRAFT] = "draft",
  [SETTLE_INVOICE_ISSUED] = "issued",
  [SETTLE_INVOICE_PARTIAL] = "partial",
  [SETTLE_INVOICE_PAID] = "paid",
  [SETTLE_INVOICE_VOID] = "void",
};

const char *
settle_invoice_status_to_string (SettleInvoiceStatus status)
{
  g_return_val_if_fail (status <= SETTLE_INVOICE_VOID, "draft");
  return status_names[status];
}

gboolean
settle_invoice_status_from_string (const char          *text,
                                   SettleInvoiceStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

static const char * const kind_names[] = {
  [SETTLE_INVOICE_KIND_INVOICE] = "invoice",
  [SETTLE_INVOICE_KIND_CREDIT_NOTE] = "credit-note",
};

const char *
settle_invoice_kind_to_string (SettleInvoiceKind kind)
{
  g_return_val_if_fail (kind <= SETTLE_INVOICE_KIND_CREDIT_NOTE, "invoice");
  return kind_names[kind];
}

gboolean
settle_invoice_kind_from_string (const char        *text,
                                 SettleInvoiceKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
settle_invoice_status_label (SettleInvoiceStatus status)
{
  switch (status)
    {
    case SETTLE_INVOICE_DRAFT:
      return _("Draft");
    case SETTLE_INVOICE_ISSUED:
      return _("Issued");
    case SETTLE_INVOICE_PARTIAL:
      return _("Partially paid");
    case SETTLE_INVOICE_PAID:
      return _("Paid");
    case SETTLE_INVOICE_VOID:
      return _("Void");
    default:
      g_return_val_if_reached ("");
    }
}

void
settle_invoice_line_free (SettleInvoiceLine *line)
{
  g_free (line->description);
  g_free (line);
}

SettleInvoice *
settle_invoice_new (SettleId    client_id,
                    const char *currency)
{
  SettleInvoice *inv = g_new0 (SettleInvoice, 1);

  g_return_val_if_fail (currency != NULL && strlen (currency) == 3, inv);

  inv->client_id = client_id;
  inv->status = SETTLE_INVOICE_DRAFT;
  g_date_clear (&inv->issue_date, 1);
  g_date_clear (&inv->due_date, 1);
  inv->terms_days = 30;
  memcpy (inv->currency, currency, 4);
  inv->rounding = SETTLE_ROUND_HALF_UP;
  inv->tax_rounding = SETTLE_TAX_ROUND_PER_LINE;
  inv->po_number = g_strdup ("");
  inv->notes = g_strdup ("");
  inv->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_invoice_line_free);
  inv->kind = SETTLE_INVOICE_KIND_INVOICE;
  settle_terms_init_default (&inv->terms);
  inv->pay_link = g_strdup ("");
  return inv;
}

void
settle_invoice_free (SettleInvoice *inv)
{
  if (inv == NULL)
    return;
  g_free (inv->client_name);
  g_free (inv->number);
  g_free (inv->po_number);
  g_free (inv->notes);
  g_free (inv->original_number);
  g_free (inv->pay_link);
  g_ptr_array_unref (inv->lines);
  g_free (inv);
}

SettleInvoiceLine *
settle_invoice_add_line (SettleInvoice *inv,
                         const char    *description,
                         gint64         quantity_milli,
                         gint64         unit_price,
                         int            tax_rate_bp)
{
  SettleInvoiceLine *line = g_new0 (SettleInvoiceLine, 1);

  line->position = inv->lines->len + 1;
  line->description = g_strdup (description ? description : "");
  line->quantity_milli = quantity_milli;
  line->unit_price = unit_price;
  line->tax_rate_bp = tax_rate_bp;
  g_ptr_array_add (inv->lines, line);
  return line;
}

gint64
settle_invoice_get_balance (const SettleInvoice *inv)
{
  if (inv->status == SETTLE_INVOICE_DRAFT || inv->status == SETTLE_INVOICE_VOID)
    return 0;
  return inv->total - inv->amount_paid;
}

static gboolean
too_large (int position,
           GError **error)
{
  g_set_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_OVERFLOW,
               _("Line %d: the amount is too large"), position);
  return FALSE;
}

gboolean
settle_invoice_compute_totals (SettleInvoice *inv,
                               GError       **error)
{
  gint64 subtotal = 0, tax_total = 0, discount_total = 0;
  g_autoptr(GHashTable) net_by_rate = NULL;

  g_return_val_if_fail (inv != NULL, FALSE);

  if (inv->tax_rounding == SETTLE_TAX_ROUND_PER_INVOICE)
    net_by_rate = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  for (guint i = 0; i < inv->lines->len; i++)
    {
      SettleInvoiceLine *line = g_ptr_array_index (inv->lines, i);

      line->position = i + 1;
      if (line->tax_rate_bp < 0 || line->tax_rate_bp > 100000)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Line %d: a tax rate must be between 0 %% and 1000 %%"), line->position);
          return FALSE;
        }
      if (line->discount_bp < 0 || line->discount_bp > 10000)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Line %d: a discount must be between 0 %% and 100 %%"), line->position);
          return FALSE;
        }
      /* Quantities are thousandths: gross = quantity × price ÷ 1000, and the discount
       * is a share of that gross, each rounded by the rule. */
      if (!settle_round_mul_div (line->quantity_milli, line->unit_price, 1000, inv->rounding,
                                 &line->net))
        return too_large (line->position, error);
      if (!settle_round_mul_div (line->net, line->discount_bp, 10000, inv->rounding,
                                 &line->discount))
        return too_large (line->position, error);
      line->net -= line->discount;
      if (!settle_checked_add (discount_total, line->discount, &discount_total))
        return too_large (line->position, error);
      if (inv->tax_rounding == SETTLE_TAX_ROUND_PER_LINE)
        {
          if (!settle_round_mul_div (line->net, line->tax_rate_bp, 10000, inv->rounding, &line->tax))
            return too_large (line->position, error);
          if (!settle_checked_add (tax_total, line->tax, &tax_total))
            return too_large (line->position, error);
        }
      else
        {
          gint64 *sum = g_hash_table_lookup (net_by_rate, GINT_TO_POINTER (line->tax_rate_bp));

          line->tax = 0;
          if (sum == NULL)
            {
              sum = g_new0 (gint64, 1);
              g_hash_table_insert (net_by_rate, GINT_TO_POINTER (line->tax_rate_bp), sum);
            }
          if (!settle_checked_add (*sum, line->net, sum))
            return too_large (line->position, error);
        }
      if (!settle_checked_add (subtotal, line->net, &subtotal))
        return too_large (line->position, error);
    }

  if (net_by_rate != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      /* Per invoice: one rounding per tax rate, over that rate's taxable total. */
      g_hash_table_iter_init (&iter, net_by_rate);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64 tax;

          if (!settle_round_mul_div (*(gint64 *) value, GPOINTER_TO_INT (key), 10000,
                                     inv->rounding, &tax) ||
              !settle_checked_add (tax_total, tax, &tax_total))
            return too_large (0, error);
        }
    }

  inv->subtotal = subtotal;
  inv->tax_total = tax_total;
  inv->discount_total = discount_total;
  if (!settle_checked_add (subtotal, tax_total, &inv->total))
    return too_large (0, error);
  return TRUE;
}

static gboolean
load_status (SettleBook          *book,
             SettleId             id,
             SettleInvoiceStatus *status,
             GError             **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT status FROM invoices WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    settle_invoice_status_from_string ((const char *) sqlite3_column_text (stmt, 0), status);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("There is no invoice with id %" PRId64), id);
  else
    settle_book_set_error (book, rc, error);
  return FALSE;
}

static gboolean
save_lines (SettleBook    *book,
            SettleInvoice *inv,
            GError       **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "DELETE FROM invoice_lines WHERE invoice_id = ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inv->id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;

  for (guint i = 0; i < inv->lines->len; i++)
    {
      SettleInvoiceLine *line = g_ptr_array_index (inv->lines, i);

      stmt = settle_book_prepare (book,
                                  "INSERT INTO invoice_lines (invoice_id, position, description, "
                                  "quantity_milli, unit_price, tax_rate_bp, net, tax, item_id, "
                                  "discount_bp) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, inv->id);
      sqlite3_bind_int (stmt, 2, line->position);
      settle_bind_text (stmt, 3, line->description);
      sqlite3_bind_int64 (stmt, 4, line->quantity_milli);
      sqlite3_bind_int64 (stmt, 5, line->unit_price);
      sqlite3_bind_int (stmt, 6, line->tax_rate_bp);
      sqlite3_bind_int64 (stmt, 7, line->net);
      sqlite3_bind_int64 (stmt, 8, line->tax);
      if (line->item_id != 0)
        sqlite3_bind_int64 (stmt, 9, line->item_id);
      sqlite3_bind_int (stmt, 10, line->discount_bp);
      if (!settle_book_step_done (book, stmt, error))
        return FALSE;
      line->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
    }
  return TRUE;
}

/* Inserts (id 0) or updates the invoice row and its lines as they are in inv; the
 * caller holds a transaction and has checked the state. Status, number and dates
 * are left to issue. */
gboolean
settle_invoice_write (SettleBook    *book,
                      SettleInvoice *inv,
                      GError       **error)
{
  g_autofree char *terms = settle_terms_to_string (&inv->terms);
  gboolean inserting = inv->id == 0;
  sqlite3_stmt *stmt;

  g_assert (settle_book_in_transaction (book));

  if (!inserting)
    stmt = settle_book_prepare (book,
                                "UPDATE invoices SET client_id = ?1, terms_days = ?2, "
                                "currency = ?3, rounding = ?4, tax_rounding = ?5, subtotal = ?6, "
                                "tax_total = ?7, total = ?8, po_number = ?9, notes = ?10, "
                                "terms = ?13, kind = ?14, original_id = ?15, pay_link = ?16 "
                                "WHERE id = ?12",
                                error);
  else
    stmt = settle_book_prepare (book,
                                "INSERT INTO invoices (client_id, terms_days, currency, rounding, "
                                "tax_rounding, subtotal, tax_total, total, po_number, notes, "
                                "created_at, status, terms, kind, original_id, pay_link) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'draft', "
                                "?13, ?14, ?15, ?16)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, inv->client_id);
  sqlite3_bind_int (stmt, 2, MAX (inv->terms_days, 0));
  settle_bind_text (stmt, 3, inv->currency);
  settle_bind_text (stmt, 4, settle_rounding_to_string (inv->rounding));
  settle_bind_text (stmt, 5, settle_tax_rounding_to_string (inv->tax_rounding));
  sqlite3_bind_int64 (stmt, 6, inv->subtotal);
  sqlite3_bind_int64 (stmt, 7, inv->tax_total);
  sqlite3_bind_int64 (stmt, 8, inv->total);
  settle_bind_text (stmt, 9, inv->po_number ? inv->po_number : "");
  settle_bind_text (stmt, 10, inv->notes ? inv->notes : "");
  if (inserting)
    {
      g_autofree char *now = settle_timestamp_now ();
      settle_bind_text (stmt, 11, now);
    }
  else
    sqlite3_bind_int64 (stmt, 12, inv->id);
  settle_bind_text (stmt, 13, terms);
  settle_bind_text (stmt, 14, settle_invoice_kind_to_string (inv->kind));
  if (inv->original_id != 0)
    sqlite3_bind_int64 (stmt, 15, inv->original_id);
  settle_bind_text (stmt, 16, inv->pay_link ? inv->pay_link : "");
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  if (inserting)
    inv->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  return save_lines (book, inv, error);
}

/* Days from a to b, for the terms_days column older readers use. */
static int
days_between (const GDate *a,
              const GDate *b)
{
  return g_date_get_julian (b) - g_date_get_julian (a);
}

gboolean
settle_invoice_save_draft (SettleBook    *book,
                           SettleInvoice *inv,
                           GError       **error)
{
  gboolean inserting;
  SettleTerms net30;
  GDate today, due;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (inv != NULL, FALSE);

  if (inv->status != SETTLE_INVOICE_DRAFT)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Invoice %s is issued and cannot be edited"), inv->number ? inv->number : "");
      return FALSE;
    }
  if (inv->kind != SETTLE_INVOICE_KIND_INVOICE)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                           _("A credit note is made from the invoice it credits, not as a draft"));
      return FALSE;
    }
  /* Older callers set only terms_days. */
  settle_terms_init_default (&net30);
  if (inv->id == 0 && settle_terms_equal (&inv->terms, &net30) && inv->terms_days != 30 &&
      inv->terms_days >= 0)
    inv->terms.days = inv->terms_days;
  if (!settle_invoice_validate (book, inv, error))
    return FALSE;
  if (!settle_invoice_compute_totals (inv, error))
    return FALSE;
  settle_today (&today);
  settle_terms_due_date (&inv->terms, &today, &due);
  inv->terms_days = days_between (&today, &due);

  inserting = inv->id == 0;
  if (!settle_book_begin (book, error))
    return FALSE;
  if (!inserting)
    {
      SettleInvoiceStatus stored;

      if (!load_status (book, inv->id, &stored, error))
        goto fail;
      if (stored != SETTLE_INVOICE_DRAFT)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                       _("The invoice was issued meanwhile and can no longer be edited"));
          goto fail;
        }
    }
  if (!settle_invoice_write (book, inv, error))
    goto fail;
  if (inserting && !settle_activity_log (book, "invoice", inv->id, "created", NULL, NULL, error))
    goto fail;
  if (!settle_book_commit (book, error))
    goto fail_committed;
  return TRUE;

fail:
  settle_book_rollback (book);
fail_committed:
  if (inserting)
    inv->id = 0;
  return FALSE;
}

gboolean
settle_invoice_delete_draft (SettleBook *book,
                             SettleId    invoice_id,
                             GError    **error)
{
  SettleInvoiceStatus stored;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!load_status (book, invoice_id, &stored, error))
    goto fail;
  if (stored != SETTLE_INVOICE_DRAFT)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                           _("An issued invoice cannot be deleted; void it or issue a credit "
                             "note instead"));
      goto fail;
    }
  stmt = settle_book_prepare (book, "DELETE FROM invoice_lines WHERE invoice_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  stmt = settle_book_prepare (book, "DELETE FROM invoices WHERE id = ?1 AND status = 'draft'", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (!settle_activity_log (book, "invoice", invoice_id, "deleted", NULL, NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_invoice_issue (SettleBook  *book,
                      SettleId     invoice_id,
                      const GDate *issue_date,
                      GError     **error)
{
  g_autoptr(SettleInvoice) inv = NULL;
  g_autofree char *number = NULL;
  g_autofree char *issue_iso = NULL;
  sqlite3_stmt *stmt;
  GDate due;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (issue_date != NULL && g_date_valid (issue_date), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  inv = settle_invoice_load (book, invoice_id, error);
  if (inv == NULL)
    goto fail;
  if (inv->status != SETTLE_INVOICE_DRAFT)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Invoice %s is already issued"), inv->number);
      goto fail;
    }
  if (inv->kind != SETTLE_INVOICE_KIND_INVOICE)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                           _("A credit note is issued from the invoice it credits"));
      goto fail;
    }
  if (inv->lines->len == 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("An invoice needs at least one line before it is issued"));
      goto fail;
    }
  if (inv->total < 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("An invoice's total cannot be negative; issue a credit note instead"));
      goto fail;
    }
  /* The book may have changed since the draft was saved (a tax rate removed…). */
  if (!settle_invoice_validate (book, inv, error))
    goto fail;
  number = settle_series_take (book, "invoice", issue_date, error);
  if (number == NULL)
    goto fail;
  settle_terms_due_date (&inv->terms, issue_date, &due);
  issue_iso = settle_date_to_iso (issue_date);

  /* A zero total is settled the moment it is issued. */
  stmt = settle_book_prepare (book,
                              "UPDATE invoices SET number = ?1, status = ?2, issue_date = ?3, "
                              "due_date = ?4, closed_on = ?5, terms_days = ?7 WHERE id = ?6",
                              error);
  if (stmt == NULL)
    goto fail;
  settle_bind_text (stmt, 1, number);
  settle_bind_text (stmt, 2, inv->total == 0 ? "paid" : "issued");
  settle_bind_date (stmt, 3, issue_date);
  settle_bind_date (stmt, 4, &due);
  settle_bind_text (stmt, 5, inv->total == 0 ? issue_iso : NULL);
  sqlite3_bind_int64 (stmt, 6, invoice_id);
  sqlite3_bind_int (stmt, 7, days_between (issue_date, &due));
  if (!settle_book_step_done (book, stmt, error))
    goto fail;

  stmt = settle_book_prepare (book, "UPDATE clients SET balance = balance + ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, inv->total);
  sqlite3_bind_int64 (stmt, 2, inv->client_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (!settle_activity_log (book, "invoice", invoice_id, "issued", number, NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_invoice_void (SettleBook  *book,
                     SettleId     invoice_id,
                     const GDate *date,
                     const char  *reason,
                     GError     **error)
{
  g_autoptr(SettleInvoice) inv = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  inv = settle_invoice_load (book, invoice_id, error);
  if (inv == NULL)
    goto fail;
  if (inv->status == SETTLE_INVOICE_DRAFT || inv->status == SETTLE_INVOICE_VOID)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   inv->status == SETTLE_INVOICE_DRAFT ? _("A draft is deleted, not voided")
                                                       : _("Invoice %s is already void"),
                   inv->number);
      goto fail;
    }
  if (inv->kind == SETTLE_INVOICE_KIND_CREDIT_NOTE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Credit note %s cannot be voided"), inv->number);
      goto fail;
    }
  if (inv->amount_paid != 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Invoice %s has payments or credit notes applied; unapply the payments "
                     "before voiding it"),
                   inv->number);
      goto fail;
    }
  stmt = settle_book_prepare (book, "UPDATE invoices SET status = 'void', closed_on = ?1 "
                                    "WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  settle_bind_date (stmt, 1, date);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  stmt = settle_book_prepare (book, "UPDATE clients SET balance = balance - ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, inv->total);
  sqlite3_bind_int64 (stmt, 2, inv->client_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (!settle_activity_log (book, "invoice", invoice_id, "voided", reason, NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

#define INVOICE_COLUMNS \
  "i.id, i.client_id, c.name, i.number, i.status, i.issue_date, i.due_date, i.terms_days, " \
  "i.currency, i.rounding, i.tax_rounding, i.subtotal, i.tax_total, i.total, i.amount_paid, " \
  "i.po_number, i.notes, i.kind, i.terms, i.original_id, o.number, i.pay_link, " \
  "i.agreement_id "
#define INVOICE_FROM \
  "FROM invoices i JOIN clients c ON c.id = i.client_id " \
  "LEFT JOIN invoices o ON o.id = i.original_id "

static SettleInvoice *
load_with (SettleBook   *book,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  g_autoptr(SettleInvoice) inv = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      inv = settle_invoice_new (sqlite3_column_int64 (stmt, 1),
                                (const char *) sqlite3_column_text (stmt, 8));
      inv->id = sqlite3_column_int64 (stmt, 0);
      inv->client_name = settle_column_dup (stmt, 2);
      inv->number = settle_column_dup (stmt, 3);
      settle_invoice_status_from_string ((const char *) sqlite3_column_text (stmt, 4), &inv->status);
      settle_column_date (stmt, 5, &inv->issue_date);
      settle_column_date (stmt, 6, &inv->due_date);
      inv->terms_days = sqlite3_column_int (stmt, 7);
      settle_rounding_from_string ((const char *) sqlite3_column_text (stmt, 9), &inv->rounding);
      settle_tax_rounding_from_string ((const char *) sqlite3_column_text (stmt, 10),
                                       &inv->tax_rounding);
      inv->subtotal = sqlite3_column_int64 (stmt, 11);
      inv->tax_total = sqlite3_column_int64 (stmt, 12);
      inv->total = sqlite3_column_int64 (stmt, 13);
      inv->amount_paid = sqlite3_column_int64 (stmt, 14);
      g_free (inv->po_number);
      inv->po_number = settle_column_dup (stmt, 15);
      g_free (inv->notes);
      inv->notes = settle_column_dup (stmt, 16);
      settle_invoice_kind_from_string ((const char *) sqlite3_column_text (stmt, 17), &inv->kind);
      /* Books from before terms were stored: Net terms_days. */
      if (sqlite3_column_type (stmt, 18) == SQLITE_NULL ||
          !settle_terms_parse ((const char *) sqlite3_column_text (stmt, 18), &inv->terms, NULL))
        {
          settle_terms_init_default (&inv->terms);
          inv->terms.days = MAX (inv->terms_days, 0);
        }
      inv->original_id = sqlite3_column_int64 (stmt, 19);
      inv->original_number = settle_column_dup (stmt, 20);
      g_free (inv->pay_link);
      inv->pay_link = settle_column_dup (stmt, 21);
      inv->agreement_id = sqlite3_column_int64 (stmt, 22);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no invoice %s"), what);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }

  stmt = settle_book_prepare (book,
                              "SELECT id, position, description, quantity_milli, unit_price, "
                              "tax_rate_bp, net, tax, item_id, discount_bp FROM invoice_lines "
                              "WHERE invoice_id = ?1 "
                              "ORDER BY position",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, inv->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleInvoiceLine *line = g_new0 (SettleInvoiceLine, 1);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->position = sqlite3_column_int (stmt, 1);
      line->description = settle_column_dup (stmt, 2);
      line->quantity_milli = sqlite3_column_int64 (stmt, 3);
      line->unit_price = sqlite3_column_int64 (stmt, 4);
      line->tax_rate_bp = sqlite3_column_int (stmt, 5);
      line->net = sqlite3_column_int64 (stmt, 6);
      line->tax = sqlite3_column_int64 (stmt, 7);
      line->item_id = sqlite3_column_int64 (stmt, 8);
      line->discount_bp = sqlite3_column_int (stmt, 9);
      /* The discount is what the rounded gross lost; the gross fitted when it was saved. */
      if (line->discount_bp != 0)
        {
          gint64 gross = line->net;

          if (settle_round_mul_div (line->quantity_milli, line->unit_price, 1000, inv->rounding,
                                    &gross))
            line->discount = gross - line->net;
        }
      inv->discount_total += line->discount;
      g_ptr_array_add (inv->lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&inv);
}

SettleInvoice *
settle_invoice_load (SettleBook *book,
                     SettleId    invoice_id,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *what = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT " INVOICE_COLUMNS INVOICE_FROM "WHERE i.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  what = g_strdup_printf ("with id %" G_GINT64_FORMAT, invoice_id);
  return load_with (book, stmt, what, error);
}

SettleInvoice *
settle_invoice_load_by_number (SettleBook *book,
                               const char *number,
                               GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *what = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = settle_book_prepare (book,
                              "SELECT " INVOICE_COLUMNS INVOICE_FROM "WHERE i.number = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  settle_bind_text (stmt, 1, number);
  what = g_strdup_printf ("“%s”", number);
  return load_with (book, stmt, what, error);
}
