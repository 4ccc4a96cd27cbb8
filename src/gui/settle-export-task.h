/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* Writes the export to path on the worker's own connection to the book. */
typedef gboolean (*SettleExportWriteFunc) (SettleBook  *conn,
                                           gpointer     data,
                                           const char  *path,
                                           GError     **error);

/* Runs write_func (a connection of the worker's own, data, path) in a worker thread,
 * then callback on the caller's main context with source_object; destroy (may be NULL)
 * frees data with the task. */
void        settle_export_task_run      (gpointer               source_object,
                                         SettleBook            *book,
                                         const char            *path,
                                         SettleExportWriteFunc  write_func,
                                         gpointer               data,
                                         GDestroyNotify         destroy,
                                         gpointer               source_tag,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
gboolean    settle_export_task_finish   (GAsyncResult          *result,
                                         GError               **error);
/* The path the task writes. */
const char *settle_export_task_get_path (GAsyncResult          *result);

G_END_DECLS
