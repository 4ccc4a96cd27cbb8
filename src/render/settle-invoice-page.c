/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "settle-invoice-page-style.h"

/* The blocks of an invoice page, top to bottom, but for the money blocks
 * (settle-invoice-page-money.c). All sizes in points. */

static char *
line_cell (const SettleInvoiceDocument *doc,
           const SettleInvoiceLine     *line,
           int                          column)
{
  switch (column)
    {
    case SETTLE_INVOICE_COL_DESCRIPTION:
      return g_strdup (line->description);
    case SETTLE_INVOICE_COL_QTY:
      return settle_format_fixed (line->quantity_milli, 3, TRUE);
    case SETTLE_INVOICE_COL_PRICE:
      return money_text (doc, line->unit_price);
    case SETTLE_INVOICE_COL_DISCOUNT:
      return rate_text (settle_invoice_doc_line_discount_bp (line));
    case SETTLE_INVOICE_COL_TAX:
      return rate_text (line->tax_rate_bp);
    case SETTLE_INVOICE_COL_AMOUNT:
      return money_text (doc, line->net);
    default:
      g_assert_not_reached ();
    }
}

static const char *
column_heading (int column)
{
  switch (column)
    {
    case SETTLE_INVOICE_COL_DESCRIPTION:
      return _("Description");
    case SETTLE_INVOICE_COL_QTY:
      /* Translators: quantity, a column heading */
      return _("Qty");
    case SETTLE_INVOICE_COL_PRICE:
      return _("Unit price");
    case SETTLE_INVOICE_COL_DISCOUNT:
      /* Translators: a column heading: the line's discount in per cent */
      return _("Discount");
    case SETTLE_INVOICE_COL_TAX:
      return _("Tax");
    case SETTLE_INVOICE_COL_AMOUNT:
      return _("Amount");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
column_shown (const SettleInvoiceDocument *doc,
              int                          column)
{
  return column != SETTLE_INVOICE_COL_DISCOUNT || doc->show_discount;
}

/* The colour of a status worth pointing out; NULL for a plain open invoice. */
static const SettleRgb *
status_colour (SettleInvoiceStatus status)
{
  switch (status)
    {
    case SETTLE_INVOICE_PAID:
      return &paid_green;
    case SETTLE_INVOICE_VOID:
      return &void_red;
    case SETTLE_INVOICE_PARTIAL:
      return &partial_amber;
    case SETTLE_INVOICE_DRAFT:
      return &muted;
    case SETTLE_INVOICE_ISSUED:
    default:
      return NULL;
    }
}

static void
status_pill (SettleInvoicePage *p,
             double             right_x,
             double             center_y)
{
  SettleInvoiceStatus status = p->doc->invoice->status;
  const SettleRgb *colour = status_colour (status);
  SettleTextStyle style = st_label;
  g_autofree char *label = NULL;
  double w, h, x, y;

  /* A credit note is settled the day it is issued: "Paid" would only confuse. */
  if (colour == NULL || !p->draw || settle_invoice_doc_is_credit_note (p->doc->invoice))
    return;

  label = g_utf8_strup (settle_invoice_status_label (status), -1);
  style.color = colour;
  h = settle_render_text (p->cr, p->pango, FALSE, 0, 0, -1, label, &style, &w);
  x = right_x - w - 14;
  y = center_y - (h + 6) / 2;

  settle_render_rounded_rect (p->cr, x, y, w + 14, h + 6, (h + 6) / 2);
  cairo_set_source_rgba (p->cr, colour->r, colour->g, colour->b, 0.10);
  cairo_fill_preserve (p->cr);
  cairo_set_source_rgb (p->cr, colour->r, colour->g, colour->b);
  cairo_set_line_width (p->cr, 0.8);
  cairo_stroke (p->cr);
  text (p, x + 7, y + 3, -1, label, &style);
}

/* ---- blocks ------------------------------------------------------------------- */

void
settle_invoice_page_columns (SettleInvoicePage *p)
{
  static const double min_width[SETTLE_INVOICE_N_COLS] = { 0, 30, 62, 38, 38, 70 };
  SettleInvoiceDocument *doc = p->doc;
  double numeric = 0;
  double x;

  for (int c = SETTLE_INVOICE_COL_QTY; c < SETTLE_INVOICE_N_COLS; c++)
    {
      double w;

      if (!column_shown (doc, c))
        {
          doc->col_w[c] = 0;
          continue;
        }
      w = MAX (min_width[c], text_width (p, column_heading (c), &st_head));

      for (guint i = 0; i < doc->invoice->lines->len; i++)
        {
          g_autofree char *cell = line_cell (doc, g_ptr_array_index (doc->invoice->lines, i), c);

          w = MAX (w, text_width (p, cell, &st_body_right));
        }
      doc->col_w[c] = ceil (w) + 1;
      numeric += doc->col_w[c] + COLUMN_GAP;
    }
  doc->col_w[SETTLE_INVOICE_COL_DESCRIPTION] = MAX (120, p->right - p->left - numeric);

  x = p->left;
  for (int c = 0; c < SETTLE_INVOICE_N_COLS; c++)
    {
      doc->col_x[c] = x;
      if (column_shown (doc, c))
        x += doc->col_w[c] + COLUMN_GAP;
    }
}

static double
bill_to (SettleInvoicePage *p,
         double             y)
{
  const SettleInvoice *invoice = p->doc->invoice;
  const SettleClient *client = p->doc->client;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *heading = g_utf8_strup (_("Bill to"), -1);
  g_autofree char *amount = NULL;
  g_autofree char *sub = NULL;
  SettleTextStyle amount_style = st_box_amount;
  const char *box_label;
  double ly = y, box_x = p->right - BOX_WIDTH, box_h = 0;
  gboolean draw = p->draw;

  ly += text (p, p->left, ly, box_x - p->left - 20, heading, &st_label) + 4;
  ly += text (p, p->left, ly, box_x - p->left - 20, client->name, &st_client) + 2;
  if (!settle_text_is_blank (client->contact_name))
    {
      g_autofree char *attn = g_strdup_printf (_("Attn: %s"), client->contact_name);

      append_line (details, attn);
    }
  append_line (details, client->address);
  if (!settle_text_is_blank (client->tax_id))
    {
      g_autofree char *tax = g_strdup_printf (_("Tax ID: %s"), client->tax_id);

      append_line (details, tax);
    }
  append_line (details, client->email);
  if (details->len > 0)
    ly += text (p, p->left, ly, box_x - p->left - 20, details->str, &st_detail);

  /* The one figure the reader is looking for, in a tinted box. */
  if (settle_invoice_doc_is_credit_note (invoice))
    {
      const char *original = settle_invoice_doc_original_number (invoice);

      box_label = _("Credit");
      amount = money_text (p->doc, invoice->total);
      sub = settle_text_is_blank (original)
              ? g_strdup (invoice->status == SETTLE_INVOICE_DRAFT ? _("Not yet issued") : "")
              /* Translators: %s is an invoice number */
              : g_strdup_printf (_("Against invoice %s"), original);
    }
  else switch (invoice->status)
    {
    case SETTLE_INVOICE_DRAFT:
      box_label = _("Total");
      amount = money_text (p->doc, invoice->total);
      sub = g_strdup (_("Not yet issued"));
      break;
    case SETTLE_INVOICE_PAID:
      box_label = _("Balance due");
      amount = money_text (p->doc, 0);
      sub = g_strdup (_("Paid in full — thank you"));
      amount_style.color = &paid_green;
      break;
    case SETTLE_INVOICE_VOID:
      box_label = _("Balance due");
      amount = money_text (p->doc, 0);
      sub = g_strdup (_("This invoice is void"));
      amount_style.color = &muted;
      break;
    case SETTLE_INVOICE_ISSUED:
    case SETTLE_INVOICE_PARTIAL:
    default:
      {
        g_autofree char *due = date_text (&invoice->due_date);

        box_label = _("Balance due");
        amount = money_text (p->doc, settle_invoice_get_balance (invoice));
        /* Translators: %s is a date */
        sub = g_strdup_printf (_("Due by %s"), due);
      }
      break;
    }

  /* A huge amount shrinks to fit on one line rather than breaking between digits. */
  {
    double w = text_width (p, amount, &amount_style);

    /* a little slack: font sizes round to 1/1024 pt */
    if (w > BOX_WIDTH - 28)
      amount_style.size *= (BOX_WIDTH - 30) / w;
  }

  for (int pass = 0; pass < 2; pass++)
    {
      double by = y + 12;

      /* Measure first: the box is filled before its text is drawn. */
      p->draw = pass == 1 && draw;
      if (p->draw)
        {
          settle_render_rounded_rect (p->cr, box_x, y, BOX_WIDTH, box_h, 4);
          cairo_set_source_rgba (p->cr, p->doc->accent.r, p->doc->accent.g, p->doc->accent.b, 0.07);
          cairo_fill (p->cr);
        }
      by += text (p, box_x + 14, by, BOX_WIDTH - 28, box_label, &st_small) + 2;
      by += text (p, box_x + 14, by, BOX_WIDTH - 28, amount, &amount_style) + 2;
      by += text (p, box_x + 14, by, BOX_WIDTH - 28, sub, &st_small);
      box_h = by + 12 - y;
    }
  p->draw = draw;

  return MAX (ly, y + box_h) - y;
}

double
settle_invoice_page_title (SettleInvoicePage *p,
                           double             y)
{
  const SettleInvoice *invoice = p->doc->invoice;
  const SettleBranding *company = p->doc->branding;
  gboolean credit_note = settle_invoice_doc_is_credit_note (invoice);
  const char *original = settle_invoice_doc_original_number (invoice);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *issued = date_text (&invoice->issue_date);
  g_autofree char *due = date_text (&invoice->due_date);
  g_autofree char *terms = terms_text (invoice);
  double left_w = (p->right - p->left) - META_WIDTH - 24;
  double meta_x = p->right - META_WIDTH;
  double ly = y, ry = y, title_w = 0, title_h, label_drop;
  SettleTextStyle title_style;
  struct { const char *label; const char *value; } meta[] = {
    { credit_note ? _("Credit note number") : _("Invoice number"),
      invoice->number ? invoice->number : _("Draft") },
    { _("Issue date"), issued },
    { _("Due date"), credit_note ? NULL : due },
    { _("Terms"), credit_note ? NULL : terms },
    { _("PO number"), invoice->po_number },
  };

  if (p->doc->logo != NULL)
    {
      double w, h;

      settle_logo_fit (p->doc->logo, MIN (left_w, LOGO_MAX_WIDTH), LOGO_MAX_HEIGHT, &w, &h);
      if (p->draw)
        settle_logo_draw (p->doc->logo, p->cr, p->left, ly, w, h);
      ly += h + 10;
    }
  if (!settle_text_is_blank (company->company_name))
    ly += text (p, p->left, ly, left_w, company->company_name, &st_company) + 4;
  append_line (details, company->address);
  if (!settle_text_is_blank (company->tax_id))
    {
      g_autofree char *tax = g_strdup_printf (_("Tax ID: %s"), company->tax_id);

      append_line (details, tax);
    }
  append_line (details, company->email);
  append_line (details, company->phone);
  if (details->len > 0)
    ly += text (p, p->left, ly, left_w, details->str, &st_small);

  title_style = accented (p, &st_title);
  title_h = settle_render_text (p->cr, p->pango, p->draw, meta_x, ry, META_WIDTH,
                                /* Translators: the title of a credit note document */
                                credit_note ? _("Credit note") : _("Invoice"),
                                &title_style, &title_w);
  status_pill (p, p->right - title_w - 10, ry + title_h / 2);
  ry += title_h + 6;

  label_drop = settle_render_baseline (p->pango, &st_meta_value)
               - settle_render_baseline (p->pango, &st_small);
  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    {
      double h;

      if (settle_text_is_blank (meta[i].value))
        continue;
      h = text (p, meta_x, ry + label_drop, 100, meta[i].label, &st_small) + label_drop;
      h = MAX (h, text (p, meta_x + 100, ry, META_WIDTH - 100, meta[i].value, &st_meta_value));
      ry += h + 2.5;
    }
  if (credit_note && !settle_text_is_blank (original))
    {
      /* Translators: %s is the number of the invoice a credit note credits */
      g_autofree char *credits = g_strdup_printf (_("Credits invoice %s"), original);
      SettleTextStyle style = accented (p, &st_body_bold);

      style.align = PANGO_ALIGN_RIGHT;
      ry += 4 + text (p, meta_x, ry + 4, META_WIDTH, credits, &style);
    }

  ly = MAX (ly, ry) + 14;
  rule (p, p->left, p->right, ly, 1.2, &p->doc->accent);
  ly += 20;
  ly += bill_to (p, ly);

  return ly + 22 - y;
}

double
settle_invoice_page_continued (SettleInvoicePage *p,
                               double             y)
{
  const SettleInvoice *invoice = p->doc->invoice;
  g_autofree char *what = NULL;
  double half = (p->right - p->left) / 2;
  double h;

  /* Translators: the running header of an invoice's second and later pages */
  what = g_strdup_printf (settle_invoice_doc_is_credit_note (invoice)
                            /* Translators: the running header of a credit note's later pages */
                            ? _("Credit note %s (continued)")
                            : _("Invoice %s (continued)"),
                          invoice->number ? invoice->number : _("Draft"));
  h = text (p, p->left, y, half, p->doc->branding->company_name, &st_company_small);
  h = MAX (h, text (p, p->left + half, y + 1, half, what, &st_small_right));
  rule (p, p->left, p->right, y + h + 6, 0.8, &p->doc->accent);
  return h + 22;
}

double
settle_invoice_page_lines_header (SettleInvoicePage *p,
                                  double             y)
{
  const SettleInvoiceDocument *doc = p->doc;
  double h = 0;

  for (int c = 0; c < SETTLE_INVOICE_N_COLS; c++)
    if (column_shown (doc, c))
      h = MAX (h, text (p, doc->col_x[c], y, doc->col_w[c], column_heading (c),
                        c == SETTLE_INVOICE_COL_DESCRIPTION ? &st_head : &st_head_right));
  rule (p, p->left, p->right, y + h + 4, 0.8, &ink);
  return h + 5;
}

double
settle_invoice_page_line (SettleInvoicePage *p,
                          double             y,
                          int                index)
{
  const SettleInvoiceDocument *doc = p->doc;
  const SettleInvoiceLine *line = g_ptr_array_index (doc->invoice->lines, index);
  double h = 0;

  for (int c = 0; c < SETTLE_INVOICE_N_COLS; c++)
    {
      g_autofree char *cell = NULL;

      if (!column_shown (doc, c))
        continue;
      cell = line_cell (doc, line, c);

      h = MAX (h, text (p, doc->col_x[c], y + ROW_PAD, doc->col_w[c], cell,
                        c == SETTLE_INVOICE_COL_DESCRIPTION ? &st_body : &st_body_right));
    }
  h += 2 * ROW_PAD;
  rule (p, p->left, p->right, y + h - 0.25, 0.5, &hairline);
  return h;
}

double
settle_invoice_page_notes (SettleInvoicePage *p,
                           double             y)
{
  double h;

  h = text (p, p->left, y, -1, _("Notes"), &st_section) + 4;
  h += text (p, p->left, y + h, (p->right - p->left) * 0.75, p->doc->invoice->notes, &st_detail);
  return h;
}

void
settle_invoice_page_footer (SettleInvoicePage *p,
                            int                page_index,
                            int                n_pages,
                            double             y)
{
  const SettleInvoice *invoice = p->doc->invoice;
  const SettleRgb *colour = status_colour (invoice->status);
  SettleTextStyle status_style = st_small;
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autofree char *page_text = NULL;
  g_autofree char *status = NULL;
  const double page_w = 90;
  double h;

  if (!settle_text_is_blank (p->doc->branding->footer))
    g_string_append (terms, p->doc->branding->footer);
  else if (settle_invoice_doc_is_credit_note (invoice))
    g_string_append (terms, _("This credit note reduces what you owe: there is nothing to pay."));
  else if (invoice->number != NULL)
    g_string_append_printf (terms, _("Please quote %s with your payment."), invoice->number);

  /* Translators: the page number in an invoice's footer */
  page_text = g_strdup_printf (_("Page %d of %d"), page_index + 1, n_pages);
  /* Translators: %s is an invoice status, e.g. "Partially paid" */
  status = g_strdup_printf (_("Status: %s"), settle_invoice_status_label (invoice->status));
  if (colour != NULL)
    {
      status_style.color = colour;
      status_style.weight = PANGO_WEIGHT_BOLD;
    }

  rule (p, p->left, p->right, y, 0.5, &hairline);
  y += 7;
  h = text (p, p->left, y, p->right - p->left - page_w - COLUMN_GAP, terms->str, &st_small);
  text (p, p->right - page_w, y, page_w, page_text, &st_small_right);
  if (!settle_invoice_doc_is_credit_note (invoice))
    text (p, p->left, y + h + 1, -1, status, &status_style);
}

void
settle_invoice_page_watermark (SettleInvoicePage *p,
                               double             page_width,
                               double             page_height)
{
  SettleInvoiceStatus status = p->doc->invoice->status;
  SettleTextStyle style = { NULL, 130.0, PANGO_WEIGHT_BOLD, NULL, PANGO_ALIGN_LEFT, FALSE };
  const SettleRgb *colour;
  const char *mark;
  double alpha, w, h;

  if (status == SETTLE_INVOICE_VOID)
    {
      /* Translators: stamped across a voided invoice */
      mark = _("VOID");
      colour = &void_red;
      alpha = 0.16;
    }
  else if (status == SETTLE_INVOICE_DRAFT)
    {
      /* Translators: stamped across an invoice not yet issued */
      mark = _("DRAFT");
      colour = &muted;
      alpha = 0.10;
    }
  else
    return;

  h = settle_render_text (p->cr, p->pango, FALSE, 0, 0, -1, mark, &style, &w);
  cairo_save (p->cr);
  cairo_translate (p->cr, page_width / 2, page_height / 2);
  cairo_rotate (p->cr, -atan2 (page_height, page_width) * 0.75);
  pango_cairo_update_context (p->cr, p->pango);
  cairo_set_source_rgba (p->cr, colour->r, colour->g, colour->b, alpha);
  settle_render_text (p->cr, p->pango, TRUE, -w / 2, -h / 2, -1, mark, &style, NULL);
  cairo_restore (p->cr);
  pango_cairo_update_context (p->cr, p->pango);
}
