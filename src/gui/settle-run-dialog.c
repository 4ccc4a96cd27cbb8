/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-run-dialog.h"
#include "settle-format.h"

/* A plan of thousands of items is summarised; listing them all would only make the
 * dialog slow to open. */
#define MAX_ROWS 200

typedef struct
{
  const SettleRunDialogKind *kind;
  SettleWindow              *window;
  SettleBook                *book;
  SettleRunDialogState       state;
  GDate                      date;
  guint                      generation;   /* drops plans of an older date */
  gboolean                   previewing;
  gpointer                   plan;
  GCancellable              *cancellable;  /* the run */
  char                      *summary;
  char                      *error;

  GtkButton                 *cancel_button;
  GtkButton                 *run_button;
  GtkStack                  *stack;
  AdwEntryRow               *date_row;
  GtkLabel                  *summary_label;
  GtkSpinner                *spinner;
  GtkLabel                  *error_label;
  GtkListBox                *items_list;
  GtkProgressBar            *progress_bar;
  AdwStatusPage             *done_page;
} SettleRunDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SettleRunDialog, settle_run_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STATE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
plan_n_items (SettleRunDialogPrivate *priv)
{
  return priv->plan != NULL ? priv->kind->plan_items (priv->plan)->len : 0;
}

static void
clear_plan (SettleRunDialogPrivate *priv)
{
  if (priv->plan != NULL)
    priv->kind->plan_free (g_steal_pointer (&priv->plan));
}

static void
set_summary (SettleRunDialog *self,
             const char      *text)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_free (priv->summary);
  priv->summary = g_strdup (text);
  gtk_label_set_text (priv->summary_label, text != NULL ? text : "");
}

static void
set_error (SettleRunDialog *self,
           const char      *message)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_free (priv->error);
  priv->error = g_strdup (message);
  gtk_label_set_text (priv->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), message != NULL);
}

static void
set_busy (SettleRunDialog *self,
          gboolean         previewing)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  priv->previewing = previewing;
  gtk_spinner_set_spinning (priv->spinner, previewing);
  gtk_widget_set_visible (GTK_WIDGET (priv->spinner), previewing);
  gtk_widget_set_sensitive (GTK_WIDGET (priv->run_button),
                            !previewing && priv->state == SETTLE_RUN_DIALOG_PREVIEW
                            && plan_n_items (priv) > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_state (SettleRunDialog      *self,
           SettleRunDialogState  state)
{
  static const char * const pages[] = { "preview", "running", "done" };
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  priv->state = state;
  gtk_stack_set_visible_child_name (priv->stack, pages[state]);
  gtk_widget_set_visible (GTK_WIDGET (priv->run_button), state == SETTLE_RUN_DIALOG_PREVIEW);
  gtk_widget_set_sensitive (GTK_WIDGET (priv->cancel_button), TRUE);
  gtk_button_set_label (priv->cancel_button,
                        state == SETTLE_RUN_DIALOG_DONE ? _("_Close") : _("_Cancel"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  set_busy (self, priv->previewing);
}

/* ---- preview ------------------------------------------------------------------- */

static void
show_plan (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);
  g_autofree char *described = NULL;
  GtkWidget *child;
  GPtrArray *items;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (priv->items_list))) != NULL)
    gtk_list_box_remove (priv->items_list, child);
  gtk_widget_set_visible (GTK_WIDGET (priv->items_list), plan_n_items (priv) > 0);
  if (priv->plan == NULL)
    return;

  described = priv->kind->plan_describe (self, priv->plan);
  set_summary (self, described);
  items = priv->kind->plan_items (priv->plan);
  for (guint i = 0; i < items->len && i < MAX_ROWS; i++)
    gtk_list_box_append (priv->items_list,
                         priv->kind->item_row_new (priv->plan, g_ptr_array_index (items, i)));
  if (items->len > MAX_ROWS)
    {
      /* Translators: the preview lists the first 200 items only. */
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more", "And %u more",
                                                         items->len - MAX_ROWS),
                                               items->len - MAX_ROWS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_append (priv->items_list, row);
    }
}

typedef struct
{
  SettleRunDialog *self;
  guint            generation;
} PreviewRequest;

static void
preview_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PreviewRequest *request = user_data;
  g_autoptr(SettleRunDialog) self = request->self;
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gpointer plan;
  guint generation = request->generation;

  g_free (request);
  plan = priv->kind->plan_finish (SETTLE_BOOK (source_object), result, &error);
  if (generation != priv->generation || priv->book == NULL)
    {
      if (plan != NULL)
        priv->kind->plan_free (plan);
      return;
    }
  clear_plan (priv);
  priv->plan = plan;
  if (plan == NULL)
    {
      set_summary (self, _("Cannot preview the run"));
      set_error (self, error->message);
    }
  show_plan (self);
  set_busy (self, FALSE);
}

static void
start_preview (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);
  PreviewRequest *request;

  priv->generation++;
  clear_plan (priv);
  show_plan (self);
  set_error (self, NULL);
  set_summary (self, _(priv->kind->looking));
  set_busy (self, TRUE);
  /* Only the newest request's answer is shown (see preview_done). */
  request = g_new0 (PreviewRequest, 1);
  request->self = g_object_ref (self);
  request->generation = priv->generation;
  priv->kind->plan_async (priv->book, &priv->date, NULL, preview_done, request);
}

static void
date_changed_cb (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (priv->date_row))));
  GDate date;

  if (priv->book == NULL || priv->state != SETTLE_RUN_DIALOG_PREVIEW)
    return;
  if (!settle_date_parse (text, &date))
    {
      /* Nothing runs on a date that is not one. */
      priv->generation++;
      clear_plan (priv);
      show_plan (self);
      gtk_widget_add_css_class (GTK_WIDGET (priv->date_row), "error");
      set_summary (self, NULL);
      set_error (self, _("Date: enter a date as YYYY-MM-DD, like 2025-07-01"));
      set_busy (self, FALSE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (priv->date_row), "error");
  if (g_date_valid (&priv->date) && g_date_compare (&date, &priv->date) == 0 && priv->plan != NULL)
    return;
  priv->date = date;
  start_preview (self);
}

void
settle_run_dialog_set_date (SettleRunDialog *self,
                            const GDate     *date)
{
  SettleRunDialogPrivate *priv;
  g_autofree char *text = NULL;

  g_return_if_fail (SETTLE_IS_RUN_DIALOG (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  priv = settle_run_dialog_get_instance_private (self);
  text = settle_date_to_iso (date);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (priv->date_row))) == 0)
    {
      g_date_clear (&priv->date, 1);
      date_changed_cb (self);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (priv->date_row), text);
}

/* ---- the run --------------------------------------------------------------------- */

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  SettleRunDialog *self = user_data;
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);
  g_autofree char *text = NULL;

  if (priv->state != SETTLE_RUN_DIALOG_RUNNING)
    return;
  /* Translators: run progress, "120 of 420". */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (priv->progress_bar, text);
  gtk_progress_bar_set_fraction (priv->progress_bar, total > 0 ? (double) done / total : 1.0);
}

static void
run_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SettleRunDialog) self = user_data;
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_clear_object (&priv->cancellable);
  ok = priv->kind->run_finish (self, result, &title, &description, &error);
  settle_book_notify_changed (priv->book);

  if (!ok && g_error_matches (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED))
    {
      /* Nothing was done: back to the preview, saying why. */
      g_autofree char *message = g_strdup_printf ("%s. %s", error->message,
                                                  _(priv->kind->locked_hint));

      set_state (self, SETTLE_RUN_DIALOG_PREVIEW);
      set_error (self, message);
      return;
    }

  set_summary (self, title);
  adw_status_page_set_title (priv->done_page, title);
  adw_status_page_set_description (priv->done_page, description);
  adw_status_page_set_icon_name (priv->done_page, ok ? "object-select-symbolic"
                                                     : "dialog-warning-symbolic");
  set_state (self, SETTLE_RUN_DIALOG_DONE);

  if (priv->window != NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      if (!ok)
        adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      settle_window_add_toast (priv->window, toast);
    }
}

void
settle_run_dialog_run (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv;
  g_autofree char *text = NULL;

  g_return_if_fail (SETTLE_IS_RUN_DIALOG (self));

  priv = settle_run_dialog_get_instance_private (self);
  if (priv->state != SETTLE_RUN_DIALOG_PREVIEW || priv->previewing || plan_n_items (priv) == 0)
    return;

  set_error (self, NULL);
  gtk_progress_bar_set_fraction (priv->progress_bar, 0);
  /* Translators: run progress before the first item. */
  text = g_strdup_printf (_("%u of %u"), 0, plan_n_items (priv));
  gtk_progress_bar_set_text (priv->progress_bar, text);
  set_state (self, SETTLE_RUN_DIALOG_RUNNING);
  priv->cancellable = g_cancellable_new ();
  priv->kind->run_async (priv->book, &priv->date, progress_cb, self, priv->cancellable,
                         run_done, g_object_ref (self));
}

static void
run_clicked_cb (SettleRunDialog *self)
{
  settle_run_dialog_run (self);
}

static void
cancel_clicked_cb (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  if (priv->state == SETTLE_RUN_DIALOG_RUNNING)
    {
      g_cancellable_cancel (priv->cancellable);
      gtk_widget_set_sensitive (GTK_WIDGET (priv->cancel_button), FALSE);
      gtk_progress_bar_set_text (priv->progress_bar, _("Cancelling…"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  /* A run in progress is cancelled, not abandoned: the window closes when it has
   * stopped. */
  if (priv->state == SETTLE_RUN_DIALOG_RUNNING)
    {
      cancel_clicked_cb (self);
      return TRUE;
    }
  return FALSE;
}

/* ---- the type -------------------------------------------------------------------- */

static void
settle_run_dialog_dispose (GObject *object)
{
  SettleRunDialog *self = SETTLE_RUN_DIALOG (object);
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  /* The template is the subclass's (settle_run_dialog_class_set_template). */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  G_OBJECT_CLASS (settle_run_dialog_parent_class)->dispose (object);
}

static void
settle_run_dialog_finalize (GObject *object)
{
  SettleRunDialog *self = SETTLE_RUN_DIALOG (object);
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_clear_object (&priv->window);
  g_clear_object (&priv->book);
  g_clear_object (&priv->cancellable);
  clear_plan (priv);
  g_free (priv->summary);
  g_free (priv->error);

  G_OBJECT_CLASS (settle_run_dialog_parent_class)->finalize (object);
}

static void
settle_run_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SettleRunDialog *self = SETTLE_RUN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, settle_run_dialog_get_state (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, settle_run_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_run_dialog_class_init (SettleRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = settle_run_dialog_dispose;
  object_class->finalize = settle_run_dialog_finalize;
  object_class->get_property = settle_run_dialog_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, SETTLE_RUN_DIALOG_PREVIEW, SETTLE_RUN_DIALOG_DONE,
                      SETTLE_RUN_DIALOG_PREVIEW,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
settle_run_dialog_init (SettleRunDialog *self)
{
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

void
settle_run_dialog_class_set_template (GtkWidgetClass *widget_class,
                                      const char     *resource)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), SETTLE_TYPE_RUN_DIALOG));

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, cancel_button);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, run_button);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, stack);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, date_row);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, summary_label);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, spinner);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, items_list);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, progress_bar);
  gtk_widget_class_bind_template_child_private (widget_class, SettleRunDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

void
settle_run_dialog_setup (SettleRunDialog           *self,
                         SettleWindow              *window,
                         const SettleRunDialogKind *kind)
{
  SettleRunDialogPrivate *priv;
  GDate today;

  g_return_if_fail (SETTLE_IS_RUN_DIALOG (self));
  g_return_if_fail (SETTLE_IS_WINDOW (window));
  g_return_if_fail (settle_window_get_book (window) != NULL);
  g_return_if_fail (kind != NULL);

  priv = settle_run_dialog_get_instance_private (self);
  g_return_if_fail (priv->kind == NULL);
  priv->kind = kind;
  priv->window = g_object_ref (window);
  priv->book = g_object_ref (settle_window_get_book (window));
  set_state (self, SETTLE_RUN_DIALOG_PREVIEW);
  settle_today (&today);
  settle_run_dialog_set_date (self, &today);
}

SettleWindow *
settle_run_dialog_get_window (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_return_val_if_fail (SETTLE_IS_RUN_DIALOG (self), NULL);
  return priv->window;
}

SettleBook *
settle_run_dialog_get_book (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_return_val_if_fail (SETTLE_IS_RUN_DIALOG (self), NULL);
  return priv->book;
}

SettleRunDialogState
settle_run_dialog_get_state (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_return_val_if_fail (SETTLE_IS_RUN_DIALOG (self), SETTLE_RUN_DIALOG_PREVIEW);
  return priv->state;
}

gboolean
settle_run_dialog_get_busy (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_return_val_if_fail (SETTLE_IS_RUN_DIALOG (self), FALSE);
  return priv->previewing || priv->state == SETTLE_RUN_DIALOG_RUNNING;
}

const char *
settle_run_dialog_get_summary (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_return_val_if_fail (SETTLE_IS_RUN_DIALOG (self), NULL);
  return priv->summary;
}

const char *
settle_run_dialog_get_error (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_return_val_if_fail (SETTLE_IS_RUN_DIALOG (self), NULL);
  return priv->error;
}

guint
settle_run_dialog_get_n_items (SettleRunDialog *self)
{
  SettleRunDialogPrivate *priv = settle_run_dialog_get_instance_private (self);

  g_return_val_if_fail (SETTLE_IS_RUN_DIALOG (self), 0);
  return plan_n_items (priv);
}
