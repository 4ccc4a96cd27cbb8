/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <locale.h>
#include <string.h>

#include "settle-late-fee.h"
#include "settle-test-util.h"

typedef struct
{
  const char *date;
  gint64      balance;
} Point;

/* Computes the fees for a policy text, a due date, a balance history and the
 * fees already charged, as of a date. */
static GPtrArray *
compute_full (const char                 *policy_text,
              const char                 *due,
              const Point                *points,
              guint                       n_points,
              int                         exponent,
              const SettleLateFeeCharged *charged,
              guint                       n_charged,
              const char                 *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autofree SettleBalancePoint *history = g_new0 (SettleBalancePoint, n_points);
  SettleLateFeePolicy policy;
  SettleLateFeeItem item = { 0 };
  GDate as_of_date = settle_test_date (as_of);
  GPtrArray *fees;

  g_assert_true (settle_late_fee_policy_parse (policy_text, &policy, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_points; i++)
    {
      history[i].date = settle_test_date (points[i].date);
      history[i].balance = points[i].balance;
    }
  item.due_date = settle_test_date (due);
  item.history = history;
  item.n_history = n_points;
  item.exponent = exponent;
  fees = settle_late_fee_compute (&policy, &item, charged, n_charged, &as_of_date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fees);
  return fees;
}

static GPtrArray *
compute (const char  *policy_text,
         const char  *due,
         const Point *points,
         guint        n_points,
         const char  *as_of)
{
  return compute_full (policy_text, due, points, n_points, 2, NULL, 0, as_of);
}

/* Asserts fees holds exactly the (period, amount) pairs given, in order. */
static void
assert_fees (GPtrArray    *fees,
             const int    *periods,
             const gint64 *amounts,
             guint         n)
{
  g_assert_cmpuint (fees->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const SettleLateFee *fee = g_ptr_array_index (fees, i);

      g_test_message ("fee %u: period %d, %" G_GINT64_FORMAT " (%s)", i, fee->period,
                      fee->amount, fee->explanation);
      g_assert_cmpint (fee->period, ==, periods[i]);
      g_assert_cmpint (fee->amount, ==, amounts[i]);
      g_assert_nonnull (fee->explanation);
    }
}

static void
assert_period (GPtrArray  *fees,
               guint       index,
               const char *start,
               const char *end)
{
  const SettleLateFee *fee = g_ptr_array_index (fees, index);
  g_autofree char *s = settle_date_to_iso (&fee->start);

  g_assert_cmpstr (s, ==, start);
  if (end == NULL)
    g_assert_false (g_date_valid (&fee->end));
  else
    {
      g_autofree char *e = settle_date_to_iso (&fee->end);
      g_assert_cmpstr (e, ==, end);
    }
}

static const Point constant_1000[] = { { "2026-01-01", 100000 } }; /* $1,000.00 */

static void
test_round_trip (void)
{
  static const char *texts[] = {
    "percent:150;grace:5;freq:monthly;cap:5000",
    "flat:2500",
    "flat-then-percent:2500:150;grace:10;freq:days:30;min:500;cap:10000;invoice-cap:20000;"
    "stop:6;compound;rounding:half-even",
    "daily:1800;freq:monthly",
    "period:150;freq:days:30;stop:12",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;
      SettleLateFeePolicy policy;

      g_assert_true (settle_late_fee_policy_parse (texts[i], &policy, &error));
      g_assert_no_error (error);
      back = settle_late_fee_policy_to_string (&policy);
      g_assert_cmpstr (back, ==, texts[i]);
    }
}

static void
test_parse_errors (void)
{
  static const char *bad[] = {
    "", "percent", "percent:abc", "percent:0", "percent:10001", "flat:0", "weekly:5",
    "percent:150;grace:-1", "percent:150;freq:weekly", "percent:150;freq:days:0",
    "daily:1800",                          /* interest needs a period */
    "percent:150;min:6000;cap:5000",       /* minimum above the cap */
    "percent:150;rounding:down", "percent:150;compound:yes", "percent:150;;grace:5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SettleLateFeePolicy policy;

      g_test_message ("parsing “%s”", bad[i]);
      g_assert_false (settle_late_fee_policy_parse (bad[i], &policy, &error));
      g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Late fee:"));
    }
}

/* flat:2500;grace:5;freq:monthly, due 2026-01-31: the first fee day is
 * 01-31 + 5 + 1 = 02-06; periods 02-06..03-05, 03-06..04-05, 04-06..05-05. */
static void
test_flat_monthly (void)
{
  const char *policy = "flat:2500;grace:5;freq:monthly";
  static const int p1[] = { 1 }, p123[] = { 1, 2, 3 }, p3[] = { 3 };
  static const gint64 a1[] = { 2500 }, a3[] = { 2500, 2500, 2500 };
  static const SettleLateFeeCharged charged[] = { { 1, 2500 }, { 2, 2500 } };
  g_autoptr(GPtrArray) in_grace = compute (policy, "2026-01-31", constant_1000, 1, "2026-02-05");
  g_autoptr(GPtrArray) first = compute (policy, "2026-01-31", constant_1000, 1, "2026-02-06");
  g_autoptr(GPtrArray) caught_up = compute (policy, "2026-01-31", constant_1000, 1, "2026-04-10");
  g_autoptr(GPtrArray) again = compute_full (policy, "2026-01-31", constant_1000, 1, 2,
                                             charged, 2, "2026-04-10");
  g_autoptr(GPtrArray) all_done = compute_full (policy, "2026-01-31", constant_1000, 1, 2,
                                                charged, 2, "2026-04-05");

  g_assert_cmpuint (in_grace->len, ==, 0);
  assert_fees (first, p1, a1, 1);
  assert_period (first, 0, "2026-02-06", "2026-03-05");
  /* Fees are per period, so a late evaluation charges every missed period once. */
  assert_fees (caught_up, p123, a3, 3);
  assert_period (caught_up, 1, "2026-03-06", "2026-04-05");
  assert_period (caught_up, 2, "2026-04-06", "2026-05-05");
  /* Never twice for one period. */
  assert_fees (again, p3, a1, 1);
  g_assert_cmpuint (all_done->len, ==, 0);
}

/* Monthly periods are counted from the first fee day, so one starting on the
 * 31st comes back to the month's last day: due 01-25 + grace 5 → first 01-31;
 * periods 01-31..02-27, 02-28..03-30, 03-31..04-29. */
static void
test_month_end_periods (void)
{
  g_autoptr(GPtrArray) fees = compute ("flat:100;grace:5;freq:monthly", "2026-01-25",
                                       constant_1000, 1, "2026-03-31");

  g_assert_cmpuint (fees->len, ==, 3);
  assert_period (fees, 0, "2026-01-31", "2026-02-27");
  assert_period (fees, 1, "2026-02-28", "2026-03-30");
  assert_period (fees, 2, "2026-03-31", "2026-04-29");
}

/* A once-only percent fee of 0.5 % (50 bp): 500 minor units × 0.005 = 2.5 →
 * half-up 3, half-even 2; 700 × 0.005 = 3.5 → 4 by both rules. */
static void
test_percent_rounding (void)
{
  static const Point b500[] = { { "2026-01-01", 500 } }, b700[] = { { "2026-01-01", 700 } };
  static const int p1[] = { 1 };
  static const gint64 three[] = { 3 }, two[] = { 2 }, four[] = { 4 };
  g_autoptr(GPtrArray) up = compute ("percent:50", "2026-01-10", b500, 1, "2026-01-11");
  g_autoptr(GPtrArray) even = compute ("percent:50;rounding:half-even", "2026-01-10", b500, 1,
                                       "2026-01-11");
  g_autoptr(GPtrArray) up7 = compute ("percent:50", "2026-01-10", b700, 1, "2026-01-11");
  g_autoptr(GPtrArray) even7 = compute ("percent:50;rounding:half-even", "2026-01-10", b700, 1,
                                        "2026-01-11");
  g_autoptr(GPtrArray) later = compute ("percent:50", "2026-01-10", b500, 1, "2027-06-01");

  assert_fees (up, p1, three, 1);
  assert_period (up, 0, "2026-01-11", NULL);
  assert_fees (even, p1, two, 1);
  assert_fees (up7, p1, four, 1);
  assert_fees (even7, p1, four, 1);
  /* "once" stays once however late the evaluation. */
  assert_fees (later, p1, three, 1);
}

/* percent:150 (1.5 %) monthly, due 01-31, no grace: periods start 02-01, 03-01,
 * 04-01. The base is the balance on the period's first day: 1000.00 → 15.00;
 * 400.00 (paid down on 03-01) → 6.00; paid off 03-20 → nothing for April. */
static void
test_percent_follows_balance (void)
{
  static const Point history[] = {
    { "2026-01-01", 100000 }, { "2026-03-01", 40000 }, { "2026-03-20", 0 },
  };
  static const int p12[] = { 1, 2 };
  static const gint64 a12[] = { 1500, 600 };
  g_autoptr(GPtrArray) fees = compute ("percent:150;freq:monthly", "2026-01-31", history,
                                       G_N_ELEMENTS (history), "2026-05-01");

  assert_fees (fees, p12, a12, 2);
}

/* flat-then-percent:2500:150 monthly on 1000.00: 25.00 for period 1, then
 * 1.5 % = 15.00 for each later period. */
static void
test_flat_then_percent (void)
{
  static const int p[] = { 1, 2, 3 };
  static const gint64 a[] = { 2500, 1500, 1500 };
  g_autoptr(GPtrArray) fees = compute ("flat-then-percent:2500:150;freq:monthly", "2026-01-31",
                                       constant_1000, 1, "2026-04-01");

  assert_fees (fees, p, a, 3);
}

/* percent:100 (1 %) monthly, min 10.00, cap 30.00 a period, 50.00 an invoice:
 * period 1 on 500.00 → 5.00, raised to 10.00; period 2 on 5000.00 → 50.00, capped
 * at 30.00; period 3 → 30.00 but only 50 − 40 = 10.00 is left under the invoice
 * cap; period 4 → nothing left. */
static void
test_minimum_and_caps (void)
{
  static const Point history[] = { { "2026-01-01", 50000 }, { "2026-03-01", 500000 } };
  static const int p[] = { 1, 2, 3 };
  static const gint64 a[] = { 1000, 3000, 1000 };
  static const SettleLateFeeCharged charged[] = { { 1, 1000 }, { 2, 3000 }, { 3, 1000 } };
  g_autoptr(GPtrArray) fees = compute ("percent:100;freq:monthly;min:1000;cap:3000;invoice-cap:5000",
                                       "2026-01-31", history, 2, "2026-05-15");
  g_autoptr(GPtrArray) after = compute_full ("percent:100;freq:monthly;min:1000;cap:3000;"
                                             "invoice-cap:5000",
                                             "2026-01-31", history, 2, 2, charged, 3,
                                             "2026-09-15");
  const SettleLateFee *f1, *f2;

  assert_fees (fees, p, a, 3);
  f1 = g_ptr_array_index (fees, 0);
  f2 = g_ptr_array_index (fees, 1);
  g_assert_nonnull (strstr (f1->explanation, "minimum"));
  g_assert_nonnull (strstr (f2->explanation, "cap"));
  g_assert_cmpuint (after->len, ==, 0);
}

/* flat:1000 every 30 days, stop after 2: due 01-01 → periods 01-02..01-31 and
 * 02-01..03-02; nothing after, however late. */
static void
test_stop_after (void)
{
  static const int p[] = { 1, 2 };
  static const gint64 a[] = { 1000, 1000 };
  g_autoptr(GPtrArray) fees = compute ("flat:1000;freq:days:30;stop:2", "2026-01-01",
                                       constant_1000, 1, "2026-06-01");

  assert_fees (fees, p, a, 2);
  assert_period (fees, 1, "2026-02-01", "2026-03-02");
}

static void
test_paused_items (void)
{
  g_autoptr(GError) error = NULL;
  SettleLateFeePolicy policy;
  SettleBalancePoint point = { settle_test_date ("2026-01-01"), 100000 };
  SettleLateFeeItem item = { settle_test_date ("2026-01-31"), &point, 1, 2, TRUE, FALSE };
  GDate as_of = settle_test_date ("2026-06-01");
  g_autoptr(GPtrArray) disputed = NULL;
  g_autoptr(GPtrArray) planned = NULL;
  g_autoptr(GPtrArray) normal = NULL;

  g_assert_true (settle_late_fee_policy_parse ("flat:2500;freq:monthly", &policy, NULL));
  disputed = settle_late_fee_compute (&policy, &item, NULL, 0, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (disputed->len, ==, 0);
  item.disputed = FALSE;
  item.on_plan = TRUE;
  planned = settle_late_fee_compute (&policy, &item, NULL, 0, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (planned->len, ==, 0);
  item.on_plan = FALSE;
  normal = settle_late_fee_compute (&policy, &item, NULL, 0, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (normal->len, ==, 5); /* 02-01, 03-01, 04-01, 05-01, 06-01 */
}

/* daily:1800 (18 % a year) monthly, due 01-31 → period 1 is 02-01..02-28 (28 days),
 * charged when it ends.
 * Constant 1000.00: 100000 × 28 = 2,800,000 balance-days × 1800 ÷ (10000 × 365)
 *   = 1380.82 → 1381 ($1000 × 18 % × 28/365 = $13.81).
 * Paid down to 500.00 on 02-15: 14 × 100000 + 14 × 50000 = 2,100,000 → 1035.62 → 1036.
 * Paid off on 02-11: charged early, on the evaluation after payoff (02-20), over
 *   02-01..02-20 with 10 days at 1000.00: 1,000,000 × 1800 ÷ 3,650,000 = 493.15 → 493. */
static void
test_daily_interest (void)
{
  static const Point down[] = { { "2026-01-01", 100000 }, { "2026-02-15", 50000 } };
  static const Point off[] = { { "2026-01-01", 100000 }, { "2026-02-11", 0 } };
  static const int p1[] = { 1 };
  static const gint64 full[] = { 1381 }, partial[] = { 1036 }, early[] = { 493 };
  const char *policy = "daily:1800;freq:monthly";
  g_autoptr(GPtrArray) running = compute (policy, "2026-01-31", constant_1000, 1, "2026-02-27");
  g_autoptr(GPtrArray) ended = compute (policy, "2026-01-31", constant_1000, 1, "2026-02-28");
  g_autoptr(GPtrArray) paid_down = compute (policy, "2026-01-31", down, 2, "2026-03-01");
  g_autoptr(GPtrArray) paid_off = compute (policy, "2026-01-31", off, 2, "2026-02-20");

  g_assert_cmpuint (running->len, ==, 0);
  assert_fees (ended, p1, full, 1);
  assert_period (ended, 0, "2026-02-01", "2026-02-28");
  assert_fees (paid_down, p1, partial, 1);
  assert_fees (paid_off, p1, early, 1);
}

/* The .5 boundary of daily interest: daily:3650 (36.5 %) every day, so one day at
 * balance B gives B × 3650 ÷ 3,650,000 = B ÷ 1000. B = 2500 → 2.5 → half-up 3,
 * half-even 2; B = 1500 → 1.5 → 2 both; B = 500 → 0.5 → 1 half-up, 0 half-even
 * (and a zero fee is no fee). */
static void
test_daily_interest_rounding (void)
{
  static const Point b2500[] = { { "2026-01-01", 2500 } };
  static const Point b1500[] = { { "2026-01-01", 1500 } };
  static const Point b500[] = { { "2026-01-01", 500 } };
  static const int p1[] = { 1 };
  static const gint64 three[] = { 3 }, two[] = { 2 }, one[] = { 1 };
  g_autoptr(GPtrArray) up = compute ("daily:3650;freq:days:1", "2026-01-01", b2500, 1, "2026-01-02");
  g_autoptr(GPtrArray) even = compute ("daily:3650;freq:days:1;rounding:half-even", "2026-01-01",
                                       b2500, 1, "2026-01-02");
  g_autoptr(GPtrArray) up15 = compute ("daily:3650;freq:days:1", "2026-01-01", b1500, 1, "2026-01-02");
  g_autoptr(GPtrArray) even15 = compute ("daily:3650;freq:days:1;rounding:half-even", "2026-01-01",
                                         b1500, 1, "2026-01-02");
  g_autoptr(GPtrArray) up05 = compute ("daily:3650;freq:days:1", "2026-01-01", b500, 1, "2026-01-02");
  g_autoptr(GPtrArray) even05 = compute ("daily:3650;freq:days:1;rounding:half-even", "2026-01-01",
                                         b500, 1, "2026-01-02");

  assert_fees (up, p1, three, 1);
  assert_fees (even, p1, two, 1);
  assert_fees (up15, p1, two, 1);
  assert_fees (even15, p1, two, 1);
  assert_fees (up05, p1, one, 1);
  g_assert_cmpuint (even05->len, ==, 0);
}

/* period:150 (1.5 % a period) monthly on the average daily balance; period 1 is
 * 02-01..02-28 (28 days), denominator 10000 × 28 = 280,000.
 * Constant 1000.00: 2,800,000 × 150 ÷ 280,000 = 1500.
 * Paid down to 500.00 on 02-15: 2,100,000 × 150 ÷ 280,000 = 1125 (1.5 % of the
 *   average 750.00).
 * .5 boundary: constant 3.00: 300 × 28 × 150 ÷ 280,000 = 4.5 → 5 half-up, 4 half-even;
 *   constant 1.00 → 1.5 → 2 by both. */
static void
test_period_rate (void)
{
  static const Point down[] = { { "2026-01-01", 100000 }, { "2026-02-15", 50000 } };
  static const Point b300[] = { { "2026-01-01", 300 } };
  static const Point b100[] = { { "2026-01-01", 100 } };
  static const int p1[] = { 1 }, p12[] = { 1, 2 };
  static const gint64 full[] = { 1500, 1500 }, partial[] = { 1125 };
  static const gint64 five[] = { 5 }, four[] = { 4 }, two[] = { 2 };
  const char *policy = "period:150;freq:monthly";
  g_autoptr(GPtrArray) two_months = compute (policy, "2026-01-31", constant_1000, 1, "2026-03-31");
  g_autoptr(GPtrArray) paid_down = compute (policy, "2026-01-31", down, 2, "2026-03-01");
  g_autoptr(GPtrArray) up = compute (policy, "2026-01-31", b300, 1, "2026-02-28");
  g_autoptr(GPtrArray) even = compute ("period:150;freq:monthly;rounding:half-even", "2026-01-31",
                                       b300, 1, "2026-02-28");
  g_autoptr(GPtrArray) even1 = compute ("period:150;freq:monthly;rounding:half-even", "2026-01-31",
                                        b100, 1, "2026-02-28");

  /* March is 31 days: 3,100,000 × 150 ÷ 310,000 = 1500 too. */
  assert_fees (two_months, p12, full, 2);
  assert_fees (paid_down, p1, partial, 1);
  assert_fees (up, p1, five, 1);
  assert_fees (even, p1, four, 1);
  assert_fees (even1, p1, two, 1);
}

/* percent:1000 (10 %) monthly on 100.00. Simple: 10.00 each period. Compound: the
 * base grows by the earlier fees: 100.00 → 10.00; 110.00 → 11.00; 121.00 → 12.10.
 * With period 1 already charged (10.00), period 2 still compounds on it. */
static void
test_compound (void)
{
  static const Point b[] = { { "2026-01-01", 10000 } };
  static const int p123[] = { 1, 2, 3 }, p2[] = { 2 };
  static const gint64 simple[] = { 1000, 1000, 1000 }, compounded[] = { 1000, 1100, 1210 };
  static const gint64 second[] = { 1100 };
  static const SettleLateFeeCharged charged[] = { { 1, 1000 } };
  g_autoptr(GPtrArray) s = compute ("percent:1000;freq:monthly", "2026-01-31", b, 1, "2026-04-01");
  g_autoptr(GPtrArray) c = compute ("percent:1000;freq:monthly;compound", "2026-01-31", b, 1,
                                    "2026-04-01");
  g_autoptr(GPtrArray) c2 = compute_full ("percent:1000;freq:monthly;compound", "2026-01-31", b, 1,
                                          2, charged, 1, "2026-03-01");

  assert_fees (s, p123, simple, 3);
  assert_fees (c, p123, compounded, 3);
  assert_fees (c2, p2, second, 1);
}

/* Minor units do the work whatever the exponent; the texts show the right decimals.
 * JPY (0): ¥123,457 × 1.5 % = 1851.855 → ¥1,852.
 * KWD (3): 1.234 KWD = 1234 fils × 1.5 % = 18.51 → 19 fils.
 * Interest in JPY: ¥1,000,000, 18 % a year, March (31 days):
 *   31,000,000 × 1800 ÷ 3,650,000 = 15287.67 → ¥15,288. */
static void
test_currency_exponents (void)
{
  static const Point jpy[] = { { "2026-01-01", 123457 } };
  static const Point kwd[] = { { "2026-01-01", 1234 } };
  static const Point jpy_big[] = { { "2026-01-01", 1000000 } };
  static const int p1[] = { 1 };
  static const gint64 yen[] = { 1852 }, fils[] = { 19 }, interest[] = { 15288 };
  g_autoptr(GPtrArray) a = compute_full ("percent:150", "2026-01-31", jpy, 1, 0, NULL, 0, "2026-02-01");
  g_autoptr(GPtrArray) b = compute_full ("percent:150", "2026-01-31", kwd, 1, 3, NULL, 0, "2026-02-01");
  g_autoptr(GPtrArray) c = compute_full ("daily:1800;freq:monthly", "2026-02-28", jpy_big, 1, 0,
                                         NULL, 0, "2026-03-31");
  const SettleLateFee *fa, *fb;

  assert_fees (a, p1, yen, 1);
  assert_fees (b, p1, fils, 1);
  assert_fees (c, p1, interest, 1);
  fa = g_ptr_array_index (a, 0);
  fb = g_ptr_array_index (b, 0);
  g_assert_nonnull (strstr (fa->explanation, "of 123457 overdue"));
  g_assert_nonnull (strstr (fb->explanation, "of 1.234 overdue"));
}

static void
test_waivers (void)
{
  static const int waived[] = { 2 };
  static const int p13[] = { 1, 3 };
  static const gint64 a13[] = { 2500, 2500 };
  static const int p3[] = { 3 };
  static const gint64 a3[] = { 2500 };
  static const SettleLateFeeCharged with_waiver[] = { { 1, 2500 }, { 2, 0 } };
  g_autoptr(GPtrArray) fees = compute ("flat:2500;freq:monthly", "2026-01-31", constant_1000, 1,
                                       "2026-04-01");
  g_autoptr(GPtrArray) recorded = NULL;

  settle_late_fee_exclude_waived (fees, waived, 1);
  assert_fees (fees, p13, a13, 2);
  /* A waiver recorded as a charged period of 0 is skipped by compute itself. */
  recorded = compute_full ("flat:2500;freq:monthly", "2026-01-31", constant_1000, 1, 2,
                           with_waiver, 2, "2026-04-01");
  assert_fees (recorded, p3, a3, 1);
}

/* Current balance 0 after 600.00 on 03-01 and 400.00 on 03-20, opened 01-01:
 * the item was 1000.00 from 01-01, 400.00 from 03-01, 0 from 03-20 — the history of
 * test_percent_follows_balance, so the same fees: 15.00 and 6.00. Two payments on
 * one day make one point; a payment before the opening day or one that takes the
 * balance below zero is refused. */
static void
test_history_from_payments (void)
{
  g_autoptr(GError) error = NULL;
  GDate opened = settle_test_date ("2026-01-01");
  SettleLateFeePayment payments[] = {
    { settle_test_date ("2026-03-20"), 40000 },
    { settle_test_date ("2026-03-01"), 50000 },
    { settle_test_date ("2026-03-01"), 10000 },
  };
  SettleLateFeePayment early[] = { { settle_test_date ("2025-12-31"), 100 } };
  SettleLateFeePayment reversal[] = {
    { settle_test_date ("2026-02-01"), 1000 }, { settle_test_date ("2026-02-05"), -1000 },
    { settle_test_date ("2026-02-07"), 3000 },
  };
  static const int p12[] = { 1, 2 };
  static const gint64 a12[] = { 1500, 600 };
  g_autoptr(GArray) history = settle_late_fee_history_from_payments (0, &opened, payments, 3, &error);
  g_autoptr(GArray) bad = NULL;
  SettleLateFeePolicy policy;
  SettleLateFeeItem item = { settle_test_date ("2026-01-31"), NULL, 0, 2, FALSE, FALSE };
  GDate as_of = settle_test_date ("2026-05-01");
  g_autoptr(GPtrArray) fees = NULL;
  static const char *dates[] = { "2026-01-01", "2026-03-01", "2026-03-20" };
  static const gint64 balances[] = { 100000, 40000, 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const SettleBalancePoint *pt = &g_array_index (history, SettleBalancePoint, i);
      g_autofree char *iso = settle_date_to_iso (&pt->date);

      g_assert_cmpstr (iso, ==, dates[i]);
      g_assert_cmpint (pt->balance, ==, balances[i]);
    }
  g_assert_true (settle_late_fee_policy_parse ("percent:150;freq:monthly", &policy, NULL));
  item.history = (const SettleBalancePoint *) (gpointer) history->data;
  item.n_history = history->len;
  fees = settle_late_fee_compute (&policy, &item, NULL, 0, &as_of, &error);
  g_assert_no_error (error);
  assert_fees (fees, p12, a12, 2);

  bad = settle_late_fee_history_from_payments (0, &opened, early, 1, &error);
  g_assert_null (bad);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  /* 2000 now, after +1000 −1000 (a bounced payment) +3000: 5000 at the start. */
  bad = settle_late_fee_history_from_payments (2000, &opened, reversal, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bad->len, ==, 4);
  g_assert_cmpint (g_array_index (bad, SettleBalancePoint, 0).balance, ==, 5000);
  g_assert_cmpint (g_array_index (bad, SettleBalancePoint, 2).balance, ==, 5000);
  g_assert_cmpint (g_array_index (bad, SettleBalancePoint, 3).balance, ==, 2000);
  g_clear_pointer (&bad, g_array_unref);
  bad = settle_late_fee_history_from_payments (-5, &opened, NULL, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
}

static void
test_bad_item (void)
{
  g_autoptr(GError) error = NULL;
  SettleLateFeePolicy policy;
  SettleLateFeeItem item = { settle_test_date ("2026-01-31"), NULL, 0, 2, FALSE, FALSE };
  GDate as_of = settle_test_date ("2026-06-01");
  GPtrArray *fees;

  settle_late_fee_policy_init (&policy);
  policy.flat = 100;
  fees = settle_late_fee_compute (&policy, &item, NULL, 0, &as_of, &error);
  g_assert_null (fees);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);

  /* A recorded fee must have a period and a non-negative amount. */
  {
    SettleBalancePoint point = { settle_test_date ("2026-01-01"), 100000 };
    SettleLateFeeCharged negative = { 1, -100 };

    item.history = &point;
    item.n_history = 1;
    fees = settle_late_fee_compute (&policy, &item, &negative, 1, &as_of, &error);
    g_assert_null (fees);
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/late-fee/round-trip", test_round_trip);
  g_test_add_func ("/late-fee/parse-errors", test_parse_errors);
  g_test_add_func ("/late-fee/flat-monthly", test_flat_monthly);
  g_test_add_func ("/late-fee/month-end-periods", test_month_end_periods);
  g_test_add_func ("/late-fee/percent-rounding", test_percent_rounding);
  g_test_add_func ("/late-fee/percent-follows-balance", test_percent_follows_balance);
  g_test_add_func ("/late-fee/flat-then-percent", test_flat_then_percent);
  g_test_add_func ("/late-fee/minimum-and-caps", test_minimum_and_caps);
  g_test_add_func ("/late-fee/stop-after", test_stop_after);
  g_test_add_func ("/late-fee/paused-items", test_paused_items);
  g_test_add_func ("/late-fee/daily-interest", test_daily_interest);
  g_test_add_func ("/late-fee/daily-interest-rounding", test_daily_interest_rounding);
  g_test_add_func ("/late-fee/period-rate", test_period_rate);
  g_test_add_func ("/late-fee/compound", test_compound);
  g_test_add_func ("/late-fee/currency-exponents", test_currency_exponents);
  g_test_add_func ("/late-fee/waivers", test_waivers);
  g_test_add_func ("/late-fee/history-from-payments", test_history_from_payments);
  g_test_add_func ("/late-fee/bad-item", test_bad_item);
  return g_test_run ();
}
