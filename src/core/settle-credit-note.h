/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-invoice.h"

G_BEGIN_DECLS

/* Issues a credit note for the whole open balance (lines == NULL) or for given lines
 * (each a SettleInvoiceLine copy with the quantity to credit), linked to the
 * original, numbered from the "credit-note" series, applied to the original's
 * balance on date; what exceeds the balance becomes client credit. One transaction.
 * Returns the credit note's id, 0 on error. */
SettleId settle_credit_note_issue (SettleBook  *book,
                                   SettleId     original_id,
                                   GPtrArray   *lines,
                                   const GDate *date,
                                   const char  *reason,
                                   GError     **error);

/* What has been credited on an invoice so far (sum of its credit notes' totals). */
gboolean settle_credit_note_credited (SettleBook *book,
                                      SettleId    original_id,
                                      gint64     *credited,
                                      GError    **error);

/* Credit notes issued against an invoice, oldest first (SettleInvoice*). */
GPtrArray *settle_credit_note_list_for (SettleBook *book,
                                        SettleId    original_id,
                                        GError    **error);

G_END_DECLS
