/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* The pane beside the invoice list: one invoice with its lines, totals, payments
 * and history. Single-invoice lookups by id, quick enough for the main thread. */

#define SETTLE_TYPE_INVOICE_DETAIL (settle_invoice_detail_get_type ())
G_DECLARE_FINAL_TYPE (SettleInvoiceDetail, settle_invoice_detail, SETTLE, INVOICE_DETAIL, AdwBin)

void        settle_invoice_detail_set_book       (SettleInvoiceDetail *self,
                                                  SettleBook          *book);
/* SETTLE_ID_NONE shows "No Invoice Selected". */
void        settle_invoice_detail_show_invoice   (SettleInvoiceDetail *self,
                                                  SettleId             invoice_id);
SettleId    settle_invoice_detail_get_invoice_id (SettleInvoiceDetail *self);
/* The invoice number as shown in the pane's title. */
const char *settle_invoice_detail_get_title      (SettleInvoiceDetail *self);

G_END_DECLS
