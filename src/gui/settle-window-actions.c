/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-agreements-window.h"
#include "settle-batch-export-dialog.h"
#include "settle-billing-dialog.h"
#include "settle-invoice-editor-window.h"
#include "settle-invoice.h"
#include "settle-payment-dialog.h"
#include "settle-pdf-export.h"
#include "settle-preferences-window.h"
#include "settle-print.h"
#include "settle-projects-window.h"
#include "settle-dunning-dialog.h"
#include "settle-email-preferences.h"
#include "settle-ladder-editor.h"
#include "settle-outbox-window.h"
#include "settle-client-collections-dialog.h"
#include "settle-collections-preferences.h"
#include "settle-payment-actions.h"
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

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);
  SettleId invoice_id;

  if (self->book == NULL)
    return;
  invoice_id = settle_invoices_view_get_shown_invoice (self->invoices_view);
  if (invoice_id != SETTLE_ID_NONE)
    settle_print_invoice (GTK_WINDOW (self), self->book, invoice_id);
}

static void
export_pdfs_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         SettleWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->book != NULL)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        settle_batch_export_dialog_start (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_pdfs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->book == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Listed Invoices as PDFs"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_pdfs_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_invoice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  settle_invoice_editor_window_new_invoice (SETTLE_WINDOW (widget));
}

static void
invoice_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);
  SettleId shown = settle_invoices_view_get_shown_invoice (self->invoices_view);

  if (g_str_equal (action_name, "win.edit-invoice"))
    settle_invoice_editor_window_edit (self, shown);
  else if (g_str_equal (action_name, "win.void-invoice"))
    settle_invoice_editor_window_void (self, shown);
  else
    settle_invoice_editor_window_credit (self, shown);
}

/* The client comes from the invoice shown, if any. */
static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);
  SettleId shown;
  SettleId client_id = 0;
  g_autoptr(GError) error = NULL;
  SettlePaymentDialog *dialog;

  if (self->book == NULL)
    return;
  shown = settle_invoices_view_get_shown_invoice (self->invoices_view);
  if (shown != 0)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_load (self->book, shown, NULL);

      if (inv != NULL)
        client_id = inv->client_id;
    }
  dialog = settle_payment_dialog_new (GTK_WINDOW (self), self->book, client_id, &error);
  if (dialog == NULL)
    {
      settle_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
billing_run_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);

  if (self->book != NULL)
    gtk_window_present (GTK_WINDOW (settle_billing_dialog_new (self)));
}

static void
agreements_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);

  if (self->book != NULL)
    gtk_window_present (GTK_WINDOW (settle_agreements_window_new (GTK_WINDOW (self), self->book)));
}

static void
projects_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);

  if (self->book != NULL)
    gtk_window_present (GTK_WINDOW (settle_projects_window_new (GTK_WINDOW (self), self->book)));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);

  if (self->book != NULL)
    gtk_window_present (GTK_WINDOW (settle_preferences_window_new (GTK_WINDOW (self), self->book)));
}

static void
collections_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);
  GtkWindow *window = NULL;

  if (self->book == NULL)
    return;
  if (g_str_equal (action_name, "win.dunning-run"))
    window = GTK_WINDOW (settle_dunning_dialog_new (self));
  else if (g_str_equal (action_name, "win.dunning-settings"))
    window = GTK_WINDOW (settle_ladder_editor_new (GTK_WINDOW (self), self->book));
  else if (g_str_equal (action_name, "win.outbox"))
    window = GTK_WINDOW (settle_outbox_window_new (GTK_WINDOW (self), self->book));
  else
    window = GTK_WINDOW (settle_email_preferences_new (GTK_WINDOW (self), self->book));
  gtk_window_present (window);
}

/* The client of the invoice shown, 0 when none. */
static SettleId
shown_client (SettleWindow *self)
{
  SettleId shown = settle_invoices_view_get_shown_invoice (self->invoices_view);
  g_autoptr(SettleInvoice) inv = NULL;

  if (shown == 0)
    return 0;
  inv = settle_invoice_load (self->book, shown, NULL);
  return inv != NULL ? inv->client_id : 0;
}

static void
client_credit_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);

  if (self->book == NULL)
    return;
  settle_payment_actions_credit_dialog (widget, self->book, shown_client (self),
                                        g_str_equal (action_name, "win.refund-credit"));
}

static void
client_collections_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);
  SettleId client_id;

  if (self->book == NULL)
    return;
  client_id = shown_client (self);
  if (client_id == 0)
    {
      settle_window_add_toast (self, adw_toast_new (_("Select an invoice of the client first")));
      return;
    }
  gtk_window_present (GTK_WINDOW (settle_client_collections_dialog_new (GTK_WINDOW (self), self->book,
                                                                        client_id)));
}

static void
collections_preferences_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SettleWindow *self = SETTLE_WINDOW (widget);

  if (self->book != NULL)
    gtk_window_present (GTK_WINDOW (settle_collections_preferences_new (GTK_WINDOW (self), self->book)));
}

void
settle_window_update_actions (SettleWindow *self)
{
  gboolean open = self->state == SETTLE_WINDOW_OPEN && self->book != NULL;
  gboolean shown = open && self->invoices_view != NULL
                   && settle_invoices_view_get_shown_invoice (self->invoices_view) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdfs", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.billing-run", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-payment", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.agreements", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.projects", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.dunning-run", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.dunning-settings", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.outbox", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.email-settings", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.apply-credit", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refund-credit", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.client-collections", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.collections-preferences", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", open);
  settle_invoice_editor_window_update_actions (self);
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
  gtk_widget_class_install_action (widget_class, "win.new-invoice", NULL, new_invoice_action);
  gtk_widget_class_install_action (widget_class, "win.edit-invoice", NULL, invoice_action);
  gtk_widget_class_install_action (widget_class, "win.void-invoice", NULL, invoice_action);
  gtk_widget_class_install_action (widget_class, "win.credit-note", NULL, invoice_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdfs", NULL, export_pdfs_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.billing-run", NULL, billing_run_action);
  gtk_widget_class_install_action (widget_class, "win.record-payment", NULL,
                                   record_payment_action);
  gtk_widget_class_install_action (widget_class, "win.agreements", NULL, agreements_action);
  gtk_widget_class_install_action (widget_class, "win.projects", NULL, projects_action);
  gtk_widget_class_install_action (widget_class, "win.dunning-run", NULL, collections_action);
  gtk_widget_class_install_action (widget_class, "win.dunning-settings", NULL, collections_action);
  gtk_widget_class_install_action (widget_class, "win.outbox", NULL, collections_action);
  gtk_widget_class_install_action (widget_class, "win.email-settings", NULL, collections_action);
  gtk_widget_class_install_action (widget_class, "win.apply-credit", NULL, client_credit_action);
  gtk_widget_class_install_action (widget_class, "win.refund-credit", NULL, client_credit_action);
  gtk_widget_class_install_action (widget_class, "win.client-collections", NULL,
                                   client_collections_action);
  gtk_widget_class_install_action (widget_class, "win.collections-preferences", NULL,
                                   collections_preferences_action);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-pdfs", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.record-payment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK,
                                       "win.billing-run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.dunning-run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.outbox", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-invoice", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

void
settle_window_init_actions (SettleWindow *self)
{
  settle_invoice_editor_window_attach (self);
  settle_window_update_actions (self);
}
