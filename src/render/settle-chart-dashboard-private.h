/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the dashboard's chart files share. Private to src/render/. */

#include <pango/pangocairo.h>

#include "settle-aging.h"
#include "settle-render-text.h"

G_BEGIN_DECLS

#define SETTLE_CHART_PAD          12.0
#define SETTLE_CHART_LEGEND_BAND  26.0

typedef struct
{
  SettleRgb buckets[SETTLE_AGING_N_BUCKETS];
  SettleRgb fg;
  SettleRgb muted;
  SettleRgb grid;
  SettleRgb accent;
  SettleRgb warning;
} SettleChartPalette;

typedef struct
{
  const SettleChartPalette *pal;
  PangoContext             *pango;
  PangoFontDescription     *font;
  SettleTextStyle           label;    /* muted, normal */
  SettleTextStyle           value;    /* fg, bold, tabular */
  SettleTextStyle           small;    /* muted, smaller */
} SettleChartInk;

void    settle_chart_ink_init         (SettleChartInk             *ink,
                                       cairo_t                    *cr,
                                       const PangoFontDescription *font,
                                       gboolean                    dark_theme);
void    settle_chart_ink_clear        (SettleChartInk             *ink);
/* Text with its left edge, centre or right edge at x (align −1, 0, 1) and its top at
 * y (or its bottom when above), shrunk to max_width when wider. */
void    settle_chart_put_text         (cairo_t                    *cr,
                                       const SettleChartInk       *ink,
                                       double                      x,
                                       double                      y,
                                       int                         align,
                                       gboolean                    above,
                                       double                      max_width,
                                       const char                 *text,
                                       const SettleTextStyle      *style);
void    settle_chart_set_rgb          (cairo_t                    *cr,
                                       const SettleRgb            *c);
char   *settle_chart_money_text       (const char                 *currency,
                                       gint64                      amount);
/* Round amounts without cents: "$50,000". */
char   *settle_chart_round_money_text (const char                 *currency,
                                       gint64                      amount);
/* A step for about n grid lines up to max: 1, 2 or 5 × 10^k. */
gint64  settle_chart_nice_step        (gint64                      max,
                                       int                         n);
/* "Current", "1–30 days"… */
char   *settle_chart_bucket_name      (const SettleAgingReport    *report,
                                       int                         bucket);
void    settle_chart_legend           (cairo_t                    *cr,
                                       const SettleChartInk       *ink,
                                       double                      x,
                                       double                      y,
                                       double                      right,
                                       guint                       n,
                                       const char *const          *names,
                                       const SettleRgb *const     *colours);

G_END_DECLS
