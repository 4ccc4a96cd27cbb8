/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing into a book: every fixture (or its refusal, leaving the book as it was),
 * re-imports and overlaps that import nothing twice, the CSV profile saved per bank
 * account, and the worker variant. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "settle-reconcile.h"
#include "settle-test-util.h"
#include "test-statement-util.h"

typedef struct
{
  const char *folder, *name;
  guint       imported;    /* 0 = refused */
  int         code;
} FixtureCase;

/* Line counts as worked out in test-statement-{csv,ofx,camt}.c. */
static const FixtureCase fixtures[] = {
  { "csv", "capitalone.csv", 2 },      { "csv", "creditunion.csv", 8 },
  { "csv", "default.csv", 8 },         { "csv", "gls.csv", 1 },
  { "csv", "mint.csv", 4 },            { "csv", "pcmastercard.csv", 2 },
  { "csv", "schwab-checking.csv", 4 }, { "csv", "stripe-default.csv", 5 },
  { "csv", "ubs-ch-fr_trimmed.csv", 3 }, { "csv", "xero.csv", 13 },
  { "ofx", "anzcc.ofx", 1 },           { "ofx", "bank_medium.ofx", 3 },
  { "ofx", "checking.ofx", 3 },        { "ofx", "suncorp.ofx", 1 },
  { "ofx", "multiple_accounts.ofx", 0, -1 }, { "ofx", "multiple_accounts2.ofx", 0, -1 },
  { "ofx", "account_listing_aggregation.ofx", 0, SETTLE_IMPORT_ERROR_FORMAT },
  { "ofx", "bank_small.ofx", 0, SETTLE_IMPORT_ERROR_FORMAT },
  { "ofx", "error_message.ofx", 0, SETTLE_IMPORT_ERROR_SIGNON },
  { "ofx", "fail_nice_date_missing.ofx", 0, SETTLE_IMPORT_ERROR_VALUE },
  { "ofx", "fail_nice_decimal_error.ofx", 0, SETTLE_IMPORT_ERROR_VALUE },
  { "ofx", "fail_nice_empty_balance.ofx", 0, SETTLE_IMPORT_ERROR_VALUE },
  { "ofx", "fidelity-savings.ofx", 0, SETTLE_IMPORT_ERROR_INVESTMENT },
  { "ofx", "fidelity.ofx", 0, SETTLE_IMPORT_ERROR_INVESTMENT },
  { "ofx", "investment_401k.ofx", 0, SETTLE_IMPORT_ERROR_INVESTMENT },
  { "ofx", "investment_medium.ofx", 0, SETTLE_IMPORT_ERROR_INVESTMENT },
  { "ofx", "ofx-v102-empty-tags.ofx", 0, SETTLE_IMPORT_ERROR_VALUE },
  { "ofx", "signon_fail.ofx", 0, SETTLE_IMPORT_ERROR_SIGNON },
  { "ofx", "signon_success.ofx", 0, SETTLE_IMPORT_ERROR_FORMAT },
  { "ofx", "signon_success_no_message.ofx", 0, SETTLE_IMPORT_ERROR_FORMAT },
  { "ofx", "td_ameritrade.ofx", 0, SETTLE_IMPORT_ERROR_INVESTMENT },
  { "ofx", "tiaacref.ofx", 0, SETTLE_IMPORT_ERROR_INVESTMENT },
  { "ofx", "vanguard.ofx", 0, SETTLE_IMPORT_ERROR_INVESTMENT },
  { "ofx", "vanguard401k.ofx", 0, SETTLE_IMPORT_ERROR_INVESTMENT },
  { "camt053", "camt053.v2.all-balance-types.xml", 1 },
  { "camt053", "camt053.v2.five.decimals.xml", 1 },
  { "camt053", "camt053.v2.minimal.ultimate.xml", 1 },
  { "camt053", "camt053.v2.minimal.xml", 1 },
  { "camt053", "camt053.v2.multi.statement.xml", 2 },
  { "camt053", "camt053.v2.with-account-name.xml", 1 },
  { "camt053", "camt053.v2.with-party-ids.xml", 1 },
  { "camt053", "camt053.v2.wrong.xml", 0, SETTLE_IMPORT_ERROR_FORMAT },
};

/* The book's content as bytes: an online backup of it (pages copied verbatim). */
static GBytes *
book_bytes (SettleBook *book, const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "snapshot.settle", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_unlink (path);
  g_assert_true (settle_book_backup (book, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static void
assert_refused_unchanged (SettleBook *book, const char *dir, const char *path, int code,
                          const char *prefix)
{
  g_autoptr(GBytes) before = book_bytes (book, dir);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  SettleImportResult result = { 0 };

  g_assert_false (settle_import_file (book, path, NULL, 0, &result, NULL, NULL, &error));
  g_assert_error (error, SETTLE_IMPORT_ERROR, code);
  if (prefix != NULL)
    g_assert_true (g_str_has_prefix (error->message, prefix));
  after = book_bytes (book, dir);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_every_fixture (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *dir = NULL;
      g_autoptr(SettleBook) book = settle_test_new_book (&dir);
      g_autofree char *path = test_statement_fixture (fixtures[i].folder, fixtures[i].name);
      g_autoptr(GError) error = NULL;
      SettleImportResult result = { 0 }, again = { 0 };

      g_test_message ("%s", fixtures[i].name);
      if (fixtures[i].code > 0)
        {
          g_autofree char *prefix = g_strconcat (fixtures[i].name, NULL);

          assert_refused_unchanged (book, dir, path, fixtures[i].code, prefix);
        }
      else
        {
          g_assert_true (settle_import_file (book, path, NULL, 0, &result, NULL, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (result.imported, ==, fixtures[i].imported);
          g_assert_cmpuint (result.duplicates, ==, 0);
          /* The same file again: nothing twice. */
          g_assert_true (settle_import_file (book, path, NULL, 0, &again, NULL, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (again.imported, ==, 0);
          g_assert_cmpuint (again.duplicates, ==, fixtures[i].imported);
        }
      settle_import_result_clear (&result);
      settle_import_result_clear (&again);
      g_clear_object (&book);
      settle_test_remove_dir (dir);
    }
}

static char *
write_file (const char *dir, const char *name, const char *text, gssize length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  return path;
}

static void
test_ofx_balances (void)
{
  /* checking.ofx: opening 160.49 + lines (-59.50) = the bank's 100.99. */
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autofree char *path = test_statement_fixture ("ofx", "checking.ofx");
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBankAccount) account = NULL;
  SettleImportResult result = { 0 };
  gint64 balance = 0;

  g_assert_true (settle_import_file (book, path, NULL, 0, &result, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.format, ==, "ofx");
  g_assert_null (result.profile);
  g_assert_cmpuint (result.statements, ==, 1);
  g_assert_cmpint (result.statement_id, >, 0);
  account = settle_bank_account_load (book, result.bank_account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->currency, ==, "USD");
  g_assert_true (settle_bank_account_balance (book, result.bank_account_id, NULL, &balance,
                                              &error));
  g_assert_cmpint (balance, ==, 10099);
  settle_import_result_clear (&result);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_overlap (void)
{
  /* With the bank's ids, and without (content hash): B repeats two lines of A. */
  const char *a_id = "Date,Description,Amount,Transaction ID\n2024-01-02,Acme,10.00,T1\n"
                     "2024-01-03,Beta,20.00,T2\n2024-01-04,Gamma,30.00,T3\n";
  const char *b_id = "Date,Description,Amount,Transaction ID\n2024-01-03,Beta,20.00,T2\n"
                     "2024-01-04,Gamma,30.00,T3\n2024-01-05,Delta,40.00,T4\n";
  const char *a_hash = "Date,Description,Amount\n2024-01-02,Acme,10.00\n2024-01-03,Beta,20.00\n"
                       "2024-01-03,Beta,20.00\n";
  const char *b_hash = "Date,Description,Amount\n2024-01-03,Beta,20.00\n2024-01-03,Beta,20.00\n"
                       "2024-01-03,Beta,20.00\n2024-01-05,Delta,40.00\n";
  const char *pairs[][2] = { { a_id, b_id }, { a_hash, b_hash } };
  const guint expect_b[][2] = { { 1, 2 }, { 2, 2 } };   /* imported, duplicates */

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *dir = NULL;
      g_autoptr(SettleBook) book = settle_test_new_book (&dir);
      g_autofree char *a = write_file (dir, "a.csv", pairs[i][0], -1);
      g_autofree char *b = write_file (dir, "b.csv", pairs[i][1], -1);
      g_autoptr(GError) error = NULL;
      SettleImportResult ra = { 0 }, rb = { 0 };

      g_assert_true (settle_import_file (book, a, NULL, 0, &ra, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ra.imported, ==, 3);
      g_assert_cmpstr (ra.profile, ==, "generic");
      g_assert_true (settle_import_file (book, b, NULL, 0, &rb, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rb.bank_account_id, ==, ra.bank_account_id);
      /* Hash: the third identical "Beta" of B is new (A had two). */
      g_assert_cmpuint (rb.imported, ==, expect_b[i][0]);
      g_assert_cmpuint (rb.duplicates, ==, expect_b[i][1]);
      settle_import_result_clear (&ra);
      settle_import_result_clear (&rb);
      g_clear_object (&book);
      settle_test_remove_dir (dir);
    }
}

static void
test_profile_saved (void)
{
  /* Day and month both <= 12: generic refuses to guess; with generic-eu it imports,
   * and the account remembers: the next file of that account needs no --profile. */
  const char *first = "Datum,Text,Betrag\n01/02/2024,Miete,\"-1.000,00\"\n";
  const char *second = "Datum,Text,Betrag\n03/04/2024,Miete,\"-1.000,00\"\n";
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autofree char *a = write_file (dir, "jan.csv", first, -1);
  g_autofree char *b = write_file (dir, "apr.csv", second, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBankAccount) account = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  SettleImportResult ra = { 0 }, rb = { 0 };

  assert_refused_unchanged (book, dir, a, SETTLE_IMPORT_ERROR_PROFILE, "jan.csv: every date");
  g_assert_true (settle_import_file (book, a, "generic-eu", 0, &ra, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ra.profile, ==, "generic-eu");
  account = settle_bank_account_load (book, ra.bank_account_id, &error);
  g_assert_nonnull (account->csv_profile);
  g_assert_nonnull (strstr (account->csv_profile, "name=generic-eu"));
  /* By the account id given, and by the saved profile's account when none is. */
  g_assert_true (settle_import_file (book, b, NULL, ra.bank_account_id, &rb, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rb.profile, ==, "generic-eu");
  g_assert_cmpuint (rb.imported, ==, 1);
  lines = settle_reconcile_list_lines (book, ra.bank_account_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  for (guint i = 0; i < lines->len; i++)
    {
      SettleStatementLineRow *row = g_ptr_array_index (lines, i);

      g_assert_cmpint (row->amount, ==, -100000);
      /* 01/02 and 03/04 read day first: February and April. */
      g_assert_true (g_date_get_month (&row->date) == 2 || g_date_get_month (&row->date) == 4);
    }
  settle_import_result_clear (&ra);
  settle_import_result_clear (&rb);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_refusals (void)
{
  /* Each leaves the book as it was, after an import that worked. */
  static const struct
  {
    const char *name, *text;
    gssize length;
    int code;
    const char *prefix;
  } cases[] = {
    { "empty.csv", "", 0, SETTLE_IMPORT_ERROR_FORMAT, "empty.csv: the file is empty" },
    { "blank.ofx", " \n\r\n", -1, SETTLE_IMPORT_ERROR_FORMAT, "blank.ofx: the file is empty" },
    { "photo.jpg", "\xff\xd8\xff\xe0\0\x10JFIF\0\x01", 12, SETTLE_IMPORT_ERROR_FORMAT,
      "photo.jpg: this is a binary file, not a bank statement" },
    { "late.csv", "Date,Description,Amount\n2024-01-05,Acme,10.00\n2024-01-06,Beta,12,3x\n", -1,
      SETTLE_IMPORT_ERROR_SYNTAX, "late.csv, line 3: 4 fields where the header has 3" },
    { "late2.csv", "Date,Description,Amount\n2024-01-05,Acme,10.00\n2024-01-06,Beta,1x\n", -1,
      SETTLE_IMPORT_ERROR_VALUE, "late2.csv, line 3: Amount “1x” is not an amount" },
    { "broken.xml", "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
      "camt.053.001.02\">\n<BkToCstmrStmt>", -1, SETTLE_IMPORT_ERROR_SYNTAX,
      "broken.xml, line 3: the XML is broken" },
    { "cut.ofx", "OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n<BANKTRAN", -1,
      SETTLE_IMPORT_ERROR_SYNTAX, "cut.ofx, line 4: the file ends before </OFX>" },
    { "inv.ofx", "OFXHEADER:100\n\n<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS></INVSTMTRS>"
      "</INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>\n", -1, SETTLE_IMPORT_ERROR_INVESTMENT,
      "inv.ofx: this is an investment statement" },
  };
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autofree char *good = test_statement_fixture ("csv", "schwab-checking.csv");
  g_autoptr(GError) error = NULL;
  SettleImportResult result = { 0 };

  g_assert_true (settle_import_file (book, good, NULL, 0, &result, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (dir, cases[i].name, cases[i].text, cases[i].length);

      g_test_message ("%s", cases[i].name);
      assert_refused_unchanged (book, dir, path, cases[i].code, cases[i].prefix);
    }
  /* Unknown profile, missing file. */
  g_assert_false (settle_import_file (book, good, "no-such-bank", 0, NULL, NULL, NULL, &error));
  test_statement_assert_error (error, SETTLE_IMPORT_ERROR_PROFILE,
                               "There is no CSV profile “no-such-bank”", "schwab", NULL);
  g_clear_error (&error);
  g_assert_false (settle_import_file (book, "/nonexistent/x.csv", NULL, 0, NULL, NULL, NULL,
                                      &error));
  test_statement_assert_error (error, SETTLE_IMPORT_ERROR_IO, "x.csv: ", NULL);
  settle_import_result_clear (&result);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

typedef struct
{
  GMainLoop         *loop;
  SettleImportResult result;
  GError            *error;
  gboolean           ok;
  guint              progress_calls, last_done, last_total;
} AsyncData;

static void
on_progress (guint done, guint total, gpointer user_data)
{
  AsyncData *data = user_data;

  data->progress_calls++;
  data->last_done = done;
  data->last_total = total;
}

static void
on_imported (GObject *source, GAsyncResult *res, gpointer user_data)
{
  AsyncData *data = user_data;

  data->ok = settle_import_file_finish (SETTLE_BOOK (source), res, &data->result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_async (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autofree char *path = test_statement_fixture ("camt053", "camt053.v2.multi.statement.xml");
  AsyncData data = { g_main_loop_new (NULL, FALSE) };

  settle_import_file_async (book, path, NULL, 0, on_progress, &data, NULL, on_imported, &data);
  g_main_loop_run (data.loop);
  g_assert_no_error (data.error);
  g_assert_true (data.ok);
  g_assert_cmpstr (data.result.format, ==, "camt053");
  g_assert_cmpuint (data.result.statements, ==, 2);
  g_assert_cmpuint (data.result.imported, ==, 2);
  /* Progress arrives on this thread; the relay may coalesce, but the last report is
   * the end (it is flushed before the result). */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (data.progress_calls, >, 0);
  g_assert_cmpuint (data.last_done, ==, data.last_total);
  settle_import_result_clear (&data.result);
  g_main_loop_unref (data.loop);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/every-fixture", test_every_fixture);
  g_test_add_func ("/import/ofx-balances", test_ofx_balances);
  g_test_add_func ("/import/overlap", test_overlap);
  g_test_add_func ("/import/profile-saved", test_profile_saved);
  g_test_add_func ("/import/refusals", test_refusals);
  g_test_add_func ("/import/async", test_async);
  return g_test_run ();
}
