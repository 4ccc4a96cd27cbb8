/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "settle-line-rows.h"

#define WIDGETS_KEY "settle-line-rows-widgets"

GtkWidget *
settle_line_rows_box (GtkOrientation orientation)
{
  GtkWidget *box = gtk_box_new (orientation, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  return box;
}

GtkEntry *
settle_line_rows_add_entry (GtkWidget  *box,
                            const char *placeholder,
                            const char *accessible,
                            int         width_chars,
                            gboolean    expand)
{
  GtkWidget *entry;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  if (!expand)
    gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_hexpand (entry, expand);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_box_append (GTK_BOX (box), entry);
  return GTK_ENTRY (entry);
}

static void
remove_clicked_cb (GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;

  /* The emission holds a reference on the button, so the handlers after this one
   * still run. */
  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_remove (GTK_LIST_BOX (list), row);
}

GtkButton *
settle_line_rows_add_remove (GtkWidget  *box,
                             const char *tooltip,
                             const char *accessible)
{
  GtkWidget *remove;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (box), remove);
  return GTK_BUTTON (remove);
}

GtkWidget *
settle_line_rows_append (GtkListBox *list,
                         GtkWidget  *child,
                         gpointer    widgets)
{
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  g_object_set_data_full (G_OBJECT (row), WIDGETS_KEY, widgets, g_free);
  gtk_list_box_append (list, row);
  return row;
}

gpointer
settle_line_rows_get (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  return g_object_get_data (G_OBJECT (row), WIDGETS_KEY);
}

gpointer
settle_line_rows_nth (GtkListBox *list,
                      guint       index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  row = gtk_list_box_get_row_at_index (list, index);
  return row != NULL ? settle_line_rows_get (GTK_WIDGET (row)) : NULL;
}

GtkWidget *
settle_line_rows_find_field (GtkListBox                *list,
                             guint                      index,
                             const SettleLineRowsField *fields,
                             guint                      n_fields,
                             const char                *name)
{
  gpointer widgets;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  widgets = settle_line_rows_nth (list, index);
  if (widgets == NULL)
    return NULL;
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, widgets, fields[i].offset);
  return NULL;
}

void
settle_line_rows_watch (GCallback callback,
                        gpointer  data,
                        gpointer  first_widget,
                        ...)
{
  va_list args;

  g_return_if_fail (callback != NULL);

  va_start (args, first_widget);
  for (gpointer widget = first_widget; widget != NULL; widget = va_arg (args, gpointer))
    {
      const char *signal;

      if (GTK_IS_EDITABLE (widget))
        signal = "changed";
      else if (GTK_IS_DROP_DOWN (widget))
        signal = "notify::selected";
      else if (GTK_IS_CHECK_BUTTON (widget))
        signal = "toggled";
      else if (GTK_IS_BUTTON (widget))
        signal = "clicked";
      else
        {
          g_critical ("%s: cannot watch a %s", G_STRFUNC, G_OBJECT_TYPE_NAME (widget));
          continue;
        }
      g_signal_connect_swapped (widget, signal, callback, data);
    }
  va_end (args);
}

void
settle_line_rows_show_date (GtkEditable *editable,
                            const GDate *date)
{
  g_autofree char *iso = NULL;

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (date != NULL);

  if (!g_date_valid (date))
    return;
  iso = settle_date_to_iso (date);
  gtk_editable_set_text (editable, iso);
}

void
settle_line_rows_mark (GtkWidget  *widget,
                       const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  gtk_widget_add_css_class (widget, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
}

void
settle_line_rows_unmark (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_remove_css_class (widget, "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
settle_line_rows_set_title (AdwWindowTitle *window_title,
                            const char     *title,
                            const char     *client_name,
                            const char     *currency)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (ADW_IS_WINDOW_TITLE (window_title));

  adw_window_title_set_title (window_title, title);
  /* Translators: under an editor's title: the client, then the currency. */
  subtitle = g_strdup_printf (_("%s, in %s"), client_name, currency);
  adw_window_title_set_subtitle (window_title, subtitle);
}
