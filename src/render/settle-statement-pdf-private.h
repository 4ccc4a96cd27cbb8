/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What settle-statement-pdf.c (document, pagination, file) and
 * settle-statement-page.c (the blocks drawn on a page) share. */

#include <pango/pangocairo.h>

#include "settle-render-image.h"
#include "settle-render-text.h"
#include "settle-statement-pdf.h"

G_BEGIN_DECLS

#define MARGIN_X      54.0
#define MARGIN_TOP    50.0
#define MARGIN_BOTTOM 40.0
#define FOOTER_HEIGHT 30.0
#define FOOTER_GAP    14.0
#define COLUMN_GAP    10.0
#define ROW_PAD        4.5
#define META_WIDTH   210.0
#define BOX_WIDTH    200.0
#define LOGO_MAX_WIDTH  170.0
#define LOGO_MAX_HEIGHT  54.0

enum
{
  COL_DATE,
  COL_REFERENCE,
  COL_DESCRIPTION,
  COL_DEBIT,
  COL_CREDIT,
  COL_BALANCE,
  N_COLS
};

struct _SettleStatementDocument
{
  SettleStatement *statement;
  SettleBranding  *branding;
  SettleRgb        accent;
  SettleLogo      *logo;

  double  layout_width;
  double  layout_height;
  int     n_pages;
  GArray *placements;
  double  col_x[N_COLS];
  double  col_w[N_COLS];
  double  continued_height;
};

typedef struct
{
  SettleStatementDocument *doc;
  cairo_t                 *cr;
  PangoContext            *pango;
  gboolean                 draw;
  double                   left;
  double                   right;
} SettleStatementPage;

/* Each block lays out from y, draws when page->draw, and returns its height. */
void   settle_statement_page_columns   (SettleStatementPage *page);
double settle_statement_page_title     (SettleStatementPage *page,
                                        double               y);
double settle_statement_page_continued (SettleStatementPage *page,
                                        double               y);
double settle_statement_page_header    (SettleStatementPage *page,
                                        double               y);
/* The opening and closing rows. */
double settle_statement_page_balance   (SettleStatementPage *page,
                                        double               y,
                                        const char          *label,
                                        const GDate         *date,
                                        gint64               balance);
double settle_statement_page_line      (SettleStatementPage *page,
                                        double               y,
                                        int                  index);
double settle_statement_page_aging     (SettleStatementPage *page,
                                        double               y);
double settle_statement_page_remit     (SettleStatementPage *page,
                                        double               y);
void   settle_statement_page_footer    (SettleStatementPage *page,
                                        int                  page_index,
                                        int                  n_pages,
                                        double               y);

G_END_DECLS
