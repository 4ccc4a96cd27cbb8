/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the reconciliation matcher: 10,000 statement lines against 100,000 open
 * invoices, matching only (the issue's target: <= 0.1 s) and with auto-accept.
 * The book is generated once (BOOK, default /tmp/settle-bench-reconcile.settle) and
 * copied for each run, so the runs start from the same state.
 * Usage: bench-reconcile [N_INVOICES] [N_LINES] */
#define G_LOG_DOMAIN "settle-bench"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-reconcile.h"

static double
cpu_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
}

static void
die (GError *error)
{
  g_printerr ("bench-reconcile: %s\n", error ? error->message : "failed");
  exit (1);
}

typedef struct
{
  SettleId id;
  guint    client;
  char    *number;
  gint64   amount;
} Inv;

static void
generate (const char *path,
          guint       n_invoices,
          guint       n_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_autoptr(GArray) clients = g_array_new (FALSE, FALSE, sizeof (SettleId));
  g_autoptr(GArray) invs = g_array_new (FALSE, FALSE, sizeof (Inv));
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_statement_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  SettleBankStatement *st = settle_bank_statement_new ();
  guint n_clients = MAX (10, n_invoices / 50);
  GRand *rand = g_rand_new_with_seed (7);
  gint64 started = g_get_monotonic_time ();
  SettleId account;
  guint imported = 0;

  if (book == NULL || !settle_book_begin (book, &error))
    die (error);
  for (guint c = 0; c < n_clients; c++)
    {
      g_autoptr(SettleClient) client = settle_client_new ();

      g_free (client->name);
      client->name = g_strdup_printf ("Client %05u Services", c);
      if (!settle_client_save (book, client, &error))
        die (error);
      g_array_append_val (clients, client->id);
      g_ptr_array_add (names, g_strdup_printf ("CLIENT %05u SERVICES", c));
    }
  for (guint i = 0; i < n_invoices; i++)
    {
      Inv v = { 0, };
      g_autoptr(SettleInvoice) inv = NULL;
      GDate issue;

      v.client = g_rand_int_range (rand, 0, n_clients);
      v.amount = g_rand_int_range (rand, 0, 4) == 0 ? 49900 * g_rand_int_range (rand, 1, 5)
                                                    : g_rand_int_range (rand, 5000, 900000);
      inv = settle_invoice_new (g_array_index (clients, SettleId, v.client), "USD");
      settle_invoice_add_line (inv, "Managed services", 1000, v.amount, 0);
      g_date_set_dmy (&issue, 1, 6, 2026);
      g_date_add_days (&issue, g_rand_int_range (rand, 0, 150));
      if (!settle_invoice_save_draft (book, inv, &error) || !settle_invoice_issue (book, inv->id, &issue, &error))
        die (error);
      v.id = inv->id;
      g_array_append_val (invs, v);
      if (i % 10000 == 9999)
        {
          if (!settle_book_commit (book, &error) || !settle_book_begin (book, &error))
            die (error);
          g_printerr ("  %u invoices...\n", i + 1);
        }
    }
  if (!settle_book_commit (book, &error))
    die (error);
  for (guint i = 0; i < invs->len; i++)
    {
      Inv *v = &g_array_index (invs, Inv, i);
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, v->id, &error);

      v->number = g_strdup (inv->number);
    }

  /* Lines: 40 % name the invoice, 10 % with a typo, 10 % two invoices of a client,
   * 10 % the client's name and the amount, 30 % unrelated. */
  account = settle_bank_account_ensure (book, "US00BENCH", "Operating", "USD", &error);
  if (account == 0)
    die (error);
  st->format = g_strdup ("ofx");
  strcpy (st->currency, "USD");
  for (guint l = 0; l < n_lines; l++)
    {
      SettleBankLine *line = settle_bank_line_new ();
      Inv *v = &g_array_index (invs, Inv, g_rand_int_range (rand, 0, invs->len));
      int kind = g_rand_int_range (rand, 0, 10);

      line->source_line = l + 1;
      g_date_set_dmy (&line->date, 1 + g_rand_int_range (rand, 0, 28), 11, 2026);
      strcpy (line->currency, "USD");
      line->dedupe_key = g_strdup_printf ("fitid:%u", l);
      line->amount = v->amount;
      if (kind < 4)
        {
          line->payer_name = g_strdup ("ONLINE PAYMENT");
          line->description = g_strdup_printf ("Invoice %s", v->number);
        }
      else if (kind == 4)
        {
          line->description = g_strdup_printf ("INV %s", v->number);
          line->description[strlen (line->description) - 2] = '9';
        }
      else if (kind == 5)
        {
          Inv *w = &g_array_index (invs, Inv, g_rand_int_range (rand, 0, invs->len));

          line->amount += w->amount;
          line->payer_name = g_strdup (g_ptr_array_index (names, v->client));
          line->description = g_strdup ("ACH CREDIT");
        }
      else if (kind == 6)
        {
          line->payer_name = g_strdup (g_ptr_array_index (names, v->client));
          line->description = g_strdup ("ACH CREDIT");
        }
      else
        {
          line->amount = g_rand_int_range (rand, 0, 2) ? -g_rand_int_range (rand, 100, 5000000)
                                                       : g_rand_int_range (rand, 100, 500000);
          line->description = g_strdup (line->amount < 0 ? "PAYROLL" : "TRANSFER FROM SAVINGS");
        }
      g_ptr_array_add (st->lines, line);
    }
  g_ptr_array_add (statements, st);
  if (!settle_bank_statements_store (book, account, "bench.ofx", statements, &imported, NULL, NULL, &error))
    die (error);
  for (guint i = 0; i < invs->len; i++)
    g_free (g_array_index (invs, Inv, i).number);
  g_rand_free (rand);
  g_printerr ("generated %u invoices, %u clients, %u lines in %.1f s\n", n_invoices, n_clients, imported,
              (g_get_monotonic_time () - started) / 1e6);
}

static int
compare_doubles (const double *a,
                 const double *b)
{
  return *a < *b ? -1 : *a > *b;
}

static void
copy_book (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = settle_book_open (from, SETTLE_BOOK_OPEN_DEFAULT, &error);

  g_unlink (to);
  if (book == NULL || !settle_book_backup (book, to, &error))
    die (error);
}

static void
time_run (const char *path,
          gboolean    auto_accept,
          guint       repeat)
{
  double best_wall = G_MAXDOUBLE, best_cpu = G_MAXDOUBLE;
  SettleReconcileSummary sum = { 0, };

  for (guint r = 0; r < repeat; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SettleBook) book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
      g_autoptr(GHashTable) suggestions = NULL;
      double cpu0, wall0;

      if (book == NULL)
        die (error);
      cpu0 = cpu_ms ();
      wall0 = g_get_monotonic_time () / 1000.0;
      if (!settle_reconcile_run (book, 0, auto_accept, &sum, &suggestions, NULL, NULL, &error))
        die (error);
      best_wall = MIN (best_wall, g_get_monotonic_time () / 1000.0 - wall0);
      best_cpu = MIN (best_cpu, cpu_ms () - cpu0);
    }
  printf ("settle_reconcile_run (%s): %u lines, %u auto-accepted, %u suggested, %u unmatched: "
          "%.1f ms wall, %.1f ms CPU (best of %u)\n",
          auto_accept ? "auto-accept" : "matching only", sum.lines, sum.auto_accepted, sum.suggested,
          sum.unmatched, best_wall, best_cpu, repeat);
}

/* What the view does when a line is selected: suggestions for that line alone. */
static void
time_suggest (const char *path,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double worst = 0;

  if (book == NULL)
    die (error);
  rows = settle_reconcile_list_lines (book, 0, "open", &error);
  if (rows == NULL)
    die (error);
  for (guint i = 0; i < rows->len && times->len < n; i += MAX (1, rows->len / n))
    {
      SettleStatementLineRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) found = NULL;
      double t0;

      if (row->amount <= 0)
        continue;
      t0 = g_get_monotonic_time () / 1000.0;
      found = settle_reconcile_suggest (book, row->id, &error);
      if (found == NULL)
        die (error);
      t0 = g_get_monotonic_time () / 1000.0 - t0;
      worst = MAX (worst, t0);
      g_array_append_val (times, t0);
    }
  g_array_sort (times, (GCompareFunc) compare_doubles);
  printf ("settle_reconcile_suggest (one line, as the view asks): median %.2f ms, worst %.2f ms over %u lines\n",
          times->len ? g_array_index (times, double, times->len / 2) : 0.0, worst, times->len);
}

int
main (int   argc,
      char *argv[])
{
  guint n_invoices = argc > 1 ? atoi (argv[1]) : 100000;
  guint n_lines = argc > 2 ? atoi (argv[2]) : 10000;
  const char *env = g_getenv ("BOOK");
  g_autofree char *path = env ? g_strdup (env)
                              : g_strdup_printf ("/tmp/settle-bench-reconcile-%u-%u.settle", n_invoices, n_lines);
  g_autofree char *work = g_strconcat (path, ".run", NULL);

  g_setenv ("SETTLE_TODAY", "2026-11-30", FALSE);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    generate (path, n_invoices, n_lines);
  printf ("book: %s (%u open invoices, %u statement lines)\n", path, n_invoices, n_lines);
  copy_book (path, work);
  if (g_getenv ("SUGGEST_ONLY") == NULL)
    time_run (work, FALSE, 5);
  time_suggest (work, 200);
  if (g_getenv ("MATCH_ONLY") == NULL && g_getenv ("SUGGEST_ONLY") == NULL)
    time_run (work, TRUE, 1);
  g_unlink (work);
  return 0;
}
