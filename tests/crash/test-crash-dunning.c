/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 120-day collections scenario with every day's run done by a child process that
 * is killed with SIGKILL at a random point (between items, inside an item's
 * transaction, or while it writes collections packets), then run again by the
 * parent. After each kill the book must hold whole steps only, and at the end exactly
 * the expected schedule: the same emails, fees, holds and packets, none twice. */
#define G_LOG_DOMAIN "settle-test"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "settle-aging.h"
#include "settle-book-private.h"
#include "settle-collections-packet.h"
#include "settle-dunning.h"
#include "settle-test-util.h"
#include "settle-dunning-scenario.h"

static gint64
query (SettleBook *book,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (settle_book_get_db (book), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* What must hold at any moment, killed or not: a logged step has its email (the
 * client has an address) and, for collections, its packet record. */
static void
check_whole (SettleBook *book)
{
  g_assert_cmpint (query (book, "SELECT count(*) FROM dunning_log l JOIN invoices i ON "
                                "i.id = l.invoice_id JOIN clients c ON c.id = i.client_id "
                                "WHERE l.channel <> 'phone-task' AND c.email <> '' AND "
                                "l.outbox_job_id IS NULL"), ==, 0);
  g_assert_cmpint (query (book, "SELECT count(*) FROM outbox_jobs j WHERE NOT EXISTS "
                                "(SELECT 1 FROM dunning_log l WHERE l.outbox_job_id = j.id)"),
                   ==, 0);
  g_assert_cmpint (query (book, "SELECT count(*) FROM dunning_log l WHERE l.action = "
                                "'collections' AND NOT EXISTS (SELECT 1 FROM "
                                "collections_packets p WHERE p.dunning_log_id = l.id)"), ==, 0);
  g_assert_cmpint (query (book, "SELECT count(*) FROM dunning_log l WHERE l.action = 'hold' "
                                "AND (SELECT on_hold FROM clients c JOIN invoices i ON "
                                "i.client_id = c.id WHERE i.id = l.invoice_id) = 0"), ==, 0);
  settle_test_assert_invariants (book);
}

static void
child_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  int fd = GPOINTER_TO_INT (user_data);
  char c = 'x';

  if (write (fd, &c, 1) != 1)
    _exit (2);
}

static void
run_child (const char  *path,
           const GDate *day,
           int          fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  SettleDunningResult result;
  guint n = 0;

  if (book == NULL || !settle_dunning_run (book, day, child_progress, GINT_TO_POINTER (fd), NULL,
                                           &result, &error) ||
      !settle_collections_packet_write_pending (book, &dunning_scenario_renderer, &n, &error))
    {
      g_printerr ("child: %s\n", error->message);
      _exit (1);
    }
  _exit (0);
}

static void
test_kill_dunning_runs (void)
{
  DunningScenario *sc = dunning_scenario_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (settle_book_get_path (sc->book));
  GDate day = settle_test_date (SCENARIO_FIRST_DAY);
  guint killed = 0, cut_short = 0;

  for (guint d = 0; d < SCENARIO_N_DAYS; d++, g_date_add_days (&day, 1))
    {
      g_autoptr(SettleDunningPlan) plan = NULL;
      SettleDunningResult result;
      int status, fds[2];
      guint target, seen = 0;
      gint64 steps_before;
      char buf[64];
      gssize n;
      pid_t pid;

      dunning_scenario_apply_events (sc, &day);
      plan = settle_dunning_plan (sc->book, &day, &error);
      g_assert_no_error (error);
      if (plan->items->len == 0)
        continue;
      steps_before = query (sc->book, "SELECT count(*) FROM dunning_log");
      target = g_test_rand_int_range (0, plan->items->len);

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_child (path, &day, fds[1]);
        }
      close (fds[1]);
      while (seen < target && (n = read (fds[0], buf, MIN (sizeof buf, target - seen))) > 0)
        seen += n;
      /* Somewhere inside the next item's transaction, or just after it. */
      g_usleep (g_test_rand_int_range (0, 3000));
      if (kill (pid, SIGKILL) == 0)
        killed++;
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      close (fds[0]);
      if (WIFSIGNALED (status) &&
          query (sc->book, "SELECT count(*) FROM dunning_log") - steps_before <
          plan->n_reminders + plan->n_phone_tasks)
        cut_short++;

      check_whole (sc->book);
      /* The rerun does only what the killed run did not. */
      g_assert_true (settle_dunning_run (sc->book, &day, NULL, NULL, NULL, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpint (query (sc->book, "SELECT count(*) FROM dunning_log") - steps_before, ==,
                       plan->n_reminders + plan->n_phone_tasks);
      check_whole (sc->book);
    }
  g_test_message ("%u runs killed, %u of them before all their steps were done", killed,
                  cut_short);
  g_assert_cmpuint (killed, >, 10);
  g_assert_cmpuint (cut_short, >, 5);
  dunning_scenario_check (sc);
  dunning_scenario_free (sc);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/dunning-runs", test_kill_dunning_runs);
  return g_test_run ();
}
