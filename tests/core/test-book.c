/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-test-util.h"

static char *
query_text (SettleBook *book, const char *sql)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, NULL);
  char *out = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = settle_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return out;
}

static void
test_create_pragmas (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autofree char *mode = query_text (book, "PRAGMA journal_mode");
  g_autofree char *fk = query_text (book, "PRAGMA foreign_keys");
  g_autofree char *sync = query_text (book, "PRAGMA synchronous");
  g_autofree char *series = query_text (book, "SELECT prefix FROM number_series WHERE name = 'invoice'");

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpstr (sync, ==, "2"); /* FULL */
  g_assert_cmpint (settle_book_get_schema_version (book), ==, settle_book_latest_schema_version ());
  g_assert_cmpstr (series, ==, "INV-");
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("settle-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "x.settle", NULL);
  g_autoptr(GError) error = NULL;
  SettleBook *book;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  book = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_null (book);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_EXISTS);
  settle_test_remove_dir (dir);
}

/* Opening what is not a book says so and leaves the file exactly as it was. */
static void
assert_refused_untouched (const char *path, int code)
{
  g_autofree char *before = NULL, *after = NULL;
  gsize len_before = 0, len_after = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  SettleBook *book;

  g_file_get_contents (path, &before, &len_before, NULL);
  book = settle_book_open (path, SETTLE_BOOK_OPEN_SESSION, &error);
  g_assert_null (book);
  g_assert_error (error, SETTLE_BOOK_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_not_a_book (void)
{
  g_autofree char *dir = g_dir_make_tmp ("settle-test-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.settle", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.settle", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "This is not a database.\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (text, SETTLE_BOOK_ERROR_NOT_A_BOOK);
  assert_refused_untouched (empty, SETTLE_BOOK_ERROR_NOT_A_BOOK);
  assert_refused_untouched (other, SETTLE_BOOK_ERROR_NOT_A_BOOK);

  g_assert_null (settle_book_open (missing, SETTLE_BOOK_OPEN_DEFAULT, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  settle_test_remove_dir (dir);
}

static void
test_open_newer (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autofree char *path = g_strdup (settle_book_get_path (book));
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d",
                                             settle_book_latest_schema_version () + 1);

  g_assert_true (settle_book_exec (book, pragma, NULL));
  g_assert_true (settle_book_exec (book, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  g_clear_object (&book);
  assert_refused_untouched (path, SETTLE_BOOK_ERROR_NEWER_VERSION);
  settle_test_remove_dir (dir);
}

/* A book written by an older Settle is brought up to date on open. */
static void
test_migrate_from_empty (void)
{
  g_autofree char *dir = g_dir_make_tmp ("settle-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.settle", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  sqlite3 *db;

  /* Version 0: the application id is set but no schema yet. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1398033477", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settle_book_get_schema_version (book), ==, settle_book_latest_schema_version ());
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_session_lock (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autofree char *path = g_strdup (settle_book_get_path (book));
  g_autoptr(SettleBook) first = NULL;
  g_autoptr(SettleBook) cli = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&book);
  first = settle_book_open (path, SETTLE_BOOK_OPEN_SESSION, &error);
  g_assert_no_error (error);
  g_assert_null (settle_book_open (path, SETTLE_BOOK_OPEN_SESSION, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED);
  g_clear_error (&error);
  /* The command line may work on a book a window has open. */
  cli = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&first);
  first = settle_book_open (path, SETTLE_BOOK_OPEN_SESSION, &error);
  g_assert_no_error (error);
  g_clear_object (&first);
  g_clear_object (&cli);
  settle_test_remove_dir (dir);
}

/* A book just created and still open in its first window is reported as locked, not as
 * "not a book": its schema must reach the main file before anyone else looks. */
static void
test_fresh_book_locked (void)
{
  g_autofree char *dir = g_dir_make_tmp ("settle-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fresh.settle", NULL);
  g_autoptr(SettleBook) first = NULL;
  g_autoptr(GError) error = NULL;

  first = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE | SETTLE_BOOK_OPEN_SESSION, &error);
  g_assert_no_error (error);
  g_assert_null (settle_book_open (path, SETTLE_BOOK_OPEN_SESSION, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED);
  g_clear_object (&first);
  settle_test_remove_dir (dir);
}

/* A run lock held by another process blocks a second run, and is gone when that
 * process is killed. */
static void
test_run_lock_across_processes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  int ready[2];
  pid_t child;
  char c;

  g_assert_cmpint (pipe (ready), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      g_autoptr(SettleBook) other = settle_book_open_worker (book, NULL);
      if (other == NULL || !settle_book_lock (other, SETTLE_BOOK_LOCK_RUN, NULL))
        _exit (1);
      if (write (ready[1], "x", 1) != 1)
        _exit (1);
      pause ();
      _exit (0);
    }
  g_assert_cmpint (read (ready[0], &c, 1), ==, 1);
  g_assert_false (settle_book_lock (book, SETTLE_BOOK_LOCK_RUN, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED);
  g_clear_error (&error);
  kill (child, SIGKILL);
  waitpid (child, NULL, 0);
  g_assert_true (settle_book_lock (book, SETTLE_BOOK_LOCK_RUN, &error));
  g_assert_no_error (error);
  settle_book_unlock (book, SETTLE_BOOK_LOCK_RUN);
  close (ready[0]);
  close (ready[1]);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_backup (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autofree char *copy_path = g_build_filename (dir, "copy.settle", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "no", "such", "copy.settle", NULL);
  g_autoptr(SettleBook) copy = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GError) error = NULL;
  SettleId id = settle_test_add_client (book, "Harbor Dental Group", 30);

  g_assert_true (settle_book_backup (book, copy_path, &error));
  g_assert_no_error (error);
  copy = settle_book_open (copy_path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  client = settle_client_load (copy, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (client->name, ==, "Harbor Dental Group");

  g_assert_false (settle_book_backup (book, bad_path, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, bad_path));
  g_clear_object (&copy);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_activity_append_only (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SettleId id = settle_test_add_client (book, "Summit Realty", 15);

  g_assert_false (settle_book_exec (book, "UPDATE activity SET action = 'x'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (settle_book_exec (book, "DELETE FROM activity", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  list = settle_activity_list (book, "client", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SettleActivity *) list->pdata[0])->action, ==, "created");
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_transactions_nest (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  g_assert_true (settle_book_begin (book, &error));
  settle_test_add_client (book, "Kept", 30);
  g_assert_true (settle_book_begin (book, &error));
  settle_test_add_client (book, "Rolled back", 30);
  settle_book_rollback (book);
  g_assert_true (settle_book_commit (book, &error));
  count = query_text (book, "SELECT group_concat (name) FROM clients");
  g_assert_cmpstr (count, ==, "Kept");
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_dates (void)
{
  GDate d;
  g_autofree char *iso = NULL;

  g_assert_true (settle_date_parse ("2024-02-29", &d));
  iso = settle_date_to_iso (&d);
  g_assert_cmpstr (iso, ==, "2024-02-29");
  g_assert_false (settle_date_parse ("2023-02-29", &d));
  g_assert_false (settle_date_parse ("2023-2-1", &d));
  g_assert_false (settle_date_parse ("2023-02-01x", &d));
  g_assert_false (settle_date_parse (NULL, &d));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/book/create-pragmas", test_create_pragmas);
  g_test_add_func ("/book/create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/book/open-not-a-book", test_open_not_a_book);
  g_test_add_func ("/book/open-newer", test_open_newer);
  g_test_add_func ("/book/migrate-from-empty", test_migrate_from_empty);
  g_test_add_func ("/book/session-lock", test_session_lock);
  g_test_add_func ("/book/fresh-book-locked", test_fresh_book_locked);
  g_test_add_func ("/book/run-lock-across-processes", test_run_lock_across_processes);
  g_test_add_func ("/book/backup", test_backup);
  g_test_add_func ("/book/activity-append-only", test_activity_append_only);
  g_test_add_func ("/book/transactions-nest", test_transactions_nest);
  g_test_add_func ("/book/dates", test_dates);
  return g_test_run ();
}
