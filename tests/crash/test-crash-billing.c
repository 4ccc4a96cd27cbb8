/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kills a big billing run with SIGKILL at random points, several times, and checks
 * after each kill that the book holds whole invoices only, each with its billed-period
 * row, numbers without gaps, and that a final run ends with exactly one invoice per
 * (agreement, period). */
#define G_LOG_DOMAIN "settle-test"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "settle-agreement.h"
#include "settle-aging.h"
#include "settle-billing.h"
#include "settle-book-private.h"
#include "settle-test-util.h"

#define N_AGREEMENTS 500
#define N_PERIODS    24 /* monthly, 2025-01-01 to 2026-12-31 */
#define N_KILLS      6

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

static void
make_agreements (SettleBook *book)
{
  g_autoptr(GError) error = NULL;
  SettleId clients[20];

  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %02u", i);
      clients[i] = settle_test_add_client (book, name, 30);
    }
  g_assert_true (settle_book_begin (book, &error));
  for (guint i = 0; i < N_AGREEMENTS; i++)
    {
      g_autoptr(SettleAgreement) ag = settle_agreement_new (clients[i % 20], "USD");

      g_free (ag->name);
      ag->name = g_strdup_printf ("Care plan %u", i);
      ag->start_date = settle_test_date ("2025-01-01");
      ag->auto_issue = i % 3 != 0;
      settle_agreement_add_line (ag, "Managed endpoints", 1000 * (1 + i % 7), 4500, 0, FALSE);
      settle_agreement_add_line (ag, "Backup", 1000, 1999, 825, FALSE);
      settle_agreement_save (book, ag, &error);
      g_assert_no_error (error);
    }
  g_assert_true (settle_book_commit (book, &error));
}

/* What must hold at any moment, killed or not. */
static void
check_book (SettleBook *book)
{
  settle_test_assert_invariants (book);
  /* Every invoice a run made has its period row, and every period row its invoice. */
  g_assert_cmpint (query (book, "SELECT count(*) FROM invoices i WHERE agreement_id IS NOT NULL "
                                "AND NOT EXISTS (SELECT 1 FROM billed_periods b "
                                "WHERE b.invoice_id = i.id)"), ==, 0);
  g_assert_cmpint (query (book, "SELECT count(*) FROM billed_periods b WHERE NOT EXISTS "
                                "(SELECT 1 FROM invoices i WHERE i.id = b.invoice_id)"), ==, 0);
  /* Whole invoices: two lines each, totals matching the lines. */
  g_assert_cmpint (query (book, "SELECT count(*) FROM invoices i WHERE (SELECT count(*) FROM "
                                "invoice_lines l WHERE l.invoice_id = i.id) <> 2"), ==, 0);
  g_assert_cmpint (query (book, "SELECT count(*) FROM invoices i WHERE total <> (SELECT "
                                "sum(net + tax) FROM invoice_lines l WHERE l.invoice_id = i.id)"),
                   ==, 0);
  /* Gapless numbers: as many numbered invoices as the series gave. */
  g_assert_cmpint (query (book, "SELECT count(*) FROM invoices WHERE number IS NOT NULL"), ==,
                   query (book, "SELECT next_value - 1 FROM number_series WHERE name = 'invoice'"));
  /* Issued exactly when the agreement says so. */
  g_assert_cmpint (query (book, "SELECT count(*) FROM invoices i JOIN agreements a "
                                "ON a.id = i.agreement_id WHERE (i.status = 'draft') = "
                                "(a.auto_issue = 1)"), ==, 0);
}

/* Tells the parent about every invoice made, so it can kill at a chosen point. */
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
run_child (const char *path,
           int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  GDate as_of = settle_test_date ("2026-12-31");
  SettleBillingResult result;

  if (book == NULL || !settle_billing_run (book, &as_of, child_progress, GINT_TO_POINTER (fd),
                                           NULL, &result, &error))
    {
      g_printerr ("child: %s\n", error->message);
      _exit (1);
    }
  _exit (0);
}

static void
test_kill_billing_run (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SettleBook *book = settle_test_new_book (&dir);
  SettleBillingResult result;
  GDate as_of = settle_test_date ("2026-12-31");
  gint64 made = 0, before;
  guint killed = 0, mid_run = 0;

  path = g_strdup (settle_book_get_path (book));
  make_agreements (book);
  g_object_unref (book);

  for (guint k = 0; k < N_KILLS; k++)
    {
      int status, fds[2];
      pid_t pid;
      /* Kill after a random number of the invoices still to make: always mid-run, and
       * mostly mid-batch (batches commit every 250). */
      guint target = g_test_rand_int_range (1, N_AGREEMENTS * N_PERIODS - made);
      guint seen = 0;
      char buf[256];
      gssize n;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_child (path, fds[1]);
        }
      close (fds[1]);
      while (seen < target && (n = read (fds[0], buf, MIN (sizeof buf, target - seen))) > 0)
        seen += n;
      if (kill (pid, SIGKILL) == 0)
        killed++;
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      close (fds[0]);

      book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      check_book (book);
      before = made;
      made = query (book, "SELECT count(*) FROM billed_periods");
      g_test_message ("kill %u after %u invoices of this run: %" G_GINT64_FORMAT
                      " invoices in the book", k, seen, made);
      /* Committed batches survive the kill. */
      g_assert_cmpint (made, >=, before);
      if (made < N_AGREEMENTS * N_PERIODS)
        mid_run++;
      g_object_unref (book);
    }
  /* The test proves something only if runs were really cut short. */
  g_assert_cmpuint (killed, >, 0);
  g_assert_cmpuint (mid_run, >=, N_KILLS / 2);

  /* The last run makes exactly what is missing. */
  book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (settle_billing_run (book, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.n_created, ==, N_AGREEMENTS * N_PERIODS - made);
  check_book (book);
  g_assert_cmpint (query (book, "SELECT count(*) FROM invoices"), ==, N_AGREEMENTS * N_PERIODS);
  g_assert_cmpint (query (book, "SELECT count(*) FROM (SELECT agreement_id FROM billed_periods "
                                "GROUP BY agreement_id HAVING count(*) = 24)"), ==, N_AGREEMENTS);
  g_assert_cmpint (query (book, "SELECT count(DISTINCT agreement_id || ' ' || period_start) "
                                "FROM billed_periods"), ==, N_AGREEMENTS * N_PERIODS);
  /* And again: nothing. */
  g_assert_true (settle_billing_run (book, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.n_created, ==, 0);
  g_object_unref (book);
  settle_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SETTLE_TODAY", "2026-12-31", TRUE);
  g_test_add_func ("/crash/billing-run", test_kill_billing_run);
  return g_test_run ();
}
