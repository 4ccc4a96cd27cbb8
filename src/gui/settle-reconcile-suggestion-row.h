/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-reconcile.h"

G_BEGIN_DECLS

/* One suggestion for a statement line: client and invoices, the reasons, the score as
 * a bar, the key that accepts it (n, 1-based) and an Accept button (reconcile.accept n). */
GtkWidget *settle_reconcile_suggestion_row_new   (const SettleMatchSuggestion *suggestion,
                                                  guint                        n);
/* "Acme Corp: INV-0042, INV-0043", or what a payout or payment match is. */
char      *settle_reconcile_suggestion_title     (const SettleMatchSuggestion *suggestion);

G_END_DECLS
