/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-paged-model.h"
#include "settle-list-query.h"

G_BEGIN_DECLS

/* The invoice list: SettleInvoiceRow items paged from the book, sorted and
 * searched in SQL. */

#define SETTLE_TYPE_INVOICE_LIST_MODEL (settle_invoice_list_model_get_type ())
G_DECLARE_FINAL_TYPE (SettleInvoiceListModel, settle_invoice_list_model,
                      SETTLE, INVOICE_LIST_MODEL, SettlePagedModel)

SettleInvoiceListModel *settle_invoice_list_model_new        (void);
void                    settle_invoice_list_model_set_sort   (SettleInvoiceListModel *self,
                                                              SettleInvoiceSort       sort,
                                                              gboolean                descending);
SettleInvoiceSort       settle_invoice_list_model_get_sort   (SettleInvoiceListModel *self,
                                                              gboolean               *descending);
void                    settle_invoice_list_model_set_search (SettleInvoiceListModel *self,
                                                              const char             *search);
const char             *settle_invoice_list_model_get_search (SettleInvoiceListModel *self);

G_END_DECLS
