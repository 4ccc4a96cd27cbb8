/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include "settle-aging-view.h"
#include "settle-chart-dashboard.h"
#include "settle-format.h"
#include "settle-gui.h"
#include "settle-outbox.h"
#include "settle-window.h"
#include "settle-gui-test.h"

/* The dashboard on a demo book: its figures against settle_dashboard_compute() on
 * another connection, a past date, the charts' accessible text, a reminder, the
 * drill-down, and PNGs of all of it in $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"
#define PAST_DAY   "2025-03-31"

static GtkApplication *app;
static char           *tmp_dir;
static char           *book_path;
static SettleWindow   *window;

static SettleAgingView *
dashboard_view (void)
{
  return settle_window_get_aging_view (window);
}

static const char *
label_text (const char *id)
{
  GtkWidget *label = settle_gui_test_template_child (dashboard_view (), SETTLE_TYPE_AGING_VIEW,
                                                     id);

  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
shows_date (const char *iso)
{
  SettleAgingView *view = dashboard_view ();
  const SettleDashboard *d = settle_aging_view_get_dashboard (view);
  GDate date;

  g_assert_true (settle_date_parse (iso, &date));
  return !settle_aging_view_get_busy (view) && d != NULL
         && g_date_compare (&d->aging->as_of, &date) == 0;
}

static SettleDashboard *
compute_on_reader (const char *iso)
{
  g_autoptr(SettleBook) reader = settle_gui_test_open_book (book_path);
  g_autoptr(GError) error = NULL;
  SettleAgingOptions options;
  SettleDashboard *d;
  GDate date;

  g_assert_true (settle_date_parse (iso, &date));
  settle_aging_options_init (&options, reader, &date);
  d = settle_dashboard_compute (reader, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

/* The headline labels say exactly what the core computes, formatted as the view does. */
static void
assert_headline (const SettleDashboard *expected)
{
  const SettleMetrics *m = &expected->metrics;
  const SettleAgingReport *report = expected->aging;
  const char *currency = report->currency;
  g_autofree char *total = NULL, *overdue = NULL, *dso = NULL, *cei = NULL;
  g_autofree char *add = NULL, *credit = NULL;
  gint64 open = 0, late = 0;

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      open += report->totals.buckets[i];
      if (i > 0)
        late += report->totals.buckets[i];
    }
  /* The aging and the metrics agree on the receivables. */
  g_assert_cmpint (open, ==, m->ending_ar);
  g_assert_cmpint (late, ==, m->ending_overdue_ar);

  total = settle_format_money (open, currency);
  overdue = settle_format_money (late, currency);
  dso = settle_aging_view_format_days (m->dso_defined, m->dso_simple_x100);
  cei = settle_aging_view_format_percent (m->cei_defined, m->cei_bp);
  add = settle_aging_view_format_days (m->dso_defined, m->add_x100);
  credit = settle_format_money (m->unapplied_credit, currency);
  g_assert_cmpstr (label_text ("total_label"), ==, total);
  g_assert_cmpstr (label_text ("overdue_label"), ==, overdue);
  g_assert_cmpstr (label_text ("dso_label"), ==, dso);
  g_assert_cmpstr (label_text ("cei_label"), ==, cei);
  g_assert_cmpstr (label_text ("add_label"), ==, add);
  g_assert_cmpstr (label_text ("credit_label"), ==, credit);
  g_test_message ("As of %s: total %s, overdue %s, DSO %s, CEI %s, ADD %s",
                  settle_date_to_iso (&report->as_of), total, overdue, dso, cei, add);
}

static void
test_open (void)
{
  g_autoptr(SettleDashboard) expected = NULL;
  SettleAgingView *view;

  if (settle_gui_test_skip_without_display ())
    return;

  window = settle_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);
  settle_window_set_view (window, "aging");
  view = dashboard_view ();
  SETTLE_GUI_TEST_WAIT_FOR (shows_date (DEMO_TODAY));

  expected = compute_on_reader (DEMO_TODAY);
  assert_headline (expected);
  g_assert_cmpuint (settle_aging_view_get_report (view)->rows->len, ==,
                    expected->aging->rows->len);
  settle_gui_test_save_png (GTK_WIDGET (window), "dashboard-top.png");

  /* The late-payer rule, in the words of the core. */
  g_assert_cmpstr (label_text ("rule_label"), ==, settle_risk_rule_text ());
  {
    GtkMenuButton *rule = GTK_MENU_BUTTON (settle_gui_test_template_child (view,
                                                                           SETTLE_TYPE_AGING_VIEW,
                                                                           "rule_button"));

    gtk_menu_button_popup (rule);
    /* A popover is a surface of its own: saved by itself. */
    settle_gui_test_save_png (GTK_WIDGET (gtk_menu_button_get_popover (rule)),
                              "dashboard-late-payer-rule.png");
    gtk_menu_button_popdown (rule);
  }
}

static void
test_charts_text (void)
{
  SettleAgingView *view;
  const SettleDashboard *d;
  const SettleClientBehaviour *top;
  const char *text;
  g_autofree char *top_open = NULL;
  g_autofree char *week0 = NULL;
  g_autofree char *later = NULL;
  GtkWidget *chart;

  if (settle_gui_test_skip_without_display ())
    return;

  view = dashboard_view ();
  d = settle_aging_view_get_dashboard (view);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->clients->len, >, 0);

  /* The clients' chart names the client with most overdue and its open amount. */
  top = g_ptr_array_index (d->clients, 0);
  top_open = settle_format_money (top->open, d->aging->currency);
  chart = settle_aging_view_get_chart (view);
  g_assert_true (gtk_widget_get_has_tooltip (chart));
  text = settle_aging_view_get_chart_text (chart);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, top->client_name));
  g_assert_nonnull (strstr (text, top_open));

  /* The trend gives each month's DSO as the headline writes it. */
  chart = settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW, "trend_chart");
  text = settle_aging_view_get_chart_text (chart);
  g_assert_nonnull (text);
  for (int i = 0; i < SETTLE_TREND_N_MONTHS; i++)
    if (d->trend[i].dso_defined)
      {
        g_autofree char *days = settle_chart_format_days (d->trend[i].dso_x100);

        g_assert_nonnull (strstr (text, days));
      }
  /* The last month of the trend is the headline's DSO. */
  g_assert_cmpint (d->trend[SETTLE_TREND_N_MONTHS - 1].dso_defined, ==, d->metrics.dso_defined);
  if (d->metrics.dso_defined)
    g_assert_cmpint (d->trend[SETTLE_TREND_N_MONTHS - 1].dso_x100, ==, d->metrics.dso_simple_x100);

  /* The forecast gives the first week and what comes later. */
  chart = settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW, "forecast_chart");
  text = settle_aging_view_get_chart_text (chart);
  week0 = settle_format_money (d->forecast[0].expected, d->aging->currency);
  later = settle_format_money (d->forecast_later, d->aging->currency);
  g_assert_nonnull (strstr (text, week0));
  g_assert_nonnull (strstr (text, later));
  g_test_message ("Forecast: %s", text);

  /* The rest of the page, scrolled down. */
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (
      gtk_widget_get_ancestor (settle_aging_view_get_chart (view), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

    gtk_adjustment_set_value (adj, (gtk_adjustment_get_upper (adj)
                                    - gtk_adjustment_get_page_size (adj)) / 2);
    settle_gui_test_save_png (GTK_WIDGET (window), "dashboard-middle.png");
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    settle_gui_test_save_png (GTK_WIDGET (window), "dashboard-lower.png");
    gtk_adjustment_set_value (adj, 0);
  }
}

static void
test_past_date (void)
{
  g_autoptr(SettleDashboard) today = NULL;
  g_autoptr(SettleDashboard) past = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *today_total = NULL;
  GtkCalendar *calendar;
  SettleAgingView *view;

  if (settle_gui_test_skip_without_display ())
    return;

  view = dashboard_view ();
  today = compute_on_reader (DEMO_TODAY);
  today_total = g_strdup (label_text ("total_label"));

  /* Picking a day in the calendar recomputes the dashboard for that day. */
  calendar = GTK_CALENDAR (settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW,
                                                           "calendar"));
  dt = g_date_time_new_local (2025, 3, 31, 12, 0, 0);
  gtk_calendar_select_day (calendar, dt);
  SETTLE_GUI_TEST_WAIT_FOR (shows_date (PAST_DAY));
  past = compute_on_reader (PAST_DAY);
  assert_headline (past);
  g_assert_cmpstr (label_text ("total_label"), !=, today_total);
  g_assert_nonnull (strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (
                              settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW,
                                                              "as_of_button"))),
                            "2025") );
  settle_gui_test_save_png (GTK_WIDGET (window), "dashboard-past-date.png");

  /* By invoice date: the same total, other buckets. */
  settle_gui_test_click (settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW,
                                                         "basis_invoice_button"));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_get_busy (view)
                            && settle_aging_view_get_report (view)->basis
                                 == SETTLE_AGING_BY_INVOICE_DATE);
  g_assert_cmpint (settle_aging_view_get_report (view)->totals.balance, ==,
                   past->aging->totals.balance);
  settle_gui_test_click (settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW,
                                                         "basis_due_button"));

  /* Today again. */
  settle_gui_test_click (settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW,
                                                         "today_button"));
  SETTLE_GUI_TEST_WAIT_FOR (shows_date (DEMO_TODAY)
                            && settle_aging_view_get_report (view)->basis
                                 == SETTLE_AGING_BY_DUE_DATE);
  assert_headline (today);
}

static void
test_edges (void)
{
  SettleAgingView *view;
  GtkWidget *entry, *error_label;
  g_autoptr(SettleBook) reader = NULL;
  SettleAgingOptions saved;

  if (settle_gui_test_skip_without_display ())
    return;

  view = dashboard_view ();
  entry = settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW, "edges_entry");
  error_label = settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW, "edges_error");

  /* A bad list says why and changes nothing. */
  settle_gui_test_set_text (entry, "60, 30, 90");
  settle_gui_test_click (settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW,
                                                         "edges_apply"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), !=, "");
  g_assert_cmpint (settle_aging_view_get_options (view)->edges[0], ==, 30);

  settle_gui_test_set_text (entry, "15, 45, 90");
  settle_gui_test_click (settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW,
                                                         "edges_apply"));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_get_busy (view)
                            && settle_aging_view_get_report (view)->edges[0] == 15);
  reader = settle_gui_test_open_book (book_path);
  settle_aging_options_init (&saved, reader, NULL);
  g_assert_cmpint (saved.edges[0], ==, 15);
  g_assert_cmpint (saved.edges[1], ==, 45);

  /* Back to the usual buckets for the other tests. */
  settle_gui_test_set_text (entry, "30, 60, 90");
  settle_gui_test_click (settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW,
                                                         "edges_apply"));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_get_busy (view)
                            && settle_aging_view_get_report (view)->edges[0] == 30);
}

static guint
count_jobs (SettleBook *reader,
            SettleId    client_id,
            const char *key)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  jobs = settle_outbox_list (reader, "client", client_id, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < jobs->len; i++)
    {
      const SettleOutboxJob *job = g_ptr_array_index (jobs, i);

      if (g_strcmp0 (job->idempotency_key, key) == 0)
        n++;
    }
  return n;
}

static void
test_reminder (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autofree char *key = NULL;
  const SettleDashboard *d;
  const SettleClientBehaviour *top = NULL;
  SettleAgingView *view;
  GtkWidget *button;
  SettleId client_id;

  if (settle_gui_test_skip_without_display ())
    return;

  view = dashboard_view ();
  d = settle_aging_view_get_dashboard (view);
  for (guint i = 0; i < d->clients->len && top == NULL; i++)
    {
      const SettleClientBehaviour *b = g_ptr_array_index (d->clients, i);

      if (b->overdue > 0)
        top = b;
    }
  g_assert_nonnull (top);
  /* The dashboard (and top with it) is replaced when the book changes. */
  client_id = top->client_id;
  key = g_strdup_printf ("manual-reminder:%" G_GINT64_FORMAT ":" DEMO_TODAY, (gint64) client_id);
  reader = settle_gui_test_open_book (book_path);
  g_assert_cmpuint (count_jobs (reader, client_id, key), ==, 0);

  button = settle_gui_test_need_named (GTK_WIDGET (view), "top-remind-0");
  settle_gui_test_click (button);
  g_assert_cmpuint (count_jobs (reader, client_id, key), ==, 1);
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (
      gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
    graphene_point_t at;

    /* The top accounts in view, with the toast. */
    g_assert_true (gtk_widget_compute_point (button, GTK_WIDGET (scroller),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + at.y - 200);
    settle_gui_test_save_png (GTK_WIDGET (window), "dashboard-reminder.png");
    gtk_adjustment_set_value (adj, 0);
  }

  /* A second click the same day queues nothing more. The book changed (the
   * reminder's activity): the dashboard is recomputed; wait for the new rows. */
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_get_busy (view));
  button = settle_gui_test_need_named (GTK_WIDGET (view), "top-remind-0");
  settle_gui_test_click (button);
  g_assert_cmpuint (count_jobs (reader, client_id, key), ==, 1);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_get_busy (view));
}

static void
test_drilldown (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *open_text = NULL;
  g_autofree char *summary = NULL;
  const SettleDashboard *d;
  const SettleAgingRow *row = NULL;
  SettleAgingView *view;
  GtkWindow *drill;
  GtkWidget *list;
  gint64 open = 0;

  if (settle_gui_test_skip_without_display ())
    return;

  view = dashboard_view ();
  d = settle_aging_view_get_dashboard (view);
  /* A client with something in 1–30. */
  for (guint i = 0; i < d->aging->rows->len && row == NULL; i++)
    {
      const SettleAgingRow *r = g_ptr_array_index (d->aging->rows, i);

      if (r->buckets[1] > 0 && r->buckets[0] + r->buckets[2] + r->buckets[3] + r->buckets[4] > 0)
        row = r;
    }
  g_assert_nonnull (row);

  reader = settle_gui_test_open_book (book_path);
  all = settle_aging_list_entries (reader, &d->options, row->client_id, -1, &error);
  g_assert_no_error (error);
  late = settle_aging_list_entries (reader, &d->options, row->client_id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (late->len, <, all->len);

  /* The whole client, as activating its row in the table does. */
  drill = settle_aging_view_show_entries (view, row->client_id, -1);
  g_assert_true (drill == GTK_WINDOW (settle_gui_test_wait_named_window ("aging-drilldown")));
  list = settle_gui_test_need_named (GTK_WIDGET (drill), "drilldown-list");
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_entries_loading (drill));
  g_assert_cmpuint (settle_gui_test_count_rows (list), ==, all->len);
  for (guint i = 0; i < all->len; i++)
    open += ((const SettleAgingEntry *) g_ptr_array_index (all, i))->open;
  g_assert_cmpint (open, ==, row->buckets[0] + row->buckets[1] + row->buckets[2]
                               + row->buckets[3] + row->buckets[4]);
  open_text = settle_format_money (open, d->aging->currency);
  summary = g_strdup (settle_gui_test_named_text (GTK_WIDGET (drill), "drilldown-summary"));
  g_assert_nonnull (strstr (summary, open_text));
  settle_gui_test_save_png (GTK_WIDGET (drill), "dashboard-drilldown.png");

  /* One bucket: the rows of that cell only. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (settle_gui_test_need_named (GTK_WIDGET (drill),
                                                                         "drilldown-bucket")),
                              2);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_entries_loading (drill));
  g_assert_cmpuint (settle_gui_test_count_rows (list), ==, late->len);
  g_clear_pointer (&open_text, g_free);
  open_text = settle_format_money (row->buckets[1], d->aging->currency);
  g_assert_nonnull (strstr (settle_gui_test_named_text (GTK_WIDGET (drill), "drilldown-summary"),
                            open_text));

  /* Open Invoice goes to the invoice in the Invoices view. */
  settle_gui_test_click_named (GTK_WIDGET (drill), "drilldown-open-0");
  g_assert_cmpstr (settle_window_get_view (window), ==, "invoices");
  g_assert_cmpint (settle_invoice_detail_get_invoice_id (
                     settle_invoices_view_get_detail (settle_window_get_invoices_view (window))),
                   ==, ((const SettleAgingEntry *) g_ptr_array_index (late, 0))->invoice_id);
  settle_gui_test_save_png (GTK_WIDGET (window), "dashboard-open-invoice.png");
  /* The drill-down closed itself, so the invoice is not hidden behind it. */
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_named_window ("aging-drilldown") == NULL);

  /* Activating a row of the table opens the same window for that row's client. */
  settle_window_set_view (window, "aging");
  {
    GtkWidget *table = settle_gui_test_template_child (view, SETTLE_TYPE_AGING_VIEW,
                                                       "client_view");

    g_signal_emit_by_name (table, "activate", 0);
    drill = GTK_WINDOW (settle_gui_test_wait_named_window ("aging-drilldown"));
    SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_entries_loading (drill));
    g_assert_cmpuint (settle_gui_test_count_rows (settle_gui_test_need_named (GTK_WIDGET (drill),
                                                                              "drilldown-list")),
                      >, 0);
    gtk_window_destroy (drill);
  }
}

static void
test_export (void)
{
  g_autofree char *csv_path = g_build_filename (tmp_dir, "aging.csv", NULL);
  g_autofree char *forecast_path = g_build_filename (tmp_dir, "forecast.csv", NULL);
  /* Kept next to the screenshots, for people to look at. */
  g_autofree char *pdf_path = settle_gui_test_screenshot_path ("dashboard.pdf");
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) csv_lines = NULL;
  const SettleDashboard *d;
  SettleAgingView *view;

  if (settle_gui_test_skip_without_display ())
    return;

  view = dashboard_view ();
  d = settle_aging_view_get_dashboard (view);

  /* Written in a worker: the window goes on while it runs. */
  settle_aging_view_export_to (view, "aging", csv_path);
  g_assert_true (settle_aging_view_get_exporting (view));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_get_exporting (view));
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  /* A row per client with a balance, the header and the totals at least. */
  csv_lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (csv_lines), >=, d->aging->rows->len + 2);
  g_assert_nonnull (strstr (csv, ((const SettleAgingRow *) g_ptr_array_index (d->aging->rows, 0))
                                   ->client_name));

  settle_aging_view_export_to (view, "forecast", forecast_path);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_get_exporting (view));
  g_assert_true (g_file_test (forecast_path, G_FILE_TEST_EXISTS));

  settle_aging_view_export_to (view, "pdf", pdf_path);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_get_exporting (view));
  g_assert_cmpint (settle_gui_test_pdf_pages (pdf_path), >=, 1);
  text = settle_gui_test_pdf_text (pdf_path);
  g_assert_nonnull (strstr (text, label_text ("total_label")));
  g_test_message ("Dashboard PDF: %d pages at %s", settle_gui_test_pdf_pages (pdf_path), pdf_path);
}

static void
test_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (settle_gui_test_skip_without_display ())
    return;

  settle_window_set_view (window, "aging");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  settle_gui_test_save_png (GTK_WIDGET (window), "dashboard-dark.png");
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (
      gtk_widget_get_ancestor (settle_aging_view_get_chart (dashboard_view ()),
                               GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

    gtk_adjustment_set_value (adj, (gtk_adjustment_get_upper (adj)
                                    - gtk_adjustment_get_page_size (adj)) / 2);
    settle_gui_test_save_png (GTK_WIDGET (window), "dashboard-dark-middle.png");
    gtk_adjustment_set_value (adj, 0);
  }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (settle_gui_test_init (&argc, &argv, DEMO_TODAY))
    {
      g_autoptr(SettleBook) book = NULL;

      app = settle_gui_test_app_new ();
      book = settle_gui_test_demo_book_new ("settle-dashboard-XXXXXX", 40, 2500, 5, DEMO_TODAY,
                                            &tmp_dir, &book_path);
    }

  g_test_add_func ("/gui/dashboard/open", test_open);
  g_test_add_func ("/gui/dashboard/charts", test_charts_text);
  g_test_add_func ("/gui/dashboard/past-date", test_past_date);
  g_test_add_func ("/gui/dashboard/reminder", test_reminder);
  g_test_add_func ("/gui/dashboard/drilldown", test_drilldown);
  g_test_add_func ("/gui/dashboard/edges", test_edges);
  g_test_add_func ("/gui/dashboard/export", test_export);
  g_test_add_func ("/gui/dashboard/dark", test_dark);

  status = g_test_run ();

  settle_gui_test_finish (window, &app, &tmp_dir, &book_path);
  return status;
}
