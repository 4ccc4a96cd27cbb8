/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "settle-reconcile.h"

G_BEGIN_DECLS

/* One stored statement line, for the reconciliation view's list. */

#define SETTLE_TYPE_RECONCILE_LINE_ITEM (settle_reconcile_line_item_get_type ())
G_DECLARE_FINAL_TYPE (SettleReconcileLineItem, settle_reconcile_line_item, SETTLE,
                      RECONCILE_LINE_ITEM, GObject)

/* Takes the row. */
SettleReconcileLineItem      *settle_reconcile_line_item_new      (SettleStatementLineRow  *row);
const SettleStatementLineRow *settle_reconcile_line_item_get_row  (SettleReconcileLineItem *self);
SettleId                      settle_reconcile_line_item_get_id   (SettleReconcileLineItem *self);
/* "open", "matched" or "skipped". */
const char                   *settle_reconcile_line_item_get_status (SettleReconcileLineItem *self);
/* Payer, else the description, else the reference: what the list shows. */
const char                   *settle_reconcile_line_item_get_text (SettleReconcileLineItem *self);
/* The translated status shown in the pill. */
const char                   *settle_reconcile_status_label       (const char              *status);

G_END_DECLS
