/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built settle-cli remind on a temporary book. */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>
#include <glib/gstdio.h>

#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-dunning.h"
#include "settle-late-fee-store.h"
#include "settle-cli-test.h"
#include "settle-test-util.h"

static gint64
query (const char *path,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (settle_book_get_db (book), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_remind (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *packets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *out3 = NULL, *out4 = NULL, *out5 = NULL;
  g_autoptr(SettleDunningLadder) ladder = NULL;
  SettleBook *book = settle_test_new_book (&dir);
  SettleId client_id;

  path = g_strdup (settle_book_get_path (book));
  packets = g_build_filename (dir, "packets", NULL);
  g_assert_true (settle_book_set_setting (book, "collections.folder", packets, &error));
  client_id = settle_test_add_client (book, "Litware", 30);
  {
    g_autoptr(SettleClient) client = settle_client_load (book, client_id, &error);
    g_free (client->email);
    client->email = g_strdup ("ap@litware.example");
    g_assert_true (settle_client_save (book, client, &error));
  }
  /* Due 2026-01-31. A short ladder: due day, +10 with the fee, +20 collections. */
  settle_test_add_invoice (book, client_id, "2026-01-01", 80000);
  ladder = settle_dunning_ladder_parse ("0:email:due-today;10:letter:final-notice:fee;"
                                        "20:phone-task:collections:collections", &error);
  g_assert_true (settle_dunning_ladder_save (book, ladder, &error));
  g_assert_true (settle_late_fee_store_set_default (book, "percent:150;freq:once", &error));
  g_assert_no_error (error);
  g_object_unref (book);

  /* Dry run: tells, writes nothing. Due 01-31, first seen 02-10: the due-day step,
   * late. */
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "remind", path, "--as-of", "2026-02-10", "--dry-run", NULL),
    ==, 0);
  g_assert_true (strstr (out, "2026-02-10: 1 reminder\n") != NULL);
  g_assert_true (strstr (out, "due-today") != NULL);
  g_assert_cmpint (query (path, "SELECT count(*) FROM dunning_log"), ==, 0);

  /* Real: the due-day step (one step a day). */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (settle_cli_test_run (&out3, &err, "remind", path, "--as-of", "2026-02-10",
                                        "--format", "json", NULL),
                   ==, 0);
  g_assert_true (strstr (out3, "\"emails\" : 1") != NULL);
  g_assert_cmpint (query (path, "SELECT count(*) FROM dunning_log"), ==, 1);

  /* The next day the letter with the fee: 1.5 % of $800.00. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (settle_cli_test_run (&out2, &err, "remind", path, "--as-of", "2026-02-11",
                                        "--dry-run", "--format", "json", NULL),
                   ==, 0);
  g_assert_true (strstr (out2, "\"template\" : \"final-notice\"") != NULL);
  g_assert_true (strstr (out2, "\"amount\" : \"12.00\"") != NULL);
  g_assert_true (strstr (out2, "\"fees\" : 1") != NULL);
  g_assert_cmpint (query (path, "SELECT count(*) FROM outbox_jobs"), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (settle_cli_test_run (&out4, &err, "remind", path, "--as-of", "2026-02-11", NULL),
                   ==, 0);
  g_assert_true (strstr (out4, "1 steps carried out, 1 emails queued, 1 late fees") != NULL);
  g_assert_cmpint (query (path, "SELECT count(*) FROM outbox_jobs"), ==, 2);
  g_assert_cmpint (query (path, "SELECT count(*) FROM invoices WHERE late_fee_of IS NOT NULL "
                                "AND total = 1200"), ==, 1);
  /* Again the same day: nothing. */
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out4, g_free);
  g_assert_cmpint (settle_cli_test_run (&out4, &err, "remind", path, "--as-of", "2026-02-11", NULL),
                   ==, 0);
  g_assert_cmpint (query (path, "SELECT count(*) FROM outbox_jobs"), ==, 2);

  /* +20: collections, with its packet written by the command. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (settle_cli_test_run (&out5, &err, "remind", path, "--as-of", "2026-02-20", NULL),
                   ==, 0);
  g_assert_true (strstr (out5, "1 collections packets written") != NULL);
  {
    g_autofree char *folder = g_build_filename (packets, "litware-2026-02-20", NULL);
    const char *files[] = { "statement.pdf", "activity.csv", "fees.txt" };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *file = g_build_filename (folder, files[i], NULL);
        g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
        g_remove (file);
      }
    {
      g_autoptr(GDir) d = g_dir_open (folder, 0, &error);
      const char *name;
      guint n_pdf = 0;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *file = g_build_filename (folder, name, NULL);
          n_pdf += g_str_has_suffix (name, ".pdf");
          g_remove (file);
        }
      /* The invoice and its fee invoice. */
      g_assert_cmpuint (n_pdf, ==, 2);
    }
    g_rmdir (folder);
    g_rmdir (packets);
  }

  /* Usage errors. */
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "remind", path, "--as-of", "2026-02-30", NULL),
                   ==, 2);
  g_assert_true (strstr (err, "2026-02-30") != NULL);
  settle_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  settle_cli_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/remind", test_remind);
  return g_test_run ();
}
