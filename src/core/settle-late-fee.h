/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-money.h"

G_BEGIN_DECLS

/* Late-fee rules: a pure engine (no SQL). The caller loads the item, its balance
 * history and the fees already charged, asks which fees are due now, and records
 * them. Semantics in docs/collections.md. */

typedef enum
{
  SETTLE_LATE_FEE_FLAT,              /* flat amount each period */
  SETTLE_LATE_FEE_PERCENT,           /* rate of the overdue balance at the period start */
  SETTLE_LATE_FEE_FLAT_THEN_PERCENT, /* flat in period 1, then rate of the balance */
  SETTLE_LATE_FEE_DAILY_INTEREST,    /* annual rate × balance-days ÷ 365, in arrears */
  SETTLE_LATE_FEE_PERIOD_RATE,       /* rate per period × average daily balance, in arrears */
} SettleLateFeeKind;

typedef enum
{
  SETTLE_LATE_FEE_ONCE,
  SETTLE_LATE_FEE_MONTHLY,
  SETTLE_LATE_FEE_EVERY_N_DAYS,
} SettleLateFeeFrequency;

typedef struct
{
  SettleLateFeeKind      kind;
  gint64                 flat;            /* minor units of the item's currency */
  int                    rate_bp;         /* PERCENT, FLAT_THEN_PERCENT: of the balance;
                                           * DAILY_INTEREST: annual; PERIOD_RATE: per period */
  int                    grace_days;      /* fees start the day after due + grace */
  SettleLateFeeFrequency frequency;
  int                    every_days;      /* EVERY_N_DAYS only */
  gint64                 minimum;         /* a fee due is at least this; 0 = none */
  gint64                 cap_per_period;  /* 0 = none */
  gint64                 cap_per_invoice; /* all fees on one item together; 0 = none */
  int                    max_periods;     /* no fee after period N; 0 = no limit */
  gboolean               compound;        /* earlier fees count in the base */
  SettleRounding         rounding;        /* how every rate product is rounded */
} SettleLateFeePolicy;

/* The balance is a step function: each point holds from its date until the next
 * point. Before the first point, the first point's balance holds. */
typedef struct
{
  GDate  date;
  gint64 balance; /* minor units, >= 0 */
} SettleBalancePoint;

typedef struct
{
  GDate                     due_date;
  const SettleBalancePoint *history;   /* sorted by date, at least one point */
  guint                     n_history;
  int                       exponent;  /* the currency's minor-unit exponent, for texts */
  gboolean                  disputed;
  gboolean                  on_plan;
} SettleLateFeeItem;

/* Money applied to the item on a date (a reversal is negative). */
typedef struct
{
  GDate  date;
  gint64 amount;
} SettleLateFeePayment;

/* Rebuilds the balance history from the current balance and the payments applied
 * since the item was opened: the item starts at current + all payments on opened,
 * and each payment date lowers it. Returns a GArray of SettleBalancePoint, sorted,
 * or NULL with an error when a balance would go below zero or a payment is
 * dated before opened. */
GArray    *settle_late_fee_history_from_payments (gint64                      current_balance,
                                                  const GDate                *opened,
                                                  const SettleLateFeePayment *payments,
                                                  guint                       n_payments,
                                                  GError                    **error);

/* A fee already recorded for the item (a waived period can be given with 0). */
typedef struct
{
  int    period; /* 1-based */
  gint64 amount;
} SettleLateFeeCharged;

typedef struct
{
  int    period;      /* 1-based */
  GDate  start;
  GDate  end;         /* invalid for a policy charged once (open period) */
  gint64 amount;      /* minor units, > 0 */
  char  *explanation; /* translated, for the fee line */
} SettleLateFee;

void       settle_late_fee_policy_init     (SettleLateFeePolicy       *policy);
gboolean   settle_late_fee_policy_validate (const SettleLateFeePolicy *policy,
                                            GError                   **error);
/* "percent:150;grace:5;freq:monthly;cap:5000". Kinds: flat:A, percent:BP,
 * flat-then-percent:A:BP, daily:BP, period:BP. Options: grace:N,
 * freq:once|monthly|days:N, min:A, cap:A, invoice-cap:A, stop:N, compound,
 * rounding:half-up|half-even. Amounts are minor units. */
char      *settle_late_fee_policy_to_string (const SettleLateFeePolicy *policy);
gboolean   settle_late_fee_policy_parse     (const char               *text,
                                             SettleLateFeePolicy      *policy,
                                             GError                  **error);

void       settle_late_fee_free            (SettleLateFee *fee);

/* The first day a fee may apply: due + grace + 1. */
void       settle_late_fee_first_day       (const SettleLateFeePolicy *policy,
                                            const GDate               *due_date,
                                            GDate                     *first_day);
/* The fees due on as_of that are not in charged, as SettleLateFee*, by period.
 * Empty (not an error) for a disputed item or one on a payment plan. */
GPtrArray *settle_late_fee_compute         (const SettleLateFeePolicy  *policy,
                                            const SettleLateFeeItem    *item,
                                            const SettleLateFeeCharged *charged,
                                            guint                       n_charged,
                                            const GDate                *as_of,
                                            GError                    **error);
/* Removes the fees for the waived periods from fees (as returned above). */
void       settle_late_fee_exclude_waived  (GPtrArray                 *fees,
                                            const int                 *waived_periods,
                                            guint                      n_waived);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleLateFee, settle_late_fee_free)

G_END_DECLS
