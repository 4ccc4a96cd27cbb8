/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include "settle-invoice-pdf.h"
#include "settle-pdf-export.h"

typedef struct
{
  SettleBook *book;
  SettleId    invoice_id;
  char       *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->book);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(SettleBook) conn = NULL;
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  GError *error = NULL;

  conn = settle_book_open_worker (data->book, &error);
  if (conn != NULL)
    doc = settle_invoice_document_new (conn, data->invoice_id, &error);
  if (doc == NULL || !settle_invoice_document_write_pdf (doc, data->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
settle_pdf_export_invoice_async (SettleBook          *book,
                                 SettleId             invoice_id,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (invoice_id != SETTLE_ID_NONE);
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->book = g_object_ref (book);
  data->invoice_id = invoice_id;
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, settle_pdf_export_invoice_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
settle_pdf_export_invoice_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
