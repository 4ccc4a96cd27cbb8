/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the core's reads on a big book: open to first invoice page, aging as of
 * the last day and as of a past date. Usage: bench-core BOOK [TODAY] */
#define G_LOG_DOMAIN "settle-bench"

#include <stdio.h>

#include "settle-aging.h"
#include "settle-book.h"
#include "settle-list-query.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
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

static void
time_aging (SettleBook *book, const GDate *as_of, const char *what)
{
  double t[5];
  g_autoptr(GError) error = NULL;
  gint64 balance = 0;

  for (int i = 0; i < 5; i++)
    {
      double start = now_ms ();
      g_autoptr(SettleAgingReport) r = settle_aging_compute (book, as_of, SETTLE_AGING_BY_DUE_DATE,
                                                             NULL, &error);
      g_assert_no_error (error);
      t[i] = now_ms () - start;
      balance = r->totals.balance;
    }
  {
    g_autofree char *d = settle_date_to_iso (as_of);
    printf ("aging %-10s as of %s: median %.1f ms of 5 (first %.1f ms), balance %" G_GINT64_FORMAT
            " minor units\n", what, d, median (t, 5), t[0], balance);
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
  time_aging (book, &today, "current");
  past = today;
  g_date_subtract_days (&past, 180);
  time_aging (book, &past, "historical");
  return 0;
}
