/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-collections-packet.h"
#include "settle-invoice-pdf.h"
#include "settle-payment-actions.h"
#include "settle-statement-pdf.h"
#include "settle-window.h"

/* The same drawing as settle-cli remind: the invoice and statement documents. */
static gboolean
draw_invoice (SettleBook  *book,
              SettleId     invoice_id,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  g_autoptr(SettleInvoiceDocument) doc = settle_invoice_document_new (book, invoice_id, error);

  return doc != NULL && settle_invoice_document_write_pdf (doc, path, error);
}

static gboolean
draw_statement (SettleBook  *book,
                SettleId     client_id,
                const GDate *from,
                const GDate *to,
                const char  *path,
                gpointer     user_data,
                GError     **error)
{
  g_autoptr(SettleStatementDocument) doc = settle_statement_document_new (book, client_id, from,
                                                                          to, error);

  return doc != NULL && settle_statement_document_write_pdf (doc, path, error);
}

static const SettleCollectionsRenderer renderer = { draw_invoice, draw_statement, NULL };

typedef struct
{
  char     *path;
  GWeakRef  window;
  guint     n_written;
  char     *folder;
} PacketJob;

static void
packet_job_free (PacketJob *job)
{
  g_free (job->path);
  g_free (job->folder);
  g_weak_ref_clear (&job->window);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PacketJob *job = task_data;
  g_autoptr(SettleBook) book = NULL;
  GError *error = NULL;

  /* Its own connection: the window's stays free while PDFs are drawn. */
  book = settle_book_open (job->path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  if (book == NULL || !settle_collections_packet_write_pending (book, &renderer, &job->n_written, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->folder = settle_collections_base_folder (book);
  g_task_return_boolean (task, TRUE);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PacketJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GObject) window = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    /* Translators: %s says why the collections packets could not be written. */
    message = g_strdup_printf (_("Collections packets not written: %s"), error->message);
  else if (job->n_written > 0)
    message = g_strdup_printf (ngettext ("%u collections packet written to %s",
                                         "%u collections packets written to %s", job->n_written),
                               job->n_written, job->folder);
  else
    return;
  if (!SETTLE_IS_WINDOW (window))
    {
      g_message ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  if (error != NULL)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  settle_window_add_toast (SETTLE_WINDOW (window), toast);
}

void
settle_payment_actions_write_packets (SettleBook *book,
                                      GtkWindow  *window)
{
  g_autoptr(GTask) task = NULL;
  PacketJob *job;

  g_return_if_fail (SETTLE_IS_BOOK (book));

  job = g_new0 (PacketJob, 1);
  job->path = g_strdup (settle_book_get_path (book));
  g_weak_ref_init (&job->window, window);
  task = g_task_new (NULL, NULL, write_done_cb, NULL);
  g_task_set_source_tag (task, settle_payment_actions_write_packets);
  g_task_set_task_data (task, job, (GDestroyNotify) packet_job_free);
  g_task_run_in_thread (task, write_thread);
}
