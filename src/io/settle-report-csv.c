/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "settle-money.h"
#include "settle-report-csv.h"

void
settle_report_csv_field (GString    *out,
                         const char *text)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Fields of one record, comma-separated, then CRLF-free "\n" as the CLI always wrote. */
static void
record (GString *out,
        guint    n,
        ...)
{
  va_list ap;

  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    {
      const char *field = va_arg (ap, const char *);

      if (i > 0)
        g_string_append_c (out, ',');
      settle_report_csv_field (out, field);
    }
  va_end (ap);
  g_string_append_c (out, '\n');
}

static char *
plain (const char *currency,
       gint64      amount)
{
  return settle_money_to_plain (settle_money_init (amount, currency));
}

/* Hundredths (days) or basis points (percent) as a decimal; "" when undefined. */
static char *
fixed2 (gboolean defined,
        gint64   value)
{
  return defined && value >= 0 ? settle_format_fixed (value, 2, FALSE) : g_strdup ("");
}

static char *
fixed2_signed (gboolean defined,
               gint64   value)
{
  return defined ? settle_format_fixed (value, 2, FALSE) : g_strdup ("");
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? settle_date_to_iso (date) : g_strdup ("");
}

char *
settle_aging_to_csv (const SettleAgingReport *report)
{
  GString *out;

  g_return_val_if_fail (report != NULL, NULL);

  out = g_string_new ("client_id,client");
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autofree char *label = settle_aging_bucket_label (report, b);

      g_string_append_c (out, ',');
      settle_report_csv_field (out, label);
    }
  g_string_append (out, ",credit,balance\n");
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const SettleAgingRow *row = i < report->rows->len ? g_ptr_array_index (report->rows, i)
                                                        : &report->totals;
      g_autofree char *credit = plain (report->currency, row->credit);
      g_autofree char *balance = plain (report->currency, row->balance);

      if (row->client_id != 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, row->client_id);
      g_string_append_c (out, ',');
      settle_report_csv_field (out, row->client_name);
      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        {
          g_autofree char *v = plain (report->currency, row->buckets[b]);

          g_string_append_printf (out, ",%s", v);
        }
      g_string_append_printf (out, ",%s,%s\n", credit, balance);
    }
  return g_string_free (out, FALSE);
}

static void
metric_money (GString    *out,
              const char *key,
              const char *currency,
              gint64      amount)
{
  g_autofree char *v = plain (currency, amount);

  record (out, 2, key, v);
}

static void
metric_fixed (GString    *out,
              const char *key,
              gboolean    defined,
              gint64      value)
{
  g_autofree char *v = fixed2_signed (defined, value);

  record (out, 2, key, v);
}

static void
metric_int (GString    *out,
            const char *key,
            gint64      value)
{
  g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  record (out, 2, key, v);
}

static void
metrics_csv (GString             *out,
             const SettleMetrics *m)
{
  g_autofree char *as_of = date_text (&m->as_of);
  g_autofree char *start = date_text (&m->period_start);

  record (out, 2, "metric", "value");
  record (out, 2, "as_of", as_of);
  record (out, 2, "period_start", start);
  metric_int (out, "period_days", m->period_days);
  metric_int (out, "period_months", m->period_months);
  record (out, 2, "currency", m->currency);
  metric_money (out, "beginning_ar", m->currency, m->beginning_ar);
  metric_money (out, "ending_ar", m->currency, m->ending_ar);
  metric_money (out, "ending_current_ar", m->currency, m->ending_current_ar);
  metric_money (out, "ending_overdue_ar", m->currency, m->ending_overdue_ar);
  metric_money (out, "unapplied_credit", m->currency, m->unapplied_credit);
  metric_money (out, "credit_sales", m->currency, m->credit_sales);
  metric_fixed (out, "dso_simple_days", m->dso_defined, m->dso_simple_x100);
  metric_fixed (out, "dso_average_days", m->dso_defined, m->dso_average_x100);
  metric_fixed (out, "dso_countback_days", m->dso_defined, m->dso_countback_x100);
  metric_fixed (out, "best_dso_days", m->dso_defined, m->best_dso_x100);
  metric_fixed (out, "add_days", m->dso_defined, m->add_x100);
  metric_fixed (out, "add_weighted_days", m->add_weighted_defined, m->add_weighted_x100);
  metric_fixed (out, "cei_percent", m->cei_defined, m->cei_bp);
  metric_int (out, "open_items", m->open_items);
  metric_int (out, "overdue_items", m->overdue_items);
}

static void
clients_csv (GString               *out,
             const SettleDashboard *d)
{
  const char *currency = d->metrics.currency;

  record (out, 15, "client_id", "client", "open", "overdue", "oldest_days_past_due",
          "paid_count", "avg_days_to_pay", "avg_days_late", "on_time_percent",
          "avg_days_late_6m", "avg_days_late_12m", "risk_score", "late_payer",
          "expected_delay_days", "risk_reasons");
  for (guint i = 0; i < d->clients->len; i++)
    {
      const SettleClientBehaviour *c = g_ptr_array_index (d->clients, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->client_id);
      g_autofree char *open = plain (currency, c->open);
      g_autofree char *overdue = plain (currency, c->overdue);
      g_autofree char *oldest = g_strdup_printf ("%d", c->oldest_days_past_due);
      g_autofree char *paid = g_strdup_printf ("%u", c->paid_count);
      g_autofree char *to_pay = fixed2 (TRUE, c->avg_days_to_pay_x100);
      g_autofree char *late = fixed2 (TRUE, c->avg_days_late_x100);
      g_autofree char *on_time = fixed2 (TRUE, c->on_time_bp);
      g_autofree char *late6 = fixed2 (TRUE, c->avg_days_late_6m_x100);
      g_autofree char *late12 = fixed2 (TRUE, c->avg_days_late_12m_x100);
      g_autofree char *risk = g_strdup_printf ("%d", c->risk_score);
      g_autofree char *delay = g_strdup_printf ("%d", c->expected_delay_days);

      record (out, 15, id, c->client_name, open, overdue, oldest, paid, to_pay, late, on_time,
              late6, late12, risk, c->late_payer ? "yes" : "no", delay,
              c->risk_reasons != NULL ? c->risk_reasons : "");
    }
}

static void
trend_csv (GString               *out,
           const SettleDashboard *d)
{
  const char *currency = d->metrics.currency;

  record (out, 4, "month_end", "ending_ar", "credit_sales", "dso_days");
  for (int i = 0; i < SETTLE_TREND_N_MONTHS; i++)
    {
      const SettleMetricsMonth *m = &d->trend[i];
      g_autofree char *end = date_text (&m->month_end);
      g_autofree char *ar = plain (currency, m->ending_ar);
      g_autofree char *sales = plain (currency, m->credit_sales);
      g_autofree char *dso = fixed2_signed (m->dso_defined, m->dso_x100);

      record (out, 4, end, ar, sales, dso);
    }
}

static void
forecast_csv (GString               *out,
              const SettleDashboard *d)
{
  const char *currency = d->metrics.currency;
  GDate later;

  record (out, 5, "week", "week_start", "week_end", "expected", "overdue_part");
  for (int i = 0; i < SETTLE_FORECAST_N_WEEKS; i++)
    {
      const SettleForecastWeek *w = &d->forecast[i];
      g_autofree char *n = g_strdup_printf ("%d", i + 1);
      g_autofree char *start = date_text (&w->week_start);
      g_autofree char *end = NULL;
      g_autofree char *expected = plain (currency, w->expected);
      g_autofree char *overdue = plain (currency, w->overdue_part);
      GDate last = w->week_start;

      if (g_date_valid (&last))
        g_date_add_days (&last, 6);
      end = date_text (&last);
      record (out, 5, n, start, end, expected, overdue);
    }
  /* Everything expected after the thirteenth week. */
  later = d->forecast[SETTLE_FORECAST_N_WEEKS - 1].week_start;
  if (g_date_valid (&later))
    g_date_add_days (&later, 7);
  {
    g_autofree char *start = date_text (&later);
    g_autofree char *expected = plain (currency, d->forecast_later);

    record (out, 5, "later", start, "", expected, "");
  }
}

char *
settle_dashboard_to_csv (const SettleDashboard *dashboard,
                         SettleReportCsvPart    part)
{
  GString *out;

  g_return_val_if_fail (dashboard != NULL, NULL);

  if (part == SETTLE_REPORT_CSV_AGING)
    return settle_aging_to_csv (dashboard->aging);

  out = g_string_new (NULL);
  switch (part)
    {
    case SETTLE_REPORT_CSV_METRICS:
      metrics_csv (out, &dashboard->metrics);
      break;
    case SETTLE_REPORT_CSV_CLIENTS:
      clients_csv (out, dashboard);
      break;
    case SETTLE_REPORT_CSV_TREND:
      trend_csv (out, dashboard);
      break;
    case SETTLE_REPORT_CSV_FORECAST:
      forecast_csv (out, dashboard);
      break;
    case SETTLE_REPORT_CSV_AGING:
    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, FALSE);
}

/* GLib's message names the temporary file; the bookkeeper knows only theirs. */
static const char *
why_not (const GError *error)
{
  static const struct { GFileError code; int errnum; } known[] = {
    { G_FILE_ERROR_NOENT, ENOENT }, { G_FILE_ERROR_ACCES, EACCES }, { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_NOSPC, ENOSPC }, { G_FILE_ERROR_ROFS, EROFS }, { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_NOTDIR, ENOTDIR }, { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (error->code == (int) known[i].code)
      return g_strerror (known[i].errnum);
  return error->message;
}

gboolean
settle_report_csv_write (const char  *csv,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* g_file_set_contents writes a temporary sibling and renames it into place. */
  if (!g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, local->code,
                   /* Translators: the first %s is a file's path, the second why it failed */
                   _("Could not write “%s”: %s"), display, why_not (local));
      return FALSE;
    }
  return TRUE;
}
