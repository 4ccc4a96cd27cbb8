/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"
#include "settle-invoice-detail.h"
#include "settle-invoice-list-model.h"

G_BEGIN_DECLS

#define SETTLE_TYPE_INVOICES_VIEW (settle_invoices_view_get_type ())
G_DECLARE_FINAL_TYPE (SettleInvoicesView, settle_invoices_view, SETTLE, INVOICES_VIEW, AdwBin)

void                    settle_invoices_view_set_book          (SettleInvoicesView *self,
                                                                SettleBook         *book);
void                    settle_invoices_view_focus_search      (SettleInvoicesView *self);
/* Selects the row at position and shows it in the details pane. */
void                    settle_invoices_view_select            (SettleInvoicesView *self,
                                                                guint               position);
/* The invoice in the details pane, or SETTLE_ID_NONE. */
SettleId                settle_invoices_view_get_shown_invoice (SettleInvoicesView *self);

SettleInvoiceListModel *settle_invoices_view_get_model         (SettleInvoicesView *self);
GtkColumnView          *settle_invoices_view_get_column_view   (SettleInvoicesView *self);
SettleInvoiceDetail    *settle_invoices_view_get_detail        (SettleInvoicesView *self);

G_END_DECLS
