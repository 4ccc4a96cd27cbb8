/* SPDX-License-Identifier: GPL-3.0-or-later */
/* OFX 1.x (SGML) and 2.x (XML): every OFX fixture, imported with its lines and
 * balances worked out by reading the file, or refused with its own message. */
#include "config.h"

#include <string.h>

#include "test-statement-util.h"

#define LINE(st, i) ((SettleBankLine *) g_ptr_array_index ((st)->lines, (i)))
#define STMT(a, i) ((SettleBankStatement *) g_ptr_array_index ((a), (i)))

static GPtrArray *
fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  GPtrArray *statements = test_statement_parse_fixture ("ofx", name, NULL, NULL, &format, NULL,
                                                        &error);

  g_assert_no_error (error);
  g_assert_cmpstr (format, ==, "ofx");
  return statements;
}

static void
test_checking (void)
{
  /* SGML, CHARSET 1252: TRNAMT 0.01, -34.51, -25.00 = -59.50 USD; LEDGERBAL 100.99
   * after them, so opening = 100.99 + 59.50 = 160.49. CHECKNUM 319 is the reference. */
  g_autoptr(GPtrArray) s = fixture ("checking.ofx");
  SettleBankStatement *st = STMT (s, 0);
  GDate d = test_statement_date ("2011-04-05");

  g_assert_cmpuint (s->len, ==, 1);
  g_assert_cmpuint (st->lines->len, ==, 3);
  g_assert_cmpint (test_statement_sum (st), ==, -5950);
  g_assert_cmpstr (st->currency, ==, "USD");
  g_assert_true (st->has_closing && st->has_opening);
  g_assert_cmpint (st->closing_balance, ==, 10099);
  g_assert_cmpint (st->opening_balance, ==, 16049);
  g_assert_cmpstr (LINE (st, 0)->dedupe_key, ==, "fitid:0000486");
  g_assert_cmpint (g_date_compare (&LINE (st, 1)->date, &d), ==, 0);
  g_assert_cmpstr (LINE (st, 2)->reference, ==, "319");
  g_assert_cmpstr (LINE (st, 2)->kind, ==, "CHECK");
  g_assert_cmpuint (LINE (st, 0)->source_line, ==, 46);
}

static void
test_bank_medium (void)
{
  /* One-line SGML: -6.60 - 316.67 - 22.00 = -345.27 CAD, LEDGERBAL 382.34. */
  g_autoptr(GPtrArray) s = fixture ("bank_medium.ofx");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpuint (st->lines->len, ==, 3);
  g_assert_cmpint (test_statement_sum (st), ==, -34527);
  g_assert_cmpstr (st->currency, ==, "CAD");
  g_assert_cmpint (st->closing_balance, ==, 38234);
  g_assert_cmpint (st->opening_balance, ==, 38234 + 34527);
  g_assert_cmpstr (LINE (st, 0)->payer_name, ==, "MCDONALD'S #112");
}

static void
test_credit_card (void)
{
  /* OFX 2 XML credit card (CCSTMTRS): one charge of -5.50 AUD, LEDGERBAL -123.45. */
  g_autoptr(GPtrArray) s = fixture ("anzcc.ofx");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpuint (st->lines->len, ==, 1);
  g_assert_cmpint (LINE (st, 0)->amount, ==, -550);
  g_assert_cmpstr (st->currency, ==, "AUD");
  g_assert_cmpstr (st->account_id, ==, "1234123412341234");
  g_assert_cmpint (st->closing_balance, ==, -12345);
  g_assert_cmpstr (LINE (st, 0)->dedupe_key, ==, "fitid:201705080001");
}

static void
test_suncorp (void)
{
  /* OFX 2 XML: -16.85 AUD, LEDGERBAL 1234.12. */
  g_autoptr(GPtrArray) s = fixture ("suncorp.ofx");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpuint (st->lines->len, ==, 1);
  g_assert_cmpint (LINE (st, 0)->amount, ==, -1685);
  g_assert_cmpint (st->closing_balance, ==, 123412);
}

static void
test_multiple_accounts (void)
{
  /* Two STMTRS, no transactions: accounts 9100 (LEDGERBAL 111) and 9200 (222). */
  const char *names[] = { "multiple_accounts.ofx", "multiple_accounts2.ofx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) s = fixture (names[i]);

      g_assert_cmpuint (s->len, ==, 2);
      g_assert_cmpuint (test_statement_n_lines (s), ==, 0);
      g_assert_cmpint (STMT (s, 0)->closing_balance, ==, 11100);
      g_assert_cmpint (STMT (s, 1)->closing_balance, ==, 22200);
      g_assert_true (g_str_has_suffix (STMT (s, 0)->account_id, "9100"));
      g_assert_true (g_str_has_suffix (STMT (s, 1)->account_id, "9200"));
    }
}

static void
test_refused (void)
{
  static const struct
  {
    const char *name;
    int code;
    const char *prefix, *word;
  } cases[] = {
    { "signon_fail.ofx", SETTLE_IMPORT_ERROR_SIGNON,
      "signon_fail.ofx: the bank refused the sign-on: Your request could not be processed",
      "(code 15500)" },
    { "error_message.ofx", SETTLE_IMPORT_ERROR_SIGNON,
      "error_message.ofx: the bank sent an error instead of the statement: General Server Error",
      "(code 2000)" },
    { "fail_nice_date_missing.ofx", SETTLE_IMPORT_ERROR_VALUE,
      "fail_nice_date_missing.ofx, line 33: the transaction (STMTTRN) has no DTPOSTED date", NULL },
    { "fail_nice_decimal_error.ofx", SETTLE_IMPORT_ERROR_VALUE,
      "fail_nice_decimal_error.ofx, line 34: TRNAMT “$120” is not an amount", NULL },
    { "fail_nice_empty_balance.ofx", SETTLE_IMPORT_ERROR_VALUE,
      "fail_nice_empty_balance.ofx, line 38: the LEDGERBAL balance (BALAMT) is empty", NULL },
    { "ofx-v102-empty-tags.ofx", SETTLE_IMPORT_ERROR_VALUE,
      "ofx-v102-empty-tags.ofx, line 23: the statement has no CURDEF currency", NULL },
    { "account_listing_aggregation.ofx", SETTLE_IMPORT_ERROR_FORMAT,
      "account_listing_aggregation.ofx: the OFX file holds no bank or credit card statement", NULL },
    { "bank_small.ofx", SETTLE_IMPORT_ERROR_FORMAT,
      "bank_small.ofx: the OFX file holds no bank or credit card statement", NULL },
    { "signon_success.ofx", SETTLE_IMPORT_ERROR_FORMAT,
      "signon_success.ofx: the OFX file holds no bank or credit card statement", NULL },
    { "signon_success_no_message.ofx", SETTLE_IMPORT_ERROR_FORMAT,
      "signon_success_no_message.ofx: the OFX file holds no bank or credit card statement", NULL },
    { "fidelity.ofx", SETTLE_IMPORT_ERROR_INVESTMENT,
      "fidelity.ofx: this is an investment statement, not a bank statement", NULL },
    { "fidelity-savings.ofx", SETTLE_IMPORT_ERROR_INVESTMENT,
      "fidelity-savings.ofx: this is an investment statement", NULL },
    { "investment_401k.ofx", SETTLE_IMPORT_ERROR_INVESTMENT,
      "investment_401k.ofx: this is an investment statement", NULL },
    { "investment_medium.ofx", SETTLE_IMPORT_ERROR_INVESTMENT,
      "investment_medium.ofx: this is an investment statement", NULL },
    { "td_ameritrade.ofx", SETTLE_IMPORT_ERROR_INVESTMENT,
      "td_ameritrade.ofx: this is an investment statement", NULL },
    { "tiaacref.ofx", SETTLE_IMPORT_ERROR_INVESTMENT,
      "tiaacref.ofx: this is an investment statement", NULL },
    { "vanguard.ofx", SETTLE_IMPORT_ERROR_INVESTMENT,
      "vanguard.ofx: this is an investment statement", NULL },
    { "vanguard401k.ofx", SETTLE_IMPORT_ERROR_INVESTMENT,
      "vanguard401k.ofx: this is an investment statement", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) s = test_statement_parse_fixture ("ofx", cases[i].name, NULL, NULL,
                                                             NULL, NULL, &error);

      g_test_message ("%s", cases[i].name);
      g_assert_null (s);
      test_statement_assert_error (error, cases[i].code, cases[i].prefix, cases[i].word, NULL);
    }
}

/* Every fixture of the folder is covered by one of the tests above. */
static void
test_all_covered (void)
{
  g_autofree char *dir = test_statement_fixture ("ofx", "");
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".ofx"))
      n++;
  /* 6 imported (checking, bank_medium, anzcc, suncorp, multiple_accounts 1 and 2) + 18 refused. */
  g_assert_cmpuint (n, ==, 24);
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *text;
    int code;
    const char *prefix;
  } cases[] = {
    /* SGML cut short in the middle of a transaction. */
    { "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n"
      "<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105<TRNAMT>-5.00\n<FITID>1",
      SETTLE_IMPORT_ERROR_SYNTAX, "cut.ofx, line 6: the file ends before </OFX>; it was cut short" },
    /* A bad amount. */
    { "OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n"
      "<BANKTRANLIST>\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105<TRNAMT>12,3x<FITID>1</STMTTRN>"
      "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n",
      SETTLE_IMPORT_ERROR_VALUE, "cut.ofx, line 5: TRNAMT “12,3x” is not an amount" },
    /* An impossible date. */
    { "OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n"
      "<BANKTRANLIST>\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240231<TRNAMT>1.00<FITID>1</STMTTRN>"
      "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n",
      SETTLE_IMPORT_ERROR_VALUE, "cut.ofx, line 5: DTPOSTED “20240231” is not a date" },
    { "<OFX-ish>hello", SETTLE_IMPORT_ERROR_FORMAT,
      "cut.ofx: an XML file that is neither OFX nor a CAMT.053 statement" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) s = test_statement_parse_text (cases[i].text, -1, "cut.ofx", NULL,
                                                          &error);

      g_test_message ("case %u", i);
      g_assert_null (s);
      test_statement_assert_error (error, cases[i].code, cases[i].prefix, NULL);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/statement-ofx/checking", test_checking);
  g_test_add_func ("/statement-ofx/bank-medium", test_bank_medium);
  g_test_add_func ("/statement-ofx/credit-card", test_credit_card);
  g_test_add_func ("/statement-ofx/suncorp", test_suncorp);
  g_test_add_func ("/statement-ofx/multiple-accounts", test_multiple_accounts);
  g_test_add_func ("/statement-ofx/refused", test_refused);
  g_test_add_func ("/statement-ofx/all-covered", test_all_covered);
  g_test_add_func ("/statement-ofx/malformed", test_malformed);
  return g_test_run ();
}
