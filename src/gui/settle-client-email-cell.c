/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-client-email-cell.h"
#include "settle-client-row.h"
#include "settle-client.h"

static void
update_cell (GtkListItem *item)
{
  GObject *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *icon = gtk_widget_get_next_sibling (label);
  const SettleClientSummary *summary = NULL;
  const char *email;

  if (SETTLE_IS_CLIENT_ROW (row))
    summary = settle_client_row_get_summary (SETTLE_CLIENT_ROW (row));
  email = summary != NULL && summary->email != NULL ? summary->email : "";
  gtk_label_set_label (GTK_LABEL (label), email);
  /* A row not read yet shows nothing rather than a false alarm. */
  gtk_widget_set_visible (icon, summary != NULL && !settle_email_is_valid (email));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (icon, _("Email address is not valid"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Email address is not valid"), -1);
  gtk_widget_set_visible (icon, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_item_set_child (item, box);
}

static void
row_notify_cb (GObject     *row,
               GParamSpec  *pspec,
               GtkListItem *item)
{
  update_cell (item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GObject *row = gtk_list_item_get_item (item);

  /* The row is a placeholder until its page is read; "email" is notified then. */
  if (row != NULL)
    g_signal_connect_object (row, "notify::email", G_CALLBACK (row_notify_cb), item, 0);
  update_cell (item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GObject *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, row_notify_cb, item);
}

GtkListItemFactory *
settle_client_email_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  return factory;
}
