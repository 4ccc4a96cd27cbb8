/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-activity.h"
#include "settle-client-reminder.h"
#include "settle-client.h"
#include "settle-outbox.h"
#include "settle-test-util.h"

static void
set_email (SettleBook *book,
           SettleId    client_id,
           const char *email)
{
  g_autoptr(SettleClient) client = settle_client_load (book, client_id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (client);
  g_free (client->email);
  client->email = g_strdup (email);
  settle_client_save (book, client, &error);
  g_assert_no_error (error);
}

static guint
count_reminded (SettleBook *book,
                SettleId    client_id)
{
  g_autoptr(GPtrArray) rows = settle_activity_list (book, "client", client_id, NULL);
  guint n = 0;

  g_assert_nonnull (rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const SettleActivity *a = g_ptr_array_index (rows, i);

      if (g_strcmp0 (a->action, "reminded") == 0)
        n++;
    }
  return n;
}

static void
test_remind (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleOutboxJob) job = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  SettleId acme, inv1, inv2, job_id = 0, again_id = 0;
  gboolean already = TRUE;
  GDate as_of = settle_test_date ("2026-03-31");
  const SettleOutboxAttachment *att;

  acme = settle_test_add_client (book, "Acme", 30);
  set_email (book, acme, "billing@acme.example");
  /* Due 2026-02-01 and 2026-03-01: both overdue on 31 March; the third is current. */
  inv1 = settle_test_add_invoice (book, acme, "2026-01-02", 100000);
  inv2 = settle_test_add_invoice (book, acme, "2026-01-30", 25050);
  settle_test_add_invoice (book, acme, "2026-03-20", 9999);
  settle_test_pay (book, acme, "2026-02-10", 40000, inv1, 40000);
  g_assert_cmpint (inv2, >, inv1);

  g_assert_true (settle_client_remind (book, acme, &as_of, &job_id, &already, &error));
  g_assert_no_error (error);
  g_assert_cmpint (job_id, >, 0);
  g_assert_false (already);

  job = settle_outbox_load (book, job_id, &error);
  g_assert_no_error (error);
  {
    g_autofree char *key = g_strdup_printf ("manual-reminder:%" G_GINT64_FORMAT ":2026-03-31",
                                            (gint64) acme);

    g_assert_cmpstr (job->idempotency_key, ==, key);
  }
  g_assert_cmpstr (job->entity, ==, "client");
  g_assert_cmpint (job->entity_id, ==, acme);
  g_assert_cmpstr (job->to, ==, "billing@acme.example");
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_QUEUED);
  /* The overdue balance: 1,000.00 − 400.00 + 250.50 = 850.50, not the current invoice. */
  g_assert_nonnull (strstr (job->body_text, "850.50"));
  g_assert_null (strstr (job->body_text, "950.49"));
  g_assert_cmpuint (job->attachments->len, ==, 1);
  att = g_ptr_array_index (job->attachments, 0);
  g_assert_cmpint (att->kind, ==, SETTLE_OUTBOX_ATTACH_STATEMENT_PDF);
  {
    g_autofree char *ref = g_strdup_printf ("%" G_GINT64_FORMAT ":2026-01-02:2026-03-31",
                                            (gint64) acme);

    g_assert_cmpstr (att->ref, ==, ref);
  }
  g_assert_cmpuint (count_reminded (book, acme), ==, 1);

  /* A second click the same day: the same job, nothing written. */
  g_assert_true (settle_client_remind (book, acme, &as_of, &again_id, &already, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again_id, ==, job_id);
  g_assert_true (already);
  g_assert_cmpuint (count_reminded (book, acme), ==, 1);
  jobs = settle_outbox_list (book, "client", acme, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 1);

  /* The next day is a new reminder. */
  g_date_add_days (&as_of, 1);
  g_assert_true (settle_client_remind (book, acme, &as_of, &again_id, &already, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again_id, !=, job_id);
  g_assert_false (already);
  g_assert_cmpuint (count_reminded (book, acme), ==, 2);
  settle_test_assert_invariants (book);

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_remind_refused (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  SettleId globex, paid_up, job_id = 0;
  gboolean already = FALSE;
  GDate as_of = settle_test_date ("2026-03-31");

  globex = settle_test_add_client (book, "Globex", 14);
  settle_test_add_invoice (book, globex, "2026-01-05", 5000);
  g_assert_false (settle_client_remind (book, globex, &as_of, &job_id, &already, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Globex"));
  g_assert_cmpint (job_id, ==, 0);
  g_clear_error (&error);

  /* A client who owes nothing has nothing to be reminded of. */
  set_email (book, globex, "billing@globex.example");
  paid_up = settle_test_add_client (book, "Initech", 14);
  set_email (book, paid_up, "ap@initech.example");
  g_assert_false (settle_client_remind (book, paid_up, &as_of, &job_id, &already, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Initech"));
  g_clear_error (&error);

  jobs = settle_outbox_list (book, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 0);
  g_assert_cmpuint (count_reminded (book, globex), ==, 0);

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/client-reminder/remind", test_remind);
  g_test_add_func ("/client-reminder/refused", test_remind_refused);
  return g_test_run ();
}
