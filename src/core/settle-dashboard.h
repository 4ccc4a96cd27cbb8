/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-aging.h"
#include "settle-metrics.h"

G_BEGIN_DECLS

/* Everything the aging dashboard shows, read in one snapshot (docs/metrics.md). */

typedef struct
{
  GDate    month_end;        /* last day of the month (as_of for the current month) */
  gint64   ending_ar;        /* open invoices at month end (credits not netted, as
                              * SettleMetrics.ending_ar) */
  gint64   credit_sales;     /* that month, up to month_end */
  gboolean dso_defined;
  gint64   dso_x100;         /* simple DSO of the 3 months ending on month_end */
} SettleMetricsMonth;

typedef struct
{
  GDate    week_start;       /* week 0 starts on as_of */
  gint64   expected;         /* receipts expected in the 7 days from week_start */
  gint64   overdue_part;     /* of which from invoices already overdue on as_of */
} SettleForecastWeek;

#define SETTLE_FORECAST_N_WEEKS 13
#define SETTLE_TREND_N_MONTHS   12
#define SETTLE_DASHBOARD_MONTHS 3  /* the metrics' period and the trend's DSO window */

/* Forecast: every invoice open on as_of is expected on its due date plus its client's
 * average days late (whole days, rounded half-up; a client without history: the
 * book's average); an expected date before as_of counts in week 0. An invoice on an
 * active instalment plan is expected by instalments (what is open belongs to the last
 * instalments). Disputed invoices are not expected within 13 weeks: they are in
 * forecast_later. Unapplied credit is money already received: not in the forecast.
 * Σ expected + forecast_later = metrics.ending_ar. */
typedef struct
{
  SettleAgingOptions options;
  SettleAgingReport *aging;
  SettleMetrics      metrics;
  GPtrArray         *clients;  /* SettleClientBehaviour*, every client with open AR, overdue desc */
  SettleMetricsMonth trend[SETTLE_TREND_N_MONTHS];   /* oldest first, last = as_of's month */
  SettleForecastWeek forecast[SETTLE_FORECAST_N_WEEKS];
  gint64             forecast_later;  /* expected after week 13 */
  /* Added by A2: */
  gint64             forecast_disputed; /* of forecast_later, disputed invoices */
  int                book_delay_days;   /* average days late of the whole book (12 months) */
} SettleDashboard;

void             settle_dashboard_free           (SettleDashboard *dashboard);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleDashboard, settle_dashboard_free)

/* options NULL = settle_aging_options_init (today). */
SettleDashboard *settle_dashboard_compute        (SettleBook               *book,
                                                  const SettleAgingOptions *options,
                                                  GError                  **error);
/* In a worker with its own connection (settle_book_open_worker); the result is
 * delivered on the caller's thread-default main context. */
void             settle_dashboard_compute_async  (SettleBook               *book,
                                                  const SettleAgingOptions *options,
                                                  GCancellable             *cancellable,
                                                  GAsyncReadyCallback       callback,
                                                  gpointer                  user_data);
SettleDashboard *settle_dashboard_compute_finish (SettleBook               *book,
                                                  GAsyncResult             *result,
                                                  GError                  **error);

G_END_DECLS
