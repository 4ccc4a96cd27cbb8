/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-dunning-dialog.h"
#include "settle-payment-actions.h"
#include "settle-dunning.h"
#include "settle-format.h"

/* A plan of thousands of reminders is summarised; listing them all would only make
 * the dialog slow to open. */
#define MAX_ROWS 200

struct _SettleDunningDialog
{
  AdwWindow                 parent_instance;

  SettleWindow             *window;
  SettleBook               *book;
  SettleDunningDialogState  state;
  GDate                     date;
  guint                     generation;   /* drops plans of an older date */
  gboolean                  previewing;
  SettleDunningPlan        *plan;
  GCancellable             *cancellable;  /* the run */
  char                     *summary;
  char                     *error;

  GtkButton                *cancel_button;
  GtkButton                *run_button;
  GtkStack                 *stack;
  AdwEntryRow              *date_row;
  GtkLabel                 *summary_label;
  GtkSpinner               *spinner;
  GtkLabel                 *error_label;
  GtkListBox               *items_list;
  GtkProgressBar           *progress_bar;
  AdwStatusPage            *done_page;
};

G_DEFINE_FINAL_TYPE (SettleDunningDialog, settle_dunning_dialog, ADW_TYPE_WINDOW)

static void
set_summary (SettleDunningDialog *self,
             const char          *text)
{
  g_free (self->summary);
  self->summary = g_strdup (text);
  gtk_label_set_text (self->summary_label, text != NULL ? text : "");
}

static void
set_error (SettleDunningDialog *self,
           const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (SettleDunningDialog *self,
          gboolean             previewing)
{
  self->previewing = previewing;
  gtk_spinner_set_spinning (self->spinner, previewing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), previewing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button),
                            !previewing && self->state == SETTLE_DUNNING_DIALOG_PREVIEW
                            && self->plan != NULL && self->plan->items->len > 0);
}

static void
set_state (SettleDunningDialog      *self,
           SettleDunningDialogState  state)
{
  static const char * const pages[] = { "preview", "running", "done" };

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, pages[state]);
  gtk_widget_set_visible (GTK_WIDGET (self->run_button), state == SETTLE_DUNNING_DIALOG_PREVIEW);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_button_set_label (self->cancel_button,
                        state == SETTLE_DUNNING_DIALOG_DONE ? _("_Close") : _("_Cancel"));
  set_busy (self, self->previewing);
}

/* ---- preview ------------------------------------------------------------------- */

static char *
item_subtitle (const SettleDunningItem *item,
               const GDate             *as_of)
{
  GString *text = g_string_new (NULL);
  int overdue = (int) g_date_get_julian (as_of) - (int) g_date_get_julian (&item->due_date);

  if (item->step == SETTLE_DUNNING_STEP_NONE)
    g_string_append (text, _("Late fee only"));
  else
    /* Translators: a ladder step: its number, its template and how it goes out:
     * "Step 4: firm (Email)". */
    g_string_append_printf (text, _("Step %d: %s (%s)"), item->step + 1,
                            item->template_id != NULL ? item->template_id : "",
                            settle_dunning_channel_label (item->channel));
  if (item->instalment > 0)
    g_string_append_printf (text, " · %s", _("instalment"));
  if (overdue > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%d day overdue", "%d days overdue", overdue), overdue);
    }
  if (item->fees != NULL && item->fees->len > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u late fee", "%u late fees", item->fees->len),
                              item->fees->len);
    }
  if (item->action == SETTLE_DUNNING_ACTION_HOLD)
    g_string_append_printf (text, " · %s", _("account hold"));
  else if (item->action == SETTLE_DUNNING_ACTION_COLLECTIONS)
    g_string_append_printf (text, " · %s", _("hand to collections"));
  if (item->step != SETTLE_DUNNING_STEP_NONE && item->channel == SETTLE_DUNNING_CHANNEL_EMAIL
      && !item->has_email)
    g_string_append_printf (text, " · %s", _("no billing email"));
  return g_string_free (text, FALSE);
}

static GtkWidget *
item_row_new (const SettleDunningItem *item,
              const GDate             *as_of)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = item_subtitle (item, as_of);
  g_autofree char *amount = settle_format_money (item->amount_due, item->currency);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  /* Translators: a client, then the invoice reminded: "Acme Ltd — INV-000123". */
  title = g_strdup_printf (_("%s — %s"), item->client_name,
                           item->invoice_number != NULL ? item->invoice_number : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  label = gtk_label_new (amount);
  gtk_widget_add_css_class (label, "money");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  if (item->action == SETTLE_DUNNING_ACTION_HOLD)
    {
      GtkWidget *pill = gtk_label_new (_("Hold"));

      gtk_widget_add_css_class (pill, "status-pill");
      gtk_widget_add_css_class (pill, "warning");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
    }
  return row;
}

static void
show_plan (SettleDunningDialog *self)
{
  GtkWidget *child;
  const SettleDunningPlan *plan = self->plan;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->items_list), plan != NULL && plan->items->len > 0);
  if (plan == NULL)
    return;

  {
    g_autofree char *described = settle_dunning_plan_describe (plan);

    set_summary (self, described);
  }
  for (guint i = 0; i < plan->items->len && i < MAX_ROWS; i++)
    gtk_list_box_append (self->items_list,
                         item_row_new (g_ptr_array_index (plan->items, i), &plan->as_of));
  if (plan->items->len > MAX_ROWS)
    {
      /* Translators: the preview lists the first 200 items only. */
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more", "And %u more",
                                                         plan->items->len - MAX_ROWS),
                                               plan->items->len - MAX_ROWS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_append (self->items_list, row);
    }
}

typedef struct
{
  SettleDunningDialog *self;
  guint                generation;
} PreviewRequest;

static void
preview_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PreviewRequest *request = user_data;
  g_autoptr(SettleDunningDialog) self = request->self;
  g_autoptr(GError) error = NULL;
  SettleDunningPlan *plan;
  guint generation = request->generation;

  g_free (request);
  plan = settle_dunning_plan_finish (self->book, result, &error);
  if (generation != self->generation || self->book == NULL)
    {
      g_clear_pointer (&plan, settle_dunning_plan_free);
      return;
    }
  g_clear_pointer (&self->plan, settle_dunning_plan_free);
  self->plan = plan;
  if (plan == NULL)
    {
      set_summary (self, _("Cannot preview the run"));
      set_error (self, error->message);
    }
  show_plan (self);
  set_busy (self, FALSE);
}

static void
start_preview (SettleDunningDialog *self)
{
  PreviewRequest *request;

  self->generation++;
  g_clear_pointer (&self->plan, settle_dunning_plan_free);
  show_plan (self);
  set_error (self, NULL);
  set_summary (self, _("Looking for reminders that are due…"));
  set_busy (self, TRUE);
  /* Only the newest request's answer is shown (see preview_done). */
  request = g_new0 (PreviewRequest, 1);
  request->self = g_object_ref (self);
  request->generation = self->generation;
  settle_dunning_plan_async (self->book, &self->date, NULL, preview_done, request);
}

static void
date_changed_cb (SettleDunningDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  GDate date;

  if (self->book == NULL || self->state != SETTLE_DUNNING_DIALOG_PREVIEW)
    return;
  if (!settle_date_parse (text, &date))
    {
      self->generation++;
      g_clear_pointer (&self->plan, settle_dunning_plan_free);
      show_plan (self);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      set_summary (self, NULL);
      set_error (self, _("Date: enter a date as YYYY-MM-DD, like 2025-07-01"));
      set_busy (self, FALSE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  if (g_date_valid (&self->date) && g_date_compare (&date, &self->date) == 0 && self->plan != NULL)
    return;
  self->date = date;
  start_preview (self);
}

void
settle_dunning_dialog_set_date (SettleDunningDialog *self,
                                const GDate         *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SETTLE_IS_DUNNING_DIALOG (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  text = settle_date_to_iso (date);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->date_row))) == 0)
    {
      g_date_clear (&self->date, 1);
      date_changed_cb (self);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

/* ---- the run --------------------------------------------------------------------- */

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  SettleDunningDialog *self = user_data;
  g_autofree char *text = NULL;

  if (self->state != SETTLE_DUNNING_DIALOG_RUNNING)
    return;
  /* Translators: run progress, "120 of 420". */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
}

static char *
describe_result (const SettleDunningResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);

  if (result->n_emails > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u email queued in the Outbox",
                                                       "%u emails queued in the Outbox",
                                                       result->n_emails), result->n_emails));
  if (result->n_fees > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u late fee invoiced",
                                                       "%u late fees invoiced",
                                                       result->n_fees), result->n_fees));
  if (result->n_holds > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u account put on hold",
                                                       "%u accounts put on hold",
                                                       result->n_holds), result->n_holds));
  if (result->n_packets > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u hand-over to collections",
                                                       "%u hand-overs to collections",
                                                       result->n_packets), result->n_packets));
  if (result->n_skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u already done by another run",
                                                       "%u already done by another run",
                                                       result->n_skipped), result->n_skipped));
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: separates the parts of the run's outcome. */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  if (parts->len > 0)
    g_string_append (text, ".");
  return g_string_free (text, FALSE);
}

static void
run_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SettleDunningDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *outcome = NULL;
  SettleDunningResult dunning = { 0 };
  gboolean ok;

  g_clear_object (&self->cancellable);
  ok = settle_dunning_run_finish (self->book, result, &dunning, &error);
  if (self->book != NULL)
    settle_book_notify_changed (self->book);
  /* Collections hand-overs: their packets (PDFs) are drawn in a worker. */
  if (ok && self->book != NULL)
    settle_payment_actions_write_packets (self->book, GTK_WINDOW (self->window));

  if (!ok && g_error_matches (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED))
    {
      /* Nothing was done: back to the preview, saying why. */
      g_autofree char *message =
        g_strdup_printf ("%s. %s", error->message,
                         _("Another run (a billing or reminder run, in another window or "
                           "settle-cli) is writing to this book. Wait for it to finish, then "
                           "run again."));

      set_state (self, SETTLE_DUNNING_DIALOG_PREVIEW);
      set_error (self, message);
      return;
    }

  outcome = describe_result (&dunning);
  title = g_strdup_printf (ngettext ("%u invoice reminded", "%u invoices reminded", dunning.n_items),
                           dunning.n_items);
  if (ok)
    description = g_strdup (outcome);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: %s is what was done before the run was cancelled. */
    description = g_strdup_printf (_("The run was cancelled. %s What was done is kept; running "
                                     "again does the rest."), outcome);
  else
    /* Translators: the error, then what was done before it. */
    description = g_strdup_printf (_("%s. %s What was done before the problem is kept; running "
                                     "again does the rest."), error->message, outcome);

  set_summary (self, title);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, description);
  adw_status_page_set_icon_name (self->done_page, ok ? "object-select-symbolic"
                                                     : "dialog-warning-symbolic");
  set_state (self, SETTLE_DUNNING_DIALOG_DONE);

  if (self->window != NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      if (!ok)
        adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      settle_window_add_toast (self->window, toast);
    }
}

void
settle_dunning_dialog_run (SettleDunningDialog *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SETTLE_IS_DUNNING_DIALOG (self));

  if (self->state != SETTLE_DUNNING_DIALOG_PREVIEW || self->previewing || self->plan == NULL
      || self->plan->items->len == 0)
    return;

  set_error (self, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  /* Translators: run progress before the first item. */
  text = g_strdup_printf (_("%u of %u"), 0, self->plan->items->len);
  gtk_progress_bar_set_text (self->progress_bar, text);
  set_state (self, SETTLE_DUNNING_DIALOG_RUNNING);
  self->cancellable = g_cancellable_new ();
  settle_dunning_run_async (self->book, &self->date, progress_cb, self, self->cancellable,
                            run_done, g_object_ref (self));
}

static void
run_clicked_cb (SettleDunningDialog *self)
{
  settle_dunning_dialog_run (self);
}

static void
cancel_clicked_cb (SettleDunningDialog *self)
{
  if (self->state == SETTLE_DUNNING_DIALOG_RUNNING)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
      gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (SettleDunningDialog *self)
{
  /* A run in progress is cancelled, not abandoned. */
  if (self->state == SETTLE_DUNNING_DIALOG_RUNNING)
    {
      cancel_clicked_cb (self);
      return TRUE;
    }
  return FALSE;
}

/* ---- the type -------------------------------------------------------------------- */

static void
settle_dunning_dialog_dispose (GObject *object)
{
  SettleDunningDialog *self = SETTLE_DUNNING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_DUNNING_DIALOG);

  G_OBJECT_CLASS (settle_dunning_dialog_parent_class)->dispose (object);
}

static void
settle_dunning_dialog_finalize (GObject *object)
{
  SettleDunningDialog *self = SETTLE_DUNNING_DIALOG (object);

  g_clear_object (&self->window);
  g_clear_object (&self->book);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->plan, settle_dunning_plan_free);
  g_free (self->summary);
  g_free (self->error);

  G_OBJECT_CLASS (settle_dunning_dialog_parent_class)->finalize (object);
}

static void
settle_dunning_dialog_class_init (SettleDunningDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_dunning_dialog_dispose;
  object_class->finalize = settle_dunning_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-dunning-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, run_button);
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, items_list);
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SettleDunningDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_dunning_dialog_init (SettleDunningDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

SettleDunningDialog *
settle_dunning_dialog_new (SettleWindow *window)
{
  SettleDunningDialog *self;
  GDate today;

  g_return_val_if_fail (SETTLE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (settle_window_get_book (window) != NULL, NULL);

  self = g_object_new (SETTLE_TYPE_DUNNING_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->book = g_object_ref (settle_window_get_book (window));
  set_state (self, SETTLE_DUNNING_DIALOG_PREVIEW);
  settle_today (&today);
  settle_dunning_dialog_set_date (self, &today);
  return self;
}

SettleDunningDialogState
settle_dunning_dialog_get_state (SettleDunningDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_DUNNING_DIALOG (self), SETTLE_DUNNING_DIALOG_PREVIEW);
  return self->state;
}

gboolean
settle_dunning_dialog_get_busy (SettleDunningDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_DUNNING_DIALOG (self), FALSE);
  return self->previewing || self->state == SETTLE_DUNNING_DIALOG_RUNNING;
}

const char *
settle_dunning_dialog_get_summary (SettleDunningDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_DUNNING_DIALOG (self), NULL);
  return self->summary;
}

const char *
settle_dunning_dialog_get_error (SettleDunningDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_DUNNING_DIALOG (self), NULL);
  return self->error;
}

guint
settle_dunning_dialog_get_n_items (SettleDunningDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_DUNNING_DIALOG (self), 0);
  return self->plan != NULL ? self->plan->items->len : 0;
}
