/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-invoice-pdf-private.h"
#include "settle-render-pdf.h"
#include "settle-render-text.h"

#define MARGIN_X      SETTLE_INVOICE_MARGIN_X
#define MARGIN_TOP    SETTLE_INVOICE_MARGIN_TOP
#define MARGIN_BOTTOM SETTLE_INVOICE_MARGIN_BOTTOM
#define FOOTER_HEIGHT SETTLE_INVOICE_FOOTER_HEIGHT
#define FOOTER_GAP    SETTLE_INVOICE_FOOTER_GAP

typedef enum
{
  ITEM_TITLE,           /* page one: company, invoice facts, bill-to */
  ITEM_LINES_HEADER,
  ITEM_LINE,
  ITEM_TOTALS,
  ITEM_PAYMENTS_HEADER,
  ITEM_PAYMENT,
  ITEM_PAYMENT_INFO,
  ITEM_NOTES,
} ItemKind;

/* Something in the flow of the document, measured. */
typedef struct
{
  ItemKind kind;
  int      index;        /* the line or payment; for a heading, 1 when repeated */
  double   height;
  double   space_before; /* dropped at the top of a page */
} Item;

/* Where an item went. */
typedef struct
{
  ItemKind kind;
  int      index;
  int      page;
  double   y;
} Placement;

/* ---- the document --------------------------------------------------------- */

SettleInvoiceDocument *
settle_invoice_document_new_for_data (SettleInvoice *invoice,
                                      SettleClient  *client,
                                      GPtrArray      *applications,
                                      SettleBranding *branding)
{
  SettleInvoiceDocument *doc;
  const char *pay_link;

  g_return_val_if_fail (invoice != NULL, NULL);
  g_return_val_if_fail (client != NULL, NULL);
  g_return_val_if_fail (branding != NULL, NULL);

  doc = g_new0 (SettleInvoiceDocument, 1);
  doc->invoice = invoice;
  doc->client = client;
  doc->applications = applications
                        ? applications
                        : g_ptr_array_new_with_free_func ((GDestroyNotify) settle_application_free);
  doc->branding = branding;
  doc->qr_page = -1;
  if (!settle_branding_parse_accent (branding->accent, &doc->accent.r, &doc->accent.g,
                                     &doc->accent.b))
    settle_branding_parse_accent (SETTLE_BRANDING_DEFAULT_ACCENT, &doc->accent.r,
                                  &doc->accent.g, &doc->accent.b);
  if (!settle_text_is_blank (branding->logo_path))
    {
      g_autoptr(GError) error = NULL;

      doc->logo = settle_logo_load (branding->logo_path, &error);
      if (doc->logo == NULL)
        g_warning ("%s", error->message);
    }
  pay_link = settle_invoice_doc_pay_link (invoice);
  if (!settle_text_is_blank (pay_link))
    {
      g_autoptr(GError) error = NULL;

      doc->qr = settle_qr_code_new (pay_link, &error);
      if (doc->qr == NULL)
        g_warning ("%s", error->message);
    }
  /* A one-page invoice lays out the same few dozen texts three times (columns,
   * pagination, drawing): worth keeping. Thousands of lines are not. */
  if (invoice->lines->len <= 100)
    doc->text_cache = settle_text_cache_new ();
  for (guint i = 0; i < invoice->lines->len; i++)
    if (settle_invoice_doc_line_discount_bp (g_ptr_array_index (invoice->lines, i)) != 0)
      doc->show_discount = TRUE;

  /* A draft's stored figures may lag behind its lines while it is edited. */
  if (invoice->status == SETTLE_INVOICE_DRAFT)
    {
      g_autoptr(GError) error = NULL;

      if (!settle_invoice_compute_totals (invoice, &error))
        g_warning ("Cannot total the draft invoice: %s", error->message);
    }

  return doc;
}

SettleInvoiceDocument *
settle_invoice_document_new (SettleBook *book,
                             SettleId    invoice_id,
                             GError    **error)
{
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GPtrArray) applications = NULL;
  g_autoptr(SettleBranding) branding = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  branding = settle_branding_load (book, error);
  if (branding == NULL)
    return NULL;
  /* A logo deleted or moved since it was chosen is worth stopping for: the
   * invoice would otherwise go out unbranded without anyone noticing. */
  if (!settle_text_is_blank (branding->logo_path) &&
      settle_branding_logo_format (branding->logo_path, error) == SETTLE_LOGO_NONE)
    return NULL;

  invoice = settle_invoice_load (book, invoice_id, error);
  if (invoice == NULL)
    return NULL;
  client = settle_client_load (book, invoice->client_id, error);
  if (client == NULL)
    return NULL;
  applications = settle_invoice_list_applications (book, invoice_id, error);
  if (applications == NULL)
    return NULL;

  return settle_invoice_document_new_for_data (g_steal_pointer (&invoice),
                                               g_steal_pointer (&client),
                                               g_steal_pointer (&applications),
                                               g_steal_pointer (&branding));
}

void
settle_invoice_document_free (SettleInvoiceDocument *doc)
{
  if (doc == NULL)
    return;
  settle_invoice_free (doc->invoice);
  settle_client_free (doc->client);
  g_ptr_array_unref (doc->applications);
  settle_branding_free (doc->branding);
  g_clear_pointer (&doc->logo, settle_logo_free);
  g_clear_pointer (&doc->qr, settle_qr_code_free);
  g_clear_pointer (&doc->text_cache, settle_text_cache_free);
  g_clear_pointer (&doc->placements, g_array_unref);
  g_free (doc);
}

const SettleInvoice *
settle_invoice_document_get_invoice (SettleInvoiceDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->invoice;
}

/* ---- pagination ------------------------------------------------------------- */

static void
render_begin (SettleInvoicePage     *r,
              SettleInvoiceDocument *doc,
              cairo_t               *cr,
              double                 page_width,
              gboolean               draw)
{
  r->doc = doc;
  r->cr = cr;
  r->pango = settle_render_pango_context (cr, 72.0);
  r->draw = draw;
  r->left = MARGIN_X;
  r->right = page_width - MARGIN_X;
}

static void
render_end (SettleInvoicePage *r)
{
  g_clear_object (&r->pango);
}

static double
measure_item (SettleInvoicePage *r,
              ItemKind           kind,
              int                index)
{
  switch (kind)
    {
    case ITEM_TITLE:
      return settle_invoice_page_title (r, 0);
    case ITEM_LINES_HEADER:
      return settle_invoice_page_lines_header (r, 0);
    case ITEM_LINE:
      return settle_invoice_page_line (r, 0, index);
    case ITEM_TOTALS:
      return settle_invoice_page_totals (r, 0);
    case ITEM_PAYMENTS_HEADER:
      return settle_invoice_page_payments_header (r, 0, index);
    case ITEM_PAYMENT:
      return settle_invoice_page_payment (r, 0, index);
    case ITEM_PAYMENT_INFO:
      return settle_invoice_page_payment_info (r, 0);
    case ITEM_NOTES:
      return settle_invoice_page_notes (r, 0);
    default:
      g_assert_not_reached ();
    }
}

static void
place (SettleInvoiceDocument *doc,
       ItemKind               kind,
       int                    index,
       int                    page,
       double                 y)
{
  Placement p = { kind, index, page, y };

  g_array_append_val (doc->placements, p);
}

static void
paginate (SettleInvoiceDocument *doc,
          cairo_t               *cr,
          double                 page_width,
          double                 page_height)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  const SettleInvoice *invoice = doc->invoice;
  SettleInvoicePage r;
  double top = MARGIN_TOP;
  double bottom = page_height - MARGIN_BOTTOM - FOOTER_HEIGHT - FOOTER_GAP;
  double lines_header_h, payments_header_h, y;
  int page = 0;

#define ADD_ITEM(k, i, before) \
  G_STMT_START { \
    Item it_ = { (k), (i), measure_item (&r, (k), (i)), (before) }; \
    g_array_append_val (items, it_); \
  } G_STMT_END

  if (doc->placements != NULL && doc->layout_width == page_width &&
      doc->layout_height == page_height)
    return;

  g_clear_pointer (&doc->placements, g_array_unref);
  doc->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  doc->layout_width = page_width;
  doc->layout_height = page_height;

  render_begin (&r, doc, cr, page_width, FALSE);
  settle_invoice_page_columns (&r);
  doc->continued_height = settle_invoice_page_continued (&r, 0);
  lines_header_h = settle_invoice_page_lines_header (&r, 0);
  payments_header_h = settle_invoice_page_payments_header (&r, 0, 1);

  ADD_ITEM (ITEM_LINES_HEADER, 0, 0);
  for (guint i = 0; i < invoice->lines->len; i++)
    ADD_ITEM (ITEM_LINE, (int) i, 0);
  ADD_ITEM (ITEM_TOTALS, 0, 12);
  {
    double info_h = measure_item (&r, ITEM_PAYMENT_INFO, 0);

    if (info_h > 0)
      {
        Item it = { ITEM_PAYMENT_INFO, 0, info_h, 20 };

        g_array_append_val (items, it);
      }
  }
  if (doc->applications->len > 0)
    {
      ADD_ITEM (ITEM_PAYMENTS_HEADER, 0, 26);
      for (guint i = 0; i < doc->applications->len; i++)
        ADD_ITEM (ITEM_PAYMENT, (int) i, 0);
    }
  if (!settle_text_is_blank (invoice->notes))
    ADD_ITEM (ITEM_NOTES, 0, 22);
#undef ADD_ITEM

  place (doc, ITEM_TITLE, 0, 0, top);
  y = top + measure_item (&r, ITEM_TITLE, 0);

  for (guint k = 0; k < items->len; k++)
    {
      const Item *it = &g_array_index (items, Item, k);
      double page_start = page == 0 ? top : top + doc->continued_height;
      double need = it->space_before + it->height;

      /* A heading stays with the first row under it. */
      if ((it->kind == ITEM_LINES_HEADER || it->kind == ITEM_PAYMENTS_HEADER) && k + 1 < items->len)
        need += g_array_index (items, Item, k + 1).height;

      /* Something too tall for any page goes where it is, not onto an empty page. */
      if (y + need > bottom && y > page_start + 0.5)
        {
          page++;
          y = top + doc->continued_height;
          if (it->kind == ITEM_LINE)
            {
              place (doc, ITEM_LINES_HEADER, 1, page, y);
              y += lines_header_h;
            }
          else if (it->kind == ITEM_PAYMENT)
            {
              place (doc, ITEM_PAYMENTS_HEADER, 1, page, y);
              y += payments_header_h;
            }
        }
      else
        y += it->space_before;

      place (doc, it->kind, it->index, page, y);
      y += it->height;
    }

  doc->n_pages = page + 1;
  render_end (&r);
}

int
settle_invoice_document_get_n_pages (SettleInvoiceDocument *doc,
                                     cairo_t               *cr,
                                     double                 page_width,
                                     double                 page_height)
{
  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (page_width > 2 * MARGIN_X && page_height > MARGIN_TOP + MARGIN_BOTTOM, 0);

  paginate (doc, cr, page_width, page_height);
  return doc->n_pages;
}

void
settle_invoice_document_draw_page (SettleInvoiceDocument *doc,
                                   cairo_t               *cr,
                                   int                    page,
                                   double                 page_width,
                                   double                 page_height)
{
  SettleInvoicePage r;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0);

  paginate (doc, cr, page_width, page_height);
  g_return_if_fail (page < doc->n_pages);

  cairo_save (cr);
  render_begin (&r, doc, cr, page_width, TRUE);

  settle_invoice_page_watermark (&r, page_width, page_height);
  if (page > 0)
    settle_invoice_page_continued (&r, MARGIN_TOP);

  for (guint i = 0; i < doc->placements->len; i++)
    {
      const Placement *p = &g_array_index (doc->placements, Placement, i);

      if (p->page != page)
        continue;
      switch (p->kind)
        {
        case ITEM_TITLE:
          settle_invoice_page_title (&r, p->y);
          break;
        case ITEM_LINES_HEADER:
          settle_invoice_page_lines_header (&r, p->y);
          break;
        case ITEM_LINE:
          settle_invoice_page_line (&r, p->y, p->index);
          break;
        case ITEM_TOTALS:
          settle_invoice_page_totals (&r, p->y);
          break;
        case ITEM_PAYMENTS_HEADER:
          settle_invoice_page_payments_header (&r, p->y, p->index);
          break;
        case ITEM_PAYMENT:
          settle_invoice_page_payment (&r, p->y, p->index);
          break;
        case ITEM_PAYMENT_INFO:
          settle_invoice_page_payment_info (&r, p->y);
          if (doc->qr != NULL)
            doc->qr_page = page;
          break;
        case ITEM_NOTES:
          settle_invoice_page_notes (&r, p->y);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  settle_invoice_page_footer (&r, page, doc->n_pages, page_height - MARGIN_BOTTOM - FOOTER_HEIGHT);
  render_end (&r);
  cairo_restore (cr);
}

/* ---- the PDF file ------------------------------------------------------------ */

static int
pages_func (gpointer doc,
            cairo_t *cr,
            double   width,
            double   height)
{
  return settle_invoice_document_get_n_pages (doc, cr, width, height);
}

static void
draw_func (gpointer doc,
           cairo_t *cr,
           int      page,
           double   width,
           double   height)
{
  settle_invoice_document_draw_page (doc, cr, page, width, height);
}

gboolean
settle_invoice_document_write_pdf (SettleInvoiceDocument *doc,
                                   const char            *path,
                                   GError               **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = g_strdup_printf (settle_invoice_doc_is_credit_note (doc->invoice) ? _("Credit note %s")
                                                                            : _("Invoice %s"),
                           doc->invoice->number ? doc->invoice->number : _("Draft"));
  return settle_render_write_pdf (path, title, doc->branding->company_name, pages_func, draw_func,
                                  doc, error);
}
