/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include "settle-export-task.h"
#include "settle-invoice-pdf.h"
#include "settle-pdf-export.h"

static gboolean
write_invoice (SettleBook  *conn,
               gpointer     data,
               const char  *path,
               GError     **error)
{
  g_autoptr(SettleInvoiceDocument) doc = settle_invoice_document_new (conn, *(SettleId *) data,
                                                                     error);

  return doc != NULL && settle_invoice_document_write_pdf (doc, path, error);
}

void
settle_pdf_export_invoice_async (SettleBook          *book,
                                 SettleId             invoice_id,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (invoice_id != SETTLE_ID_NONE);
  g_return_if_fail (path != NULL);

  settle_export_task_run (NULL, book, path, write_invoice,
                          g_memdup2 (&invoice_id, sizeof invoice_id), g_free,
                          settle_pdf_export_invoice_async, cancellable, callback, user_data);
}

gboolean
settle_pdf_export_invoice_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return settle_export_task_finish (result, error);
}
