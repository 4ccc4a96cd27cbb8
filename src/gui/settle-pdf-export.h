/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* Writes one invoice as a PDF in a worker, on a connection of its own, so the
 * window keeps drawing while fonts are subset and the file is written. */
void     settle_pdf_export_invoice_async  (SettleBook          *book,
                                           SettleId             invoice_id,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean settle_pdf_export_invoice_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
