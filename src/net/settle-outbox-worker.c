/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-net"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "settle-invoice-pdf.h"
#include "settle-outbox-worker.h"
#include "settle-statement-pdf.h"

typedef gboolean (*WritePdf) (gpointer    doc,
                              const char *path,
                              GError    **error);

/* Render writes files (atomically, by rename); the message wants bytes. */
static GBytes *
pdf_bytes (gpointer  doc,
           WritePdf  write_pdf,
           GError  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  dir = g_dir_make_tmp ("settle-mail-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "attachment.pdf", NULL);
  ok = write_pdf (doc, path, error) && g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);
  g_rmdir (dir);
  if (!ok)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gboolean
add_invoice_pdf (SettleBook        *book,
                 SettleMailMessage *message,
                 const char        *ref,
                 GError           **error)
{
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *filename = NULL;
  guint64 id;

  if (!g_ascii_string_to_unsigned (ref, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_PERMANENT,
                   _("“%s” is not an invoice id"), ref);
      return FALSE;
    }
  if ((doc = settle_invoice_document_new (book, (SettleId) id, error)) == NULL)
    return FALSE;
  if ((bytes = pdf_bytes (doc, (WritePdf) settle_invoice_document_write_pdf, error)) == NULL)
    return FALSE;
  /* TRANSLATORS: the attached PDF's file name; %s is the invoice number. */
  filename = g_strdup_printf (_("Invoice %s.pdf"), settle_invoice_document_get_invoice (doc)->number);
  settle_mail_message_add_attachment (message, filename, "application/pdf", bytes);
  return TRUE;
}

static gboolean
add_statement_pdf (SettleBook        *book,
                   SettleMailMessage *message,
                   const char        *ref,
                   GError           **error)
{
  g_auto(GStrv) parts = g_strsplit (ref, ":", -1);
  g_autoptr(SettleStatementDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *filename = NULL;
  guint64 client_id;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (g_strv_length (parts) != 3
      || !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT64, &client_id, NULL)
      || !settle_date_parse (parts[1], &from) || !settle_date_parse (parts[2], &to))
    {
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_PERMANENT,
                   _("“%s” is not a statement reference"), ref);
      return FALSE;
    }
  if ((doc = settle_statement_document_new (book, (SettleId) client_id, &from, &to, error)) == NULL)
    return FALSE;
  if ((bytes = pdf_bytes (doc, (WritePdf) settle_statement_document_write_pdf, error)) == NULL)
    return FALSE;
  /* TRANSLATORS: the attached PDF's file name; %s is the statement's end date. */
  filename = g_strdup_printf (_("Statement %s.pdf"), parts[2]);
  settle_mail_message_add_attachment (message, filename, "application/pdf", bytes);
  return TRUE;
}

static gboolean
add_file (SettleMailMessage *message,
          const char        *path,
          GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *type = NULL;
  const char *content_type = "application/octet-stream";

  if ((bytes = g_file_load_bytes (file, NULL, NULL, error)) == NULL)
    return FALSE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL && g_file_info_get_content_type (info) != NULL)
    {
      type = g_content_type_get_mime_type (g_file_info_get_content_type (info));
      if (type != NULL)
        content_type = type;
    }
  settle_mail_message_add_attachment (message, basename, content_type, bytes);
  return TRUE;
}

SettleMailMessage *
settle_outbox_build_message (SettleBook               *book,
                             const SettleOutboxJob    *job,
                             const SettleSmtpSettings *settings,
                             GError                  **error)
{
  g_autoptr(SettleMailMessage) message = settle_mail_message_new ();

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (job != NULL && settings != NULL, NULL);

  message->from_address = g_strdup (settings->from_address);
  message->from_name = g_strdup (settings->from_name ? settings->from_name : "");
  if ((message->to = settle_email_address_list_parse (job->to, _("To"), TRUE, error)) == NULL)
    return NULL;
  if ((message->cc = settle_email_address_list_parse (job->cc, _("Cc"), FALSE, error)) == NULL)
    return NULL;
  message->subject = g_strdup (job->subject);
  message->text = g_strdup (job->body_text);
  message->html = g_strdup (job->body_html);
  message->message_id = g_strdup (job->message_id);
  message->date = g_date_time_new_now_local ();

  for (guint i = 0; i < job->attachments->len; i++)
    {
      const SettleOutboxAttachment *a = g_ptr_array_index (job->attachments, i);
      gboolean ok = FALSE;

      switch (a->kind)
        {
        case SETTLE_OUTBOX_ATTACH_INVOICE_PDF:
          ok = add_invoice_pdf (book, message, a->ref, error);
          break;
        case SETTLE_OUTBOX_ATTACH_STATEMENT_PDF:
          ok = add_statement_pdf (book, message, a->ref, error);
          break;
        case SETTLE_OUTBOX_ATTACH_FILE:
          ok = add_file (message, a->ref, error);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        {
          g_prefix_error (error, _("Attachment %u: "), i + 1);
          return NULL;
        }
    }
  return g_steal_pointer (&message);
}

/* Records what happened to one claimed job. Returns FALSE (with error) when the run
 * should stop. */
static gboolean
record_outcome (SettleBook            *book,
                const SettleOutboxJob *job,
                GDateTime             *now,
                const GError          *send_error,
                SettleOutboxRunResult *result,
                GError               **error)
{
  if (g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (!settle_outbox_release (book, job->id, error))
        return FALSE;
      g_propagate_error (error, g_error_copy (send_error));
      return FALSE;
    }
  if (g_error_matches (send_error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED)
      || g_error_matches (send_error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_IO))
    {
      /* The book was busy while drawing an attachment: worth another try. */
      result->n_retrying++;
      return settle_outbox_mark_failed (book, job->id, now, FALSE, send_error->message, error);
    }
  if (send_error->domain != SETTLE_NET_ERROR)
    {
      /* The message could not be built (a deleted invoice, an unreadable logo or file):
       * trying again will not help until someone fixes it. */
      result->n_failed++;
      return settle_outbox_mark_failed (book, job->id, now, TRUE, send_error->message, error);
    }
  switch (send_error->code)
    {
    case SETTLE_NET_ERROR_UNCERTAIN:
      result->n_unknown++;
      return settle_outbox_mark_unknown (book, job->id, send_error->message, error);
    case SETTLE_NET_ERROR_PERMANENT:
      result->n_failed++;
      return settle_outbox_mark_failed (book, job->id, now, TRUE, send_error->message, error);
    case SETTLE_NET_ERROR_TRANSIENT:
      result->n_retrying++;
      return settle_outbox_mark_failed (book, job->id, now, FALSE, send_error->message, error);
    case SETTLE_NET_ERROR_CONFIG:
      if (!settle_outbox_release (book, job->id, error))
        return FALSE;
      g_propagate_error (error, g_error_copy (send_error));
      return FALSE;
    default: /* CONNECT, TLS, AUTH: the next job would fail the same way. */
      result->n_retrying++;
      if (!settle_outbox_mark_failed (book, job->id, now, FALSE, send_error->message, error))
        return FALSE;
      g_propagate_error (error, g_error_copy (send_error));
      return FALSE;
    }
}

gboolean
settle_outbox_send_due_full (SettleBook               *book,
                             const SettleSmtpSettings *settings,
                             GDateTime                *now,
                             SettleOutboxProgress      progress,
                             gpointer                  progress_data,
                             GCancellable             *cancellable,
                             SettleOutboxRunResult    *result,
                             GError                  **error)
{
  g_autoptr(SettleSmtpSettings) smtp = NULL;
  SettleOutboxRunResult local = { 0 };
  gint64 total;
  guint done = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (result == NULL)
    result = &local;
  *result = (SettleOutboxRunResult) { 0 };

  if (!settle_outbox_recover (book, now, &result->n_recovered, error))
    return FALSE;
  smtp = settings ? settle_smtp_settings_copy (settings) : settle_smtp_settings_load (book, error);
  if (smtp == NULL || !settle_smtp_settings_validate (smtp, error)
      || !settle_smtp_settings_resolve_password (smtp, cancellable, error))
    return FALSE;
  if ((total = settle_outbox_count_due (book, now, error)) < 0)
    return FALSE;

  for (;;)
    {
      g_autoptr(SettleOutboxJob) job = NULL;
      g_autoptr(SettleMailMessage) message = NULL;
      g_autoptr(GError) send_error = NULL;
      g_autofree char *reply = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!settle_outbox_claim_next (book, now, &job, error))
        return FALSE;
      if (job == NULL)
        break;

      message = settle_outbox_build_message (book, job, smtp, &send_error);
      if (message != NULL && settle_smtp_send (smtp, message, &reply, cancellable, &send_error))
        {
          if (!settle_outbox_mark_sent (book, job->id, reply, error))
            return FALSE;
          result->n_sent++;
        }
      else
        {
          g_info ("Email “%s” (job %" G_GINT64_FORMAT "): %s", job->subject, job->id,
                  send_error->message);
          if (!record_outcome (book, job, now, send_error, result, error))
            return FALSE;
        }
      done++;
      if (progress != NULL)
        progress (done, MAX (done, (guint) total), progress_data);
    }
  return TRUE;
}

gboolean
settle_outbox_send_due (SettleBook               *book,
                        const SettleSmtpSettings *settings,
                        GDateTime                *now,
                        GCancellable             *cancellable,
                        guint                    *n_sent,
                        GError                  **error)
{
  SettleOutboxRunResult result = { 0 };
  gboolean ok;

  ok = settle_outbox_send_due_full (book, settings, now, NULL, NULL, cancellable, &result, error);
  if (n_sent != NULL)
    *n_sent = result.n_sent;
  return ok;
}

/* The worker */

typedef struct
{
  SettleSmtpSettings   *settings;
  SettleOutboxProgress  progress;
  gpointer              progress_data;
  GMainContext         *context;
  SettleOutboxRunResult result;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_pointer (&data->settings, settle_smtp_settings_free);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

typedef struct
{
  SettleOutboxProgress progress;
  gpointer             progress_data;
  guint                done;
  guint                total;
} ProgressCall;

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->progress (call->done, call->total, call->progress_data);
  return G_SOURCE_REMOVE;
}

static void
thread_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  RunData *data = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->progress = data->progress;
  call->progress_data = data->progress_data;
  call->done = done;
  call->total = total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress, call, g_free);
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
  g_autoptr(GError) error = NULL;
  gboolean ok;

  worker = settle_book_open_worker (book, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ok = settle_outbox_send_due_full (worker, data->settings, NULL,
                                    data->progress ? thread_progress : NULL, data, cancellable,
                                    &data->result, &error);
  settle_book_notify_changed (book);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
settle_outbox_worker_run_async (SettleBook               *book,
                                const SettleSmtpSettings *settings,
                                SettleOutboxProgress      progress,
                                gpointer                  progress_data,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (SETTLE_IS_BOOK (book));

  data = g_new0 (RunData, 1);
  data->settings = settings ? settle_smtp_settings_copy (settings) : NULL;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, settle_outbox_worker_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
settle_outbox_worker_run_finish (SettleBook            *book,
                                 GAsyncResult          *result,
                                 SettleOutboxRunResult *run_result,
                                 GError               **error)
{
  RunData *data;

  g_return_val_if_fail (g_task_is_valid (result, book), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == settle_outbox_worker_run_async,
                        FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (run_result != NULL)
    *run_result = data->result;
  return g_task_propagate_boolean (G_TASK (result), error);
}
