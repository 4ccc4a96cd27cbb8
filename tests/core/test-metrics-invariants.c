/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

/* What the metrics must satisfy on any book (test-metrics.c has the hand-computed
 * one): the trend's month-end AR against full agings and the ledger, the forecast
 * against the open AR, on a generated book with bounced checks and credit notes. */

#include "settle-aging.h"
#include "settle-credit-note.h"
#include "settle-dashboard.h"
#include "settle-demo.h"
#include "settle-invoice.h"
#include "settle-payment.h"
#include "settle-test-util.h"

#define USD(x) ((gint64) (x) * 100)

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = settle_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

/* A bounced check entered with a date before its money was allocated: Hotel's $500
 * invoice of 03-01, a payment of 03-10 applied on 04-05, reversed as of 03-15. The
 * application never counted on any day, so the invoice was open all along: $500 at the
 * end of March (before the application) and of April (after its reversal). */
static void
test_reversal_before_application (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleDashboard) d = NULL;
  g_autoptr(GError) error = NULL;
  SettleAgingOptions options;
  SettleId hotel = settle_test_add_client (book, "Hotel Azur", 30);
  SettleId inv = settle_test_add_invoice (book, hotel, "2026-03-01", USD (500));
  SettleId p = settle_test_pay (book, hotel, "2026-03-10", USD (500), 0, 0);
  GDate applied = settle_test_date ("2026-04-05");
  GDate bounced = settle_test_date ("2026-03-15");
  GDate as_of = settle_test_date ("2026-04-30");

  g_assert_true (settle_payment_apply (book, p, inv, USD (500), &applied, &error));
  g_assert_no_error (error);
  if (!settle_payment_reverse (book, p, &bounced, "Bounced check", 0, NULL, &error))
    {
      g_test_skip ("the book refuses a reversal dated before an application");
      settle_test_remove_dir (dir);
      return;
    }
  settle_aging_options_init (&options, book, &as_of);
  d = settle_dashboard_compute (book, &options, &error);
  g_assert_no_error (error);
  assert_date (&d->trend[10].month_end, "2026-03-31");
  g_assert_cmpint (d->trend[10].ending_ar, ==, USD (500));
  g_assert_cmpint (d->trend[11].ending_ar, ==, USD (500));
  g_assert_cmpint (d->metrics.beginning_ar, ==, 0);
  g_clear_pointer (&d, settle_dashboard_free);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static gint64
sum_buckets (const SettleAgingReport *r)
{
  gint64 sum = 0;

  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    sum += r->totals.buckets[b];
  return sum;
}

/* What must hold on any book, checked on a generated one as of today and a past date. */
static void
check_invariants (SettleBook  *book,
                  const GDate *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleDashboard) d = NULL;
  SettleAgingOptions options;
  gint64 sum, overdue = 0;
  GDate day_before;

  settle_aging_options_init (&options, book, as_of);
  d = settle_dashboard_compute (book, &options, &error);
  g_assert_no_error (error);

  g_assert_cmpint (d->metrics.ending_ar, ==, sum_buckets (d->aging));
  g_assert_cmpint (d->metrics.ending_ar, ==,
                   d->metrics.ending_current_ar + d->metrics.ending_overdue_ar);
  g_assert_cmpint (d->metrics.unapplied_credit, ==, d->aging->totals.credit);
  g_assert_true (d->metrics.dso_defined);

  /* The beginning AR is the aging of the day before the period. */
  day_before = d->metrics.period_start;
  g_date_subtract_days (&day_before, 1);
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &day_before,
                                                           SETTLE_AGING_BY_DUE_DATE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (d->metrics.beginning_ar, ==, sum_buckets (r));
  }

  /* Each month end of the trend: the open items of a full aging of that date, and with
   * the credit netted, the receivables balance of the ledger. */
  for (int k = 0; k < SETTLE_TREND_N_MONTHS; k++)
    {
      const GDate *end = &d->trend[k].month_end;
      g_autoptr(SettleAgingReport) r = settle_aging_compute (book, end, SETTLE_AGING_BY_DUE_DATE,
                                                             NULL, &error);
      gint64 balance = 0;

      g_assert_no_error (error);
      g_assert_cmpint (d->trend[k].ending_ar, ==, sum_buckets (r));
      g_assert_true (settle_receivables_balance (book, end, NULL, &balance, &error));
      g_assert_no_error (error);
      g_assert_cmpint (d->trend[k].ending_ar - r->totals.credit, ==, balance);
    }
  g_assert_cmpint (d->trend[SETTLE_TREND_N_MONTHS - 1].dso_x100, ==, d->metrics.dso_simple_x100);

  sum = d->forecast_later;
  for (int w = 0; w < SETTLE_FORECAST_N_WEEKS; w++)
    sum += d->forecast[w].expected;
  g_assert_cmpint (sum, ==, d->metrics.ending_ar);

  sum = 0;
  for (guint i = 0; i < d->clients->len; i++)
    {
      const SettleClientBehaviour *b = g_ptr_array_index (d->clients, i);

      sum += b->open;
      overdue += b->overdue;
      g_assert_cmpint (b->risk_score, >=, 0);
      g_assert_cmpint (b->risk_score, <=, 100);
      g_assert_nonnull (b->risk_reasons);
      if (i > 0)
        {
          const SettleClientBehaviour *before = g_ptr_array_index (d->clients, i - 1);

          g_assert_cmpint (before->overdue, >=, b->overdue);
        }
    }
  g_assert_cmpint (sum, ==, d->metrics.ending_ar);
  g_assert_cmpint (overdue, ==, d->metrics.ending_overdue_ar);
}

/* Bounced checks and credit notes on the generated book, so the flows of reversals and
 * credit notes are checked too (the demo book has neither). */
static void
add_reversals_and_credit_notes (SettleBook  *book,
                                const GDate *today)
{
  guint reversed = 0, credited = 0;

  for (SettleId id = 7; reversed < 8 && id < 2000; id += 37)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SettlePayment) p = settle_payment_load (book, id, &error);
      g_autoptr(GArray) invoices = NULL;
      GDate on;

      if (p == NULL || p->status != SETTLE_PAYMENT_SETTLED)
        continue;
      invoices = settle_payment_list_invoices (book, id, &error);
      g_assert_no_error (error);
      /* 40 days after the payment: after its applications on this book. */
      on = p->date;
      g_date_add_days (&on, 40);
      if (invoices->len == 0 || g_date_compare (&on, today) > 0)
        continue;
      if (settle_payment_reverse (book, id, &on, "Bounced check", 0, NULL, &error))
        reversed++;
    }
  for (SettleId id = 11; credited < 8 && id < 3000; id += 53)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, id, &error);
      g_autoptr(GPtrArray) apps = NULL;
      GDate on;

      if (inv == NULL || inv->status == SETTLE_INVOICE_DRAFT || inv->status == SETTLE_INVOICE_VOID)
        continue;
      /* Not before the invoice's last application: a credit note dated earlier closes
       * the invoice on a day its balance was not yet zero (see the report). */
      on = inv->issue_date;
      g_date_add_days (&on, 10);
      apps = settle_invoice_list_applications (book, id, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < apps->len; i++)
        {
          const SettleApplication *a = apps->pdata[i];

          if (g_date_compare (&a->date, &on) > 0)
            on = a->date;
        }
      if (g_date_compare (&on, today) <= 0
          && settle_credit_note_issue (book, id, NULL, &on, "Outage credit", &error) != 0)
        credited++;
    }
  g_test_message ("%u payments reversed, %u credit notes", reversed, credited);
  g_assert_cmpuint (reversed, >, 0);
  g_assert_cmpuint (credited, >, 0);
  settle_test_assert_invariants (book);
}

static void
test_generated_book (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  SettleDemoOptions opt;
  GDate today = settle_test_date ("2026-11-23");
  GDate past = settle_test_date ("2026-05-31");
  GDate mid = settle_test_date ("2026-02-14");

  settle_demo_options_init (&opt);
  opt.n_clients = 25;
  opt.n_invoices = 3000;
  opt.seed = 5;
  opt.today = today;
  g_assert_true (settle_demo_generate (book, &opt, NULL, NULL, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (book);
  add_reversals_and_credit_notes (book, &today);

  check_invariants (book, &today);
  check_invariants (book, &past);
  check_invariants (book, &mid);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metrics/reversal-before-application", test_reversal_before_application);
  g_test_add_func ("/metrics/generated-book", test_generated_book);
  return g_test_run ();
}
