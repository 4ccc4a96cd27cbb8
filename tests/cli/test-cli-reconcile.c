/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built settle-cli import and reconcile on a temporary book: statements in CSV
 * and OFX, duplicates, automatic matching checked through the core, JSON, the PDF and CSV
 * reports, and a malformed file that changes nothing. */
#define G_LOG_DOMAIN "settle-test"

#include <json-glib/json-glib.h>
#include <string.h>

#include "settle-bank.h"
#include "settle-invoice.h"
#include "settle-reconcile.h"
#include "settle-render-test-util.h"
#include "settle-cli-test.h"
#include "settle-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  SettleId  acme, globex, initech;
  SettleId  acme_inv, acme_inv2, globex_inv, initech_inv;
  char     *acme_number, *acme_number2, *globex_number, *initech_number;
} Fixture;

static char *
invoice_number (SettleBook *book,
                SettleId    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) inv = settle_invoice_load (book, id, &error);

  g_assert_no_error (error);
  return g_strdup (inv->number);
}

static SettleInvoiceStatus
invoice_status (SettleBook *book,
                SettleId    id,
                gint64     *paid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) inv = settle_invoice_load (book, id, &error);

  g_assert_no_error (error);
  if (paid != NULL)
    *paid = inv->amount_paid;
  return inv->status;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(SettleBook) book = settle_test_new_book (&f->dir);

  f->path = g_strdup (settle_book_get_path (book));
  f->acme = settle_test_add_client (book, "Acme Corporation", 30);
  f->globex = settle_test_add_client (book, "Globex Industries", 30);
  f->initech = settle_test_add_client (book, "Initech", 30);
  f->acme_inv = settle_test_add_invoice (book, f->acme, "2026-10-01", 120000);
  f->acme_inv2 = settle_test_add_invoice (book, f->acme, "2026-10-15", 35000);
  f->globex_inv = settle_test_add_invoice (book, f->globex, "2026-10-05", 98000);
  f->initech_inv = settle_test_add_invoice (book, f->initech, "2026-10-20", 50000);
  f->acme_number = invoice_number (book, f->acme_inv);
  f->acme_number2 = invoice_number (book, f->acme_inv2);
  f->globex_number = invoice_number (book, f->globex_inv);
  f->initech_number = invoice_number (book, f->initech_inv);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->acme_number);
  g_free (f->acme_number2);
  g_free (f->globex_number);
  g_free (f->initech_number);
}

/* A bank CSV: Acme pays its first invoice by number, Initech pays nothing we can tell,
 * one fee goes out, interest comes in. */
static char *
write_csv (Fixture *f)
{
  g_autofree char *text = g_strdup_printf (
    "Date,Description,Amount\n"
    "2026-11-02,ACME CORPORATION payment %s,1200.00\n"
    "2026-11-03,Monthly account fee,-12.50\n"
    "2026-11-04,=SUM(A1:A9) interest,0.37\n",
    f->acme_number);
  char *path = g_build_filename (f->dir, "bank.csv", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* An OFX 1.x statement of another account: Globex pays its invoice. */
static char *
write_ofx (Fixture *f)
{
  g_autofree char *text = g_strdup_printf (
    "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\n"
    "CHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n"
    "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>"
    "<DTSERVER>20261110120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>"
    "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>"
    "<STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>121000248<ACCTID>987654321234"
    "<ACCTTYPE>CHECKING</BANKACCTFROM>"
    "<BANKTRANLIST><DTSTART>20261101<DTEND>20261110"
    "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261106<TRNAMT>980.00<FITID>T-1001"
    "<NAME>GLOBEX INDUSTRIES<MEMO>Invoice %s</STMTTRN>"
    "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261107<TRNAMT>-250.00<FITID>T-1002"
    "<NAME>RENT</STMTTRN>"
    "</BANKTRANLIST><LEDGERBAL><BALAMT>5730.00<DTASOF>20261110</LEDGERBAL>"
    "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\r\n",
    f->globex_number);
  char *path = g_build_filename (f->dir, "checking.ofx", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static guint
count_lines (SettleBook *book,
             SettleId    account)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = settle_reconcile_list_lines (book, account, NULL, &error);

  g_assert_no_error (error);
  return lines->len;
}

static void
test_import (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *csv = write_csv (f);
  g_autofree char *ofx = write_ofx (f);
  g_autofree char *stripe = g_build_filename (f->dir, "stripe.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  /* Usage errors first: exit 2. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", f->path, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "import", f->path, csv, "--format", "xml", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--format"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The built-in profiles, without a book. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", "--list-profiles", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "gls\n"));
  g_assert_nonnull (strstr (out, "capitalone\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", f->path, csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "bank.csv: 3 lines imported, 0 skipped as duplicates"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", f->path, csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "bank.csv: 0 lines imported, 3 skipped as duplicates"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* OFX names its account by the last four digits of ACCTID. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", f->path, ofx, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "checking.ofx: 2 lines imported, 0 skipped as duplicates"));
  g_assert_nonnull (strstr (out, "(account: "));
  g_assert_nonnull (strstr (out, "1234"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "import", f->path, ofx, "--format", "json", NULL), ==, 0);
  o = settle_cli_test_parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (o, "file"), ==, "checking.ofx");
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "statement");
  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "ofx");
  g_assert_cmpint (json_object_get_int_member (o, "imported"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "duplicates"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "bank_account_id"), >, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (o, "account"), "1234"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A processor's charges export: charges, no bank account. */
  g_assert_true (g_file_set_contents (stripe,
    "\"id\",\"description\",\"seller_message\",\"created\",\"amount\",\"amount_refunded\","
    "\"currency\",\"converted_amount\",\"converted_amount_refunded\",\"fee\",\"tax\","
    "\"converted_currency\",\"status\",\"statement_descriptor\",\"customer_id\","
    "\"customer_description\",\"customer_email\",\"captured\",\"card_id\",\"invoice_id\","
    "\"transfer\"\n"
    "ch_1,Invoice 0001,Payment complete.,2026-11-02 13:12,350.00,0.00,usd,350.00,0.00,10.45,0.00,"
    "usd,Paid,,cus_1,Acme Corporation,ap@acme.example,true,pm_1,,\n"
    "ch_2,Invoice 0002,Payment complete.,2026-11-03 09:00,120.00,0.00,usd,120.00,0.00,3.78,0.00,"
    "usd,Paid,,cus_2,Initech,ap@initech.example,true,pm_2,,\n", -1, NULL));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", f->path, stripe, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "stripe.csv: 2 charges imported, 0 skipped as duplicates\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "import", f->path, stripe, "--format", "json", NULL), ==, 0);
  o = settle_cli_test_parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "charges");
  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "stripe-csv");
  g_assert_cmpint (json_object_get_int_member (o, "duplicates"), ==, 2);
  g_assert_true (json_object_get_null_member (o, "account"));
}

static char *
file_checksum (const char *path)
{
  g_autofree char *bytes = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize length;

  /* Closed books have no write-ahead log: everything is in the file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, length);
}

static void
test_malformed (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *csv = write_csv (f);
  g_autofree char *bad = g_build_filename (f->dir, "broken.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", f->path, csv, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  before = file_checksum (f->path);

  /* Line 3's amount is not one: nothing of the file goes in, the message names it. */
  g_assert_true (g_file_set_contents (bad, "Date,Description,Amount\n"
                                           "2026-11-05,New deposit,10.00\n"
                                           "2026-11-06,Another,12.3x\n"
                                           "2026-11-07,Third,5.00\n", -1, NULL));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", f->path, bad, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "settle-cli: broken.csv"));
  g_assert_nonnull (strstr (err, "line 3"));
  g_assert_nonnull (strstr (err, "12.3x"));
  g_assert_nonnull (strstr (err, "Nothing was imported"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An empty file and a binary one are refused too. */
  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", f->path, bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "broken.csv"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_set_contents (bad, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18, NULL));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "import", f->path, bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "broken.csv"));

  /* Not a byte of the book changed. */
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  book = settle_book_open (f->path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_lines (book, 0), ==, 3);
  accounts = settle_bank_account_list (book, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
}

/* To look at the reports: SETTLE_TEST_KEEP=/some/dir */
static void
keep (const char *path,
      const char *name)
{
  g_autofree char *bytes = NULL;
  g_autofree char *copy = NULL;
  gsize length;

  if (g_getenv ("SETTLE_TEST_KEEP") == NULL)
    return;
  copy = g_build_filename (g_getenv ("SETTLE_TEST_KEEP"), name, NULL);
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (copy, bytes, length, NULL));
}

static void
test_reconcile (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *csv = write_csv (f);
  g_autofree char *ofx = write_ofx (f);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *report_csv = g_build_filename (f->dir, "report.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *account = NULL;
  g_autofree char *csv_account = NULL;
  g_autofree char *text_line = NULL;
  g_autofree char *text = NULL;
  g_autofree char *amount = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;
  JsonObject *o, *summary;
  JsonArray *lines;
  gboolean saw_acme = FALSE, saw_globex = FALSE;
  SettleId ofx_account;
  gint64 paid;

  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "import", f->path, csv, "--format", "json", NULL), ==, 0);
  o = settle_cli_test_parse_object (parser, out);
  csv_account =
    g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "bank_account_id"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "import", f->path, ofx, "--format", "json", NULL), ==, 0);
  o = settle_cli_test_parse_object (parser, out);
  ofx_account = json_object_get_int_member (o, "bank_account_id");
  account = g_strdup_printf ("%" G_GINT64_FORMAT, ofx_account);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "reconcile", f->path, "--threshold", "102", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "reconcile", f->path, "--account", "999", NULL),
                   ==, 1);
  g_assert_true (g_str_has_prefix (err, "settle-cli: "));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Without --auto, suggestions only: nothing is paid. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "reconcile", f->path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Reconciliation: 3 open lines, 0 accepted automatically"));
  g_assert_nonnull (strstr (out, f->acme_number));
  g_assert_nonnull (strstr (out, f->globex_number));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  book = settle_book_open (f->path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice_status (book, f->acme_inv, NULL), ==, SETTLE_INVOICE_ISSUED);

  /* A threshold of 101 is saved on every account and accepts nothing. */
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "reconcile", f->path, "--auto", "--threshold", "101", NULL),
    ==, 0);
  g_assert_nonnull (strstr (out, "Reconciliation: 3 open lines, 0 accepted automatically"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (invoice_status (book, f->acme_inv, NULL), ==, SETTLE_INVOICE_ISSUED);
  {
    g_autoptr(GPtrArray) accounts = settle_bank_account_list (book, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (accounts->len, ==, 2);
    for (guint i = 0; i < accounts->len; i++)
      g_assert_cmpint (((SettleBankAccount *) g_ptr_array_index (accounts, i))->auto_accept_score,
                       ==, 101);
  }

  /* --auto at 90 pays Acme's and Globex's invoices (amount and number agree), not
   * Initech's. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "reconcile", f->path, "--auto", "--threshold",
                                        "90", "--format", "json", NULL),
                   ==, 0);
  o = settle_cli_test_parse_object (parser, out);
  summary = json_object_get_object_member (o, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "lines"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (summary, "auto_accepted"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "auto_accepted") +
                   json_object_get_int_member (summary, "suggested") +
                   json_object_get_int_member (summary, "unmatched"), ==, 3);
  lines = json_object_get_array_member (o, "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 3);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      const char *result = json_object_get_string_member (line, "result");
      JsonObject *s;
      JsonArray *invoices;

      g_assert_true (json_object_has_member (line, "date"));
      g_assert_true (json_object_has_member (line, "payer"));
      g_assert_cmpstr (json_object_get_string_member (line, "currency"), ==, "USD");
      if (strcmp (json_object_get_string_member (line, "amount"), "0.37") == 0)
        {
          g_assert_cmpstr (result, !=, "accepted");
          continue;
        }
      g_assert_cmpstr (result, ==, "accepted");
      g_assert_cmpint (json_object_get_int_member (line, "match_id"), >, 0);
      s = json_object_get_object_member (line, "suggestion");
      g_assert_nonnull (s);
      g_assert_cmpstr (json_object_get_string_member (s, "kind"), ==, "invoices");
      g_assert_cmpint (json_object_get_int_member (s, "score"), >=, 90);
      g_assert_cmpstr (json_object_get_string_member (s, "reasons"), !=, "");
      invoices = json_object_get_array_member (s, "invoices");
      g_assert_cmpuint (json_array_get_length (invoices), ==, 1);
      if (strcmp (json_object_get_string_member (line, "amount"), "1200.00") == 0)
        {
          g_assert_cmpstr (
            json_object_get_string_member (json_array_get_object_element (invoices, 0), "number"),
            ==, f->acme_number);
          saw_acme = TRUE;
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (line, "amount"), ==, "980.00");
          g_assert_cmpint (json_object_get_int_member (s, "client_id"), ==, f->globex);
          saw_globex = TRUE;
        }
    }
  g_assert_true (saw_acme && saw_globex);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (invoice_status (book, f->acme_inv, &paid), ==, SETTLE_INVOICE_PAID);
  g_assert_cmpint (paid, ==, 120000);
  g_assert_cmpint (invoice_status (book, f->globex_inv, &paid), ==, SETTLE_INVOICE_PAID);
  g_assert_cmpint (paid, ==, 98000);
  g_assert_cmpint (invoice_status (book, f->acme_inv2, NULL), ==, SETTLE_INVOICE_ISSUED);
  g_assert_cmpint (invoice_status (book, f->initech_inv, NULL), ==, SETTLE_INVOICE_ISSUED);
  settle_test_assert_invariants (book);

  /* Again: only the interest is left, and it is paid to nobody. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "reconcile", f->path, "--auto", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Reconciliation: 1 open line, 0 accepted automatically"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Two accounts: a report needs --account. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "reconcile", f->path, "--report", pdf, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "--account"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (settle_cli_test_run (&out, &err, "reconcile", f->path, "--account", account,
                                        "--report", pdf, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Report written to "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  keep (pdf, "reconcile-report.pdf");
  if (settle_render_test_have_poppler ())
    {
      text = settle_render_test_pdf_text (pdf, 0);
      settle_render_test_assert_contains (text, "Bank reconciliation");
      settle_render_test_assert_contains (text, "1234");
      settle_render_test_assert_contains (text, "Matched lines");
      settle_render_test_assert_contains (text, "GLOBEX INDUSTRIES");
      settle_render_test_assert_contains (text, f->globex_number);
      settle_render_test_assert_contains (text, "Automatic");
      settle_render_test_assert_contains (text, "RENT");
      settle_render_test_assert_contains (text, "Totals");
      /* Money in 980.00, out −250.00: all lines sum to 730.00. */
      amount = settle_render_test_money (73000, "USD");
      settle_render_test_assert_contains (text, amount);
      g_clear_pointer (&amount, g_free);
      amount = settle_render_test_money (98000, "USD");
      settle_render_test_assert_contains (text, amount);
      g_assert_null (strstr (text, "ACME"));
    }

  /* Undone, the match moves to its own table and the line is open again. */
  {
    g_autoptr(GPtrArray) matches = settle_reconcile_list_matches (book, ofx_account, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (matches->len, ==, 1);
    settle_reconcile_undo (book, ((SettleMatchRecord *) g_ptr_array_index (matches, 0))->match_id,
                           &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (settle_cli_test_run (&out, &err, "reconcile", f->path, "--account", account,
                                        "--report", pdf, "--format", "json", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  keep (pdf, "reconcile-report-undone.pdf");
  if (settle_render_test_have_poppler ())
    {
      g_clear_pointer (&text, g_free);
      text = settle_render_test_pdf_text (pdf, 0);
      settle_render_test_assert_contains (text, "Undone matches");
      settle_render_test_assert_contains (text, "No line is matched yet.");
      settle_render_test_assert_contains (text, "Open deposits");
    }
  g_assert_cmpint (invoice_status (book, f->globex_inv, NULL), ==, SETTLE_INVOICE_ISSUED);
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "reconcile", f->path, "--account", account, "--auto", NULL),
    ==, 0);
  g_assert_nonnull (strstr (out, "Reconciliation: 1 open line, 1 accepted automatically"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The CSV report of the same account: a header and one row per line. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "reconcile", f->path, "--account", account,
                                        "--report", report_csv, NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (report_csv, &out, NULL, NULL));
  rows = g_strsplit (out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + count_lines (book, ofx_account) + 1);
  g_assert_cmpstr (rows[0], ==, "date,amount,currency,payer,reference,description,status,"
                                "matched_to,score,automatic,accepted_at");
  g_assert_cmpstr (rows[3], ==, "");
  g_assert_nonnull (strstr (out, "2026-11-06,980.00,USD,GLOBEX INDUSTRIES,"));
  g_assert_nonnull (strstr (out, ",matched,"));
  g_assert_nonnull (strstr (out, ",true,"));
  g_assert_nonnull (strstr (out, "2026-11-07,-250.00,USD,RENT,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The bank's text cannot start a formula in a spreadsheet; Acme's line says what it paid. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "reconcile", f->path, "--account", csv_account,
                            "--report", report_csv, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  keep (report_csv, "reconcile-report.csv");
  g_assert_true (g_file_get_contents (report_csv, &out, NULL, NULL));
  g_assert_nonnull (strstr (out, "\r\n2026-11-04,0.37,USD,,,'=SUM(A1:A9) interest,open,,,,\r\n"));
  g_assert_nonnull (strstr (out, "\r\n2026-11-03,-12.50,USD,,,Monthly account fee,open,,,,\r\n"));
  text_line = g_strdup_printf ("\r\n2026-11-02,1200.00,USD,,,ACME CORPORATION payment %s,matched,",
                               f->acme_number);
  g_assert_nonnull (strstr (out, text_line));
}

int
main (int argc, char **argv)
{
  settle_cli_test_init (&argc, &argv, "2026-11-23");
  g_test_add ("/cli/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/cli/import-malformed", Fixture, NULL, fixture_set_up, test_malformed,
              fixture_tear_down);
  g_test_add ("/cli/reconcile", Fixture, NULL, fixture_set_up, test_reconcile,
              fixture_tear_down);
  return g_test_run ();
}
