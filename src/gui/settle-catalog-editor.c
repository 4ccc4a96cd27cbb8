/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-catalog-editor.h"
#include "settle-catalog.h"
#include "settle-money.h"

struct _SettleCatalogEditor
{
  AdwWindow          parent_instance;

  SettleBook        *book;
  SettleCatalogItem *item;
  GArray            *rates;     /* int basis points, in the tax combo's order */

  GtkButton         *save_button;
  GtkLabel          *message_label;
  AdwEntryRow       *sku_row;
  AdwEntryRow       *name_row;
  AdwEntryRow       *description_row;
  AdwEntryRow       *price_row;
  AdwComboRow       *tax_row;
  AdwComboRow       *kind_row;
  GtkSwitch         *active_switch;
};

G_DEFINE_FINAL_TYPE (SettleCatalogEditor, settle_catalog_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mark (AdwEntryRow *row,
      const char  *title,
      const char  *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
}

/* Reads the fields into item; marks every wrong one. */
static gboolean
read_fields (SettleCatalogEditor *self,
             SettleCatalogItem   *item)
{
  g_autofree char *sku = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->sku_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *price = gtk_editable_get_text (GTK_EDITABLE (self->price_row));
  g_autoptr(GError) price_error = NULL;
  g_autoptr(SettleCatalogItem) same_sku = NULL;
  const char *sku_problem = NULL;
  SettleMoney money;
  guint selected;
  gboolean ok = TRUE;

  if (*sku == '\0')
    sku_problem = _("SKU: enter a code, like MS-100");
  else if ((same_sku = settle_catalog_item_load_by_sku (self->book, sku, NULL)) != NULL
           && same_sku->id != item->id)
    sku_problem = _("SKU: another item already has this code");
  mark (self->sku_row, _("SKU"), sku_problem);
  ok &= sku_problem == NULL;

  mark (self->name_row, _("Name"), *name == '\0' ? _("Name: enter a name") : NULL);
  ok &= *name != '\0';

  if (!settle_money_parse (price, item->currency, &money, &price_error))
    {
      /* Translators: the field, then what was wrong with the amount. */
      g_autofree char *message = g_strdup_printf (_("Unit price: %s"), price_error->message);

      mark (self->price_row, _("Unit price"), message);
      ok = FALSE;
    }
  else
    mark (self->price_row, _("Unit price"), NULL);

  g_free (item->sku);
  item->sku = g_steal_pointer (&sku);
  g_free (item->name);
  item->name = g_steal_pointer (&name);
  g_free (item->description);
  item->description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  if (ok)
    item->unit_price = money.amount;
  selected = adw_combo_row_get_selected (self->tax_row);
  item->tax_rate_bp = selected < self->rates->len ? g_array_index (self->rates, int, selected) : 0;
  selected = adw_combo_row_get_selected (self->kind_row);
  item->kind = selected <= SETTLE_ITEM_USAGE ? (SettleItemKind) selected : SETTLE_ITEM_SERVICE;
  item->active = gtk_switch_get_active (self->active_switch);
  return ok;
}

static void
changed_cb (SettleCatalogEditor *self)
{
  g_autoptr(SettleCatalogItem) scratch = settle_catalog_item_new ();

  if (self->item == NULL)
    return;
  scratch->id = self->item->id;
  memcpy (scratch->currency, self->item->currency, sizeof scratch->currency);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), read_fields (self, scratch));
}

gboolean
settle_catalog_editor_save (SettleCatalogEditor *self,
                            GError             **error)
{
  g_return_val_if_fail (SETTLE_IS_CATALOG_EDITOR (self), FALSE);

  if (!read_fields (self, self->item))
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Fix the fields marked in red"));
      return FALSE;
    }
  if (!settle_catalog_item_save (self->book, self->item, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (SettleCatalogEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!settle_catalog_editor_save (self, &error))
    {
      gtk_label_set_text (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
    }
}

static void
settle_catalog_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SETTLE_TYPE_CATALOG_EDITOR);
  G_OBJECT_CLASS (settle_catalog_editor_parent_class)->dispose (object);
}

static void
settle_catalog_editor_finalize (GObject *object)
{
  SettleCatalogEditor *self = SETTLE_CATALOG_EDITOR (object);

  g_clear_object (&self->book);
  g_clear_pointer (&self->item, settle_catalog_item_free);
  g_clear_pointer (&self->rates, g_array_unref);

  G_OBJECT_CLASS (settle_catalog_editor_parent_class)->finalize (object);
}

static void
settle_catalog_editor_class_init (SettleCatalogEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_catalog_editor_dispose;
  object_class->finalize = settle_catalog_editor_finalize;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-catalog-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleCatalogEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SettleCatalogEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, SettleCatalogEditor, sku_row);
  gtk_widget_class_bind_template_child (widget_class, SettleCatalogEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SettleCatalogEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, SettleCatalogEditor, price_row);
  gtk_widget_class_bind_template_child (widget_class, SettleCatalogEditor, tax_row);
  gtk_widget_class_bind_template_child (widget_class, SettleCatalogEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SettleCatalogEditor, active_switch);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_catalog_editor_init (SettleCatalogEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rates = g_array_new (FALSE, FALSE, sizeof (int));
  for (int kind = SETTLE_ITEM_SERVICE; kind <= SETTLE_ITEM_USAGE; kind++)
    gtk_string_list_append (kinds, settle_item_kind_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

static void
fill_rates (SettleCatalogEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) rates = settle_tax_rate_list (self->book, NULL);
  guint selected = 0;
  int zero = 0;

  /* No tax is always allowed and comes first. */
  g_array_append_val (self->rates, zero);
  gtk_string_list_append (labels, _("No tax"));
  for (guint i = 0; rates != NULL && i < rates->len; i++)
    {
      SettleTaxRate *rate = g_ptr_array_index (rates, i);
      g_autofree char *text = settle_tax_rate_format (rate->rate_bp);
      g_autofree char *label = NULL;

      if (rate->rate_bp == 0)
        continue;
      if (strstr (rate->name, text) != NULL)
        label = g_strdup (rate->name);
      else
        /* Translators: a tax rate's name and percentage, "Sales tax (8.25 %)". */
        label = g_strdup_printf (_("%s (%s)"), rate->name, text);
      g_array_append_val (self->rates, rate->rate_bp);
      gtk_string_list_append (labels, label);
    }
  for (guint i = 0; i < self->rates->len; i++)
    if (g_array_index (self->rates, int, i) == self->item->tax_rate_bp)
      selected = i;
  adw_combo_row_set_model (self->tax_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->tax_row, selected);
}

SettleCatalogEditor *
settle_catalog_editor_new (GtkWindow  *parent,
                           SettleBook *book,
                           SettleId    item_id)
{
  SettleCatalogEditor *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  self = g_object_new (SETTLE_TYPE_CATALOG_EDITOR, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  if (item_id != 0)
    self->item = settle_catalog_item_load (book, item_id, &error);
  if (self->item == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot load catalogue item %" G_GINT64_FORMAT ": %s", (gint64) item_id,
                   error->message);
      self->item = settle_catalog_item_new ();
      self->item->active = TRUE;
      currency = settle_book_get_setting (book, "currency");
      g_strlcpy (self->item->currency,
                 currency != NULL && settle_currency_is_known (currency) ? currency : "USD",
                 sizeof self->item->currency);
    }
  gtk_window_set_title (GTK_WINDOW (self),
                        self->item->id != 0 ? _("Edit Catalogue Item") : _("New Catalogue Item"));

  fill_rates (self);
  adw_combo_row_set_selected (self->kind_row, self->item->kind);
  gtk_switch_set_active (self->active_switch, self->item->active);
  if (self->item->id != 0)
    {
      g_autofree char *price = settle_money_format_number (settle_money_init (self->item->unit_price,
                                                                               self->item->currency));

      gtk_editable_set_text (GTK_EDITABLE (self->sku_row), self->item->sku);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->item->name);
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             self->item->description != NULL ? self->item->description : "");
      gtk_editable_set_text (GTK_EDITABLE (self->price_row), price);
    }
  changed_cb (self);
  /* A new item starts blank: no red before the first keystroke. */
  if (self->item->id == 0)
    {
      mark (self->sku_row, _("SKU"), NULL);
      mark (self->name_row, _("Name"), NULL);
      mark (self->price_row, _("Unit price"), NULL);
    }
  return self;
}
