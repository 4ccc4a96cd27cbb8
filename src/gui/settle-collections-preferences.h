/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"
#include "settle-late-fee.h"

G_BEGIN_DECLS

/* "Late Fees & Surcharges…": the book's late-fee policy (with a live sentence
 * describing it) and the card surcharge. The window is named
 * "collections-preferences". */
GtkWidget *settle_collections_preferences_new (GtkWindow  *parent,
                                               SettleBook *book);

/* Translated: "1.5 % of the overdue balance each month, from 5 days after the due
 * date, at most $50.00 a period". currency is for the amounts. */
char      *settle_late_fee_policy_sentence    (const SettleLateFeePolicy *policy,
                                               const char                *currency);

G_END_DECLS
