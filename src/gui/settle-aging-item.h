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
/* The client's account is on hold: the table marks it. */
void             settle_aging_item_set_on_hold  (SettleAgingItem     *self,
                                                 gboolean             on_hold);
gboolean         settle_aging_item_get_on_hold  (SettleAgingItem     *self);

G_END_DECLS
