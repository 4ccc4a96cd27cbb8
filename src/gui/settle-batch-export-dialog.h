/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-batch-export.h"
#include "settle-window.h"

G_BEGIN_DECLS

#define SETTLE_TYPE_BATCH_EXPORT_DIALOG (settle_batch_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SettleBatchExportDialog, settle_batch_export_dialog,
                      SETTLE, BATCH_EXPORT_DIALOG, AdwWindow)

/* Exports the invoices the window's Invoices view lists (its search, in its
 * order) into folder, showing progress and a Cancel button; closes itself at
 * the end and tells the outcome in a toast on the window. */
SettleBatchExportDialog       *settle_batch_export_dialog_start        (SettleWindow            *window,
                                                                        const char              *folder);
gboolean                       settle_batch_export_dialog_get_finished (SettleBatchExportDialog *self);
/* Valid once finished. */
const SettleBatchExportResult *settle_batch_export_dialog_get_result   (SettleBatchExportDialog *self);
/* The toast's text, once finished. */
const char                    *settle_batch_export_dialog_get_summary  (SettleBatchExportDialog *self);

G_END_DECLS
