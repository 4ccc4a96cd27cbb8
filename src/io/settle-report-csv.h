/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-aging.h"
#include "settle-dashboard.h"

G_BEGIN_DECLS

/* The aging and the dashboard's figures as CSV, for the CLI and the GUI alike:
 * RFC 4180, UTF-8, plain amounts ("1234.50"), ISO dates, a header row. Day figures
 * in hundredths become decimals ("42.17"), basis points percentages ("85.23"); a
 * figure that is not defined (no sales, no history) is an empty field. */
typedef enum
{
  SETTLE_REPORT_CSV_AGING,    /* the dashboard's aging report */
  SETTLE_REPORT_CSV_METRICS,  /* metric,value: one row per headline figure */
  SETTLE_REPORT_CSV_CLIENTS,  /* per-client behaviour, most overdue first */
  SETTLE_REPORT_CSV_TREND,    /* one row per month, oldest first */
  SETTLE_REPORT_CSV_FORECAST, /* 13 weeks, then what is expected later */
} SettleReportCsvPart;

/* client_id,client,<bucket labels>,credit,balance; the totals row last, without
 * a client_id. */
char    *settle_aging_to_csv      (const SettleAgingReport *report);
char    *settle_dashboard_to_csv  (const SettleDashboard   *dashboard,
                                   SettleReportCsvPart      part);
/* Atomic (the file is complete or unchanged); the error names the file. */
gboolean settle_report_csv_write  (const char              *csv,
                                   const char              *path,
                                   GError                 **error);

/* The CSV field as RFC 4180 wants it, appended to out. */
void     settle_report_csv_field  (GString                 *out,
                                   const char              *text);

G_END_DECLS
