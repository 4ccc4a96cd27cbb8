/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* A client who owes on at least two invoices with nothing paid on them: its id,
 * its place in the payment dialog's client list, and its two oldest-due invoices. */
gboolean test_payments_find_client (SettleBook *book,
                                    SettleId   *client_id,
                                    guint      *client_index,
                                    SettleId   *first_id,
                                    SettleId   *second_id);

/* A card surcharge of rate_bp for the book, and the client's US state. */
void     test_payments_set_surcharge (SettleBook *book,
                                      SettleId    client_id,
                                      int         rate_bp,
                                      const char *state);

G_END_DECLS
