/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include "settle-gui.h"
#include "settle-invoice-row.h"
#include "settle-client-row.h"
#include "settle-list-query.h"
#include "settle-window.h"
#include "settle-gui-test.h"

/* The real window on a demo book, driven through its actions and widgets. Each
 * view is saved as a PNG in $G_TEST_BUILDDIR/gui/screenshots for people to look at. */

#define DEMO_TODAY "2025-06-30"

static GtkApplication    *app;
static char              *tmp_dir;
static char              *book_path;
static SettleWindow      *window;

static gboolean
row_loaded (GListModel *model,
            guint       position)
{
  g_autoptr(GObject) item = NULL;

  if (position >= g_list_model_get_n_items (model))
    return FALSE;
  item = g_list_model_get_item (model, position);
  if (SETTLE_IS_INVOICE_ROW (item))
    return settle_invoice_row_get_loaded (SETTLE_INVOICE_ROW (item));
  return settle_client_row_get_id (SETTLE_CLIENT_ROW (item)) != SETTLE_ID_NONE;
}

static gboolean
model_settled (gpointer model)
{
  return settle_paged_model_is_idle (model) && row_loaded (model, 0);
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("No column “%s”", title);
  return NULL;
}

static void
test_open_demo (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  SettleInvoiceListModel *model;
  SettleInvoiceQuery query = { 0 };
  guint n_invoices = 0;
  gint64 start;

  if (settle_gui_test_skip_without_display ())
    return;

  start = g_get_monotonic_time ();
  window = settle_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  g_assert_cmpint (settle_window_get_state (window), ==, SETTLE_WINDOW_OPENING);

  model = settle_invoices_view_get_model (settle_window_get_invoices_view (window));
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);
  SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));
  g_test_message ("First rows after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  reader = settle_gui_test_open_book (book_path);
  g_assert_true (settle_invoice_query_count (reader, &query, &n_invoices, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_invoices, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_invoices);
}

static void
test_select_invoice (void)
{
  SettleInvoicesView *view;
  SettleInvoiceListModel *model;
  g_autoptr(SettleInvoiceRow) row = NULL;
  const SettleInvoiceSummary *summary;

  if (settle_gui_test_skip_without_display ())
    return;

  view = settle_window_get_invoices_view (window);
  model = settle_invoices_view_get_model (view);
  SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  summary = settle_invoice_row_get_summary (row);
  g_assert_nonnull (summary);

  settle_invoices_view_select (view, 0);
  g_assert_cmpint (settle_invoices_view_get_shown_invoice (view), ==, summary->id);
  g_assert_cmpstr (settle_invoice_detail_get_title (settle_invoices_view_get_detail (view)), ==,
                   summary->number != NULL ? summary->number : "Draft");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (settle_invoices_view_get_detail (view))));

  /* For the screenshot, an invoice with payments, so the pane shows them all. */
  for (guint i = 1; i < SETTLE_PAGED_MODEL_PAGE_SIZE && row_loaded (G_LIST_MODEL (model), i); i++)
    {
      g_autoptr(SettleInvoiceRow) other = g_list_model_get_item (G_LIST_MODEL (model), i);
      const SettleInvoiceSummary *paid = settle_invoice_row_get_summary (other);

      if (paid->amount_paid > 0 && paid->balance > 0)
        {
          settle_invoices_view_select (view, i);
          g_assert_cmpint (settle_invoices_view_get_shown_invoice (view), ==, paid->id);
          g_assert_cmpstr (settle_invoice_detail_get_title (settle_invoices_view_get_detail (view)),
                           ==, paid->number);
          break;
        }
    }
  settle_gui_test_save_png (GTK_WIDGET (window), "01-invoices.png");
}

static void
test_sort_by_total (void)
{
  SettleInvoicesView *view;
  SettleInvoiceListModel *model;
  GtkColumnView *column_view;
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  SettleInvoiceQuery query = { 0 };
  const gboolean directions[] = { TRUE, FALSE };

  if (settle_gui_test_skip_without_display ())
    return;

  view = settle_window_get_invoices_view (window);
  model = settle_invoices_view_get_model (view);
  column_view = settle_invoices_view_get_column_view (view);
  reader = settle_gui_test_open_book (book_path);

  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    {
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(SettleInvoiceRow) first = NULL;
      g_autoptr(SettleInvoiceRow) second = NULL;
      gboolean descending = directions[i];
      gboolean model_descending = !descending;
      const SettleInvoiceSummary *want;

      gint64 start = g_get_monotonic_time ();

      gtk_column_view_sort_by_column (column_view, find_column (column_view, "Total"),
                                      descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      g_assert_cmpint (settle_invoice_list_model_get_sort (model, &model_descending), ==,
                       SETTLE_INVOICE_SORT_TOTAL);
      g_assert_cmpint (model_descending, ==, descending);
      SETTLE_GUI_TEST_WAIT_FOR (model_settled (model) && row_loaded (G_LIST_MODEL (model), 1));
      g_test_message ("Sorted by total (%s) in %.0f ms", descending ? "descending" : "ascending",
                      (g_get_monotonic_time () - start) / 1000.0);

      query.sort = SETTLE_INVOICE_SORT_TOTAL;
      query.descending = descending;
      expected = settle_invoice_query_page (reader, &query, NULL, 0, 1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (expected->len, ==, 1);
      want = g_ptr_array_index (expected, 0);

      first = g_list_model_get_item (G_LIST_MODEL (model), 0);
      second = g_list_model_get_item (G_LIST_MODEL (model), 1);
      g_assert_cmpint (settle_invoice_row_get_summary (first)->total, ==, want->total);
      if (descending)
        g_assert_cmpint (settle_invoice_row_get_summary (first)->total, >=,
                         settle_invoice_row_get_summary (second)->total);
      else
        g_assert_cmpint (settle_invoice_row_get_summary (first)->total, <=,
                         settle_invoice_row_get_summary (second)->total);
    }

  /* Back to newest first for the screenshots. */
  gtk_column_view_sort_by_column (column_view, find_column (column_view, "Issued"),
                                  GTK_SORT_DESCENDING);
  SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));
}

static void
test_search (void)
{
  SettleInvoicesView *view;
  SettleInvoiceListModel *model;
  g_autoptr(SettleInvoiceRow) row = NULL;
  g_autofree char *number = NULL;
  guint n_all;

  if (settle_gui_test_skip_without_display ())
    return;

  view = settle_window_get_invoices_view (window);
  model = settle_invoices_view_get_model (view);
  SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));
  n_all = g_list_model_get_n_items (G_LIST_MODEL (model));
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  number = g_strdup (settle_invoice_row_get_summary (row)->number);
  g_assert_nonnull (number);

  /* Ctrl+F puts the focus in the search entry. */
  g_assert_true (
    settle_gui_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_true (GTK_IS_EDITABLE (gtk_window_get_focus (GTK_WINDOW (window))));

  settle_invoice_list_model_set_search (model, number);
  SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, n_all);
  g_clear_object (&row);
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (g_str_has_prefix (settle_invoice_row_get_summary (row)->number, number));

  settle_invoice_list_model_set_search (model, "no invoice or client is called this");
  SETTLE_GUI_TEST_WAIT_FOR (settle_paged_model_is_idle (SETTLE_PAGED_MODEL (model)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  settle_invoice_list_model_set_search (model, NULL);
  SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_all);
}

static void
test_views (void)
{
  static const struct
  {
    guint       keyval;
    const char *view;
    const char *png;
  } views[] = {
    { GDK_KEY_2, "clients", "02-clients.png" },
    { GDK_KEY_3, "aging", "03-aging.png" },
    { GDK_KEY_4, "reconciliation", "04-reconciliation.png" },
    { GDK_KEY_1, "invoices", NULL },
  };

  if (settle_gui_test_skip_without_display ())
    return;

  /* Through the action, as the view switcher and menus do… */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s",
                                                 views[i].view));
      g_assert_cmpstr (settle_window_get_view (window), ==, views[i].view);
    }

  /* …and through Ctrl+1…4, saving each view once it has its data. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (
        settle_gui_test_activate_shortcut (GTK_WIDGET (window), views[i].keyval, GDK_CONTROL_MASK));
      g_assert_cmpstr (settle_window_get_view (window), ==, views[i].view);

      if (g_str_equal (views[i].view, "clients"))
        {
          SettleClientsView *clients = settle_window_get_clients_view (window);
          GListModel *model = G_LIST_MODEL (settle_clients_view_get_model (clients));

          SETTLE_GUI_TEST_WAIT_FOR (model_settled (model));
          settle_clients_view_select (clients, 0);
          g_assert_cmpint (settle_clients_view_get_shown_client (clients), !=, SETTLE_ID_NONE);
        }
      else if (g_str_equal (views[i].view, "aging"))
        {
          SettleAgingView *aging = settle_window_get_aging_view (window);
          const SettleAgingReport *report;
          GtkWidget *chart;

          SETTLE_GUI_TEST_WAIT_FOR (settle_aging_view_get_report (aging) != NULL &&
                                    !settle_aging_view_get_busy (aging));
          report = settle_aging_view_get_report (aging);
          g_assert_cmpuint (report->rows->len, >, 0);
          chart = settle_aging_view_get_chart (aging);
          g_assert_true (gtk_widget_get_has_tooltip (chart));
        }

      if (views[i].png != NULL)
        settle_gui_test_save_png (GTK_WIDGET (window), views[i].png);
    }
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_external_change (void)
{
  g_autoptr(SettleBook) writer = NULL;
  g_autoptr(GError) error = NULL;
  SettleBook *book;
  guint changes = 0;
  gulong id;

  if (settle_gui_test_skip_without_display ())
    return;
  if (g_getenv ("SETTLE_TEST_BOOK") != NULL)
    {
      g_test_skip ("Writes to the book: not on a book given by SETTLE_TEST_BOOK");
      return;
    }

  /* Another process (the CLI on its timer) writes; the window notices within a
   * second or so and tells its views. */
  book = settle_window_get_book (window);
  id = g_signal_connect_swapped (book, "changed", G_CALLBACK (count_cb), &changes);
  writer = settle_gui_test_open_book (book_path);
  g_assert_true (settle_book_set_setting (writer, "test.touched", "yes", &error));
  g_assert_no_error (error);
  SETTLE_GUI_TEST_WAIT_FOR (changes > 0);
  g_signal_handler_disconnect (book, id);
  SETTLE_GUI_TEST_WAIT_FOR (
    model_settled (settle_invoices_view_get_model (settle_window_get_invoices_view (window))));
}

static void
test_export_pdf (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "exported.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (settle_gui_test_skip_without_display ())
    return;

  g_assert_cmpint (settle_invoices_view_get_shown_invoice (settle_window_get_invoices_view (window)),
                   !=, SETTLE_ID_NONE);
  settle_window_export_pdf_to (window, path);
  SETTLE_GUI_TEST_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_not_a_book (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "hello.settle", NULL);
  g_autofree char *after = NULL;
  SettleWindow *other;
  AdwMessageDialog *dialog = NULL;
  gsize length = 0;

  if (settle_gui_test_skip_without_display ())
    return;

  g_assert_true (g_file_set_contents (path, "hello", -1, NULL));
  other = settle_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (other));
  settle_window_open (other, path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR ((dialog = settle_gui_test_find_dialog_for (GTK_WINDOW (other))) !=
                            NULL);

  g_assert_cmpint (settle_window_get_state (other), ==, SETTLE_WINDOW_EMPTY);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open Book");
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "hello.settle") != NULL);
  settle_gui_test_save_png (GTK_WIDGET (dialog), "05-not-a-book.png");

  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpuint (length, ==, 5);
  g_assert_cmpmem (after, length, "hello", 5);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (other));
}

static void
test_locked (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "busy.settle", NULL);
  g_autoptr(SettleBook) holder = NULL;
  g_autoptr(GError) error = NULL;
  SettleWindow *other;
  AdwMessageDialog *dialog = NULL;

  if (settle_gui_test_skip_without_display ())
    return;

  /* A book, closed once so its header is on disk, then held by another
   * window's session, as a second Settle process would hold it. */
  holder = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&holder);
  holder = settle_book_open (path, SETTLE_BOOK_OPEN_SESSION, &error);
  g_assert_no_error (error);

  other = settle_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (other));
  settle_window_open (other, path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR ((dialog = settle_gui_test_find_dialog_for (GTK_WINDOW (other))) !=
                            NULL);
  g_assert_cmpint (settle_window_get_state (other), ==, SETTLE_WINDOW_EMPTY);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open Book");
  settle_gui_test_save_png (GTK_WIDGET (dialog), "06-locked.png");
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "already open") != NULL);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (other));
}

static void
make_demo_book (void)
{
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  const char *given = g_getenv ("SETTLE_TEST_BOOK");

  /* SETTLE_TEST_BOOK=/path/to/big.settle runs the same checks on an existing
   * book (say a million invoices), which is then only read. */
  if (given != NULL)
    {
      tmp_dir = g_dir_make_tmp ("settle-gui-XXXXXX", &error);
      g_assert_no_error (error);
      book_path = g_canonicalize_filename (given, NULL);
      return;
    }

  book = settle_gui_test_demo_book_new ("settle-gui-XXXXXX", 120, 6000, 1, DEMO_TODAY, &tmp_dir,
                                        &book_path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The demo's last day is "today", so overdue invoices and aging are the same on
   * every run. */
  if (settle_gui_test_init (&argc, &argv,
                            g_getenv ("SETTLE_TEST_BOOK") == NULL ? DEMO_TODAY : NULL))
    {
      app = settle_gui_test_app_new ();
      make_demo_book ();
    }

  g_test_add_func ("/gui/window/open", test_open_demo);
  g_test_add_func ("/gui/window/select-invoice", test_select_invoice);
  g_test_add_func ("/gui/window/sort-by-total", test_sort_by_total);
  g_test_add_func ("/gui/window/search", test_search);
  g_test_add_func ("/gui/window/views", test_views);
  g_test_add_func ("/gui/window/external-change", test_external_change);
  g_test_add_func ("/gui/window/export-pdf", test_export_pdf);
  g_test_add_func ("/gui/window/not-a-book", test_not_a_book);
  g_test_add_func ("/gui/window/locked", test_locked);

  status = g_test_run ();

  settle_gui_test_finish (window, &app, &tmp_dir, &book_path);
  return status;
}
