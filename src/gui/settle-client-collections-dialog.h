/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* "Client Reminders & Fees…": a client's opt-out, its own reminder schedule (a
 * copy of the book's with offsets to edit) and its own late-fee policy. The window
 * is named "client-collections". */
GtkWidget *settle_client_collections_dialog_new (GtkWindow  *parent,
                                                 SettleBook *book,
                                                 SettleId    client_id);

G_END_DECLS
