/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "settle-aging.h"

G_BEGIN_DECLS

/* Draws the five aging buckets of report->totals as bars into the rectangle
 * (0, 0, width, height) of cr, in user units taken as screen pixels (text sizes are
 * converted at 96 dpi). font NULL = Cantarell 10; its size sets the label size.
 * dark picks the palette for a dark background; the background itself is left
 * to the caller. */
void   settle_chart_draw_aging             (cairo_t                    *cr,
                                            double                      width,
                                            double                      height,
                                            const SettleAgingReport    *report,
                                            const PangoFontDescription *font,
                                            gboolean                    dark);

/* The bucket whose column (bar, amount and label) is under (x, y) in a chart of
 * that size, or -1. */
int    settle_chart_aging_bar_at           (double                      width,
                                            double                      height,
                                            const SettleAgingReport    *report,
                                            double                      x,
                                            double                      y);

/* The chart's figures as one sentence, for screen readers:
 * "Current: $12,000.00; 1–30 days: $3,400.00; …; Total receivables: $15,400.00." */
char  *settle_chart_describe_aging         (const SettleAgingReport    *report);

/* One bucket for a tooltip: "31–60 days: $2,000.00 (13 % of open invoices)". */
char  *settle_chart_describe_aging_bucket  (const SettleAgingReport    *report,
                                            int                         bucket);

G_END_DECLS
