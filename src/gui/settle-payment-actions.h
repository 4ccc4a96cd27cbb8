/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-invoice.h"

G_BEGIN_DECLS

/* The collections part of the invoice details pane. */

/* The payments list: credit notes applied, and each payment with its status —
 * "Pending" with "Mark settled…", "Reversed" with the reason, "Reverse…" on a
 * settled one. */
void settle_payment_actions_fill_payments    (GtkListBox          *list,
                                              SettleBook          *book,
                                              const SettleInvoice *invoice);

/* Banners (disputed, reminders paused), the Dispute / Pause / Payment plan
 * buttons, the active instalment plan and the late fees charged on the invoice. */
void settle_payment_actions_fill_collections (GtkBox              *box,
                                              SettleBook          *book,
                                              const SettleInvoice *invoice);

/* Window actions: win.apply-credit and win.refund-credit for client_id (0 = ask). */
void settle_payment_actions_credit_dialog    (GtkWidget           *parent,
                                              SettleBook          *book,
                                              SettleId             client_id,
                                              gboolean             refund);


/* Writes the pending collections packets (after a reminder run) in a worker thread
 * with its own connection to the book; a toast on window (a SettleWindow, may be NULL) tells how
 * many and where, or why not. */
void settle_payment_actions_write_packets    (SettleBook          *book,
                                              GtkWindow           *window);

G_END_DECLS
