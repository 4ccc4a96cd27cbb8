/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bank accounts, statements with dedupe, processor charges, and migration 0008 from
 * a book at schema 7. */
#define G_LOG_DOMAIN "settle-test"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "settle-bank.h"
#include "settle-payout.h"
#include "settle-reconcile.h"
#include "settle-test-util.h"

static SettleBankLine *
line_new (const char *date,
          gint64      amount,
          const char *fitid,
          const char *payer)
{
  SettleBankLine *line = settle_bank_line_new ();

  line->date = settle_test_date (date);
  line->amount = amount;
  line->payer_name = g_strdup (payer);
  if (fitid != NULL)
    line->dedupe_key = g_strdup_printf ("fitid:%s", fitid);
  return line;
}

static GPtrArray *
one_statement (SettleBankStatement *st)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_statement_free);

  g_ptr_array_add (list, st);
  return list;
}

static void
test_accounts (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBankAccount) account = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SettleId a, b, c, d;

  a = settle_bank_account_ensure (book, "DE89370400440532013000", NULL, "EUR", &error);
  g_assert_no_error (error);
  b = settle_bank_account_ensure (book, "DE89370400440532013000", "Other name", "EUR", &error);
  g_assert_cmpint (a, ==, b);
  c = settle_bank_account_ensure (book, NULL, "Checking", "USD", &error);
  d = settle_bank_account_ensure (book, NULL, "Checking", "USD", &error);
  g_assert_cmpint (c, ==, d);
  g_assert_cmpint (c, !=, a);
  g_assert_cmpint (settle_bank_account_ensure (book, NULL, NULL, "US", &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);

  account = settle_bank_account_load (book, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->name, ==, "Account ••••3000");
  /* The number itself is never stored: only its fingerprint, which finds the same
   * account however the bank spaces it; digits in a given name are masked. */
  g_assert_true (g_str_has_prefix (account->account_id, "sha256:"));
  g_assert_null (strstr (account->account_id, "532013000"));
  g_assert_cmpint (settle_bank_account_ensure (book, "de89 3704 0044 0532 0130 00", NULL, "EUR",
                                               &error), ==, a);
  g_assert_no_error (error);
  {
    SettleId e = settle_bank_account_ensure (book, "987654321234", "Bank account 987654321234",
                                             "USD", &error);
    g_autoptr(SettleBankAccount) named = settle_bank_account_load (book, e, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (named->name, ==, "Bank account ••••1234");
  }
  g_assert_cmpstr (account->currency, ==, "EUR");
  g_assert_cmpint (account->auto_accept_score, ==, SETTLE_BANK_AUTO_ACCEPT_DEFAULT);
  g_assert_null (account->csv_profile);
  g_assert_true (settle_bank_account_set_csv_profile (book, a, "delimiter=;", &error));
  g_assert_true (settle_bank_account_set_auto_accept (book, a, 75, &error));
  g_clear_pointer (&account, settle_bank_account_free);
  account = settle_bank_account_load (book, a, &error);
  g_assert_cmpstr (account->csv_profile, ==, "delimiter=;");
  g_assert_cmpint (account->auto_accept_score, ==, 75);
  g_assert_true (settle_bank_account_set_csv_profile (book, a, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (settle_bank_account_set_auto_accept (book, 999, 50, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);
  list = settle_bank_account_list (book, NULL);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

/* Re-importing an overlapping statement imports nothing twice; identical lines in
 * one file stay apart through their hash's count; a bad line writes nothing. */
static void
test_statements_dedupe (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SettleBankStatement *st;
  SettleBankLine *x, *y;
  guint imported = 0, duplicates = 0;
  SettleId account, statement = 0;
  gint64 balance = 0, closing = 0;
  gboolean has_closing = FALSE;
  GDate closing_date;

  account = settle_bank_account_ensure (book, "123456789", "Checking", "USD", &error);
  st = settle_bank_statement_new ();
  st->format = g_strdup ("ofx");
  strcpy (st->currency, "USD");
  st->has_opening = TRUE;
  st->opening_balance = 100000;
  st->has_closing = TRUE;
  st->closing_balance = 100000 + 5000 - 2000;
  st->closing_date = settle_test_date ("2026-10-31");
  g_ptr_array_add (st->lines, line_new ("2026-10-02", 5000, "A1", "Acme"));
  g_ptr_array_add (st->lines, line_new ("2026-10-03", -2000, "A2", NULL));
  first = one_statement (st);
  g_assert_true (settle_bank_statements_store (book, account, "oct.ofx", first, &imported, &duplicates,
                                               &statement, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 2);
  g_assert_cmpuint (duplicates, ==, 0);
  g_assert_cmpint (statement, >, 0);

  /* The next file overlaps by one line, and holds two identical lines without ids. */
  st = settle_bank_statement_new ();
  st->format = g_strdup ("csv");
  strcpy (st->currency, "USD");
  g_ptr_array_add (st->lines, line_new ("2026-10-03", -2000, "A2", NULL));
  x = line_new ("2026-11-02", 700, NULL, "Coffee");
  y = line_new ("2026-11-02", 700, NULL, "Coffee");
  strcpy (x->currency, "USD");
  strcpy (y->currency, "USD");
  settle_bank_line_set_hash_key (x, 0);
  settle_bank_line_set_hash_key (y, 1);
  g_assert_true (g_str_has_prefix (x->dedupe_key, "hash:"));
  g_assert_cmpuint (strlen (x->dedupe_key), ==, 5 + 64);
  g_assert_cmpstr (x->dedupe_key, !=, y->dedupe_key);
  g_ptr_array_add (st->lines, x);
  g_ptr_array_add (st->lines, y);
  second = one_statement (st);
  g_assert_true (settle_bank_statements_store (book, account, "nov.csv", second, &imported, &duplicates,
                                               NULL, &error));
  g_assert_cmpuint (imported, ==, 2);
  g_assert_cmpuint (duplicates, ==, 1);
  g_assert_true (settle_bank_statements_store (book, account, "nov.csv", second, &imported, &duplicates,
                                               NULL, &error));
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (duplicates, ==, 3);

  /* A line without a date: refused, naming the file and line, nothing written. */
  st = settle_bank_statement_new ();
  g_ptr_array_add (st->lines, line_new ("2026-12-01", 1, "OK1", NULL));
  g_ptr_array_add (st->lines, settle_bank_line_new ());
  ((SettleBankLine *) g_ptr_array_index (st->lines, 1))->source_line = 7;
  ((SettleBankLine *) g_ptr_array_index (st->lines, 1))->dedupe_key = g_strdup ("fitid:X");
  bad = one_statement (st);
  g_assert_false (settle_bank_statements_store (book, account, "bad.ofx", bad, &imported, &duplicates,
                                                NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.ofx, line 7"));
  g_clear_error (&error);

  rows = settle_reconcile_list_lines (book, account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (((SettleStatementLineRow *) g_ptr_array_index (rows, 0))->status, ==, "open");
  g_assert_cmpstr (((SettleStatementLineRow *) g_ptr_array_index (rows, 0))->currency, ==, "USD");

  g_assert_true (settle_bank_account_balance (book, account, NULL, &balance, &error));
  g_assert_cmpint (balance, ==, 100000 + 5000 - 2000 + 1400);
  closing_date = settle_test_date ("2026-10-31");
  g_assert_true (settle_bank_account_balance (book, account, &closing_date, &balance, &error));
  g_assert_true (settle_bank_account_last_closing (book, account, &has_closing, &closing, &closing_date,
                                                   &error));
  g_assert_true (has_closing);
  g_assert_cmpint (closing, ==, balance);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_charges (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charges = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_processor_charge_free);
  SettleProcessorCharge *c = settle_processor_charge_new ();
  guint imported = 0, duplicates = 0;

  c->charge_id = g_strdup ("ch_1");
  c->created = g_date_time_new_from_iso8601 ("2026-10-01T10:00:00+02:00", NULL);
  c->amount = 10000;
  c->refunded = 1000;
  c->fee = 320;
  strcpy (c->currency, "USD");
  g_assert_cmpint (settle_processor_charge_net (c), ==, 8680);
  g_ptr_array_add (charges, c);
  g_assert_true (settle_processor_charges_store (book, "stripe", charges, &imported, &duplicates, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 1);
  g_assert_true (settle_processor_charges_store (book, "stripe", charges, &imported, &duplicates, &error));
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (duplicates, ==, 1);
  c->refunded = 20000;
  g_assert_false (settle_processor_charges_store (book, "stripe", charges, &imported, &duplicates, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ch_1"));
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

/* A book at schema 7 (migrations 1–7 applied by hand, with an open invoice) opens at
 * the latest schema with the reconciliation tables, its data untouched. */
static void
test_migrate_from_7 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("settle-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "seven.settle", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  const char *names[] = { "0001-initial.sql", "0002-invoicing.sql", "0003-agreements.sql",
                          "0004-outbox.sql", "0005-payments.sql", "0006-dunning.sql",
                          "0007-aging-history.sql" };
  sqlite3 *db;
  SettleId account;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1398033477", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *res = g_strconcat ("/io/github/settle/Settle/core/migrations/", names[i], NULL);
      g_autoptr(GBytes) sql = g_resources_lookup_data (res, 0, &error);
      g_autofree char *text = NULL;
      char *message = NULL;

      g_assert_no_error (error);
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      g_assert_cmpint (sqlite3_exec (db, text, NULL, NULL, &message), ==, SQLITE_OK);
      g_assert_null (message);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 7;"
                                 "INSERT INTO clients (name, created_at) VALUES ('Old Client', '2026-01-01T00:00:00Z');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settle_book_get_schema_version (book), ==, settle_book_latest_schema_version ());
  g_assert_cmpint (settle_book_get_schema_version (book), >=, 8);
  account = settle_bank_account_ensure (book, "X1", NULL, "USD", &error);
  g_assert_no_error (error);
  g_assert_cmpint (account, >, 0);
  accounts = settle_bank_account_list (book, &error);
  g_assert_cmpuint (accounts->len, ==, 1);
  settle_test_assert_invariants (book);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bank/accounts", test_accounts);
  g_test_add_func ("/bank/statements-dedupe", test_statements_dedupe);
  g_test_add_func ("/bank/charges", test_charges);
  g_test_add_func ("/bank/migrate-from-7", test_migrate_from_7);
  return g_test_run ();
}
