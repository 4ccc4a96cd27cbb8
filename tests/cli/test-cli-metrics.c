/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built settle-cli aging and metrics on a small book and compares every
 * format with what the core computes on the same book. */
#define G_LOG_DOMAIN "settle-test"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-dashboard.h"
#include "settle-metrics.h"
#include "settle-money.h"
#include "settle-render-test-util.h"
#include "settle-report-csv.h"
#include "settle-cli-test.h"
#include "settle-test-util.h"

#define AS_OF "2026-11-23"

typedef struct
{
  char       *dir;
  char       *path;
  SettleBook *book;
  SettleId    clients[4];
} Fixture;

static const char *names[] = { "Acme Dental", "Beta Logistics", "Gamma Legal", "Comma, Inc." };

/* Terms net 30 everywhere; as of 2026-11-23:
 *   Acme:  2026-06-01 $1,000.00 paid 2026-07-10 (9 days late);
 *          2026-09-15 $2,000.00 open, 39 days past due; 2026-11-01 $500.00 current.
 *   Beta:  2026-08-01 $3,000.00, $1,000.00 paid 2026-09-10: $2,000.00 84 days past due.
 *   Gamma: 2026-10-20 $750.00, 4 days past due; $100.00 received and not applied.
 *   Comma, Inc.: 2026-11-10 $1,234.56 current (a name CSV must quote). */
static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  SettleId inv;

  f->book = settle_test_new_book (&f->dir);
  f->path = g_strdup (settle_book_get_path (f->book));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    f->clients[i] = settle_test_add_client (f->book, names[i], 30);

  inv = settle_test_add_invoice (f->book, f->clients[0], "2026-06-01", 100000);
  settle_test_pay (f->book, f->clients[0], "2026-07-10", 100000, inv, 100000);
  settle_test_add_invoice (f->book, f->clients[0], "2026-09-15", 200000);
  settle_test_add_invoice (f->book, f->clients[0], "2026-11-01", 50000);
  inv = settle_test_add_invoice (f->book, f->clients[1], "2026-08-01", 300000);
  settle_test_pay (f->book, f->clients[1], "2026-09-10", 100000, inv, 100000);
  settle_test_add_invoice (f->book, f->clients[2], "2026-10-20", 75000);
  settle_test_pay (f->book, f->clients[2], "2026-11-20", 10000, 0, 0);
  settle_test_add_invoice (f->book, f->clients[3], "2026-11-10", 123456);
  settle_test_assert_invariants (f->book);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->book);
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static SettleDashboard *
dashboard (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SettleAgingOptions options;
  GDate as_of = settle_test_date (AS_OF);
  SettleDashboard *d;

  settle_aging_options_init (&options, f->book, &as_of);
  d = settle_dashboard_compute (f->book, &options, &error);
  g_assert_no_error (error);
  return d;
}

static char *
fixed (gint64 value)
{
  return settle_format_fixed (value, 2, FALSE);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is missing from:\n%s", needle, text);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_metrics_table_json (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(SettleDashboard) d = dashboard (f);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *dso = NULL;
  g_autofree char *cei = NULL;
  g_autofree char *ending = NULL;
  g_autofree char *balance = NULL;
  const SettleMetrics *m = &d->metrics;
  JsonObject *root, *metrics;
  JsonArray *clients;

  /* The book has sales in the period, so both figures exist. */
  g_assert_true (m->dso_defined);
  g_assert_true (m->cei_defined);
  g_assert_cmpint (m->ending_ar, ==, 200000 + 50000 + 200000 + 75000 + 123456);
  g_assert_cmpuint (d->clients->len, ==, 4);
  dso = fixed (m->dso_simple_x100);
  cei = fixed (m->cei_bp);

  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", AS_OF, NULL), ==,
                   0);
  assert_has (out, "Receivables metrics as of " AS_OF);
  {
    g_autofree char *days = g_strdup_printf ("%s days", dso);
    g_autofree char *percent = g_strdup_printf ("%s %%", cei);

    assert_has (out, days);
    assert_has (out, percent);
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_has (out, names[i]);
  assert_has (out, "DSO trend");
  assert_has (out, "13-week cash forecast");

  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", AS_OF,
                                        "--format", "json", NULL),
                   ==, 0);
  root = settle_cli_test_parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, AS_OF);
  g_assert_cmpint (json_object_get_int_member (root, "period_days"), ==, m->period_days);
  metrics = json_object_get_object_member (root, "metrics");
  g_assert_cmpstr (json_object_get_string_member (metrics, "dso_simple_days"), ==, dso);
  g_assert_cmpstr (json_object_get_string_member (metrics, "cei_percent"), ==, cei);
  ending = settle_money_to_plain (settle_money_init (m->ending_ar, "USD"));
  g_assert_cmpstr (json_object_get_string_member (metrics, "ending_ar"), ==, ending);
  {
    g_autofree char *best = fixed (m->best_dso_x100);
    g_autofree char *countback = fixed (m->dso_countback_x100);

    g_assert_cmpstr (json_object_get_string_member (metrics, "best_dso_days"), ==, best);
    g_assert_cmpstr (json_object_get_string_member (metrics, "dso_countback_days"), ==,
                     countback);
  }
  clients = json_object_get_array_member (root, "clients");
  g_assert_cmpuint (json_array_get_length (clients), ==, d->clients->len);
  for (guint i = 0; i < d->clients->len; i++)
    {
      const SettleClientBehaviour *c = g_ptr_array_index (d->clients, i);
      JsonObject *o = json_array_get_object_element (clients, i);

      g_assert_cmpstr (json_object_get_string_member (o, "client"), ==, c->client_name);
      g_assert_cmpint (json_object_get_int_member (o, "risk_score"), ==, c->risk_score);
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "trend")), ==,
                    SETTLE_TREND_N_MONTHS);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (root, "forecast"), "weeks")), ==,
                    SETTLE_FORECAST_N_WEEKS);
  balance = settle_money_to_plain (settle_money_init (d->aging->totals.balance, "USD"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (root, "aging"), "totals"), "balance"), ==,
                   balance);
}

static void
test_metrics_csv (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(SettleDashboard) d = dashboard (f);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *dso_value = fixed (d->metrics.dso_simple_x100);
  g_autofree char *dso = g_strdup_printf ("\ndso_simple_days,%s\n", dso_value);
  g_autofree char *file = g_build_filename (f->dir, "clients.csv", NULL);
  g_autofree char *contents = NULL;
  struct { const char *part; SettleReportCsvPart id; guint lines; } parts[] = {
    { "metrics", SETTLE_REPORT_CSV_METRICS, 0 },
    { "clients", SETTLE_REPORT_CSV_CLIENTS, 1 + 4 },
    { "trend", SETTLE_REPORT_CSV_TREND, 1 + SETTLE_TREND_N_MONTHS },
    { "forecast", SETTLE_REPORT_CSV_FORECAST, 1 + SETTLE_FORECAST_N_WEEKS + 1 },
    { "aging", SETTLE_REPORT_CSV_AGING, 1 + 4 + 1 },
  };

  /* The default part is the headline figures. */
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", AS_OF, "--format", "csv", NULL),
    ==, 0);
  g_assert_true (g_str_has_prefix (out, "metric,value\n"));
  assert_has (out, dso);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *expected = settle_dashboard_to_csv (d, parts[i].id);

      g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", AS_OF,
                                            "--format", "csv", "--part", parts[i].part, NULL),
                       ==, 0);
      g_assert_cmpstr (out, ==, expected);
      if (parts[i].lines > 0)
        g_assert_cmpuint (count_lines (out), ==, parts[i].lines);
    }
  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", AS_OF,
                                        "--format", "csv", "--part", "clients", NULL),
                   ==, 0);
  assert_has (out, ",\"Comma, Inc.\",");

  /* --output writes the same text into the file, and nothing on stdout. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", AS_OF,
                                        "--format", "csv", "--part", "clients", "--output", file,
                                        NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  {
    g_autofree char *expected = settle_dashboard_to_csv (d, SETTLE_REPORT_CSV_CLIENTS);

    g_assert_cmpstr (contents, ==, expected);
  }

  /* A folder that does not exist: exit 1, the file named, nothing written. */
  {
    g_autofree char *bad = g_build_filename (f->dir, "missing", "clients.csv", NULL);

    g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--format", "csv",
                                          "--output", bad, NULL),
                     ==, 1);
    assert_has (err, "settle-cli: Could not write");
    assert_has (err, bad);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}

static void
test_metrics_pdf (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(SettleDashboard) d = dashboard (f);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "metrics.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *dso_value = fixed (d->metrics.dso_simple_x100);
  g_autofree char *cei_value = fixed (d->metrics.cei_bp);
  g_autofree char *dso = g_strdup_printf ("%s days", dso_value);
  g_autofree char *cei = g_strdup_printf ("%s %%", cei_value);
  g_autofree char *balance = settle_money_format_number (
    settle_money_init (d->aging->totals.balance, "USD"));

  /* A PDF needs a file. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--format", "pdf", NULL),
                   ==, 2);
  assert_has (err, "--output");

  if (!settle_render_test_have_poppler ())
    return;
  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", AS_OF,
                                        "--format", "pdf", "--output", pdf, NULL),
                   ==, 0);
  text = settle_render_test_pdf_text (pdf, 0);
  assert_has (text, "Receivables dashboard");
  assert_has (text, dso);
  assert_has (text, cei);
  assert_has (text, "days sales outstanding");
  assert_has (text, "Page 1 of");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpuint (settle_render_test_count (text, names[i]), >=, 2);
  assert_has (text, balance);
  if (g_getenv ("SETTLE_TEST_PDF_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("SETTLE_TEST_PDF_DIR"), "metrics.pdf",
                                                NULL);

      g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", AS_OF,
                                            "--format", "pdf", "--output", copy, NULL),
                       ==, 0);
    }
}

static void
test_aging (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleAgingReport) report = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "aging.pdf", NULL);
  SettleAgingOptions options;
  GDate as_of = settle_test_date (AS_OF);
  JsonArray *edges;

  /* Custom edges: 15, 45, 75 by invoice date, the same as the core computes. */
  settle_aging_options_init (&options, f->book, &as_of);
  options.basis = SETTLE_AGING_BY_INVOICE_DATE;
  options.edges[0] = 15;
  options.edges[1] = 45;
  options.edges[2] = 75;
  report = settle_aging_compute_with (f->book, &options, &error);
  g_assert_no_error (error);
  expected = settle_aging_to_csv (report);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "aging", f->path, "--as-of", AS_OF, "--basis",
                                        "invoice", "--edges", "15, 45,75", "--format", "csv", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpuint (count_lines (out), ==, 1 + 4 + 1);

  g_assert_cmpint (settle_cli_test_run (&out, &err, "aging", f->path, "--as-of", AS_OF, "--basis",
                                        "invoice", "--edges", "15,45,75", "--format", "json", NULL),
                   ==, 0);
  edges = json_object_get_array_member (settle_cli_test_parse_object (parser, out), "edges");
  g_assert_cmpuint (json_array_get_length (edges), ==, 3);
  g_assert_cmpint (json_array_get_int_element (edges, 1), ==, 45);
  g_assert_cmpstr (
    json_object_get_string_member (settle_cli_test_parse_object (parser, out), "basis"), ==,
    "invoice-date");

  /* The table and the older --by spelling still work. */
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "aging", f->path, "--as-of", AS_OF, "--by", "due-date", NULL),
    ==, 0);
  assert_has (out, "Receivables aging as of " AS_OF);
  assert_has (out, "Beta Logistics");

  /* Bad input: exit 2 and a message naming the option. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "aging", f->path, "--edges", "60,30,90", NULL),
                   ==, 2);
  assert_has (err, "--edges");
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "aging", f->path, "--edges", "30,sixty,90", NULL), ==, 2);
  assert_has (err, "--edges");
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "aging", f->path, "--as-of", "2026-02-30", NULL), ==, 2);
  assert_has (err, "--as-of");
  g_assert_cmpint (settle_cli_test_run (&out, &err, "aging", f->path, "--basis", "paid", NULL), ==,
                   2);
  assert_has (err, "--basis");
  g_assert_cmpint (settle_cli_test_run (&out, &err, "aging", f->path, "--format", "pdf", NULL), ==,
                   2);
  assert_has (err, "--output");
  g_assert_cmpint (settle_cli_test_run (&out, &err, "aging", "/nonexistent/book.settle", NULL), ==,
                   1);
  g_assert_true (g_str_has_prefix (err, "settle-cli: "));

  /* The PDF: every client row and the totals of the report. */
  if (!settle_render_test_have_poppler ())
    return;
  g_clear_pointer (&report, settle_aging_report_free);
  report = settle_aging_compute (f->book, &as_of, SETTLE_AGING_BY_DUE_DATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "aging", f->path, "--as-of", AS_OF, "--edges",
                            "30,60,90", "--format", "pdf", "--output", pdf, NULL), ==, 0);
  {
    g_autofree char *text = settle_render_test_pdf_text (pdf, 0);
    g_autofree char *total = settle_money_format_number (
      settle_money_init (report->totals.balance, "USD"));
    g_autofree char *credit = settle_money_format_number (
      settle_money_init (-report->totals.credit, "USD"));

    assert_has (text, "Receivables aging");
    assert_has (text, "As of " AS_OF);
    for (guint i = 0; i < report->rows->len; i++)
      {
        const SettleAgingRow *row = g_ptr_array_index (report->rows, i);
        g_autofree char *balance = settle_money_format_number (
          settle_money_init (row->balance, "USD"));
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
        gboolean found = FALSE;

        /* The client's row carries its balance. */
        for (guint l = 0; lines[l] != NULL && !found; l++)
          found = strstr (lines[l], row->client_name) != NULL &&
                  g_str_has_suffix (g_strchomp (lines[l]), balance);
        if (!found)
          g_error ("no row “%s … %s” in:\n%s", row->client_name, balance, text);
      }
    assert_has (text, total);
    assert_has (text, credit);
    g_assert_cmpint (report->totals.balance, ==, 200000 + 50000 + 200000 + 75000 + 123456 - 10000);
  }
  if (g_getenv ("SETTLE_TEST_PDF_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("SETTLE_TEST_PDF_DIR"), "aging.pdf",
                                                NULL);

      g_assert_cmpint (settle_cli_test_run (&out, &err, "aging", f->path, "--as-of", AS_OF,
                                            "--format", "pdf", "--output", copy, NULL),
                       ==, 0);
    }
}

static void
test_metrics_usage (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", "23/11/2026", NULL), ==, 2);
  assert_has (err, "--as-of");
  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--months", "-1", NULL), ==,
                   2);
  assert_has (err, "--months");
  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--format", "xml", NULL),
                   ==, 2);
  assert_has (err, "--format");
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "metrics", f->path, "--format", "csv", "--part", "all", NULL),
    ==, 2);
  assert_has (err, "--part");
  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--part", "trend", NULL),
                   ==, 2);
  assert_has (err, "--part");
  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", "/nonexistent/book.settle", NULL),
                   ==, 1);
  g_assert_true (g_str_has_prefix (err, "settle-cli: "));

  /* Another period length changes the period the metrics cover. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "metrics", f->path, "--as-of", AS_OF,
                                        "--months", "6", "--format", "json", NULL),
                   ==, 0);
  assert_has (out, "\"period_months\" : 6");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  settle_cli_test_init (&argc, &argv, AS_OF);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/cli/metrics/table-json", test_metrics_table_json);
  ADD ("/cli/metrics/csv", test_metrics_csv);
  ADD ("/cli/metrics/pdf", test_metrics_pdf);
  ADD ("/cli/metrics/usage", test_metrics_usage);
  ADD ("/cli/aging/options", test_aging);
#undef ADD
  return g_test_run ();
}
