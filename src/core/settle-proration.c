/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-money.h"
#include "settle-proration.h"

static const char * const cycle_names[] = {
  [SETTLE_CYCLE_MONTHLY] = "monthly",
  [SETTLE_CYCLE_QUARTERLY] = "quarterly",
  [SETTLE_CYCLE_YEARLY] = "yearly",
};

static const char * const alignment_names[] = {
  [SETTLE_ALIGN_CALENDAR] = "calendar",
  [SETTLE_ALIGN_ANNIVERSARY] = "anniversary",
};

const char *
settle_cycle_to_string (SettleCycle cycle)
{
  g_return_val_if_fail (cycle <= SETTLE_CYCLE_YEARLY, "monthly");
  return cycle_names[cycle];
}

gboolean
settle_cycle_from_string (const char  *text,
                          SettleCycle *cycle)
{
  for (guint i = 0; i < G_N_ELEMENTS (cycle_names); i++)
    if (g_strcmp0 (text, cycle_names[i]) == 0)
      {
        *cycle = i;
        return TRUE;
      }
  return FALSE;
}

const char *
settle_cycle_label (SettleCycle cycle)
{
  switch (cycle)
    {
    case SETTLE_CYCLE_MONTHLY:
      return _("Monthly");
    case SETTLE_CYCLE_QUARTERLY:
      return _("Quarterly");
    case SETTLE_CYCLE_YEARLY:
      return _("Yearly");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
settle_alignment_to_string (SettleAlignment alignment)
{
  g_return_val_if_fail (alignment <= SETTLE_ALIGN_ANNIVERSARY, "calendar");
  return alignment_names[alignment];
}

gboolean
settle_alignment_from_string (const char      *text,
                              SettleAlignment *alignment)
{
  for (guint i = 0; i < G_N_ELEMENTS (alignment_names); i++)
    if (g_strcmp0 (text, alignment_names[i]) == 0)
      {
        *alignment = i;
        return TRUE;
      }
  return FALSE;
}

int
settle_cycle_months (SettleCycle cycle)
{
  switch (cycle)
    {
    case SETTLE_CYCLE_QUARTERLY:
      return 3;
    case SETTLE_CYCLE_YEARLY:
      return 12;
    case SETTLE_CYCLE_MONTHLY:
    default:
      return 1;
    }
}

/* Months are counted as year × 12 + (month − 1). */
static int
month_index (const GDate *date)
{
  return g_date_get_year (date) * 12 + (g_date_get_month (date) - 1);
}

/* Day `day` of the month with that index, clamped to the month's length
 * (an anniversary on the 31st falls on the 30th, or on Feb 28/29). */
static void
month_day (int    index,
           int    day,
           GDate *out)
{
  int year = index / 12;
  int month = index % 12 + 1;
  int len = g_date_get_days_in_month (month, year);

  g_date_clear (out, 1);
  g_date_set_dmy (out, MIN (day, len), month, year);
}

/* Start of the period number k (counted from the period holding the anchor for
 * anniversaries, from year 0 for the calendar). */
static void
period_start (const SettleSchedule *s,
              int                   index,
              GDate                *out)
{
  if (s->alignment == SETTLE_ALIGN_ANNIVERSARY)
    month_day (index, g_date_get_day (&s->anchor), out);
  else
    month_day (index, s->billing_day, out);
}

static int
floor_div (int a,
           int b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* The month index at which the period holding date starts. */
static int
start_index (const SettleSchedule *s,
             const GDate          *date)
{
  int months = settle_cycle_months (s->cycle);
  int base = s->alignment == SETTLE_ALIGN_ANNIVERSARY ? month_index (&s->anchor) : 0;
  int k = floor_div (month_index (date) - base, months);
  GDate start;

  /* The month guess is off by one period when date is before that month's start day. */
  period_start (s, base + k * months, &start);
  if (g_date_compare (date, &start) < 0)
    k--;
  return base + k * months;
}

void
settle_period_containing (const SettleSchedule *schedule,
                          const GDate          *date,
                          SettlePeriod         *period)
{
  int index;

  g_return_if_fail (schedule != NULL && date != NULL && g_date_valid (date));
  g_return_if_fail (schedule->alignment == SETTLE_ALIGN_ANNIVERSARY ||
                    (schedule->billing_day >= 1 && schedule->billing_day <= 28));
  g_return_if_fail (schedule->alignment == SETTLE_ALIGN_CALENDAR ||
                    g_date_valid (&schedule->anchor));

  index = start_index (schedule, date);
  period_start (schedule, index, &period->start);
  period_start (schedule, index + settle_cycle_months (schedule->cycle), &period->end);
  g_date_subtract_days (&period->end, 1);
}

void
settle_period_next (const SettleSchedule *schedule,
                    const SettlePeriod   *period,
                    SettlePeriod         *next)
{
  GDate day = period->end;

  g_date_add_days (&day, 1);
  settle_period_containing (schedule, &day, next);
}

guint
settle_period_days (const SettlePeriod *period)
{
  return g_date_days_between (&period->start, &period->end) + 1;
}

guint
settle_days_overlap (const GDate *a_start,
                     const GDate *a_end,
                     const GDate *b_start,
                     const GDate *b_end)
{
  const GDate *start, *end;

  start = g_date_compare (a_start, b_start) >= 0 ? a_start : b_start;
  if (a_end == NULL || !g_date_valid (a_end))
    end = b_end;
  else if (b_end == NULL || !g_date_valid (b_end))
    end = a_end;
  else
    end = g_date_compare (a_end, b_end) <= 0 ? a_end : b_end;
  if (end == NULL || !g_date_valid (end))
    {
      g_return_val_if_reached (0);
    }
  if (g_date_compare (start, end) > 0)
    return 0;
  return g_date_days_between (start, end) + 1;
}

gboolean
settle_prorate (gint64  amount,
                guint   days_in,
                guint   days_total,
                gint64 *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (days_total == 0)
    return FALSE;
  return settle_round_mul_div (amount, days_in, days_total, SETTLE_ROUND_HALF_UP, out);
}
