/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include "settle-aging.h"
#include "settle-client.h"
#include "settle-demo.h"
#include "settle-test-util.h"

static void
assert_buckets (const SettleAgingReport *r,
                gint64 b0, gint64 b1, gint64 b2, gint64 b3, gint64 b4,
                gint64 credit, gint64 balance)
{
  g_assert_cmpint (r->totals.buckets[0], ==, b0);
  g_assert_cmpint (r->totals.buckets[1], ==, b1);
  g_assert_cmpint (r->totals.buckets[2], ==, b2);
  g_assert_cmpint (r->totals.buckets[3], ==, b3);
  g_assert_cmpint (r->totals.buckets[4], ==, b4);
  g_assert_cmpint (r->totals.credit, ==, credit);
  g_assert_cmpint (r->totals.balance, ==, balance);
}

static void
assert_matches_ledger (SettleBook *book, const SettleAgingReport *r)
{
  g_autoptr(GError) error = NULL;
  gint64 ar = 0, sum = -r->totals.credit;

  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    sum += r->totals.buckets[b];
  g_assert_true (settle_receivables_balance (book, &r->as_of, NULL, &ar, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sum, ==, ar);
  g_assert_cmpint (r->totals.balance, ==, ar);
}

/* A small book worked out by hand. Client A has terms net 30:
 *   inv1 issued 06-01, due 07-01, $100
 *   inv2 issued 05-31, due 06-30, $200   (due on the as-of date: current)
 *   inv3 issued 05-30, due 06-29, $300   (1 day past due)
 *   inv4 issued 04-01, due 05-01, $400, $150 paid 06-15 (60 days past due, $250 open)
 *   inv5 issued 03-01, due 03-31, $500   (91 days past due)
 *   inv6 issued 03-02, due 04-01, $600   (90 days past due)
 *   inv7 issued 05-01, due 05-31, $700, paid in full 07-01 (the day after: still open 06-30)
 * Client B: a $50 payment on 06-20 applied to nothing (credit), and inv8 issued 07-05,
 * $80, after the as-of date. */
static void
test_hand_computed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  SettleId a = settle_test_add_client (book, "A Dental", 30);
  SettleId b = settle_test_add_client (book, "B Realty", 30);
  SettleId inv4, inv7;
  GDate d;

  settle_test_add_invoice (book, a, "2026-06-01", 10000);
  settle_test_add_invoice (book, a, "2026-05-31", 20000);
  settle_test_add_invoice (book, a, "2026-05-30", 30000);
  inv4 = settle_test_add_invoice (book, a, "2026-04-01", 40000);
  settle_test_add_invoice (book, a, "2026-03-01", 50000);
  settle_test_add_invoice (book, a, "2026-03-02", 60000);
  inv7 = settle_test_add_invoice (book, a, "2026-05-01", 70000);
  settle_test_pay (book, a, "2026-06-15", 15000, inv4, 15000);
  settle_test_pay (book, a, "2026-07-01", 70000, inv7, 70000);
  settle_test_pay (book, b, "2026-06-20", 5000, 0, 0);
  settle_test_add_invoice (book, b, "2026-07-05", 8000);
  settle_test_assert_invariants (book);

  /* 06-30, by due date: current 100+200; 1–30: 300+700; 31–60: 250; 61–90: 600; 91+: 500;
   * credit 50; balance 2600. Something is dated later, so this is the historical path. */
  d = settle_test_date ("2026-06-30");
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &d, SETTLE_AGING_BY_DUE_DATE,
                                                           NULL, &error);
    g_assert_no_error (error);
    assert_buckets (r, 30000, 100000, 25000, 60000, 50000, 5000, 260000);
    assert_matches_ledger (book, r);
    g_assert_cmpuint (r->rows->len, ==, 2);
    g_assert_cmpstr (((SettleAgingRow *) r->rows->pdata[0])->client_name, ==, "A Dental");
    g_assert_cmpint (((SettleAgingRow *) r->rows->pdata[1])->balance, ==, -5000);
  }
  /* By invoice date, ages since issue: inv1 29, inv2 30 → 1–30; inv3 31, inv7 60 → 31–60;
   * inv4 90 → 61–90; inv5 121, inv6 120 → 91+. */
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &d, SETTLE_AGING_BY_INVOICE_DATE,
                                                           NULL, &error);
    g_assert_no_error (error);
    assert_buckets (r, 0, 30000, 100000, 25000, 110000, 5000, 260000);
  }
  /* 07-10, nothing later: the cached open balances. inv1 9, inv2 10, inv3 11 days → 1–30
   * (600); inv4 70 → 61–90 (250); inv5 101, inv6 100 → 91+ (1100); inv8 due 08-04 current
   * (80); inv7 paid; credit 50. */
  d = settle_test_date ("2026-07-10");
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &d, SETTLE_AGING_BY_DUE_DATE,
                                                           NULL, &error);
    g_assert_no_error (error);
    assert_buckets (r, 8000, 60000, 0, 25000, 110000, 5000, 198000);
    assert_matches_ledger (book, r);
  }
  /* Before anything happened: nothing. */
  d = settle_test_date ("2026-01-01");
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &d, SETTLE_AGING_BY_DUE_DATE,
                                                           NULL, &error);
    g_assert_no_error (error);
    assert_buckets (r, 0, 0, 0, 0, 0, 0, 0);
    g_assert_cmpuint (r->rows->len, ==, 0);
  }
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_bucket_labels (void)
{
  SettleAgingReport r = { .basis = SETTLE_AGING_BY_DUE_DATE, .edges = { 30, 60, 90 } };
  const char *expected[] = { "Current", "1–30", "31–60", "61–90", "91+" };

  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autofree char *label = settle_aging_bucket_label (&r, b);
      g_assert_cmpstr (label, ==, expected[b]);
    }
}

/* On a generated book, for many dates: buckets − credits = invoices issued − payments
 * received by that date; and today's per-client rows agree with the clients' caches. */
static void
test_generated_book (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  SettleDemoOptions opt;
  GDate today = settle_test_date ("2026-11-23");

  settle_demo_options_init (&opt);
  opt.n_clients = 25;
  opt.n_invoices = 4000;
  opt.seed = 42;
  opt.today = today;
  g_assert_true (settle_demo_generate (book, &opt, NULL, NULL, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (book);

  for (int i = 0; i < 40; i++)
    {
      GDate d = today;
      g_autoptr(SettleAgingReport) r = NULL;

      g_date_subtract_days (&d, i == 0 ? 0 : g_rand_int_range (rand, 0, 600));
      r = settle_aging_compute (book, &d, i % 2 ? SETTLE_AGING_BY_INVOICE_DATE
                                                : SETTLE_AGING_BY_DUE_DATE, NULL, &error);
      g_assert_no_error (error);
      assert_matches_ledger (book, r);
      if (i == 0)
        {
          g_assert_cmpint (r->totals.balance, >, 0);
          for (guint k = 0; k < r->rows->len; k++)
            {
              SettleAgingRow *row = r->rows->pdata[k];
              g_autoptr(SettleClient) c = settle_client_load (book, row->client_id, &error);
              g_assert_cmpint (row->balance, ==, c->balance - c->credit);
            }
        }
    }
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/aging/hand-computed", test_hand_computed);
  g_test_add_func ("/aging/bucket-labels", test_bucket_labels);
  g_test_add_func ("/aging/generated-book", test_generated_book);
  return g_test_run ();
}
