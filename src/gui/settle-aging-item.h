/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "settle-aging.h"

G_BEGIN_DECLS

/* One client's row of the aging report, for the per-client table. */

#define SETTLE_TYPE_AGING_ITEM (settle_aging_item_get_type ())
G_DECLARE_FINAL_TYPE (SettleAgingItem, settle_aging_item, SETTLE, AGING_ITEM, GObject)

SettleAgingItem *settle_aging_item_new          (const SettleAgingRow *row,
                                                 const char           *currency);
SettleId         settle_aging_item_get_client_id (SettleAgingItem     *self);
/* Takes the figures of row (the same client) and notifies the properties that changed,
 * so the table keeps its row widgets across refreshes. */
void             settle_aging_item_update       (SettleAgingItem     *self,
                                                 const SettleAgingRow *row,
                                                 const char           *currency);
/* The client's account is on hold: the table marks it. */
void             settle_aging_item_set_on_hold  (SettleAgingItem     *self,
                                                 gboolean             on_hold);
gboolean         settle_aging_item_get_on_hold  (SettleAgingItem     *self);
/* The client's risk score (0–100, -1 = unknown), late-payer flag and the reasons
 * (tooltip), from the dashboard's client behaviour. Notifies "risk", "risk-value",
 * "risk-tooltip" and "late-payer" when they change. */
void             settle_aging_item_set_risk     (SettleAgingItem     *self,
                                                 int                  risk_score,
                                                 gboolean             late_payer,
                                                 const char          *reasons);
int              settle_aging_item_get_risk     (SettleAgingItem     *self);
gboolean         settle_aging_item_get_late_payer (SettleAgingItem   *self);

G_END_DECLS
