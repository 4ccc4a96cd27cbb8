/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "settle-agreement.h"
#include "settle-batch-export-dialog.h"
#include "settle-billing-dialog.h"
#include "settle-billing.h"
#include "settle-gui.h"
#include "settle-invoice-row.h"
#include "settle-list-query.h"
#include "settle-print.h"
#include "settle-window.h"
#include "test-runs.h"

/* Runs, prints and exports from the real window on a demo book: printing
 * through GtkPrintOperation (exported to PDF, read back with pdftotext), the
 * batch PDF export of the listed invoices and the billing run dialog here;
 * agreements and projects in test-runs-agreements.c, preferences and the
 * catalogue in test-runs-settings.c. Screenshots go to
 * $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"

static GtkApplication    *app;
char                     *tmp_dir;
char                     *book_path;
SettleWindow             *window;

static gboolean
model_settled (SettleInvoiceListModel *model)
{
  g_autoptr(GObject) item = NULL;

  if (!settle_paged_model_is_idle (SETTLE_PAGED_MODEL (model)))
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return TRUE;
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return settle_invoice_row_get_loaded (SETTLE_INVOICE_ROW (item));
}

/* ---- the window ---------------------------------------------------------------- */

static void
test_open (void)
{
  SettleInvoiceListModel *model;

  if (settle_gui_test_skip_without_display ())
    return;

  window = settle_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  model = settle_invoices_view_get_model (settle_window_get_invoices_view (window));
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);
  SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
}

/* ---- print ------------------------------------------------------------------- */

static SettleInvoiceSummary *
find_issued (SettleBook *book,
             gboolean    with_payments)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  SettleInvoiceQuery query = { 0 };

  query.sort = SETTLE_INVOICE_SORT_NUMBER;
  page = settle_invoice_query_page (book, &query, NULL, 0, 500, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->len; i++)
    {
      SettleInvoiceSummary *row = g_ptr_array_index (page, i);

      if (row->number != NULL && row->status != SETTLE_INVOICE_VOID
          && (!with_payments || row->amount_paid > 0))
        return g_ptr_array_steal_index (page, i);
    }
  g_error ("The demo book has no issued invoice");
  return NULL;
}

static void
test_print_export (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  SettleInvoiceSummary *row;
  GtkPrintOperationResult result;

  if (settle_gui_test_skip_without_display ())
    return;

  reader = settle_gui_test_open_book (book_path);
  row = find_issued (reader, TRUE);

  /* An unknown invoice is an error, not an empty print job. */
  g_assert_null (settle_print_operation_new (settle_window_get_book (window), 999999999, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  operation = settle_print_operation_new (settle_window_get_book (window), row->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (operation);

  path = g_build_filename (tmp_dir, "printed.pdf", NULL);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The print path draws what the PDF shows: the number, the client, the total. */
  text = settle_gui_test_pdf_text (path);
  g_assert_nonnull (strstr (text, row->number));
  g_assert_nonnull (strstr (text, row->client_name));
  g_assert_cmpint (settle_gui_test_pdf_pages (path), >=, 1);
  settle_invoice_summary_free (row);
}

/* ---- batch export ------------------------------------------------------------- */

static guint
count_files (const char *dir_path,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix) && name[0] != '.')
      n++;
  return n;
}

static void
test_batch_export (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SettleBatchExportDialog) dialog = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *first = NULL;
  g_autofree char *text = NULL;
  SettleInvoiceListModel *model;
  SettleInvoiceQuery query = { 0 };
  const SettleBatchExportResult *result;
  const char *search = "INV-00002";
  guint n_issued = 0, n_drafts = 0;

  if (settle_gui_test_skip_without_display ())
    return;

  /* What the view lists after a search is what gets exported. */
  model = settle_invoices_view_get_model (settle_window_get_invoices_view (window));
  settle_invoice_list_model_set_search (model, search);
  SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));

  reader = settle_gui_test_open_book (book_path);
  query.search = (char *) search;
  rows = settle_invoice_query_page (reader, &query, NULL, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
  for (guint i = 0; i < rows->len; i++)
    {
      SettleInvoiceSummary *row = g_ptr_array_index (rows, i);

      if (row->number == NULL)
        n_drafts++;
      else
        n_issued++;
      if (first == NULL && row->number != NULL)
        first = settle_batch_export_file_name (row->number);
    }
  g_assert_cmpuint (n_issued, >, 0);

  folder = g_build_filename (tmp_dir, "batch", NULL);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  dialog = g_object_ref (settle_batch_export_dialog_start (window, folder));
  SETTLE_GUI_TEST_WAIT_FOR (settle_batch_export_dialog_get_finished (dialog));

  result = settle_batch_export_dialog_get_result (dialog);
  g_assert_cmpuint (result->n_written, ==, n_issued);
  g_assert_cmpuint (result->n_skipped, ==, n_drafts);
  g_assert_cmpuint (result->n_failed, ==, 0);
  g_assert_false (result->cancelled);
  g_assert_null (result->first_error);
  g_assert_cmpuint (count_files (folder, ".pdf"), ==, n_issued);
  /* No temporary file left behind. */
  g_assert_cmpuint (count_files (folder, ""), ==, n_issued);
  g_test_message ("Batch export: %s", settle_batch_export_dialog_get_summary (dialog));
  g_assert_nonnull (strstr (settle_batch_export_dialog_get_summary (dialog), "saved"));

  {
    g_autofree char *path = g_build_filename (folder, first, NULL);

    g_assert_cmpint (settle_gui_test_pdf_pages (path), >=, 1);
    text = settle_gui_test_pdf_text (path);
    g_assert_nonnull (strstr (text, "INV-00002"));
  }

  /* A folder that is gone is one clear error, no file anywhere. */
  {
    g_autoptr(SettleBatchExportDialog) failed = NULL;
    g_autofree char *gone = g_build_filename (tmp_dir, "no-such-folder", NULL);

    failed = g_object_ref (settle_batch_export_dialog_start (window, gone));
    SETTLE_GUI_TEST_WAIT_FOR (settle_batch_export_dialog_get_finished (failed));
    g_assert_cmpuint (settle_batch_export_dialog_get_result (failed)->n_written, ==, 0);
    g_assert_nonnull (strstr (settle_batch_export_dialog_get_summary (failed), "does not exist"));
  }

  settle_invoice_list_model_set_search (model, NULL);
  SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));

  /* Every listed invoice, timed: the figure goes in the test log. */
  {
    g_autoptr(SettleBatchExportDialog) full = NULL;
    g_autofree char *everything = g_build_filename (tmp_dir, "everything", NULL);
    gint64 start = g_get_monotonic_time ();
    double seconds;
    guint n_written;

    g_assert_cmpint (g_mkdir (everything, 0755), ==, 0);
    full = g_object_ref (settle_batch_export_dialog_start (window, everything));
    settle_gui_test_save_png (GTK_WIDGET (full), "runs-00-batch-export-progress.png");
    SETTLE_GUI_TEST_WAIT_FOR (settle_batch_export_dialog_get_finished (full));
    seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    n_written = settle_batch_export_dialog_get_result (full)->n_written;
    g_assert_cmpuint (n_written + settle_batch_export_dialog_get_result (full)->n_skipped, ==,
                      g_list_model_get_n_items (G_LIST_MODEL (model)));
    g_assert_cmpuint (count_files (everything, ""), ==, n_written);
    g_test_message ("Batch export of %u invoices: %.2f s, %.0f PDFs/s (with the window's own frames)",
                    n_written, seconds, n_written / seconds);
  }

  /* Every invoice, cancelled at once (closing the dialog cancels): it stops early,
   * says so, and leaves only whole files. */
  {
    g_autoptr(SettleBatchExportDialog) cancelled = NULL;
    g_autofree char *all = g_build_filename (tmp_dir, "all", NULL);
    const SettleBatchExportResult *r;

    g_assert_cmpint (g_mkdir (all, 0755), ==, 0);
    cancelled = g_object_ref (settle_batch_export_dialog_start (window, all));
    gtk_window_close (GTK_WINDOW (cancelled));
    SETTLE_GUI_TEST_WAIT_FOR (settle_batch_export_dialog_get_finished (cancelled));
    r = settle_batch_export_dialog_get_result (cancelled);
    g_test_message ("Cancelled: %s", settle_batch_export_dialog_get_summary (cancelled));
    g_assert_true (r->cancelled);
    g_assert_cmpuint (r->n_written, <, g_list_model_get_n_items (G_LIST_MODEL (model)));
    g_assert_nonnull (strstr (settle_batch_export_dialog_get_summary (cancelled), "cancelled"));
    g_assert_cmpuint (count_files (all, ""), ==, r->n_written);
  }
}

/* ---- billing run ----------------------------------------------------------------- */

SettleId agreement_ids[N_AGREEMENTS];

/* Three monthly agreements from April: April, May and June are due by the
 * demo's "today" (June 30). */
static void
make_agreements (void)
{
  g_autoptr(SettleBook) writer = settle_gui_test_open_book (book_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  SettleClientQuery query = { 0 };

  clients = settle_client_query_page (writer, &query, NULL, 0, N_AGREEMENTS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, N_AGREEMENTS);
  for (guint i = 0; i < N_AGREEMENTS; i++)
    {
      SettleClientSummary *client = g_ptr_array_index (clients, i);
      g_autoptr(SettleAgreement) agreement = settle_agreement_new (client->id, client->currency);

      g_free (agreement->name);
      agreement->name = g_strdup_printf ("Managed services %u", i + 1);
      agreement->cycle = SETTLE_CYCLE_MONTHLY;
      agreement->alignment = SETTLE_ALIGN_CALENDAR;
      agreement->billing_day = 1;
      g_date_set_dmy (&agreement->start_date, 1, G_DATE_APRIL, 2025);
      agreement->auto_issue = TRUE;
      settle_agreement_add_line (agreement, "Monitoring and patching", 1000, 50000 + 10000 * i, 0,
                                 FALSE);
      g_assert_true (settle_agreement_save (writer, agreement, &error));
      g_assert_no_error (error);
      agreement_ids[i] = agreement->id;
    }
}

static guint
billed_count (SettleBook *book,
              SettleId    agreement_id)
{
  g_autoptr(GError) error = NULL;
  guint n = settle_billing_count_billed (book, agreement_id, &error);

  g_assert_no_error (error);
  return n;
}

static gboolean
dialog_idle (SettleBillingDialog *dialog)
{
  return !settle_run_dialog_get_busy (SETTLE_RUN_DIALOG (dialog));
}

static void
test_billing_run (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleBook) holder = NULL;
  g_autoptr(SettleBillingDialog) dialog = NULL;
  g_autoptr(SettleBillingDialog) again = NULL;
  g_autoptr(SettleBillingPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint per_agreement[N_AGREEMENTS] = { 0 };
  GDate today;

  if (settle_gui_test_skip_without_display ())
    return;

  make_agreements ();
  reader = settle_gui_test_open_book (book_path);
  settle_today (&today);
  plan = settle_billing_plan (reader, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->items->len; i++)
    {
      SettleBillingItem *item = g_ptr_array_index (plan->items, i);

      for (guint j = 0; j < N_AGREEMENTS; j++)
        if (item->agreement_id == agreement_ids[j])
          per_agreement[j]++;
    }
  for (guint j = 0; j < N_AGREEMENTS; j++)
    g_assert_cmpuint (per_agreement[j], ==, 3);
  expected = settle_billing_plan_describe (plan);

  /* The preview: computed in a worker, the same text the core gives. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.billing-run", NULL));
  dialog = settle_gui_test_need_toplevel (SETTLE_TYPE_BILLING_DIALOG);
  SETTLE_GUI_TEST_WAIT_FOR (dialog_idle (dialog));
  g_assert_null (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)));
  g_assert_cmpstr (settle_run_dialog_get_summary (SETTLE_RUN_DIALOG (dialog)), ==, expected);
  g_assert_cmpuint (settle_run_dialog_get_n_items (SETTLE_RUN_DIALOG (dialog)), ==, plan->items->len);
  settle_gui_test_save_png (GTK_WIDGET (dialog), "runs-01-billing-preview.png");

  /* A bad date: a message on the field, nothing to run. */
  {
    GtkWidget *date_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                     SETTLE_TYPE_BILLING_DIALOG,
                                                                     "date_row"));

    gtk_editable_set_text (GTK_EDITABLE (date_row), "2025-02-30");
    g_assert_nonnull (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)));
    g_assert_nonnull (strstr (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)), "YYYY-MM-DD"));
    settle_run_dialog_run (SETTLE_RUN_DIALOG (dialog));
    g_assert_cmpint (settle_run_dialog_get_state (SETTLE_RUN_DIALOG (dialog)), ==, SETTLE_RUN_DIALOG_PREVIEW);
    settle_run_dialog_set_date (SETTLE_RUN_DIALOG (dialog), &today);
    SETTLE_GUI_TEST_WAIT_FOR (dialog_idle (dialog));
    g_assert_cmpstr (settle_run_dialog_get_summary (SETTLE_RUN_DIALOG (dialog)), ==, expected);
  }

  /* Another process holds the run lock: a clear message, nothing made. */
  holder = settle_gui_test_open_book (book_path);
  g_assert_true (settle_book_lock (holder, SETTLE_BOOK_LOCK_RUN, &error));
  g_assert_no_error (error);
  settle_run_dialog_run (SETTLE_RUN_DIALOG (dialog));
  SETTLE_GUI_TEST_WAIT_FOR (dialog_idle (dialog));
  g_assert_cmpint (settle_run_dialog_get_state (SETTLE_RUN_DIALOG (dialog)), ==, SETTLE_RUN_DIALOG_PREVIEW);
  g_assert_nonnull (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)));
  g_assert_nonnull (strstr (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)), "already working"));
  g_test_message ("Locked: %s", settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)));
  settle_gui_test_save_png (GTK_WIDGET (dialog), "runs-02-billing-locked.png");
  for (guint j = 0; j < N_AGREEMENTS; j++)
    g_assert_cmpuint (billed_count (reader, agreement_ids[j]), ==, 0);
  settle_book_unlock (holder, SETTLE_BOOK_LOCK_RUN);

  /* The run. */
  settle_run_dialog_run (SETTLE_RUN_DIALOG (dialog));
  g_assert_cmpint (settle_run_dialog_get_state (SETTLE_RUN_DIALOG (dialog)), ==, SETTLE_RUN_DIALOG_RUNNING);
  SETTLE_GUI_TEST_WAIT_FOR (settle_run_dialog_get_state (SETTLE_RUN_DIALOG (dialog)) == SETTLE_RUN_DIALOG_DONE);
  g_test_message ("Run: %s", settle_run_dialog_get_summary (SETTLE_RUN_DIALOG (dialog)));
  g_assert_nonnull (strstr (settle_run_dialog_get_summary (SETTLE_RUN_DIALOG (dialog)), "invoices made"));
  settle_gui_test_save_png (GTK_WIDGET (dialog), "runs-03-billing-done.png");
  for (guint j = 0; j < N_AGREEMENTS; j++)
    g_assert_cmpuint (billed_count (reader, agreement_ids[j]), ==, per_agreement[j]);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Again: nothing to bill, and still one invoice per period. */
  again = g_object_ref (settle_billing_dialog_new (window));
  gtk_window_present (GTK_WINDOW (again));
  SETTLE_GUI_TEST_WAIT_FOR (dialog_idle (again));
  g_test_message ("Again: %s", settle_run_dialog_get_summary (SETTLE_RUN_DIALOG (again)));
  g_assert_nonnull (strstr (settle_run_dialog_get_summary (SETTLE_RUN_DIALOG (again)), "Nothing to bill"));
  g_assert_cmpuint (settle_run_dialog_get_n_items (SETTLE_RUN_DIALOG (again)), ==, 0);
  settle_run_dialog_run (SETTLE_RUN_DIALOG (again));
  g_assert_cmpint (settle_run_dialog_get_state (SETTLE_RUN_DIALOG (again)), ==, SETTLE_RUN_DIALOG_PREVIEW);
  settle_gui_test_save_png (GTK_WIDGET (again), "runs-04-billing-nothing.png");
  for (guint j = 0; j < N_AGREEMENTS; j++)
    g_assert_cmpuint (billed_count (reader, agreement_ids[j]), ==, per_agreement[j]);
  gtk_window_destroy (GTK_WINDOW (again));
}

/* ---- setup --------------------------------------------------------------------- */

static void
make_demo_book (void)
{
  g_autoptr(SettleBook) book = NULL;

  book = settle_gui_test_demo_book_new ("settle-runs-XXXXXX", 20, 300, 7, DEMO_TODAY, &tmp_dir,
                                        &book_path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  settle_gui_test_set_timeout (120);
  if (settle_gui_test_init (&argc, &argv, DEMO_TODAY))
    {
      app = settle_gui_test_app_new ();
      make_demo_book ();
    }

  g_test_add_func ("/gui/runs/open", test_open);
  g_test_add_func ("/gui/runs/print-export", test_print_export);
  g_test_add_func ("/gui/runs/batch-export", test_batch_export);
  g_test_add_func ("/gui/runs/billing", test_billing_run);
  g_test_add_func ("/gui/runs/agreements", test_agreements);
  g_test_add_func ("/gui/runs/projects", test_projects);
  g_test_add_func ("/gui/runs/preferences", test_preferences);
  g_test_add_func ("/gui/runs/catalog", test_catalog);

  status = g_test_run ();

  settle_gui_test_finish (window, &app, &tmp_dir, &book_path);
  return status;
}
