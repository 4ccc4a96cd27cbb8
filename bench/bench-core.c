/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the core's reads on a big book: open to first invoice page, aging as of
 * the last day and as of 180 days before (default and custom edges, both bases),
 * and the aging drill-down. Usage: bench-core BOOK [TODAY] */
#define G_LOG_DOMAIN "settle-bench"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "settle-aging.h"
#include "settle-book.h"
#include "settle-list-query.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread: on a shared machine it shows what the wall clock
 * spent waiting for a core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
median (double *v, int n)
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

/* Five runs of the aging report (the first warms the page cache and the prepared
 * statements; the median is the figure). edges NULL = 30/60/90. */
static void
time_aging (SettleBook *book, const GDate *as_of, SettleAgingBasis basis, const int *edges,
            const char *what)
{
  double t[5], cpu[5];
  g_autoptr(GError) error = NULL;
  SettleAgingOptions o;
  gint64 balance = 0;
  guint rows = 0;

  settle_aging_options_init (&o, NULL, as_of);
  o.basis = basis;
  if (edges != NULL)
    memcpy (o.edges, edges, sizeof o.edges);
  for (int i = 0; i < 5; i++)
    {
      double start = now_ms (), start_cpu = cpu_ms ();
      g_autoptr(SettleAgingReport) r = settle_aging_compute_with (book, &o, &error);
      g_assert_no_error (error);
      t[i] = now_ms () - start;
      cpu[i] = cpu_ms () - start_cpu;
      balance = r->totals.balance;
      rows = r->rows->len;
    }
  {
    g_autofree char *d = settle_date_to_iso (as_of);
    double first = t[0];

    printf ("aging %-10s as of %s, %s, edges %d/%d/%d: median %.1f ms of 5 (cpu %.1f ms; "
            "first %.1f ms), %u clients, balance %" G_GINT64_FORMAT " minor units\n",
            what, d, basis == SETTLE_AGING_BY_DUE_DATE ? "by due date" : "by invoice date",
            o.edges[0], o.edges[1], o.edges[2], median (t, 5), median (cpu, 5), first, rows,
            balance);
  }
}

/* The drill-down of one cell and of one whole bucket (the biggest client's 91+). */
static void
time_drill_down (SettleBook *book, const GDate *as_of, const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleAgingReport) r = NULL;
  SettleAgingOptions o;
  SettleId client = 0;
  gint64 most = -1;

  settle_aging_options_init (&o, NULL, as_of);
  r = settle_aging_compute_with (book, &o, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < r->rows->len; i++)
    {
      SettleAgingRow *row = r->rows->pdata[i];

      if (row->buckets[SETTLE_AGING_N_BUCKETS - 1] > most)
        {
          most = row->buckets[SETTLE_AGING_N_BUCKETS - 1];
          client = row->client_id;
        }
    }
  for (int pass = 0; pass < 2; pass++)
    {
      double t[5];
      guint n = 0;

      for (int i = 0; i < 5; i++)
        {
          double start = now_ms ();
          g_autoptr(GPtrArray) e = settle_aging_list_entries (book, &o, pass == 0 ? client : 0,
                                                              SETTLE_AGING_N_BUCKETS - 1, &error);
          g_assert_no_error (error);
          t[i] = now_ms () - start;
          n = e->len;
        }
      printf ("drill-down %-10s %s, 91+: median %.1f ms of 5, %u invoices\n", what,
              pass == 0 ? "one client" : "all clients", median (t, 5), n);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  SettleInvoiceQuery q = { .sort = SETTLE_INVOICE_SORT_NUMBER, .descending = TRUE };
  GDate today, past;
  double start;
  guint n = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-core BOOK [TODAY]\n");
      return 2;
    }
  if (argc > 2)
    settle_date_parse (argv[2], &today);
  else
    settle_today (&today);

  start = now_ms ();
  book = settle_book_open (argv[1], SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) page = settle_invoice_query_page (book, &q, NULL, 0, 128, &error);
    g_assert_no_error (error);
    printf ("open to first page of %u invoices (newest first): %.1f ms\n", page->len,
            now_ms () - start);
  }
  start = now_ms ();
  settle_invoice_query_count (book, &q, &n, &error);
  printf ("count all invoices (%u): %.1f ms (in a worker in the window)\n", n, now_ms () - start);
  {
    g_autoptr(GPtrArray) page = settle_invoice_query_page (book, &q, NULL, 0, 128, &error);
    start = now_ms ();
    for (int i = 0; i < 100; i++)
      {
        GPtrArray *next = settle_invoice_query_page (book, &q, page->pdata[page->len - 1], 0, 128,
                                                     &error);
        g_ptr_array_unref (page);
        page = next;
      }
    printf ("next page by keyset: %.2f ms per page of 128 (100 pages)\n", (now_ms () - start) / 100);
  }
  {
    SettleInvoiceQuery by_total = { .sort = SETTLE_INVOICE_SORT_TOTAL, .descending = TRUE };
    g_autoptr(GPtrArray) page = NULL;
    g_autoptr(GPtrArray) mid = NULL;

    start = now_ms ();
    page = settle_invoice_query_page (book, &by_total, NULL, 0, 128, &error);
    printf ("first page sorted by total: %.1f ms\n", now_ms () - start);
    start = now_ms ();
    mid = settle_invoice_query_page (book, &by_total, NULL, n / 2, 128, &error);
    printf ("page at offset %u (a scrollbar jump): %.1f ms\n", n / 2, now_ms () - start);
  }
  past = today;
  g_date_subtract_days (&past, 180);
  {
    static const int custom[SETTLE_AGING_N_BUCKETS - 2] = { 15, 45, 120 };

    time_aging (book, &today, SETTLE_AGING_BY_DUE_DATE, NULL, "current");
    time_aging (book, &today, SETTLE_AGING_BY_DUE_DATE, custom, "current");
    time_aging (book, &today, SETTLE_AGING_BY_INVOICE_DATE, custom, "current");
    time_aging (book, &past, SETTLE_AGING_BY_DUE_DATE, NULL, "historical");
    time_aging (book, &past, SETTLE_AGING_BY_DUE_DATE, custom, "historical");
    time_aging (book, &past, SETTLE_AGING_BY_INVOICE_DATE, custom, "historical");
  }
  time_drill_down (book, &today, "current");
  time_drill_down (book, &past, "historical");
  return 0;
}
