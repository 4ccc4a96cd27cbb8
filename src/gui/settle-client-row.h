/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "settle-list-query.h"

G_BEGIN_DECLS

/* One row of the client list; a placeholder until its page is read. */

#define SETTLE_TYPE_CLIENT_ROW (settle_client_row_get_type ())
G_DECLARE_FINAL_TYPE (SettleClientRow, settle_client_row, SETTLE, CLIENT_ROW, GObject)

SettleClientRow           *settle_client_row_new         (void);
/* Takes ownership of summary. */
void                       settle_client_row_set_summary (SettleClientRow           *self,
                                                          SettleClientSummary       *summary);
const SettleClientSummary *settle_client_row_get_summary (SettleClientRow           *self);
SettleId                   settle_client_row_get_id      (SettleClientRow           *self);

SettleClientSummary       *settle_client_summary_dup     (const SettleClientSummary *summary);

G_END_DECLS
