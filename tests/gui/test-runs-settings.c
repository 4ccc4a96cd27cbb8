/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include "settle-branding.h"
#include "settle-catalog-editor.h"
#include "settle-catalog.h"
#include "settle-preferences-window.h"
#include "test-runs.h"

/* The preferences (company, invoicing) and the catalogue editor, on the demo
 * book test-runs.c opened. */

/* ---- preferences ------------------------------------------------------------------ */

static GtkWidget *
pref_widget (SettlePreferencesWindow *prefs,
             const char              *id)
{
  GtkWidget *widget = settle_preferences_window_get_widget (prefs, id);

  g_assert_nonnull (widget);
  return widget;
}

void
test_preferences (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleBranding) branding = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_logo = NULL;
  g_autofree char *good_logo = NULL;
  SettlePreferencesWindow *prefs;
  GdkRGBA accent;
  GdkRGBA shown;

  if (settle_gui_test_skip_without_display ())
    return;

  prefs = settle_preferences_window_new (GTK_WINDOW (window), settle_window_get_book (window));
  gtk_window_present (GTK_WINDOW (prefs));
  gtk_editable_set_text (GTK_EDITABLE (pref_widget (prefs, "name_row")), "Northwind IT Services");
  gtk_editable_set_text (GTK_EDITABLE (pref_widget (prefs, "tax_id_row")), "EIN 12-3456789");
  gdk_rgba_parse (&accent, "#AA3311");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (pref_widget (prefs, "accent_button")), &accent);

  /* A bad email: the row says so and the company is not written. */
  gtk_editable_set_text (GTK_EDITABLE (pref_widget (prefs, "email_row")), "billing at northwind");
  g_assert_false (settle_preferences_window_save (prefs));
  g_assert_true (gtk_widget_has_css_class (pref_widget (prefs, "email_row"), "error"));
  reader = settle_gui_test_open_book (book_path);
  branding = settle_branding_load (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (branding->company_name, !=, "Northwind IT Services");
  g_clear_pointer (&branding, settle_branding_free);

  gtk_editable_set_text (GTK_EDITABLE (pref_widget (prefs, "email_row")), "billing@northwind.example");
  g_assert_true (settle_preferences_window_save (prefs));
  g_assert_false (gtk_widget_has_css_class (pref_widget (prefs, "email_row"), "error"));

  /* A logo that is not an image: the error on the logo row, the old logo kept. */
  bad_logo = g_build_filename (tmp_dir, "logo.png", NULL);
  g_assert_true (g_file_set_contents (bad_logo, "not a picture\n", -1, NULL));
  g_assert_false (settle_preferences_window_set_logo (prefs, bad_logo));
  g_assert_nonnull (settle_preferences_window_get_logo_error (prefs));
  g_assert_nonnull (strstr (settle_preferences_window_get_logo_error (prefs), "Logo"));
  g_test_message ("Bad logo: %s", settle_preferences_window_get_logo_error (prefs));
  g_assert_true (settle_preferences_window_save (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "company");
  settle_gui_test_save_png (GTK_WIDGET (prefs), "runs-05-preferences-company.png");
  branding = settle_branding_load (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (branding->logo_path, ==, "");
  g_clear_pointer (&branding, settle_branding_free);

  /* A real PNG is taken, shown and saved. */
  good_logo = g_build_filename (tmp_dir, "northwind.png", NULL);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 60);
    cairo_t *cr = cairo_create (surface);

    cairo_set_source_rgb (cr, 0.67, 0.2, 0.07);
    cairo_rectangle (cr, 0, 10, 120, 40);
    cairo_fill (cr);
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, good_logo), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
  }
  g_assert_true (settle_preferences_window_set_logo (prefs, good_logo));
  g_assert_null (settle_preferences_window_get_logo_error (prefs));
  g_assert_true (settle_preferences_window_save (prefs));
  settle_gui_test_save_png (GTK_WIDGET (prefs), "runs-05-preferences-company-logo.png");

  /* Invoicing: the series preview, a bad number of digits refused on its row. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "invoicing");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (pref_widget (prefs, "invoice_preview_row"))),
                   !=, NULL);
  gtk_editable_set_text (GTK_EDITABLE (pref_widget (prefs, "invoice_width_row")), "40");
  g_assert_false (settle_preferences_window_save (prefs));
  g_assert_true (gtk_widget_has_css_class (pref_widget (prefs, "invoice_width_row"), "error"));
  settle_gui_test_save_png (GTK_WIDGET (prefs), "runs-06-preferences-invoicing-error.png");
  gtk_editable_set_text (GTK_EDITABLE (pref_widget (prefs, "invoice_width_row")), "6");
  gtk_editable_set_text (GTK_EDITABLE (pref_widget (prefs, "invoice_prefix_row")), "NW-{YYYY}-");
  g_assert_true (settle_preferences_window_save (prefs));
  {
    const char *next = adw_action_row_get_subtitle (ADW_ACTION_ROW (pref_widget (prefs, "invoice_preview_row")));

    g_test_message ("Next invoice number: %s", next);
    g_assert_true (g_str_has_prefix (next, "NW-2025-"));
    g_assert_cmpuint (strlen (next), ==, strlen ("NW-2025-") + 6);
  }
  gtk_window_close (GTK_WINDOW (prefs));

  /* Reopened: the values are the book's. */
  prefs = settle_preferences_window_new (GTK_WINDOW (window), settle_window_get_book (window));
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pref_widget (prefs, "name_row"))), ==,
                   "Northwind IT Services");
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (pref_widget (prefs, "accent_button")), &shown);
  g_assert_true (gdk_rgba_equal (&shown, &accent));
  g_assert_null (settle_preferences_window_get_logo_error (prefs));
  branding = settle_branding_load (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (branding->company_name, ==, "Northwind IT Services");
  g_assert_cmpstr (branding->accent, ==, "#AA3311");
  g_assert_cmpstr (branding->email, ==, "billing@northwind.example");
  g_assert_cmpstr (branding->logo_path, ==, good_logo);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "invoicing");
  settle_gui_test_save_png (GTK_WIDGET (prefs), "runs-07-preferences-invoicing.png");
  gtk_window_close (GTK_WINDOW (prefs));
}

/* ---- catalogue and tax rates ------------------------------------------------------ */

static GtkWidget *
editor_widget (SettleCatalogEditor *editor,
               const char          *id)
{
  GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (editor), SETTLE_TYPE_CATALOG_EDITOR, id);

  g_assert_nonnull (widget);
  return GTK_WIDGET (widget);
}

static void
saved_cb (SettleCatalogEditor *editor,
          gboolean            *saved)
{
  *saved = TRUE;
}

static void
select_rate (SettleCatalogEditor *editor,
             const char          *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (editor_widget (editor, "tax_row"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) != NULL)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("No tax rate “%s” offered", label);
}

void
test_catalog (void)
{
  g_autoptr(SettleBook) writer = NULL;
  g_autoptr(SettleCatalogItem) item = NULL;
  g_autoptr(GError) error = NULL;
  SettleTaxRate rate = { 0, (char *) "Sales tax", 825 };
  SettlePreferencesWindow *prefs;
  SettleCatalogEditor *editor;
  SettleCatalogEditor *twin;
  gboolean saved = FALSE;

  if (settle_gui_test_skip_without_display ())
    return;

  writer = settle_gui_test_open_book (book_path);
  /* The demo may know the rate already; the list refuses a rate twice. */
  if (!settle_tax_rate_is_known (writer, rate.rate_bp))
    {
      g_assert_true (settle_tax_rate_save (writer, &rate, &error));
      g_assert_no_error (error);
    }
  rate.id = 0;
  g_assert_false (settle_tax_rate_save (writer, &rate, &error));
  g_assert_nonnull (error);
  g_test_message ("Same rate twice: %s", error->message);
  g_clear_error (&error);

  prefs = settle_preferences_window_new (GTK_WINDOW (window), settle_window_get_book (window));
  gtk_window_present (GTK_WINDOW (prefs));
  editor = settle_catalog_editor_new (GTK_WINDOW (prefs), settle_window_get_book (window), 0);
  g_object_ref (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));

  /* Blank, it cannot be saved; an unparsable price is refused on its row. */
  g_assert_false (gtk_widget_get_sensitive (editor_widget (editor, "save_button")));
  gtk_editable_set_text (GTK_EDITABLE (editor_widget (editor, "sku_row")), "MS-100");
  gtk_editable_set_text (GTK_EDITABLE (editor_widget (editor, "name_row")), "Managed endpoint");
  gtk_editable_set_text (GTK_EDITABLE (editor_widget (editor, "description_row")),
                         "Monitoring, patching and antivirus, per device");
  gtk_editable_set_text (GTK_EDITABLE (editor_widget (editor, "price_row")), "45,00.x");
  select_rate (editor, "8.25");
  g_assert_true (gtk_widget_has_css_class (editor_widget (editor, "price_row"), "error"));
  g_assert_false (gtk_widget_get_sensitive (editor_widget (editor, "save_button")));
  g_assert_false (settle_catalog_editor_save (editor, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  settle_gui_test_save_png (GTK_WIDGET (editor), "runs-08-catalog-item-error.png");
  g_assert_null (settle_catalog_item_load_by_sku (writer, "MS-100", NULL));

  gtk_editable_set_text (GTK_EDITABLE (editor_widget (editor, "price_row")), "45.00");
  g_assert_false (gtk_widget_has_css_class (editor_widget (editor, "price_row"), "error"));
  g_assert_true (gtk_widget_get_sensitive (editor_widget (editor, "save_button")));
  g_assert_true (settle_catalog_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_true (saved);
  g_object_unref (editor);

  item = settle_catalog_item_load_by_sku (writer, "MS-100", &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->name, ==, "Managed endpoint");
  g_assert_cmpint (item->unit_price, ==, 4500);
  g_assert_cmpint (item->tax_rate_bp, ==, 825);
  g_assert_true (item->active);

  /* The same SKU twice is refused on the SKU row. */
  twin = settle_catalog_editor_new (GTK_WINDOW (prefs), settle_window_get_book (window), 0);
  gtk_editable_set_text (GTK_EDITABLE (editor_widget (twin, "sku_row")), "MS-100");
  g_assert_true (gtk_widget_has_css_class (editor_widget (twin, "sku_row"), "error"));
  gtk_window_destroy (GTK_WINDOW (twin));

  /* A tax rate through the Add button's dialog: Save stays off until both
   * fields are right. */
  {
    AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (pref_widget (prefs, "tax_group"));
    GtkWidget *add = adw_preferences_group_get_header_suffix (group);
    AdwMessageDialog *dialog = NULL;
    GtkWidget *box, *name_entry, *rate_entry;
    GListModel *toplevels = gtk_window_get_toplevels ();

    g_signal_emit_by_name (add, "clicked");
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel)
            && gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (prefs))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    box = adw_message_dialog_get_extra_child (dialog);
    name_entry = gtk_widget_get_first_child (box);
    rate_entry = gtk_widget_get_next_sibling (name_entry);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
    gtk_editable_set_text (GTK_EDITABLE (name_entry), "Local levy 2.5 %");
    gtk_editable_set_text (GTK_EDITABLE (rate_entry), "two and a half");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
    g_assert_true (gtk_widget_has_css_class (rate_entry, "error"));
    settle_gui_test_save_png (GTK_WIDGET (dialog), "runs-10-tax-rate-error.png");
    gtk_editable_set_text (GTK_EDITABLE (rate_entry), "2.5");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
    adw_message_dialog_response (dialog, "save");
    g_assert_true (settle_tax_rate_is_known (writer, 250));
  }
  gtk_window_close (GTK_WINDOW (prefs));

  /* Reopened, the page lists the item; scrolled to the end for the screenshot. */
  prefs = settle_preferences_window_new (GTK_WINDOW (window), settle_window_get_book (window));
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "invoicing");
  settle_gui_test_frames (GTK_WIDGET (prefs), 5);
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (pref_widget (prefs, "catalog_group"),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment;

    g_assert_nonnull (scroller);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  settle_gui_test_save_png (GTK_WIDGET (prefs), "runs-09-preferences-catalogue.png");
  gtk_window_close (GTK_WINDOW (prefs));
}

