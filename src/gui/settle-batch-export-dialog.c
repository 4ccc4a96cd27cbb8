/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-batch-export-dialog.h"

struct _SettleBatchExportDialog
{
  AdwWindow                parent_instance;

  SettleWindow            *window;
  char                    *folder;
  GCancellable            *cancellable;
  gboolean                 finished;
  SettleBatchExportResult  result;
  char                    *summary;

  GtkButton               *cancel_button;
  GtkLabel                *folder_label;
  GtkProgressBar          *progress_bar;
};

G_DEFINE_FINAL_TYPE (SettleBatchExportDialog, settle_batch_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  SettleBatchExportDialog *self = user_data;
  g_autofree char *text = NULL;

  if (self->finished)
    return;
  /* Translators: progress of a batch export, "120 of 420". */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
}

static char *
make_summary (SettleBatchExportDialog *self,
              const GError            *error)
{
  const SettleBatchExportResult *r = &self->result;
  g_autofree char *folder = g_filename_display_basename (self->folder);
  g_autofree char *saved = NULL;

  if (error != NULL)
    /* Translators: why a batch export could not start. */
    return g_strdup_printf (_("Cannot export PDFs: %s"), error->message);

  if (r->n_written == 0 && r->n_failed == 0 && !r->cancelled)
    return g_strdup (_("No issued invoices in the list to export"));

  /* Translators: %u is a count, %s the folder's name. */
  saved = g_strdup_printf (ngettext ("%u PDF saved in “%s”", "%u PDFs saved in “%s”",
                                     r->n_written),
                           r->n_written, folder);
  if (r->n_failed > 0)
    /* Translators: "40 PDFs saved in “March”; 2 failed, the first: INV-7: why". */
    return g_strdup_printf (ngettext ("%s; %u failed, the first: %s",
                                      "%s; %u failed, the first: %s", r->n_failed),
                            saved, r->n_failed, r->first_error);
  if (r->cancelled)
    /* Translators: "Export cancelled: 12 PDFs saved in “March”". */
    return g_strdup_printf (_("Export cancelled: %s"), saved);
  return g_steal_pointer (&saved);
}

static void
export_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SettleBatchExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  settle_batch_export_finish (result, &self->result, &error);
  self->summary = make_summary (self, error);
  self->finished = TRUE;

  toast = adw_toast_new (self->summary);
  if (error != NULL || self->result.n_failed > 0)
    {
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  settle_window_add_toast (self->window, toast);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (SettleBatchExportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
}

static gboolean
close_request_cb (SettleBatchExportDialog *self)
{
  /* Closing is cancelling; the window goes when the worker has stopped. */
  if (!self->finished)
    {
      cancel_clicked_cb (self);
      return TRUE;
    }
  return FALSE;
}

static void
settle_batch_export_dialog_dispose (GObject *object)
{
  SettleBatchExportDialog *self = SETTLE_BATCH_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_BATCH_EXPORT_DIALOG);

  G_OBJECT_CLASS (settle_batch_export_dialog_parent_class)->dispose (object);
}

static void
settle_batch_export_dialog_finalize (GObject *object)
{
  SettleBatchExportDialog *self = SETTLE_BATCH_EXPORT_DIALOG (object);

  g_clear_object (&self->window);
  g_clear_object (&self->cancellable);
  g_free (self->folder);
  g_free (self->summary);
  settle_batch_export_result_clear (&self->result);

  G_OBJECT_CLASS (settle_batch_export_dialog_parent_class)->finalize (object);
}

static void
settle_batch_export_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SettleBatchExportDialog *self = SETTLE_BATCH_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_batch_export_dialog_class_init (SettleBatchExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_batch_export_dialog_dispose;
  object_class->finalize = settle_batch_export_dialog_finalize;
  object_class->get_property = settle_batch_export_dialog_get_property;

  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-batch-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleBatchExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SettleBatchExportDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, SettleBatchExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_batch_export_dialog_init (SettleBatchExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

SettleBatchExportDialog *
settle_batch_export_dialog_start (SettleWindow *window,
                                  const char   *folder)
{
  SettleBatchExportDialog *self;
  SettleInvoiceListModel *model;
  SettleInvoiceQuery query = { 0 };
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;
  const char *search;

  g_return_val_if_fail (SETTLE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (settle_window_get_book (window) != NULL, NULL);

  self = g_object_new (SETTLE_TYPE_BATCH_EXPORT_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->folder = g_strdup (folder);

  /* What the list shows is what gets exported, in the same order. */
  model = settle_invoices_view_get_model (settle_window_get_invoices_view (window));
  query.sort = settle_invoice_list_model_get_sort (model, &query.descending);
  search = settle_invoice_list_model_get_search (model);
  query.search = search != NULL && *search != '\0' ? (char *) search : NULL;

  display = g_filename_display_name (folder);
  if (query.search != NULL)
    /* Translators: the search, then the folder. */
    text = g_strdup_printf (_("Saving the invoices matching “%s” in %s"), query.search, display);
  else
    /* Translators: %s is the folder. */
    text = g_strdup_printf (_("Saving every issued invoice in %s"), display);
  gtk_label_set_text (self->folder_label, text);
  gtk_progress_bar_set_text (self->progress_bar, _("Counting…"));

  settle_batch_export_async (settle_window_get_book (window), &query, folder, progress_cb, self,
                             self->cancellable, export_done, g_object_ref (self));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gboolean
settle_batch_export_dialog_get_finished (SettleBatchExportDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_BATCH_EXPORT_DIALOG (self), FALSE);
  return self->finished;
}

const SettleBatchExportResult *
settle_batch_export_dialog_get_result (SettleBatchExportDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_BATCH_EXPORT_DIALOG (self), NULL);
  return &self->result;
}

const char *
settle_batch_export_dialog_get_summary (SettleBatchExportDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_BATCH_EXPORT_DIALOG (self), NULL);
  return self->summary;
}
