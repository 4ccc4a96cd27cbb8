/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include "settle-billing.h"
#include "settle-progress.h"

/* The worker: its own connection, progress handed to the caller's main context. */

typedef struct
{
  GDate                 as_of;
  SettleProgressRelay  *relay;
  SettleBillingResult   result;
} RunData;

static void
run_data_free (RunData *data)
{
  settle_progress_relay_free (data->relay);
  g_free (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SettleBook *book = source_object;
  RunData *data = task_data;
  g_autoptr(SettleBook) worker = NULL;
  GError *error = NULL;
  gboolean ok;

  worker = settle_book_open_worker (book, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ok = settle_billing_run (worker, &data->as_of, settle_progress_relay_report, data->relay, cancellable,
                           &data->result, &error);
  if (data->result.n_created > 0 || data->result.n_skipped > 0)
    settle_book_notify_changed (book);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
settle_billing_run_async (SettleBook           *book,
                          const GDate          *as_of,
                          SettleBillingProgress progress,
                          gpointer              progress_data,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  data = g_new0 (RunData, 1);
  data->as_of = *as_of;
  data->relay = settle_progress_relay_new (progress, progress_data);
  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, settle_billing_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  /* A cancelled run still reports what it made: the result is read from the data. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_thread);
}

gboolean
settle_billing_run_finish (SettleBook          *book,
                           GAsyncResult        *result,
                           SettleBillingResult *billing_result,
                           GError             **error)
{
  RunData *data;

  g_return_val_if_fail (g_task_is_valid (result, book), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == settle_billing_run_async,
                        FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (billing_result != NULL)
    *billing_result = data->result;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(SettleBook) worker = NULL;
  SettleBillingPlan *plan;
  GError *error = NULL;

  worker = settle_book_open_worker (source_object, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  plan = settle_billing_plan (worker, task_data, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) settle_billing_plan_free);
}

void
settle_billing_plan_async (SettleBook          *book,
                           const GDate         *as_of,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, settle_billing_plan_async);
  g_task_set_task_data (task, g_memdup2 (as_of, sizeof *as_of), g_free);
  g_task_run_in_thread (task, plan_thread);
}

SettleBillingPlan *
settle_billing_plan_finish (SettleBook   *book,
                            GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, book), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == settle_billing_plan_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
