/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What settle-invoice-pdf.c (document, pagination, file) and
 * settle-invoice-page.c (the blocks drawn on a page) share. */

#include <pango/pangocairo.h>

#include "settle-invoice-pdf.h"
#include "settle-render-image.h"
#include "settle-render-text.h"

G_BEGIN_DECLS

/* Layout in points. */
#define SETTLE_INVOICE_MARGIN_X      54.0
#define SETTLE_INVOICE_MARGIN_TOP    50.0
#define SETTLE_INVOICE_MARGIN_BOTTOM 40.0
#define SETTLE_INVOICE_FOOTER_HEIGHT 34.0
#define SETTLE_INVOICE_FOOTER_GAP    14.0

enum
{
  SETTLE_INVOICE_COL_DESCRIPTION,
  SETTLE_INVOICE_COL_QTY,
  SETTLE_INVOICE_COL_PRICE,
  SETTLE_INVOICE_COL_DISCOUNT, /* only when a line has a discount */
  SETTLE_INVOICE_COL_TAX,
  SETTLE_INVOICE_COL_AMOUNT,
  SETTLE_INVOICE_N_COLS
};

struct _SettleInvoiceDocument
{
  SettleInvoice *invoice;
  SettleClient  *client;
  GPtrArray     *applications; /* SettleApplication* */
  SettleBranding *branding;
  SettleRgb      accent;
  SettleLogo    *logo;         /* NULL = none */
  SettleQrCode  *qr;           /* the pay link's; NULL = no pay link */
  gboolean       show_discount;
  SettleTextCache *text_cache; /* NULL for long invoices: memory over speed */

  /* The pagination for one page size. */
  double  layout_width;
  double  layout_height;
  int     n_pages;
  GArray *placements;          /* Placement, in drawing order */
  double  col_x[SETTLE_INVOICE_N_COLS];
  double  col_w[SETTLE_INVOICE_N_COLS];
  double  continued_height;

  /* Where the last draw_page() put the QR code (page -1 = nowhere), for tests. */
  int     qr_page;
  double  qr_x, qr_y, qr_size;
};

/* One pass over a page: measuring (draw FALSE) or drawing. */
typedef struct
{
  SettleInvoiceDocument *doc;
  cairo_t               *cr;
  PangoContext          *pango;
  gboolean               draw;
  double                 left;  /* the content box, from margin to margin */
  double                 right;
} SettleInvoicePage;

/* Each block lays out from y, draws when page->draw, and returns its height. */
void   settle_invoice_page_columns         (SettleInvoicePage *page);
double settle_invoice_page_title           (SettleInvoicePage *page,
                                            double             y);
double settle_invoice_page_continued       (SettleInvoicePage *page,
                                            double             y);
double settle_invoice_page_lines_header    (SettleInvoicePage *page,
                                            double             y);
double settle_invoice_page_line            (SettleInvoicePage *page,
                                            double             y,
                                            int                index);
double settle_invoice_page_totals          (SettleInvoicePage *page,
                                            double             y);
double settle_invoice_page_payments_header (SettleInvoicePage *page,
                                            double             y,
                                            gboolean           repeated);
double settle_invoice_page_payment         (SettleInvoicePage *page,
                                            double             y,
                                            int                index);
double settle_invoice_page_notes           (SettleInvoicePage *page,
                                            double             y);
/* Terms, early-payment discount, remit-to, payment instructions, pay link + QR. */
double settle_invoice_page_payment_info    (SettleInvoicePage *page,
                                            double             y);
void   settle_invoice_page_footer          (SettleInvoicePage *page,
                                            int                page_index,
                                            int                n_pages,
                                            double             y);
void   settle_invoice_page_watermark       (SettleInvoicePage *page,
                                            double             page_width,
                                            double             page_height);

/* The invoice fields this layer reads beyond the basics, in one place. */
static inline gboolean
settle_invoice_doc_is_credit_note (const SettleInvoice *invoice)
{
  return invoice->kind == SETTLE_INVOICE_KIND_CREDIT_NOTE;
}

static inline const char *
settle_invoice_doc_pay_link (const SettleInvoice *invoice)
{
  return invoice->pay_link;
}

static inline const char *
settle_invoice_doc_original_number (const SettleInvoice *invoice)
{
  return invoice->original_number;
}

static inline gint64
settle_invoice_doc_discount_total (const SettleInvoice *invoice)
{
  return invoice->discount_total;
}

static inline int
settle_invoice_doc_line_discount_bp (const SettleInvoiceLine *line)
{
  return line->discount_bp;
}

G_END_DECLS
