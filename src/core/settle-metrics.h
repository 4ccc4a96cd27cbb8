/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* Collection metrics (docs/metrics.md has every definition).
 *
 * Day figures (DSO, ADD, days to pay…) are fixed point in hundredths of a day
 * (`_x100`), percentages in basis points (`_bp`, 8523 = 85.23 %). Both come from exact
 * integer arithmetic rounded once, half-up (0.5 away from zero, as
 * SETTLE_ROUND_HALF_UP), by settle_metrics_round_ratio(). No double anywhere.
 *
 * The period is the `months` calendar months ending on as_of (inclusive):
 * period_start is the day after "as_of − months months". Months are counted back
 * end-of-month sticky: from the last day of a month to the last day of the earlier
 * month (2026-02-28 − 3 months = 2025-11-30), otherwise the same day, clamped to the
 * earlier month's length (2026-05-31 is a month end; 2026-03-30 − 1 month =
 * 2026-02-28).
 *
 * Credit sales = totals of invoices issued in the period (fee invoices included:
 * late fees, returned-payment fees and surcharges are billed on credit like any
 * invoice) that were not voided on or before as_of, less credit notes issued in the
 * period. */
typedef struct
{
  GDate    as_of;            /* period end (inclusive) */
  GDate    period_start;     /* first day of the period (inclusive) */
  int      period_days;
  int      period_months;    /* N, default 3 */
  char     currency[4];
  gint64   beginning_ar;     /* open AR at the end of the day before period_start */
  gint64   ending_ar;        /* open AR on as_of (sum of buckets, credits not netted) */
  gint64   ending_current_ar;/* not yet due on as_of */
  gint64   ending_overdue_ar;
  gint64   unapplied_credit;
  gint64   credit_sales;     /* invoices issued in the period (see above) */
  gboolean dso_defined;      /* FALSE when credit_sales <= 0 */
  gint64   dso_simple_x100;      /* ending AR ÷ sales × days: the one the dashboard shows */
  gint64   dso_average_x100;     /* (beginning + ending) ÷ 2 ÷ sales × days */
  gint64   dso_countback_x100;
  gint64   best_dso_x100;
  gint64   add_x100;             /* dso_simple_x100 − best_dso_x100 */
  gint64   add_weighted_x100;    /* Σ(open × days past due) ÷ Σ open, past-due items */
  gboolean cei_defined;      /* FALSE when the denominator is <= 0 */
  gint64   cei_bp;
  /* Added by A2: */
  gboolean add_weighted_defined; /* FALSE when nothing is past due */
  guint    open_items;       /* open invoices on as_of */
  guint    overdue_items;
} SettleMetrics;

/* a × b ÷ denominator, rounded half-up (0.5 away from zero) from the exact 128-bit
 * product; saturates at G_MININT64/G_MAXINT64. denominator must not be 0. */
gint64   settle_metrics_round_ratio (gint64       a,
                                     gint64       b,
                                     gint64       denominator);

/* date − months months, end-of-month sticky (see above). */
void     settle_metrics_months_back (GDate       *date,
                                     int          months);

/* The period of `months` months ending on as_of: *start is its first day. */
void     settle_metrics_period      (const GDate *as_of,
                                     int          months,
                                     GDate       *start,
                                     int         *days);

/* as_of NULL = today; months <= 0 = 3. */
gboolean settle_metrics_compute     (SettleBook  *book,
                                     const GDate *as_of,
                                     int          months,
                                     const char  *currency,
                                     SettleMetrics *metrics,
                                     GError     **error);

/* Per client: open and overdue on as_of, and how the client paid the invoices it
 * settled in full in the 12 months ending on as_of (payment date = the date of the
 * application that closed the invoice, its closed_on). */
typedef struct
{
  SettleId client_id;
  char    *client_name;
  gint64   open;             /* on as_of */
  gint64   overdue;
  int      oldest_days_past_due;  /* 0 when nothing overdue */
  guint    paid_count;       /* invoices paid in full in the last 12 months */
  gint64   avg_days_to_pay_x100;  /* weighted by amount; -1 = no history */
  gint64   avg_days_late_x100;    /* floored at 0 per invoice; -1 = no history */
  int      on_time_bp;            /* -1 = no history */
  gint64   avg_days_late_6m_x100; /* trend: last 6 months; -1 = none */
  gint64   avg_days_late_12m_x100;
  int      risk_score;       /* 0–100, settle_risk_rule_text() */
  gboolean late_payer;
  char    *risk_reasons;     /* translated, "; "-separated; never empty */
  /* Added by A2: */
  gint64   over_60;          /* open more than 60 days past due */
  guint    reversed_payments;/* payments reversed in the last 12 months */
  int      expected_delay_days; /* the forecast's delay after the due date (may be the book's) */
} SettleClientBehaviour;

void        settle_client_behaviour_free (SettleClientBehaviour *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleClientBehaviour, settle_client_behaviour_free)

/* The points of the risk score (docs/metrics.md). */
#define SETTLE_RISK_LATE_DAYS_MAX     40 /* 1 point per whole day late on average */
#define SETTLE_RISK_LATE_SHARE_MAX    30 /* share of invoices paid late × 30 */
#define SETTLE_RISK_OVER_60_MAX       20 /* share of the open balance over 60 days × 20 */
#define SETTLE_RISK_REVERSAL_POINTS   10 /* any reversed payment in 12 months */
#define SETTLE_LATE_PAYER_DAYS        10 /* late payer: more than 10 days late on average… */
#define SETTLE_LATE_PAYER_ON_TIME_BP  5000 /* …or fewer than half paid on time */

/* Translated, the whole rule in plain words. */
const char *settle_risk_rule_text        (void);

/* Every client with open AR on as_of, most overdue first (SettleClientBehaviour*).
 * book_delay_days (nullable) gets the book-wide average delay used for clients
 * without history. */
GPtrArray  *settle_metrics_list_clients  (SettleBook  *book,
                                          const GDate *as_of,
                                          const char  *currency,
                                          int         *book_delay_days,
                                          GError     **error);

G_END_DECLS
