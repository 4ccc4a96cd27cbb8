/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-bench"

#include "config.h"

#include <string.h>

#include "settle-aging-view.h"
#include "settle-gui.h"
#include "settle-window.h"
#include "settle-gui-test.h"

/* Is the window responsive while it works on a big book? Opens the real window on
 * BOOK and, while the book opens, the dashboard computes (as of TODAY, then as of
 * PAST), a 5 ms timer on the main loop records how late
 * it fires: the longest gap is how long the window could not draw or take a key.
 *
 *   bench-window BOOK TODAY PAST      (under Xvfb: see bench/run-window) */

typedef struct
{
  gint64 last;
  gint64 max_gap;
  guint  over_50;
  guint  over_100;
} Probe;

static Probe probe;

static gboolean
probe_tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (probe.last != 0)
    {
      gint64 gap = now - probe.last;

      probe.max_gap = MAX (probe.max_gap, gap);
      probe.over_50 += gap > 50000;
      probe.over_100 += gap > 100000;
    }
  probe.last = now;
  return G_SOURCE_CONTINUE;
}

static gint64 started;

static void
phase_begin (void)
{
  memset (&probe, 0, sizeof probe);
  probe.last = g_get_monotonic_time ();
  started = probe.last;
}

static void
phase_end (const char *what)
{
  g_print ("| %s | %.0f ms | %.1f ms | %u | %u |\n", what,
           (g_get_monotonic_time () - started) / 1000.0, probe.max_gap / 1000.0,
           probe.over_50, probe.over_100);
}

static gboolean
shows (SettleAgingView *view,
       const GDate     *date)
{
  const SettleDashboard *d = settle_aging_view_get_dashboard (view);

  return !settle_aging_view_get_busy (view) && d != NULL
         && g_date_compare (&d->aging->as_of, date) == 0;
}

int
main (int   argc,
      char *argv[])
{
  GtkApplication *app;
  SettleWindow *window;
  SettleAgingView *view;
  SettleAgingOptions options;
  GDate today, past;

  if (argc != 4 || !settle_date_parse (argv[2], &today) || !settle_date_parse (argv[3], &past))
    {
      g_printerr ("usage: bench-window BOOK TODAY PAST\n");
      return 2;
    }
  if (!settle_gui_test_init (&argc, &argv, argv[2]))
    {
      g_printerr ("bench-window: no display (run it under xvfb-run)\n");
      return 2;
    }
  settle_gui_test_set_timeout (600);
  app = settle_gui_test_app_new ();
  window = settle_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (5, probe_tick, NULL);

  g_print ("| step | until done | longest main-loop gap | gaps > 50 ms | gaps > 100 ms |\n");
  g_print ("|---|---|---|---|---|\n");

  phase_begin ();
  settle_window_open (window, argv[1], FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);
  phase_end ("open the book (invoice list shown)");

  phase_begin ();
  settle_window_set_view (window, "aging");
  view = settle_window_get_aging_view (window);
  SETTLE_GUI_TEST_WAIT_FOR (shows (view, &today));
  phase_end ("dashboard as of today");

  phase_begin ();
  options = *settle_aging_view_get_options (view);
  options.as_of = past;
  settle_aging_view_set_options (view, &options);
  SETTLE_GUI_TEST_WAIT_FOR (shows (view, &past));
  phase_end ("dashboard as of the past date");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return 0;
}
