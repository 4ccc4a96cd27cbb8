/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV statements: every CSV fixture (tests/fixtures/statements/csv) with its lines and
 * totals worked out by reading the file, the layouts the profiles must understand, and
 * malformed files. */
#include "config.h"

#include <string.h>

#include "settle-statement-private.h"
#include "test-statement-util.h"

#define LINE(st, i) ((SettleBankLine *) g_ptr_array_index ((st)->lines, (i)))
#define STMT(a, i) ((SettleBankStatement *) g_ptr_array_index ((a), (i)))

static GPtrArray *
fixture (const char *name, const char *expect_profile)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL, *profile = NULL;
  SettleImportKind kind;
  GPtrArray *statements = test_statement_parse_fixture ("csv", name, NULL, &kind, &format,
                                                        &profile, &error);

  g_assert_no_error (error);
  g_assert_nonnull (statements);
  g_assert_cmpint (kind, ==, SETTLE_IMPORT_KIND_STATEMENT);
  g_assert_cmpstr (format, ==, "csv");
  g_assert_cmpstr (profile, ==, expect_profile);
  return statements;
}

static void
assert_date (const GDate *date, const char *iso)
{
  GDate expected = test_statement_date (iso);

  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_compare (date, &expected), ==, 0);
}

static void
test_capitalone (void)
{
  /* Two card lines: Debit 1000.00 (Airplanes R Us) and Credit 1000.00 (autopay);
   * date = Posted Date, value date = Transaction Date. Sum 0. */
  g_autoptr(GPtrArray) s = fixture ("capitalone.csv", "capitalone");

  g_assert_cmpuint (s->len, ==, 1);
  g_assert_cmpuint (STMT (s, 0)->lines->len, ==, 2);
  g_assert_cmpint (LINE (STMT (s, 0), 0)->amount, ==, -100000);
  g_assert_cmpint (LINE (STMT (s, 0), 1)->amount, ==, 100000);
  g_assert_cmpint (test_statement_sum (STMT (s, 0)), ==, 0);
  assert_date (&LINE (STMT (s, 0), 0)->date, "2016-01-02");
  assert_date (&LINE (STMT (s, 0), 0)->value_date, "2015-12-31");
  g_assert_cmpstr (LINE (STMT (s, 0), 0)->currency, ==, "USD");
  g_assert_false (STMT (s, 0)->has_opening);
}

static void
test_creditunion (void)
{
  /* CR-only line ends, M/D/YY dates (2/24/15 says month first), 8 rows of whole
   * dollars: 50000 + 50000 + 70000 + 65000 + 60000 + 75000 + 45000 + 50000 = 465,000.00. */
  g_autoptr(GPtrArray) s = fixture ("creditunion.csv", "creditunion");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpuint (s->len, ==, 1);
  g_assert_cmpuint (st->lines->len, ==, 8);
  g_assert_cmpint (test_statement_sum (st), ==, 46500000);
  assert_date (&LINE (st, 2)->date, "2015-02-24");
  g_assert_cmpstr (LINE (st, 0)->reference, ==, "INV-1");
  g_assert_cmpstr (LINE (st, 0)->payer_name, ==, "Ằdøłƥh Noƴa");
  g_assert_cmpuint (LINE (st, 7)->source_line, ==, 9);
  g_assert_true (g_str_has_prefix (LINE (st, 0)->dedupe_key, "hash:"));
  assert_date (&st->start, "2015-02-08");
  assert_date (&st->end, "2015-03-25");
}

static void
test_default (void)
{
  /* csv2ofx's own layout: the Account column splits it: Checking has INV-1..6
   * (50000 + 50000 + 70000 + 65000 + 60000 + 75000 = 370,000), Cash INV-7..8
   * (45000 + 50000 = 95,000). The Row hash is the bank's id. */
  g_autoptr(GPtrArray) s = fixture ("default.csv", "default");

  g_assert_cmpuint (s->len, ==, 2);
  g_assert_cmpstr (STMT (s, 0)->account_id, ==, "Checking");
  g_assert_cmpuint (STMT (s, 0)->lines->len, ==, 6);
  g_assert_cmpint (test_statement_sum (STMT (s, 0)), ==, 37000000);
  g_assert_cmpstr (STMT (s, 1)->account_id, ==, "Cash");
  g_assert_cmpuint (STMT (s, 1)->lines->len, ==, 2);
  g_assert_cmpint (test_statement_sum (STMT (s, 1)), ==, 9500000);
  g_assert_cmpstr (LINE (STMT (s, 0), 0)->dedupe_key, ==, "ref:ff388c16e4ed0b29da271188dd9a975f");
  g_assert_cmpstr (LINE (STMT (s, 0), 0)->reference, ==, "INV-1");
}

static void
test_gls (void)
{
  /* Latin-1, ';', 1.234,56 numbers: one line of -98,76 EUR, Kontostand 1.234,56 after
   * it, so the opening balance is 1234.56 + 98.76 = 1333.32. */
  g_autoptr(GPtrArray) s = fixture ("gls.csv", "gls");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpuint (s->len, ==, 1);
  g_assert_cmpuint (st->lines->len, ==, 1);
  g_assert_cmpint (LINE (st, 0)->amount, ==, -9876);
  g_assert_cmpstr (st->currency, ==, "EUR");
  g_assert_cmpstr (st->account_id, ==, "1234567890");
  g_assert_true (st->has_opening && st->has_closing);
  g_assert_cmpint (st->closing_balance, ==, 123456);
  g_assert_cmpint (st->opening_balance, ==, 133332);
  g_assert_cmpstr (LINE (st, 0)->payer_name, ==, "Drillisch Online AG");
  g_assert_cmpstr (LINE (st, 0)->description, ==,
                   "SEPA-Basislastschrift B4658645 U123456789 B123456 987 SIMply Rechnung");
  assert_date (&LINE (st, 0)->date, "2017-10-10");
}

static void
test_mint (void)
{
  /* Unsigned amounts with a debit/credit type, two accounts: Savings has one debit
   * of 1,000.00; Checking -1,500.00 + 2,000.00 - 2,500.00 = -2,000.00. */
  g_autoptr(GPtrArray) s = fixture ("mint.csv", "mint");

  g_assert_cmpuint (s->len, ==, 2);
  g_assert_cmpstr (STMT (s, 0)->account_id, ==, "Savings");
  g_assert_cmpuint (STMT (s, 0)->lines->len, ==, 1);
  g_assert_cmpint (test_statement_sum (STMT (s, 0)), ==, -100000);
  g_assert_cmpstr (STMT (s, 1)->account_id, ==, "Checking");
  g_assert_cmpuint (STMT (s, 1)->lines->len, ==, 3);
  g_assert_cmpint (test_statement_sum (STMT (s, 1)), ==, -200000);
  g_assert_cmpint (LINE (STMT (s, 1), 1)->amount, ==, 200000);
}

static void
test_pcmastercard (void)
{
  /* A card export: positive amounts are charges, so money out: -36.33 - 13.98. */
  g_autoptr(GPtrArray) s = fixture ("pcmastercard.csv", "pcmastercard");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpuint (st->lines->len, ==, 2);
  g_assert_cmpint (test_statement_sum (st), ==, -5031);
  assert_date (&LINE (st, 0)->date, "2019-01-10");
  assert_date (&LINE (st, 1)->date, "2018-12-15");
  g_assert_cmpstr (LINE (st, 1)->payer_name, ==, "APL*ITUNES.COM/BILL");
}

static void
test_schwab (void)
{
  /* Newest first, "$1,036.47" money, Withdrawal/Deposit columns:
   * +20.00 - 103.00 - 75.00 - 57.27 = -215.27. Closing = the newest line's running
   * balance 878.47; opening = the oldest's 1,036.47 minus its -57.27 = 1,093.74. */
  g_autoptr(GPtrArray) s = fixture ("schwab-checking.csv", "schwab");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpuint (st->lines->len, ==, 4);
  g_assert_cmpint (test_statement_sum (st), ==, -21527);
  g_assert_cmpint (st->closing_balance, ==, 87847);
  g_assert_cmpint (st->opening_balance, ==, 109374);
  g_assert_cmpint (st->opening_balance + test_statement_sum (st), ==, st->closing_balance);
  assert_date (&st->closing_date, "2022-08-17");
  g_assert_cmpstr (LINE (st, 2)->reference, ==, "558");
}

static void
test_ubs (void)
{
  /* ';', 11'373.94 numbers, Débit/Crédit in French: -10.00 + 240.00 - 200.00 = 30.00 CHF.
   * The trimmed file is out of order: the newest line (27.04.2019) has 11'413.94, the
   * oldest (28.02.2019, +240.00) 11'613.94, so opening = 11'373.94. */
  g_autoptr(GPtrArray) s = fixture ("ubs-ch-fr_trimmed.csv", "ubs");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpuint (s->len, ==, 1);
  g_assert_cmpuint (st->lines->len, ==, 3);
  g_assert_cmpstr (st->currency, ==, "CHF");
  g_assert_cmpint (test_statement_sum (st), ==, 3000);
  g_assert_cmpint (st->closing_balance, ==, 1141394);
  g_assert_cmpint (st->opening_balance, ==, 1137394);
  g_assert_cmpstr (LINE (st, 1)->payer_name, ==, "ASSOCIATION FOO-BAR");
  g_assert_cmpstr (LINE (st, 1)->dedupe_key, ==, "ref:3456789ZT1234567");
}

static void
test_xero (void)
{
  /* A journal with 23-Jan-15 dates, one statement per AccountName:
   * Income -36000 - 113000 - 30000 - 30000 - 113000 = -322,000;
   * Cash 36000 + 113000 + 15000 + 15000 + 30000 + 113000 - 209000 = 113,000;
   * Checking 209,000. Two identical Cash lines (INV-0003) get distinct hash keys. */
  g_autoptr(GPtrArray) s = fixture ("xero.csv", "xero");

  g_assert_cmpuint (s->len, ==, 3);
  g_assert_cmpuint (test_statement_n_lines (s), ==, 13);
  g_assert_cmpint (test_statement_sum (STMT (s, 0)), ==, -32200000);
  g_assert_cmpint (test_statement_sum (STMT (s, 1)), ==, 11300000);
  g_assert_cmpint (test_statement_sum (STMT (s, 2)), ==, 20900000);
  assert_date (&LINE (STMT (s, 0), 0)->date, "2015-01-23");
  g_assert_cmpstr (LINE (STMT (s, 1), 2)->description, ==, LINE (STMT (s, 1), 3)->description);
  g_assert_cmpstr (LINE (STMT (s, 1), 2)->dedupe_key, !=, LINE (STMT (s, 1), 3)->dedupe_key);
}

static void
test_stripe (void)
{
  /* Five charges in CAD: 25.00 + 27.50 + 25.00 + 25.00 + 10.00 = 112.50, fees
   * 1.03 + 1.10 + 1.03 + 1.03 + 0.59 = 4.78, nothing refunded. */
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL, *profile = NULL;
  SettleImportKind kind;
  g_autoptr(GPtrArray) charges = test_statement_parse_fixture ("csv", "stripe-default.csv", NULL,
                                                               &kind, &format, &profile, &error);
  gint64 amount = 0, fee = 0, refunded = 0;
  SettleProcessorCharge *last;

  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, SETTLE_IMPORT_KIND_CHARGES);
  g_assert_cmpstr (format, ==, "stripe-csv");
  g_assert_null (profile);
  g_assert_cmpuint (charges->len, ==, 5);
  for (guint i = 0; i < charges->len; i++)
    {
      SettleProcessorCharge *c = g_ptr_array_index (charges, i);

      amount += c->amount;
      fee += c->fee;
      refunded += c->refunded;
      g_assert_cmpstr (c->currency, ==, "CAD");
    }
  g_assert_cmpint (amount, ==, 11250);
  g_assert_cmpint (fee, ==, 478);
  g_assert_cmpint (refunded, ==, 0);
  last = g_ptr_array_index (charges, 4);
  g_assert_cmpstr (last->charge_id, ==, "ch_1IVbR2BI9JK85yVZUofVdX4R");
  g_assert_cmpstr (last->description, ==, "Invoice 396BEA86-0001");
  g_assert_cmpstr (last->customer_email, ==, "info@bigcustomer.example.com");
  g_assert_cmpstr (last->customer_name, ==, "Big Customer");
  g_assert_cmpint (g_date_time_get_hour (last->created), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (last->created), ==, 16);
}

/* Layouts the generic detector must read. */
static void
test_generic_layouts (void)
{
  static const struct
  {
    const char *name, *text, *profile;
    guint lines;
    gint64 sum, first;
  } cases[] = {
    /* German: ';', 1.234,56, day-first (31.01 tells), a preamble before the header. */
    { "de.csv", "Kontoauszug;;\nKonto;DE12 3456;\n\nBuchungstag;Verwendungszweck;Betrag\n"
      "31.01.2024;Rechnung 7;1.234,56\n02.02.2024;Gebühr;-3,50\n", NULL, 2, 123106, 123456 },
    /* French, tab-separated, Débit/Crédit. */
    { "fr.csv", "Date\tLibellé\tDébit\tCrédit\n2024-03-01\tVirement ACME\t\t250,00\n"
      "2024-03-02\tFrais\t1,20\t\n", NULL, 2, 24880, 25000 },
    /* Swiss apostrophes, parentheses negatives, CR-only line ends. */
    { "ch.csv", "Date,Description,Amount\r13/02/2024,Payment,1'250.00\r14/02/2024,Fee,(12.50)\r",
      NULL, 2, 123750, 125000 },
    /* A DR/CR flag and unsigned amounts; month-first (02/13 tells). */
    { "flag.csv", "Date,Memo,Amount,DR/CR\n02/13/2024,Invoice 12,100.00,CR\n02/14/2024,Bank fee,5.00,DR\n",
      NULL, 2, 9500, 10000 },
    /* All dates could be either way: the profile decides. */
    { "us.csv", "Date,Payee,Amount\n01/02/2024,ACME,10.00\n03/04/2024,Beta,-2.00\n", "generic-us",
      2, 800, 1000 },
    /* A UTF-8 BOM, quoted fields with the delimiter inside, trailing minus. */
    { "bom.csv", "\xef\xbb\xbf\"Date\",\"Description\",\"Amount\"\n\"2024-05-01\",\"a, b\",\"12.00-\"\n",
      NULL, 1, -1200, -1200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) s = test_statement_parse_text (cases[i].text, -1, cases[i].name,
                                                          cases[i].profile, &error);

      g_test_message ("%s", cases[i].name);
      g_assert_no_error (error);
      g_assert_cmpuint (test_statement_n_lines (s), ==, cases[i].lines);
      g_assert_cmpint (test_statement_sum (STMT (s, 0)), ==, cases[i].sum);
      g_assert_cmpint (LINE (STMT (s, 0), 0)->amount, ==, cases[i].first);
    }
}

static void
test_cp1252 (void)
{
  /* "Gebühr €" in Windows-1252: ü = 0xfc, € = 0x80 (not in Latin-1). */
  const char text[] = "Datum;Buchungstext;Betrag\n01.02.2024;Geb\xfchr \x80;-1,00\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) s = test_statement_parse_text (text, -1, "w.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (LINE (STMT (s, 0), 0)->description, ==, "Gebühr €");
  g_assert_cmpint (LINE (STMT (s, 0), 0)->amount, ==, -100);
}

static void
test_pending_balance (void)
{
  /* The newest line is pending, without a running balance: the closing balance is
   * unknown, the opening one is 110.00 - 10.00. */
  const char *text = "Date,Description,Amount,Balance\n2024-01-01,A,10.00,110.00\n"
                     "2024-01-02,B,5.00,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) s = test_statement_parse_text (text, -1, "p.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (STMT (s, 0)->has_opening);
  g_assert_cmpint (STMT (s, 0)->opening_balance, ==, 10000);
  g_assert_false (STMT (s, 0)->has_closing);
}

static void
test_utf16 (void)
{
  /* Excel's "Unicode text": UTF-16 LE with a BOM, tab-separated. */
  const char *utf8 = "Date\tDescription\tAmount\n2024-02-01\tCafé\t-4.20\n";
  gsize length = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  g_autoptr(GString) file = g_string_new_len ("\xff\xfe", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) s = NULL;

  g_string_append_len (file, utf16, length);
  s = test_statement_parse_text (file->str, file->len, "u16.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (LINE (STMT (s, 0), 0)->description, ==, "Café");
  g_assert_cmpint (LINE (STMT (s, 0), 0)->amount, ==, -420);
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *text, *profile;
    int code;
    const char *prefix, *word;
  } cases[] = {
    { "Date,Description,Amount\n2024-01-05,Acme,10.00\n2024-01-06,Beta\n", NULL,
      SETTLE_IMPORT_ERROR_SYNTAX, "bad.csv, line 3: 2 fields where the header has 3", NULL },
    { "Date,Description,Amount\n2024-13-45,Acme,10.00\n", NULL,
      SETTLE_IMPORT_ERROR_VALUE, "bad.csv, line 2: Date “2024-13-45” is not a date", NULL },
    { "Date,Description,Amount\n2024-01-05,Acme,12;3x\n", NULL,
      SETTLE_IMPORT_ERROR_VALUE, "bad.csv, line 2: Amount “12;3x” is not an amount", NULL },
    { "Date,Description,Amount\n2024-01-05,Acme,\n", NULL,
      SETTLE_IMPORT_ERROR_VALUE, "bad.csv, line 2: Amount is empty", NULL },
    { "Date,Description,Amount\n2024-01-05,Acme,10.005\n", NULL,
      SETTLE_IMPORT_ERROR_VALUE, "bad.csv, line 2: Amount “10.005” has more decimals", "(2)" },
    { "Date,Payee,Amount\n01/02/2024,ACME,10.00\n", NULL,
      SETTLE_IMPORT_ERROR_PROFILE, "bad.csv: every date could be day-first or month-first",
      "--profile" },
    { "Date,Payee,Amount\n13/02/2024,ACME,10.00\n02/13/2024,Beta,1.00\n", NULL,
      SETTLE_IMPORT_ERROR_VALUE, "bad.csv: the dates mix day-first (line 2) and month-first (line 3)",
      NULL },
    /* Found by fuzz-csv-statement: a huge middle part overflowed the order detection. */
    { "Date,Payee,Amount\n13/82222222222222/2024,ACME,10.00\n", NULL, SETTLE_IMPORT_ERROR_VALUE,
      "bad.csv, line 2: Date “13/82222222222222/2024” is not a date", NULL },
    { "Name,Value\nAcme,10\n", NULL, SETTLE_IMPORT_ERROR_HEADER,
      "bad.csv: no header row with a date and an amount column", "--profile" },
    { "Date,Description,Amount\n2024-01-05,\"Acme,10.00\n", NULL, SETTLE_IMPORT_ERROR_SYNTAX,
      "bad.csv, line 2, column 2: the quoted field never ends", NULL },
    { "Date,Description,Amount\n", NULL, SETTLE_IMPORT_ERROR_FORMAT,
      "bad.csv: the file has a header row but no transactions", NULL },
    { "Transaction Date,Posted Date,Card No.,Description,Category,Debit,Credit\n"
      "2015-12-31,2016-01-02,1234,Airplanes,Travel,,\n", NULL, SETTLE_IMPORT_ERROR_VALUE,
      "bad.csv, line 2: neither a debit nor a credit amount", NULL },
    { "Date,Description,Amount\n2024-01-05,Acme,10.00\n", "gls", SETTLE_IMPORT_ERROR_HEADER,
      "bad.csv: no header row has the date and amount columns of profile “gls”", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) s = test_statement_parse_text (cases[i].text, -1, "bad.csv",
                                                          cases[i].profile, &error);

      g_test_message ("case %u", i);
      g_assert_null (s);
      test_statement_assert_error (error, cases[i].code, cases[i].prefix, cases[i].word, NULL);
    }
}

static void
test_amounts (void)
{
  static const struct
  {
    const char *text;
    char decimal;
    int exponent;
    gboolean ok;
    gint64 value;
  } cases[] = {
    { "1,234.56", '.', 2, TRUE, 123456 }, { "1.234,56", ',', 2, TRUE, 123456 },
    { "1'234.56", '.', 2, TRUE, 123456 }, { "(12.00)", '.', 2, TRUE, -1200 },
    { "-98,76", ',', 2, TRUE, -9876 },    { "$1,036.47", '.', 2, TRUE, 103647 },
    { "CHF 5", '.', 2, TRUE, 500 },       { "+7.5", '.', 2, TRUE, 750 },
    { "25.000", '.', 2, TRUE, 2500 },     { "12", '.', 0, TRUE, 12 },
    { "1.5", '.', 0, FALSE, 0 },          { "12.345", '.', 2, FALSE, 0 },
    { "", '.', 2, FALSE, 0 },             { "abc", '.', 2, FALSE, 0 },
    { "(12.00", '.', 2, FALSE, 0 },       { "1.2.3", '.', 2, FALSE, 0 },
    { "99999999999999999999", '.', 2, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *why = NULL;
      gint64 v = 0;
      gboolean ok = settle_statement_parse_amount (cases[i].text, cases[i].decimal,
                                                   cases[i].exponent, &v, &why);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpint (v, ==, cases[i].value);
      else
        g_assert_nonnull (why);
    }
}

static void
test_profiles (void)
{
  g_auto(GStrv) names = settle_csv_profile_list_names ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(SettleCsvProfile) p = settle_csv_profile_lookup (names[i]);
      g_autofree char *text = settle_csv_profile_serialise (p);
      g_autoptr(SettleCsvProfile) back = settle_csv_profile_parse (text, &error);
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      again = settle_csv_profile_serialise (back);
      g_assert_cmpstr (text, ==, again);
      g_assert_cmpstr (settle_csv_profile_get_name (back), ==, names[i]);
    }
  g_assert_true (g_strv_contains ((const char *const *) names, "ubs"));
  g_assert_null (settle_csv_profile_lookup ("no-such-bank"));
  g_assert_null (settle_csv_profile_parse ("[csv-profile]\nname=x\n", &error));
  test_statement_assert_error (error, SETTLE_IMPORT_ERROR_PROFILE,
                               "The saved CSV profile “x” is incomplete", NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/statement-csv/capitalone", test_capitalone);
  g_test_add_func ("/statement-csv/creditunion", test_creditunion);
  g_test_add_func ("/statement-csv/default", test_default);
  g_test_add_func ("/statement-csv/gls", test_gls);
  g_test_add_func ("/statement-csv/mint", test_mint);
  g_test_add_func ("/statement-csv/pcmastercard", test_pcmastercard);
  g_test_add_func ("/statement-csv/schwab", test_schwab);
  g_test_add_func ("/statement-csv/ubs", test_ubs);
  g_test_add_func ("/statement-csv/xero", test_xero);
  g_test_add_func ("/statement-csv/stripe", test_stripe);
  g_test_add_func ("/statement-csv/generic-layouts", test_generic_layouts);
  g_test_add_func ("/statement-csv/cp1252", test_cp1252);
  g_test_add_func ("/statement-csv/utf16", test_utf16);
  g_test_add_func ("/statement-csv/pending-balance", test_pending_balance);
  g_test_add_func ("/statement-csv/malformed", test_malformed);
  g_test_add_func ("/statement-csv/amounts", test_amounts);
  g_test_add_func ("/statement-csv/profiles", test_profiles);
  return g_test_run ();
}
