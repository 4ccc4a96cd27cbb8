/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* The pane beside the client list: contact, address, terms, notes, balance. */

#define SETTLE_TYPE_CLIENT_DETAIL (settle_client_detail_get_type ())
G_DECLARE_FINAL_TYPE (SettleClientDetail, settle_client_detail, SETTLE, CLIENT_DETAIL, AdwBin)

void        settle_client_detail_set_book      (SettleClientDetail *self,
                                                SettleBook         *book);
void        settle_client_detail_show_client   (SettleClientDetail *self,
                                                SettleId            client_id);
SettleId    settle_client_detail_get_client_id (SettleClientDetail *self);
const char *settle_client_detail_get_title     (SettleClientDetail *self);

G_END_DECLS
