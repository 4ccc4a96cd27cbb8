/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-export-task.h"
#include "settle-statement-export.h"
#include "settle-statement-pdf.h"

typedef struct
{
  SettleId client_id;
  GDate    from;
  GDate    to;
} ExportData;

static gboolean
write_statement (SettleBook  *conn,
                 gpointer     user_data,
                 const char  *path,
                 GError     **error)
{
  ExportData *data = user_data;
  g_autoptr(SettleStatementDocument) doc = NULL;

  doc = settle_statement_document_new (conn, data->client_id, &data->from, &data->to, error);
  return doc != NULL && settle_statement_document_write_pdf (doc, path, error);
}

void
settle_statement_export_async (SettleBook          *book,
                               SettleId             client_id,
                               const GDate         *from,
                               const GDate         *to,
                               const char          *path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ExportData *data;

  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (client_id != SETTLE_ID_NONE);
  g_return_if_fail (from != NULL && to != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->client_id = client_id;
  data->from = *from;
  data->to = *to;
  settle_export_task_run (NULL, book, path, write_statement, data, g_free,
                          settle_statement_export_async, cancellable, callback, user_data);
}

gboolean
settle_statement_export_finish (GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return settle_export_task_finish (result, error);
}

void
settle_statement_default_range (const GDate *today,
                                GDate       *from,
                                GDate       *to)
{
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (from != NULL && to != NULL);

  *to = *today;
  *from = *today;
  /* 90 days including today. */
  g_date_subtract_days (from, 89);
}

typedef struct
{
  GtkEditable *from;
  GtkEditable *to;
  GtkLabel    *message;
} RangeWidgets;

/* On a problem, the message and the field it is about in *bad. */
static gboolean
read_range (RangeWidgets *rw,
            GDate        *from,
            GDate        *to,
            char        **message,
            GtkWidget   **bad)
{
  g_autofree char *from_text = g_strstrip (g_strdup (gtk_editable_get_text (rw->from)));
  g_autofree char *to_text = g_strstrip (g_strdup (gtk_editable_get_text (rw->to)));

  *message = NULL;
  *bad = GTK_WIDGET (rw->to);
  if (!settle_date_parse (from_text, from))
    {
      *bad = GTK_WIDGET (rw->from);
    /* Translators: %s is what was typed. */
      *message = g_strdup_printf (_("From: “%s” is not a date; write it as YYYY-MM-DD"),
                                  from_text);
    }
  else if (!settle_date_parse (to_text, to))
    *message = g_strdup_printf (_("To: “%s” is not a date; write it as YYYY-MM-DD"), to_text);
  else if (g_date_compare (to, from) < 0)
    *message = g_strdup_printf (_("To: the statement would end on %s, before it starts on %s"),
                                to_text, from_text);
  return *message == NULL;
}

static void
range_changed_cb (AdwMessageDialog *dialog)
{
  RangeWidgets *rw = g_object_get_data (G_OBJECT (dialog), "settle-range");
  g_autofree char *message = NULL;
  GtkWidget *bad = NULL;
  GDate from, to;
  gboolean valid = read_range (rw, &from, &to, &message, &bad);

  gtk_widget_remove_css_class (GTK_WIDGET (rw->from), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (rw->to), "error");
  if (!valid)
    gtk_widget_add_css_class (bad, "error");
  gtk_label_set_label (rw->message, valid ? "" : message);
  gtk_widget_set_visible (GTK_WIDGET (rw->message), !valid);
  adw_message_dialog_set_response_enabled (dialog, "save", valid);
}

static GtkEditable *
date_row (GtkListBox  *list,
          const char  *title,
          const GDate *date)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *iso = settle_date_to_iso (date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), iso);
  gtk_list_box_append (list, row);
  return GTK_EDITABLE (row);
}

AdwMessageDialog *
settle_statement_range_dialog_new (GtkWindow   *parent,
                                   const char  *client_name,
                                   const GDate *today)
{
  AdwMessageDialog *dialog;
  RangeWidgets *rw = g_new0 (RangeWidgets, 1);
  GtkWidget *box, *list, *label;
  g_autofree char *body = NULL;
  GDate from, to;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (client_name != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  settle_statement_default_range (today, &from, &to);
  /* Translators: %s is the client's name. */
  body = g_strdup_printf (_("Everything that moved the balance of %s between these dates, "
                            "and what is open at the end."), client_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Statement of Account"), body));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  rw->from = date_row (GTK_LIST_BOX (list), _("From (YYYY-MM-DD)"), &from);
  rw->to = date_row (GTK_LIST_BOX (list), _("To (YYYY-MM-DD)"), &to);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  rw->message = GTK_LABEL (label);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data_full (G_OBJECT (dialog), "settle-range", rw, g_free);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_swapped (rw->from, "changed", G_CALLBACK (range_changed_cb), dialog);
  g_signal_connect_swapped (rw->to, "changed", G_CALLBACK (range_changed_cb), dialog);
  return dialog;
}

gboolean
settle_statement_range_dialog_get_range (AdwMessageDialog *dialog,
                                         GDate            *from,
                                         GDate            *to)
{
  RangeWidgets *rw;
  g_autofree char *message = NULL;
  GtkWidget *bad = NULL;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), FALSE);
  rw = g_object_get_data (G_OBJECT (dialog), "settle-range");
  g_return_val_if_fail (rw != NULL, FALSE);
  return read_range (rw, from, to, &message, &bad);
}
