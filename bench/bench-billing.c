/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times a billing run over a generated book of 10,000 agreements (one period due
 * each): the dry run, the run itself, and a second run that must make nothing.
 * Usage: bench-billing [N_AGREEMENTS] [DIR] */
#define G_LOG_DOMAIN "settle-bench"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "settle-agreement.h"
#include "settle-billing.h"
#include "settle-client.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the process (user + system), which the other builds on a shared
 * machine do not inflate the way they inflate wall time. */
static double
cpu_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
}

static void
generate (SettleBook *book,
          guint       n_agreements)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) clients = g_array_new (FALSE, FALSE, sizeof (SettleId));
  guint n_clients = MAX (1, n_agreements / 5);
  GRand *rand = g_rand_new_with_seed (1);

  if (!settle_book_begin (book, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(SettleClient) client = settle_client_new ();

      g_free (client->name);
      client->name = g_strdup_printf ("Client %05u", i);
      if (!settle_client_save (book, client, &error))
        g_error ("%s", error->message);
      g_array_append_val (clients, client->id);
    }
  for (guint i = 0; i < n_agreements; i++)
    {
      g_autoptr(SettleAgreement) ag = settle_agreement_new (g_array_index (clients, SettleId,
                                                                           i % n_clients), "USD");
      guint n_lines = 1 + g_rand_int_range (rand, 0, 3);

      g_free (ag->name);
      ag->name = g_strdup_printf ("Managed services %u", i);
      /* Some started this month (prorated first invoice), most long ago. */
      g_date_clear (&ag->start_date, 1);
      if (i % 10 == 0)
        g_date_set_dmy (&ag->start_date, 10, G_DATE_NOVEMBER, 2026);
      else
        g_date_set_dmy (&ag->start_date, 1, G_DATE_JANUARY, 2026);
      ag->auto_issue = i % 4 != 0;
      for (guint l = 0; l < n_lines; l++)
        settle_agreement_add_line (ag, l == 0 ? "Managed workstations" : "Cloud backup",
                                   1000 * g_rand_int_range (rand, 1, 40),
                                   g_rand_int_range (rand, 500, 20000), l == 1 ? 825 : 0, FALSE);
      if (!settle_agreement_save (book, ag, &error))
        g_error ("%s", error->message);
    }
  if (!settle_book_commit (book, &error))
    g_error ("%s", error->message);
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleBillingPlan) plan = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  SettleBillingResult result;
  GDate as_of, prime;
  double start, cpu_start, t_gen, t_plan, t_run, c_run, t_again;

  dir = argc > 2 ? g_strdup (argv[2]) : g_dir_make_tmp ("settle-bench-billing-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "billing.settle", NULL);
  g_remove (path);
  book = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);

  start = now_ms ();
  generate (book, n);
  t_gen = now_ms () - start;

  /* Bill everything up to October first, so the timed run is one month: one invoice
   * per agreement, as a monthly run on the 1st would be. */
  g_date_clear (&prime, 1);
  g_date_set_dmy (&prime, 31, G_DATE_OCTOBER, 2026);
  if (!settle_billing_run (book, &prime, NULL, NULL, NULL, &result, &error))
    g_error ("%s", error->message);

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 23, G_DATE_NOVEMBER, 2026);
  start = now_ms ();
  plan = settle_billing_plan (book, &as_of, &error);
  g_assert_no_error (error);
  t_plan = now_ms () - start;
  summary = settle_billing_plan_describe (plan);

  start = now_ms ();
  cpu_start = cpu_ms ();
  if (!settle_billing_run (book, &as_of, NULL, NULL, NULL, &result, &error))
    g_error ("%s", error->message);
  t_run = now_ms () - start;
  c_run = cpu_ms () - cpu_start;

  start = now_ms ();
  {
    SettleBillingResult again;

    if (!settle_billing_run (book, &as_of, NULL, NULL, NULL, &again, &error))
      g_error ("%s", error->message);
    g_assert (again.n_created == 0);
  }
  t_again = now_ms () - start;

  printf ("agreements: %u (generated in %.0f ms)\n", n, t_gen);
  printf ("dry run as of 2026-11-23: %.0f ms (%s)\n", t_plan, summary);
  printf ("billing run: %.0f ms wall, %.0f ms CPU, %u invoices made, %u issued "
          "(%.0f invoices/s)\n", t_run, c_run, result.n_created, result.n_issued,
          result.n_created / (t_run / 1000.0));
  printf ("second run (nothing to make): %.0f ms\n", t_again);
  g_clear_object (&book);
  if (argc <= 2)
    {
      g_autofree char *lock = g_strconcat (path, ".lock", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (path);
      g_remove (lock);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  return 0;
}
