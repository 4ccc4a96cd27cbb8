/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book-private.h"
#include "settle-invoice.h"

G_BEGIN_DECLS

void     settle_invoice_line_free (SettleInvoiceLine *line);
/* Inserts (id 0) or updates the row and lines of inv as they are; the caller holds
 * a transaction and has checked the state. */
gboolean settle_invoice_write     (SettleBook        *book,
                                   SettleInvoice     *invoice,
                                   GError           **error);

G_END_DECLS
