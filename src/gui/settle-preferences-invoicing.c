/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-catalog-editor.h"
#include "settle-catalog.h"
#include "settle-money.h"
#include "settle-preferences-private.h"

/* The Invoicing page: default terms, number series, tax rates, catalogue. */

#define MAX_CATALOG_ROWS 500

/* ---- numbers in entry rows ----------------------------------------------------- */

/* A whole number in the row, or an error on the row naming it. Empty is 0. */
static gboolean
row_get_int (AdwEntryRow *row,
             int         *out)
{
  const char *title = g_object_get_data (G_OBJECT (row), "settle-title");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *message = NULL;
  gint64 value = 0;

  if (title == NULL)
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  if (*text == '\0' || g_ascii_string_to_signed (text, 10, 0, 100000, &value, NULL))
    {
      *out = (int) value;
      settle_preferences_set_row_error (GTK_WIDGET (row), NULL);
      return TRUE;
    }
  /* Translators: %s is the field ("Days"), then what it must hold. */
  message = g_strdup_printf (_("%s: enter a whole number, like 30"), title);
  settle_preferences_set_row_error (GTK_WIDGET (row), message);
  return FALSE;
}

static void
row_set_int (AdwEntryRow *row,
             int          value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* ---- default terms -------------------------------------------------------------- */

static gboolean
terms_from_fields (SettlePreferencesWindow *self,
                   SettleTerms             *terms)
{
  const char *title = g_object_get_data (G_OBJECT (self->terms_discount_row), "settle-title");
  g_autofree char *discount = NULL;
  gboolean ok = TRUE;
  gint64 bp = 0;

  memset (terms, 0, sizeof *terms);
  terms->kind = (SettleTermsKind) adw_combo_row_get_selected (self->terms_kind_row);
  if (terms->kind > SETTLE_TERMS_PROXIMO)
    terms->kind = SETTLE_TERMS_NET;
  if (terms->kind == SETTLE_TERMS_NET || terms->kind == SETTLE_TERMS_END_OF_MONTH)
    ok &= row_get_int (self->terms_days_row, &terms->days);
  if (terms->kind == SETTLE_TERMS_PROXIMO)
    {
      ok &= row_get_int (self->terms_day_row, &terms->day_of_month);
      ok &= row_get_int (self->terms_cutoff_row, &terms->cutoff_day);
    }
  ok &= row_get_int (self->terms_discount_days_row, &terms->discount_days);

  if (title == NULL)
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->terms_discount_row));
  discount = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->terms_discount_row))));
  if (*discount != '\0' && (!settle_parse_fixed (discount, 2, &bp, NULL) || bp < 0 || bp > 10000))
    {
      g_autofree char *message =
        /* Translators: %s is the field's name. */
        g_strdup_printf (_("%s: enter a percentage from 0 to 100, like 2 or 1.5"), title);

      settle_preferences_set_row_error (GTK_WIDGET (self->terms_discount_row), message);
      ok = FALSE;
    }
  else
    settle_preferences_set_row_error (GTK_WIDGET (self->terms_discount_row), NULL);
  terms->discount_bp = (int) bp;
  return ok;
}

static void
terms_update (SettlePreferencesWindow *self,
              gboolean                *valid,
              SettleTerms             *terms)
{
  g_autoptr(GError) error = NULL;
  SettleTermsKind kind = (SettleTermsKind) adw_combo_row_get_selected (self->terms_kind_row);

  gtk_widget_set_visible (GTK_WIDGET (self->terms_days_row),
                          kind == SETTLE_TERMS_NET || kind == SETTLE_TERMS_END_OF_MONTH);
  gtk_widget_set_visible (GTK_WIDGET (self->terms_day_row), kind == SETTLE_TERMS_PROXIMO);
  gtk_widget_set_visible (GTK_WIDGET (self->terms_cutoff_row), kind == SETTLE_TERMS_PROXIMO);

  *valid = terms_from_fields (self, terms);
  if (*valid && !settle_terms_validate (terms, &error))
    *valid = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self->terms_group), "error");
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->terms_group), "error");
      adw_preferences_group_set_description (self->terms_group, error->message);
    }
  else if (*valid)
    {
      g_autofree char *described = settle_terms_describe (terms);
      /* Translators: %s describes the terms, "Net 30" or "2 % 10, Net 30". */
      g_autofree char *text = g_strdup_printf (_("New invoices and clients without their own "
                                                 "terms: %s"), described);

      adw_preferences_group_set_description (self->terms_group, text);
    }
}

static gboolean
terms_save (SettlePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  SettleTerms terms;
  gboolean valid;

  terms_update (self, &valid, &terms);
  if (!valid)
    return FALSE;
  if (settle_terms_equal (&terms, &self->terms))
    return TRUE;
  if (!settle_terms_set_default (self->book, &terms, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->terms_group), "error");
      adw_preferences_group_set_description (self->terms_group, error->message);
      return FALSE;
    }
  self->terms = terms;
  return TRUE;
}

static void
terms_load (SettlePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *discount = NULL;

  if (!settle_terms_get_default (self->book, &self->terms, &error))
    {
      g_warning ("Cannot read the default terms: %s", error->message);
      settle_terms_init_default (&self->terms);
    }
  adw_combo_row_set_selected (self->terms_kind_row, self->terms.kind);
  row_set_int (self->terms_days_row, self->terms.days);
  row_set_int (self->terms_day_row, self->terms.day_of_month > 0 ? self->terms.day_of_month : 1);
  row_set_int (self->terms_cutoff_row, self->terms.cutoff_day);
  row_set_int (self->terms_discount_days_row, self->terms.discount_days);
  discount = settle_format_fixed (self->terms.discount_bp, 2, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->terms_discount_row), discount);
}

/* ---- number series ---------------------------------------------------------------- */

static gboolean
series_from_fields (SettlePreferencesSeries *rows,
                    SettleSeries            *series)
{
  int width = 0;

  g_free (series->prefix);
  series->prefix = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->prefix_row)));
  series->yearly_reset = gtk_switch_get_active (rows->reset_switch);
  if (!row_get_int (rows->width_row, &width))
    return FALSE;
  if (width < 1 || width > 12)
    {
      settle_preferences_set_row_error (GTK_WIDGET (rows->width_row),
                                        _("Digits: enter a number from 1 to 12"));
      return FALSE;
    }
  series->width = width;
  return TRUE;
}

static SettleSeries *
series_copy (const SettleSeries *series)
{
  SettleSeries *copy = settle_series_new (series->name);

  g_free (copy->prefix);
  copy->prefix = g_strdup (series->prefix);
  copy->width = series->width;
  copy->yearly_reset = series->yearly_reset;
  copy->next_value = series->next_value;
  copy->year = series->year;
  return copy;
}

static gboolean
series_update (SettlePreferencesSeries *rows,
               SettleSeries            *candidate)
{
  GDate today;

  if (rows->saved == NULL)
    return FALSE;
  if (!series_from_fields (rows, candidate))
    {
      adw_action_row_set_subtitle (rows->preview_row, "—");
      return FALSE;
    }
  settle_today (&today);
  {
    g_autofree char *preview = settle_series_preview (candidate, &today);

    adw_action_row_set_subtitle (rows->preview_row, preview);
  }
  return TRUE;
}

static gboolean
series_save (SettlePreferencesWindow *self,
             SettlePreferencesSeries *rows)
{
  g_autoptr(SettleSeries) candidate = NULL;
  g_autoptr(GError) error = NULL;

  if (rows->saved == NULL)
    return TRUE;
  candidate = series_copy (rows->saved);
  if (!series_update (rows, candidate))
    return FALSE;
  if (g_strcmp0 (candidate->prefix, rows->saved->prefix) == 0
      && candidate->width == rows->saved->width
      && candidate->yearly_reset == rows->saved->yearly_reset)
    return TRUE;
  if (!settle_series_save (self->book, candidate, &error))
    {
      settle_preferences_set_row_error (GTK_WIDGET (rows->prefix_row), error->message);
      return FALSE;
    }
  settle_preferences_set_row_error (GTK_WIDGET (rows->prefix_row), NULL);
  settle_series_free (rows->saved);
  rows->saved = g_steal_pointer (&candidate);
  return TRUE;
}

static void
series_load (SettlePreferencesWindow *self,
             SettlePreferencesSeries *rows)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&rows->saved, settle_series_free);
  rows->saved = settle_series_load (self->book, rows->name, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (rows->group), rows->saved != NULL);
  if (rows->saved == NULL)
    {
      adw_preferences_group_set_description (rows->group, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (rows->prefix_row), rows->saved->prefix);
  row_set_int (rows->width_row, rows->saved->width);
  gtk_switch_set_active (rows->reset_switch, rows->saved->yearly_reset);
}

/* ---- tax rates -------------------------------------------------------------------- */

static void tax_rates_load (SettlePreferencesWindow *self);

typedef struct
{
  SettlePreferencesWindow *self;
  SettleId                 id;
  GtkEntry                *name_entry;
  GtkEntry                *rate_entry;
  GtkLabel                *message;
} RateDialog;

static gboolean
rate_dialog_read (RateDialog *data,
                  SettleTaxRate *rate)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->name_entry))));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->rate_entry))));
  const char *problem = NULL;
  GtkWidget *bad = NULL;
  gint64 bp = 0;

  gtk_widget_remove_css_class (GTK_WIDGET (data->name_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (data->rate_entry), "error");
  if (*name == '\0')
    {
      problem = _("Name: enter a name, like “Sales tax”");
      bad = GTK_WIDGET (data->name_entry);
    }
  else if (!settle_parse_fixed (text, 2, &bp, NULL) || bp < 0 || bp > 100000)
    {
      problem = _("Rate: enter a percentage, like 8.25");
      bad = GTK_WIDGET (data->rate_entry);
    }
  if (bad != NULL)
    gtk_widget_add_css_class (bad, "error");
  gtk_label_set_text (data->message, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (data->message), problem != NULL);
  if (problem != NULL)
    return FALSE;
  rate->id = data->id;
  rate->name = g_steal_pointer (&name);
  rate->rate_bp = (int) bp;
  return TRUE;
}

static void
rate_dialog_changed_cb (GtkWidget        *dialog)
{
  RateDialog *data = g_object_get_data (G_OBJECT (dialog), "settle-rate-dialog");
  SettleTaxRate rate = { 0 };
  gboolean ok = rate_dialog_read (data, &rate);

  g_free (rate.name);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", ok);
}

static void
rate_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         RateDialog       *data)
{
  g_autoptr(GError) error = NULL;
  SettleTaxRate rate = { 0 };

  if (g_strcmp0 (response, "save") != 0 || !rate_dialog_read (data, &rate))
    return;
  if (!settle_tax_rate_save (data->self->book, &rate, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (data->self),
                                      adw_toast_new (error->message));
  g_free (rate.name);
  tax_rates_load (data->self);
  settle_book_notify_changed (data->self->book);
}

static void
rate_dialog_free (RateDialog *data)
{
  g_object_unref (data->self);
  g_free (data);
}

static void
edit_rate (SettlePreferencesWindow *self,
           const SettleTaxRate     *rate)
{
  RateDialog *data = g_new0 (RateDialog, 1);
  GtkWidget *dialog;
  GtkWidget *box;

  data->self = g_object_ref (self);
  data->id = rate != NULL ? rate->id : 0;
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   rate != NULL ? _("Edit Tax Rate") : _("Add Tax Rate"),
                                   _("Invoice lines can use any rate in this list."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  data->name_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (data->name_entry, _("Name, like “Sales tax”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name"), -1);
  data->rate_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (data->rate_entry, _("Rate in %, like 8.25"));
  gtk_entry_set_input_purpose (data->rate_entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->rate_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rate (%)"), -1);
  data->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (data->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (data->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->name_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->rate_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->message));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  if (rate != NULL)
    {
      g_autofree char *text = settle_format_fixed (rate->rate_bp, 2, TRUE);

      gtk_editable_set_text (GTK_EDITABLE (data->name_entry), rate->name);
      gtk_editable_set_text (GTK_EDITABLE (data->rate_entry), text);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", rate != NULL);
  g_object_set_data_full (G_OBJECT (dialog), "settle-rate-dialog", data,
                          (GDestroyNotify) rate_dialog_free);
  g_signal_connect_swapped (data->name_entry, "changed", G_CALLBACK (rate_dialog_changed_cb), dialog);
  g_signal_connect_swapped (data->rate_entry, "changed", G_CALLBACK (rate_dialog_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (rate_dialog_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rate_row_activated_cb (AdwActionRow            *row,
                       SettlePreferencesWindow *self)
{
  edit_rate (self, g_object_get_data (G_OBJECT (row), "settle-rate"));
}

static void
add_tax_rate_cb (SettlePreferencesWindow *self)
{
  edit_rate (self, NULL);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
tax_rates_load (SettlePreferencesWindow *self)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self->tax_group, self->tax_rows);
  rates = settle_tax_rate_list (self->book, &error);
  if (rates == NULL)
    {
      adw_preferences_group_set_description (self->tax_group, error->message);
      return;
    }
  for (guint i = 0; i < rates->len; i++)
    {
      SettleTaxRate *rate = g_ptr_array_index (rates, i);
      g_autofree char *text = settle_tax_rate_format (rate->rate_bp);
      GtkWidget *row = adw_action_row_new ();
      SettleTaxRate *copy = g_new0 (SettleTaxRate, 1);

      copy->id = rate->id;
      copy->name = g_strdup (rate->name);
      copy->rate_bp = rate->rate_bp;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rate->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "settle-rate", copy, (GDestroyNotify) settle_tax_rate_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (rate_row_activated_cb), self, 0);
      adw_preferences_group_add (self->tax_group, row);
      g_ptr_array_add (self->tax_rows, row);
    }
}

/* ---- catalogue -------------------------------------------------------------------- */

static void catalog_load (SettlePreferencesWindow *self);

static void
item_saved_cb (SettlePreferencesWindow *self)
{
  catalog_load (self);
  settle_book_notify_changed (self->book);
}

static void
edit_item (SettlePreferencesWindow *self,
           SettleId                 item_id)
{
  SettleCatalogEditor *editor = settle_catalog_editor_new (GTK_WINDOW (self), self->book, item_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (item_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
item_row_activated_cb (AdwActionRow            *row,
                       SettlePreferencesWindow *self)
{
  edit_item (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "settle-item-id")));
}

static void
add_item_cb (SettlePreferencesWindow *self)
{
  edit_item (self, 0);
}

static void
reload_catalog_cb (SettlePreferencesWindow *self)
{
  catalog_load (self);
}

static void
catalog_load (SettlePreferencesWindow *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean inactive = gtk_toggle_button_get_active (self->show_inactive_button);

  clear_rows (self->catalog_group, self->catalog_rows);
  items = settle_catalog_list (self->book, NULL, inactive, &error);
  if (items == NULL)
    {
      adw_preferences_group_set_description (self->catalog_group, error->message);
      return;
    }
  for (guint i = 0; i < items->len && i < MAX_CATALOG_ROWS; i++)
    {
      SettleCatalogItem *item = g_ptr_array_index (items, i);
      g_autofree char *price = settle_money_format (settle_money_init (item->unit_price, item->currency));
      g_autofree char *rate = settle_tax_rate_format (item->tax_rate_bp);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: SKU · price · kind · tax rate, "MS-100 · $45.00 · Service · 8.25 %". */
      subtitle = g_strdup_printf (_("%s · %s · %s · tax %s"), item->sku, price,
                                  settle_item_kind_label (item->kind), rate);
      /* Translators: a catalogue item no longer offered on new invoices. */
      title = item->active ? g_strdup (item->name) : g_strdup_printf (_("%s (inactive)"), item->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (!item->active)
        gtk_widget_add_css_class (row, "dim-label");
      g_object_set_data (G_OBJECT (row), "settle-item-id", GSIZE_TO_POINTER (item->id));
      g_signal_connect_object (row, "activated", G_CALLBACK (item_row_activated_cb), self, 0);
      adw_preferences_group_add (self->catalog_group, row);
      g_ptr_array_add (self->catalog_rows, row);
    }
  if (items->len > MAX_CATALOG_ROWS)
    {
      g_autofree char *text =
        /* Translators: the catalogue list is cut short. */
        g_strdup_printf (_("Showing the first %u of %u items."), MAX_CATALOG_ROWS, items->len);

      adw_preferences_group_set_description (self->catalog_group, text);
    }
}

/* ---- the page --------------------------------------------------------------------- */

void
settle_preferences_invoicing_update (SettlePreferencesWindow *self)
{
  g_autoptr(SettleSeries) invoice = NULL;
  g_autoptr(SettleSeries) credit = NULL;
  SettleTerms terms;
  gboolean valid;

  if (self->book == NULL)
    return;
  terms_update (self, &valid, &terms);
  if (self->invoice.saved != NULL)
    {
      invoice = series_copy (self->invoice.saved);
      series_update (&self->invoice, invoice);
    }
  if (self->credit.saved != NULL)
    {
      credit = series_copy (self->credit.saved);
      series_update (&self->credit, credit);
    }
}

gboolean
settle_preferences_invoicing_save (SettlePreferencesWindow *self)
{
  gboolean ok = TRUE;

  ok &= terms_save (self);
  ok &= series_save (self, &self->invoice);
  ok &= series_save (self, &self->credit);
  return ok;
}

void
settle_preferences_invoicing_load (SettlePreferencesWindow *self)
{
  terms_load (self);
  series_load (self, &self->invoice);
  series_load (self, &self->credit);
  tax_rates_load (self);
  catalog_load (self);
  settle_preferences_invoicing_update (self);
}

void
settle_preferences_invoicing_init (SettlePreferencesWindow *self)
{
  self->invoice.name = "invoice";
  self->credit.name = "credit-note";
  self->tax_rows = g_ptr_array_new ();
  self->catalog_rows = g_ptr_array_new ();
}

void
settle_preferences_invoicing_clear (SettlePreferencesWindow *self)
{
  g_clear_pointer (&self->invoice.saved, settle_series_free);
  g_clear_pointer (&self->credit.saved, settle_series_free);
  g_clear_pointer (&self->tax_rows, g_ptr_array_unref);
  g_clear_pointer (&self->catalog_rows, g_ptr_array_unref);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SettlePreferencesWindow, name)
#define BIND_SERIES(field, prefix, member)                                                   \
  gtk_widget_class_bind_template_child_full (widget_class, prefix "_" #member, FALSE,        \
                                             G_STRUCT_OFFSET (SettlePreferencesWindow, field.member))

void
settle_preferences_invoicing_class_init (GtkWidgetClass *widget_class)
{
  BIND (terms_group);
  BIND (terms_kind_row);
  BIND (terms_days_row);
  BIND (terms_day_row);
  BIND (terms_cutoff_row);
  BIND (terms_discount_days_row);
  BIND (terms_discount_row);
  BIND (tax_group);
  BIND (catalog_group);
  BIND (show_inactive_button);
  BIND_SERIES (invoice, "invoice", group);
  BIND_SERIES (invoice, "invoice", prefix_row);
  BIND_SERIES (invoice, "invoice", width_row);
  BIND_SERIES (invoice, "invoice", reset_switch);
  BIND_SERIES (invoice, "invoice", preview_row);
  BIND_SERIES (credit, "credit", group);
  BIND_SERIES (credit, "credit", prefix_row);
  BIND_SERIES (credit, "credit", width_row);
  BIND_SERIES (credit, "credit", reset_switch);
  BIND_SERIES (credit, "credit", preview_row);
  gtk_widget_class_bind_template_callback (widget_class, add_tax_rate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_catalog_cb);
}
