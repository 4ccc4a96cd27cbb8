/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-agreement-editor-private.h"
#include "settle-catalog.h"
#include "settle-format.h"
#include "settle-invoice.h"
#include "settle-line-rows.h"
#include "settle-money.h"

/* The lines of the agreement editor: one list row per line, and the catalogue
 * pop-over that adds one. */

gboolean
settle_agreement_editor_parse_date (const char  *text,
                                    const char  *field,
                                    GDate       *date,
                                    GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_date_clear (date, 1);
  if (*stripped == '\0')
    return TRUE;
  if (settle_date_parse (stripped, date))
    return TRUE;
  g_date_clear (date, 1);
  /* Translators: the field, then what was typed. */
  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
               _("%s: “%s” is not a date; write it as YYYY-MM-DD, like 2026-12-01"),
               field, stripped);
  return FALSE;
}

static void
line_changed_cb (SettleAgreementEditor *self)
{
  self->touched = TRUE;
  settle_agreement_editor_revalidate (self);
}

static guint
rate_position (SettleAgreementEditor *self,
               int                    rate_bp)
{
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->rates->len; i++)
    if (g_array_index (self->rates, int, i) == rate_bp)
      return i;
  /* A rate the book no longer has: shown, so saving says what is wrong with it. */
  label = settle_tax_rate_format (rate_bp);
  g_array_append_val (self->rates, rate_bp);
  gtk_string_list_append (self->rate_labels, label);
  return self->rates->len - 1;
}

GtkWidget *
settle_agreement_editor_line_new (SettleAgreementEditor     *self,
                                  const SettleAgreementLine *line)
{
  SettleAgreementLineWidgets *lw = g_new0 (SettleAgreementLineWidgets, 1);
  GtkWidget *outer, *top, *bottom, *label;

  outer = settle_line_rows_box (GTK_ORIENTATION_VERTICAL);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (outer), top);
  gtk_box_append (GTK_BOX (outer), bottom);

  lw->description = settle_line_rows_add_entry (top, _("Description"), _("Line description"), 16,
                                                TRUE);
  lw->quantity = settle_line_rows_add_entry (top, _("Qty"), _("Quantity"), 6, FALSE);
  lw->price = settle_line_rows_add_entry (top, _("Unit price"), _("Unit price"), 9, FALSE);
  gtk_entry_set_alignment (lw->quantity, 1);
  gtk_entry_set_alignment (lw->price, 1);

  lw->tax = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->rate_labels)),
                                              NULL));
  /* The same width on every line, so the columns line up. */
  gtk_widget_set_size_request (GTK_WIDGET (lw->tax), 170, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (lw->tax), _("Tax rate"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (lw->tax), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tax rate"), -1);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (lw->tax));

  lw->remove = settle_line_rows_add_remove (top, _("Remove Line"), _("Remove line"));

  lw->usage = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Usage, billed in arrears")));
  gtk_widget_set_hexpand (GTK_WIDGET (lw->usage), TRUE);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (lw->usage));
  label = gtk_label_new (_("In force"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (bottom), label);
  lw->start = settle_line_rows_add_entry (bottom, _("from start"), _("Line start date"), 10, FALSE);
  lw->end = settle_line_rows_add_entry (bottom, _("to end"), _("Line end date"), 10, FALSE);

  if (line != NULL)
    {
      g_autofree char *quantity = settle_format_quantity (line->quantity_milli);
      g_autofree char *price = NULL;
      SettleMoney money = settle_money_init (line->unit_price, self->agreement->currency);

      price = settle_money_format_number (money);
      lw->id = line->id;
      lw->item_id = line->item_id;
      gtk_editable_set_text (GTK_EDITABLE (lw->description), line->description);
      gtk_editable_set_text (GTK_EDITABLE (lw->quantity), quantity);
      gtk_editable_set_text (GTK_EDITABLE (lw->price), price);
      gtk_drop_down_set_selected (lw->tax, rate_position (self, line->tax_rate_bp));
      gtk_check_button_set_active (lw->usage, line->usage);
      settle_line_rows_show_date (GTK_EDITABLE (lw->start), &line->start_date);
      settle_line_rows_show_date (GTK_EDITABLE (lw->end), &line->end_date);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (lw->quantity), "1");
      gtk_drop_down_set_selected (lw->tax, rate_position (self, 0));
    }

  /* After the fields are filled, which is no edit. */
  settle_line_rows_watch (G_CALLBACK (line_changed_cb), self, lw->description, lw->quantity,
                          lw->price, lw->start, lw->end, lw->tax, lw->usage, lw->remove, NULL);
  lw->row = settle_line_rows_append (self->lines_list, outer, lw);
  return lw->row;
}

SettleAgreementLineWidgets *
settle_agreement_editor_line_get (GtkWidget *row)
{
  return settle_line_rows_get (row);
}

static gboolean
line_problem (GError    **error,
              GtkWidget **bad,
              GtkEntry   *entry,
              const char *message)
{
  *bad = GTK_WIDGET (entry);
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return FALSE;
}

gboolean
settle_agreement_editor_line_read (SettleAgreementEditor      *self,
                                   SettleAgreementLineWidgets *lw,
                                   guint                       n,
                                   SettleAgreement            *agreement,
                                   GtkWidget                 **bad,
                                   GError                    **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *quantity_text = NULL;
  g_autofree char *price_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *field = NULL;
  SettleAgreementLine *line;
  SettleMoney price = { 0 };
  gint64 quantity = 0;
  gboolean usage = gtk_check_button_get_active (lw->usage);
  guint position = gtk_drop_down_get_selected (lw->tax);
  GDate start, end;

  description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (lw->description))));
  quantity_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (lw->quantity))));
  price_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (lw->price))));

  /* A usage line's quantity comes from the usage entered for each period. */
  if (!(usage && *quantity_text == '\0')
      && !settle_invoice_parse_quantity (quantity_text, &quantity, &local))
    {
      /* Translators: the line number, then why the quantity was refused. */
      g_autofree char *message = g_strdup_printf (_("Line %u, quantity: %s"), n, local->message);
      return line_problem (error, bad, lw->quantity, message);
    }
  if (*price_text == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("Line %u, unit price: enter a price, like 125.00"), n);
      return line_problem (error, bad, lw->price, message);
    }
  if (!settle_money_parse (price_text, agreement->currency, &price, &local))
    {
      /* Translators: the line number, then why the price was refused. */
      g_autofree char *message = g_strdup_printf (_("Line %u, unit price: %s"), n, local->message);
      return line_problem (error, bad, lw->price, message);
    }
  /* Translators: the field named in messages about a line's start date. */
  field = g_strdup_printf (_("Line %u, start date"), n);
  if (!settle_agreement_editor_parse_date (gtk_editable_get_text (GTK_EDITABLE (lw->start)),
                                           field, &start, &local))
    return line_problem (error, bad, lw->start, local->message);
  g_free (field);
  field = g_strdup_printf (_("Line %u, end date"), n);
  if (!settle_agreement_editor_parse_date (gtk_editable_get_text (GTK_EDITABLE (lw->end)),
                                           field, &end, &local))
    return line_problem (error, bad, lw->end, local->message);

  line = settle_agreement_add_line (agreement, description, quantity, price.amount,
                                    position < self->rates->len
                                      ? g_array_index (self->rates, int, position) : 0,
                                    usage);
  line->id = lw->id;
  line->item_id = lw->item_id;
  line->start_date = start;
  line->end_date = end;
  return TRUE;
}

static void
catalog_row_activated_cb (GtkListBox            *list,
                          GtkListBoxRow         *row,
                          SettleAgreementEditor *self)
{
  const SettleCatalogItem *item;
  SettleAgreementLine line = { 0 };
  GtkWidget *added;

  item = g_ptr_array_index (self->catalog, gtk_list_box_row_get_index (row));
  line.item_id = item->id;
  line.description = item->name;
  line.quantity_milli = 1000;
  line.unit_price = item->unit_price;
  line.tax_rate_bp = item->tax_rate_bp;
  line.usage = item->kind == SETTLE_ITEM_USAGE;
  g_date_clear (&line.start_date, 1);
  g_date_clear (&line.end_date, 1);

  gtk_menu_button_popdown (self->catalog_button);
  added = settle_agreement_editor_line_new (self, &line);
  self->touched = TRUE;
  settle_agreement_editor_revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (settle_agreement_editor_line_get (added)->quantity));
}

void
settle_agreement_editor_fill_catalog (SettleAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = settle_catalog_list (self->book, NULL, FALSE, &error);

  g_clear_pointer (&self->catalog, g_ptr_array_unref);
  self->catalog = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_catalog_item_free);
  if (items == NULL)
    {
      g_warning ("Cannot list the catalogue: %s", error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->catalog_button), FALSE);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      SettleCatalogItem *item = g_ptr_array_index (items, i);
      g_autofree char *price = NULL;
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* An agreement bills in one currency. */
      if (g_strcmp0 (item->currency, self->agreement->currency) != 0)
        continue;
      price = settle_format_money (item->unit_price, item->currency);
      /* Translators: SKU, name, unit price of a catalogue item. */
      text = g_strdup_printf (_("%s — %s, %s"), item->sku, item->name, price);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->catalog_list, label);
      g_ptr_array_add (self->catalog, g_ptr_array_steal_index (items, i--));
    }
  g_signal_connect (self->catalog_list, "row-activated", G_CALLBACK (catalog_row_activated_cb),
                    self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->catalog_button), self->catalog->len > 0);
}
