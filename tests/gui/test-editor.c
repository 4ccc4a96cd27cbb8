/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "settle-catalog.h"
#include "settle-client.h"
#include "settle-credit-note-dialog.h"
#include "settle-format.h"
#include "settle-gui.h"
#include "settle-invoice-editor-window.h"
#include "settle-invoice-editor.h"
#include "settle-invoice-line-row.h"
#include "settle-list-query.h"
#include "settle-series.h"
#include "settle-window.h"
#include "settle-gui-test.h"

/* The invoice editor and the credit-note dialog in the real window, on a demo
 * book, driven through their actions and widgets as a person would: a new
 * invoice typed line by line, a bad quantity, save, issue, a partial credit
 * note. Screenshots and the issued invoice's first PDF page go to
 * $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"

static GtkApplication      *app;
static char                *tmp_dir;
static char                *book_path;
static SettleWindow        *window;
static SettleInvoiceEditor *editor;
static SettleId             client_id;
static char                 currency[4];
static SettleId             invoice_id;

/* ---- Helpers ------------------------------------------------------------------- */

static SettleInvoiceLineRow *
line_row (guint index)
{
  GtkListBox *lines = GTK_LIST_BOX (settle_gui_test_need_named (GTK_WIDGET (editor), "lines"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (lines, index);

  g_assert_nonnull (row);
  g_assert_true (SETTLE_IS_INVOICE_LINE_ROW (row));
  return SETTLE_INVOICE_LINE_ROW (row);
}

static void
pick_tax_rate (SettleInvoiceLineRow *row,
               const char           *percent)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (settle_gui_test_need_named (GTK_WIDGET (row), "tax"));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), percent) != NULL)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_error ("No tax rate %s in the line's dropdown", percent);
}

static char *
money (gint64 amount)
{
  return settle_format_money (amount, currency);
}

/* Ctrl+N in the window, then the client picked from the search. */
static SettleInvoiceEditor *
start_new_invoice (const char *client_name)
{
  SettleInvoiceEditor *new_editor = NULL;
  GtkListBox *clients;
  GtkListBoxRow *first;

  g_assert_null (settle_gui_test_find_visible_toplevel (SETTLE_TYPE_INVOICE_EDITOR, NULL));
  g_assert_true (
    settle_gui_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK));
  SETTLE_GUI_TEST_WAIT_FOR (
    (new_editor = (SettleInvoiceEditor *) settle_gui_test_find_visible_toplevel (
       SETTLE_TYPE_INVOICE_EDITOR, NULL)) != NULL);
  settle_gui_test_set_named_text (GTK_WIDGET (new_editor), "client-search", client_name);
  clients = GTK_LIST_BOX (settle_gui_test_need_named (GTK_WIDGET (new_editor), "client-list"));
  SETTLE_GUI_TEST_WAIT_FOR (
    (first = gtk_list_box_get_row_at_index (clients, 0)) != NULL &&
    g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), client_name) == 0);
  g_signal_emit_by_name (clients, "row-activated", first);
  return new_editor;
}

/* ---- Tests ------------------------------------------------------------------ */

static void
test_new_invoice (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleClient) client = NULL;

  if (settle_gui_test_skip_without_display ())
    return;

  window = settle_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);

  reader = settle_gui_test_open_book (book_path);
  client = settle_client_load (reader, client_id, NULL);
  g_assert_nonnull (client);

  /* Ctrl+N, as the header's button does. */
  editor = start_new_invoice (client->name);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (editor)));

  g_assert_true (gtk_widget_is_visible (settle_gui_test_need_named (GTK_WIDGET (editor), "lines")));
  g_assert_cmpint (settle_invoice_editor_get_invoice_id (editor), ==, 0);
  /* An empty draft may be saved, but there is nothing to issue. */
  g_assert_false (
    gtk_widget_is_sensitive (settle_gui_test_need_named (GTK_WIDGET (editor), "issue")));
  settle_gui_test_save_png (GTK_WIDGET (editor), "editor-01-empty.png");
}

static void
test_lines (void)
{
  g_autofree char *line_total = NULL;
  g_autofree char *total = NULL;
  g_autofree char *discounted = NULL;
  SettleInvoiceLineRow *row;
  GtkWidget *catalog_button;
  GtkListBox *catalog;
  GtkListBoxRow *item_row;

  if (settle_gui_test_skip_without_display ())
    return;

  /* A free line: 2.5 × 120.00 at 8.25 %. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-line", NULL);
  row = line_row (0);
  settle_gui_test_set_named_text (GTK_WIDGET (row), "description", "Managed services, June");
  settle_gui_test_set_named_text (GTK_WIDGET (row), "quantity", "2.5");
  settle_gui_test_set_named_text (GTK_WIDGET (row), "price", "120.00");
  pick_tax_rate (row, "8.25");
  line_total = money (30000);
  g_assert_cmpstr (settle_gui_test_named_text (GTK_WIDGET (row), "total"), ==, line_total);
  total = money (32475);
  g_assert_cmpstr (settle_gui_test_named_text (
                     settle_gui_test_need_named (GTK_WIDGET (editor), "totals"), "total"),
                   ==, total);
  g_assert_true (settle_invoice_editor_get_valid (editor));

  /* A 10 % line discount shows at once; then it is taken off again. */
  settle_gui_test_set_named_text (GTK_WIDGET (row), "discount", "10");
  discounted = money (27000);
  g_assert_cmpstr (settle_gui_test_named_text (GTK_WIDGET (row), "total"), ==, discounted);
  settle_gui_test_set_named_text (GTK_WIDGET (row), "discount", "");
  g_assert_cmpstr (settle_gui_test_named_text (GTK_WIDGET (row), "total"), ==, line_total);

  /* A line from the catalogue: the router, 199.00 at 8.25 %. */
  catalog_button = settle_gui_test_need_named (GTK_WIDGET (editor), "add-from-catalogue");
  gtk_menu_button_popup (GTK_MENU_BUTTON (catalog_button));
  settle_gui_test_set_named_text (
    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (catalog_button))), "catalog-search",
    "router");
  catalog = GTK_LIST_BOX (settle_gui_test_need_named (
    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (catalog_button))), "catalog-list"));
  SETTLE_GUI_TEST_WAIT_FOR ((item_row = gtk_list_box_get_row_at_index (catalog, 0)) != NULL);
  settle_gui_test_save_png (
    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (catalog_button))),
    "editor-02b-catalogue.png");
  /* Still the search typed, once it is on screen. */
  item_row = gtk_list_box_get_row_at_index (catalog, 0);
  g_assert_nonnull (item_row);
  g_assert_null (gtk_list_box_get_row_at_index (catalog, 1));
  g_signal_emit_by_name (catalog, "row-activated", item_row);
  row = line_row (1);
  g_assert_cmpstr (settle_gui_test_named_text (GTK_WIDGET (row), "description"), ==, "Edge router");
  g_clear_pointer (&total, g_free);
  total = money (54017);
  g_assert_cmpstr (settle_gui_test_named_text (
                     settle_gui_test_need_named (GTK_WIDGET (editor), "totals"), "total"),
                   ==, total);

  /* Alt+Up moves the router to the top, Alt+Down back. */
  g_assert_true (settle_gui_test_activate_shortcut (GTK_WIDGET (row), GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpstr (settle_gui_test_named_text (GTK_WIDGET (line_row (0)), "description"), ==,
                   "Edge router");
  g_assert_true (
    settle_gui_test_activate_shortcut (GTK_WIDGET (line_row (0)), GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpstr (settle_gui_test_named_text (GTK_WIDGET (line_row (1)), "description"), ==,
                   "Edge router");

  settle_gui_test_save_png (GTK_WIDGET (editor), "editor-02-lines.png");
}

static void
test_bad_quantity (void)
{
  SettleInvoiceLineRow *row;
  GtkWidget *error_label;
  GtkWidget *quantity;

  if (settle_gui_test_skip_without_display ())
    return;

  row = line_row (1);
  quantity = settle_gui_test_need_named (GTK_WIDGET (row), "quantity");
  gtk_editable_set_text (GTK_EDITABLE (quantity), "1,2,3");
  error_label = settle_gui_test_need_named (GTK_WIDGET (editor), "error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==,
                   "Line 2: quantity “1,2,3” is not a number");
  g_assert_true (gtk_widget_has_css_class (quantity, "error"));
  g_assert_false (settle_invoice_editor_get_valid (editor));
  g_assert_false (
    gtk_widget_is_sensitive (settle_gui_test_need_named (GTK_WIDGET (editor), "save")));
  g_assert_false (
    gtk_widget_is_sensitive (settle_gui_test_need_named (GTK_WIDGET (editor), "issue")));
  /* Ctrl+S does nothing while invalid: nothing is saved half-way. */
  settle_gui_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_cmpint (settle_invoice_editor_get_invoice_id (editor), ==, 0);
  settle_gui_test_save_png (GTK_WIDGET (editor), "editor-03-error.png");

  gtk_editable_set_text (GTK_EDITABLE (quantity), "1");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (quantity, "error"));
  g_assert_true (
    gtk_widget_is_sensitive (settle_gui_test_need_named (GTK_WIDGET (editor), "save")));
}

static void
test_save_draft (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  const SettleInvoiceLine *line;

  if (settle_gui_test_skip_without_display ())
    return;

  settle_gui_test_set_named_text (GTK_WIDGET (editor), "po", "PO-7731");
  /* This invoice's own terms, over the client's. */
  gtk_drop_down_set_selected (
    GTK_DROP_DOWN (settle_gui_test_need_named (GTK_WIDGET (editor), "terms-kind")),
    SETTLE_TERMS_NET);
  gtk_spin_button_set_value (
    GTK_SPIN_BUTTON (settle_gui_test_need_named (GTK_WIDGET (editor), "terms-days")), 45);
  g_assert_true (
    settle_gui_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  invoice_id = settle_invoice_editor_get_invoice_id (editor);
  g_assert_cmpint (invoice_id, !=, 0);

  reader = settle_gui_test_open_book (book_path);
  invoice = settle_invoice_load (reader, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice->status, ==, SETTLE_INVOICE_DRAFT);
  g_assert_cmpint (invoice->client_id, ==, client_id);
  g_assert_cmpstr (invoice->po_number, ==, "PO-7731");
  g_assert_cmpint (invoice->terms.kind, ==, SETTLE_TERMS_NET);
  g_assert_cmpint (invoice->terms.days, ==, 45);
  g_assert_cmpuint (invoice->lines->len, ==, 2);
  line = g_ptr_array_index (invoice->lines, 0);
  g_assert_cmpstr (line->description, ==, "Managed services, June");
  g_assert_cmpint (line->quantity_milli, ==, 2500);
  g_assert_cmpint (line->unit_price, ==, 12000);
  g_assert_cmpint (line->tax_rate_bp, ==, 825);
  g_assert_cmpint (line->item_id, ==, 0);
  line = g_ptr_array_index (invoice->lines, 1);
  g_assert_cmpstr (line->description, ==, "Edge router");
  g_assert_cmpint (line->quantity_milli, ==, 1000);
  g_assert_cmpint (line->item_id, !=, 0);
  g_assert_cmpint (invoice->total, ==, 54017);

  /* The saved draft is what the window's details pane shows. */
  g_assert_cmpint (settle_invoices_view_get_shown_invoice (settle_window_get_invoices_view (window)),
                   ==, invoice_id);
}

static void
test_issue (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(SettleSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_number = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *pdftoppm = NULL;
  AdwMessageDialog *dialog = NULL;
  GDate today, due;

  if (settle_gui_test_skip_without_display ())
    return;

  reader = settle_gui_test_open_book (book_path);
  series = settle_series_load (reader, "invoice", &error);
  g_assert_no_error (error);
  settle_today (&today);
  expected_number = settle_series_preview (series, &today);
  g_clear_object (&reader);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.issue", NULL);
  SETTLE_GUI_TEST_WAIT_FOR ((dialog = (AdwMessageDialog *) settle_gui_test_find_visible_toplevel (
                               ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor))) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected_number));
  settle_gui_test_save_png (GTK_WIDGET (dialog), "editor-04-issue-confirm.png");
  adw_message_dialog_response (dialog, "issue");
  SETTLE_GUI_TEST_WAIT_FOR (settle_invoice_editor_get_read_only (editor));

  reader = settle_gui_test_open_book (book_path);
  invoice = settle_invoice_load (reader, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice->status, ==, SETTLE_INVOICE_ISSUED);
  g_assert_cmpstr (invoice->number, ==, expected_number);
  g_assert_cmpint (g_date_compare (&invoice->issue_date, &today), ==, 0);
  settle_terms_due_date (&invoice->terms, &today, &due);
  g_assert_cmpint (g_date_compare (&invoice->due_date, &due), ==, 0);
  g_assert_cmpint (g_date_days_between (&today, &invoice->due_date), ==, 45);
  due_text = settle_format_date_long (&due);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), due_text));

  /* Read-only: the number in the title, nothing to type into or press. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, expected_number);
  g_assert_false (gtk_editable_get_editable (
    GTK_EDITABLE (settle_gui_test_need_named (GTK_WIDGET (line_row (0)), "quantity"))));
  g_assert_false (
    gtk_widget_get_visible (settle_gui_test_need_named (GTK_WIDGET (editor), "save")));
  g_assert_false (
    gtk_widget_get_visible (settle_gui_test_need_named (GTK_WIDGET (editor), "issue")));
  g_assert_false (
    gtk_widget_get_visible (settle_gui_test_need_named (GTK_WIDGET (editor), "add-line")));
  g_assert_false (
    gtk_widget_is_visible (settle_gui_test_need_named (GTK_WIDGET (line_row (0)), "remove")));
  settle_gui_test_save_png (GTK_WIDGET (editor), "editor-05-issued.png");

  /* The issued invoice as a PDF, its first page as a PNG beside the screenshots. */
  pdf = g_build_filename (tmp_dir, "issued.pdf", NULL);
  g_assert_cmpint (settle_invoices_view_get_shown_invoice (settle_window_get_invoices_view (window)),
                   ==, invoice_id);
  settle_window_export_pdf_to (window, pdf);
  SETTLE_GUI_TEST_WAIT_FOR (g_file_test (pdf, G_FILE_TEST_EXISTS));
  pdftoppm = g_find_program_in_path ("pdftoppm");
  if (pdftoppm == NULL)
    {
      g_test_message ("pdftoppm is missing (poppler-utils): no PNG of the PDF");
      return;
    }
  {
    g_autofree char *png = settle_gui_test_screenshot_path ("editor-06-pdf");
    const char *argv[] = { pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", pdf, png, NULL };
    int status = 0;

    /* The export writes to a temporary file and renames it: wait for the whole file. */
    SETTLE_GUI_TEST_WAIT_FOR (g_file_test (pdf, G_FILE_TEST_EXISTS));
    settle_gui_test_frames (GTK_WIDGET (window), 10);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
    prefix = g_strdup_printf ("%s-1.png", png);
    g_assert_true (g_file_test (prefix, G_FILE_TEST_EXISTS));
    g_test_message ("Saved %s", prefix);
  }
}

static void
test_credit_note (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  SettleCreditNoteDialog *dialog = NULL;
  GtkWidget *quantity;

  if (settle_gui_test_skip_without_display ())
    return;

  gtk_window_destroy (GTK_WINDOW (editor));
  editor = NULL;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.credit-note", NULL);
  SETTLE_GUI_TEST_WAIT_FOR (
    (dialog = (SettleCreditNoteDialog *) settle_gui_test_find_visible_toplevel (
       SETTLE_TYPE_CREDIT_NOTE_DIALOG, GTK_WINDOW (window))) != NULL);
  g_assert_cmpint (settle_credit_note_dialog_get_invoice_id (dialog), ==, invoice_id);

  /* One of the 2.5 hours, credited with its tax: 120.00 + 9.90. */
  gtk_check_button_set_active (
    GTK_CHECK_BUTTON (settle_gui_test_need_named (GTK_WIDGET (dialog), "mode-lines")), TRUE);
  quantity = settle_gui_test_need_named (GTK_WIDGET (dialog), "credit-quantity");
  gtk_editable_set_text (GTK_EDITABLE (quantity), "3");
  g_assert_true (gtk_widget_has_css_class (quantity, "error"));
  g_assert_true (
    gtk_widget_get_visible (settle_gui_test_need_named (GTK_WIDGET (dialog), "error")));
  g_assert_false (
    gtk_widget_is_sensitive (settle_gui_test_need_named (GTK_WIDGET (dialog), "issue")));
  gtk_editable_set_text (GTK_EDITABLE (quantity), "1");
  settle_gui_test_set_named_text (GTK_WIDGET (dialog), "reason", "One hour was not worked");
  g_assert_true (
    gtk_widget_is_sensitive (settle_gui_test_need_named (GTK_WIDGET (dialog), "issue")));
  {
    g_autofree char *credit = money (12990);

    g_assert_nonnull (strstr (settle_gui_test_named_text (GTK_WIDGET (dialog), "summary"), credit));
  }
  settle_gui_test_save_png (GTK_WIDGET (dialog), "editor-07-credit-note.png");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "credit.issue", NULL);
  SETTLE_GUI_TEST_WAIT_FOR (
    settle_gui_test_find_visible_toplevel (SETTLE_TYPE_CREDIT_NOTE_DIALOG, NULL) == NULL);

  reader = settle_gui_test_open_book (book_path);
  invoice = settle_invoice_load (reader, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice->status, ==, SETTLE_INVOICE_PARTIAL);
  g_assert_cmpint (settle_invoice_get_balance (invoice), ==, 54017 - 12990);
  settle_gui_test_save_png (GTK_WIDGET (window), "editor-08-credited.png");
}

static void
test_void (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  SettleInvoiceQuery query = { 0 };
  SettleId victim = SETTLE_ID_NONE;
  AdwMessageDialog *dialog = NULL;
  GtkWidget *reason;

  if (settle_gui_test_skip_without_display ())
    return;
  reader = settle_gui_test_open_book (book_path);

  query.sort = SETTLE_INVOICE_SORT_ISSUE_DATE;
  query.descending = TRUE;
  rows = settle_invoice_query_page (reader, &query, NULL, 0, 500, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len && victim == SETTLE_ID_NONE; i++)
    {
      const SettleInvoiceSummary *row = g_ptr_array_index (rows, i);

      if (row->status == SETTLE_INVOICE_ISSUED && row->amount_paid == 0 && row->id != invoice_id)
        victim = row->id;
    }
  g_assert_cmpint (victim, !=, SETTLE_ID_NONE);

  settle_invoice_editor_window_void (window, victim);
  SETTLE_GUI_TEST_WAIT_FOR ((dialog = (AdwMessageDialog *) settle_gui_test_find_visible_toplevel (
                               ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window))) != NULL);
  /* No void without a reason. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "void"));
  reason = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (reason), "Billed to the wrong client");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "void"));
  settle_gui_test_save_png (GTK_WIDGET (dialog), "editor-09-void.png");
  adw_message_dialog_response (dialog, "void");

  invoice = settle_invoice_load (reader, victim, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice->status, ==, SETTLE_INVOICE_VOID);
  g_assert_cmpint (settle_invoices_view_get_shown_invoice (settle_window_get_invoices_view (window)),
                   ==, victim);
}

static void
test_delete_and_discard (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(SettleInvoice) gone = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  SettleInvoiceLineRow *row;
  SettleId draft_id;
  guint n_before = 0, n_after = 0;
  SettleInvoiceQuery query = { 0 };

  if (settle_gui_test_skip_without_display ())
    return;
  reader = settle_gui_test_open_book (book_path);
  client = settle_client_load (reader, client_id, NULL);

  /* A saved draft, then deleted. */
  editor = start_new_invoice (client->name);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-line", NULL);
  row = line_row (0);
  settle_gui_test_set_named_text (GTK_WIDGET (row), "description", "Site visit");
  settle_gui_test_set_named_text (GTK_WIDGET (row), "price", "95");
  g_assert_true (
    settle_gui_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  draft_id = settle_invoice_editor_get_invoice_id (editor);
  g_assert_cmpint (draft_id, !=, 0);
  g_assert_true (
    gtk_widget_is_visible (settle_gui_test_need_named (GTK_WIDGET (editor), "delete")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  SETTLE_GUI_TEST_WAIT_FOR ((dialog = (AdwMessageDialog *) settle_gui_test_find_visible_toplevel (
                               ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor))) != NULL);
  adw_message_dialog_response (dialog, "delete");
  SETTLE_GUI_TEST_WAIT_FOR (
    settle_gui_test_find_visible_toplevel (SETTLE_TYPE_INVOICE_EDITOR, NULL) == NULL);
  editor = NULL;
  gone = settle_invoice_load (reader, draft_id, &error);
  g_assert_null (gone);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);

  /* Unsaved lines: closing asks, and discarding writes nothing. */
  g_assert_true (settle_invoice_query_count (reader, &query, &n_before, NULL));
  editor = start_new_invoice (client->name);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-line", NULL);
  settle_gui_test_set_named_text (GTK_WIDGET (line_row (0)), "description", "Never saved");
  gtk_window_close (GTK_WINDOW (editor));
  SETTLE_GUI_TEST_WAIT_FOR ((dialog = (AdwMessageDialog *) settle_gui_test_find_visible_toplevel (
                               ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor))) != NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  adw_message_dialog_response (dialog, "discard");
  SETTLE_GUI_TEST_WAIT_FOR (
    settle_gui_test_find_visible_toplevel (SETTLE_TYPE_INVOICE_EDITOR, NULL) == NULL);
  editor = NULL;
  g_assert_true (settle_invoice_query_count (reader, &query, &n_after, NULL));
  g_assert_cmpuint (n_after, ==, n_before);
}

/* How long one keystroke takes to re-read, validate and total a long invoice. */
static void
test_many_lines (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleClient) client = NULL;
  AdwMessageDialog *dialog = NULL;
  const guint n_lines = 200;
  gint64 start, elapsed;
  g_autofree char *text = NULL;

  if (settle_gui_test_skip_without_display ())
    return;
  reader = settle_gui_test_open_book (book_path);
  client = settle_client_load (reader, client_id, NULL);

  editor = start_new_invoice (client->name);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *description = g_strdup_printf ("Workstation %u", i + 1);

      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-line", NULL);
      settle_gui_test_set_named_text (GTK_WIDGET (line_row (i)), "description", description);
      settle_gui_test_set_named_text (GTK_WIDGET (line_row (i)), "price", "49.00");
    }
  g_test_message ("Typed %u lines in %.0f ms", n_lines,
                  (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  settle_gui_test_set_named_text (GTK_WIDGET (line_row (n_lines / 2)), "quantity", "3");
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("One keystroke on a %u-line invoice: %.1f ms", n_lines, elapsed / 1000.0);
  text = money ((n_lines + 2) * 4900);
  g_assert_cmpstr (settle_gui_test_named_text (
                     settle_gui_test_need_named (GTK_WIDGET (editor), "totals"), "total"),
                   ==, text);
  /* Generous for a shared 2-core machine; typically a few milliseconds. */
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);

  gtk_window_close (GTK_WINDOW (editor));
  SETTLE_GUI_TEST_WAIT_FOR ((dialog = (AdwMessageDialog *) settle_gui_test_find_visible_toplevel (
                               ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor))) != NULL);
  adw_message_dialog_response (dialog, "discard");
  SETTLE_GUI_TEST_WAIT_FOR (
    settle_gui_test_find_visible_toplevel (SETTLE_TYPE_INVOICE_EDITOR, NULL) == NULL);
  editor = NULL;
}

/* ---- Setup ------------------------------------------------------------------- */

static void
make_demo_book (void)
{
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleCatalogItem) item = settle_catalog_item_new ();
  g_autoptr(SettleCatalogItem) other = settle_catalog_item_new ();
  g_autoptr(GPtrArray) clients = NULL;
  SettleClientQuery query = { SETTLE_CLIENT_SORT_NAME, FALSE, NULL };

  book = settle_gui_test_demo_book_new ("settle-editor-XXXXXX", 20, 200, 7, DEMO_TODAY, &tmp_dir,
                                        &book_path);

  clients = settle_client_query_page (book, &query, NULL, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, 1);
  client_id = ((SettleClientSummary *) g_ptr_array_index (clients, 0))->id;
  g_strlcpy (currency, ((SettleClientSummary *) g_ptr_array_index (clients, 0))->currency,
             sizeof currency);

  g_free (item->sku);
  item->sku = g_strdup ("HW-RTR-01");
  g_free (item->name);
  item->name = g_strdup ("Edge router");
  g_free (item->description);
  item->description = g_strdup ("Dual-WAN edge router, installed");
  item->unit_price = 19900;
  g_strlcpy (item->currency, currency, sizeof item->currency);
  item->tax_rate_bp = 825;
  item->kind = SETTLE_ITEM_HARDWARE;
  item->active = TRUE;
  g_assert_true (settle_catalog_item_save (book, item, &error));
  g_assert_no_error (error);

  /* A second item, so a search has something to leave out. */
  g_free (other->sku);
  other->sku = g_strdup ("SVC-MON");
  g_free (other->name);
  other->name = g_strdup ("Monitoring, per endpoint");
  other->unit_price = 800;
  g_strlcpy (other->currency, currency, sizeof other->currency);
  other->tax_rate_bp = 0;
  other->kind = SETTLE_ITEM_SERVICE;
  other->active = TRUE;
  g_assert_true (settle_catalog_item_save (book, other, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (settle_gui_test_init (&argc, &argv, DEMO_TODAY))
    {
      app = settle_gui_test_app_new ();
      make_demo_book ();
    }

  /* In order: each step works on what the one before made. */
  g_test_add_func ("/gui/editor/new-invoice", test_new_invoice);
  g_test_add_func ("/gui/editor/lines", test_lines);
  g_test_add_func ("/gui/editor/bad-quantity", test_bad_quantity);
  g_test_add_func ("/gui/editor/save-draft", test_save_draft);
  g_test_add_func ("/gui/editor/issue", test_issue);
  g_test_add_func ("/gui/editor/credit-note", test_credit_note);
  g_test_add_func ("/gui/editor/void", test_void);
  g_test_add_func ("/gui/editor/delete-and-discard", test_delete_and_discard);
  g_test_add_func ("/gui/editor/many-lines", test_many_lines);

  status = g_test_run ();

  if (editor != NULL)
    gtk_window_destroy (GTK_WINDOW (editor));
  settle_gui_test_finish (window, &app, &tmp_dir, &book_path);
  return status;
}
