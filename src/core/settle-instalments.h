/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* Instalment plans: a pure engine (no SQL). Semantics in docs/collections.md. */

typedef enum
{
  SETTLE_INSTALMENTS_MONTHLY,      /* same day of the month as the first, clamped */
  SETTLE_INSTALMENTS_EVERY_N_DAYS,
} SettleInstalmentInterval;

/* The named rule for the minor units that do not divide evenly: every instalment
 * is first balance ÷ n rounded down, then the remainder r (< n) goes to ... */
typedef enum
{
  SETTLE_REMAINDER_LAST,   /* ... the last instalment */
  SETTLE_REMAINDER_FIRST,  /* ... the first instalment */
  SETTLE_REMAINDER_SPREAD, /* ... the first r instalments, one minor unit each */
} SettleRemainderRule;

typedef struct
{
  int    number;   /* 1-based */
  GDate  due_date;
  gint64 amount;   /* minor units, > 0 */
} SettleInstalment;

const char *settle_remainder_rule_to_string   (SettleRemainderRule       rule);
gboolean    settle_remainder_rule_from_string (const char               *text,
                                               SettleRemainderRule      *rule);

/* Splits balance into n instalments (1..360), the first due on first_due. FALSE
 * with a message naming the field when the balance is not positive, is smaller
 * than n minor units, n or every_days is out of range, or the date is missing.
 * Returns a GArray of SettleInstalment. */
GArray     *settle_instalments_split          (gint64                    balance,
                                               guint                     n,
                                               const GDate              *first_due,
                                               SettleInstalmentInterval  interval,
                                               int                       every_days,
                                               SettleRemainderRule       rule,
                                               GError                  **error);

/* Payments settle instalments oldest first. The earliest instalment not fully
 * covered by paid: its date (the date reminders follow), its number and what is
 * still owed on it. FALSE when paid covers the whole plan. */
gboolean    settle_instalments_next_due       (const GArray             *instalments,
                                               gint64                    paid,
                                               GDate                    *due_date,
                                               int                      *number,
                                               gint64                   *owed);

G_END_DECLS
