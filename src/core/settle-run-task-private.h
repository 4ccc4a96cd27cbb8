/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-progress.h"

G_BEGIN_DECLS

/* What the billing and dunning runs share when they run in a worker: a connection
 * of the worker's own (settle_book_open_worker), progress relayed to the caller's
 * main context, and the run's counts kept even when it fails or is cancelled. */

/* The run itself, on the worker's connection. result points at result_size zeroed
 * bytes (the run's result struct); *changed says whether the book was written. */
typedef gboolean (*SettleRunTaskFunc) (SettleBook        *worker,
                                       const GDate       *as_of,
                                       SettleProgressFunc progress,
                                       gpointer           progress_data,
                                       GCancellable      *cancellable,
                                       gpointer           result,
                                       gboolean          *changed,
                                       GError           **error);

/* A plan (a preview of a run) made on the worker's connection; NULL on error. */
typedef gpointer (*SettlePlanTaskFunc) (SettleBook  *worker,
                                        const GDate *as_of,
                                        GError     **error);

void     settle_run_task_start   (SettleBook          *book,
                                  gpointer             source_tag,
                                  const GDate         *as_of,
                                  SettleRunTaskFunc    func,
                                  gsize                result_size,
                                  SettleProgressFunc   progress,
                                  gpointer             progress_data,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* Copies the result (result_size bytes) to run_result when not NULL, even on error. */
gboolean settle_run_task_finish  (SettleBook          *book,
                                  GAsyncResult        *result,
                                  gpointer             source_tag,
                                  gpointer             run_result,
                                  gsize                result_size,
                                  GError             **error);

void     settle_plan_task_start  (SettleBook          *book,
                                  gpointer             source_tag,
                                  const GDate         *as_of,
                                  SettlePlanTaskFunc   func,
                                  GDestroyNotify       plan_free,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gpointer settle_plan_task_finish (SettleBook          *book,
                                  GAsyncResult        *result,
                                  gpointer             source_tag,
                                  GError             **error);

G_END_DECLS
