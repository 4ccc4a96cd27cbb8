/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the full dashboard refresh (aging, metrics, clients, trend, forecast) on a big
 * book, warm, as of TODAY and as of a past date, with the time of each part.
 * Usage: bench-dashboard BOOK [TODAY [PAST]]   (a copy: opening migrates the book) */
#define G_LOG_DOMAIN "settle-bench"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "settle-book.h"
#include "settle-dashboard.h"

#define RUNS 5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the process (all threads): what the refresh costs, whatever else the
 * shared machine runs meanwhile. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
median (double *v,
        int     n)
{
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        double t = v[j];

        v[j] = v[j - 1];
        v[j - 1] = t;
      }
  return v[n / 2];
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SettleDashboard **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = settle_dashboard_compute_finish (SETTLE_BOOK (source), result, &error);
  g_assert_no_error (error);
}

/* What the window does: a worker with its own connection, the result on the main
 * context. */
static double
time_async (SettleBook               *book,
            const SettleAgingOptions *options)
{
  double t[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      SettleDashboard *d = NULL;
      double start = now_ms ();

      settle_dashboard_compute_async (book, options, NULL, computed_cb, &d);
      while (d == NULL)
        g_main_context_iteration (NULL, TRUE);
      t[i] = now_ms () - start;
      settle_dashboard_free (d);
    }
  return median (t, RUNS);
}

static void
time_dashboard (SettleBook  *book,
                const GDate *as_of)
{
  g_autofree char *iso = settle_date_to_iso (as_of);
  SettleAgingOptions options;
  double t[RUNS], cpu[RUNS], first = 0;
  double parts[4][RUNS];

  settle_aging_options_init (&options, book, as_of);
  for (int i = -1; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SettleDashboard) d = NULL;
      g_autoptr(SettleAgingReport) aging = NULL;
      g_autoptr(GPtrArray) clients = NULL;
      SettleMetrics m;
      double start = now_ms (), start_cpu = cpu_ms (), p0, p1, p2;

      d = settle_dashboard_compute (book, &options, &error);
      g_assert_no_error (error);
      if (i < 0)
        {
          first = now_ms () - start;
          printf ("dashboard as of %s: ending AR %" G_GINT64_FORMAT ", DSO %.2f, CEI %.2f %%, "
                  "%u clients, forecast week 0 %" G_GINT64_FORMAT "\n",
                  iso, d->metrics.ending_ar, d->metrics.dso_simple_x100 / 100.0,
                  d->metrics.cei_bp / 100.0, d->clients->len, d->forecast[0].expected);
          continue;
        }
      t[i] = now_ms () - start;
      cpu[i] = cpu_ms () - start_cpu;

      /* The parts alone, for where the time goes. */
      p0 = now_ms ();
      aging = settle_aging_compute_with (book, &options, &error);
      g_assert_no_error (error);
      p1 = now_ms ();
      settle_metrics_compute (book, as_of, SETTLE_DASHBOARD_MONTHS, NULL, &m, &error);
      g_assert_no_error (error);
      p2 = now_ms ();
      clients = settle_metrics_list_clients (book, as_of, NULL, NULL, &error);
      g_assert_no_error (error);
      parts[0][i] = p1 - p0;
      parts[1][i] = p2 - p1;
      parts[2][i] = now_ms () - p2;
    }
  printf ("dashboard as of %s: CPU time median %.1f ms\n", iso, median (cpu, RUNS));
  printf ("dashboard as of %s: median %.1f ms of %d warm (cold-ish first %.1f ms); "
          "parts alone: aging %.1f ms, metrics (incl. its own aging) %.1f ms, clients %.1f ms\n",
          iso, median (t, RUNS), RUNS, first, median (parts[0], RUNS), median (parts[1], RUNS),
          median (parts[2], RUNS));
  printf ("dashboard as of %s, async (worker connection, as the window): median %.1f ms of %d\n",
          iso, time_async (book, &options), RUNS);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  GDate today, past;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s BOOK [TODAY [PAST]]\n", argv[0]);
      return 2;
    }
  book = settle_book_open (argv[1], SETTLE_BOOK_OPEN_DEFAULT, &error);
  if (book == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (argc < 3 || !settle_date_parse (argv[2], &today))
    settle_today (&today);
  if (argc < 4 || !settle_date_parse (argv[3], &past))
    {
      past = today;
      g_date_subtract_days (&past, 100);
    }
  time_dashboard (book, &today);
  time_dashboard (book, &past);
  return 0;
}
