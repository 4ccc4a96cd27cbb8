/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"
#include "settle-client-detail.h"
#include "settle-client-list-model.h"

G_BEGIN_DECLS

#define SETTLE_TYPE_CLIENTS_VIEW (settle_clients_view_get_type ())
G_DECLARE_FINAL_TYPE (SettleClientsView, settle_clients_view, SETTLE, CLIENTS_VIEW, AdwBin)

void                    settle_clients_view_set_book          (SettleClientsView *self,
                                                                SettleBook         *book);
void                    settle_clients_view_focus_search      (SettleClientsView *self);
/* Selects the row at position and shows it in the details pane. */
void                    settle_clients_view_select            (SettleClientsView *self,
                                                                guint               position);
/* The client in the details pane, or SETTLE_ID_NONE. */
SettleId                settle_clients_view_get_shown_client (SettleClientsView *self);

SettleClientListModel *settle_clients_view_get_model         (SettleClientsView *self);
GtkColumnView          *settle_clients_view_get_column_view   (SettleClientsView *self);
SettleClientDetail    *settle_clients_view_get_detail        (SettleClientsView *self);

G_END_DECLS
