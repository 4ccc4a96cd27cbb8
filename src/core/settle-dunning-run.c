/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dunning run: carries out a plan made under the RUN lock, one transaction per
 * item. Everything an item's step causes is written in that transaction, and the
 * unique keys (send log, fee period, outbox key) make a rerun carry out only what is
 * missing, so a systemd timer can run it every hour while the window is open. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-client.h"
#include "settle-collections-packet.h"
#include "settle-dunning-private.h"
#include "settle-invoice.h"
#include "settle-late-fee-store.h"
#include "settle-outbox.h"
#include "settle-run-task-private.h"
#include "settle-template.h"

static char *
outbox_key (const SettleDunningItem *item)
{
  if (item->instalment > 0)
    return g_strdup_printf ("dunning:%" G_GINT64_FORMAT ":i%d:%d", (gint64) item->invoice_id,
                            item->instalment, item->step);
  return g_strdup_printf ("dunning:%" G_GINT64_FORMAT ":%d", (gint64) item->invoice_id,
                          item->step);
}

/* The email of a step, written to the outbox. Returns the job id, 0 on error. */
static SettleId
enqueue_email (SettleBook              *book,
               const SettleDunningItem *item,
               const SettleClient      *client,
               GArray                  *fee_ids,
               const GDate             *as_of,
               GError                 **error)
{
  g_autoptr(SettleTemplate) tmpl = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(SettleOutboxJob) job = NULL;
  g_autofree char *key = outbox_key (item);
  g_autofree char *ref = NULL;

  tmpl = settle_template_load (book, item->template_id, error);
  if (tmpl == NULL)
    return 0;
  values = settle_template_values_for_invoice (book, item->invoice_id, as_of, &item->due_date,
                                               item->amount_due, error);
  if (values == NULL)
    return 0;
  job = settle_outbox_job_new (key);
  g_free (job->entity);
  job->entity = g_strdup ("invoice");
  job->entity_id = item->invoice_id;
  g_free (job->to);
  job->to = g_strdup (client->email);
  g_clear_pointer (&job->subject, g_free);
  g_clear_pointer (&job->body_text, g_free);
  g_clear_pointer (&job->body_html, g_free);
  if (!settle_template_render (tmpl, values, &job->subject, &job->body_text, &job->body_html,
                               error))
    return 0;
  ref = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) item->invoice_id);
  settle_outbox_job_add_attachment (job, SETTLE_OUTBOX_ATTACH_INVOICE_PDF, ref);
  for (guint i = 0; i < fee_ids->len; i++)
    {
      g_autofree char *fee_ref = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  (gint64) g_array_index (fee_ids, SettleId, i));

      settle_outbox_job_add_attachment (job, SETTLE_OUTBOX_ATTACH_INVOICE_PDF, fee_ref);
    }
  if (item->channel == SETTLE_DUNNING_CHANNEL_LETTER)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, item->invoice_id, error);
      g_autofree char *from = NULL, *to = NULL, *statement = NULL;

      if (inv == NULL)
        return 0;
      from = settle_date_to_iso (&inv->issue_date);
      to = settle_date_to_iso (as_of);
      statement = g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%s", (gint64) item->client_id,
                                   from, to);
      settle_outbox_job_add_attachment (job, SETTLE_OUTBOX_ATTACH_STATEMENT_PDF, statement);
    }
  return settle_outbox_enqueue (book, job, error);
}

/* Inserts the send-log row; *log_id 0 when another run already carried the step out. */
static gboolean
log_step (SettleBook              *book,
          const SettleDunningItem *item,
          const GDate             *as_of,
          SettleId                *log_id,
          GError                 **error)
{
  g_autofree char *now = settle_timestamp_now ();
  sqlite3_stmt *stmt;

  stmt = settle_book_prepare (book,
                              "INSERT INTO dunning_log (invoice_id, instalment, step, template_id, "
                              "channel, action, done_on, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                              "ON CONFLICT (invoice_id, instalment, step) DO NOTHING",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->invoice_id);
  sqlite3_bind_int (stmt, 2, item->instalment);
  sqlite3_bind_int (stmt, 3, item->step);
  settle_bind_text (stmt, 4, item->template_id);
  settle_bind_text (stmt, 5, settle_dunning_channel_to_string (item->channel));
  settle_bind_text (stmt, 6, settle_dunning_action_to_string (item->action));
  settle_bind_date (stmt, 7, as_of);
  settle_bind_text (stmt, 8, now);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  *log_id = sqlite3_changes (settle_book_get_db (book)) > 0
            ? sqlite3_last_insert_rowid (settle_book_get_db (book)) : 0;
  return TRUE;
}

/* The client's billing email holds at least one address and no bad one. */
static gboolean
has_addresses (const char *text)
{
  g_auto(GStrv) addresses = settle_email_address_list_parse (text, "email", FALSE, NULL);

  return addresses != NULL && addresses[0] != NULL;
}

static gboolean
carry_out_step (SettleBook              *book,
                const SettleDunningItem *item,
                SettleId                 log_id,
                GArray                  *fee_ids,
                const GDate             *as_of,
                SettleDunningResult     *result,
                GError                 **error)
{
  g_autoptr(SettleClient) client = settle_client_load (book, item->client_id, error);
  g_autofree char *detail = NULL;
  const char *channel = settle_dunning_channel_to_string (item->channel);

  if (client == NULL)
    return FALSE;
  if (item->instalment > 0)
    detail = g_strdup_printf ("%s %s %d i%d", item->template_id, channel, item->step + 1,
                              item->instalment);
  else
    detail = g_strdup_printf ("%s %s %d", item->template_id, channel, item->step + 1);

  if (item->channel == SETTLE_DUNNING_CHANNEL_PHONE_TASK)
    {
      if (!settle_activity_log (book, "invoice", item->invoice_id, "phone task", detail, NULL,
                                error))
        return FALSE;
    }
  else if (has_addresses (client->email))
    {
      SettleId job_id = enqueue_email (book, item, client, fee_ids, as_of, error);
      sqlite3_stmt *stmt;

      if (job_id == 0)
        return FALSE;
      stmt = settle_book_prepare (book, "UPDATE dunning_log SET outbox_job_id = ?1 WHERE id = ?2",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, job_id);
      sqlite3_bind_int64 (stmt, 2, log_id);
      if (!settle_book_step_done (book, stmt, error) ||
          !settle_activity_log (book, "invoice", item->invoice_id, "reminded", detail, NULL,
                                error))
        return FALSE;
      result->n_emails++;
    }
  else if (!settle_activity_log (book, "invoice", item->invoice_id, "reminder not sent",
                                 "no valid billing email", NULL, error))
    return FALSE;

  if (item->action == SETTLE_DUNNING_ACTION_HOLD)
    {
      g_autofree char *reason = g_strdup_printf ("%s %s", item->invoice_number, item->template_id);

      if (!client->on_hold && !settle_client_set_hold (book, client->id, TRUE, reason, error))
        return FALSE;
      result->n_holds++;
    }
  else if (item->action == SETTLE_DUNNING_ACTION_COLLECTIONS)
    {
      if (settle_collections_packet_record (book, log_id, item->client_id, item->invoice_id,
                                            as_of, error) == 0)
        return FALSE;
      if (!settle_activity_log (book, "invoice", item->invoice_id, "collections", detail, NULL,
                                error) ||
          !settle_activity_log (book, "client", item->client_id, "collections",
                                item->invoice_number, NULL, error))
        return FALSE;
      result->n_packets++;
    }
  return TRUE;
}

/* The window may have changed the item since the plan was made (a payment, a
 * dispute): checked again inside the item's transaction. */
static gboolean
still_due (SettleBook              *book,
           const SettleDunningItem *item,
           gboolean                *due,
           GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book,
                              "SELECT 1 FROM invoices i JOIN clients c ON c.id = i.client_id "
                              "WHERE i.id = ?1 AND i.status IN ('issued', 'partial') "
                              "AND i.total > i.amount_paid AND i.disputed = 0 "
                              "AND i.dunning_paused = 0 AND c.dunning_opt_out = 0",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->invoice_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  *due = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
run_item (SettleBook              *book,
          const SettleDunningItem *item,
          const GDate             *as_of,
          SettleDunningResult     *result,
          GError                 **error)
{
  g_autoptr(GArray) fee_ids = g_array_new (FALSE, FALSE, sizeof (SettleId));
  SettleId log_id = 0;
  gboolean did = FALSE, due = FALSE;

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!still_due (book, item, &due, error))
    goto fail;
  if (!due)
    {
      settle_book_rollback (book);
      result->n_skipped++;
      return TRUE;
    }
  for (guint i = 0; i < item->fees->len; i++)
    {
      const SettleLateFee *fee = g_ptr_array_index (item->fees, i);
      g_autoptr(GError) local = NULL;
      SettleId fee_id = settle_late_fee_store_charge (book, item->invoice_id, fee, as_of, &local);

      if (fee_id == 0 && g_error_matches (local, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_EXISTS))
        continue;
      if (fee_id == 0)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          goto fail;
        }
      g_array_append_val (fee_ids, fee_id);
      result->n_fees++;
      did = TRUE;
    }
  if (item->step != SETTLE_DUNNING_STEP_NONE)
    {
      if (!log_step (book, item, as_of, &log_id, error))
        goto fail;
      if (log_id != 0)
        {
          if (!carry_out_step (book, item, log_id, fee_ids, as_of, result, error))
            goto fail;
          result->n_steps++;
          did = TRUE;
        }
    }
  if (!settle_book_commit (book, error))
    return FALSE;
  if (did)
    result->n_items++;
  else
    result->n_skipped++;
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_dunning_run (SettleBook            *book,
                    const GDate           *as_of,
                    SettleDunningProgress  progress,
                    gpointer               progress_data,
                    GCancellable          *cancellable,
                    SettleDunningResult   *result,
                    GError               **error)
{
  g_autoptr(SettleDunningPlan) plan = NULL;
  SettleDunningResult local_result = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);

  if (result == NULL)
    result = &local_result;
  memset (result, 0, sizeof *result);
  if (!settle_book_lock (book, SETTLE_BOOK_LOCK_RUN, error))
    return FALSE;
  /* Planned under the lock: no other run can carry out a step in between. */
  plan = settle_dunning_plan (book, as_of, error);
  if (plan == NULL)
    ok = FALSE;
  for (guint i = 0; ok && i < plan->items->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = run_item (book, g_ptr_array_index (plan->items, i), as_of, result, error);
      if (progress != NULL)
        progress (i + 1, plan->items->len, progress_data);
    }
  settle_book_unlock (book, SETTLE_BOOK_LOCK_RUN);
  return ok;
}

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
  SettleDunningResult *dunning = result;
  gboolean ok;

  ok = settle_dunning_run (worker, as_of, progress, progress_data, cancellable, dunning, error);
  *changed = dunning->n_items > 0;
  return ok;
}

void
settle_dunning_run_async (SettleBook           *book,
                          const GDate          *as_of,
                          SettleDunningProgress progress,
                          gpointer              progress_data,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  settle_run_task_start (book, settle_dunning_run_async, as_of, run_in_worker,
                         sizeof (SettleDunningResult), progress, progress_data, cancellable,
                         callback, user_data);
}

gboolean
settle_dunning_run_finish (SettleBook          *book,
                           GAsyncResult        *result,
                           SettleDunningResult *dunning_result,
                           GError             **error)
{
  return settle_run_task_finish (book, result, settle_dunning_run_async, dunning_result,
                                 sizeof (SettleDunningResult), error);
}

static gpointer
plan_in_worker (SettleBook  *worker,
                const GDate *as_of,
                GError     **error)
{
  return settle_dunning_plan (worker, as_of, error);
}

void
settle_dunning_plan_async (SettleBook          *book,
                           const GDate         *as_of,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  settle_plan_task_start (book, settle_dunning_plan_async, as_of, plan_in_worker,
                          (GDestroyNotify) settle_dunning_plan_free, cancellable, callback,
                          user_data);
}

SettleDunningPlan *
settle_dunning_plan_finish (SettleBook   *book,
                            GAsyncResult *result,
                            GError      **error)
{
  return settle_plan_task_finish (book, result, settle_dunning_plan_async, error);
}
