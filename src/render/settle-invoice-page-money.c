/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-invoice-page-style.h"

/* The money blocks of an invoice page: totals with one tax row per rate, payments
 * received, and how to pay (terms, early-payment discount, remit-to, pay link and
 * its QR code). */

typedef struct
{
  int    rate_bp;
  gint64 base;
  gint64 tax;
} TaxRow;

static int
compare_tax_rows (gconstpointer a,
                  gconstpointer b)
{
  const TaxRow *x = a, *y = b;

  return (x->rate_bp > y->rate_bp) - (x->rate_bp < y->rate_bp);
}

/* One row per tax rate, by rate, each with its taxable base and its tax, summing to
 * the invoice's tax total. Untaxed lines get no row unless nothing is taxed. */
static GArray *
tax_rows (const SettleInvoice *invoice)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TaxRow));
  gint64 sum = 0;

  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const SettleInvoiceLine *line = g_ptr_array_index (invoice->lines, i);
      TaxRow *row = NULL;

      if (line->tax_rate_bp == 0)
        continue;
      for (guint k = 0; k < rows->len && row == NULL; k++)
        if (g_array_index (rows, TaxRow, k).rate_bp == line->tax_rate_bp)
          row = &g_array_index (rows, TaxRow, k);
      if (row == NULL)
        {
          TaxRow fresh = { line->tax_rate_bp, 0, 0 };

          g_array_append_val (rows, fresh);
          row = &g_array_index (rows, TaxRow, rows->len - 1);
        }
      row->base += line->net;
      row->tax += line->tax;
    }
  g_array_sort (rows, compare_tax_rows);

  /* Per-invoice rounding leaves the lines' tax at 0: one rounding per rate, as
   * settle_invoice_compute_totals () does. */
  for (guint k = 0; k < rows->len; k++)
    {
      TaxRow *row = &g_array_index (rows, TaxRow, k);

      if (invoice->tax_rounding == SETTLE_TAX_ROUND_PER_INVOICE &&
          !settle_round_mul_div (row->base, row->rate_bp, 10000, invoice->rounding, &row->tax))
        row->tax = 0;
      sum += row->tax;
    }

  /* Stored figures are what the client was billed: if they ever disagree with the
   * lines, one "Tax" row with the stored total is the honest summary. */
  if (rows->len == 0 || sum != invoice->tax_total)
    {
      TaxRow total = { 0, invoice->subtotal, invoice->tax_total };

      g_array_set_size (rows, 0);
      g_array_append_val (rows, total);
    }
  return g_steal_pointer (&rows);
}

static char *
tax_row_label (const SettleInvoiceDocument *doc,
               const TaxRow                *row,
               gboolean                     several)
{
  g_autofree char *percent = NULL;
  g_autofree char *base = NULL;

  if (row->rate_bp == 0)
    return g_strdup (_("Tax"));
  percent = rate_text (row->rate_bp);
  if (!several)
    /* Translators: %s is a rate, e.g. "8.25 %" */
    return g_strdup_printf (_("Tax (%s)"), percent);
  base = money_text (doc, row->base);
  /* Translators: a tax rate and the amount it applies to: "Tax 8.25 % on $1,200.00" */
  return g_strdup_printf (_("Tax %s on %s"), percent, base);
}

double
settle_invoice_page_totals (SettleInvoicePage *p,
                            double             y)
{
  const SettleInvoice *invoice = p->doc->invoice;
  g_autoptr(GArray) taxes = tax_rows (invoice);
  gboolean several = taxes->len > 1;
  const double width = several ? 290 : 250, label_w = several ? 175 : 130;
  double x = p->right - width, vx = x + label_w, vw = width - label_w;
  double y0 = y, h;
  gint64 discounts = settle_invoice_doc_discount_total (invoice);
  g_autofree char *subtotal = money_text (p->doc, invoice->subtotal);
  g_autofree char *total = money_text (p->doc, invoice->total);

  if (discounts != 0)
    {
      g_autofree char *gross = money_text (p->doc, invoice->subtotal + discounts);
      g_autofree char *off = money_text (p->doc, discounts);
      g_autofree char *minus = g_strconcat ("−", off, NULL);

      h = text (p, x, y, label_w, _("Before discounts"), &st_body);
      text (p, vx, y, vw, gross, &st_body_right);
      y += h + 4;
      h = text (p, x, y, label_w, _("Line discounts"), &st_body);
      text (p, vx, y, vw, minus, &st_body_right);
      y += h + 4;
    }
  h = text (p, x, y, label_w, _("Subtotal"), &st_body);
  text (p, vx, y, vw, subtotal, &st_body_right);
  y += h + 4;
  for (guint k = 0; k < taxes->len; k++)
    {
      const TaxRow *row = &g_array_index (taxes, TaxRow, k);
      g_autofree char *label = tax_row_label (p->doc, row, several);
      g_autofree char *amount = money_text (p->doc, row->tax);

      h = text (p, x, y, label_w, label, &st_body);
      text (p, vx, y, vw, amount, &st_body_right);
      y += h + 4;
    }
  y += 1;
  rule (p, x, p->right, y, 0.6, &ink);
  y += 5;
  h = text (p, x, y, label_w, _("Total"), &st_body_bold);
  text (p, vx, y, vw, total, &st_body_bold_right);
  y += h + 4;

  if (invoice->amount_paid != 0 && invoice->status != SETTLE_INVOICE_DRAFT &&
      !settle_invoice_doc_is_credit_note (invoice))
    {
      g_autofree char *paid = money_text (p->doc, invoice->amount_paid);
      g_autofree char *minus = g_strconcat ("−", paid, NULL);

      h = text (p, x, y, label_w, _("Paid"), &st_body);
      text (p, vx, y, vw, minus, &st_body_right);
      y += h + 4;
    }

  if (invoice->status != SETTLE_INVOICE_DRAFT && invoice->status != SETTLE_INVOICE_VOID &&
      !settle_invoice_doc_is_credit_note (invoice))
    {
      g_autofree char *balance = money_text (p->doc, settle_invoice_get_balance (invoice));
      const char *label = _("Balance due");
      SettleTextStyle due_label = accented (p, &st_due_label);
      SettleTextStyle due_value = accented (p, &st_due_value);
      gboolean draw = p->draw;

      p->draw = FALSE;
      h = text (p, x, y, label_w, label, &due_label);
      p->draw = draw;
      y += 2;
      if (draw)
        {
          cairo_rectangle (p->cr, x - 8, y, width + 8, h + 10);
          cairo_set_source_rgba (p->cr, p->doc->accent.r, p->doc->accent.g, p->doc->accent.b, 0.08);
          cairo_fill (p->cr);
        }
      text (p, x, y + 5, label_w, label, &due_label);
      text (p, vx - 6, y + 5, vw, balance, &due_value);
      y += h + 10;
    }

  return y - y0;
}

double
settle_invoice_page_payments_header (SettleInvoicePage *p,
                                     double             y,
                                     gboolean           repeated)
{
  double y0 = y, h = 0;
  const double date_w = 80, method_w = 110, amount_w = 110;
  double ref_x = p->left + date_w + method_w + 2 * COLUMN_GAP;

  y += text (p, p->left, y, -1,
             repeated ? _("Payments received (continued)") : _("Payments received"),
             &st_section) + 6;
  h = text (p, p->left, y, date_w, _("Date"), &st_head);
  text (p, p->left + date_w + COLUMN_GAP, y, method_w, _("Method"), &st_head);
  text (p, ref_x, y, p->right - amount_w - COLUMN_GAP - ref_x, _("Reference"), &st_head);
  text (p, p->right - amount_w, y, amount_w, _("Amount"), &st_head_right);
  rule (p, p->left, p->right, y + h + 4, 0.8, &ink);
  return y + h + 5 - y0;
}

double
settle_invoice_page_payment (SettleInvoicePage *p,
                             double             y,
                             int                index)
{
  const SettleApplication *app = g_ptr_array_index (p->doc->applications, index);
  const double date_w = 80, method_w = 110, amount_w = 110;
  double ref_x = p->left + date_w + method_w + 2 * COLUMN_GAP;
  g_autofree char *date = date_text (&app->date);
  g_autofree char *amount = money_text (p->doc, app->amount);
  double h;

  y += ROW_PAD - 1;
  h = text (p, p->left, y, date_w, date, &st_body);
  h = MAX (h, text (p, p->left + date_w + COLUMN_GAP, y, method_w,
                    settle_application_label (app), &st_body));
  h = MAX (h, text (p, ref_x, y, p->right - amount_w - COLUMN_GAP - ref_x,
                    app->reference ? app->reference : "", &st_body));
  h = MAX (h, text (p, p->right - amount_w, y, amount_w, amount, &st_body_right));
  h += 2 * (ROW_PAD - 1);
  rule (p, p->left, p->right, y - (ROW_PAD - 1) + h - 0.25, 0.5, &hairline);
  return h;
}

/* A label over a block of text, the pair's height. */
static double
labelled (SettleInvoicePage *p,
          double             x,
          double             y,
          double             width,
          const char        *label,
          const char        *body)
{
  g_autofree char *heading = g_utf8_strup (label, -1);
  double h;

  h = text (p, x, y, width, heading, &st_label) + 2;
  return h + text (p, x, y + h, width, body, &st_detail);
}

double
settle_invoice_page_payment_info (SettleInvoicePage *p,
                                  double             y)
{
  SettleInvoiceDocument *doc = p->doc;
  const SettleInvoice *invoice = doc->invoice;
  const SettleBranding *brand = doc->branding;
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autofree char *describe = NULL;
  const char *pay_link = settle_invoice_doc_pay_link (invoice);
  gboolean show_qr;
  double width, ly = y, qr_h = 0;
  GDate until;

  /* Nothing to pay on a credit note, a void or a settled invoice. */
  if (settle_invoice_doc_is_credit_note (invoice) || invoice->status == SETTLE_INVOICE_VOID ||
      invoice->status == SETTLE_INVOICE_PAID)
    return 0;

  show_qr = doc->qr != NULL;
  width = p->right - p->left - (show_qr ? QR_SIZE + 28 : 0);

  describe = settle_terms_describe (&invoice->terms);
  /* Translators: %s is payment terms, e.g. "Net 30" or "2 % 10, Net 30" */
  g_string_append_printf (terms, _("Terms: %s."), describe);
  if (g_date_valid (&invoice->due_date) && invoice->status != SETTLE_INVOICE_DRAFT)
    {
      g_autofree char *due = date_text (&invoice->due_date);

      g_string_append_c (terms, ' ');
      /* Translators: %s is a date */
      g_string_append_printf (terms, _("Payment is due by %s."), due);
    }
  if (g_date_valid (&invoice->issue_date) &&
      settle_terms_discount_date (&invoice->terms, &invoice->issue_date, &until) &&
      settle_invoice_get_balance (invoice) > 0)
    {
      g_autofree char *date = date_text (&until);
      g_autofree char *rate = rate_text (invoice->terms.discount_bp);
      g_autofree char *pay = NULL;
      gint64 discount = 0;

      if (settle_round_mul_div (invoice->total, invoice->terms.discount_bp, 10000,
                                invoice->rounding, &discount))
        {
          pay = money_text (doc, settle_invoice_get_balance (invoice) - discount);
          g_string_append_c (terms, ' ');
          /* Translators: "Pay by 2026-12-03 to take the 2 % early-payment discount: $980.00." */
          g_string_append_printf (terms,
                              _("Pay by %s to take the %s early-payment discount: %s."),
                              date, rate, pay);
        }
    }

  ly += text (p, p->left, ly, -1, _("How to pay"), &st_section) + 5;
  ly += text (p, p->left, ly, width, terms->str, &st_detail) + 6;
  if (!settle_text_is_blank (brand->terms_text))
    ly += text (p, p->left, ly, width, brand->terms_text, &st_detail) + 6;

  if (!settle_text_is_blank (brand->remit_to) ||
      !settle_text_is_blank (brand->payment_instructions))
    {
      double half = (width - COLUMN_GAP) / 2, h = 0;
      gboolean both = !settle_text_is_blank (brand->remit_to) &&
                      !settle_text_is_blank (brand->payment_instructions);
      double x = p->left;

      if (!settle_text_is_blank (brand->remit_to))
        {
          h = labelled (p, x, ly, both ? half : width, _("Remit to"), brand->remit_to);
          x += half + COLUMN_GAP;
        }
      if (!settle_text_is_blank (brand->payment_instructions))
        h = MAX (h, labelled (p, both ? x : p->left, ly, both ? half : width,
                              _("Payment instructions"), brand->payment_instructions));
      ly += h + 6;
    }

  if (!settle_text_is_blank (pay_link))
    {
      SettleTextStyle link = accented (p, &st_detail);

      g_autofree char *heading = g_utf8_strup (_("Pay online"), -1);

      ly += text (p, p->left, ly, width, heading, &st_label) + 2;
      ly += text (p, p->left, ly, width, pay_link, &link) + 4;
    }

  if (show_qr)
    {
      double qx = p->right - QR_SIZE;

      if (p->draw)
        {
          settle_qr_code_draw (doc->qr, p->cr, qx, y, QR_SIZE);
          doc->qr_x = qx;
          doc->qr_y = y;
          doc->qr_size = QR_SIZE;
        }
      qr_h = QR_SIZE + text (p, qx, y + QR_SIZE, QR_SIZE, _("Scan to pay"), &st_small_center);
    }

  return MAX (ly - y, qr_h);
}
