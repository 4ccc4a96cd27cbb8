/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* The reconciliation of one bank account (0 = every account) as CSV: RFC 4180, UTF-8,
 * a header row, then one row per statement line in the book's order, with what it was
 * matched to. Plain amounts ("1234.50", negative for money out), ISO dates; score,
 * automatic and accepted_at are empty for lines that are not matched. */
char *settle_reconcile_to_csv (SettleBook  *book,
                               SettleId     bank_account_id,
                               GError     **error);

G_END_DECLS
