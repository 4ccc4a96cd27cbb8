/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-metrics.h"

G_BEGIN_DECLS

/* One invoice open on as_of. */
typedef struct
{
  SettleId invoice_id;
  SettleId client_id;
  GDate    due_date;
  gint64   open;
  gboolean disputed;
} SettleOpenItem;

/* What changed the gross AR (open invoices, credits not netted) and the credit sales,
 * day by day from first to as_of: AR(E) = ending_ar − Σ ar_delta over (E, as_of]. */
typedef struct
{
  GDate   first;
  GDate   as_of;
  guint   n_days;
  gint64  ending_ar;
  gint64 *sales;     /* invoices issued that day (not voided by as_of) − credit notes */
  gint64 *ar_delta;  /* issued − voided − applied + applications reversed that day */
} SettleLedgerFlows;

void     settle_ledger_flows_clear (SettleLedgerFlows *flows);

/* Open items on as_of (SettleOpenItem), from the open-item caches when nothing is
 * dated after as_of, else from the history. */
gboolean settle_metrics_load_items (SettleBook        *book,
                                    const GDate       *as_of,
                                    const char        *currency,
                                    GArray           **items,
                                    GError           **error);
/* Flows from first to as_of; ending_ar = the open items' sum. */
gboolean settle_metrics_load_flows (SettleBook        *book,
                                    const GDate       *first,
                                    const GDate       *as_of,
                                    const char        *currency,
                                    gint64             ending_ar,
                                    SettleLedgerFlows *flows,
                                    GError           **error);
/* AR at the end of date (first − 1 <= date <= as_of). */
gint64   settle_ledger_flows_ar    (const SettleLedgerFlows *flows,
                                    const GDate             *date);
/* Credit sales from start to end inclusive (clipped to the flows' days). */
gint64   settle_ledger_flows_sales (const SettleLedgerFlows *flows,
                                    const GDate             *start,
                                    const GDate             *end);
/* The first day the flows must cover for a metrics period and a countback. */
void     settle_metrics_flows_start(const GDate       *as_of,
                                    int                months,
                                    GDate             *first);
/* Fills metrics from items and flows (flows must start by settle_metrics_flows_start). */
void     settle_metrics_fill       (SettleMetrics           *metrics,
                                    const GDate             *as_of,
                                    int                      months,
                                    const char              *currency,
                                    GArray                  *items,
                                    const SettleLedgerFlows *flows,
                                    gint64                   unapplied_credit);
gboolean settle_metrics_unapplied_credit (SettleBook  *book,
                                          const GDate *as_of,
                                          const char  *currency,
                                          gint64      *credit,
                                          GError     **error);
char    *settle_metrics_book_currency (SettleBook *book);
/* Behaviour of every client with open items (items from settle_metrics_load_items). */
GPtrArray *settle_metrics_clients_from_items (SettleBook  *book,
                                              const GDate *as_of,
                                              const char  *currency,
                                              GArray      *items,
                                              int         *book_delay_days,
                                              GError     **error);

/* Day number of a "YYYY-MM-DD" text (the GDate Julian day), 0 when malformed: pure
 * integer arithmetic, for the scans that read hundreds of thousands of dates. */
guint32  settle_metrics_day_number (const char *iso);

#define SETTLE_COUNTBACK_MAX_MONTHS 12

G_END_DECLS
