/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-format.h"
#include "settle-invoice-editor-private.h"
#include "settle-series.h"
#include "settle-terms.h"

/* The editor's actions: save the draft, issue it, delete it, add a line, and
 * closing with unsaved changes. Nothing is written unless the whole form is valid. */

static void
toast (SettleInvoiceEditor *self,
       const char          *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static gboolean
destroy_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Not from inside a dialog's response: the dialog still refers to its parent
 * while it closes. */
static void
destroy_later (SettleInvoiceEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

static void
saved (SettleInvoiceEditor *self)
{
  settle_book_notify_changed (self->book);
  settle_invoice_editor_emit_saved (self);
}

static gboolean
save (SettleInvoiceEditor *self,
      GError             **error)
{
  g_autoptr(SettleInvoice) copy = settle_invoice_editor_read (self, error);

  if (copy == NULL || !settle_invoice_save_draft (self->book, copy, error))
    return FALSE;
  g_clear_pointer (&self->invoice, settle_invoice_free);
  self->invoice = settle_invoice_load (self->book, copy->id, error);
  if (self->invoice == NULL)
    {
      /* Saved, but not readable back: keep what was saved. */
      self->invoice = g_steal_pointer (&copy);
      return FALSE;
    }
  self->dirty = FALSE;
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SettleInvoiceEditor *self = SETTLE_INVOICE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean was_new = self->invoice->id == 0;

  if (!settle_invoice_editor_is_draft (self) || !self->valid)
    return;
  if (!save (self, &error))
    {
      settle_invoice_editor_show_error (self, error->message);
      return;
    }
  if (was_new)
    adw_window_title_set_title (self->window_title, _("Draft Invoice"));
  settle_invoice_editor_update_actions (self);
  toast (self, _("Draft saved"));
  saved (self);
}

static void
issue_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   SettleInvoiceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) issued = NULL;
  GDate today;

  if (g_strcmp0 (response, "issue") != 0 || !settle_invoice_editor_is_draft (self))
    return;
  settle_today (&today);
  if (!settle_invoice_issue (self->book, self->invoice->id, &today, &error)
      || (issued = settle_invoice_load (self->book, self->invoice->id, &error)) == NULL)
    {
      settle_invoice_editor_show_error (self, error->message);
      saved (self);
      return;
    }
  g_clear_pointer (&self->invoice, settle_invoice_free);
  self->invoice = g_steal_pointer (&issued);
  settle_invoice_editor_fill (self);
  {
    /* Translators: a toast after issuing: the new invoice number. */
    g_autofree char *text = g_strdup_printf (_("Issued as %s"), self->invoice->number);
    AdwToast *issued_toast = adw_toast_new (text);

    /* Ahead of an older "Draft saved" still on screen. */
    adw_toast_set_priority (issued_toast, ADW_TOAST_PRIORITY_HIGH);
    adw_toast_overlay_add_toast (self->toast_overlay, issued_toast);
  }
  saved (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SettleInvoiceEditor *self = SETTLE_INVOICE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleSeries) series = NULL;
  g_autofree char *number = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *due = NULL;
  g_autofree char *terms = NULL;
  const char *series_name;
  GtkWidget *dialog;
  GDate today, due_date;

  if (!settle_invoice_editor_is_draft (self) || !self->valid)
    return;
  /* What is issued is what is on screen: save it first. */
  if ((self->dirty || self->invoice->id == 0) && !save (self, &error))
    {
      settle_invoice_editor_show_error (self, error->message);
      return;
    }
  saved (self);
  settle_invoice_editor_update_actions (self);

  series_name = self->invoice->kind == SETTLE_INVOICE_KIND_CREDIT_NOTE ? "credit-note" : "invoice";
  settle_today (&today);
  series = settle_series_load (self->book, series_name, &error);
  if (series == NULL)
    {
      settle_invoice_editor_show_error (self, error->message);
      return;
    }
  number = settle_series_preview (series, &today);
  settle_terms_due_date (&self->invoice->terms, &today, &due_date);
  issued = settle_format_date_long (&today);
  due = settle_format_date_long (&due_date);
  terms = settle_terms_describe (&self->invoice->terms);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Issue Invoice?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: number, series name, issue date, due date, terms. */
                                  _("It will be numbered %s from the “%s” series, dated %s "
                                    "and due %s (%s).\n\nAn issued invoice cannot be changed: "
                                    "corrections need a credit note."),
                                  number, series->name, issued, due, terms);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "issue", _("_Issue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    SettleInvoiceEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || !settle_invoice_editor_is_draft (self) || self->invoice->id == 0)
    return;
  if (!settle_invoice_delete_draft (self->book, self->invoice->id, &error))
    {
      settle_invoice_editor_show_error (self, error->message);
      return;
    }
  /* Gone: the window shows no invoice rather than a deleted one. */
  self->invoice->id = 0;
  saved (self);
  destroy_later (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SettleInvoiceEditor *self = SETTLE_INVOICE_EDITOR (widget);
  GtkWidget *dialog;

  if (!settle_invoice_editor_is_draft (self) || self->invoice->id == 0)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Draft?"),
                                   _("The draft and its lines are removed from the book. It "
                                     "was never issued, so no number is lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SettleInvoiceEditor *self = SETTLE_INVOICE_EDITOR (widget);
  g_autoptr(SettleInvoice) scratch = NULL;
  GtkListBoxRow *last;
  int i = 0;

  if (!settle_invoice_editor_is_draft (self))
    return;
  scratch = settle_invoice_new (self->invoice->client_id, self->invoice->currency);
  settle_invoice_editor_add_line (self, settle_invoice_add_line (scratch, "", 1000, 0, 0));
  while (gtk_list_box_get_row_at_index (self->lines_list, i + 1) != NULL)
    i++;
  last = gtk_list_box_get_row_at_index (self->lines_list, i);
  settle_invoice_line_row_focus (SETTLE_INVOICE_LINE_ROW (last));
}

/* Closing with unsaved changes asks first; nothing is saved half-way. */
static void
close_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   SettleInvoiceEditor *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->dirty = FALSE;
      destroy_later (self);
    }
}

static gboolean
close_request (GtkWindow *window)
{
  SettleInvoiceEditor *self = SETTLE_INVOICE_EDITOR (window);
  GtkWidget *dialog;

  if (!self->dirty || !settle_invoice_editor_is_draft (self))
    return FALSE;

  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("The changes since the draft was last saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
settle_invoice_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  GTK_WINDOW_CLASS (widget_class)->close_request = close_request;

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.add-line", NULL, add_line_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.add-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}
