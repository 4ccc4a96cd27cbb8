/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-book.h"
#include "settle-list-query.h"

G_BEGIN_DECLS

/* Writes one PDF per invoice matched by a list query into a folder, in a worker
 * on a connection of its own. Drafts are skipped: they have no number to name
 * the file by and are not documents a client receives. Files are named by the
 * invoice number ("INV/2025/7" becomes "INV-2025-7.pdf") and written atomically
 * by the render layer; an existing file of the same name is replaced. */

/* Called on the main context the export was started from; done counts the
 * invoices looked at so far, total those the query matched. */
typedef void (*SettleBatchExportProgress) (guint    done,
                                           guint    total,
                                           gpointer user_data);

typedef struct
{
  guint    n_written;
  guint    n_skipped;   /* drafts */
  guint    n_failed;
  gboolean cancelled;   /* stopped early; the files written so far stay */
  char    *first_error; /* "INV-2025-000042: …", NULL when none failed */
} SettleBatchExportResult;

void     settle_batch_export_result_clear (SettleBatchExportResult   *result);

void     settle_batch_export_async        (SettleBook                *book,
                                           const SettleInvoiceQuery  *query,
                                           const char                *folder,
                                           SettleBatchExportProgress  progress,
                                           gpointer                   progress_data,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data);
/* FALSE with error only when nothing could be tried (the book cannot be read,
 * the folder does not exist); per-invoice failures are counted in result. */
gboolean settle_batch_export_finish       (GAsyncResult              *result,
                                           SettleBatchExportResult   *out,
                                           GError                   **error);

/* The file name an invoice number gets, without the folder. */
char    *settle_batch_export_file_name    (const char                *number);

G_END_DECLS
