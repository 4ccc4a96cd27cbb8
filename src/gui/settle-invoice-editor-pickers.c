/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-catalog.h"
#include "settle-format.h"
#include "settle-invoice-editor-private.h"
#include "settle-list-query.h"

/* Choosing the client of a new invoice, and adding lines from the catalogue.
 * Both lists are searched in SQL and show at most a page: a book may hold
 * thousands of clients, and the window never loads a whole table. */

#define PICKER_LIMIT 50

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
picker_row (const char *title,
            const char *subtitle,
            const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "money");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* ---- Client ----------------------------------------------------------------- */

void
settle_invoice_editor_fill_clients (SettleInvoiceEditor *self)
{
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_search))));
  SettleClientQuery query = { SETTLE_CLIENT_SORT_NAME, FALSE, *search != '\0' ? search : NULL };
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->client_list);
  clients = settle_client_query_page (self->book, &query, NULL, 0, PICKER_LIMIT, &error);
  if (clients == NULL)
    {
      gtk_list_box_set_placeholder (self->client_list, placeholder (error->message));
      return;
    }
  gtk_list_box_set_placeholder (self->client_list,
                                placeholder (query.search != NULL
                                             ? _("No client matches what you typed.")
                                             : _("The book has no clients yet.")));
  for (guint i = 0; i < clients->len; i++)
    {
      const SettleClientSummary *client = g_ptr_array_index (clients, i);
      g_autofree char *balance = settle_format_money (client->balance, client->currency);
      GtkWidget *row = picker_row (client->name, client->email, balance);

      g_object_set_data_full (G_OBJECT (row), "client-id", g_memdup2 (&client->id, sizeof client->id),
                              g_free);
      if (client->on_hold)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("On hold: no new work until the account is settled"));
      gtk_list_box_append (self->client_list, row);
    }
}

static void
client_search_changed_cb (SettleInvoiceEditor *self)
{
  settle_invoice_editor_fill_clients (self);
}

static void
client_activated_cb (SettleInvoiceEditor *self,
                     GtkListBoxRow       *row)
{
  const SettleId *id = g_object_get_data (G_OBJECT (row), "client-id");
  g_autoptr(GError) error = NULL;

  if (id == NULL || self->invoice != NULL)
    return;
  if (!settle_invoice_editor_set_client (self, *id, &error))
    gtk_list_box_set_placeholder (self->client_list, placeholder (error->message));
}

static void
client_search_activate_cb (SettleInvoiceEditor *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->client_list, 0);

  if (first != NULL)
    client_activated_cb (self, first);
}

/* ---- Catalogue -------------------------------------------------------------- */

static void
fill_catalog (SettleInvoiceEditor *self)
{
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->catalog_search))));
  g_autoptr(GError) error = NULL;

  clear_list (self->catalog_list);
  g_clear_pointer (&self->catalog, g_ptr_array_unref);
  self->catalog = settle_catalog_list (self->book, *search != '\0' ? search : NULL, FALSE, &error);
  if (self->catalog == NULL)
    {
      gtk_list_box_set_placeholder (self->catalog_list, placeholder (error->message));
      return;
    }
  gtk_list_box_set_placeholder (self->catalog_list,
                                placeholder (*search != '\0'
                                             ? _("Nothing in the catalogue matches.")
                                             : _("The catalogue is empty. Add products and "
                                                 "services in Preferences.")));
  for (guint i = 0; i < self->catalog->len && i < PICKER_LIMIT; i++)
    {
      const SettleCatalogItem *item = g_ptr_array_index (self->catalog, i);
      g_autofree char *price = settle_format_money (item->unit_price, item->currency);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: a catalogue item in the picker: SKU · kind. */
      subtitle = g_strdup_printf (_("%s · %s"), item->sku, settle_item_kind_label (item->kind));
      row = picker_row (item->name, subtitle, price);
      g_object_set_data (G_OBJECT (row), "catalog-index", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (self->catalog_list, row);
    }
}

/* Each time it opens, the whole catalogue from the top; the search of last time
 * was cleared when it closed. */
static void
catalog_popover_show_cb (SettleInvoiceEditor *self)
{
  fill_catalog (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->catalog_search));
}

static void
catalog_popover_closed_cb (SettleInvoiceEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->catalog_search), "");
}

static void
catalog_search_changed_cb (SettleInvoiceEditor *self)
{
  fill_catalog (self);
}

static void
catalog_activated_cb (SettleInvoiceEditor *self,
                      GtkListBoxRow       *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "catalog-index"));
  g_autoptr(GPtrArray) catalog = NULL;
  g_autoptr(SettleInvoice) scratch = NULL;
  const SettleCatalogItem *item;
  SettleInvoiceLine *line;

  if (index == 0 || self->catalog == NULL || index > self->catalog->len || self->invoice == NULL)
    return;
  /* Closing the popover clears its search, which refills the list: keep the
   * items alive until the line is made. */
  catalog = g_ptr_array_ref (self->catalog);
  item = g_ptr_array_index (catalog, index - 1);
  gtk_popover_popdown (self->catalog_popover);
  if (g_strcmp0 (item->currency, self->invoice->currency) != 0)
    {
      g_autofree char *message =
        /* Translators: item name, its currency, the invoice's currency. */
        g_strdup_printf (_("“%s” is priced in %s, but this invoice is in %s: add it as a free "
                           "line with a price in %s."),
                         item->name, item->currency, self->invoice->currency,
                         self->invoice->currency);

      settle_invoice_editor_show_error (self, message);
      return;
    }

  scratch = settle_invoice_new (self->invoice->client_id, self->invoice->currency);
  line = settle_invoice_add_line (scratch, item->name, 1000, item->unit_price, item->tax_rate_bp);
  line->item_id = item->id;
  settle_invoice_editor_add_line (self, line);
}

static void
catalog_search_activate_cb (SettleInvoiceEditor *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->catalog_list, 0);

  if (first != NULL)
    catalog_activated_cb (self, first);
}

void
settle_invoice_editor_bind_pickers (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, client_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, catalog_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, catalog_popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, catalog_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, catalog_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, catalog_activated_cb);
}
