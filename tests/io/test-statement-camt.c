/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CAMT.053: every fixture (tests/fixtures/statements/camt053) with its lines and
 * balances worked out by reading the file, batch entries, and malformed files. */
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
  GPtrArray *statements = test_statement_parse_fixture ("camt053", name, NULL, NULL, &format,
                                                        NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (format, ==, "camt053");
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
test_minimal (void)
{
  /* One credit of 8.85 EUR from NAME NAME (NL56AGDH9619008421), creditor reference
   * 4654654654654654; OPBD 18.15 CRDT. CLBD is given in SEK and CLAV in JPY: not the
   * account's currency, so no closing balance. Booked 2014-12-31, value 2015-01-02. */
  const char *names[] = { "camt053.v2.minimal.xml", "camt053.v2.with-party-ids.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) s = fixture (names[i]);
      SettleBankStatement *st = STMT (s, 0);

      g_assert_cmpuint (s->len, ==, 1);
      g_assert_cmpstr (st->account_id, ==, "NL26VAYB8060476890");
      g_assert_cmpstr (st->currency, ==, "EUR");
      g_assert_cmpuint (st->lines->len, ==, 1);
      g_assert_cmpint (LINE (st, 0)->amount, ==, 885);
      g_assert_true (st->has_opening);
      g_assert_cmpint (st->opening_balance, ==, 1815);
      g_assert_false (st->has_closing);
      g_assert_cmpstr (LINE (st, 0)->payer_name, ==, "NAME NAME");
      g_assert_cmpstr (LINE (st, 0)->payer_account, ==, "NL56AGDH9619008421");
      g_assert_cmpstr (LINE (st, 0)->reference, ==, "4654654654654654");
      assert_date (&LINE (st, 0)->date, "2014-12-31");
      assert_date (&LINE (st, 0)->value_date, "2015-01-02");
      g_assert_true (g_str_has_prefix (LINE (st, 0)->dedupe_key, "hash:"));
      assert_date (&st->start, "2007-10-18");
    }
}

static void
test_ultimate (void)
{
  /* The same entry with other party names. */
  g_autoptr(GPtrArray) s = fixture ("camt053.v2.minimal.ultimate.xml");

  g_assert_cmpuint (STMT (s, 0)->lines->len, ==, 1);
  g_assert_cmpint (LINE (STMT (s, 0), 0)->amount, ==, 885);
  g_assert_cmpstr (LINE (STMT (s, 0), 0)->payer_name, ==, "DEBTOR NAME NM");
}

static void
test_multi_statement (void)
{
  /* Two Stmt: 18.15 + 8.85 (CRDT) = 27.00 closing; then 27.00 - 7.00 (DBIT) = 20.00. */
  g_autoptr(GPtrArray) s = fixture ("camt053.v2.multi.statement.xml");

  g_assert_cmpuint (s->len, ==, 2);
  g_assert_cmpint (STMT (s, 0)->opening_balance, ==, 1815);
  g_assert_cmpint (test_statement_sum (STMT (s, 0)), ==, 885);
  g_assert_cmpint (STMT (s, 0)->closing_balance, ==, 2700);
  g_assert_cmpint (STMT (s, 1)->opening_balance, ==, 2700);
  g_assert_cmpint (test_statement_sum (STMT (s, 1)), ==, -700);
  g_assert_cmpint (STMT (s, 1)->closing_balance, ==, 2000);
  g_assert_cmpstr (LINE (STMT (s, 1), 0)->payer_name, ==, "Company Name 2");
  g_assert_cmpstr (LINE (STMT (s, 1), 0)->reference, ==, "000000002");
  g_assert_cmpstr (LINE (STMT (s, 1), 0)->description, ==, "Transaction Description 2");
}

static void
test_balance_types (void)
{
  /* OPBD 1.01 wins over PRCD 2.02, CLBD 4.04 over CLAV 5.05; the others (OPAV,
   * FWAV, INFO, ITAV, ITBD, XPCD) are not the booked balances. Entry "8.850": one
   * trailing zero more than EUR has, exactly 8.85. */
  g_autoptr(GPtrArray) s = fixture ("camt053.v2.all-balance-types.xml");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpint (st->opening_balance, ==, 101);
  g_assert_cmpint (st->closing_balance, ==, 404);
  assert_date (&st->closing_date, "2015-01-22");
  g_assert_cmpint (LINE (st, 0)->amount, ==, 885);
  g_assert_cmpstr (st->account_name, ==, "FINPETROL");
}

static void
test_five_decimals (void)
{
  /* 18.150, 27.050 and 8.850: exact in cents (trailing zeros), so imported:
   * 18.15 + 8.85 = 27.00, while CLBD says 27.05 (the file's own inconsistency). */
  g_autoptr(GPtrArray) s = fixture ("camt053.v2.five.decimals.xml");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpint (st->opening_balance, ==, 1815);
  g_assert_cmpint (st->closing_balance, ==, 2705);
  g_assert_cmpint (LINE (st, 0)->amount, ==, 885);
  g_assert_cmpstr (LINE (st, 0)->reference, ==, "000000001");
}

static void
test_account_name (void)
{
  /* No Acct/Ccy: the entry's EUR; the only balance is CLAV in JPY: none kept. */
  g_autoptr(GPtrArray) s = fixture ("camt053.v2.with-account-name.xml");
  SettleBankStatement *st = STMT (s, 0);

  g_assert_cmpstr (st->currency, ==, "EUR");
  g_assert_cmpstr (st->account_name, ==, "Account Owner Name");
  g_assert_false (st->has_opening || st->has_closing);
  g_assert_cmpint (LINE (st, 0)->amount, ==, 885);
}

static void
test_wrong (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) s = test_statement_parse_fixture ("camt053", "camt053.v2.wrong.xml", NULL,
                                                         NULL, NULL, NULL, &error);

  g_assert_null (s);
  test_statement_assert_error (error, SETTLE_IMPORT_ERROR_FORMAT,
                               "camt053.v2.wrong.xml, line 3: BkToCstmrStmt holds no Stmt", NULL);
}

#define DOC_HEAD(v) "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001." v "\">\n" \
  "<BkToCstmrStmt><Stmt><Id>1</Id><Acct><Id><IBAN>DE1</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
#define DOC_TAIL "</Stmt></BkToCstmrStmt></Document>\n"

static void
test_batch (void)
{
  /* v08: a batch entry of 30.00 with two TxDtls of 10.00 and 20.00 -> two lines
   * (payers from Dbtr/Pty/Nm), dedupe by AcctSvcrRef + position. */
  const char *split = DOC_HEAD ("08")
    "<Ntry><NtryRef>N1</NtryRef><Amt Ccy=\"EUR\">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
    "<BookgDt><DtTm>2024-02-01T09:00:00</DtTm></BookgDt><AcctSvcrRef>B-77</AcctSvcrRef>"
    "<NtryDtls><TxDtls><Amt Ccy=\"EUR\">10.00</Amt><RltdPties><Dbtr><Pty><Nm>Acme</Nm></Pty></Dbtr>"
    "</RltdPties><RmtInf><Ustrd>INV-1</Ustrd></RmtInf></TxDtls>"
    "<TxDtls><Amt Ccy=\"EUR\">20.00</Amt><RltdPties><Dbtr><Pty><Nm>Beta</Nm></Pty></Dbtr>"
    "</RltdPties><RmtInf><Ustrd>INV-2</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n" DOC_TAIL;
  /* The same without amounts per TxDtls: one line, the first payer. A reversal. */
  const char *whole = DOC_HEAD ("02")
    "<Ntry><Amt Ccy=\"EUR\">30.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>"
    "<BookgDt><Dt>2024-02-01</Dt></BookgDt><AcctSvcrRef>B-78</AcctSvcrRef>"
    "<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Acme</Nm></Cdtr></RltdPties></TxDtls>"
    "<TxDtls><RltdPties><Cdtr><Nm>Beta</Nm></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>\n"
    DOC_TAIL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = test_statement_parse_text (split, -1, "b.xml", NULL, &error);
  g_autoptr(GPtrArray) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (STMT (a, 0)->lines->len, ==, 2);
  g_assert_cmpint (LINE (STMT (a, 0), 0)->amount, ==, 1000);
  g_assert_cmpint (LINE (STMT (a, 0), 1)->amount, ==, 2000);
  g_assert_cmpstr (LINE (STMT (a, 0), 1)->payer_name, ==, "Beta");
  g_assert_cmpstr (LINE (STMT (a, 0), 1)->description, ==, "INV-2");
  g_assert_cmpstr (LINE (STMT (a, 0), 0)->dedupe_key, ==, "ref:B-77/1");
  assert_date (&LINE (STMT (a, 0), 0)->date, "2024-02-01");

  b = test_statement_parse_text (whole, -1, "b.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (STMT (b, 0)->lines->len, ==, 1);
  g_assert_cmpint (LINE (STMT (b, 0), 0)->amount, ==, -3000);
  g_assert_cmpstr (LINE (STMT (b, 0), 0)->payer_name, ==, "Acme");
  g_assert_cmpstr (LINE (STMT (b, 0), 0)->kind, ==, "reversal");
  g_assert_cmpstr (LINE (STMT (b, 0), 0)->dedupe_key, ==, "ref:B-78");
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *text;
    int code;
    const char *prefix, *word;
  } cases[] = {
    { DOC_HEAD ("02") "<Ntry><Amt Ccy=\"EUR\">8.855</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
      "<BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>\n" DOC_TAIL,
      SETTLE_IMPORT_ERROR_VALUE, "m.xml, line 4: Amt “8.855” EUR has more decimals", "(2)" },
    { DOC_HEAD ("02") "<Ntry><Amt Ccy=\"EUR\">1.00</Amt>"
      "<BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>\n" DOC_TAIL,
      SETTLE_IMPORT_ERROR_VALUE, "m.xml, line 4: CdtDbtInd “” is neither CRDT nor DBIT", NULL },
    { DOC_HEAD ("04") "<Ntry><Amt Ccy=\"EUR\">1,00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
      "<BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>\n" DOC_TAIL,
      SETTLE_IMPORT_ERROR_VALUE, "m.xml, line 4: Amt “1,00” is not an amount", NULL },
    { DOC_HEAD ("02") "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
      "<BookgDt><Dt>2024-02-30</Dt></BookgDt></Ntry>\n" DOC_TAIL,
      SETTLE_IMPORT_ERROR_VALUE, "m.xml, line 4: BookgDt “2024-02-30” is not a date", NULL },
    { DOC_HEAD ("02") "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>\n"
      DOC_TAIL, SETTLE_IMPORT_ERROR_VALUE,
      "m.xml, line 4: the entry (Ntry) has no BookgDt booking date", NULL },
    { DOC_HEAD ("02") "<Ntry><Amt Ccy=\"EUR\">1.00</Amt>\n<CdtDbtInd>CRDT</Cdt", 
      SETTLE_IMPORT_ERROR_SYNTAX, "m.xml, line 5: the XML is broken", NULL },
    { "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.02\"/>",
      SETTLE_IMPORT_ERROR_FORMAT, "m.xml: a CAMT file, but not camt.053", NULL },
    { "<?xml version=\"1.0\"?>\n<Other xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>",
      SETTLE_IMPORT_ERROR_FORMAT, "m.xml: not a CAMT.053 bank statement", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) s = test_statement_parse_text (cases[i].text, -1, "m.xml", NULL,
                                                          &error);

      g_test_message ("case %u", i);
      g_assert_null (s);
      test_statement_assert_error (error, cases[i].code, cases[i].prefix, cases[i].word, NULL);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/statement-camt/minimal", test_minimal);
  g_test_add_func ("/statement-camt/ultimate", test_ultimate);
  g_test_add_func ("/statement-camt/multi-statement", test_multi_statement);
  g_test_add_func ("/statement-camt/balance-types", test_balance_types);
  g_test_add_func ("/statement-camt/five-decimals", test_five_decimals);
  g_test_add_func ("/statement-camt/account-name", test_account_name);
  g_test_add_func ("/statement-camt/wrong", test_wrong);
  g_test_add_func ("/statement-camt/batch", test_batch);
  g_test_add_func ("/statement-camt/malformed", test_malformed);
  return g_test_run ();
}
