/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What settle-report-pdf.c (document, pagination, page furniture) and
 * settle-report-pdf-table.c (tables) share. Private to src/render/. */

#include <pango/pangocairo.h>

#include "settle-branding.h"
#include "settle-render-image.h"
#include "settle-render-text.h"
#include "settle-report-pdf.h"

G_BEGIN_DECLS

/* All sizes in points. */
#define MARGIN_X        44.0
#define MARGIN_TOP      44.0
#define MARGIN_BOTTOM   36.0
#define FOOTER_HEIGHT   24.0
#define FOOTER_GAP      12.0
#define COLUMN_GAP       8.0
#define ROW_PAD          3.5
#define CARD_GAP        10.0
#define CARD_PAD         9.0
#define CARDS_PER_ROW    4
#define CARD_VALUE_MIN_SIZE 8.0
#define TITLE_WIDTH    300.0
#define LOGO_MAX_WIDTH 150.0
#define LOGO_MAX_HEIGHT 44.0
#define MIN_WRAP_WIDTH  60.0
#define SPREAD_MAX_COLUMNS 5

static const SettleRgb ink = { 0.13, 0.14, 0.16 };
static const SettleRgb muted = { 0.40, 0.42, 0.46 };
static const SettleRgb hairline = { 0.85, 0.86, 0.88 };

#define STYLE(size, weight, colour, align, numeric) \
  { NULL, size, PANGO_WEIGHT_##weight, &colour, PANGO_ALIGN_##align, numeric }

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_FIGURES,
  BLOCK_TABLE,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  BlockKind          kind;
  char              *text;      /* heading, paragraph */
  guint              n;         /* figures, or a table's columns */
  GStrv              labels;    /* figures */
  GStrv              values;
  GStrv              headers;   /* table */
  SettleReportAlign *align;
  GPtrArray         *rows;
  gboolean           has_total;
  double            *col_x;     /* for the width laid out */
  double            *col_w;
  double             height;    /* chart */
  SettleReportChartFunc func;
  gpointer           data;
  GDestroyNotify     destroy;
} Block;

/* One piece of a block on a page: a row of figure cards, a table's header (-1) or
 * row, or the whole of any other block (0). */
typedef struct
{
  guint  block;
  int    part;
  int    page;
  double y;
} Placement;

struct _SettleReportDocument
{
  char            *title;
  char            *subtitle;
  SettleBranding  *branding;
  SettleRgb        accent;
  SettleLogo      *logo;
  GPtrArray       *blocks;
  SettleTextCache *cache;

  double           layout_width;
  double           layout_height;
  int              n_pages;
  GArray          *placements;
};

typedef struct
{
  SettleReportDocument *doc;
  cairo_t              *cr;
  PangoContext         *pango;
  gboolean              draw;
  double                left;
  double                right;
} SettleReportPage;

/* Text through the document's layout cache, drawn when p->draw; returns the height. */
double settle_report_text          (SettleReportPage      *p,
                                    double                 x,
                                    double                 y,
                                    double                 width,
                                    const char            *str,
                                    const SettleTextStyle *style);
/* The width of str on one line. */
double settle_report_text_width    (SettleReportPage      *p,
                                    const char            *str,
                                    const SettleTextStyle *style);
void   settle_report_rule          (SettleReportPage      *p,
                                    double                 x0,
                                    double                 x1,
                                    double                 y,
                                    double                 line_width,
                                    const SettleRgb       *color);

/* settle-report-pdf-table.c */
void   settle_report_table_columns (SettleReportPage      *p,
                                    Block                 *b);
double settle_report_table_header  (SettleReportPage      *p,
                                    const Block           *b,
                                    double                 y);
double settle_report_table_row     (SettleReportPage      *p,
                                    const Block           *b,
                                    guint                  index,
                                    double                 y);

G_END_DECLS
