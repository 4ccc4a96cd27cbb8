/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "settle-activity.h"
#include "settle-application.h"
#include "settle-book-private.h"
#include "settle-client-row.h"
#include "settle-client.h"
#include "settle-demo.h"
#include "settle-dunning.h"
#include "settle-gui-test.h"
#include "settle-gui.h"
#include "settle-window.h"
#include "test-client-timeline-book.h"

/* The client pane's activity timeline and the invalid-email flags, on a demo book
 * with a reminder run and a payment. Screenshots go to
 * $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"

static SettleApplication *app;
static char              *tmp_dir;
static char              *book_path;
static SettleWindow      *window;
static SettleId           reminded_client; /* the client with the most reminder rows */

/* Every action the core logs, as stored: none may show untranslated. */
static const char * const raw_actions[] = {
  "created", "issued", "sent", "reminded", "paid", "part-paid", "received", "held",
  "released", "voided", "deleted", "changed", "updated", "emailed", "reminder not sent",
  "phone task", "fee added", "fee waived", "collections", "credited", "reversed", "reopened",
  "refunded", "credit-applied", "pending", "settled", "milestone-completed",
};

static gint64
query_id (SettleBook *book,
          const char *sql,
          SettleId    param)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (settle_book_get_db (book), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, param);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static SettleClientDetail *
detail (void)
{
  return settle_clients_view_get_detail (settle_window_get_clients_view (window));
}

static SettleClientTimeline *
timeline (void)
{
  return settle_client_detail_get_timeline (detail ());
}

static gboolean
client_row_loaded (GListModel *model)
{
  g_autoptr(SettleClientRow) row = NULL;

  if (g_list_model_get_n_items (model) == 0)
    return FALSE;
  row = g_list_model_get_item (model, 0);
  return settle_client_row_get_summary (row) != NULL;
}

static gboolean
all_rows_loaded (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SettleClientRow) row = g_list_model_get_item (model, i);

      if (settle_client_row_get_summary (row) == NULL)
        return FALSE;
    }
  return TRUE;
}

static guint
position_of (SettleId client_id)
{
  GListModel *model = G_LIST_MODEL (settle_clients_view_get_model (settle_window_get_clients_view (window)));

  SETTLE_GUI_TEST_WAIT_FOR (all_rows_loaded (model));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SettleClientRow) row = g_list_model_get_item (model, i);

      if (settle_client_row_get_id (row) == client_id)
        return i;
    }
  g_error ("client %" G_GINT64_FORMAT " is not in the list", client_id);
}

static void
select_client (SettleId client_id)
{
  SettleClientsView *clients = settle_window_get_clients_view (window);

  settle_clients_view_select (clients, position_of (client_id));
  g_assert_cmpint (settle_clients_view_get_shown_client (clients), ==, client_id);
  g_assert_cmpint (settle_client_detail_get_client_id (detail ()), ==, client_id);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_client_timeline_is_loading (timeline ()));
}

/* The rows of the timeline, top to bottom (the placeholder is left out). */
static GPtrArray *
timeline_rows (void)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBox *list = settle_client_timeline_get_list (timeline ());

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      g_ptr_array_add (rows, child);
  return rows;
}

static SettleId
row_activity_id (gpointer row)
{
  return (SettleId) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "settle-activity-id"));
}

/* The warning icons shown in the client list, and the address beside each. */
static void
collect_warnings (GtkWidget *widget,
                  GPtrArray *emails)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && gtk_widget_get_visible (child)
          && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), "dialog-warning-symbolic") == 0)
        {
          GtkWidget *label = gtk_widget_get_prev_sibling (child);

          g_assert_true (GTK_IS_LABEL (label));
          g_assert_cmpstr (gtk_widget_get_tooltip_text (child), ==, "Email address is not valid");
          g_ptr_array_add (emails, g_strdup (gtk_label_get_label (GTK_LABEL (label))));
        }
      collect_warnings (child, emails);
    }
}

static GPtrArray *
list_warnings (void)
{
  GPtrArray *emails = g_ptr_array_new_with_free_func (g_free);

  collect_warnings (GTK_WIDGET (settle_clients_view_get_column_view (settle_window_get_clients_view (window))),
                    emails);
  return emails;
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
}

static void
test_timeline (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  SettleBook *book;
  gboolean seen_reminder = FALSE, seen_payment = FALSE;
  gint64 total;

  if (settle_gui_test_skip_without_display ())
    return;

  book = settle_window_get_book (window);
  select_client (reminded_client);

  rows = timeline_rows ();
  total = query_id (book,
                    "SELECT (SELECT count(*) FROM activity WHERE entity = 'client' AND entity_id = ?1)"
                    " + (SELECT count(*) FROM activity a JOIN invoices i ON a.entity = 'invoice'"
                    "    AND a.entity_id = i.id WHERE i.client_id = ?1)"
                    " + (SELECT count(*) FROM activity a JOIN payments p ON a.entity = 'payment'"
                    "    AND a.entity_id = p.id WHERE p.client_id = ?1)",
                    reminded_client);
  g_test_message ("client %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT " activity rows",
                  reminded_client, total);
  g_assert_cmpuint (rows->len, ==, MIN (total, SETTLE_CLIENT_TIMELINE_PAGE));
  g_assert_cmpint (gtk_widget_get_visible (settle_client_timeline_get_more_button (timeline ())), ==,
                   total > SETTLE_CLIENT_TIMELINE_PAGE);

  /* The same rows as the core lists, newest first, each under its translated label. */
  expected = settle_activity_list_for_client (book, reminded_client, SETTLE_CLIENT_TIMELINE_PAGE, 0,
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const SettleActivity *activity = g_ptr_array_index (expected, i);
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));
      const char *subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, i));

      g_assert_cmpint (row_activity_id (g_ptr_array_index (rows, i)), ==, activity->id);
      if (i > 0)
        g_assert_cmpint (g_strcmp0 (activity->at,
                                    ((const SettleActivity *) g_ptr_array_index (expected, i - 1))->at),
                         <=, 0);
      for (guint j = 0; j < G_N_ELEMENTS (raw_actions); j++)
        if (g_strcmp0 (title, raw_actions[j]) == 0)
          g_error ("row %u shows the raw action “%s”", i, title);
      g_assert_cmpstr (title, !=, activity->action);
      g_assert_nonnull (subtitle);
      if (activity->number != NULL)
        g_assert_nonnull (strstr (subtitle, activity->number));
      seen_reminder |= g_str_equal (activity->action, "reminded")
                       || g_str_equal (activity->action, "reminder not sent");
      seen_payment |= g_str_equal (activity->entity, "payment");
      if (g_str_equal (activity->action, "reminded"))
        {
          /* The run's "TEMPLATE CHANNEL STEP" detail, in words. */
          g_assert_cmpstr (title, ==, "Reminder sent");
          g_assert_nonnull (strstr (subtitle, "Email, step "));
        }
      if (g_str_equal (activity->action, "part-paid"))
        g_assert_cmpstr (title, ==, "Partly paid");
      if (g_str_equal (activity->action, "received"))
        {
          g_assert_cmpstr (title, ==, "Payment received");
          g_assert_nonnull (strstr (subtitle, "Payment of $1.00\n"));
        }
    }
  g_assert_true (seen_reminder);
  g_assert_true (seen_payment);

  /* The end of the first page, with "Show More", scrolled into view. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (timeline ()), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment;

    g_assert_nonnull (scrolled);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    settle_gui_test_frames (GTK_WIDGET (window), 5);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                          - gtk_adjustment_get_page_size (adjustment));
    settle_gui_test_save_png (GTK_WIDGET (detail ()), "client-timeline-end.png");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* "Show more" appends the next page, still newest first. */
  if (total > SETTLE_CLIENT_TIMELINE_PAGE)
    {
      g_autoptr(GPtrArray) more = NULL;

      g_signal_emit_by_name (settle_client_timeline_get_more_button (timeline ()), "clicked");
      SETTLE_GUI_TEST_WAIT_FOR (!settle_client_timeline_is_loading (timeline ()));
      more = timeline_rows ();
      g_assert_cmpuint (more->len, ==, MIN (total, 2 * SETTLE_CLIENT_TIMELINE_PAGE));
      g_clear_pointer (&expected, g_ptr_array_unref);
      expected = settle_activity_list_for_client (book, reminded_client, 0, 0, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < more->len; i++)
        g_assert_cmpint (row_activity_id (g_ptr_array_index (more, i)), ==,
                         ((const SettleActivity *) g_ptr_array_index (expected, i))->id);
      /* A change in the book keeps what is shown. */
      settle_book_notify_changed (book);
      SETTLE_GUI_TEST_WAIT_FOR (!settle_client_timeline_is_loading (timeline ()));
      g_clear_pointer (&more, g_ptr_array_unref);
      more = timeline_rows ();
      g_assert_cmpuint (more->len, ==, MIN (total, 2 * SETTLE_CLIENT_TIMELINE_PAGE));
      select_client (reminded_client);
    }

  g_assert_false (gtk_widget_get_visible (settle_client_detail_get_email_warning (detail ())));
  settle_gui_test_save_png (GTK_WIDGET (detail ()), "client-timeline.png");
}

static void
test_email_warning (void)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(SettleClientRow) first = NULL;
  SettleBook *book;
  SettleId client_id;
  GtkWidget *warning;
  GtkWidget *label;
  GListModel *model;

  if (settle_gui_test_skip_without_display ())
    return;

  book = settle_window_get_book (window);
  model = G_LIST_MODEL (settle_clients_view_get_model (settle_window_get_clients_view (window)));
  SETTLE_GUI_TEST_WAIT_FOR (all_rows_loaded (model));
  settle_gui_test_frames (GTK_WIDGET (window), 5);
  before = list_warnings ();
  g_assert_cmpuint (before->len, ==, 0);

  /* The first client in the list, so its row is on screen. */
  first = g_list_model_get_item (model, 0);
  client_id = settle_client_row_get_id (first);
  client = settle_client_load (book, client_id, &error);
  g_assert_no_error (error);

  /* The book refuses such an address now... */
  g_free (client->email);
  client->email = g_strdup ("not-an-address");
  g_assert_false (settle_client_save (book, client, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  /* ...and one the old check let through too (a double dot). */
  g_free (client->email);
  client->email = g_strdup ("ap..billing@example.com");
  g_assert_false (settle_client_save (book, client, &error));
  g_clear_error (&error);

  /* Older books and imports still hold such addresses: write one behind the API. */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (settle_book_get_db (book),
                                         "UPDATE clients SET email = 'not-an-address' WHERE id = ?1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, client_id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
  }
  settle_book_notify_changed (book);
  select_client (client_id);

  warning = settle_client_detail_get_email_warning (detail ());
  SETTLE_GUI_TEST_WAIT_FOR (gtk_widget_get_visible (warning));
  label = gtk_widget_get_last_child (warning);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                   "Reminders cannot be emailed: the address “not-an-address” is not valid");

  SETTLE_GUI_TEST_WAIT_FOR (all_rows_loaded (model));
  settle_gui_test_frames (GTK_WIDGET (window), 5);
  after = list_warnings ();
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (after, 0), ==, "not-an-address");

  settle_gui_test_save_png (GTK_WIDGET (detail ()), "client-email-warning.png");
  settle_gui_test_save_png (GTK_WIDGET (window), "client-email-warning-window.png");

  /* Fixed through the API: both flags go. */
  g_free (client->email);
  client->email = g_strdup ("ap@example.com");
  g_assert_true (settle_client_save (book, client, &error));
  g_assert_no_error (error);
  settle_book_notify_changed (book);
  SETTLE_GUI_TEST_WAIT_FOR (!gtk_widget_get_visible (warning));
  SETTLE_GUI_TEST_WAIT_FOR (all_rows_loaded (model));
  settle_gui_test_frames (GTK_WIDGET (window), 5);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_warnings ();
  g_assert_cmpuint (after->len, ==, 0);
}

static void
make_demo_book (void)
{
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  SettleDunningResult result = { 0 };
  SettleDemoOptions options;
  SettleId invoice_id;
  GDate today;

  tmp_dir = g_dir_make_tmp ("settle-gui-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  book_path = g_build_filename (tmp_dir, "demo.settle", NULL);
  book = settle_book_open (book_path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);

  settle_demo_options_init (&options);
  options.n_clients = 30;
  options.n_invoices = 600;
  options.seed = 7;
  g_assert_true (settle_date_parse (DEMO_TODAY, &today));
  options.today = today;
  g_assert_true (settle_demo_generate (book, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Reminders through the core, as the daily run does. */
  g_assert_true (settle_dunning_run (book, &today, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_steps, >, 0);
  reminded_client = query_id (book,
                              "SELECT i.client_id FROM activity a JOIN invoices i"
                              " ON a.entity = 'invoice' AND a.entity_id = i.id"
                              " WHERE a.action IN ('reminded', 'reminder not sent')"
                              " GROUP BY i.client_id ORDER BY count(*) DESC, i.client_id LIMIT ?1",
                              1);
  g_assert_cmpint (reminded_client, !=, SETTLE_ID_NONE);

  /* Then money from that client, part of one open invoice: the newest rows. */
  invoice_id = query_id (book,
                         "SELECT id FROM invoices WHERE client_id = ?1 AND status IN ('issued', 'partial')"
                         " AND total - amount_paid > 100 ORDER BY due_date LIMIT 1",
                         reminded_client);
  g_assert_cmpint (invoice_id, !=, SETTLE_ID_NONE);
  timeline_book_pay (book, reminded_client, invoice_id, 100, &today);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (settle_gui_test_init (&argc, &argv, DEMO_TODAY))
    {
      app = settle_application_new (G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
      make_demo_book ();
    }

  g_test_add_func ("/gui/client-timeline/open", test_open);
  g_test_add_func ("/gui/client-timeline/timeline", test_timeline);
  g_test_add_func ("/gui/client-timeline/email-warning", test_email_warning);

  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  if (tmp_dir != NULL)
    settle_gui_test_remove_tree (tmp_dir);
  g_free (book_path);
  g_free (tmp_dir);
  return status;
}
