/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* A print operation for one invoice that draws with the render layer's code,
 * page by page, exactly as the PDF does (points, full page). The document is
 * loaded now, on the caller's connection (one invoice: a few rows); pagination
 * happens in ::begin-print for the paper the user picked. Returns NULL with
 * error when the invoice cannot be loaded. */
GtkPrintOperation *settle_print_operation_new (SettleBook  *book,
                                               SettleId     invoice_id,
                                               GError     **error);

/* Shows the print dialog for the invoice, transient for parent, without blocking
 * the window; a failure is reported in a message dialog. */
void               settle_print_invoice       (GtkWindow   *parent,
                                               SettleBook  *book,
                                               SettleId     invoice_id);

G_END_DECLS
