/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "settle-agreement-editor.h"
#include "settle-agreement-row.h"
#include "settle-agreement.h"
#include "settle-billing.h"
#include "settle-catalog.h"
#include "settle-client-row.h"
#include "settle-client.h"
#include "settle-demo.h"
#include "settle-gui.h"
#include "settle-invoice.h"
#include "settle-project-editor.h"
#include "settle-project.h"
#include "settle-statement-export.h"
#include "settle-window.h"
#include "settle-gui-test.h"

/* The client details' agreements, projects and statement, driven through their
 * widgets on a demo book. Screenshots go to $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"

static GtkApplication    *app;
static char              *tmp_dir;
static char              *book_path;
static SettleWindow      *window;
static SettleId           client_id;

static SettleClientDetail *
detail (void)
{
  return settle_clients_view_get_detail (settle_window_get_clients_view (window));
}

static void
scroll_to_end (SettleAgreementEditor *editor)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "scroller")));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static gboolean
client_row_loaded (GListModel *model)
{
  g_autoptr(GObject) item = NULL;

  if (g_list_model_get_n_items (model) == 0)
    return FALSE;
  item = g_list_model_get_item (model, 0);
  return settle_client_row_get_id (SETTLE_CLIENT_ROW (item)) != SETTLE_ID_NONE;
}

static void
test_open (void)
{
  SettleClientsView *clients;
  GListModel *model;

  if (settle_gui_test_skip_without_display ())
    return;

  window = settle_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "clients"));
  clients = settle_window_get_clients_view (window);
  model = G_LIST_MODEL (settle_clients_view_get_model (clients));
  SETTLE_GUI_TEST_WAIT_FOR (client_row_loaded (model));
  settle_clients_view_select (clients, 0);
  client_id = settle_clients_view_get_shown_client (clients);
  g_assert_cmpint (client_id, !=, SETTLE_ID_NONE);
  g_assert_cmpint (settle_client_detail_get_client_id (detail ()), ==, client_id);
}

static SettleAgreement *
find_agreement (SettleBook *book,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agreements = settle_agreement_list (book, client_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < agreements->len; i++)
    {
      SettleAgreement *agreement = g_ptr_array_index (agreements, i);

      if (g_strcmp0 (agreement->name, name) == 0)
        return g_ptr_array_steal_index (agreements, i);
    }
  return NULL;
}

static void
test_agreement (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleAgreement) saved = NULL;
  g_autoptr(SettleBillingPlan) plan = NULL;
  g_autoptr(SettleAgreement) edited = NULL;
  SettleAgreementEditor *editor;
  GtkWidget *shown = NULL;
  AdwComboRow *terms_row;
  GListModel *terms;
  GtkWidget *save_button, *end_row, *error_label, *lines_error, *quantity, *preview;
  const SettleAgreementLine *line;
  gboolean in_plan = FALSE, in_list = FALSE;
  GDate as_of;

  if (settle_gui_test_skip_without_display ())
    return;

  settle_gui_test_click (
    settle_gui_test_template_child (detail (), SETTLE_TYPE_CLIENT_DETAIL, "new_agreement_button"));
  SETTLE_GUI_TEST_WAIT_FOR (
    (editor = settle_gui_test_find_toplevel (SETTLE_TYPE_AGREEMENT_EDITOR)) != NULL);
  g_object_ref (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  save_button =
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "save_button");
  end_row = settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "end_row");
  error_label =
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "agreement_error_label");
  lines_error =
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "lines_error_label");
  preview = settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "preview_label");

  /* A new agreement starts with one empty line and says nothing before the first
   * edit, but cannot be saved. */
  g_assert_cmpuint (settle_agreement_editor_get_n_lines (editor), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_false (gtk_widget_get_visible (error_label));

  settle_gui_test_set_text (
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "name_row"),
    "Managed backup");
  settle_gui_test_set_text (
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "billing_day_row"), "1");
  settle_gui_test_set_text (
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "start_row"),
    "2025-07-01");
  settle_gui_test_set_text (settle_agreement_editor_get_line_field (editor, 0, "description"),
                            "Offsite backup, 500 GB");
  quantity = settle_agreement_editor_get_line_field (editor, 0, "quantity");
  settle_gui_test_set_text (quantity, "2");
  settle_gui_test_set_text (settle_agreement_editor_get_line_field (editor, 0, "price"), "125.00");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (settle_agreement_editor_get_line_field (editor, 0, "tax")), 0);
  g_assert_null (settle_agreement_editor_get_problem (editor));
  g_assert_true (gtk_widget_get_sensitive (save_button));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (preview)), "250.00"));

  /* A line from the catalogue brings its price and tax rate. */
  {
    GtkWidget *catalog =
      settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "catalog_list");
    GtkWidget *row;
    GtkDropDown *tax;
    g_autofree char *rate = NULL;

    for (row = gtk_widget_get_first_child (catalog); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (strstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))),
                  "MON-01") != NULL)
        break;
    g_assert_nonnull (row);
    g_signal_emit_by_name (catalog, "row-activated", row);
    g_assert_cmpuint (settle_agreement_editor_get_n_lines (editor), ==, 2);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (settle_agreement_editor_get_line_field (editor, 1, "description"))),
                     ==, "Server monitoring");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (settle_agreement_editor_get_line_field (editor, 1, "price"))),
                     ==, "40.00");
    tax = GTK_DROP_DOWN (settle_agreement_editor_get_line_field (editor, 1, "tax"));
    rate = g_strdup (gtk_string_object_get_string (gtk_drop_down_get_selected_item (tax)));
    g_assert_nonnull (strstr (rate, "8.25"));
    g_assert_null (settle_agreement_editor_get_problem (editor));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (preview)), "290.00"));
  }

  /* A quantity that is not a number: said on the line, nothing can be saved. */
  settle_gui_test_set_text (quantity, "two");
  g_assert_nonnull (settle_agreement_editor_get_problem (editor));
  g_assert_true (gtk_widget_get_visible (lines_error));
  g_assert_true (gtk_widget_has_css_class (quantity, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (lines_error)), "Line 1, quantity"));
  g_assert_false (gtk_widget_get_sensitive (save_button));
  settle_gui_test_set_text (quantity, "2");
  g_assert_false (gtk_widget_has_css_class (quantity, "error"));
  g_assert_false (gtk_widget_get_visible (lines_error));

  /* A third line from "Add Line", removed again. */
  settle_gui_test_click (
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "add_line_button"));
  g_assert_cmpuint (settle_agreement_editor_get_n_lines (editor), ==, 3);
  g_assert_false (gtk_widget_get_sensitive (save_button)); /* its description is blank */
  settle_gui_test_click (settle_agreement_editor_get_line_field (editor, 2, "remove"));
  g_assert_cmpuint (settle_agreement_editor_get_n_lines (editor), ==, 2);
  g_assert_true (gtk_widget_get_sensitive (save_button));
  settle_gui_test_save_png (GTK_WIDGET (editor), "agreements-01-editor.png");
  scroll_to_end (editor);
  settle_gui_test_save_png (GTK_WIDGET (editor), "agreements-01-editor-lines.png");

  /* End before start: the message is on the end date and Save is off. */
  settle_gui_test_set_text (end_row, "2025-06-01");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "End date"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==,
                   settle_agreement_editor_get_problem (editor));
  g_assert_false (gtk_widget_get_sensitive (save_button));
  settle_gui_test_save_png (GTK_WIDGET (editor), "agreements-02-editor-error.png");
  /* Saving anyway (Ctrl+S) is refused and writes nothing. */
  g_assert_false (settle_agreement_editor_save (editor, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  reader = settle_gui_test_open_book (book_path);
  g_assert_null (find_agreement (reader, "Managed backup"));

  settle_gui_test_set_text (end_row, "2026-06-30");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (save_button));
  settle_gui_test_click (save_button);
  g_assert_cmpint (settle_agreement_editor_get_agreement_id (editor), !=, 0);
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_toplevel (SETTLE_TYPE_AGREEMENT_EDITOR) == NULL);

  saved = find_agreement (reader, "Managed backup");
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->id, ==, settle_agreement_editor_get_agreement_id (editor));
  g_object_unref (editor);
  g_assert_cmpint (saved->billing_day, ==, 1);
  g_assert_cmpuint (saved->lines->len, ==, 2);
  line = g_ptr_array_index (saved->lines, 0);
  g_assert_cmpstr (line->description, ==, "Offsite backup, 500 GB");
  g_assert_cmpint (line->quantity_milli, ==, 2000);
  g_assert_cmpint (line->unit_price, ==, 12500);
  g_assert_cmpint (g_date_get_year (&saved->end_date), ==, 2026);
  line = g_ptr_array_index (saved->lines, 1);
  g_assert_cmpint (line->unit_price, ==, 4000);
  g_assert_cmpint (line->tax_rate_bp, ==, 825);
  g_assert_cmpint (line->item_id, !=, 0);

  /* The next run bills July in advance. */
  g_assert_true (settle_date_parse ("2025-07-01", &as_of));
  plan = settle_billing_plan (reader, &as_of, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const SettleBillingItem *item = g_ptr_array_index (plan->items, i);

      if (item->agreement_id != saved->id)
        continue;
      in_plan = TRUE;
      g_assert_cmpint (item->client_id, ==, client_id);
      g_assert_cmpint (g_date_get_day (&item->period_start), ==, 1);
      g_assert_cmpint (g_date_get_month (&item->period_end), ==, G_DATE_JULY);
      g_assert_cmpint (g_date_get_day (&item->period_end), ==, 31);
      /* 2 × $125.00 + $40.00 + 8.25 % of $40.00 */
      g_assert_cmpint (item->total, ==, 29330);
    }
  g_assert_true (in_plan);

  /* The pane lists it. */
  SETTLE_GUI_TEST_WAIT_FOR (gtk_widget_get_first_child (settle_gui_test_template_child (
                              detail (), SETTLE_TYPE_CLIENT_DETAIL, "agreements_list")) != NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (
         settle_gui_test_template_child (detail (), SETTLE_TYPE_CLIENT_DETAIL, "agreements_list"));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (SETTLE_IS_AGREEMENT_ROW (row)
        && settle_agreement_row_get_agreement_id (SETTLE_AGREEMENT_ROW (row)) == saved->id)
      {
        in_list = TRUE;
        g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "290.00"));
        shown = row;
      }
  g_assert_true (in_list);

  /* Activating the row edits it: the agreement's own terms and a PO number. */
  g_signal_emit_by_name (
    settle_gui_test_template_child (detail (), SETTLE_TYPE_CLIENT_DETAIL, "agreements_list"),
    "row-activated", shown);
  SETTLE_GUI_TEST_WAIT_FOR (
    (editor = settle_gui_test_find_toplevel (SETTLE_TYPE_AGREEMENT_EDITOR)) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (settle_gui_test_template_child (
                     editor, SETTLE_TYPE_AGREEMENT_EDITOR, "name_row"))),
                   ==, "Managed backup");
  g_assert_cmpuint (settle_agreement_editor_get_n_lines (editor), ==, 2);
  g_assert_null (settle_agreement_editor_get_problem (editor));
  terms_row = ADW_COMBO_ROW (
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "terms_row"));
  terms = adw_combo_row_get_model (terms_row);
  g_assert_cmpuint (adw_combo_row_get_selected (terms_row), ==, 0); /* the client's */
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (terms), i), "Net 15"))
      adw_combo_row_set_selected (terms_row, i);
  g_assert_cmpuint (adw_combo_row_get_selected (terms_row), !=, 0);
  settle_gui_test_set_text (
    settle_gui_test_template_child (editor, SETTLE_TYPE_AGREEMENT_EDITOR, "po_row"), "PO-7781");
  g_assert_true (settle_agreement_editor_save (editor, &error));
  g_assert_no_error (error);
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_toplevel (SETTLE_TYPE_AGREEMENT_EDITOR) == NULL);

  edited = settle_agreement_load (reader, saved->id, &error);
  g_assert_no_error (error);
  g_assert_true (edited->has_terms);
  g_assert_cmpint (edited->terms.kind, ==, SETTLE_TERMS_NET);
  g_assert_cmpint (edited->terms.days, ==, 15);
  g_assert_cmpstr (edited->po_number, ==, "PO-7781");
  g_assert_cmpuint (edited->lines->len, ==, 2);
  g_assert_cmpint (((SettleAgreementLine *) g_ptr_array_index (edited->lines, 0))->id, ==,
                   ((SettleAgreementLine *) g_ptr_array_index (saved->lines, 0))->id);
}

static void
test_project (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(SettleProject) after = NULL;
  SettleProjectEditor *editor;
  SettleProject *project = NULL;
  const SettleMilestone *first, *second;
  GtkWidget *button, *save_button;
  SettleId invoice_id = 0;

  if (settle_gui_test_skip_without_display ())
    return;

  settle_gui_test_click (
    settle_gui_test_template_child (detail (), SETTLE_TYPE_CLIENT_DETAIL, "new_project_button"));
  SETTLE_GUI_TEST_WAIT_FOR ((editor = settle_gui_test_find_toplevel (SETTLE_TYPE_PROJECT_EDITOR)) !=
                            NULL);
  save_button = settle_gui_test_template_child (editor, SETTLE_TYPE_PROJECT_EDITOR, "save_button");
  g_assert_false (gtk_widget_get_sensitive (save_button));

  settle_gui_test_set_text (
    settle_gui_test_template_child (editor, SETTLE_TYPE_PROJECT_EDITOR, "name_row"), "Office move");
  settle_gui_test_set_text (
    settle_gui_test_template_child (editor, SETTLE_TYPE_PROJECT_EDITOR, "budget_row"), "5,000.00");
  settle_gui_test_click (
    settle_gui_test_template_child (editor, SETTLE_TYPE_PROJECT_EDITOR, "add_button"));
  settle_gui_test_click (
    settle_gui_test_template_child (editor, SETTLE_TYPE_PROJECT_EDITOR, "add_button"));
  settle_gui_test_set_text (settle_project_editor_get_field (editor, 0, "name"), "Cabling");
  settle_gui_test_set_text (settle_project_editor_get_field (editor, 0, "amount"), "1,800.00");
  settle_gui_test_set_text (settle_project_editor_get_field (editor, 0, "due"), "2025-07-15");
  settle_gui_test_set_text (settle_project_editor_get_field (editor, 1, "name"), "Cut-over");
  settle_gui_test_set_text (settle_project_editor_get_field (editor, 1, "amount"), "July");
  g_assert_nonnull (strstr (settle_project_editor_get_problem (editor), "Milestone 2, amount"));
  g_assert_true (gtk_widget_has_css_class (settle_project_editor_get_field (editor, 1, "amount"),
                                           "error"));
  g_assert_false (gtk_widget_get_sensitive (save_button));
  settle_gui_test_set_text (settle_project_editor_get_field (editor, 1, "amount"), "3,200.00");
  g_assert_null (settle_project_editor_get_problem (editor));
  settle_gui_test_save_png (GTK_WIDGET (editor), "agreements-03-project-editor.png");
  settle_gui_test_click (save_button);
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_toplevel (SETTLE_TYPE_PROJECT_EDITOR) == NULL);

  reader = settle_gui_test_open_book (book_path);
  projects = settle_project_list (reader, client_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    if (g_strcmp0 (((SettleProject *) g_ptr_array_index (projects, i))->name, "Office move") == 0)
      project = g_ptr_array_index (projects, i);
  g_assert_nonnull (project);
  g_assert_cmpint (project->budget, ==, 500000);
  g_assert_cmpuint (project->milestones->len, ==, 2);
  first = g_ptr_array_index (project->milestones, 0);
  second = g_ptr_array_index (project->milestones, 1);
  g_assert_cmpint (first->amount, ==, 180000);
  g_assert_cmpint (second->amount, ==, 320000);

  /* Both open milestones have a button; completing the first drafts its invoice. */
  SETTLE_GUI_TEST_WAIT_FOR (settle_client_detail_get_milestone_button (detail (), first->id) !=
                            NULL);
  g_assert_nonnull (settle_client_detail_get_milestone_button (detail (), second->id));
  settle_gui_test_save_png (GTK_WIDGET (window), "agreements-04-client-detail.png");
  button = settle_client_detail_get_milestone_button (detail (), first->id);
  settle_gui_test_click (button);
  SETTLE_GUI_TEST_WAIT_FOR (settle_client_detail_get_milestone_button (detail (), first->id) ==
                            NULL);
  g_assert_nonnull (settle_client_detail_get_milestone_button (detail (), second->id));

  after = settle_project_load (reader, project->id, &error);
  g_assert_no_error (error);
  invoice_id = ((SettleMilestone *) g_ptr_array_index (after->milestones, 0))->invoice_id;
  g_assert_cmpint (invoice_id, !=, 0);
  g_assert_cmpint (((SettleMilestone *) g_ptr_array_index (after->milestones, 1))->invoice_id, ==, 0);
  invoice = settle_invoice_load (reader, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice->status, ==, SETTLE_INVOICE_DRAFT);
  g_assert_cmpint (invoice->client_id, ==, client_id);
  g_assert_cmpint (invoice->subtotal, ==, 180000);
  settle_gui_test_save_png (GTK_WIDGET (window), "agreements-05-milestone-done.png");
}

static void
saved_cb (SettleClientDetail *pane,
          const char         *path,
          char              **saved)
{
  g_free (*saved);
  *saved = g_strdup (path);
}

static void
test_statement (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "statement.pdf", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  AdwMessageDialog *dialog;
  GtkWidget *list, *from_row, *to_row;
  GDate from, to;
  gulong id;
  int status = -1;

  if (settle_gui_test_skip_without_display ())
    return;
  if (pdftotext == NULL)
    {
      if (g_getenv ("CI") != NULL)
        g_error ("pdftotext (poppler-utils) is needed under CI");
      g_test_skip ("pdftotext is not installed");
      return;
    }

  /* "Statement…" asks for the range, the last 90 days filled in. */
  settle_gui_test_click (
    settle_gui_test_template_child (detail (), SETTLE_TYPE_CLIENT_DETAIL, "statement_button"));
  SETTLE_GUI_TEST_WAIT_FOR ((dialog = settle_gui_test_find_dialog_for (GTK_WINDOW (window))) !=
                            NULL);
  list = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
  from_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  to_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from_row)), ==, "2025-04-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to_row)), ==, DEMO_TODAY);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  settle_gui_test_set_text (to_row, "2025-03-31");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_true (gtk_widget_has_css_class (to_row, "error"));
  g_assert_false (settle_statement_range_dialog_get_range (dialog, &from, &to));
  settle_gui_test_save_png (GTK_WIDGET (dialog), "agreements-06-statement-range-error.png");
  settle_gui_test_set_text (to_row, DEMO_TODAY);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_true (settle_statement_range_dialog_get_range (dialog, &from, &to));
  g_assert_cmpint (g_date_days_between (&from, &to), ==, 89);
  /* What the Cancel button does: respond, then close. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_dialog_for (GTK_WINDOW (window)) == NULL);

  /* The file chooser is the desktop's; the export behind it, with that range: */
  id = g_signal_connect (detail (), "statement-saved", G_CALLBACK (saved_cb), &saved);
  settle_client_detail_export_statement_to (detail (), path, &from, &to);
  SETTLE_GUI_TEST_WAIT_FOR (saved != NULL);
  g_signal_handler_disconnect (detail (), id);
  g_assert_cmpstr (saved, ==, path);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  reader = settle_gui_test_open_book (book_path);
  client = settle_client_load (reader, client_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, client->name));
  g_assert_nonnull (strstr (text, "Statement"));
  /* The closing line: what is owed, or the client's credit. */
  g_assert_true (strstr (text, "Amount due") != NULL || strstr (text, "Credit balance") != NULL);
}

/* The preview's arithmetic, as docs/billing.md's example: $250.00 a month from
 * 15 January is 250.00 × 17 ÷ 31 = $137.10 for January. Needs no display. */
static void
test_next_invoice (void)
{
  g_autoptr(SettleAgreement) agreement = settle_agreement_new (1, "USD");
  g_autofree char *text = NULL;
  SettleAgreementLine *usage;
  SettlePeriod period;
  gint64 net = -1;
  GDate today;

  g_assert_true (settle_date_parse ("2026-01-15", &agreement->start_date));
  settle_agreement_add_line (agreement, "Managed services", 1000, 25000, 0, FALSE);
  usage = settle_agreement_add_line (agreement, "Backup storage per GB", 0, 10, 0, TRUE);

  g_assert_true (settle_date_parse ("2026-01-01", &today));
  g_assert_true (settle_agreement_next_invoice (agreement, &today, &period, &net));
  g_assert_cmpint (g_date_get_day (&period.start), ==, 1);
  g_assert_cmpint (g_date_get_month (&period.start), ==, G_DATE_JANUARY);
  g_assert_cmpint (g_date_get_day (&period.end), ==, 31);
  g_assert_cmpint (net, ==, 13710);
  text = settle_agreement_describe_next (agreement, &today);
  g_assert_nonnull (strstr (text, "$137.10"));
  g_assert_nonnull (strstr (text, "plus usage"));

  /* Running: the next invoice is the period after today's, in full. */
  g_assert_true (settle_date_parse ("2026-03-10", &today));
  g_assert_true (settle_agreement_next_invoice (agreement, &today, &period, &net));
  g_assert_cmpint (g_date_get_month (&period.start), ==, G_DATE_APRIL);
  g_assert_cmpint (net, ==, 25000);

  /* Ending on 10 April: April is billed for 10 of 30 days, $83.33. */
  g_assert_true (settle_date_parse ("2026-04-10", &agreement->end_date));
  g_assert_true (settle_agreement_next_invoice (agreement, &today, &period, &net));
  g_assert_cmpint (net, ==, 8333);

  /* After the end, nothing more. */
  g_assert_true (settle_date_parse ("2026-05-02", &today));
  g_assert_false (settle_agreement_next_invoice (agreement, &today, &period, &net));
  g_clear_pointer (&text, g_free);
  text = settle_agreement_describe_next (agreement, &today);
  g_assert_nonnull (strstr (text, "Ended"));
  g_assert_true (usage->usage);
}

static void
make_demo_book (void)
{
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleCatalogItem) item = NULL;

  book = settle_gui_test_demo_book_new ("settle-gui-agreements-XXXXXX", 30, 600, 7, DEMO_TODAY,
                                        &tmp_dir, &book_path);

  /* A catalogue item with a tax rate, for "From Catalogue". */
  if (!settle_tax_rate_is_known (book, 825))
    {
      SettleTaxRate rate = { 0, (char *) "Sales tax", 825 };

      g_assert_true (settle_tax_rate_save (book, &rate, &error));
      g_assert_no_error (error);
    }
  item = settle_catalog_item_new ();
  g_free (item->sku);
  item->sku = g_strdup ("MON-01");
  g_free (item->name);
  item->name = g_strdup ("Server monitoring");
  item->unit_price = 4000;
  memcpy (item->currency, "USD", 4);
  item->tax_rate_bp = 825;
  item->kind = SETTLE_ITEM_SERVICE;
  item->active = TRUE;
  g_assert_true (settle_catalog_item_save (book, item, &error));
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

  g_test_add_func ("/gui/agreements/next-invoice", test_next_invoice);
  g_test_add_func ("/gui/agreements/open", test_open);
  g_test_add_func ("/gui/agreements/agreement", test_agreement);
  g_test_add_func ("/gui/agreements/project", test_project);
  g_test_add_func ("/gui/agreements/statement", test_statement);

  status = g_test_run ();

  settle_gui_test_finish (window, &app, &tmp_dir, &book_path);
  return status;
}
