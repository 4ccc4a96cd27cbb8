/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-email-preferences.h"
#include "settle-format.h"
#include "settle-outbox-window.h"
#include "settle-outbox-worker.h"
#include "settle-outbox.h"
#include "settle-smtp.h"

/* The newest jobs; older ones stay in the book and in each invoice's timeline. */
#define MAX_JOBS 500

struct _SettleOutboxWindow
{
  AdwWindow        parent_instance;

  SettleBook      *book;
  GCancellable    *cancellable;   /* the list being read */
  GCancellable    *send_cancellable;
  gboolean         loading;
  gboolean         reload;        /* the book changed while reading */
  gboolean         configured;
  GPtrArray       *jobs;          /* SettleOutboxJob* */
  char            *error;

  AdwToastOverlay *toast_overlay;
  GtkButton       *send_button;
  GtkInfoBar      *smtp_bar;
  GtkLabel        *summary_label;
  GtkSpinner      *spinner;
  GtkProgressBar  *progress_bar;
  GtkLabel        *error_label;
  GtkListBox      *jobs_list;
};

G_DEFINE_FINAL_TYPE (SettleOutboxWindow, settle_outbox_window, ADW_TYPE_WINDOW)

static void reload (SettleOutboxWindow *self);

static void
set_error (SettleOutboxWindow *self,
           const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_busy (SettleOutboxWindow *self)
{
  gboolean sending = self->send_cancellable != NULL;

  gtk_spinner_set_spinning (self->spinner, self->loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->loading);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), !sending && self->configured);
}

/* ---- rows ------------------------------------------------------------------------- */

static const char *
status_class (SettleOutboxStatus status)
{
  switch (status)
    {
    case SETTLE_OUTBOX_QUEUED:
    case SETTLE_OUTBOX_SENDING:
      return "accent";
    case SETTLE_OUTBOX_SENT:
      return "success";
    case SETTLE_OUTBOX_UNKNOWN:
      return "warning";
    case SETTLE_OUTBOX_FAILED:
    case SETTLE_OUTBOX_DEAD:
    default:
      return "error";
    }
}

static void
job_action (SettleOutboxWindow *self,
            GtkButton          *button,
            gboolean            resend)
{
  SettleId id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "settle-job"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (resend)
    ok = settle_outbox_resend (self->book, id, NULL, &error);
  else
    ok = settle_outbox_confirm_sent (self->book, id, &error);
  if (!ok)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (resend ? _("The email is queued again")
                                                     : _("Marked as sent")));
  settle_book_notify_changed (self->book);
}

static void
resend_clicked_cb (GtkButton          *button,
                   SettleOutboxWindow *self)
{
  job_action (self, button, TRUE);
}

static void
confirm_clicked_cb (GtkButton          *button,
                    SettleOutboxWindow *self)
{
  job_action (self, button, FALSE);
}

static void
add_button (SettleOutboxWindow *self,
            AdwActionRow       *row,
            const SettleOutboxJob *job,
            const char         *label,
            const char         *tooltip,
            GCallback           callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "settle-job", GSIZE_TO_POINTER ((gsize) job->id));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  adw_action_row_add_suffix (row, button);
}

static GtkWidget *
job_row_new (SettleOutboxWindow    *self,
             const SettleOutboxJob *job)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill;
  GString *subtitle = g_string_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 job->subject != NULL && *job->subject != '\0' ? job->subject
                                                                                : _("(no subject)"));
  /* Translators: the recipients of an email. */
  g_string_append_printf (subtitle, _("To %s"), job->to != NULL ? job->to : "");
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, ngettext ("%d attempt", "%d attempts", job->attempts),
                          job->attempts);
  if (job->attachments != NULL && job->attachments->len > 0)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, ngettext ("%u attachment", "%u attachments",
                                                  job->attachments->len),
                              job->attachments->len);
    }
  if (job->status == SETTLE_OUTBOX_SENT && job->sent_at != NULL)
    {
      g_autofree char *when = settle_format_timestamp (job->sent_at);

      g_string_append (subtitle, " · ");
      /* Translators: when the server accepted the email. */
      g_string_append_printf (subtitle, _("sent %s"), when);
    }
  else if (job->created_at != NULL)
    {
      g_autofree char *when = settle_format_timestamp (job->created_at);

      g_string_append (subtitle, " · ");
      /* Translators: when the email was queued. */
      g_string_append_printf (subtitle, _("queued %s"), when);
    }
  if (job->last_error != NULL && *job->last_error != '\0')
    {
      g_string_append_c (subtitle, '\n');
      /* Translators: the mail server's reply, or what went wrong. */
      g_string_append_printf (subtitle, _("Server reply: %s"), job->last_error);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  g_string_free (subtitle, TRUE);

  if (job->status == SETTLE_OUTBOX_UNKNOWN)
    {
      add_button (self, ADW_ACTION_ROW (row), job, _("_Resend"),
                  _("The server may have received it: send it again, with the same Message-ID"),
                  G_CALLBACK (resend_clicked_cb));
      add_button (self, ADW_ACTION_ROW (row), job, _("C_onfirm Sent"),
                  _("You checked that it arrived"), G_CALLBACK (confirm_clicked_cb));
    }
  else if (job->status == SETTLE_OUTBOX_FAILED || job->status == SETTLE_OUTBOX_DEAD)
    add_button (self, ADW_ACTION_ROW (row), job, _("_Resend"), _("Queue it again"),
                G_CALLBACK (resend_clicked_cb));

  pill = gtk_label_new (settle_outbox_status_label (job->status));
  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (pill, status_class (job->status));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row), "settle-status", pill);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  return row;
}

static void
show_jobs (SettleOutboxWindow *self)
{
  GtkWidget *child;
  g_autofree char *summary = NULL;
  guint n_waiting = 0, n_attention = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->jobs_list))) != NULL)
    gtk_list_box_remove (self->jobs_list, child);
  for (guint i = 0; self->jobs != NULL && i < self->jobs->len; i++)
    {
      const SettleOutboxJob *job = g_ptr_array_index (self->jobs, i);

      if (job->status == SETTLE_OUTBOX_QUEUED || job->status == SETTLE_OUTBOX_SENDING)
        n_waiting++;
      else if (job->status != SETTLE_OUTBOX_SENT)
        n_attention++;
      gtk_list_box_append (self->jobs_list, job_row_new (self, job));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->jobs_list), self->jobs != NULL && self->jobs->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->smtp_bar), !self->configured);
  if (self->jobs == NULL)
    return;
  if (self->jobs->len == 0)
    summary = g_strdup (_("No email has been queued yet. Reminders and invoices sent by email "
                          "wait here until they go out."));
  else if (n_waiting == 0 && n_attention == 0)
    summary = g_strdup (_("Everything has been sent."));
  else if (n_waiting == 0)
    summary = g_strdup_printf (ngettext ("%u needs your attention", "%u need your attention",
                                         n_attention), n_attention);
  else if (n_attention > 0)
    /* Translators: "3 waiting to be sent, 1 needs your attention". */
    summary = g_strdup_printf (ngettext ("%u waiting to be sent, %u needs your attention",
                                         "%u waiting to be sent, %u need your attention",
                                         n_attention),
                               n_waiting, n_attention);
  else
    summary = g_strdup_printf (ngettext ("%u waiting to be sent", "%u waiting to be sent",
                                         n_waiting), n_waiting);
  gtk_label_set_text (self->summary_label, summary);
}

/* ---- reading the list ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray *jobs;
  gboolean   configured;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->jobs, g_ptr_array_unref);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SettleBook *book = task_data;
  g_autoptr(SettleBook) conn = NULL;
  g_autoptr(SettleSmtpSettings) settings = NULL;
  LoadResult *result;
  GError *error = NULL;

  conn = settle_book_open_worker (book, &error);
  if (conn == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = g_new0 (LoadResult, 1);
  result->jobs = settle_outbox_list (conn, NULL, 0, MAX_JOBS, &error);
  if (result->jobs == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  settings = settle_smtp_settings_load (conn, NULL);
  result->configured = settings != NULL;
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
load_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SettleOutboxWindow *self = SETTLE_OUTBOX_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  LoadResult *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (loaded == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  g_clear_object (&self->cancellable);
  if (loaded == NULL)
    set_error (self, error->message);
  else
    {
      g_clear_pointer (&self->jobs, g_ptr_array_unref);
      self->jobs = g_steal_pointer (&loaded->jobs);
      self->configured = loaded->configured;
      load_result_free (loaded);
      show_jobs (self);
    }
  update_busy (self);
  if (self->reload)
    reload (self);
}

static void
reload (SettleOutboxWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->loading)
    {
      self->reload = TRUE;
      return;
    }
  self->reload = FALSE;
  self->loading = TRUE;
  update_busy (self);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, g_object_ref (self->book), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* ---- sending ------------------------------------------------------------------------- */

static void
send_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  SettleOutboxWindow *self = user_data;
  g_autofree char *text = NULL;

  if (self->send_cancellable == NULL)
    return;
  /* Translators: sending progress, "3 of 12". */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
}

/* "5 sent, 1 failed" (the parts that are not zero), or "Nothing to send". */
static char *
describe_run (const SettleOutboxRunResult *run)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);

  if (run->n_sent > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u sent", "%u sent", run->n_sent),
                                             run->n_sent));
  if (run->n_retrying > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u to retry later", "%u to retry later",
                                                       run->n_retrying), run->n_retrying));
  if (run->n_failed > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u failed", "%u failed", run->n_failed),
                                             run->n_failed));
  if (run->n_unknown + run->n_recovered > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u to check", "%u to check",
                                                       run->n_unknown + run->n_recovered),
                                             run->n_unknown + run->n_recovered));
  if (parts->len == 0)
    g_string_append (text, _("Nothing to send"));
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: separates the parts of "5 sent, 1 failed". */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  return g_string_free (text, FALSE);
}

static void
send_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SettleOutboxWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SettleOutboxRunResult run = { 0 };
  AdwToast *toast;
  gboolean ok;

  g_clear_object (&self->send_cancellable);
  ok = settle_outbox_worker_run_finish (self->book, result, &run, &error);
  if (self->toast_overlay == NULL)
    return;  /* the window was closed while sending */
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
    }
  else
    set_error (self, NULL);
  title = describe_run (&run);
  toast = adw_toast_new (title);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  update_busy (self);
  settle_book_notify_changed (self->book);
}

void
settle_outbox_window_send_now (SettleOutboxWindow *self)
{
  g_return_if_fail (SETTLE_IS_OUTBOX_WINDOW (self));

  if (self->send_cancellable != NULL)
    return;
  set_error (self, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Connecting…"));
  self->send_cancellable = g_cancellable_new ();
  update_busy (self);
  settle_outbox_worker_run_async (self->book, NULL, send_progress_cb, self, self->send_cancellable,
                                  send_done, g_object_ref (self));
}

static void
send_clicked_cb (SettleOutboxWindow *self)
{
  settle_outbox_window_send_now (self);
}

static void
settings_clicked_cb (SettleOutboxWindow *self)
{
  gtk_window_present (GTK_WINDOW (settle_email_preferences_new (GTK_WINDOW (self), self->book)));
}

/* ---- the type ------------------------------------------------------------------------- */

static void
settle_outbox_window_dispose (GObject *object)
{
  SettleOutboxWindow *self = SETTLE_OUTBOX_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->send_cancellable);
  if (self->book != NULL)
    g_signal_handlers_disconnect_by_data (self->book, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_OUTBOX_WINDOW);

  G_OBJECT_CLASS (settle_outbox_window_parent_class)->dispose (object);
}

static void
settle_outbox_window_finalize (GObject *object)
{
  SettleOutboxWindow *self = SETTLE_OUTBOX_WINDOW (object);

  g_clear_object (&self->book);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->send_cancellable);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_free (self->error);

  G_OBJECT_CLASS (settle_outbox_window_parent_class)->finalize (object);
}

static void
settle_outbox_window_class_init (SettleOutboxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_outbox_window_dispose;
  object_class->finalize = settle_outbox_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-outbox-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleOutboxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SettleOutboxWindow, send_button);
  gtk_widget_class_bind_template_child (widget_class, SettleOutboxWindow, smtp_bar);
  gtk_widget_class_bind_template_child (widget_class, SettleOutboxWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SettleOutboxWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SettleOutboxWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SettleOutboxWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SettleOutboxWindow, jobs_list);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, settings_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_outbox_window_init (SettleOutboxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SettleOutboxWindow *
settle_outbox_window_new (GtkWindow  *parent,
                          SettleBook *book)
{
  SettleOutboxWindow *self;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  self = g_object_new (SETTLE_TYPE_OUTBOX_WINDOW, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  /* Until the first read, assume it is set up: no bar flashing on. */
  self->configured = TRUE;
  g_signal_connect_object (book, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

gboolean
settle_outbox_window_get_busy (SettleOutboxWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_OUTBOX_WINDOW (self), FALSE);
  return self->loading || self->reload || self->send_cancellable != NULL;
}

guint
settle_outbox_window_get_n_jobs (SettleOutboxWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_OUTBOX_WINDOW (self), 0);
  return self->jobs != NULL ? self->jobs->len : 0;
}

const char *
settle_outbox_window_get_status_text (SettleOutboxWindow *self,
                                      guint               index)
{
  GtkListBoxRow *row;
  GtkLabel *pill;

  g_return_val_if_fail (SETTLE_IS_OUTBOX_WINDOW (self), NULL);

  row = gtk_list_box_get_row_at_index (self->jobs_list, index);
  pill = row != NULL ? g_object_get_data (G_OBJECT (row), "settle-status") : NULL;
  return pill != NULL ? gtk_label_get_text (pill) : NULL;
}

const char *
settle_outbox_window_get_details (SettleOutboxWindow *self,
                                  guint               index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SETTLE_IS_OUTBOX_WINDOW (self), NULL);

  row = gtk_list_box_get_row_at_index (self->jobs_list, index);
  return row != NULL ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

gboolean
settle_outbox_window_get_configured (SettleOutboxWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_OUTBOX_WINDOW (self), FALSE);
  return self->configured;
}

const char *
settle_outbox_window_get_error (SettleOutboxWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_OUTBOX_WINDOW (self), NULL);
  return self->error;
}
