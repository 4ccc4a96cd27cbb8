/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-chart.h"

#define WIDTH  520
#define HEIGHT 260

static SettleAgingReport *
make_report (gint64 current,
             gint64 d30,
             gint64 d60,
             gint64 d90,
             gint64 d91,
             gint64 credit)
{
  SettleAgingReport *report = g_new0 (SettleAgingReport, 1);
  gint64 values[] = { current, d30, d60, d90, d91 };

  g_date_clear (&report->as_of, 1);
  g_date_set_dmy (&report->as_of, 31, G_DATE_MARCH, 2024);
  report->basis = SETTLE_AGING_BY_DUE_DATE;
  memcpy (report->currency, "USD", 4);
  report->edges[0] = 30;
  report->edges[1] = 60;
  report->edges[2] = 90;
  report->totals.client_name = g_strdup ("");
  report->totals.balance = -credit;
  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      report->totals.buckets[i] = values[i];
      report->totals.balance += values[i];
    }
  report->totals.credit = credit;
  report->rows = g_ptr_array_new ();
  return report;
}

/* Saves what the test drew when SETTLE_TEST_PNG_DIR is set, for people to look at. */
static void
maybe_save (cairo_surface_t *surface,
            const char      *name)
{
  const char *dir = g_getenv ("SETTLE_TEST_PNG_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

static void
test_describe (void)
{
  g_autoptr(SettleAgingReport) report = make_report (1200000, 340000, 0, 75050, 120000, 50000);
  g_autofree char *text = settle_chart_describe_aging (report);
  g_autofree char *bucket = settle_chart_describe_aging_bucket (report, 1);

  g_assert_nonnull (strstr (text, "Current: $12,000.00"));
  g_assert_nonnull (strstr (text, "1–30 days: $3,400.00"));
  g_assert_nonnull (strstr (text, "31–60 days: $0.00"));
  g_assert_nonnull (strstr (text, "61–90 days: $750.50"));
  g_assert_nonnull (strstr (text, "91+ days: $1,200.00"));
  g_assert_nonnull (strstr (text, "Unapplied credits: $500.00"));
  g_assert_nonnull (strstr (text, "Total receivables: $16,850.50."));

  /* 3,400 of 17,350.50 is 19.6 % */
  g_assert_cmpstr (bucket, ==, "1–30 days: $3,400.00 (20 % of open invoices)");
}

static void
test_hit (void)
{
  g_autoptr(SettleAgingReport) report = make_report (1200000, 340000, 0, 75050, 120000, 0);
  double slot = (WIDTH - 24.0) / SETTLE_AGING_N_BUCKETS;

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      g_assert_cmpint (settle_chart_aging_bar_at (WIDTH, HEIGHT, report, 12 + slot * (i + 0.5),
                                                  HEIGHT / 2.0), ==, i);
      /* the label under the bar counts too */
      g_assert_cmpint (settle_chart_aging_bar_at (WIDTH, HEIGHT, report, 12 + slot * (i + 0.5),
                                                  HEIGHT - 20.0), ==, i);
    }
  g_assert_cmpint (settle_chart_aging_bar_at (WIDTH, HEIGHT, report, 2, HEIGHT / 2.0), ==, -1);
  g_assert_cmpint (settle_chart_aging_bar_at (WIDTH, HEIGHT, report, WIDTH - 2, HEIGHT / 2.0), ==,
                   -1);
  g_assert_cmpint (settle_chart_aging_bar_at (WIDTH, HEIGHT, report, WIDTH / 2.0, 2), ==, -1);
  g_assert_cmpint (settle_chart_aging_bar_at (WIDTH, HEIGHT, report, WIDTH / 2.0, HEIGHT - 2), ==,
                   -1);
}

/* The pixel at the foot of a bar has the bucket's colour: green for current, red
 * for 91+. */
static void
test_draw (void)
{
  g_autoptr(SettleAgingReport) report = make_report (1200000, 340000, 0, 75050, 1020000, 50000);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double slot = (WIDTH - 24.0) / SETTLE_AGING_N_BUCKETS;
  unsigned char *data;
  int stride, baseline_probe;
  guint32 current, oldest;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  settle_chart_draw_aging (cr, WIDTH, HEIGHT, report, NULL, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  maybe_save (surface, "aging-chart-light.png");

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  baseline_probe = HEIGHT / 2;
  current = *(guint32 *) (data + baseline_probe * stride + (int) (12 + slot * 0.5) * 4);
  oldest = *(guint32 *) (data + baseline_probe * stride + (int) (12 + slot * 4.5) * 4);
  /* green dominates the first bar, red the last */
  g_assert_cmpuint ((current >> 8) & 0xff, >, (current >> 16) & 0xff);
  g_assert_cmpuint ((oldest >> 16) & 0xff, >, (oldest >> 8) & 0xff);
  cairo_surface_destroy (surface);
}

static void
test_draw_dark_and_empty (void)
{
  g_autoptr(SettleAgingReport) report = make_report (1200000, 340000, 95000, 75050, 120000, 0);
  g_autoptr(SettleAgingReport) empty = make_report (0, 0, 0, 0, 0, 0);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 11");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  cairo_paint (cr);
  settle_chart_draw_aging (cr, WIDTH, HEIGHT, report, font, TRUE);
  cairo_surface_flush (surface);
  maybe_save (surface, "aging-chart-dark.png");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  settle_chart_draw_aging (cr, WIDTH, HEIGHT, empty, NULL, FALSE);
  cairo_surface_flush (surface);
  maybe_save (surface, "aging-chart-empty.png");

  /* too small to draw anything: must not crash or draw outside */
  settle_chart_draw_aging (cr, 20, 10, report, NULL, FALSE);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/chart/describe", test_describe);
  g_test_add_func ("/render/chart/hit", test_hit);
  g_test_add_func ("/render/chart/draw", test_draw);
  g_test_add_func ("/render/chart/draw-dark-and-empty", test_draw_dark_and_empty);

  return g_test_run ();
}
