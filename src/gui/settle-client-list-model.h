/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-paged-model.h"
#include "settle-list-query.h"

G_BEGIN_DECLS

/* The client list: SettleClientRow items paged from the book, sorted and
 * searched in SQL. */

#define SETTLE_TYPE_CLIENT_LIST_MODEL (settle_client_list_model_get_type ())
G_DECLARE_FINAL_TYPE (SettleClientListModel, settle_client_list_model,
                      SETTLE, CLIENT_LIST_MODEL, SettlePagedModel)

SettleClientListModel *settle_client_list_model_new        (void);
void                   settle_client_list_model_set_sort   (SettleClientListModel *self,
                                                            SettleClientSort       sort,
                                                            gboolean               descending);
SettleClientSort       settle_client_list_model_get_sort   (SettleClientListModel *self,
                                                            gboolean              *descending);
void                   settle_client_list_model_set_search (SettleClientListModel *self,
                                                            const char            *search);
const char            *settle_client_list_model_get_search (SettleClientListModel *self);

G_END_DECLS
