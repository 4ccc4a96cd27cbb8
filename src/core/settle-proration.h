/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SETTLE_CYCLE_MONTHLY,
  SETTLE_CYCLE_QUARTERLY,
  SETTLE_CYCLE_YEARLY,
} SettleCycle;

typedef enum
{
  SETTLE_ALIGN_CALENDAR,    /* periods start on billing_day of the month, quarter or year */
  SETTLE_ALIGN_ANNIVERSARY, /* periods start on the agreement's start day each cycle */
} SettleAlignment;

/* A billing period, both ends included. */
typedef struct
{
  GDate start;
  GDate end;
} SettlePeriod;

/* How periods are cut: the anchor is the agreement's start date (used by
 * anniversary alignment); billing_day (1–28) by calendar alignment. */
typedef struct
{
  SettleCycle     cycle;
  SettleAlignment alignment;
  int             billing_day;
  GDate           anchor;
} SettleSchedule;

const char *settle_cycle_to_string       (SettleCycle      cycle);
gboolean    settle_cycle_from_string     (const char      *text,
                                          SettleCycle     *cycle);
const char *settle_cycle_label           (SettleCycle      cycle);
const char *settle_alignment_to_string   (SettleAlignment  alignment);
gboolean    settle_alignment_from_string (const char      *text,
                                          SettleAlignment *alignment);
int         settle_cycle_months          (SettleCycle      cycle);

/* The period of the schedule that holds date. */
void        settle_period_containing     (const SettleSchedule *schedule,
                                          const GDate          *date,
                                          SettlePeriod         *period);
/* The period right after period. */
void        settle_period_next           (const SettleSchedule *schedule,
                                          const SettlePeriod   *period,
                                          SettlePeriod         *next);
guint       settle_period_days           (const SettlePeriod   *period);

/* Days of [a_start, a_end] ∩ [b_start, b_end]; an invalid end is open. */
guint       settle_days_overlap          (const GDate *a_start,
                                          const GDate *a_end,
                                          const GDate *b_start,
                                          const GDate *b_end);

/* amount × days_in ÷ days_total, rounded half-up (0.5 away from zero).
 * FALSE on overflow or days_total == 0. */
gboolean    settle_prorate               (gint64  amount,
                                          guint   days_in,
                                          guint   days_total,
                                          gint64 *out);

G_END_DECLS
