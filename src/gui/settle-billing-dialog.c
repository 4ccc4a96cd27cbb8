/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-billing-dialog.h"
#include "settle-billing.h"
#include "settle-format.h"

/* A preview of 10,000 agreements is summarised; listing them all would only
 * make the dialog slow to open. */
#define MAX_ROWS 200

struct _SettleBillingDialog
{
  AdwWindow                 parent_instance;

  SettleWindow             *window;
  SettleBook               *book;
  SettleBillingDialogState  state;
  GDate                     date;
  guint                     generation;   /* drops previews of an older date */
  gboolean                  previewing;
  SettleBillingPlan        *plan;
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

G_DEFINE_FINAL_TYPE (SettleBillingDialog, settle_billing_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STATE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_summary (SettleBillingDialog *self,
             const char          *text)
{
  g_free (self->summary);
  self->summary = g_strdup (text);
  gtk_label_set_text (self->summary_label, text != NULL ? text : "");
}

static void
set_error (SettleBillingDialog *self,
           const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (SettleBillingDialog *self,
          gboolean             previewing)
{
  self->previewing = previewing;
  gtk_spinner_set_spinning (self->spinner, previewing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), previewing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button),
                            !previewing && self->state == SETTLE_BILLING_DIALOG_PREVIEW
                            && self->plan != NULL && self->plan->items->len > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_state (SettleBillingDialog      *self,
           SettleBillingDialogState  state)
{
  static const char * const pages[] = { "preview", "running", "done" };

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, pages[state]);
  gtk_widget_set_visible (GTK_WIDGET (self->run_button), state == SETTLE_BILLING_DIALOG_PREVIEW);
  gtk_button_set_label (self->cancel_button,
                        state == SETTLE_BILLING_DIALOG_DONE ? _("_Close") : _("_Cancel"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  set_busy (self, self->previewing);
}

/* ---- preview ------------------------------------------------------------------- */

static GtkWidget *
item_row_new (const SettleBillingItem *item)
{
  g_autofree char *title = NULL;
  g_autofree char *start = settle_format_date (&item->period_start);
  g_autofree char *end = settle_format_date (&item->period_end);
  g_autofree char *period = NULL;
  g_autofree char *amount = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  /* Translators: a client, then the agreement billed: "Acme Ltd — Managed services". */
  title = g_strdup_printf (_("%s — %s"), item->client_name, item->agreement_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (item->n_lines == 0)
    /* Translators: a billing period with nothing to bill; %s–%s are its dates. */
    period = g_strdup_printf (_("%s – %s, nothing to bill"), start, end);
  else
    /* Translators: a billing period, "Jul 1, 2025 – Jul 31, 2025". */
    period = g_strdup_printf (_("%s – %s"), start, end);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), period);

  amount = settle_format_money (item->total, item->currency);
  label = gtk_label_new (amount);
  gtk_widget_add_css_class (label, "money");
  if (item->n_lines == 0)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
show_plan (SettleBillingDialog *self)
{
  GtkWidget *child;
  g_autofree char *date = settle_format_date (&self->date);
  const SettleBillingPlan *plan = self->plan;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->items_list), plan != NULL && plan->items->len > 0);
  if (plan == NULL)
    return;

  if (plan->items->len == 0)
    {
      /* Translators: %s is the date of the run. */
      g_autofree char *text = g_strdup_printf (_("Nothing to bill as of %s"), date);

      set_summary (self, text);
      return;
    }
  {
    g_autofree char *described = settle_billing_plan_describe (plan);

    set_summary (self, described);
  }
  for (guint i = 0; i < plan->items->len && i < MAX_ROWS; i++)
    gtk_list_box_append (self->items_list, item_row_new (g_ptr_array_index (plan->items, i)));
  if (plan->items->len > MAX_ROWS)
    {
      /* Translators: the preview lists the first 200 periods only. */
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
  SettleBook *book;
  GDate       date;
} PreviewData;

static void
preview_data_free (PreviewData *data)
{
  g_clear_object (&data->book);
  g_free (data);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewData *data = task_data;
  g_autoptr(SettleBook) conn = NULL;
  SettleBillingPlan *plan = NULL;
  GError *error = NULL;

  conn = settle_book_open_worker (data->book, &error);
  if (conn != NULL)
    plan = settle_billing_plan (conn, &data->date, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) settle_billing_plan_free);
}

static void
preview_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SettleBillingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  SettleBillingPlan *plan;
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "settle-generation"));

  plan = g_task_propagate_pointer (G_TASK (result), &error);
  if (generation != self->generation || self->book == NULL)
    {
      g_clear_pointer (&plan, settle_billing_plan_free);
      return;
    }
  g_clear_pointer (&self->plan, settle_billing_plan_free);
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
start_preview (SettleBillingDialog *self)
{
  g_autoptr(GTask) task = NULL;
  PreviewData *data;

  self->generation++;
  g_clear_pointer (&self->plan, settle_billing_plan_free);
  show_plan (self);
  set_error (self, NULL);
  set_summary (self, _("Looking for periods to bill…"));
  set_busy (self, TRUE);

  data = g_new0 (PreviewData, 1);
  data->book = g_object_ref (self->book);
  data->date = self->date;
  task = g_task_new (NULL, NULL, preview_done, g_object_ref (self));
  g_task_set_source_tag (task, start_preview);
  g_task_set_task_data (task, data, (GDestroyNotify) preview_data_free);
  g_object_set_data (G_OBJECT (task), "settle-generation", GUINT_TO_POINTER (self->generation));
  g_task_run_in_thread (task, preview_thread);
}

static void
date_changed_cb (SettleBillingDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  GDate date;

  if (self->book == NULL || self->state != SETTLE_BILLING_DIALOG_PREVIEW)
    return;
  if (!settle_date_parse (text, &date))
    {
      /* Nothing runs on a date that is not one. */
      self->generation++;
      g_clear_pointer (&self->plan, settle_billing_plan_free);
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
settle_billing_dialog_set_date (SettleBillingDialog *self,
                                const GDate         *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SETTLE_IS_BILLING_DIALOG (self));
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
  SettleBillingDialog *self = user_data;
  g_autofree char *text = NULL;

  if (self->state != SETTLE_BILLING_DIALOG_RUNNING)
    return;
  /* Translators: billing progress, "120 of 420". */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
}

static void
run_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SettleBillingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  SettleBillingResult billing = { 0 };
  gboolean ok;

  g_clear_object (&self->cancellable);
  ok = settle_billing_run_finish (self->book, result, &billing, &error);
  if (self->book != NULL)
    settle_book_notify_changed (self->book);

  if (!ok && g_error_matches (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED))
    {
      /* Nothing was made: back to the preview, saying why. */
      g_autofree char *message =
        g_strdup_printf ("%s. %s", error->message,
                         _("Wait for the other run (another window or settle-cli) to finish, then "
                           "run again."));

      set_state (self, SETTLE_BILLING_DIALOG_PREVIEW);
      set_error (self, message);
      return;
    }

  if (ok || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      title = g_strdup_printf (ngettext ("%u invoice made", "%u invoices made", billing.n_created),
                               billing.n_created);
      if (!ok)
        description = g_strdup (_("Billing was cancelled. The invoices made so far are kept; "
                                  "running again makes the rest."));
      else if (billing.n_skipped == 0)
        /* Translators: after a billing run; the rest were left as drafts. */
        description = g_strdup_printf (ngettext ("%u issued, the others left as drafts to check.",
                                                 "%u issued, the others left as drafts to check.",
                                                 billing.n_issued),
                                       billing.n_issued);
      else
        /* Translators: after a billing run. */
        description = g_strdup_printf (ngettext ("%u issued. %u period had nothing to bill.",
                                                 "%u issued. %u periods had nothing to bill.",
                                                 billing.n_skipped),
                                       billing.n_issued, billing.n_skipped);
      if (ok && billing.n_skipped == 0 && billing.n_issued == billing.n_created)
        {
          g_free (description);
          description = g_strdup (ngettext ("It is issued and in the invoice list.",
                                            "They are issued and in the invoice list.",
                                            billing.n_created));
        }
    }
  else
    {
      title = g_strdup (_("Billing Stopped"));
      /* Translators: why the run stopped; the invoices made before stay. */
      description = g_strdup_printf (_("%s. The invoices made before the problem are kept; "
                                       "running again makes the rest."), error->message);
    }

  set_summary (self, title);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, description);
  adw_status_page_set_icon_name (self->done_page, ok ? "object-select-symbolic"
                                                     : "dialog-warning-symbolic");
  set_state (self, SETTLE_BILLING_DIALOG_DONE);

  if (self->window != NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      if (!ok)
        adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      settle_window_add_toast (self->window, toast);
    }
}

void
settle_billing_dialog_run (SettleBillingDialog *self)
{
  g_return_if_fail (SETTLE_IS_BILLING_DIALOG (self));

  if (self->state != SETTLE_BILLING_DIALOG_PREVIEW || self->previewing || self->plan == NULL
      || self->plan->items->len == 0)
    return;

  set_error (self, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  {
    /* Translators: billing progress before the first invoice. */
    g_autofree char *text = g_strdup_printf (_("%u of %u"), 0, self->plan->items->len);

    gtk_progress_bar_set_text (self->progress_bar, text);
  }
  set_state (self, SETTLE_BILLING_DIALOG_RUNNING);
  self->cancellable = g_cancellable_new ();
  settle_billing_run_async (self->book, &self->date, progress_cb, self, self->cancellable,
                            run_done, g_object_ref (self));
}

static void
run_clicked_cb (SettleBillingDialog *self)
{
  settle_billing_dialog_run (self);
}

static void
cancel_clicked_cb (SettleBillingDialog *self)
{
  if (self->state == SETTLE_BILLING_DIALOG_RUNNING)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
      gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (SettleBillingDialog *self)
{
  /* A run in progress is cancelled, not abandoned: the window closes when it has
   * stopped. */
  if (self->state == SETTLE_BILLING_DIALOG_RUNNING)
    {
      cancel_clicked_cb (self);
      return TRUE;
    }
  return FALSE;
}

/* ---- the type -------------------------------------------------------------------- */

static void
settle_billing_dialog_dispose (GObject *object)
{
  SettleBillingDialog *self = SETTLE_BILLING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_BILLING_DIALOG);

  G_OBJECT_CLASS (settle_billing_dialog_parent_class)->dispose (object);
}

static void
settle_billing_dialog_finalize (GObject *object)
{
  SettleBillingDialog *self = SETTLE_BILLING_DIALOG (object);

  g_clear_object (&self->window);
  g_clear_object (&self->book);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->plan, settle_billing_plan_free);
  g_free (self->summary);
  g_free (self->error);

  G_OBJECT_CLASS (settle_billing_dialog_parent_class)->finalize (object);
}

static void
settle_billing_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SettleBillingDialog *self = SETTLE_BILLING_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, settle_billing_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_billing_dialog_class_init (SettleBillingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_billing_dialog_dispose;
  object_class->finalize = settle_billing_dialog_finalize;
  object_class->get_property = settle_billing_dialog_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, SETTLE_BILLING_DIALOG_PREVIEW, SETTLE_BILLING_DIALOG_DONE,
                      SETTLE_BILLING_DIALOG_PREVIEW,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-billing-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, run_button);
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, items_list);
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SettleBillingDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_billing_dialog_init (SettleBillingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

SettleBillingDialog *
settle_billing_dialog_new (SettleWindow *window)
{
  SettleBillingDialog *self;
  GDate today;

  g_return_val_if_fail (SETTLE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (settle_window_get_book (window) != NULL, NULL);

  self = g_object_new (SETTLE_TYPE_BILLING_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->book = g_object_ref (settle_window_get_book (window));
  set_state (self, SETTLE_BILLING_DIALOG_PREVIEW);
  settle_today (&today);
  settle_billing_dialog_set_date (self, &today);
  return self;
}

SettleBillingDialogState
settle_billing_dialog_get_state (SettleBillingDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_BILLING_DIALOG (self), SETTLE_BILLING_DIALOG_PREVIEW);
  return self->state;
}

gboolean
settle_billing_dialog_get_busy (SettleBillingDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_BILLING_DIALOG (self), FALSE);
  return self->previewing || self->state == SETTLE_BILLING_DIALOG_RUNNING;
}

const char *
settle_billing_dialog_get_summary (SettleBillingDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_BILLING_DIALOG (self), NULL);
  return self->summary;
}

const char *
settle_billing_dialog_get_error (SettleBillingDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_BILLING_DIALOG (self), NULL);
  return self->error;
}

guint
settle_billing_dialog_get_n_items (SettleBillingDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_BILLING_DIALOG (self), 0);
  return self->plan != NULL ? self->plan->items->len : 0;
}
