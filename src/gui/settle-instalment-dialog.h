/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* "Payment plan…": splits what is open on an invoice into instalments, with a live
 * table of them, and creates the plan. The window is named "instalment-dialog". */
GtkWidget *settle_instalment_dialog_new (GtkWindow  *parent,
                                         SettleBook *book,
                                         SettleId    invoice_id);

G_END_DECLS
