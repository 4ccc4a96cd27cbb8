/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <locale.h>
#include <string.h>

#include "settle-surcharge.h"
#include "settle-test-util.h"

static gint64
surcharge (int            rate_bp,
           SettleRounding rounding,
           gint64         amount)
{
  g_autoptr(GError) error = NULL;
  SettleSurchargePolicy policy;
  gint64 out = -1;

  settle_surcharge_policy_init (&policy);
  policy.rate_bp = rate_bp;
  policy.rounding = rounding;
  g_assert_true (settle_surcharge_compute (&policy, amount, SETTLE_PAYMENT_CARD,
                                           SETTLE_CARD_FUNDING_CREDIT, NULL, &out, &error));
  g_assert_no_error (error);
  return out;
}

/* 3 % of $100.00 = $3.00; 2.99 % of $123.45 = 369.1155 cents → 369.
 * .5 boundaries: 3 % of 0.50 = 1.5 → 2 by both rules; 1 % of 2.50 = 2.5 → 3
 * half-up, 2 half-even; 3 % of 2.50 = 7.5 → 8 by both. */
static void
test_amounts (void)
{
  g_assert_cmpint (surcharge (300, SETTLE_ROUND_HALF_UP, 10000), ==, 300);
  g_assert_cmpint (surcharge (299, SETTLE_ROUND_HALF_UP, 12345), ==, 369);
  g_assert_cmpint (surcharge (300, SETTLE_ROUND_HALF_UP, 50), ==, 2);
  g_assert_cmpint (surcharge (300, SETTLE_ROUND_HALF_EVEN, 50), ==, 2);
  g_assert_cmpint (surcharge (100, SETTLE_ROUND_HALF_UP, 250), ==, 3);
  g_assert_cmpint (surcharge (100, SETTLE_ROUND_HALF_EVEN, 250), ==, 2);
  g_assert_cmpint (surcharge (300, SETTLE_ROUND_HALF_EVEN, 250), ==, 8);
  g_assert_cmpint (surcharge (300, SETTLE_ROUND_HALF_UP, 0), ==, 0);
  g_assert_cmpint (surcharge (0, SETTLE_ROUND_HALF_UP, 10000), ==, 0);
}

/* Minor units whatever the exponent: ¥12,345 × 3 % = 370.35 → ¥370;
 * 12.345 KWD = 12345 fils × 3 % = 370.35 → 370 fils; ¥50 × 3 % = 1.5 → ¥2;
 * 0.250 KWD × 1 % = 2.5 fils → 3 half-up, 2 half-even. */
static void
test_currency_exponents (void)
{
  g_assert_cmpint (surcharge (300, SETTLE_ROUND_HALF_UP, 12345), ==, 370);
  g_assert_cmpint (surcharge (300, SETTLE_ROUND_HALF_UP, 50), ==, 2);
  g_assert_cmpint (surcharge (100, SETTLE_ROUND_HALF_UP, 250), ==, 3);
  g_assert_cmpint (surcharge (100, SETTLE_ROUND_HALF_EVEN, 250), ==, 2);
}

static void
test_cap (void)
{
  g_autoptr(GError) error = NULL;
  SettleSurchargePolicy policy;
  gint64 out = -1;

  settle_surcharge_policy_init (&policy);
  g_assert_cmpint (policy.cap_bp, ==, 300);
  policy.rate_bp = 300;
  g_assert_true (settle_surcharge_policy_validate (&policy, NULL));
  policy.rate_bp = 350;
  g_assert_false (settle_surcharge_policy_validate (&policy, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3.5 %"));
  g_assert_nonnull (strstr (error->message, "(3 %)"));
  g_clear_error (&error);
  g_assert_false (settle_surcharge_compute (&policy, 10000, SETTLE_PAYMENT_CARD,
                                            SETTLE_CARD_FUNDING_CREDIT, NULL, &out, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  policy.rate_bp = -1;
  g_assert_false (settle_surcharge_policy_validate (&policy, NULL));
}

/* Never on debit, prepaid or cards of unknown funding, nor on ACH, checks, wires,
 * cash or financing, whatever the funding says. */
static void
test_never_on_debit_or_ach (void)
{
  static const SettleCardFunding fundings[] = {
    SETTLE_CARD_FUNDING_DEBIT, SETTLE_CARD_FUNDING_PREPAID, SETTLE_CARD_FUNDING_UNKNOWN,
  };
  static const SettlePaymentMethod methods[] = {
    SETTLE_PAYMENT_ACH, SETTLE_PAYMENT_CHECK, SETTLE_PAYMENT_WIRE, SETTLE_PAYMENT_CASH,
    SETTLE_PAYMENT_FINANCING,
  };
  SettleSurchargePolicy policy;
  gint64 out;

  settle_surcharge_policy_init (&policy);
  policy.rate_bp = 300;
  for (guint i = 0; i < G_N_ELEMENTS (fundings); i++)
    {
      out = -1;
      g_assert_true (settle_surcharge_compute (&policy, 10000, SETTLE_PAYMENT_CARD, fundings[i],
                                               "NY", &out, NULL));
      g_assert_cmpint (out, ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      out = -1;
      g_assert_true (settle_surcharge_compute (&policy, 10000, methods[i],
                                               SETTLE_CARD_FUNDING_CREDIT, "NY", &out, NULL));
      g_assert_cmpint (out, ==, 0);
    }
}

static void
test_states (void)
{
  static const char *prohibited[] = { "CT", "MA", "ME", "PR" };
  static const char *restricted[] = { "CO", "NY", "CA", "NJ", "MN", "OK" };
  static const char *allowed[] = { "TX", "FL", "KS", "WA", "DC", "GU" };

  for (guint i = 0; i < G_N_ELEMENTS (prohibited); i++)
    {
      g_autofree char *warning = NULL;
      SettleSurchargeStatus status;

      g_assert_true (settle_surcharge_check_state (prohibited[i], &status, &warning, NULL));
      g_assert_cmpint (status, ==, SETTLE_SURCHARGE_PROHIBITED);
      g_assert_nonnull (strstr (warning, "not allowed"));
      g_assert_nonnull (strstr (warning, prohibited[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (restricted); i++)
    {
      g_autofree char *warning = NULL;
      SettleSurchargeStatus status;

      g_assert_true (settle_surcharge_check_state (restricted[i], &status, &warning, NULL));
      g_assert_cmpint (status, ==, SETTLE_SURCHARGE_RESTRICTED);
      g_assert_nonnull (strstr (warning, "limited"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autofree char *warning = NULL;
      SettleSurchargeStatus status;

      g_assert_true (settle_surcharge_check_state (allowed[i], &status, &warning, NULL));
      g_assert_cmpint (status, ==, SETTLE_SURCHARGE_ALLOWED);
      g_assert_null (warning);
    }

  /* Case does not matter; a code that is no US state is an error. */
  {
    g_autoptr(GError) error = NULL;
    SettleSurchargeStatus status;

    g_assert_true (settle_surcharge_check_state ("ct", &status, NULL, NULL));
    g_assert_cmpint (status, ==, SETTLE_SURCHARGE_PROHIBITED);
    g_assert_false (settle_surcharge_check_state ("XX", &status, NULL, &error));
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“XX”"));
    g_clear_error (&error);
    g_assert_false (settle_surcharge_check_state ("NYC", &status, NULL, &error));
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  }
}

/* Every row of the data file says where it comes from and when it was read. */
static void
test_table_sources (void)
{
  static const char *listed[] = {
    "CT", "MA", "ME", "PR", "OK", "CO", "NY", "CA", "NJ", "MN", "FL", "KS", "TX",
  };

  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    {
      const SettleSurchargeStateRule *rule = settle_surcharge_state_rule (listed[i]);
      GDate as_of;

      g_assert_nonnull (rule);
      g_assert_cmpstr (rule->code, ==, listed[i]);
      g_assert_true (g_str_has_prefix (rule->source, "https://"));
      g_assert_true (settle_date_parse (rule->as_of, &as_of));
      g_assert_cmpuint (strlen (rule->note), >, 10);
    }
  g_assert_null (settle_surcharge_state_rule ("WA"));
  g_assert_cmpint (settle_surcharge_state_rule ("CO")->max_bp, ==, 200);
}

/* The state decides: prohibited → error with the warning; a state limit below the
 * rate → error; restricted without a limit → computed (the caller shows the
 * warning). Colorado's 2 % on $100.00 = $2.00. */
static void
test_compute_with_state (void)
{
  g_autoptr(GError) error = NULL;
  SettleSurchargePolicy policy;
  gint64 out = -1;

  settle_surcharge_policy_init (&policy);
  policy.rate_bp = 300;
  g_assert_false (settle_surcharge_compute (&policy, 10000, SETTLE_PAYMENT_CARD,
                                            SETTLE_CARD_FUNDING_CREDIT, "MA", &out, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "MA"));
  g_clear_error (&error);

  g_assert_false (settle_surcharge_compute (&policy, 10000, SETTLE_PAYMENT_CARD,
                                            SETTLE_CARD_FUNDING_CREDIT, "CO", &out, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "(2 %)"));
  g_clear_error (&error);

  g_assert_true (settle_surcharge_compute (&policy, 10000, SETTLE_PAYMENT_CARD,
                                           SETTLE_CARD_FUNDING_CREDIT, "NY", &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out, ==, 300);

  policy.rate_bp = 200;
  g_assert_true (settle_surcharge_compute (&policy, 10000, SETTLE_PAYMENT_CARD,
                                           SETTLE_CARD_FUNDING_CREDIT, "co", &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out, ==, 200);

  g_assert_false (settle_surcharge_compute (&policy, 10000, SETTLE_PAYMENT_CARD,
                                            SETTLE_CARD_FUNDING_CREDIT, "ZZ", &out, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/surcharge/amounts", test_amounts);
  g_test_add_func ("/surcharge/currency-exponents", test_currency_exponents);
  g_test_add_func ("/surcharge/cap", test_cap);
  g_test_add_func ("/surcharge/never-on-debit-or-ach", test_never_on_debit_or_ach);
  g_test_add_func ("/surcharge/states", test_states);
  g_test_add_func ("/surcharge/table-sources", test_table_sources);
  g_test_add_func ("/surcharge/compute-with-state", test_compute_with_state);
  return g_test_run ();
}
