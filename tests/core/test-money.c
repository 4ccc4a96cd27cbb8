/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <locale.h>

#include "settle-money.h"

static gint64
rd (gint64 num, gint64 den, SettleRounding rule)
{
  gint64 out = 0;

  g_assert_true (settle_round_div (num, den, rule, &out));
  return out;
}

/* Half-up rounds ties away from zero; half-even to the even neighbour. */
static void
test_rounding_rules (void)
{
  g_assert_cmpint (rd (25, 10, SETTLE_ROUND_HALF_UP), ==, 3);
  g_assert_cmpint (rd (25, 10, SETTLE_ROUND_HALF_EVEN), ==, 2);
  g_assert_cmpint (rd (35, 10, SETTLE_ROUND_HALF_EVEN), ==, 4);
  g_assert_cmpint (rd (-25, 10, SETTLE_ROUND_HALF_UP), ==, -3);
  g_assert_cmpint (rd (-25, 10, SETTLE_ROUND_HALF_EVEN), ==, -2);
  g_assert_cmpint (rd (24, 10, SETTLE_ROUND_HALF_UP), ==, 2);
  g_assert_cmpint (rd (26, 10, SETTLE_ROUND_HALF_EVEN), ==, 3);
  g_assert_cmpint (rd (7, -2, SETTLE_ROUND_HALF_UP), ==, -4);
  g_assert_cmpint (rd (0, 3, SETTLE_ROUND_HALF_UP), ==, 0);
  /* 1.5 h × $123.45 = $185.175 → 18518 half-up, 18518 half-even (7 is odd → up to 8) */
  {
    gint64 out;
    g_assert_true (settle_round_mul_div (1500, 12345, 1000, SETTLE_ROUND_HALF_UP, &out));
    g_assert_cmpint (out, ==, 18518);
    g_assert_true (settle_round_mul_div (1500, 12345, 1000, SETTLE_ROUND_HALF_EVEN, &out));
    g_assert_cmpint (out, ==, 18518);
    /* 2.5 × 1¢ = 2.5¢ → 3 half-up, 2 half-even */
    g_assert_true (settle_round_mul_div (2500, 1, 1000, SETTLE_ROUND_HALF_UP, &out));
    g_assert_cmpint (out, ==, 3);
    g_assert_true (settle_round_mul_div (2500, 1, 1000, SETTLE_ROUND_HALF_EVEN, &out));
    g_assert_cmpint (out, ==, 2);
    /* A product past 64 bits still divides exactly when the quotient fits. */
    g_assert_true (settle_round_mul_div (G_MAXINT64, 1000, 1000, SETTLE_ROUND_HALF_UP, &out));
    g_assert_cmpint (out, ==, G_MAXINT64);
    g_assert_false (settle_round_mul_div (G_MAXINT64, 1000, 999, SETTLE_ROUND_HALF_UP, &out));
  }
}

static void
test_rounding_names (void)
{
  SettleRounding r;
  SettleTaxRounding t;

  g_assert_true (settle_rounding_from_string ("half-even", &r));
  g_assert_cmpint (r, ==, SETTLE_ROUND_HALF_EVEN);
  g_assert_cmpstr (settle_rounding_to_string (SETTLE_ROUND_HALF_UP), ==, "half-up");
  g_assert_false (settle_rounding_from_string ("bankers", &r));
  g_assert_true (settle_tax_rounding_from_string ("per-invoice", &t));
  g_assert_cmpint (t, ==, SETTLE_TAX_ROUND_PER_INVOICE);
}

static void
test_checked (void)
{
  g_autoptr(GError) error = NULL;
  SettleMoney out;
  gint64 v;

  g_assert_false (settle_checked_add (G_MAXINT64, 1, &v));
  g_assert_false (settle_checked_mul (G_MAXINT64 / 2, 3, &v));
  g_assert_true (settle_checked_add (2, 3, &v));
  g_assert_cmpint (v, ==, 5);

  g_assert_false (settle_money_add (settle_money_init (G_MAXINT64, "USD"),
                                    settle_money_init (1, "USD"), &out, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (settle_money_add (settle_money_init (1, "USD"), settle_money_init (1, "EUR"),
                                    &out, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_CURRENCY_MISMATCH);
  g_clear_error (&error);
  g_assert_true (settle_money_sub (settle_money_init (100, "USD"), settle_money_init (250, "USD"),
                                   &out, &error));
  g_assert_cmpint (out.amount, ==, -150);
}

static void
test_exponents (void)
{
  g_assert_cmpint (settle_currency_exponent ("USD"), ==, 2);
  g_assert_cmpint (settle_currency_exponent ("JPY"), ==, 0);
  g_assert_cmpint (settle_currency_exponent ("KWD"), ==, 3);
  g_assert_false (settle_currency_is_known ("XYZ"));
}

static void
check_plain (gint64 amount, const char *currency, const char *text)
{
  g_autofree char *s = settle_money_to_plain (settle_money_init (amount, currency));
  g_autoptr(GError) error = NULL;
  SettleMoney back;

  g_assert_cmpstr (s, ==, text);
  g_assert_true (settle_money_parse_plain (text, currency, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back.amount, ==, amount);
}

static void
test_plain (void)
{
  g_autoptr(GError) error = NULL;
  SettleMoney m;

  check_plain (123450, "USD", "1234.50");
  check_plain (-5, "USD", "-0.05");
  check_plain (1500, "JPY", "1500");
  check_plain (1234567, "KWD", "1234.567");
  g_assert_true (settle_money_parse_plain ("12.5", "USD", &m, &error));
  g_assert_cmpint (m.amount, ==, 1250);
  g_assert_false (settle_money_parse_plain ("12.345", "USD", &m, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_TOO_PRECISE);
  g_clear_error (&error);
  g_assert_false (settle_money_parse_plain ("12,50", "USD", &m, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (settle_money_parse_plain ("", "USD", &m, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (settle_money_parse_plain ("99999999999999999999", "USD", &m, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (settle_money_parse_plain ("1", "XYZ", &m, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_UNKNOWN_CURRENCY);
}

/* In the C locale (no monetary conventions) Settle uses "." and ",". */
static void
test_locale_format_c (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = settle_money_format (settle_money_init (123456789, "USD"));
  g_autofree char *b = settle_money_format (settle_money_init (-1050, "EUR"));
  g_autofree char *c = settle_money_format (settle_money_init (1500, "JPY"));
  g_autofree char *d = settle_money_format (settle_money_init (100, "CHF"));
  SettleMoney m;

  g_assert_cmpstr (a, ==, "$1,234,567.89");
  g_assert_cmpstr (b, ==, "-€10.50");
  g_assert_cmpstr (c, ==, "¥1,500");
  g_assert_cmpstr (d, ==, "CHF 1.00");
  g_assert_true (settle_money_parse ("$1,234,567.89", "USD", &m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m.amount, ==, 123456789);
  g_assert_true (settle_money_parse ("-12", "USD", &m, &error));
  g_assert_cmpint (m.amount, ==, -1200);
  g_assert_true (settle_money_parse (" 7.5 USD", "USD", &m, &error));
  g_assert_cmpint (m.amount, ==, 750);
  g_assert_false (settle_money_parse ("1.2.3", "USD", &m, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (settle_money_parse ("$1.001", "USD", &m, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_TOO_PRECISE);
}

/* A German locale writes 1.234,56; skipped where the locale is not installed. */
static void
test_locale_format_de (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_MONETARY, NULL));
  SettleMoney m;

  if (setlocale (LC_MONETARY, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }
  {
    g_autofree char *s = settle_money_format_number (settle_money_init (123456, "EUR"));
    g_assert_cmpstr (s, ==, "1.234,56");
  }
  g_assert_true (settle_money_parse ("1.234,56 €", "EUR", &m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m.amount, ==, 123456);
  setlocale (LC_MONETARY, old);
}

static void
test_fixed (void)
{
  g_autoptr(GError) error = NULL;
  gint64 v;

  g_assert_true (settle_parse_fixed ("1.5", 3, &v, &error));
  g_assert_cmpint (v, ==, 1500);
  g_assert_true (settle_parse_fixed ("8.25", 2, &v, &error));
  g_assert_cmpint (v, ==, 825);
  g_assert_false (settle_parse_fixed ("1.2345", 3, &v, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_TOO_PRECISE);
  {
    g_autofree char *a = settle_format_fixed (1500, 3, TRUE);
    g_autofree char *b = settle_format_fixed (1500, 3, FALSE);
    g_autofree char *c = settle_format_fixed (-825, 2, TRUE);
    g_assert_cmpstr (a, ==, "1.5");
    g_assert_cmpstr (b, ==, "1.500");
    g_assert_cmpstr (c, ==, "-8.25");
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/rounding-rules", test_rounding_rules);
  g_test_add_func ("/money/rounding-names", test_rounding_names);
  g_test_add_func ("/money/checked", test_checked);
  g_test_add_func ("/money/exponents", test_exponents);
  g_test_add_func ("/money/plain", test_plain);
  g_test_add_func ("/money/locale-c", test_locale_format_c);
  g_test_add_func ("/money/locale-de", test_locale_format_de);
  g_test_add_func ("/money/fixed", test_fixed);
  return g_test_run ();
}
