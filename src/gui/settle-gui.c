/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include "settle-gui.h"
#include "settle-ui-resources.h"

void
settle_gui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* A static library drops the generated resource constructor unless
       * something refers to it: register explicitly, once. */
      if (!g_resources_get_info ("/io/github/settle/Settle/ui/settle-window.ui",
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        g_resources_register (settle_ui_get_resource ());
      g_once_init_leave (&initialized, 1);
    }
}

GSettings *
settle_gui_settings_new (void)
{
  static gboolean warned = FALSE;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      if (!warned)
        g_warning ("The settings schema %s is not installed: window size, view and last "
                   "book will not be remembered", APP_ID);
      warned = TRUE;
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

void
settle_gui_reveal_pane (GtkPaned  *paned,
                        GtkWidget *pane,
                        int        details_width)
{
  gboolean placed = FALSE;
  int width;

  g_return_if_fail (GTK_IS_PANED (paned));
  g_return_if_fail (GTK_IS_WIDGET (pane));

  if (gtk_widget_get_visible (pane))
    return;
  gtk_widget_set_visible (pane, TRUE);
  width = gtk_widget_get_width (GTK_WIDGET (paned));
  g_object_get (paned, "position-set", &placed, NULL);
  if (width > 0 && !placed)
    gtk_paned_set_position (paned, MAX (width / 2, width - details_width));
}
