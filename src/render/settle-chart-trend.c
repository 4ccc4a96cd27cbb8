/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's plots with a value axis: the DSO trend and the 13-week cash
 * forecast. Fixed bands, like the stacked chart, so the hit tests agree with the
 * drawing without a cairo context. */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "settle-chart-dashboard-private.h"
#include "settle-chart-dashboard.h"
#include "settle-money.h"

#define AXIS_BAND    22.0   /* x labels under a plot */
#define VALUE_BAND   18.0   /* values above the highest point */
#define NOTE_BAND    20.0

/* ---- Plots with a value axis: DSO trend and forecast ------------------------------ */

typedef struct
{
  double left, right, top, baseline;
  double slot_w;
  gint64 step, max;        /* the axis' step and top value */
} Plot;

static void
plot_geometry (double  width,
               double  height,
               double  axis_w,
               double  legend_h,
               guint   n_slots,
               gint64  max_value,
               double  bottom_note,
               Plot   *p)
{
  p->left = SETTLE_CHART_PAD + axis_w;
  p->right = width - SETTLE_CHART_PAD;
  p->top = SETTLE_CHART_PAD + legend_h + VALUE_BAND;
  p->baseline = height - SETTLE_CHART_PAD - AXIS_BAND - bottom_note;
  p->slot_w = n_slots > 0 ? MAX (0, (p->right - p->left) / n_slots) : 0;
  p->step = settle_chart_nice_step (MAX (max_value, 1), 4);
  p->max = ((MAX (max_value, 1) + p->step - 1) / p->step) * p->step;
}

static double
plot_y (const Plot *p,
        gint64      value)
{
  return p->baseline - (p->baseline - p->top) * ((double) value / (double) p->max);
}

typedef char *(*AxisLabelFunc) (gint64 value, gconstpointer data);

static void
plot_grid (cairo_t              *cr,
           const SettleChartInk *ink,
           const Plot           *p,
           AxisLabelFunc         label,
           gconstpointer         data)
{
  cairo_set_line_width (cr, 1.0);
  for (gint64 v = 0; v <= p->max; v += p->step)
    {
      double y = round (plot_y (p, v)) + 0.5;
      g_autofree char *text = label (v, data);

      settle_chart_set_rgb (cr, v == 0 ? &ink->pal->muted : &ink->pal->grid);
      cairo_move_to (cr, p->left, y);
      cairo_line_to (cr, p->right, y);
      cairo_stroke (cr);
      settle_chart_put_text (cr, ink, p->left - 6, y - ink->small.size * 0.75, 1, FALSE,
                             p->left - SETTLE_CHART_PAD - 6, text, &ink->small);
    }
}

static char *
days_axis_label (gint64        value,
                 gconstpointer data)
{
  /* value in hundredths; the axis steps are whole days */
  return g_strdup_printf ("%" G_GINT64_FORMAT, value / 100);
}

static char *
money_axis_label (gint64        value,
                  gconstpointer data)
{
  return settle_chart_round_money_text (data, value);
}

static char *
month_label (const GDate *date,
             gboolean     with_year)
{
  char buf[64];

  /* Translators: strftime formats of the charts' months: "Mar" and "Jan 2026" */
  if (g_date_strftime (buf, sizeof buf, with_year ? C_("chart month", "%b %Y")
                                                  : C_("chart month", "%b"), date) == 0)
    buf[0] = '\0';
  return g_strdup (buf);
}

static char *
day_label (const GDate *date)
{
  char buf[64];

  /* Translators: strftime format of a week's first day under the forecast chart: "Mar 3" */
  if (g_date_strftime (buf, sizeof buf, C_("chart day", "%b %-d"), date) == 0)
    buf[0] = '\0';
  return g_strdup (buf);
}

static const char *
dashboard_currency (const SettleDashboard *d)
{
  if (d->aging != NULL && d->aging->currency[0] != '\0')
    return d->aging->currency;
  return d->metrics.currency;
}

#define TREND_AXIS 40.0

static gint64
trend_max (const SettleDashboard *d)
{
  gint64 max = 0;

  for (int i = 0; i < SETTLE_TREND_N_MONTHS; i++)
    if (d->trend[i].dso_defined)
      max = MAX (max, d->trend[i].dso_x100);
  /* Whole days on the axis. */
  return MAX (100, ((max + 99) / 100) * 100);
}

static void
trend_geometry (double                 width,
                double                 height,
                const SettleDashboard *d,
                Plot                  *p)
{
  plot_geometry (width, height, TREND_AXIS, 0, SETTLE_TREND_N_MONTHS, trend_max (d), 0, p);
  p->step = MAX (100, (p->step / 100) * 100);
  p->max = ((trend_max (d) + p->step - 1) / p->step) * p->step;
}

void
settle_chart_draw_dso_trend (cairo_t                    *cr,
                             double                      width,
                             double                      height,
                             const SettleDashboard      *d,
                             const PangoFontDescription *font,
                             gboolean                    dark_theme)
{
  gboolean have_prev = FALSE, any = FALSE;
  double prev_x = 0, prev_y = 0;
  Plot p;
  SettleChartInk ink;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (d != NULL);

  trend_geometry (width, height, d, &p);
  if (p.slot_w <= 0 || p.baseline - p.top < 8)
    return;
  cairo_save (cr);
  settle_chart_ink_init (&ink, cr, font, dark_theme);
  plot_grid (cr, &ink, &p, days_axis_label, NULL);
  /* Translators: the unit of the DSO trend's axis, over its numbers */
  settle_chart_put_text (cr, &ink, p.left - 6, SETTLE_CHART_PAD - 2, 1, FALSE, -1, _("days"),
                         &ink.small);

  /* The line first, the points and values over it. */
  settle_chart_set_rgb (cr, &ink.pal->accent);
  cairo_set_line_width (cr, 2.0);
  for (int i = 0; i < SETTLE_TREND_N_MONTHS; i++)
    {
      const SettleMetricsMonth *m = &d->trend[i];
      double x = p.left + p.slot_w * (i + 0.5);
      double y;

      if (!m->dso_defined)
        {
          have_prev = FALSE;
          continue;
        }
      y = plot_y (&p, m->dso_x100);
      if (have_prev)
        {
          cairo_move_to (cr, prev_x, prev_y);
          cairo_line_to (cr, x, y);
          cairo_stroke (cr);
        }
      prev_x = x;
      prev_y = y;
      have_prev = TRUE;
    }

  for (int i = 0; i < SETTLE_TREND_N_MONTHS; i++)
    {
      const SettleMetricsMonth *m = &d->trend[i];
      double x = p.left + p.slot_w * (i + 0.5);
      gboolean with_year = i == 0 || g_date_get_month (&m->month_end) == G_DATE_JANUARY;
      g_autofree char *month = month_label (&m->month_end, with_year && p.slot_w > 56);

      settle_chart_put_text (cr, &ink, x, p.baseline + 5, 0, FALSE, p.slot_w - 2, month,
                             &ink.label);
      if (!m->dso_defined)
        continue;
      any = TRUE;
      {
        double y = plot_y (&p, m->dso_x100);
        g_autofree char *value = settle_format_fixed ((m->dso_x100 + 50) / 100 * 100, 2, TRUE);

        /* A path of its own: the month label drawn before left a current point. */
        cairo_new_path (cr);
        cairo_arc (cr, x, y, i == SETTLE_TREND_N_MONTHS - 1 ? 5.0 : 3.5, 0, 2 * G_PI);
        settle_chart_set_rgb (cr, &ink.pal->accent);
        cairo_fill (cr);
        settle_chart_put_text (cr, &ink, x, y - 5, 0, TRUE, p.slot_w - 2, value, &ink.small);
      }
    }
  if (!any)
    settle_chart_put_text (cr, &ink, (p.left + p.right) / 2, (p.top + p.baseline) / 2, 0, TRUE,
              p.right - p.left, _("No sales in these months: DSO is not defined"), &ink.label);

  settle_chart_ink_clear (&ink);
  cairo_restore (cr);
}

int
settle_chart_dso_trend_at (double                 width,
                           double                 height,
                           const SettleDashboard *d,
                           double                 x,
                           double                 y)
{
  Plot p;
  int i;

  g_return_val_if_fail (d != NULL, -1);

  trend_geometry (width, height, d, &p);
  if (p.slot_w <= 0 || x < p.left || y < SETTLE_CHART_PAD || y > p.baseline + AXIS_BAND)
    return -1;
  i = (int) floor ((x - p.left) / p.slot_w);
  return i >= 0 && i < SETTLE_TREND_N_MONTHS ? i : -1;
}

char *
settle_chart_describe_dso_month (const SettleDashboard *d,
                                 int                    month)
{
  const SettleMetricsMonth *m;
  g_autofree char *name = NULL;
  g_autofree char *ar = NULL, *sales = NULL;

  g_return_val_if_fail (d != NULL, NULL);
  g_return_val_if_fail (month >= 0 && month < SETTLE_TREND_N_MONTHS, NULL);

  m = &d->trend[month];
  name = month_label (&m->month_end, TRUE);
  ar = settle_chart_money_text (dashboard_currency (d), m->ending_ar);
  sales = settle_chart_money_text (dashboard_currency (d), m->credit_sales);
  if (!m->dso_defined)
    /* Translators: a month of the DSO trend without sales:
     * "Mar 2026: DSO not defined (no sales); receivables $0.00" */
    return g_strdup_printf (_("%s: DSO not defined (no sales); receivables %s"), name, ar);
  {
    g_autofree char *days = settle_chart_format_days (m->dso_x100);

    /* Translators: "Mar 2026: DSO 41.27 days; receivables $12,000.00; sales $9,000.00" */
    return g_strdup_printf (_("%s: DSO %s; receivables %s; sales %s"), name, days, ar, sales);
  }
}

char *
settle_chart_describe_dso_trend (const SettleDashboard *d)
{
  GString *out;

  g_return_val_if_fail (d != NULL, NULL);

  /* Translators: the start of the DSO trend chart's accessible description */
  out = g_string_new (_("DSO at each month end, trailing 3 months: "));
  for (int i = 0; i < SETTLE_TREND_N_MONTHS; i++)
    {
      const SettleMetricsMonth *m = &d->trend[i];
      g_autofree char *name = month_label (&m->month_end, TRUE);

      if (m->dso_defined)
        {
          g_autofree char *days = settle_chart_format_days (m->dso_x100);

          g_string_append_printf (out, _("%s: %s"), name, days);
        }
      else
        /* Translators: a month of the trend whose DSO is not defined */
        g_string_append_printf (out, _("%s: not defined"), name);
      g_string_append (out, i + 1 < SETTLE_TREND_N_MONTHS ? "; " : ".");
    }
  return g_string_free (out, FALSE);
}

/* ---- Forecast ---------------------------------------------------------------------- */

#define FORECAST_AXIS 84.0


static void
forecast_geometry (double                 width,
                   double                 height,
                   const SettleDashboard *d,
                   Plot                  *p)
{
  gint64 max = 0;

  for (int i = 0; i < SETTLE_FORECAST_N_WEEKS; i++)
    max = MAX (max, d->forecast[i].expected);
  plot_geometry (width, height, FORECAST_AXIS, SETTLE_CHART_LEGEND_BAND, SETTLE_FORECAST_N_WEEKS,
                 max,
                 NOTE_BAND, p);
}

void
settle_chart_draw_forecast (cairo_t                    *cr,
                            double                      width,
                            double                      height,
                            const SettleDashboard      *d,
                            const PangoFontDescription *font,
                            gboolean                    dark_theme)
{
  const char *currency;
  const char *names[2];
  const SettleRgb *colours[2];
  g_autofree char *later = NULL, *note = NULL;
  double bar_w;
  Plot p;
  SettleChartInk ink;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (d != NULL);

  currency = dashboard_currency (d);
  forecast_geometry (width, height, d, &p);
  if (p.slot_w <= 0 || p.baseline - p.top < 8)
    return;
  cairo_save (cr);
  settle_chart_ink_init (&ink, cr, font, dark_theme);
  names[0] = _("Not yet due");
  names[1] = _("From overdue invoices");
  colours[0] = &ink.pal->accent;
  colours[1] = &ink.pal->warning;
  settle_chart_legend (cr, &ink, p.left, SETTLE_CHART_PAD, p.right, 2, names, colours);
  plot_grid (cr, &ink, &p, money_axis_label, currency);

  bar_w = MIN (p.slot_w * 0.66, 40.0);
  for (int i = 0; i < SETTLE_FORECAST_N_WEEKS; i++)
    {
      const SettleForecastWeek *w = &d->forecast[i];
      double x = p.left + p.slot_w * (i + 0.5);
      double y_all = plot_y (&p, MAX (0, w->expected));
      double y_over = plot_y (&p, CLAMP (w->overdue_part, 0, MAX (0, w->expected)));

      if (w->expected > 0)
        {
          settle_chart_set_rgb (cr, &ink.pal->accent);
          cairo_rectangle (cr, x - bar_w / 2, y_all, bar_w, y_over - y_all);
          cairo_fill (cr);
          settle_chart_set_rgb (cr, &ink.pal->warning);
          cairo_rectangle (cr, x - bar_w / 2, y_over, bar_w, p.baseline - y_over);
          cairo_fill (cr);
        }
      /* Every other date when they would crowd. */
      if (p.slot_w >= 44 || i % 2 == 0)
        {
          g_autofree char *day = day_label (&w->week_start);
          double room = p.slot_w >= 44 ? p.slot_w - 2 : 2 * p.slot_w - 4;

          settle_chart_put_text (cr, &ink, x, p.baseline + 5, 0, FALSE, room, day, &ink.small);
        }
    }

  later = settle_chart_money_text (currency, d->forecast_later);
  /* Translators: under the forecast chart; %s is an amount */
  note = g_strdup_printf (_("Expected later than 13 weeks: %s. Weeks start on the as-of date."),
                          later);
  settle_chart_put_text (cr, &ink, p.left, height - SETTLE_CHART_PAD - NOTE_BAND + 4, -1, FALSE,
                         p.right - p.left, note, &ink.small);

  settle_chart_ink_clear (&ink);
  cairo_restore (cr);
}

int
settle_chart_forecast_at (double                 width,
                          double                 height,
                          const SettleDashboard *d,
                          double                 x,
                          double                 y)
{
  Plot p;
  int i;

  g_return_val_if_fail (d != NULL, -1);

  forecast_geometry (width, height, d, &p);
  if (p.slot_w <= 0 || x < p.left || y < SETTLE_CHART_PAD + SETTLE_CHART_LEGEND_BAND
      || y > p.baseline + AXIS_BAND)
    return -1;
  i = (int) floor ((x - p.left) / p.slot_w);
  return i >= 0 && i < SETTLE_FORECAST_N_WEEKS ? i : -1;
}

char *
settle_chart_describe_forecast_week (const SettleDashboard *d,
                                     int                    week)
{
  const SettleForecastWeek *w;
  g_autofree char *day = NULL, *expected = NULL, *overdue = NULL;

  g_return_val_if_fail (d != NULL, NULL);
  g_return_val_if_fail (week >= 0 && week < SETTLE_FORECAST_N_WEEKS, NULL);

  w = &d->forecast[week];
  day = settle_date_to_iso (&w->week_start);
  {
    char buf[64];

    /* Translators: strftime format of a week's first day in the forecast's descriptions */
    if (g_date_strftime (buf, sizeof buf, C_("chart week", "%b %-d, %Y"), &w->week_start) > 0)
      {
        g_free (day);
        day = g_strdup (buf);
      }
  }
  expected = settle_chart_money_text (dashboard_currency (d), w->expected);
  overdue = settle_chart_money_text (dashboard_currency (d), w->overdue_part);
  /* Translators: "Week of Mar 3, 2026: $4,000.00 expected, $1,500.00 of it from overdue
   * invoices" */
  return g_strdup_printf (_("Week of %s: %s expected, %s of it from overdue invoices"), day,
                          expected, overdue);
}

char *
settle_chart_describe_forecast (const SettleDashboard *d)
{
  g_autofree char *later = NULL;
  GString *out;
  gint64 total = 0;

  g_return_val_if_fail (d != NULL, NULL);

  out = g_string_new (NULL);
  for (int i = 0; i < SETTLE_FORECAST_N_WEEKS; i++)
    {
      g_autofree char *week = settle_chart_describe_forecast_week (d, i);

      g_string_append (out, week);
      g_string_append (out, "; ");
      total += d->forecast[i].expected;
    }
  later = settle_chart_money_text (dashboard_currency (d), d->forecast_later);
  {
    g_autofree char *sum = settle_chart_money_text (dashboard_currency (d), total);

    /* Translators: the end of the forecast chart's description; both %s are amounts */
    g_string_append_printf (out, _("%s expected in 13 weeks; %s later."), sum, later);
  }
  return g_string_free (out, FALSE);
}
