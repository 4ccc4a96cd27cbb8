/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "settle-list-query.h"

G_BEGIN_DECLS

/* One row of the invoice list, as the columns show it. A placeholder until its
 * page is read; then it notifies every property at once. */

#define SETTLE_TYPE_INVOICE_ROW (settle_invoice_row_get_type ())
G_DECLARE_FINAL_TYPE (SettleInvoiceRow, settle_invoice_row, SETTLE, INVOICE_ROW, GObject)

SettleInvoiceRow           *settle_invoice_row_new          (void);
/* Takes ownership of summary. */
void                        settle_invoice_row_set_summary  (SettleInvoiceRow           *self,
                                                             SettleInvoiceSummary       *summary);
const SettleInvoiceSummary *settle_invoice_row_get_summary  (SettleInvoiceRow           *self);
gboolean                    settle_invoice_row_get_loaded   (SettleInvoiceRow           *self);
SettleId                    settle_invoice_row_get_id       (SettleInvoiceRow           *self);

SettleInvoiceSummary       *settle_invoice_summary_dup      (const SettleInvoiceSummary *summary);

G_END_DECLS
