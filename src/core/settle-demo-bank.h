/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* Adds a bank account ("Operating account ••••4821", in the book's currency) and one
 * statement of the 30 days before today to a demo book, so the reconciliation view has
 * something to show: exact payments of open invoices naming their number, a few with a
 * typo in the number, two combined payments of one client's invoices, a partial
 * payment, a payment from a payer named unlike its client, and unrelated money out
 * (rent, payroll, fees, a transfer). Every invoice it pays is open in the book on the
 * line's date; the balances agree with the lines. The same seed and book give the same
 * statement; the demo's own random sequence is not touched. */
gboolean settle_demo_add_bank_statement (SettleBook   *book,
                                         guint32       seed,
                                         const GDate  *today,
                                         GError      **error);

G_END_DECLS
