/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include "settle-billing.h"
#include "settle-run-task-private.h"

/* The worker: its own connection, progress handed to the caller's main context. */

static gboolean
run_in_worker (SettleBook        *worker,
               const GDate       *as_of,
               SettleProgressFunc progress,
               gpointer           progress_data,
               GCancellable      *cancellable,
               gpointer           result,
               gboolean          *changed,
               GError           **error)
{
  SettleBillingResult *billing = result;
  gboolean ok;

  ok = settle_billing_run (worker, as_of, progress, progress_data, cancellable, billing, error);
  *changed = billing->n_created > 0 || billing->n_skipped > 0;
  return ok;
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
  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  settle_run_task_start (book, settle_billing_run_async, as_of, run_in_worker,
                         sizeof (SettleBillingResult), progress, progress_data, cancellable,
                         callback, user_data);
}

gboolean
settle_billing_run_finish (SettleBook          *book,
                           GAsyncResult        *result,
                           SettleBillingResult *billing_result,
                           GError             **error)
{
  return settle_run_task_finish (book, result, settle_billing_run_async, billing_result,
                                 sizeof (SettleBillingResult), error);
}

static gpointer
plan_in_worker (SettleBook  *worker,
                const GDate *as_of,
                GError     **error)
{
  return settle_billing_plan (worker, as_of, error);
}

void
settle_billing_plan_async (SettleBook          *book,
                           const GDate         *as_of,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  settle_plan_task_start (book, settle_billing_plan_async, as_of, plan_in_worker,
                          (GDestroyNotify) settle_billing_plan_free, cancellable, callback,
                          user_data);
}

SettleBillingPlan *
settle_billing_plan_finish (SettleBook   *book,
                            GAsyncResult *result,
                            GError      **error)
{
  return settle_plan_task_finish (book, result, settle_billing_plan_async, error);
}
