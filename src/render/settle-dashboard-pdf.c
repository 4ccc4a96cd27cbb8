/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-chart-dashboard.h"
#include "settle-dashboard-pdf.h"
#include "settle-money.h"
#include "settle-report-pdf.h"

/* The charts draw in screen pixels (text at 96 dpi); a page's unit is the point. */
#define PX_PER_PT (96.0 / 72.0)
#define STACKED_ROWS 10

char *
settle_report_format_days (gboolean defined,
                           gint64   days_x100)
{
  g_autofree char *number = NULL;

  if (!defined)
    return g_strdup ("—");
  number = settle_format_fixed (days_x100, 2, FALSE);
  /* Translators: a number of days with two decimals, "42.17 days" */
  return g_strdup_printf (_("%s days"), number);
}

char *
settle_report_format_percent (gboolean defined,
                              gint64   bp)
{
  g_autofree char *number = NULL;

  if (!defined)
    return g_strdup ("—");
  number = settle_format_fixed (bp, 2, FALSE);
  /* Translators: a percentage with two decimals, "85.23 %" */
  return g_strdup_printf (_("%s %%"), number);
}

static char *
money (const char *currency,
       gint64      amount)
{
  return settle_money_format (settle_money_init (amount, currency));
}

static char *
basis_text (SettleAgingBasis basis)
{
  return g_strdup (basis == SETTLE_AGING_BY_DUE_DATE ? _("by due date") : _("by invoice date"));
}

/* ---- charts ------------------------------------------------------------------------ */

typedef enum
{
  CHART_AGING_STACKED,
  CHART_DSO_TREND,
  CHART_FORECAST,
} ChartKind;

typedef struct
{
  ChartKind                kind;
  const SettleAgingReport *report;
  const SettleDashboard   *dashboard;
} Chart;

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  data)
{
  const Chart *chart = data;
  double w = width * PX_PER_PT, h = height * PX_PER_PT;

  cairo_scale (cr, 1 / PX_PER_PT, 1 / PX_PER_PT);
  switch (chart->kind)
    {
    case CHART_AGING_STACKED:
      settle_chart_draw_aging_stacked (cr, w, h, chart->report, STACKED_ROWS, NULL, FALSE);
      break;
    case CHART_DSO_TREND:
      settle_chart_draw_dso_trend (cr, w, h, chart->dashboard, NULL, FALSE);
      break;
    case CHART_FORECAST:
      settle_chart_draw_forecast (cr, w, h, chart->dashboard, NULL, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_chart (SettleReportDocument    *doc,
           double                   height,
           ChartKind                kind,
           const SettleAgingReport *report,
           const SettleDashboard   *dashboard)
{
  Chart *chart = g_new0 (Chart, 1);

  chart->kind = kind;
  chart->report = report;
  chart->dashboard = dashboard;
  settle_report_document_add_chart (doc, height, draw_chart, chart, g_free);
}

/* Room for the stacked bars: one band per client drawn, and the legend. */
static double
stacked_height (const SettleAgingReport *report)
{
  guint rows = MIN (report->rows->len, STACKED_ROWS + 1);

  return 40 + 22 * MAX (rows, 1u);
}

/* ---- tables ------------------------------------------------------------------------ */

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
add_aging_table (SettleReportDocument    *doc,
                 const SettleAgingReport *report)
{
  enum { N = SETTLE_AGING_N_BUCKETS + 3 };
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *headers[N];
  SettleReportAlign align[N];

  headers[0] = _("Client");
  align[0] = SETTLE_REPORT_ALIGN_LEFT;
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_ptr_array_add (labels, settle_aging_bucket_label (report, b));
      headers[b + 1] = g_ptr_array_index (labels, b);
      align[b + 1] = SETTLE_REPORT_ALIGN_RIGHT;
    }
  headers[N - 2] = _("Credit");
  headers[N - 1] = _("Balance");
  align[N - 2] = align[N - 1] = SETTLE_REPORT_ALIGN_RIGHT;

  for (guint i = 0; i <= report->rows->len; i++)
    {
      const SettleAgingRow *row = i < report->rows->len ? g_ptr_array_index (report->rows, i)
                                                        : &report->totals;
      char **cells = g_new0 (char *, N + 1);

      cells[0] = g_strdup (row->client_name);
      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        cells[b + 1] = settle_money_format_number (settle_money_init (row->buckets[b],
                                                                      report->currency));
      cells[N - 2] = settle_money_format_number (settle_money_init (-row->credit,
                                                                    report->currency));
      cells[N - 1] = settle_money_format_number (settle_money_init (row->balance,
                                                                    report->currency));
      g_ptr_array_add (rows, cells);
    }
  settle_report_document_add_table (doc, N, headers, align, rows, TRUE);
}

static gint64
overdue_of (const SettleAgingRow *row)
{
  gint64 sum = 0;

  for (int b = 1; b < SETTLE_AGING_N_BUCKETS; b++)
    sum += row->buckets[b];
  return sum;
}

static gint64
open_of (const SettleAgingRow *row)
{
  return overdue_of (row) + row->buckets[0];
}

static void
add_aging (SettleReportDocument    *doc,
           const SettleAgingReport *report)
{
  g_autofree char *total = money (report->currency, open_of (&report->totals));
  g_autofree char *overdue = money (report->currency, overdue_of (&report->totals));
  g_autofree char *credit = money (report->currency, report->totals.credit);
  g_autofree char *balance = money (report->currency, report->totals.balance);
  const char *labels[] = { _("Open invoices"), _("Overdue"), _("Unapplied credit"),
                           _("Receivables balance") };
  const char *values[] = { total, overdue, credit, balance };

  settle_report_document_add_figures (doc, G_N_ELEMENTS (labels), labels, values);
  settle_report_document_add_paragraph (doc, report->basis == SETTLE_AGING_BY_DUE_DATE
    ? _("Each invoice open on the as-of date is in the column of how many days past its due "
        "date it was; “Current” is not yet due. Unapplied credit is money received and not "
        "yet applied to an invoice, shown as a deduction: the balance is what the clients "
        "owe after it.")
    : _("Each invoice open on the as-of date is in the column of how many days had passed "
        "since it was issued. Unapplied credit is money received and not yet applied to an "
        "invoice, shown as a deduction: the balance is what the clients owe after it."));
  if (report->rows->len > 0)
    add_chart (doc, stacked_height (report), CHART_AGING_STACKED, report, NULL);
  add_aging_table (doc, report);
}

static char *
aging_subtitle (const SettleAgingReport *report)
{
  g_autofree char *as_of = settle_date_to_iso (&report->as_of);
  g_autofree char *basis = basis_text (report->basis);

  /* Translators: "As of 2026-11-23, by due date, in USD" */
  return g_strdup_printf (_("As of %s, %s, in %s"), as_of, basis, report->currency);
}

gboolean
settle_aging_write_pdf (SettleBook               *book,
                        const SettleAgingReport  *report,
                        const char               *path,
                        GError                  **error)
{
  g_autoptr(SettleReportDocument) doc = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (book == NULL || SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  subtitle = aging_subtitle (report);
  doc = settle_report_document_new (book, _("Receivables aging"), subtitle);
  add_aging (doc, report);
  return settle_report_document_write_pdf (doc, path, error);
}

/* ---- the dashboard ----------------------------------------------------------------- */

static void
add_headline (SettleReportDocument  *doc,
              const SettleDashboard *d)
{
  const SettleMetrics *m = &d->metrics;
  g_autofree char *ar = money (m->currency, m->ending_ar);
  g_autofree char *overdue = money (m->currency, m->ending_overdue_ar);
  g_autofree char *dso = settle_report_format_days (m->dso_defined, m->dso_simple_x100);
  g_autofree char *cei = settle_report_format_percent (m->cei_defined, m->cei_bp);
  g_autofree char *best = settle_report_format_days (m->dso_defined, m->best_dso_x100);
  g_autofree char *add = settle_report_format_days (m->dso_defined, m->add_x100);
  g_autofree char *countback = settle_report_format_days (m->dso_defined,
                                                          m->dso_countback_x100);
  g_autofree char *sales = money (m->currency, m->credit_sales);
  const char *labels[] = {
    _("Total receivables"), _("Overdue"), _("DSO (simple)"), _("CEI"),
    _("Best possible DSO"), _("ADD"), _("DSO (countback)"), _("Credit sales in the period"),
  };
  const char *values[] = { ar, overdue, dso, cei, best, add, countback, sales };
  g_autofree char *period = NULL;
  g_autofree char *start = settle_date_to_iso (&m->period_start);
  g_autofree char *end = settle_date_to_iso (&m->as_of);

  settle_report_document_add_figures (doc, G_N_ELEMENTS (labels), labels, values);
  period = g_strdup_printf (
    /* Translators: the period the metrics cover: from, to, number of days */
    g_dngettext (GETTEXT_PACKAGE, "The period is %s to %s (%d day).",
                 "The period is %s to %s (%d days).", m->period_days),
    start, end, m->period_days);
  settle_report_document_add_paragraph (doc, period);
  settle_report_document_add_paragraph (doc,
    _("DSO (simple), days sales outstanding: what was owed at the end of the period, divided "
      "by the credit sales of the period, times its days. How many days of sales are not yet "
      "collected. The dashboard shows this one."));
  settle_report_document_add_paragraph (doc,
    _("DSO (countback): the days of the most recent months whose sales add up to what is "
      "owed, counting back from the end of the period."));
  settle_report_document_add_paragraph (doc,
    _("Best possible DSO: the same as DSO but counting only what is not yet due. It is what "
      "DSO would be if every client paid on the due date."));
  settle_report_document_add_paragraph (doc,
    _("ADD, average days delinquent: DSO minus best possible DSO, the days that late "
      "payments add."));
  settle_report_document_add_paragraph (doc,
    _("CEI, collection effectiveness index: of everything that could have been collected in "
      "the period (what was owed at its start plus its monthly sales), the share that was "
      "collected, not counting what is not yet due. 100 % is perfect collection."));
  if (!m->dso_defined || !m->cei_defined)
    settle_report_document_add_paragraph (doc,
      _("A figure shown as “—” cannot be computed: there were no credit sales in the period."));
}

static void
add_clients_table (SettleReportDocument  *doc,
                   const SettleDashboard *d)
{
  const char *currency = d->metrics.currency;
  const char *headers[] = {
    _("Client"), _("Open"), _("Overdue"), _("Oldest, days late"), _("Average days to pay"),
    _("Average days late"), _("Paid on time"), _("Risk"), _("Late payer"),
  };
  SettleReportAlign align[G_N_ELEMENTS (headers)];
  g_autoptr(GPtrArray) rows = new_rows ();

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    align[c] = c == 0 ? SETTLE_REPORT_ALIGN_LEFT : SETTLE_REPORT_ALIGN_RIGHT;
  for (guint i = 0; i < d->clients->len; i++)
    {
      const SettleClientBehaviour *c = g_ptr_array_index (d->clients, i);
      char **cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      cells[0] = g_strdup (c->client_name);
      cells[1] = settle_money_format_number (settle_money_init (c->open, currency));
      cells[2] = settle_money_format_number (settle_money_init (c->overdue, currency));
      cells[3] = g_strdup_printf ("%d", c->oldest_days_past_due);
      cells[4] = c->avg_days_to_pay_x100 < 0 ? g_strdup ("—")
                                              : settle_format_fixed (c->avg_days_to_pay_x100, 2,
                                                                     FALSE);
      cells[5] = c->avg_days_late_x100 < 0 ? g_strdup ("—")
                                            : settle_format_fixed (c->avg_days_late_x100, 2,
                                                                   FALSE);
      cells[6] = settle_report_format_percent (c->on_time_bp >= 0, c->on_time_bp);
      cells[7] = g_strdup_printf ("%d", c->risk_score);
      cells[8] = g_strdup (c->late_payer ? _("Yes") : "");
      g_ptr_array_add (rows, cells);
    }
  settle_report_document_add_table (doc, G_N_ELEMENTS (headers), headers, align, rows, FALSE);
}

static void
add_trend (SettleReportDocument  *doc,
           const SettleDashboard *d)
{
  const char *currency = d->metrics.currency;
  const char *headers[] = { _("Month ending"), _("Receivables"), _("Credit sales"), _("DSO") };
  const SettleReportAlign align[] = {
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_RIGHT, SETTLE_REPORT_ALIGN_RIGHT,
    SETTLE_REPORT_ALIGN_RIGHT,
  };
  g_autoptr(GPtrArray) rows = new_rows ();

  for (int i = 0; i < SETTLE_TREND_N_MONTHS; i++)
    {
      const SettleMetricsMonth *m = &d->trend[i];
      char **cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      cells[0] = settle_date_to_iso (&m->month_end);
      cells[1] = money (currency, m->ending_ar);
      cells[2] = money (currency, m->credit_sales);
      cells[3] = settle_report_format_days (m->dso_defined, m->dso_x100);
      g_ptr_array_add (rows, cells);
    }
  settle_report_document_add_heading (doc, _("DSO trend"));
  settle_report_document_add_paragraph (doc,
    _("DSO at the end of each month, over the three months up to it."));
  add_chart (doc, 170, CHART_DSO_TREND, NULL, d);
  settle_report_document_add_table (doc, G_N_ELEMENTS (headers), headers, align, rows, FALSE);
}

static void
add_forecast (SettleReportDocument  *doc,
              const SettleDashboard *d)
{
  const char *currency = d->metrics.currency;
  const char *headers[] = { _("Week"), _("From"), _("To"), _("Expected"),
                            _("Of which overdue now") };
  const SettleReportAlign align[] = {
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_LEFT,
    SETTLE_REPORT_ALIGN_RIGHT, SETTLE_REPORT_ALIGN_RIGHT,
  };
  g_autoptr(GPtrArray) rows = new_rows ();
  gint64 total = d->forecast_later, total_overdue = 0;
  char **cells;

  for (int i = 0; i < SETTLE_FORECAST_N_WEEKS; i++)
    {
      const SettleForecastWeek *w = &d->forecast[i];
      GDate last = w->week_start;

      g_date_add_days (&last, 6);
      cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);
      cells[0] = g_strdup_printf ("%d", i + 1);
      cells[1] = settle_date_to_iso (&w->week_start);
      cells[2] = settle_date_to_iso (&last);
      cells[3] = money (currency, w->expected);
      cells[4] = money (currency, w->overdue_part);
      g_ptr_array_add (rows, cells);
      total += w->expected;
      total_overdue += w->overdue_part;
    }
  cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);
  /* Translators: the forecast's row of what is expected after the 13 weeks */
  cells[0] = g_strdup (_("Later"));
  cells[1] = g_strdup ("");
  cells[2] = g_strdup ("");
  cells[3] = money (currency, d->forecast_later);
  cells[4] = g_strdup ("");
  g_ptr_array_add (rows, cells);
  cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);
  cells[0] = g_strdup (_("Total"));
  cells[1] = g_strdup ("");
  cells[2] = g_strdup ("");
  cells[3] = money (currency, total);
  cells[4] = money (currency, total_overdue);
  g_ptr_array_add (rows, cells);

  settle_report_document_add_heading (doc, _("13-week cash forecast"));
  settle_report_document_add_paragraph (doc,
    _("When the open invoices are expected to be paid: each on its due date plus the days "
      "its client pays late on average (the book's average for a client without history); "
      "what is overdue and expected before today counts in the first week. Disputed "
      "invoices are expected later than the 13 weeks. The orange part of a week is money "
      "already overdue now."));
  add_chart (doc, 170, CHART_FORECAST, NULL, d);
  settle_report_document_add_table (doc, G_N_ELEMENTS (headers), headers, align, rows, TRUE);
}

gboolean
settle_dashboard_write_pdf (SettleBook             *book,
                            const SettleDashboard  *dashboard,
                            const char             *path,
                            GError                **error)
{
  g_autoptr(SettleReportDocument) doc = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *as_of = NULL;

  g_return_val_if_fail (book == NULL || SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (dashboard != NULL && dashboard->aging != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  as_of = settle_date_to_iso (&dashboard->metrics.as_of);
  subtitle = g_strdup_printf (
    /* Translators: "As of 2026-11-23, last 3 months, in USD" */
    g_dngettext (GETTEXT_PACKAGE, "As of %s, last %d month, in %s",
                 "As of %s, last %d months, in %s", dashboard->metrics.period_months),
    as_of, dashboard->metrics.period_months, dashboard->metrics.currency);
  doc = settle_report_document_new (book, _("Receivables dashboard"), subtitle);

  add_headline (doc, dashboard);
  add_trend (doc, dashboard);
  add_forecast (doc, dashboard);

  settle_report_document_add_heading (doc, _("Aging"));
  {
    g_autofree char *line = aging_subtitle (dashboard->aging);

    settle_report_document_add_paragraph (doc, line);
  }
  add_aging (doc, dashboard->aging);

  settle_report_document_add_heading (doc, _("Clients by payment behaviour"));
  settle_report_document_add_paragraph (doc, settle_risk_rule_text ());
  add_clients_table (doc, dashboard);

  return settle_report_document_write_pdf (doc, path, error);
}
