/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-save-chooser.h"

typedef struct
{
  GtkWidget            *owner;
  SettleSaveChooserFunc func;
  gpointer              user_data;
  GDestroyNotify        destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->user_data);
  g_object_unref (pending->owner);
  g_free (pending);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Pending         *pending)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    pending->func (pending->owner, path, pending->user_data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  pending_free (pending);
}

void
settle_save_chooser_show (GtkWidget             *owner,
                          const char            *title,
                          const char            *accept_label,
                          SettleSaveFormat       format,
                          const char            *suggested_name,
                          SettleSaveChooserFunc  func,
                          gpointer               user_data,
                          GDestroyNotify         destroy)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  Pending *pending;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (func != NULL);

  root = gtk_widget_get_root (owner);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, accept_label,
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (format == SETTLE_SAVE_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

  pending = g_new0 (Pending, 1);
  pending->owner = g_object_ref (owner);
  pending->func = func;
  pending->user_data = user_data;
  pending->destroy = destroy;
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
