/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-invoice.h"
#include "settle-pdf-export.h"
#include "settle-window-private.h"

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);
  const char *view = settle_window_get_view (self);

  if (self->state != SETTLE_WINDOW_OPEN)
    return;
  if (g_strcmp0 (view, "clients") == 0)
    settle_clients_view_focus_search (self->clients_view);
  else
    {
      /* The dashboards have nothing to search: look for an invoice instead. */
      settle_window_set_view (self, "invoices");
      settle_invoices_view_focus_search (self->invoices_view);
    }
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);

  if (self->book != NULL)
    settle_book_notify_changed (self->book);
}

typedef struct
{
  SettleWindow *self;
  char         *path;
} ExportData;

static void
export_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(SettleWindow) self = data->self;
  g_autofree char *path = data->path;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_free (data);

  if (!settle_pdf_export_invoice_finish (result, &error))
    {
      /* Translators: %s is the file name, then why it failed. */
      title = g_strdup_printf (_("Cannot save “%s”: %s"), name, error->message);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
    }
  else
    {
      title = g_strdup_printf (_("Invoice saved as “%s”"), name);
      toast = adw_toast_new (title);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  settle_window_add_toast (self, toast);
}

void
settle_window_export_pdf_to (SettleWindow *self,
                             const char   *path)
{
  ExportData *data;
  SettleId invoice_id;

  g_return_if_fail (SETTLE_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  invoice_id = settle_invoices_view_get_shown_invoice (self->invoices_view);
  if (self->book == NULL || invoice_id == SETTLE_ID_NONE)
    return;

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->path = g_strdup (path);
  settle_pdf_export_invoice_async (self->book, invoice_id, path, NULL, export_done, data);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    SettleWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        settle_window_export_pdf_to (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);
  SettleInvoiceDetail *detail = settle_invoices_view_get_detail (self->invoices_view);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->book == NULL || settle_invoices_view_get_shown_invoice (self->invoices_view) == 0)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Invoice as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Invoice numbers may hold characters a file name cannot ("INV/2024/7"). */
  name = g_strdup_printf ("%s.pdf", settle_invoice_detail_get_title (detail));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
settle_window_update_actions (SettleWindow *self)
{
  gboolean open = self->state == SETTLE_WINDOW_OPEN && self->book != NULL;
  gboolean shown = open && self->invoices_view != NULL
                   && settle_invoices_view_get_shown_invoice (self->invoices_view) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", open);
}

void
settle_window_class_init_actions (GtkWidgetClass *widget_class)
{
  static const struct
  {
    guint       key;
    const char *view;
  } views[] = {
    { GDK_KEY_1, "invoices" },
    { GDK_KEY_2, "clients" },
    { GDK_KEY_3, "aging" },
    { GDK_KEY_4, "reconciliation" },
  };

  /* win.view::invoices … win.view::reconciliation, stateful on the "view" property. */
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, views[i].key, GDK_CONTROL_MASK,
                                         "win.view", "s", views[i].view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

void
settle_window_init_actions (SettleWindow *self)
{
  settle_window_update_actions (self);
}
