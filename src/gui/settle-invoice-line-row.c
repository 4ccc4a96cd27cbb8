/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "settle-catalog.h"
#include "settle-format.h"
#include "settle-invoice-line-row.h"

struct _SettleInvoiceLineRow
{
  GtkListBoxRow  parent_instance;

  char           currency[4];
  GArray        *rates;        /* int basis points, one per dropdown item */
  GtkStringList *rate_labels;
  SettleId       item_id;
  guint          position;

  GtkLabel      *position_label;
  GtkEntry      *description_entry;
  GtkEntry      *quantity_entry;
  GtkEntry      *price_entry;
  GtkEntry      *discount_entry;
  GtkDropDown   *tax_dropdown;
  GtkLabel      *total_label;
  GtkWidget     *buttons_box;
  GtkWidget     *up_button;
  GtkWidget     *down_button;
};

G_DEFINE_FINAL_TYPE (SettleInvoiceLineRow, settle_invoice_line_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  REMOVE,
  MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_changed_cb (SettleInvoiceLineRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
up_clicked_cb (SettleInvoiceLineRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked_cb (SettleInvoiceLineRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
remove_clicked_cb (SettleInvoiceLineRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SettleInvoiceLineRow *self = SETTLE_INVOICE_LINE_ROW (widget);

  if (gtk_widget_get_visible (self->buttons_box))
    g_signal_emit (self, signals[MOVE], 0, g_variant_get_int32 (parameter));
}

static guint
add_rate (SettleInvoiceLineRow *self,
          int                   rate_bp,
          const char           *label)
{
  g_array_append_val (self->rates, rate_bp);
  gtk_string_list_append (self->rate_labels, label);
  return self->rates->len - 1;
}

static void
settle_invoice_line_row_finalize (GObject *object)
{
  SettleInvoiceLineRow *self = SETTLE_INVOICE_LINE_ROW (object);

  g_clear_pointer (&self->rates, g_array_unref);
  g_clear_object (&self->rate_labels);

  G_OBJECT_CLASS (settle_invoice_line_row_parent_class)->finalize (object);
}

static void
settle_invoice_line_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SETTLE_TYPE_INVOICE_LINE_ROW);

  G_OBJECT_CLASS (settle_invoice_line_row_parent_class)->dispose (object);
}

static void
settle_invoice_line_row_class_init (SettleInvoiceLineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_invoice_line_row_dispose;
  object_class->finalize = settle_invoice_line_row_finalize;

  /* Something was typed or picked. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* delta: -1 up, +1 down. */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-invoice-line-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, position_label);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, description_entry);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, quantity_entry);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, price_entry);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, discount_entry);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, tax_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, total_label);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceLineRow, down_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  gtk_widget_class_install_action (widget_class, "line.move", "i", move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "line.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "line.move", "i", 1);
}

static void
settle_invoice_line_row_init (SettleInvoiceLineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rates = g_array_new (FALSE, FALSE, sizeof (int));
  self->rate_labels = gtk_string_list_new (NULL);
}

SettleInvoiceLineRow *
settle_invoice_line_row_new (const char *currency,
                             GPtrArray  *tax_rates)
{
  SettleInvoiceLineRow *self;

  g_return_val_if_fail (currency != NULL, NULL);

  self = g_object_new (SETTLE_TYPE_INVOICE_LINE_ROW, NULL);
  g_strlcpy (self->currency, currency, sizeof self->currency);

  add_rate (self, 0, _("No tax"));
  for (guint i = 0; tax_rates != NULL && i < tax_rates->len; i++)
    {
      const SettleTaxRate *rate = g_ptr_array_index (tax_rates, i);
      g_autofree char *percent = settle_format_rate (rate->rate_bp);
      g_autofree char *label = NULL;

      if (rate->rate_bp == 0)
        continue;
      /* Most names say their rate ("Sales tax 8.25 %"); the others get it added. */
      if (strstr (rate->name, percent) != NULL)
        label = g_strdup (rate->name);
      else
        /* Translators: a tax rate in the line's dropdown: its name and percentage. */
        label = g_strdup_printf (_("%s (%s)"), rate->name, percent);
      add_rate (self, rate->rate_bp, label);
    }
  /* Set after the items, so building the list does not emit "changed". */
  gtk_drop_down_set_model (self->tax_dropdown, G_LIST_MODEL (self->rate_labels));
  settle_invoice_line_row_set_total (self, 0);
  return self;
}

void
settle_invoice_line_row_set_line (SettleInvoiceLineRow    *self,
                                  const SettleInvoiceLine *line)
{
  g_autofree char *quantity = NULL;
  g_autofree char *price = NULL;
  g_autofree char *discount = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (SETTLE_IS_INVOICE_LINE_ROW (self));
  g_return_if_fail (line != NULL);

  self->item_id = line->item_id;
  quantity = settle_format_quantity (line->quantity_milli);
  price = settle_money_format_number (settle_money_init (line->unit_price, self->currency));
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry),
                         line->description != NULL ? line->description : "");
  gtk_editable_set_text (GTK_EDITABLE (self->quantity_entry), quantity);
  gtk_editable_set_text (GTK_EDITABLE (self->price_entry), price);
  if (line->discount_bp != 0)
    discount = settle_format_fixed (line->discount_bp, 2, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->discount_entry), discount != NULL ? discount : "");

  for (guint i = 0; i < self->rates->len; i++)
    if (g_array_index (self->rates, int, i) == line->tax_rate_bp)
      selected = i;
  /* A rate the book no longer has stays visible, so validation can name it. */
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      g_autofree char *percent = settle_format_rate (line->tax_rate_bp);
      /* Translators: a tax rate on a line that the book's list of rates lacks. */
      g_autofree char *label = g_strdup_printf (_("%s (unknown)"), percent);

      selected = add_rate (self, line->tax_rate_bp, label);
    }
  gtk_drop_down_set_selected (self->tax_dropdown, selected);
}

static void
mark (GtkEntry *entry,
      gboolean  bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

gboolean
settle_invoice_line_row_get_line (SettleInvoiceLineRow *self,
                                  SettleInvoiceLine    *line,
                                  GError              **error)
{
  const char *quantity_text = gtk_editable_get_text (GTK_EDITABLE (self->quantity_entry));
  const char *price_text = gtk_editable_get_text (GTK_EDITABLE (self->price_entry));
  const char *discount_text = gtk_editable_get_text (GTK_EDITABLE (self->discount_entry));
  g_autofree char *quantity_trim = g_strstrip (g_strdup (quantity_text));
  g_autofree char *price_trim = g_strstrip (g_strdup (price_text));
  g_autofree char *discount_trim = g_strstrip (g_strdup (discount_text));
  SettleMoney price = { 0 };
  gint64 quantity = 0, discount = 0;
  gboolean quantity_ok, price_ok, discount_ok = TRUE;
  guint selected;

  g_return_val_if_fail (SETTLE_IS_INVOICE_LINE_ROW (self), FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  /* Every entry is checked, so each bad one is marked at once, not one per try. */
  quantity_ok = *quantity_trim != '\0'
                && settle_invoice_parse_quantity (quantity_trim, &quantity, NULL);
  price_ok = *price_trim == '\0'
             || settle_money_parse (price_trim, self->currency, &price, NULL);
  if (*discount_trim != '\0')
    discount_ok = settle_parse_fixed (discount_trim, 2, &discount, NULL)
                  && discount >= 0 && discount <= 10000;
  mark (self->quantity_entry, !quantity_ok);
  mark (self->price_entry, !price_ok);
  mark (self->discount_entry, !discount_ok);

  if (!quantity_ok)
    {
      if (*quantity_trim == '\0')
        g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                     _("Line %u: enter a quantity"), self->position);
      else
        g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                     _("Line %u: quantity “%s” is not a number"), self->position, quantity_text);
      return FALSE;
    }
  if (!price_ok)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Line %u: unit price “%s” is not an amount in %s"), self->position,
                   price_text, self->currency);
      return FALSE;
    }
  if (!discount_ok)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Line %u: discount “%s” is not a percentage from 0 to 100"),
                   self->position, discount_text);
      return FALSE;
    }

  selected = gtk_drop_down_get_selected (self->tax_dropdown);
  g_free (line->description);
  line->description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_entry))));
  line->quantity_milli = quantity;
  line->unit_price = price.amount;
  line->discount_bp = (int) discount;
  line->tax_rate_bp = selected < self->rates->len ? g_array_index (self->rates, int, selected) : 0;
  line->item_id = self->item_id;
  return TRUE;
}

/* Takes label. */
static void
label_entry (GtkWidget *widget,
             char      *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (label);
}

void
settle_invoice_line_row_set_position (SettleInvoiceLineRow *self,
                                      guint                 position,
                                      guint                 n_lines)
{
  g_autofree char *text = g_strdup_printf ("%u", position);

  g_return_if_fail (SETTLE_IS_INVOICE_LINE_ROW (self));

  self->position = position;
  gtk_label_set_label (self->position_label, text);
  gtk_widget_set_sensitive (self->up_button, position > 1);
  gtk_widget_set_sensitive (self->down_button, position < n_lines);
  label_entry (GTK_WIDGET (self->description_entry), g_strdup_printf (_("Line %u description"), position));
  label_entry (GTK_WIDGET (self->quantity_entry), g_strdup_printf (_("Line %u quantity"), position));
  label_entry (GTK_WIDGET (self->price_entry), g_strdup_printf (_("Line %u unit price"), position));
  label_entry (GTK_WIDGET (self->discount_entry), g_strdup_printf (_("Line %u discount in percent"), position));
  label_entry (GTK_WIDGET (self->tax_dropdown), g_strdup_printf (_("Line %u tax rate"), position));
  label_entry (GTK_WIDGET (self->total_label), g_strdup_printf (_("Line %u total"), position));
}

void
settle_invoice_line_row_set_total (SettleInvoiceLineRow *self,
                                   gint64                net)
{
  g_autofree char *text = settle_format_money (net, self->currency);

  g_return_if_fail (SETTLE_IS_INVOICE_LINE_ROW (self));
  gtk_label_set_label (self->total_label, text);
}

void
settle_invoice_line_row_set_editable (SettleInvoiceLineRow *self,
                                      gboolean              editable)
{
  GtkEditable *entries[] = {
    GTK_EDITABLE (self->description_entry), GTK_EDITABLE (self->quantity_entry),
    GTK_EDITABLE (self->price_entry), GTK_EDITABLE (self->discount_entry),
  };

  g_return_if_fail (SETTLE_IS_INVOICE_LINE_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      gtk_editable_set_editable (entries[i], editable);
      gtk_widget_set_can_focus (GTK_WIDGET (entries[i]), editable);
      /* Read-only text reads as text, not as a field waiting for input. */
      gtk_entry_set_has_frame (GTK_ENTRY (entries[i]), editable);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->tax_dropdown), editable);
  gtk_widget_set_visible (self->buttons_box, editable);
}

void
settle_invoice_line_row_join_columns (SettleInvoiceLineRow  *self,
                                      GtkSizeGroup         **groups)
{
  GtkWidget *widgets[SETTLE_LINE_N_COLUMNS];

  g_return_if_fail (SETTLE_IS_INVOICE_LINE_ROW (self));
  g_return_if_fail (groups != NULL);

  widgets[SETTLE_LINE_COLUMN_QUANTITY] = GTK_WIDGET (self->quantity_entry);
  widgets[SETTLE_LINE_COLUMN_PRICE] = GTK_WIDGET (self->price_entry);
  widgets[SETTLE_LINE_COLUMN_DISCOUNT] = GTK_WIDGET (self->discount_entry);
  widgets[SETTLE_LINE_COLUMN_TAX] = GTK_WIDGET (self->tax_dropdown);
  widgets[SETTLE_LINE_COLUMN_TOTAL] = GTK_WIDGET (self->total_label);
  widgets[SETTLE_LINE_COLUMN_BUTTONS] = self->buttons_box;
  for (guint i = 0; i < SETTLE_LINE_N_COLUMNS; i++)
    gtk_size_group_add_widget (groups[i], widgets[i]);
}

void
settle_invoice_line_row_focus (SettleInvoiceLineRow *self)
{
  g_return_if_fail (SETTLE_IS_INVOICE_LINE_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->description_entry));
}
