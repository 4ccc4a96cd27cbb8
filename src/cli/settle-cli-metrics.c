/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-book.h"
#include "settle-cli.h"
#include "settle-dashboard-pdf.h"
#include "settle-dashboard.h"
#include "settle-metrics.h"
#include "settle-money.h"
#include "settle-report-csv.h"

#define TOP_CLIENTS 20

static char *
plain (const SettleDashboard *d,
       gint64                 amount)
{
  return settle_money_to_plain (settle_money_init (amount, d->metrics.currency));
}

static char *
pretty (const SettleDashboard *d,
        gint64                 amount)
{
  return settle_money_format_number (settle_money_init (amount, d->metrics.currency));
}

/* Hundredths or basis points: "42.17"; "—" in the table when not defined. */
static char *
decimal (gboolean defined,
         gint64   value)
{
  return defined ? settle_format_fixed (value, 2, FALSE) : g_strdup ("—");
}

/* ---- table -------------------------------------------------------------------------- */

static void
figure (GString    *out,
        const char *label,
        const char *value)
{
  int pad = 38 - (int) g_utf8_strlen (label, -1);

  g_string_append_printf (out, "%s%*s %16s\n", label, MAX (pad, 1), "", value);
}

static void
figure_money (GString               *out,
              const SettleDashboard *d,
              const char            *label,
              gint64                 amount)
{
  g_autofree char *v = pretty (d, amount);

  figure (out, label, v);
}

static void
figure_days (GString    *out,
             const char *label,
             gboolean    defined,
             gint64      x100)
{
  g_autofree char *v = settle_report_format_days (defined, x100);

  figure (out, label, v);
}

/* A cell padded to width columns of characters, right-aligned unless left. */
static void
cell (GString    *out,
      const char *text,
      int         width,
      gboolean    left)
{
  g_autofree char *cut = settle_cli_head (text, width);
  int pad = width - (int) g_utf8_strlen (cut, -1);

  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ' ');
  if (left)
    g_string_append_printf (out, "%s%*s", cut, pad, "");
  else
    g_string_append_printf (out, "%*s%s", pad, "", cut);
}

/* Ends a row of cells without the padding of its last one. */
static void
end_line (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static void
table_clients (GString               *out,
               const SettleDashboard *d)
{
  guint shown = MIN (d->clients->len, TOP_CLIENTS);

  g_string_append_printf (out, "\n");
  /* Translators: the heading of the per-client table: shown, of how many clients */
  g_string_append_printf (out, _("Clients, most overdue first (%u of %u)\n\n"), shown,
                          d->clients->len);
  cell (out, _("Client"), 28, TRUE);
  cell (out, _("Open"), 13, FALSE);
  cell (out, _("Overdue"), 13, FALSE);
  cell (out, _("Oldest"), 6, FALSE);
  cell (out, _("To pay"), 8, FALSE);
  cell (out, _("Late"), 8, FALSE);
  cell (out, _("On time"), 8, FALSE);
  cell (out, _("Risk"), 4, FALSE);
  cell (out, _("Late payer"), 10, TRUE);
  end_line (out);
  for (guint i = 0; i < shown; i++)
    {
      const SettleClientBehaviour *c = g_ptr_array_index (d->clients, i);
      g_autofree char *open = pretty (d, c->open);
      g_autofree char *overdue = pretty (d, c->overdue);
      g_autofree char *oldest = g_strdup_printf ("%d", c->oldest_days_past_due);
      g_autofree char *to_pay = decimal (c->avg_days_to_pay_x100 >= 0, c->avg_days_to_pay_x100);
      g_autofree char *late = decimal (c->avg_days_late_x100 >= 0, c->avg_days_late_x100);
      g_autofree char *on_time = settle_report_format_percent (c->on_time_bp >= 0, c->on_time_bp);
      g_autofree char *risk = g_strdup_printf ("%d", c->risk_score);

      cell (out, c->client_name, 28, TRUE);
      cell (out, open, 13, FALSE);
      cell (out, overdue, 13, FALSE);
      cell (out, oldest, 6, FALSE);
      cell (out, to_pay, 8, FALSE);
      cell (out, late, 8, FALSE);
      cell (out, on_time, 8, FALSE);
      cell (out, risk, 4, FALSE);
      cell (out, c->late_payer ? _("yes") : "", 10, TRUE);
      end_line (out);
    }
}

static void
table_trend (GString               *out,
             const SettleDashboard *d)
{
  g_string_append_printf (out, "\n%s\n\n",
                          _("DSO trend (simple DSO over the three months to each month's end)"));
  cell (out, _("Month ending"), 12, TRUE);
  cell (out, _("Receivables"), 16, FALSE);
  cell (out, _("Credit sales"), 16, FALSE);
  cell (out, _("DSO"), 14, FALSE);
  end_line (out);
  for (int i = 0; i < SETTLE_TREND_N_MONTHS; i++)
    {
      const SettleMetricsMonth *m = &d->trend[i];
      g_autofree char *end = settle_date_to_iso (&m->month_end);
      g_autofree char *ar = pretty (d, m->ending_ar);
      g_autofree char *sales = pretty (d, m->credit_sales);
      g_autofree char *dso = settle_report_format_days (m->dso_defined, m->dso_x100);

      cell (out, end, 12, TRUE);
      cell (out, ar, 16, FALSE);
      cell (out, sales, 16, FALSE);
      cell (out, dso, 14, FALSE);
      end_line (out);
    }
}

static void
table_forecast (GString               *out,
                const SettleDashboard *d)
{
  g_autofree char *later = pretty (d, d->forecast_later);

  g_string_append_printf (out, "\n%s\n\n", _("13-week cash forecast (expected receipts)"));
  cell (out, _("Week"), 4, FALSE);
  cell (out, _("From"), 10, TRUE);
  cell (out, _("To"), 10, TRUE);
  cell (out, _("Expected"), 16, FALSE);
  cell (out, _("Of which overdue now"), 20, FALSE);
  end_line (out);
  for (int i = 0; i < SETTLE_FORECAST_N_WEEKS; i++)
    {
      const SettleForecastWeek *w = &d->forecast[i];
      g_autofree char *n = g_strdup_printf ("%d", i + 1);
      g_autofree char *from = settle_date_to_iso (&w->week_start);
      g_autofree char *to = NULL;
      g_autofree char *expected = pretty (d, w->expected);
      g_autofree char *overdue = pretty (d, w->overdue_part);
      GDate last = w->week_start;

      g_date_add_days (&last, 6);
      to = settle_date_to_iso (&last);
      cell (out, n, 4, FALSE);
      cell (out, from, 10, TRUE);
      cell (out, to, 10, TRUE);
      cell (out, expected, 16, FALSE);
      cell (out, overdue, 20, FALSE);
      end_line (out);
    }
  cell (out, "", 4, FALSE);
  cell (out, _("Later"), 21, TRUE);
  cell (out, later, 16, FALSE);
  end_line (out);
}

static char *
metrics_table (const SettleDashboard *d)
{
  const SettleMetrics *m = &d->metrics;
  GString *out = g_string_new (NULL);
  g_autofree char *as_of = settle_date_to_iso (&m->as_of);
  g_autofree char *start = settle_date_to_iso (&m->period_start);
  g_autofree char *cei = settle_report_format_percent (m->cei_defined, m->cei_bp);

  g_string_append_printf (out,
                          /* Translators: as-of date, currency, first day of the period, days */
                          _("Receivables metrics as of %s (%s; period %s to %s, %d days)\n\n"),
                          as_of, m->currency, start, as_of, m->period_days);
  figure_money (out, d, _("Total receivables"), m->ending_ar);
  figure_money (out, d, _("  not yet due"), m->ending_current_ar);
  figure_money (out, d, _("  overdue"), m->ending_overdue_ar);
  figure_money (out, d, _("Unapplied credit"), m->unapplied_credit);
  figure_money (out, d, _("Receivables at the period's start"), m->beginning_ar);
  figure_money (out, d, _("Credit sales in the period"), m->credit_sales);
  figure_days (out, _("DSO (simple, shown on the dashboard)"), m->dso_defined, m->dso_simple_x100);
  figure_days (out, _("DSO (average receivables)"), m->dso_defined, m->dso_average_x100);
  figure_days (out, _("DSO (countback)"), m->dso_defined, m->dso_countback_x100);
  figure_days (out, _("Best possible DSO"), m->dso_defined, m->best_dso_x100);
  figure_days (out, _("ADD (DSO − best possible)"), m->dso_defined, m->add_x100);
  figure_days (out, _("ADD (weighted by open amount)"), m->add_weighted_defined,
               m->add_weighted_x100);
  figure (out, _("CEI"), cei);
  if (!m->dso_defined)
    g_string_append_printf (out, "%s\n", _("(DSO needs credit sales in the period.)"));

  table_clients (out, d);
  table_trend (out, d);
  table_forecast (out, d);
  return g_string_free (out, FALSE);
}

/* ---- JSON --------------------------------------------------------------------------- */

static void
member_string (JsonBuilder *b,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
member_money (JsonBuilder           *b,
              const SettleDashboard *d,
              const char            *name,
              gint64                 amount)
{
  g_autofree char *v = plain (d, amount);

  member_string (b, name, v);
}

static void
member_date (JsonBuilder *b,
             const char  *name,
             const GDate *date)
{
  g_autofree char *v = settle_date_to_iso (date);

  member_string (b, name, v);
}

static void
member_int (JsonBuilder *b,
            const char  *name,
            gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* A fixed-point figure as a decimal string ("42.17"), null when not defined. */
static void
member_fixed (JsonBuilder *b,
              const char  *name,
              gboolean     defined,
              gint64       value)
{
  json_builder_set_member_name (b, name);
  if (defined)
    {
      g_autofree char *v = settle_format_fixed (value, 2, FALSE);

      json_builder_add_string_value (b, v);
    }
  else
    json_builder_add_null_value (b);
}

static void
json_metrics (JsonBuilder           *b,
              const SettleDashboard *d)
{
  const SettleMetrics *m = &d->metrics;

  json_builder_set_member_name (b, "metrics");
  json_builder_begin_object (b);
  member_money (b, d, "beginning_ar", m->beginning_ar);
  member_money (b, d, "ending_ar", m->ending_ar);
  member_money (b, d, "ending_current_ar", m->ending_current_ar);
  member_money (b, d, "ending_overdue_ar", m->ending_overdue_ar);
  member_money (b, d, "unapplied_credit", m->unapplied_credit);
  member_money (b, d, "credit_sales", m->credit_sales);
  member_fixed (b, "dso_simple_days", m->dso_defined, m->dso_simple_x100);
  member_fixed (b, "dso_average_days", m->dso_defined, m->dso_average_x100);
  member_fixed (b, "dso_countback_days", m->dso_defined, m->dso_countback_x100);
  member_fixed (b, "best_dso_days", m->dso_defined, m->best_dso_x100);
  member_fixed (b, "add_days", m->dso_defined, m->add_x100);
  member_fixed (b, "add_weighted_days", m->add_weighted_defined, m->add_weighted_x100);
  member_fixed (b, "cei_percent", m->cei_defined, m->cei_bp);
  member_int (b, "open_items", m->open_items);
  member_int (b, "overdue_items", m->overdue_items);
  json_builder_end_object (b);
}

static void
json_clients (JsonBuilder           *b,
              const SettleDashboard *d)
{
  json_builder_set_member_name (b, "clients");
  json_builder_begin_array (b);
  for (guint i = 0; i < d->clients->len; i++)
    {
      const SettleClientBehaviour *c = g_ptr_array_index (d->clients, i);

      json_builder_begin_object (b);
      member_int (b, "client_id", c->client_id);
      member_string (b, "client", c->client_name);
      member_money (b, d, "open", c->open);
      member_money (b, d, "overdue", c->overdue);
      member_int (b, "oldest_days_past_due", c->oldest_days_past_due);
      member_int (b, "paid_count", c->paid_count);
      member_fixed (b, "avg_days_to_pay", c->avg_days_to_pay_x100 >= 0, c->avg_days_to_pay_x100);
      member_fixed (b, "avg_days_late", c->avg_days_late_x100 >= 0, c->avg_days_late_x100);
      member_fixed (b, "on_time_percent", c->on_time_bp >= 0, c->on_time_bp);
      member_fixed (b, "avg_days_late_6m", c->avg_days_late_6m_x100 >= 0,
                    c->avg_days_late_6m_x100);
      member_fixed (b, "avg_days_late_12m", c->avg_days_late_12m_x100 >= 0,
                    c->avg_days_late_12m_x100);
      member_int (b, "risk_score", c->risk_score);
      json_builder_set_member_name (b, "late_payer");
      json_builder_add_boolean_value (b, c->late_payer);
      member_string (b, "risk_reasons", c->risk_reasons != NULL ? c->risk_reasons : "");
      member_int (b, "expected_delay_days", c->expected_delay_days);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_trend_forecast (JsonBuilder           *b,
                     const SettleDashboard *d)
{
  json_builder_set_member_name (b, "trend");
  json_builder_begin_array (b);
  for (int i = 0; i < SETTLE_TREND_N_MONTHS; i++)
    {
      const SettleMetricsMonth *m = &d->trend[i];

      json_builder_begin_object (b);
      member_date (b, "month_end", &m->month_end);
      member_money (b, d, "ending_ar", m->ending_ar);
      member_money (b, d, "credit_sales", m->credit_sales);
      member_fixed (b, "dso_days", m->dso_defined, m->dso_x100);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "forecast");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "weeks");
  json_builder_begin_array (b);
  for (int i = 0; i < SETTLE_FORECAST_N_WEEKS; i++)
    {
      const SettleForecastWeek *w = &d->forecast[i];

      json_builder_begin_object (b);
      member_int (b, "week", i + 1);
      member_date (b, "week_start", &w->week_start);
      member_money (b, d, "expected", w->expected);
      member_money (b, d, "overdue_part", w->overdue_part);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  member_money (b, d, "later", d->forecast_later);
  json_builder_end_object (b);
}

static JsonBuilder *
metrics_json (const SettleDashboard *d)
{
  JsonBuilder *b = json_builder_new ();
  const SettleMetrics *m = &d->metrics;

  json_builder_begin_object (b);
  member_date (b, "as_of", &m->as_of);
  member_date (b, "period_start", &m->period_start);
  member_int (b, "period_days", m->period_days);
  member_int (b, "period_months", m->period_months);
  member_string (b, "currency", m->currency);
  json_metrics (b, d);
  json_builder_set_member_name (b, "aging");
  settle_cli_aging_json (b, d->aging);
  json_clients (b, d);
  member_string (b, "risk_rule", settle_risk_rule_text ());
  json_trend_forecast (b, d);
  json_builder_end_object (b);
  return b;
}

/* ---- the command -------------------------------------------------------------------- */

static gboolean
parse_part (const char          *text,
            SettleReportCsvPart *part)
{
  static const struct { const char *name; SettleReportCsvPart part; } parts[] = {
    { "metrics", SETTLE_REPORT_CSV_METRICS }, { "clients", SETTLE_REPORT_CSV_CLIENTS },
    { "trend", SETTLE_REPORT_CSV_TREND }, { "forecast", SETTLE_REPORT_CSV_FORECAST },
    { "aging", SETTLE_REPORT_CSV_AGING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strcmp (text, parts[i].name) == 0)
      {
        *part = parts[i].part;
        return TRUE;
      }
  return FALSE;
}

int
settle_cli_metrics (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleDashboard) dashboard = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *part_text = NULL;
  g_autofree char *text = NULL;
  SettleReportCsvPart part = SETTLE_REPORT_CSV_METRICS;
  SettleAgingOptions options;
  int months = 0;
  GDate as_of;
  GOptionEntry entries[] = {
    { "as-of", 'd', 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Measure as of this date, YYYY-MM-DD (default today)"), "DATE" },
    { "months", 'm', 0, G_OPTION_ARG_INT, &months,
      N_("Months in the period the metrics cover (default 3)"), "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("table (default), csv, json or pdf"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of the terminal (needed for pdf)"), "FILE" },
    { "part", 'p', 0, G_OPTION_ARG_STRING, &part_text,
      N_("With csv: metrics (default), clients, trend, forecast or aging"), "PART" },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — print DSO, CEI, clients' payment behaviour, "
                                    "the trend and the cash forecast"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 1))
    return SETTLE_CLI_USAGE;

  if (!settle_cli_parse_as_of (as_of_text, &as_of))
    return SETTLE_CLI_USAGE;
  if (months < 0 || months > 120)
    {
      g_printerr (_("settle-cli: --months: %d is not a number of months from 1 to 120\n"), months);
      return SETTLE_CLI_USAGE;
    }
  if (!settle_cli_check_format (format, TRUE, output))
    return SETTLE_CLI_USAGE;
  if (part_text != NULL && g_strcmp0 (format, "csv") != 0)
    {
      g_printerr (_("settle-cli: --part goes with --format csv\n"));
      return SETTLE_CLI_USAGE;
    }
  if (part_text != NULL && !parse_part (part_text, &part))
    {
      g_printerr (_("settle-cli: --part: “%s” is not one of metrics, clients, trend, forecast, "
                    "aging\n"), part_text);
      return SETTLE_CLI_USAGE;
    }

  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;
  settle_aging_options_init (&options, book, &as_of);
  dashboard = settle_dashboard_compute (book, &options, &error);
  if (dashboard == NULL)
    return settle_cli_fail (error);
  /* The dashboard measures over its default period; another length replaces the metrics. */
  if (months > 0 && months != dashboard->metrics.period_months)
    {
      char currency[4];

      g_strlcpy (currency, dashboard->metrics.currency, sizeof currency);
      if (!settle_metrics_compute (book, &as_of, months, currency, &dashboard->metrics, &error))
        return settle_cli_fail (error);
    }

  if (g_strcmp0 (format, "pdf") == 0)
    {
      if (!settle_dashboard_write_pdf (book, dashboard, output, &error))
        return settle_cli_fail (error);
      return SETTLE_CLI_OK;
    }
  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) b = metrics_json (dashboard);

      if (output == NULL)
        {
          settle_cli_print_json (b);
          return SETTLE_CLI_OK;
        }
      text = settle_cli_json_text (b);
    }
  else if (g_strcmp0 (format, "csv") == 0)
    text = settle_dashboard_to_csv (dashboard, part);
  else
    text = metrics_table (dashboard);
  return settle_cli_emit (text, output);
}
