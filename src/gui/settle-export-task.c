/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include "settle-export-task.h"

typedef struct
{
  SettleBook           *book;
  char                 *path;
  SettleExportWriteFunc write_func;
  gpointer              data;
  GDestroyNotify        destroy;
} ExportTask;

static void
export_task_free (ExportTask *t)
{
  if (t->destroy != NULL)
    t->destroy (t->data);
  g_clear_object (&t->book);
  g_free (t->path);
  g_free (t);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *t = task_data;
  g_autoptr(SettleBook) conn = NULL;
  GError *error = NULL;

  conn = settle_book_open_worker (t->book, &error);
  if (conn == NULL || !t->write_func (conn, t->data, t->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
settle_export_task_run (gpointer               source_object,
                        SettleBook            *book,
                        const char            *path,
                        SettleExportWriteFunc  write_func,
                        gpointer               data,
                        GDestroyNotify         destroy,
                        gpointer               source_tag,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *t;

  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (path != NULL);
  g_return_if_fail (write_func != NULL);

  t = g_new0 (ExportTask, 1);
  t->book = g_object_ref (book);
  t->path = g_strdup (path);
  t->write_func = write_func;
  t->data = data;
  t->destroy = destroy;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, t, (GDestroyNotify) export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
settle_export_task_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
settle_export_task_get_path (GAsyncResult *result)
{
  ExportTask *t;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  t = g_task_get_task_data (G_TASK (result));
  return t->path;
}
