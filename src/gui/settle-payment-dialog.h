/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* Records money received from a client: amount, date, method, reference, processor
 * fee, ACH pending, and how much of it pays each open invoice (by hand, or oldest
 * due first); what is not allocated becomes the client's credit. For card payments
 * it previews the surcharge and the client's state warning. On Record it writes
 * everything in one transaction, notifies the book, emits ::recorded with the
 * payment's id and closes; an error is shown in the dialog and nothing is written. */

#define SETTLE_TYPE_PAYMENT_DIALOG (settle_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SettlePaymentDialog, settle_payment_dialog, SETTLE, PAYMENT_DIALOG, AdwWindow)

/* client_id 0 = the first client who owes something; NULL with an error when the
 * book cannot be read. */
SettlePaymentDialog *settle_payment_dialog_new           (GtkWindow           *parent,
                                                          SettleBook          *book,
                                                          SettleId             client_id,
                                                          GError             **error);
SettleId             settle_payment_dialog_get_client_id (SettlePaymentDialog *self);

G_END_DECLS
