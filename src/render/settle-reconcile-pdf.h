/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* The reconciliation report of one bank account as a PDF: the account and the period its
 * statement lines cover, the opening and closing balance per book against the bank's
 * closing balance and the difference, then the matched lines (automatic or confirmed,
 * with what each paid), the open lines, the skipped lines and the totals per status. */
gboolean settle_reconcile_write_pdf (SettleBook  *book,
                                     SettleId     bank_account_id,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
