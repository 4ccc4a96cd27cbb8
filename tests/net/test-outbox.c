/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <sqlite3.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-core-resources.h"
#include "settle-invoice.h"
#include "settle-outbox.h"
#include "settle-test-util.h"

typedef struct
{
  char       *dir;
  SettleBook *book;
  SettleId    client_id;
  SettleId    invoice_id;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  f->book = settle_test_new_book (&f->dir);
  f->client_id = settle_test_add_client (f->book, "Northwind Dental", 30);
  f->invoice_id = settle_test_add_invoice (f->book, f->client_id, "2026-11-02", 125000);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->book);
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
}

static SettleOutboxJob *
new_job (Fixture    *f,
         const char *key)
{
  SettleOutboxJob *job = settle_outbox_job_new (key);
  g_autofree char *ref = g_strdup_printf ("%" G_GINT64_FORMAT, f->invoice_id);

  g_free (job->to);
  job->to = g_strdup ("ap@northwind.example, owner@northwind.example");
  g_free (job->subject);
  job->subject = g_strdup ("Invoice from Example MSP");
  g_free (job->body_text);
  job->body_text = g_strdup ("Please find the invoice attached.");
  g_free (job->entity);
  job->entity = g_strdup ("invoice");
  job->entity_id = f->invoice_id;
  settle_outbox_job_add_attachment (job, SETTLE_OUTBOX_ATTACH_INVOICE_PDF, ref);
  return job;
}

static gint64
count_jobs (SettleBook *book)
{
  g_autoptr(GPtrArray) jobs = settle_outbox_list (book, NULL, 0, 0, NULL);

  g_assert_nonnull (jobs);
  return jobs->len;
}

static GDateTime *
at (const char *iso)
{
  GDateTime *t = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (t);
  return t;
}

static SettleOutboxStatus
status_of (SettleBook *book,
           SettleId    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = settle_outbox_load (book, id, &error);

  g_assert_no_error (error);
  return job->status;
}

static void
test_addresses (void)
{
  const char *good[] = { "a@example.com", "first.last+tag@mail.example.co.uk", "x_y-z@a-b.io" };
  const char *bad[] = { "", "plain", "@example.com", "a@", "a@example", "a..b@example.com",
                        ".a@example.com", "a.@example.com", "a@-example.com",
                        "a b@example.com", "a@exa mple.com", "é@example.com",
                        "a@example.com>", "a@@example.com", "a@example..com" };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (settle_email_address_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (settle_email_address_is_valid (bad[i]))
        g_error ("“%s” passed as an email address", bad[i]);
    }

  list = settle_email_address_list_parse (" a@example.com; b@example.org ,", "To", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  g_assert_cmpstr (list[1], ==, "b@example.org");
  g_clear_pointer (&list, g_strfreev);

  list = settle_email_address_list_parse ("a@example.com, bob@", "Cc", FALSE, &error);
  g_assert_null (list);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Cc"));
  g_assert_nonnull (strstr (error->message, "bob@"));
  g_clear_error (&error);

  list = settle_email_address_list_parse (" ", "To", TRUE, &error);
  g_assert_null (list);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
}

static void
test_enqueue_idempotent (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) first = new_job (f, "invoice-sent:1");
  g_autoptr(SettleOutboxJob) second = new_job (f, "invoice-sent:1");
  g_autoptr(SettleOutboxJob) loaded = NULL;
  g_autofree char *expected_id = settle_outbox_message_id_for_key ("invoice-sent:1");
  SettleId id1, id2;

  id1 = settle_outbox_enqueue (f->book, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  g_assert_cmpint (first->status, ==, SETTLE_OUTBOX_QUEUED);
  g_assert_cmpstr (first->message_id, ==, expected_id);
  g_assert_true (g_str_has_prefix (expected_id, "<job-"));
  g_assert_true (g_str_has_suffix (expected_id, "@settle.invalid>"));

  /* Another subject under the same key: still the first job, nothing new written. */
  g_free (second->subject);
  second->subject = g_strdup ("Something else");
  id2 = settle_outbox_enqueue (f->book, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, ==, id1);
  g_assert_cmpint (count_jobs (f->book), ==, 1);

  loaded = settle_outbox_load (f->book, id1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->subject, ==, "Invoice from Example MSP");
  g_assert_cmpuint (loaded->attachments->len, ==, 1);
  g_assert_cmpint (((SettleOutboxAttachment *) loaded->attachments->pdata[0])->kind, ==,
                   SETTLE_OUTBOX_ATTACH_INVOICE_PDF);
  g_assert_cmpint (loaded->attempts, ==, 0);
  g_assert_null (loaded->sent_at);

  /* A different key gives a different, stable Message-ID. */
  {
    g_autofree char *other = settle_outbox_message_id_for_key ("invoice-sent:2");
    g_assert_cmpstr (other, !=, expected_id);
  }
}

/* The job belongs to the transaction of the change that caused it. */
static void
test_enqueue_in_transaction (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = new_job (f, "reminder:7");
  g_autoptr(SettleOutboxJob) again = new_job (f, "reminder:7");

  g_assert_true (settle_book_begin (f->book, &error));
  g_assert_cmpint (settle_outbox_enqueue (f->book, job, &error), >, 0);
  g_assert_no_error (error);
  settle_book_rollback (f->book);
  g_assert_cmpint (count_jobs (f->book), ==, 0);

  g_assert_true (settle_book_begin (f->book, &error));
  g_assert_true (settle_book_set_setting (f->book, "test.step", "reminded", &error));
  g_assert_cmpint (settle_outbox_enqueue (f->book, again, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (settle_book_commit (f->book, &error));
  g_assert_cmpint (count_jobs (f->book), ==, 1);
}

static void
test_enqueue_invalid (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = new_job (f, "bad:1");
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client_id, "USD");
  g_autoptr(SettleOutboxJob) with_draft = new_job (f, "bad:2");
  g_autoptr(SettleOutboxJob) with_file = new_job (f, "bad:3");
  g_autoptr(SettleOutboxJob) no_subject = new_job (f, "bad:4");
  g_autofree char *draft_ref = NULL;

  g_free (job->to);
  job->to = g_strdup ("ap@northwind.example, accounts@northwind");
  g_assert_cmpint (settle_outbox_enqueue (f->book, job, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "To"));
  g_assert_nonnull (strstr (error->message, "accounts@northwind"));
  g_clear_error (&error);

  settle_invoice_add_line (draft, "Setup", 1000, 5000, 0);
  g_assert_true (settle_invoice_save_draft (f->book, draft, &error));
  g_assert_no_error (error);
  draft_ref = g_strdup_printf ("%" G_GINT64_FORMAT, draft->id);
  g_ptr_array_set_size (with_draft->attachments, 0);
  settle_outbox_job_add_attachment (with_draft, SETTLE_OUTBOX_ATTACH_INVOICE_PDF, draft_ref);
  g_assert_cmpint (settle_outbox_enqueue (f->book, with_draft, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);

  settle_outbox_job_add_attachment (with_file, SETTLE_OUTBOX_ATTACH_FILE, "/nonexistent/terms.pdf");
  g_assert_cmpint (settle_outbox_enqueue (f->book, with_file, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Attachment 2"));
  g_clear_error (&error);

  g_free (no_subject->subject);
  no_subject->subject = g_strdup ("Invoice\r\nBcc: everyone@example.com");
  g_assert_cmpint (settle_outbox_enqueue (f->book, no_subject, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Subject"));
  g_clear_error (&error);

  g_assert_cmpint (count_jobs (f->book), ==, 0);
}

/* Transient failures back off 1 min, 5 min, 30 min, 2 h, then the job is dead. */
static void
test_backoff (Fixture      *f,
              gconstpointer data)
{
  static const int waits[] = { 60, 5 * 60, 30 * 60, 2 * 60 * 60 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = new_job (f, "backoff:1");
  g_autoptr(GDateTime) now = at ("2030-01-15T10:00:00Z");
  SettleId id;

  id = settle_outbox_enqueue (f->book, job, &error);
  g_assert_no_error (error);

  for (int attempt = 1; attempt <= SETTLE_OUTBOX_MAX_ATTEMPTS; attempt++)
    {
      g_autoptr(SettleOutboxJob) claimed = NULL;
      g_autoptr(SettleOutboxJob) none = NULL;
      g_autoptr(SettleOutboxJob) loaded = NULL;

      g_assert_true (settle_outbox_claim_next (f->book, now, &claimed, &error));
      g_assert_no_error (error);
      g_assert_nonnull (claimed);
      g_assert_cmpint (claimed->id, ==, id);
      g_assert_cmpint (claimed->status, ==, SETTLE_OUTBOX_SENDING);
      g_assert_cmpint (claimed->attempts, ==, attempt);
      g_assert_cmpuint (claimed->attachments->len, ==, 1);

      /* Claimed means no one else gets it. */
      g_assert_true (settle_outbox_claim_next (f->book, now, &none, &error));
      g_assert_null (none);

      g_assert_true (settle_outbox_mark_failed (f->book, id, now, FALSE,
                                                "451 4.3.0 Try again later", &error));
      g_assert_no_error (error);
      loaded = settle_outbox_load (f->book, id, &error);
      g_assert_cmpstr (loaded->last_error, ==, "451 4.3.0 Try again later");
      if (attempt == SETTLE_OUTBOX_MAX_ATTEMPTS)
        {
          g_assert_cmpint (loaded->status, ==, SETTLE_OUTBOX_DEAD);
          break;
        }
      g_assert_cmpint (loaded->status, ==, SETTLE_OUTBOX_QUEUED);

      /* Not due a second early, due on time. */
      {
        g_autoptr(GDateTime) early = g_date_time_add_seconds (now, waits[attempt - 1] - 1);
        g_autoptr(GDateTime) due = g_date_time_add_seconds (now, waits[attempt - 1]);

        g_assert_cmpint (settle_outbox_count_due (f->book, early, &error), ==, 0);
        g_assert_cmpint (settle_outbox_count_due (f->book, due, &error), ==, 1);
        g_date_time_unref (now);
        now = g_date_time_ref (due);
      }
    }

  /* Dead jobs wait for a person; a resend starts over with the same Message-ID. */
  {
    g_autoptr(SettleOutboxJob) none = NULL;
    g_autoptr(SettleOutboxJob) again = NULL;
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);

    g_assert_true (settle_outbox_claim_next (f->book, later, &none, &error));
    g_assert_null (none);
    g_assert_true (settle_outbox_resend (f->book, id, later, &error));
    g_assert_no_error (error);
    g_assert_true (settle_outbox_claim_next (f->book, later, &again, &error));
    g_assert_nonnull (again);
    g_assert_cmpint (again->attempts, ==, 1);
    g_assert_cmpstr (again->message_id, ==, job->message_id);
  }
}

static void
test_permanent_and_sent (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) a = new_job (f, "perm:1");
  g_autoptr(SettleOutboxJob) b = new_job (f, "perm:2");
  g_autoptr(SettleOutboxJob) claimed = NULL;
  g_autoptr(SettleOutboxJob) loaded = NULL;
  g_autoptr(GPtrArray) activity = NULL;
  g_autoptr(GPtrArray) for_invoice = NULL;
  gboolean emailed = FALSE;
  SettleId ida, idb;

  ida = settle_outbox_enqueue (f->book, a, &error);
  idb = settle_outbox_enqueue (f->book, b, &error);
  g_assert_no_error (error);

  g_assert_true (settle_outbox_claim_next (f->book, NULL, &claimed, &error));
  g_assert_cmpint (claimed->id, ==, ida);
  g_assert_true (settle_outbox_mark_failed (f->book, ida, NULL, TRUE,
                                            "550 5.1.1 Mailbox unavailable", &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f->book, ida), ==, SETTLE_OUTBOX_FAILED);
  g_assert_cmpint (settle_outbox_count (f->book, SETTLE_OUTBOX_FAILED, NULL), ==, 1);

  g_clear_pointer (&claimed, settle_outbox_job_free);
  g_assert_true (settle_outbox_claim_next (f->book, NULL, &claimed, &error));
  g_assert_cmpint (claimed->id, ==, idb);
  g_assert_true (settle_outbox_mark_sent (f->book, idb, "250 OK queued", &error));
  g_assert_no_error (error);
  loaded = settle_outbox_load (f->book, idb, &error);
  g_assert_cmpint (loaded->status, ==, SETTLE_OUTBOX_SENT);
  g_assert_nonnull (loaded->sent_at);
  g_assert_cmpstr (loaded->last_error, ==, "250 OK queued");

  /* A sent job cannot be sent again, by a stray worker or by a person. */
  g_assert_false (settle_outbox_mark_sent (f->book, idb, "250", &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (settle_outbox_resend (f->book, idb, NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);

  activity = settle_activity_list (f->book, "invoice", f->invoice_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < activity->len; i++)
    if (g_strcmp0 (((SettleActivity *) activity->pdata[i])->action, "emailed") == 0)
      emailed = TRUE;
  g_assert_true (emailed);

  for_invoice = settle_outbox_list (f->book, "invoice", f->invoice_id, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (for_invoice->len, ==, 2);
  g_assert_cmpint (((SettleOutboxJob *) for_invoice->pdata[0])->id, ==, idb); /* newest first */
}

/* A worker that stopped after claiming leaves 'sending': recovery makes it 'unknown',
 * never 'queued', so an accepted message is not sent twice. */
static void
test_recover (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = new_job (f, "recover:1");
  g_autoptr(SettleOutboxJob) claimed = NULL;
  g_autoptr(SettleOutboxJob) none = NULL;
  g_autoptr(GDateTime) t0 = at ("2030-01-15T10:00:00Z");
  g_autoptr(GDateTime) t1 = at ("2030-01-15T10:05:00Z");
  g_autoptr(GDateTime) t2 = at ("2030-01-15T10:31:00Z");
  guint n = 99;
  SettleId id;

  id = settle_outbox_enqueue (f->book, job, &error);
  g_assert_true (settle_outbox_claim_next (f->book, t0, &claimed, &error));
  g_assert_nonnull (claimed);

  /* Our own live process holds the claim: left alone until it is stale. */
  g_assert_true (settle_outbox_recover (f->book, t1, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (status_of (f->book, id), ==, SETTLE_OUTBOX_SENDING);

  g_assert_true (settle_outbox_recover (f->book, t2, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (status_of (f->book, id), ==, SETTLE_OUTBOX_UNKNOWN);
  g_assert_true (settle_outbox_claim_next (f->book, t2, &none, &error));
  g_assert_null (none);

  /* A claim by a process that is gone is abandoned at once. */
  {
    g_autoptr(SettleOutboxJob) other = new_job (f, "recover:2");
    g_autoptr(SettleOutboxJob) c2 = NULL;
    g_autofree char *path = g_strdup (settle_book_get_path (f->book));
    sqlite3 *db;
    SettleId id2 = settle_outbox_enqueue (f->book, other, &error);

    g_assert_true (settle_outbox_claim_next (f->book, t2, &c2, &error));
    g_assert_cmpint (c2->id, ==, id2);
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    /* pid_max is at most 2^22 on Linux: this pid cannot be alive. */
    g_assert_cmpint (sqlite3_exec (db, "UPDATE outbox_jobs SET claimed_by = 2147483000 "
                                       "WHERE status = 'sending'", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_assert_true (settle_outbox_recover (f->book, t2, &n, &error));
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (status_of (f->book, id2), ==, SETTLE_OUTBOX_UNKNOWN);
  }

  /* The bookkeeper checked: it did arrive. */
  g_assert_true (settle_outbox_confirm_sent (f->book, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f->book, id), ==, SETTLE_OUTBOX_SENT);
  g_assert_false (settle_outbox_confirm_sent (f->book, id, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
}

static void
test_labels (void)
{
  for (SettleOutboxStatus s = SETTLE_OUTBOX_QUEUED; s <= SETTLE_OUTBOX_UNKNOWN; s++)
    {
      SettleOutboxStatus back;

      g_assert_true (settle_outbox_status_from_string (settle_outbox_status_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_cmpstr (settle_outbox_status_label (s), !=, "");
    }
}

/* 0004 applies to a book made by 0001–0003 and keeps what was there. */
static void
test_migration_from_3 (void)
{
  static const char * const previous[] = { "0001-initial.sql", "0002-invoicing.sql",
                                           "0003-agreements.sql" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("settle-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.settle", NULL);
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleOutboxJob) job = settle_outbox_job_new ("migrated:1");
  g_autofree char *kept = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (previous); i++)
    {
      g_autofree char *res = g_strconcat ("/io/github/settle/Settle/core/migrations/", previous[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (settle_core_get_resource (), res, 0, &error);
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO settings (key, value) VALUES ('kept', 'yes');"
                                     "PRAGMA user_version = 3;"
                                     "PRAGMA application_id = 1398033477;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settle_book_get_schema_version (book), ==, settle_book_latest_schema_version ());
  kept = settle_book_get_setting (book, "kept");
  g_assert_cmpstr (kept, ==, "yes");

  g_free (job->to);
  job->to = g_strdup ("a@example.com");
  g_free (job->subject);
  job->subject = g_strdup ("Hello");
  g_free (job->body_text);
  job->body_text = g_strdup ("Text");
  g_assert_cmpint (settle_outbox_enqueue (book, job, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outbox/addresses", test_addresses);
  g_test_add_func ("/outbox/labels", test_labels);
  g_test_add_func ("/outbox/migration-from-3", test_migration_from_3);
  g_test_add ("/outbox/enqueue-idempotent", Fixture, NULL, fixture_setup,
              test_enqueue_idempotent, fixture_teardown);
  g_test_add ("/outbox/enqueue-in-transaction", Fixture, NULL, fixture_setup,
              test_enqueue_in_transaction, fixture_teardown);
  g_test_add ("/outbox/enqueue-invalid", Fixture, NULL, fixture_setup, test_enqueue_invalid,
              fixture_teardown);
  g_test_add ("/outbox/backoff", Fixture, NULL, fixture_setup, test_backoff, fixture_teardown);
  g_test_add ("/outbox/permanent-and-sent", Fixture, NULL, fixture_setup,
              test_permanent_and_sent, fixture_teardown);
  g_test_add ("/outbox/recover", Fixture, NULL, fixture_setup, test_recover, fixture_teardown);
  return g_test_run ();
}
