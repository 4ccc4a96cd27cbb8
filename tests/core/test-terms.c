/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <locale.h>
#include <string.h>

#include "settle-client.h"
#include "settle-terms.h"
#include "settle-test-util.h"

/* Each case: terms text, issue date, expected due date (worked out by hand). */
static const struct
{
  const char *terms;
  const char *issue;
  const char *due;
} due_cases[] = {
  { "net:30", "2026-01-15", "2026-02-14" },
  { "net:30", "2026-01-31", "2026-03-02" },        /* 2026 is not a leap year */
  { "net:30", "2024-01-31", "2024-03-01" },        /* 2024 is */
  { "net:0", "2026-05-05", "2026-05-05" },
  { "net:45", "2026-12-20", "2027-02-03" },        /* across the year end */
  { "receipt", "2026-07-04", "2026-07-04" },
  { "eom:0", "2026-02-10", "2026-02-28" },
  { "eom:0", "2024-02-10", "2024-02-29" },
  { "eom:15", "2026-01-31", "2026-02-15" },
  { "eom:15", "2026-12-01", "2027-01-15" },        /* eom + N across the year end */
  { "eom:30", "2026-12-31", "2027-01-30" },
  { "eom:10", "2026-04-30", "2026-05-10" },        /* 30-day month */
  { "proximo:10", "2026-01-31", "2026-02-10" },
  { "proximo:31", "2026-01-05", "2026-02-28" },    /* clamped to February */
  { "proximo:31", "2024-01-05", "2024-02-29" },    /* leap February */
  { "proximo:31", "2026-03-05", "2026-04-30" },    /* clamped to a 30-day month */
  { "proximo:31", "2026-04-05", "2026-05-31" },
  { "proximo:10", "2026-12-15", "2027-01-10" },    /* next month is in the next year */
  { "proximo:10:25", "2026-01-25", "2026-02-10" }, /* on the cutoff: next month */
  { "proximo:10:25", "2026-01-26", "2026-03-10" }, /* after the cutoff: the month after */
  { "proximo:10:25", "2026-11-30", "2027-01-10" }, /* after the cutoff, across the year */
  { "proximo:10:25", "2026-12-26", "2027-02-10" },
  { "proximo:30:20", "2026-12-21", "2027-02-28" }, /* month after next is February */
  { "net:30;discount:10:200", "2026-03-01", "2026-03-31" },
};

static void
test_due_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *due_iso = NULL;
      SettleTerms terms;
      GDate issue = settle_test_date (due_cases[i].issue);
      GDate due;

      g_assert_true (settle_terms_parse (due_cases[i].terms, &terms, &error));
      g_assert_no_error (error);
      settle_terms_due_date (&terms, &issue, &due);
      due_iso = settle_date_to_iso (&due);
      g_test_message ("%s issued %s", due_cases[i].terms, due_cases[i].issue);
      g_assert_cmpstr (due_iso, ==, due_cases[i].due);
    }
}

static void
test_discount_date (void)
{
  SettleTerms terms;
  GDate issue = settle_test_date ("2026-12-28");
  GDate until;
  g_autofree char *iso = NULL;

  g_assert_true (settle_terms_parse ("net:30;discount:10:200", &terms, NULL));
  g_assert_cmpint (terms.discount_days, ==, 10);
  g_assert_cmpint (terms.discount_bp, ==, 200);
  g_assert_true (settle_terms_discount_date (&terms, &issue, &until));
  iso = settle_date_to_iso (&until);
  g_assert_cmpstr (iso, ==, "2027-01-07");

  g_assert_true (settle_terms_parse ("net:30", &terms, NULL));
  g_assert_false (settle_terms_discount_date (&terms, &issue, &until));
}

/* Text -> struct -> the same text. */
static void
test_round_trip (void)
{
  static const char * const texts[] = {
    "net:30", "net:0", "receipt", "eom:0", "eom:15", "proximo:10", "proximo:10:25",
    "net:30;discount:10:200", "eom:15;discount:5:150", "receipt;discount:0:50",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;
      SettleTerms terms;

      g_assert_true (settle_terms_parse (texts[i], &terms, &error));
      g_assert_no_error (error);
      back = settle_terms_to_string (&terms);
      g_assert_cmpstr (back, ==, texts[i]);
    }
}

static void
test_parse_errors (void)
{
  static const char * const bad[] = {
    "", "net", "net:", "net:-3", "net:abc", "net:400", "receipt:3", "eom:x", "proximo",
    "proximo:0", "proximo:32", "proximo:10:40", "net:30;discount", "net:30;discount:10",
    "net:30;discount:10:20000", "net:30;discount:10:200;x", "weekly:3", "net:30 days",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SettleTerms terms = { .kind = SETTLE_TERMS_NET, .days = 99 };

      g_test_message ("“%s”", bad[i]);
      g_assert_false (settle_terms_parse (bad[i], &terms, &error));
      g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Terms:"));
      /* Untouched on failure. */
      g_assert_cmpint (terms.days, ==, 99);
    }
  /* Case and spaces are forgiven. */
  {
    SettleTerms terms;

    g_assert_true (settle_terms_parse ("  NET:15 ", &terms, NULL));
    g_assert_cmpint (terms.kind, ==, SETTLE_TERMS_NET);
    g_assert_cmpint (terms.days, ==, 15);
  }
}

static void
test_describe (void)
{
  static const struct
  {
    const char *terms;
    const char *text;
  } cases[] = {
    { "net:30", "Net 30" },
    { "net:30;discount:10:200", "2 % 10, Net 30" },
    { "net:45;discount:15:150", "1.5 % 15, Net 45" },
    { "receipt", "Due on receipt" },
    { "eom:0", "End of month" },
    { "eom:1", "End of month + 1 day" },
    { "eom:15", "End of month + 15 days" },
    { "proximo:10", "10th of next month" },
    { "proximo:1", "1st of next month" },
    { "proximo:22", "22nd of next month" },
    { "proximo:13", "13th of next month" },
    { "proximo:10:25", "10th of next month (after the 25th: the month after)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      SettleTerms terms;

      g_assert_true (settle_terms_parse (cases[i].terms, &terms, NULL));
      text = settle_terms_describe (&terms);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Book default, client override, and a client saved with only terms_days. */
static void
test_book_and_client (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleClient) client = NULL;
  SettleId plain, custom, old_style;
  SettleTerms terms, eom15;
  gboolean has = TRUE;
  g_autofree char *text = NULL;

  plain = settle_test_add_client (book, "Alder Dental", 30);
  custom = settle_test_add_client (book, "Birch Logistics", 30);
  old_style = settle_test_add_client (book, "Cobalt Labs", 45);

  /* A new book's default is Net 30. */
  g_assert_true (settle_terms_get_default (book, &terms, &error));
  g_assert_no_error (error);
  text = settle_terms_to_string (&terms);
  g_assert_cmpstr (text, ==, "net:30");

  g_assert_true (settle_terms_parse ("eom:15", &eom15, NULL));
  g_assert_true (settle_terms_set_for_client (book, custom, &eom15, &error));
  g_assert_no_error (error);
  g_assert_true (settle_terms_for_client (book, custom, &terms, &error));
  g_assert_true (settle_terms_equal (&terms, &eom15));
  g_assert_true (settle_terms_client_has_override (book, custom, &has, &error));
  g_assert_true (has);
  g_assert_true (settle_terms_client_has_override (book, plain, &has, &error));
  g_assert_false (has);

  /* terms_days alone is no override: the client follows the book. */
  g_assert_true (settle_terms_for_client (book, old_style, &terms, &error));
  g_assert_cmpint (terms.kind, ==, SETTLE_TERMS_NET);
  g_assert_cmpint (terms.days, ==, 30);

  /* Changing the default moves the clients that follow it, not the others. */
  g_assert_true (settle_terms_parse ("net:14;discount:7:100", &terms, NULL));
  g_assert_true (settle_terms_set_default (book, &terms, &error));
  g_assert_no_error (error);
  g_assert_true (settle_terms_for_client (book, plain, &terms, &error));
  g_clear_pointer (&text, g_free);
  text = settle_terms_to_string (&terms);
  g_assert_cmpstr (text, ==, "net:14;discount:7:100");
  /* Setting "follow the book" explicitly also syncs terms_days for older readers. */
  g_assert_true (settle_terms_set_for_client (book, plain, NULL, &error));
  g_assert_true (settle_terms_for_client (book, plain, &terms, &error));
  g_clear_pointer (&text, g_free);
  text = settle_terms_to_string (&terms);
  g_assert_cmpstr (text, ==, "net:14;discount:7:100");
  client = settle_client_load (book, plain, &error);
  g_assert_cmpint (client->terms_days, ==, 14);
  g_assert_true (settle_terms_for_client (book, custom, &terms, &error));
  g_assert_true (settle_terms_equal (&terms, &eom15));

  /* Bad input is refused with the field named, and nothing changes. */
  terms.kind = SETTLE_TERMS_PROXIMO;
  terms.day_of_month = 40;
  g_assert_false (settle_terms_set_for_client (book, custom, &terms, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Terms"));
  g_clear_error (&error);
  g_assert_false (settle_terms_for_client (book, 9999, &terms, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/terms/due-dates", test_due_dates);
  g_test_add_func ("/terms/discount-date", test_discount_date);
  g_test_add_func ("/terms/round-trip", test_round_trip);
  g_test_add_func ("/terms/parse-errors", test_parse_errors);
  g_test_add_func ("/terms/describe", test_describe);
  g_test_add_func ("/terms/book-and-client", test_book_and_client);
  return g_test_run ();
}
