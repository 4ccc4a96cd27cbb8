/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-client-detail.h"
#include "settle-client.h"
#include "settle-format.h"

struct _SettleClientDetail
{
  AdwBin      parent_instance;

  SettleBook *book;
  gulong      changed_id;
  SettleId    client_id;

  GtkStack   *stack;
  GtkLabel   *name_label;
  GtkLabel   *hold_label;
  GtkLabel   *balance_label;
  GtkLabel   *credit_label;
  GtkGrid    *facts_grid;
  GtkLabel   *notes_label;
};

G_DEFINE_FINAL_TYPE (SettleClientDetail, settle_client_detail, ADW_TYPE_BIN)

static void
add_fact (SettleClientDetail *self,
          int                *row,
          const char         *caption,
          const char         *value)
{
  GtkWidget *caption_label;
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return;

  caption_label = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_yalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (caption_label, "dim-label");

  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption_label, NULL,
                                  -1);

  gtk_grid_attach (self->facts_grid, caption_label, 0, *row, 1, 1);
  gtk_grid_attach (self->facts_grid, value_label, 1, *row, 1, 1);
  (*row)++;
}

static void
reload (SettleClientDetail *self)
{
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *region = NULL;
  GtkWidget *child;
  int row = 0;

  if (self->book == NULL || self->client_id == SETTLE_ID_NONE)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  client = settle_client_load (self->book, self->client_id, &error);
  if (client == NULL)
    {
      if (!g_error_matches (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND))
        g_warning ("Cannot load client %" G_GINT64_FORMAT ": %s", self->client_id,
                   error->message);
      self->client_id = SETTLE_ID_NONE;
      gtk_label_set_label (self->name_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_label (self->name_label, client->name);
  gtk_widget_set_visible (GTK_WIDGET (self->hold_label), client->on_hold);
  balance = settle_format_money (client->balance, client->currency);
  credit = settle_format_money (client->credit, client->currency);
  gtk_label_set_label (self->balance_label, balance);
  gtk_label_set_label (self->credit_label, credit);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);

  terms = settle_format_terms (client->terms_days);
  if (client->state != NULL && *client->state != '\0' && client->country != NULL)
    region = g_strdup_printf ("%s, %s", client->state, client->country);
  else
    region = g_strdup (client->country);

  add_fact (self, &row, _("Contact"), client->contact_name);
  add_fact (self, &row, _("Email"), client->email);
  add_fact (self, &row, _("Phone"), client->phone);
  add_fact (self, &row, _("Address"), client->address);
  add_fact (self, &row, _("Region"), region);
  add_fact (self, &row, _("Terms"), terms);
  add_fact (self, &row, _("Currency"), client->currency);
  add_fact (self, &row, _("Tax ID"), client->tax_id);

  gtk_label_set_label (self->notes_label, client->notes != NULL ? client->notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label),
                          client->notes != NULL && *client->notes != '\0');
  gtk_stack_set_visible_child_name (self->stack, "client");
}

static void
book_changed_cb (SettleClientDetail *self)
{
  reload (self);
}

static void
settle_client_detail_dispose (GObject *object)
{
  SettleClientDetail *self = SETTLE_CLIENT_DETAIL (object);

  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (settle_client_detail_parent_class)->dispose (object);
}

static void
settle_client_detail_class_init (SettleClientDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_client_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-client-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, hold_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, balance_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, credit_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, notes_label);
}

static void
settle_client_detail_init (SettleClientDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
settle_client_detail_set_book (SettleClientDetail *self,
                               SettleBook         *book)
{
  g_return_if_fail (SETTLE_IS_CLIENT_DETAIL (self));
  g_return_if_fail (book == NULL || SETTLE_IS_BOOK (book));

  if (self->book == book)
    return;
  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_set_object (&self->book, book);
  if (book != NULL)
    self->changed_id = g_signal_connect_object (book, "changed", G_CALLBACK (book_changed_cb),
                                                self, G_CONNECT_SWAPPED);
  self->client_id = SETTLE_ID_NONE;
  reload (self);
}

void
settle_client_detail_show_client (SettleClientDetail *self,
                                  SettleId            client_id)
{
  g_return_if_fail (SETTLE_IS_CLIENT_DETAIL (self));

  if (self->client_id == client_id)
    return;
  self->client_id = client_id;
  reload (self);
}

SettleId
settle_client_detail_get_client_id (SettleClientDetail *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_DETAIL (self), SETTLE_ID_NONE);
  return self->client_id;
}

const char *
settle_client_detail_get_title (SettleClientDetail *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_DETAIL (self), NULL);
  return gtk_label_get_label (self->name_label);
}
