/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <string.h>

#include "settle-run-task-private.h"

/* ---- runs ------------------------------------------------------------------------ */

typedef struct
{
  GDate                as_of;
  SettleRunTaskFunc    func;
  SettleProgressRelay *relay;
  gsize                result_size;
  gpointer             result;
} RunData;

static void
run_data_free (RunData *data)
{
  settle_progress_relay_free (data->relay);
  g_free (data->result);
  g_free (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(SettleBook) worker = NULL;
  GError *error = NULL;
  gboolean changed = FALSE;
  gboolean ok;

  worker = settle_book_open_worker (source_object, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ok = data->func (worker, &data->as_of, settle_progress_relay_report, data->relay, cancellable,
                   data->result, &changed, &error);
  if (changed)
    settle_book_notify_changed (source_object);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
settle_run_task_start (SettleBook          *book,
                       gpointer             source_tag,
                       const GDate         *as_of,
                       SettleRunTaskFunc    func,
                       gsize                result_size,
                       SettleProgressFunc   progress,
                       gpointer             progress_data,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_assert (SETTLE_IS_BOOK (book));
  g_assert (as_of != NULL && g_date_valid (as_of));
  g_assert (func != NULL && result_size > 0);

  data = g_new0 (RunData, 1);
  data->as_of = *as_of;
  data->func = func;
  data->relay = settle_progress_relay_new (progress, progress_data);
  data->result_size = result_size;
  data->result = g_malloc0 (result_size);
  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  /* A cancelled run still reports what it did: the result is read from the data. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_thread);
}

gboolean
settle_run_task_finish (SettleBook   *book,
                        GAsyncResult *result,
                        gpointer      source_tag,
                        gpointer      run_result,
                        gsize         result_size,
                        GError      **error)
{
  RunData *data;

  g_return_val_if_fail (g_task_is_valid (result, book), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  g_assert (data->result_size == result_size);
  if (run_result != NULL)
    memcpy (run_result, data->result, result_size);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- plans ----------------------------------------------------------------------- */

typedef struct
{
  GDate              as_of;
  SettlePlanTaskFunc func;
  GDestroyNotify     plan_free;
} PlanData;

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanData *data = task_data;
  g_autoptr(SettleBook) worker = NULL;
  gpointer plan;
  GError *error = NULL;

  worker = settle_book_open_worker (source_object, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  plan = data->func (worker, &data->as_of, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, data->plan_free);
}

void
settle_plan_task_start (SettleBook          *book,
                        gpointer             source_tag,
                        const GDate         *as_of,
                        SettlePlanTaskFunc   func,
                        GDestroyNotify       plan_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PlanData *data;

  g_assert (SETTLE_IS_BOOK (book));
  g_assert (as_of != NULL && g_date_valid (as_of));
  g_assert (func != NULL && plan_free != NULL);

  data = g_new0 (PlanData, 1);
  data->as_of = *as_of;
  data->func = func;
  data->plan_free = plan_free;
  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, plan_thread);
}

gpointer
settle_plan_task_finish (SettleBook   *book,
                         GAsyncResult *result,
                         gpointer      source_tag,
                         GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, book), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
