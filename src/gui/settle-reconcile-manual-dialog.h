/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-reconcile.h"

G_BEGIN_DECLS

/* Find manually / split: pick the client a statement line comes from (search by
 * name) and spread its amount over that client's open invoices; what is left becomes
 * the client's credit. Emits ::matched (gint64 match id, const char *what) and closes
 * once settle_reconcile_accept_manual () succeeded. */

#define SETTLE_TYPE_RECONCILE_MANUAL_DIALOG (settle_reconcile_manual_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SettleReconcileManualDialog, settle_reconcile_manual_dialog, SETTLE,
                      RECONCILE_MANUAL_DIALOG, AdwWindow)

/* client_id: the client to start with (0 = the first). */
SettleReconcileManualDialog *
settle_reconcile_manual_dialog_new (GtkWindow                    *parent,
                                    SettleBook                   *book,
                                    const SettleStatementLineRow *line,
                                    SettleId                      client_id,
                                    GError                      **error);
SettleId settle_reconcile_manual_dialog_get_client_id (SettleReconcileManualDialog *self);
/* Picks the client of that id; FALSE when it is not in the list. */
gboolean settle_reconcile_manual_dialog_set_client_id (SettleReconcileManualDialog *self,
                                                       SettleId                     client_id);

G_END_DECLS
