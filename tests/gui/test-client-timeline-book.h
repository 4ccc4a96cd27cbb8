/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* Records a check of amount from the client and applies it all to the invoice
 * (settle-payment.h cannot be included beside settle-application.h: both
 * define a SettleApplication). */
void timeline_book_pay (SettleBook  *book,
                        SettleId     client_id,
                        SettleId     invoice_id,
                        gint64       amount,
                        const GDate *date);

G_END_DECLS
