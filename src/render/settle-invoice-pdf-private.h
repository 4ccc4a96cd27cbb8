/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What settle-invoice-pdf.c (document, pagination, file) and
 * settle-invoice-page.c (the blocks drawn on a page) share. */

#include <pango/pangocairo.h>

#include "settle-invoice-pdf.h"

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
  SETTLE_INVOICE_COL_TAX,
  SETTLE_INVOICE_COL_AMOUNT,
  SETTLE_INVOICE_N_COLS
};

struct _SettleInvoiceDocument
{
  SettleInvoice *invoice;
  SettleClient  *client;
  GPtrArray     *applications; /* SettleApplication* */
  SettleCompany *company;

  /* The pagination for one page size. */
  double  layout_width;
  double  layout_height;
  int     n_pages;
  GArray *placements;          /* Placement, in drawing order */
  double  col_x[SETTLE_INVOICE_N_COLS];
  double  col_w[SETTLE_INVOICE_N_COLS];
  double  continued_height;
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
void   settle_invoice_page_footer          (SettleInvoicePage *page,
                                            int                page_index,
                                            int                n_pages,
                                            double             y);
void   settle_invoice_page_watermark       (SettleInvoicePage *page,
                                            double             page_width,
                                            double             page_height);

G_END_DECLS
