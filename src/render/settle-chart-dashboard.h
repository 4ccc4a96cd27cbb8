/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "settle-aging.h"
#include "settle-dashboard.h"

G_BEGIN_DECLS

/* The dashboard's charts. Like settle_chart_draw_aging(): drawn into (0, 0, width,
 * height) of cr in screen pixels (text at 96 dpi), font NULL = Cantarell 10, dark picks
 * the palette, the background is the caller's. Each has a hit test for tooltips that
 * uses the same fixed geometry as the drawing, and a describe function that puts every
 * figure of the chart into words for screen readers. */

/* Stacked horizontal bars: one per client (the first max_rows of report->rows by overdue
 * desc, then the rest as "Others"), segments = buckets, legend on top. */
void  settle_chart_draw_aging_stacked (cairo_t                    *cr,
                                       double                      width,
                                       double                      height,
                                       const SettleAgingReport    *report,
                                       guint                       max_rows,
                                       const PangoFontDescription *font,
                                       gboolean                    dark);
/* The row (0..max_rows-1 a client, max_rows = Others) and bucket under (x, y), or -1;
 * *bucket is -1 over the client's name or total. */
int   settle_chart_aging_stacked_at   (double                      width,
                                       double                      height,
                                       const SettleAgingReport    *report,
                                       guint                       max_rows,
                                       double                      x,
                                       double                      y,
                                       int                        *bucket);
/* The client row of the report drawn as row (NULL for Others or out of range). */
const SettleAgingRow *
      settle_chart_aging_stacked_row  (const SettleAgingReport    *report,
                                       guint                       max_rows,
                                       int                         row);
/* "Acme: $1,200.00 open; 31–60 days: $400.00; …" for each drawn row. */
char *settle_chart_describe_aging_stacked (const SettleAgingReport *report,
                                           guint                    max_rows);
/* One row (bucket -1) or one segment, for a tooltip. */
char *settle_chart_describe_aging_stacked_at (const SettleAgingReport *report,
                                              guint                    max_rows,
                                              int                      row,
                                              int                      bucket);

/* Line chart of dashboard->trend DSO (months on x), with points and values. */
void  settle_chart_draw_dso_trend     (cairo_t                    *cr,
                                       double                      width,
                                       double                      height,
                                       const SettleDashboard      *dashboard,
                                       const PangoFontDescription *font,
                                       gboolean                    dark);
/* The month (0..SETTLE_TREND_N_MONTHS-1) whose column is under (x, y), or -1. */
int   settle_chart_dso_trend_at       (double                      width,
                                       double                      height,
                                       const SettleDashboard      *dashboard,
                                       double                      x,
                                       double                      y);
char *settle_chart_describe_dso_trend (const SettleDashboard      *dashboard);
char *settle_chart_describe_dso_month (const SettleDashboard      *dashboard,
                                       int                         month);

/* 13 columns of expected receipts, overdue part stacked in a warning colour. */
void  settle_chart_draw_forecast      (cairo_t                    *cr,
                                       double                      width,
                                       double                      height,
                                       const SettleDashboard      *dashboard,
                                       const PangoFontDescription *font,
                                       gboolean                    dark);
int   settle_chart_forecast_at        (double                      width,
                                       double                      height,
                                       const SettleDashboard      *dashboard,
                                       double                      x,
                                       double                      y);
char *settle_chart_describe_forecast  (const SettleDashboard      *dashboard);
char *settle_chart_describe_forecast_week (const SettleDashboard  *dashboard,
                                           int                     week);

/* A day figure in hundredths as the dashboard shows it: "41.27 days". */
char *settle_chart_format_days        (gint64                      days_x100);

G_END_DECLS
