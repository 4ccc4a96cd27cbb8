/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-batch-export.h"
#include "settle-invoice-pdf.h"

#define PAGE_SIZE 200

/* Progress shared by the worker and the main context: the worker stores the
 * latest figures and posts one update at a time, so a fast export does not
 * flood the main loop with idles. */
typedef struct
{
  GMainContext              *context;
  SettleBatchExportProgress  callback;
  gpointer                   user_data;
  guint                      done;
  guint                      total;
  int                        pending;
} Progress;

static void
progress_clear (Progress *progress)
{
  g_main_context_unref (progress->context);
}

static void
progress_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) progress_clear);
}

static gboolean
progress_deliver (gpointer data)
{
  Progress *progress = data;
  guint done = g_atomic_int_get (&progress->done);
  guint total = g_atomic_int_get (&progress->total);

  g_atomic_int_set (&progress->pending, 0);
  progress->callback (done, total, progress->user_data);
  return G_SOURCE_REMOVE;
}

static void
progress_report (Progress *progress,
                 guint     done,
                 guint     total)
{
  if (progress == NULL)
    return;
  g_atomic_int_set (&progress->done, done);
  g_atomic_int_set (&progress->total, total);
  if (g_atomic_int_compare_and_exchange (&progress->pending, 0, 1))
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_deliver, g_atomic_rc_box_acquire (progress),
                             progress_release);
      g_source_attach (source, progress->context);
      g_source_unref (source);
    }
}

typedef struct
{
  SettleBook         *book;
  SettleInvoiceQuery  query;
  char               *folder;
  Progress           *progress;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->book);
  g_free (data->query.search);
  g_free (data->folder);
  g_clear_pointer (&data->progress, progress_release);
  g_free (data);
}

static void
result_free (SettleBatchExportResult *result)
{
  settle_batch_export_result_clear (result);
  g_free (result);
}

void
settle_batch_export_result_clear (SettleBatchExportResult *result)
{
  g_return_if_fail (result != NULL);
  g_clear_pointer (&result->first_error, g_free);
}

char *
settle_batch_export_file_name (const char *number)
{
  char *name;

  g_return_val_if_fail (number != NULL, NULL);

  /* Invoice numbers may hold characters a file name cannot ("INV/2024/7"). */
  name = g_strdup_printf ("%s.pdf", number);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return name;
}

static gboolean
export_one (SettleBook                 *conn,
            const SettleInvoiceSummary *row,
            const char                 *folder,
            GError                    **error)
{
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  g_autofree char *name = settle_batch_export_file_name (row->number);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  doc = settle_invoice_document_new (conn, row->id, error);
  return doc != NULL && settle_invoice_document_write_pdf (doc, path, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(SettleBook) conn = NULL;
  SettleInvoiceSummary *last = NULL;
  SettleBatchExportResult *result;
  GError *error = NULL;
  guint total = 0;
  guint done = 0;

  if (!g_file_test (data->folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (data->folder);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The folder “%s” does not exist"), display);
      return;
    }

  conn = settle_book_open_worker (data->book, &error);
  if (conn == NULL || !settle_invoice_query_count (conn, &data->query, &total, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  progress_report (data->progress, 0, total);

  result = g_new0 (SettleBatchExportResult, 1);
  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;

      /* Keyset paging: the next page starts after the last row seen, so the
       * export walks the list in the order the view shows it. */
      page = settle_invoice_query_page (conn, &data->query, last, 0, PAGE_SIZE, &error);
      if (page == NULL)
        {
          g_clear_pointer (&last, settle_invoice_summary_free);
          result_free (result);
          g_task_return_error (task, error);
          return;
        }
      for (guint i = 0; i < page->len; i++)
        {
          const SettleInvoiceSummary *row = g_ptr_array_index (page, i);
          g_autoptr(GError) one_error = NULL;

          if (g_cancellable_is_cancelled (cancellable))
            {
              result->cancelled = TRUE;
              break;
            }
          if (row->status == SETTLE_INVOICE_DRAFT || row->number == NULL)
            result->n_skipped++;
          else if (export_one (conn, row, data->folder, &one_error))
            result->n_written++;
          else
            {
              result->n_failed++;
              if (result->first_error == NULL)
                /* Translators: an invoice number, then why its PDF failed. */
                result->first_error = g_strdup_printf (_("%s: %s"), row->number,
                                                       one_error->message);
            }
          done++;
          progress_report (data->progress, done, MAX (total, done));
        }
      if (result->cancelled || page->len < PAGE_SIZE)
        break;
      g_clear_pointer (&last, settle_invoice_summary_free);
      last = g_ptr_array_steal_index (page, page->len - 1);
    }
  g_clear_pointer (&last, settle_invoice_summary_free);

  g_task_return_pointer (task, result, (GDestroyNotify) result_free);
}

void
settle_batch_export_async (SettleBook                *book,
                           const SettleInvoiceQuery  *query,
                           const char                *folder,
                           SettleBatchExportProgress  progress,
                           gpointer                   progress_data,
                           GCancellable              *cancellable,
                           GAsyncReadyCallback        callback,
                           gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (query != NULL);
  g_return_if_fail (folder != NULL);

  data = g_new0 (ExportData, 1);
  data->book = g_object_ref (book);
  data->query = *query;
  data->query.search = g_strdup (query->search);
  data->folder = g_strdup (folder);
  if (progress != NULL)
    {
      data->progress = g_atomic_rc_box_new0 (Progress);
      data->progress->context = g_main_context_ref_thread_default ();
      data->progress->callback = progress;
      data->progress->user_data = progress_data;
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, settle_batch_export_async);
  /* A cancelled export still reports what it wrote. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
settle_batch_export_finish (GAsyncResult             *result,
                            SettleBatchExportResult  *out,
                            GError                  **error)
{
  SettleBatchExportResult *value;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;
  *out = *value;
  g_free (value);
  return TRUE;
}
