/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-credit-note-dialog.h"
#include "settle-gui.h"
#include "settle-invoice-editor-window.h"
#include "settle-invoice-editor.h"
#include "settle-invoice.h"
#include "settle-window-private.h"

/* The window's side of invoicing: the win.* actions open editors and dialogs, and
 * what they saved is shown in the invoices view's details pane. */

#define DETAILS_WIDTH 400

static void
toast_error (SettleWindow *window,
             const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  settle_window_add_toast (window, toast);
}

static void
show_invoice (SettleWindow *window,
              SettleId      invoice_id)
{
  SettleInvoiceDetail *detail = settle_invoices_view_get_detail (window->invoices_view);
  GtkWidget *paned = gtk_widget_get_parent (GTK_WIDGET (detail));

  settle_window_set_view (window, "invoices");
  settle_invoice_detail_show_invoice (detail, invoice_id);
  if (invoice_id != SETTLE_ID_NONE && GTK_IS_PANED (paned))
    settle_gui_reveal_pane (GTK_PANED (paned), GTK_WIDGET (detail), DETAILS_WIDTH);
  settle_window_update_actions (window);
}

static void
editor_saved_cb (SettleInvoiceEditor *editor,
                 gint64               invoice_id,
                 SettleWindow        *window)
{
  show_invoice (window, settle_invoice_editor_get_invoice_id (editor));
}

static SettleInvoiceEditor *
find_editor (SettleId invoice_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; invoice_id != SETTLE_ID_NONE && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SETTLE_IS_INVOICE_EDITOR (toplevel)
          && settle_invoice_editor_get_invoice_id (SETTLE_INVOICE_EDITOR (toplevel)) == invoice_id)
        return SETTLE_INVOICE_EDITOR (toplevel);
    }
  return NULL;
}

static void
present_editor (SettleWindow *window,
                SettleId      invoice_id)
{
  g_autoptr(GError) error = NULL;
  SettleInvoiceEditor *editor = find_editor (invoice_id);

  if (window->book == NULL)
    return;
  if (editor == NULL)
    {
      editor = settle_invoice_editor_new (window->book, invoice_id, &error);
      if (editor == NULL)
        {
          toast_error (window, error->message);
          return;
        }
      /* Not modal: the list and the other views stay usable beside it. */
      gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
      g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), window, 0);
    }
  gtk_window_present (GTK_WINDOW (editor));
}

void
settle_invoice_editor_window_new_invoice (SettleWindow *window)
{
  g_return_if_fail (SETTLE_IS_WINDOW (window));
  present_editor (window, SETTLE_ID_NONE);
}

void
settle_invoice_editor_window_edit (SettleWindow *window,
                                   SettleId      invoice_id)
{
  g_return_if_fail (SETTLE_IS_WINDOW (window));
  if (invoice_id != SETTLE_ID_NONE)
    present_editor (window, invoice_id);
}

/* ---- Void ------------------------------------------------------------------- */

static void
void_reason_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "void", *reason != '\0');
}

static void
void_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  SettleWindow     *window)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reason-entry");
  SettleId invoice_id = *(SettleId *) g_object_get_data (G_OBJECT (dialog), "invoice-id");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  GDate today;

  if (g_strcmp0 (response, "void") != 0 || window->book == NULL || *reason == '\0')
    return;
  settle_today (&today);
  if (!settle_invoice_void (window->book, invoice_id, &today, reason, &error))
    {
      toast_error (window, error->message);
      return;
    }
  settle_book_notify_changed (window->book);
  show_invoice (window, invoice_id);
}

void
settle_invoice_editor_window_void (SettleWindow *window,
                                   SettleId      invoice_id)
{
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_if_fail (SETTLE_IS_WINDOW (window));

  if (window->book == NULL || invoice_id == SETTLE_ID_NONE)
    return;
  invoice = settle_invoice_load (window->book, invoice_id, &error);
  if (invoice == NULL)
    {
      toast_error (window, error->message);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Void Invoice?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: number, client. */
                                  _("%s for %s stops being owed. Its number stays used, so the "
                                    "series has no gap. This cannot be undone."),
                                  invoice->number != NULL ? invoice->number : "",
                                  invoice->client_name != NULL ? invoice->client_name : "");
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "void-reason");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (required)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for voiding"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "void", _("_Void Invoice"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "void",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "void", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "reason-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "invoice-id",
                          g_memdup2 (&invoice_id, sizeof invoice_id), g_free);
  g_signal_connect_object (entry, "changed", G_CALLBACK (void_reason_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (void_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- Credit note ------------------------------------------------------------ */

static void
credit_issued_cb (SettleCreditNoteDialog *dialog,
                  gint64                  credit_note_id,
                  SettleWindow           *window)
{
  g_autoptr(SettleInvoice) note = NULL;

  if (window->book != NULL)
    note = settle_invoice_load (window->book, credit_note_id, NULL);
  if (note != NULL && note->number != NULL)
    {
      /* Translators: a toast: the credit note's number, the invoice it credits. */
      g_autofree char *text = g_strdup_printf (_("Credit note %s issued for %s"), note->number,
                                               note->original_number != NULL
                                               ? note->original_number : "");

      settle_window_add_toast (window, adw_toast_new (text));
    }
  /* The original is what the bookkeeper was looking at: show its new balance. */
  show_invoice (window, settle_credit_note_dialog_get_invoice_id (dialog));
}

void
settle_invoice_editor_window_credit (SettleWindow *window,
                                     SettleId      invoice_id)
{
  g_autoptr(GError) error = NULL;
  SettleCreditNoteDialog *dialog;

  g_return_if_fail (SETTLE_IS_WINDOW (window));

  if (window->book == NULL || invoice_id == SETTLE_ID_NONE)
    return;
  dialog = settle_credit_note_dialog_new (GTK_WINDOW (window), window->book, invoice_id, &error);
  if (dialog == NULL)
    {
      toast_error (window, error->message);
      return;
    }
  g_signal_connect_object (dialog, "issued", G_CALLBACK (credit_issued_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Actions ---------------------------------------------------------------- */

void
settle_invoice_editor_window_update_actions (SettleWindow *window)
{
  gboolean open = window->state == SETTLE_WINDOW_OPEN && window->book != NULL;
  SettleId shown = SETTLE_ID_NONE;
  gboolean can_void = FALSE, can_credit = FALSE;

  g_return_if_fail (SETTLE_IS_WINDOW (window));

  if (open && window->invoices_view != NULL)
    shown = settle_invoices_view_get_shown_invoice (window->invoices_view);
  if (shown != SETTLE_ID_NONE)
    {
      g_autoptr(SettleInvoice) invoice = settle_invoice_load (window->book, shown, NULL);

      if (invoice != NULL && invoice->kind == SETTLE_INVOICE_KIND_INVOICE)
        {
          can_void = invoice->status == SETTLE_INVOICE_ISSUED;
          can_credit = invoice->status == SETTLE_INVOICE_ISSUED
                       || invoice->status == SETTLE_INVOICE_PARTIAL
                       || invoice->status == SETTLE_INVOICE_PAID;
        }
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.new-invoice", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.edit-invoice", shown != SETTLE_ID_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.void-invoice", can_void);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.credit-note", can_credit);
}

static void
list_activate_cb (SettleWindow *window)
{
  SettleId shown = settle_invoices_view_get_shown_invoice (window->invoices_view);
  g_autoptr(SettleInvoice) invoice = NULL;

  if (window->book == NULL || shown == SETTLE_ID_NONE)
    return;
  /* Enter or a double click opens a draft for editing; an issued invoice is
   * already shown in full in the details pane. */
  invoice = settle_invoice_load (window->book, shown, NULL);
  if (invoice != NULL && invoice->status == SETTLE_INVOICE_DRAFT)
    present_editor (window, shown);
}

static void
book_changed_cb (SettleWindow *window)
{
  settle_invoice_editor_window_update_actions (window);
}

/* An editor keeps its book's connection, and with it the session lock: when the
 * window closes or changes its book, the editors of the old one go too. */
static void
close_stale_editors (SettleWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SETTLE_IS_INVOICE_EDITOR (toplevel)
          && gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window)
          && settle_invoice_editor_get_book (SETTLE_INVOICE_EDITOR (toplevel)) != window->book)
        g_ptr_array_add (stale, g_object_ref (toplevel));
    }
  for (guint i = 0; i < stale->len; i++)
    gtk_window_destroy (g_ptr_array_index (stale, i));
}

static void
state_changed_cb (SettleWindow *window)
{
  close_stale_editors (window);
  if (window->book == NULL)
    return;
  g_signal_handlers_disconnect_by_func (window->book, book_changed_cb, window);
  g_signal_connect_object (window->book, "changed", G_CALLBACK (book_changed_cb), window,
                             G_CONNECT_SWAPPED);
}

void
settle_invoice_editor_window_attach (SettleWindow *window)
{
  g_return_if_fail (SETTLE_IS_WINDOW (window));

  /* After the view's own handler, which selects and shows the row. */
  g_signal_connect_object (settle_invoices_view_get_column_view (window->invoices_view),
                           "activate", G_CALLBACK (list_activate_cb), window,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* A payment or a credit note elsewhere changes what the shown invoice allows. */
  g_signal_connect_object (window, "notify::state", G_CALLBACK (state_changed_cb), window,
                           G_CONNECT_SWAPPED);
}
