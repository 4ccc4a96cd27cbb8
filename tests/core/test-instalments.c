/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <locale.h>

#include "settle-instalments.h"
#include "settle-test-util.h"

static GArray *
split (gint64              balance,
       guint               n,
       const char         *first,
       SettleRemainderRule rule)
{
  g_autoptr(GError) error = NULL;
  GDate first_due = settle_test_date (first);
  GArray *plan = settle_instalments_split (balance, n, &first_due, SETTLE_INSTALMENTS_MONTHLY, 0,
                                           rule, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Asserts the amounts and that they add up to the balance. */
static void
assert_amounts (GArray       *plan,
                const gint64 *amounts,
                guint         n,
                gint64        balance)
{
  gint64 sum = 0;

  g_assert_cmpuint (plan->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const SettleInstalment *inst = &g_array_index (plan, SettleInstalment, i);

      g_assert_cmpint (inst->number, ==, (int) i + 1);
      g_assert_cmpint (inst->amount, ==, amounts[i]);
      sum += inst->amount;
    }
  g_assert_cmpint (sum, ==, balance);
}

static void
assert_dates (GArray      *plan,
              const char **dates)
{
  for (guint i = 0; i < plan->len; i++)
    {
      g_autofree char *iso = settle_date_to_iso (&g_array_index (plan, SettleInstalment, i).due_date);
      g_assert_cmpstr (iso, ==, dates[i]);
    }
}

/* $100.00 in 3: 10000 ÷ 3 = 3333 rest 1. LAST → 3333, 3333, 3334; FIRST → 3334,
 * 3333, 3333; SPREAD → the first 1 gets +1 → 3334, 3333, 3333.
 * $100.03 in 4: 2500 rest 3. LAST → …, 2503; FIRST → 2503, …; SPREAD → 2501 ×3, 2500.
 * Monthly from 01-31, counted from the first date: 01-31, 02-28, 03-31. */
static void
test_remainder_rules (void)
{
  static const gint64 last3[] = { 3333, 3333, 3334 }, first3[] = { 3334, 3333, 3333 };
  static const gint64 last4[] = { 2500, 2500, 2500, 2503 }, first4[] = { 2503, 2500, 2500, 2500 };
  static const gint64 spread4[] = { 2501, 2501, 2501, 2500 };
  static const char *dates[] = { "2026-01-31", "2026-02-28", "2026-03-31" };
  g_autoptr(GArray) a = split (10000, 3, "2026-01-31", SETTLE_REMAINDER_LAST);
  g_autoptr(GArray) b = split (10000, 3, "2026-01-31", SETTLE_REMAINDER_FIRST);
  g_autoptr(GArray) c = split (10000, 3, "2026-01-31", SETTLE_REMAINDER_SPREAD);
  g_autoptr(GArray) d = split (10003, 4, "2026-01-31", SETTLE_REMAINDER_LAST);
  g_autoptr(GArray) e = split (10003, 4, "2026-01-31", SETTLE_REMAINDER_FIRST);
  g_autoptr(GArray) f = split (10003, 4, "2026-01-31", SETTLE_REMAINDER_SPREAD);

  assert_amounts (a, last3, 3, 10000);
  assert_dates (a, dates);
  assert_amounts (b, first3, 3, 10000);
  assert_amounts (c, first3, 3, 10000);
  assert_amounts (d, last4, 4, 10003);
  assert_amounts (e, first4, 4, 10003);
  assert_amounts (f, spread4, 4, 10003);
}

/* The .5 boundary: 3 minor units in 2 is 1.5 each. LAST → 1, 2; FIRST → 2, 1;
 * SPREAD → 2, 1. */
static void
test_half_boundary (void)
{
  static const gint64 last[] = { 1, 2 }, first[] = { 2, 1 };
  g_autoptr(GArray) a = split (3, 2, "2026-05-01", SETTLE_REMAINDER_LAST);
  g_autoptr(GArray) b = split (3, 2, "2026-05-01", SETTLE_REMAINDER_FIRST);
  g_autoptr(GArray) c = split (3, 2, "2026-05-01", SETTLE_REMAINDER_SPREAD);

  assert_amounts (a, last, 2, 3);
  assert_amounts (b, first, 2, 3);
  assert_amounts (c, first, 2, 3);
}

/* JPY (0 decimals): ¥100,000 in 6 = 16666 rest 4 → LAST: five × 16666 and 16670;
 * SPREAD: four × 16667, two × 16666.
 * KWD (3 decimals): 1.000 KWD = 1000 fils in 7 = 142 rest 6 → LAST: six × 142 and
 * 148; SPREAD: six × 143 and 142. */
static void
test_currency_exponents (void)
{
  static const gint64 jpy_last[] = { 16666, 16666, 16666, 16666, 16666, 16670 };
  static const gint64 jpy_spread[] = { 16667, 16667, 16667, 16667, 16666, 16666 };
  static const gint64 kwd_last[] = { 142, 142, 142, 142, 142, 142, 148 };
  static const gint64 kwd_spread[] = { 143, 143, 143, 143, 143, 143, 142 };
  g_autoptr(GArray) a = split (100000, 6, "2026-01-15", SETTLE_REMAINDER_LAST);
  g_autoptr(GArray) b = split (100000, 6, "2026-01-15", SETTLE_REMAINDER_SPREAD);
  g_autoptr(GArray) c = split (1000, 7, "2026-01-15", SETTLE_REMAINDER_LAST);
  g_autoptr(GArray) d = split (1000, 7, "2026-01-15", SETTLE_REMAINDER_SPREAD);

  assert_amounts (a, jpy_last, 6, 100000);
  assert_amounts (b, jpy_spread, 6, 100000);
  assert_amounts (c, kwd_last, 7, 1000);
  assert_amounts (d, kwd_spread, 7, 1000);
}

/* Every 14 days from 2026-12-20: 12-20, 2027-01-03, 2027-01-17. */
static void
test_every_n_days (void)
{
  static const char *dates[] = { "2026-12-20", "2027-01-03", "2027-01-17" };
  static const gint64 amounts[] = { 10000, 10000, 10000 };
  g_autoptr(GError) error = NULL;
  GDate first = settle_test_date ("2026-12-20");
  g_autoptr(GArray) plan = settle_instalments_split (30000, 3, &first,
                                                     SETTLE_INSTALMENTS_EVERY_N_DAYS, 14,
                                                     SETTLE_REMAINDER_LAST, &error);

  g_assert_no_error (error);
  assert_amounts (plan, amounts, 3, 30000);
  assert_dates (plan, dates);
}

static void
test_invalid (void)
{
  static const struct
  {
    gint64                   balance;
    guint                    n;
    SettleInstalmentInterval interval;
    int                      every_days;
    gboolean                 date;
  } bad[] = {
    { 0, 3, SETTLE_INSTALMENTS_MONTHLY, 0, TRUE },
    { -100, 3, SETTLE_INSTALMENTS_MONTHLY, 0, TRUE },
    { 1000, 0, SETTLE_INSTALMENTS_MONTHLY, 0, TRUE },
    { 1000, 361, SETTLE_INSTALMENTS_MONTHLY, 0, TRUE },
    { 2, 3, SETTLE_INSTALMENTS_MONTHLY, 0, TRUE },      /* less than one minor unit each */
    { 1000, 3, SETTLE_INSTALMENTS_EVERY_N_DAYS, 0, TRUE },
    { 1000, 3, SETTLE_INSTALMENTS_MONTHLY, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate first = settle_test_date ("2026-01-01");
      GArray *plan;

      if (!bad[i].date)
        g_date_clear (&first, 1);
      plan = settle_instalments_split (bad[i].balance, bad[i].n, &first, bad[i].interval,
                                       bad[i].every_days, SETTLE_REMAINDER_LAST, &error);
      g_assert_null (plan);
      g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Instalment plan:"));
    }
}

/* Plan 3333 (01-31), 3333 (02-28), 3334 (03-31); cumulative 3333, 6666, 10000.
 * Paid 0 → #1 owes 3333; 3000 → #1 owes 333; 3333 → #2 owes 3333; 5000 → #2 owes
 * 6666 − 5000 = 1666; 9999 → #3 owes 1; 10000 or more → nothing due. */
static void
test_next_due (void)
{
  static const struct
  {
    gint64      paid;
    const char *date;
    int         number;
    gint64      owed;
  } cases[] = {
    { 0, "2026-01-31", 1, 3333 },
    { 3000, "2026-01-31", 1, 333 },
    { 3333, "2026-02-28", 2, 3333 },
    { 5000, "2026-02-28", 2, 1666 },
    { 9999, "2026-03-31", 3, 1 },
  };
  g_autoptr(GArray) plan = split (10000, 3, "2026-01-31", SETTLE_REMAINDER_LAST);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;
      GDate due;
      int number = 0;
      gint64 owed = 0;

      g_assert_true (settle_instalments_next_due (plan, cases[i].paid, &due, &number, &owed));
      iso = settle_date_to_iso (&due);
      g_assert_cmpstr (iso, ==, cases[i].date);
      g_assert_cmpint (number, ==, cases[i].number);
      g_assert_cmpint (owed, ==, cases[i].owed);
    }
  g_assert_false (settle_instalments_next_due (plan, 10000, NULL, NULL, NULL));
  g_assert_false (settle_instalments_next_due (plan, 12000, NULL, NULL, NULL));
}

static void
test_rule_names (void)
{
  SettleRemainderRule rule;

  for (SettleRemainderRule r = SETTLE_REMAINDER_LAST; r <= SETTLE_REMAINDER_SPREAD; r++)
    {
      g_assert_true (settle_remainder_rule_from_string (settle_remainder_rule_to_string (r), &rule));
      g_assert_cmpint (rule, ==, r);
    }
  g_assert_false (settle_remainder_rule_from_string ("middle", &rule));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/instalments/remainder-rules", test_remainder_rules);
  g_test_add_func ("/instalments/half-boundary", test_half_boundary);
  g_test_add_func ("/instalments/currency-exponents", test_currency_exponents);
  g_test_add_func ("/instalments/every-n-days", test_every_n_days);
  g_test_add_func ("/instalments/invalid", test_invalid);
  g_test_add_func ("/instalments/next-due", test_next_due);
  g_test_add_func ("/instalments/rule-names", test_rule_names);
  return g_test_run ();
}
