/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "settle-activity.h"
#include "settle-fake-smtp.h"
#include "settle-invoice.h"
#include "settle-outbox-worker.h"
#include "settle-test-util.h"

/* Against a real SMTP server (python3-aiosmtpd) on a free loopback port. */

typedef struct
{
  char           *dir;
  SettleBook     *book;
  SettleId        invoice_id;
  char           *number;
  SettleFakeSmtp *server;
  SettleFakeSmtp *server2;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  SettleId client_id;

  f->book = settle_test_new_book (&f->dir);
  client_id = settle_test_add_client (f->book, "Northwind Dental", 30);
  f->invoice_id = settle_test_add_invoice (f->book, client_id, "2026-11-02", 125000);
  invoice = settle_invoice_load (f->book, f->invoice_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (invoice->number);
  f->number = g_strdup (invoice->number);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_pointer (&f->server, settle_fake_smtp_stop);
  g_clear_pointer (&f->server2, settle_fake_smtp_stop);
  g_clear_object (&f->book);
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->number);
}

static SettleSmtpSettings *
settings_for (SettleFakeSmtp    *server,
              SettleSmtpSecurity security)
{
  SettleSmtpSettings *s = settle_smtp_settings_new ();

  g_free (s->host);
  s->host = g_strdup ("127.0.0.1");
  s->port = server ? server->port : settle_fake_smtp_free_port ();
  s->security = security;
  g_free (s->from_address);
  s->from_address = g_strdup ("billing@example.com");
  g_free (s->from_name);
  s->from_name = g_strdup ("Example MSP");
  if (server != NULL && server->cert != NULL)
    s->ca_file = g_strdup (server->cert);
  s->timeout_seconds = 30;
  return s;
}

static SettleId
enqueue (Fixture    *f,
         const char *key)
{
  g_autoptr(SettleOutboxJob) job = settle_outbox_job_new (key);
  g_autoptr(GError) error = NULL;
  g_autofree char *ref = g_strdup_printf ("%" G_GINT64_FORMAT, f->invoice_id);
  SettleId id;

  g_free (job->to);
  job->to = g_strdup ("ap@northwind.example, owner@northwind.example");
  g_free (job->cc);
  job->cc = g_strdup ("books@example.com");
  g_free (job->subject);
  job->subject = g_strdup_printf ("Invoice %s from Example MSP", f->number);
  g_free (job->body_text);
  job->body_text = g_strdup_printf ("Hello,\n\nInvoice %s for $1,250.00 is attached.\n", f->number);
  g_free (job->body_html);
  job->body_html = g_strdup_printf ("<p>Invoice <b>%s</b> is attached.</p>", f->number);
  g_free (job->entity);
  job->entity = g_strdup ("invoice");
  job->entity_id = f->invoice_id;
  settle_outbox_job_add_attachment (job, SETTLE_OUTBOX_ATTACH_INVOICE_PDF, ref);
  id = settle_outbox_enqueue (f->book, job, &error);
  g_assert_no_error (error);
  return id;
}

static SettleOutboxJob *
load (Fixture *f,
      SettleId id)
{
  g_autoptr(GError) error = NULL;
  SettleOutboxJob *job = settle_outbox_load (f->book, id, &error);

  g_assert_no_error (error);
  return job;
}

static GDateTime *
seconds_from_now (int seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add_seconds (now, seconds);
}

/* The received message is the job's: recipients, subject, text, HTML and a real PDF
 * of the invoice. */
static void
check_delivered (Fixture        *f,
                 SettleFakeSmtp *server,
                 SettleId        job_id)
{
  g_autoptr(SettleOutboxJob) job = load (f, job_id);
  g_autoptr(JsonObject) mail = NULL;
  g_autofree char *subject = g_strdup_printf ("Invoice %s from Example MSP", f->number);
  g_autofree char *pdf_text = NULL;
  g_autofree char *filename = g_strdup_printf ("Invoice %s.pdf", f->number);
  JsonArray *attachments;
  JsonObject *pdf;
  const char *rcpt;

  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_SENT);
  g_assert_true (g_str_has_prefix (job->last_error, "250"));
  g_assert_nonnull (job->sent_at);
  g_assert_cmpuint (settle_fake_smtp_count (server), ==, 1);

  mail = settle_fake_smtp_dump (server, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (mail, "defects")), ==, 0);
  rcpt = json_object_get_string_member (mail, "rcpt_to");
  g_assert_nonnull (strstr (rcpt, "ap@northwind.example"));
  g_assert_nonnull (strstr (rcpt, "owner@northwind.example"));
  g_assert_nonnull (strstr (rcpt, "books@example.com"));
  g_assert_cmpstr (json_object_get_string_member (mail, "mail_from"), ==, "billing@example.com");
  g_assert_cmpstr (json_object_get_string_member (mail, "to"), ==,
                   "ap@northwind.example, owner@northwind.example");
  g_assert_cmpstr (json_object_get_string_member (mail, "cc"), ==, "books@example.com");
  g_assert_cmpstr (json_object_get_string_member (mail, "from"), ==,
                   "Example MSP <billing@example.com>");
  g_assert_cmpstr (json_object_get_string_member (mail, "subject"), ==, subject);
  g_assert_cmpstr (json_object_get_string_member (mail, "message_id"), ==, job->message_id);
  g_assert_nonnull (strstr (json_object_get_string_member (mail, "text"), "for $1,250.00 is attached"));
  g_assert_nonnull (strstr (json_object_get_string_member (mail, "text"), f->number));
  g_assert_nonnull (strstr (json_object_get_string_member (mail, "html"), f->number));

  attachments = json_object_get_array_member (mail, "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
  pdf = json_array_get_object_element (attachments, 0);
  g_assert_cmpstr (json_object_get_string_member (pdf, "content_type"), ==, "application/pdf");
  g_assert_cmpstr (json_object_get_string_member (pdf, "filename"), ==, filename);
  pdf_text = settle_fake_smtp_pdf_text (json_object_get_string_member (pdf, "path"));
  g_assert_nonnull (strstr (pdf_text, f->number));
}

static void
send_and_check (Fixture           *f,
                SettleFakeSmtpMode mode,
                SettleSmtpSecurity security)
{
  g_autoptr(SettleSmtpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activity = NULL;
  gboolean emailed = FALSE;
  guint n_sent = 0;
  SettleId id;

  f->server = settle_fake_smtp_start (mode, NULL, NULL);
  settings = settings_for (f->server, security);
  id = enqueue (f, "invoice-issued:1");

  g_assert_true (settle_outbox_send_due (f->book, settings, NULL, NULL, &n_sent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sent, ==, 1);
  check_delivered (f, f->server, id);

  /* Nothing is due any more: running again sends nothing. */
  g_assert_true (settle_outbox_send_due (f->book, settings, NULL, NULL, &n_sent, &error));
  g_assert_cmpuint (n_sent, ==, 0);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 1);
  /* Nor does enqueueing the same step again. */
  g_assert_cmpint (enqueue (f, "invoice-issued:1"), ==, id);
  g_assert_true (settle_outbox_send_due (f->book, settings, NULL, NULL, &n_sent, &error));
  g_assert_cmpuint (n_sent, ==, 0);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 1);

  activity = settle_activity_list (f->book, "invoice", f->invoice_id, &error);
  for (guint i = 0; i < activity->len; i++)
    if (g_strcmp0 (((SettleActivity *) activity->pdata[i])->action, "emailed") == 0)
      emailed = TRUE;
  g_assert_true (emailed);
}

static void
test_plain (Fixture      *f,
            gconstpointer data)
{
  send_and_check (f, SETTLE_FAKE_SMTP_PLAIN, SETTLE_SMTP_SECURITY_NONE);
}

static void
test_starttls (Fixture      *f,
               gconstpointer data)
{
  send_and_check (f, SETTLE_FAKE_SMTP_STARTTLS, SETTLE_SMTP_SECURITY_STARTTLS);
}

static void
test_implicit_tls (Fixture      *f,
                   gconstpointer data)
{
  send_and_check (f, SETTLE_FAKE_SMTP_TLS, SETTLE_SMTP_SECURITY_TLS);
}

/* A statement of account and a plain file; a file gone by send time fails the job
 * for good, with the reason. */
static void
test_other_attachments (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(SettleSmtpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = settle_outbox_job_new ("statement:1");
  g_autoptr(SettleOutboxJob) gone = settle_outbox_job_new ("file-gone:1");
  g_autoptr(SettleOutboxJob) loaded = NULL;
  g_autoptr(JsonObject) mail = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *terms = g_build_filename (f->dir, "terms.txt", NULL);
  g_autofree char *vanishing = g_build_filename (f->dir, "vanishing.txt", NULL);
  g_autofree char *pdf_text = NULL;
  g_autofree char *file_text = NULL;
  g_autoptr(SettleInvoice) invoice = settle_invoice_load (f->book, f->invoice_id, NULL);
  SettleOutboxRunResult result;
  JsonArray *attachments;
  SettleId gone_id;

  f->server = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, NULL, NULL);
  settings = settings_for (f->server, SETTLE_SMTP_SECURITY_NONE);
  g_assert_true (g_file_set_contents (terms, "Net 30. Thank you.\n", -1, NULL));
  g_assert_true (g_file_set_contents (vanishing, "soon gone\n", -1, NULL));

  ref = g_strdup_printf ("%" G_GINT64_FORMAT ":2026-11-01:2026-11-30", invoice->client_id);
  g_free (job->to);
  job->to = g_strdup ("ap@northwind.example");
  g_free (job->subject);
  job->subject = g_strdup ("Your statement for November");
  g_free (job->body_text);
  job->body_text = g_strdup ("Your statement is attached.");
  settle_outbox_job_add_attachment (job, SETTLE_OUTBOX_ATTACH_STATEMENT_PDF, ref);
  settle_outbox_job_add_attachment (job, SETTLE_OUTBOX_ATTACH_FILE, terms);
  g_assert_cmpint (settle_outbox_enqueue (f->book, job, &error), >, 0);
  g_assert_no_error (error);

  g_free (gone->to);
  gone->to = g_strdup ("ap@northwind.example");
  g_free (gone->subject);
  gone->subject = g_strdup ("A file");
  g_free (gone->body_text);
  gone->body_text = g_strdup ("Attached.");
  settle_outbox_job_add_attachment (gone, SETTLE_OUTBOX_ATTACH_FILE, vanishing);
  gone_id = settle_outbox_enqueue (f->book, gone, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (vanishing), ==, 0);

  g_assert_true (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_sent, ==, 1);
  g_assert_cmpuint (result.n_failed, ==, 1);
  loaded = load (f, gone_id);
  g_assert_cmpint (loaded->status, ==, SETTLE_OUTBOX_FAILED);
  g_assert_nonnull (strstr (loaded->last_error, "vanishing.txt"));

  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 1);
  mail = settle_fake_smtp_dump (f->server, 0);
  g_assert_cmpstr (json_object_get_string_member (mail, "content_type"), ==, "multipart/mixed");
  attachments = json_object_get_array_member (mail, "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 0),
                                                  "filename"), ==, "Statement 2026-11-30.pdf");
  pdf_text = settle_fake_smtp_pdf_text (
    json_object_get_string_member (json_array_get_object_element (attachments, 0), "path"));
  g_assert_nonnull (strstr (pdf_text, "Northwind Dental"));
  g_assert_nonnull (strstr (pdf_text, f->number));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 1),
                                                  "filename"), ==, "terms.txt");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 1),
                                                  "content_type"), ==, "text/plain");
  g_file_get_contents (json_object_get_string_member (json_array_get_object_element (attachments, 1),
                                                      "path"), &file_text, NULL, &error);
  g_assert_cmpstr (file_text, ==, "Net 30. Thank you.\n");
}

/* A certificate the system does not trust: no message, the job waits for a retry. */
static void
test_untrusted_certificate (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(SettleSmtpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = NULL;
  SettleId id;

  f->server = settle_fake_smtp_start (SETTLE_FAKE_SMTP_STARTTLS, NULL, NULL);
  settings = settings_for (f->server, SETTLE_SMTP_SECURITY_STARTTLS);
  g_clear_pointer (&settings->ca_file, g_free);
  id = enqueue (f, "tls:1");

  g_assert_false (settle_outbox_send_due (f->book, settings, NULL, NULL, NULL, &error));
  g_assert_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_TLS);
  job = load (f, id);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_QUEUED);
  g_assert_cmpint (job->attempts, ==, 1);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 0);
}

static void
test_server_down (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(SettleSmtpSettings) settings = settings_for (NULL, SETTLE_SMTP_SECURITY_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) first = NULL;
  g_autoptr(SettleOutboxJob) second = NULL;
  g_autoptr(GDateTime) soon = seconds_from_now (50);
  g_autoptr(GDateTime) later = seconds_from_now (70);
  g_autofree char *now_text = settle_timestamp_now ();
  SettleOutboxRunResult result;
  SettleId a, b;

  a = enqueue (f, "down:1");
  b = enqueue (f, "down:2");
  g_assert_false (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                               &error));
  g_assert_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_cmpuint (result.n_sent, ==, 0);
  g_assert_cmpuint (result.n_retrying, ==, 1);

  /* The first is queued for a minute later with the reason; the second was not tried. */
  first = load (f, a);
  second = load (f, b);
  g_assert_cmpint (first->status, ==, SETTLE_OUTBOX_QUEUED);
  g_assert_cmpint (first->attempts, ==, 1);
  g_assert_cmpstr (first->next_attempt_at, >, now_text);
  g_assert_cmpstr (first->last_error, ==, error->message);
  g_assert_cmpint (second->status, ==, SETTLE_OUTBOX_QUEUED);
  g_assert_cmpint (second->attempts, ==, 0);
  g_assert_cmpint (settle_outbox_count_due (f->book, soon, NULL), ==, 1);
  g_assert_cmpint (settle_outbox_count_due (f->book, later, NULL), ==, 2);
}

/* 451 at the end of the message: queued for later; once the server takes it, sent. */
static void
test_transient_451 (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(SettleSmtpSettings) settings = NULL;
  g_autoptr(SettleSmtpSettings) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = NULL;
  g_autoptr(GDateTime) later = seconds_from_now (61);
  SettleOutboxRunResult result;
  SettleId id;

  f->server = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, "data", "451 4.3.0 Try again later");
  settings = settings_for (f->server, SETTLE_SMTP_SECURITY_NONE);
  id = enqueue (f, "greylisted:1");

  g_assert_true (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_retrying, ==, 1);
  job = load (f, id);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_QUEUED);
  g_assert_nonnull (strstr (job->last_error, "451 4.3.0 Try again later"));
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 0);

  /* Not due yet. */
  g_assert_true (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                              &error));
  g_assert_cmpuint (result.n_sent + result.n_retrying, ==, 0);

  f->server2 = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, NULL, NULL);
  good = settings_for (f->server2, SETTLE_SMTP_SECURITY_NONE);
  g_assert_true (settle_outbox_send_due_full (f->book, good, later, NULL, NULL, NULL, &result,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_sent, ==, 1);
  check_delivered (f, f->server2, id);
}

static void
test_permanent_550 (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(SettleSmtpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = NULL;
  g_autoptr(GDateTime) much_later = seconds_from_now (24 * 3600);
  SettleOutboxRunResult result;
  SettleId id;

  f->server = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, "rcpt", "550 5.1.1 No such user here");
  settings = settings_for (f->server, SETTLE_SMTP_SECURITY_NONE);
  id = enqueue (f, "bounce:1");

  g_assert_true (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_failed, ==, 1);
  job = load (f, id);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_FAILED);
  g_assert_nonnull (strstr (job->last_error, "550 5.1.1 No such user here"));
  g_assert_cmpint (settle_outbox_count_due (f->book, much_later, NULL), ==, 0);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 0);
}

/* The server stores the message and hangs up before answering: the job must not be
 * sent again by itself. */
static void
test_dropped_after_data (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(SettleSmtpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = NULL;
  g_autoptr(GDateTime) much_later = seconds_from_now (24 * 3600);
  SettleOutboxRunResult result;
  SettleId id;

  f->server = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, "drop", "-");
  settings = settings_for (f->server, SETTLE_SMTP_SECURITY_NONE);
  id = enqueue (f, "dropped:1");

  g_assert_true (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_unknown, ==, 1);
  job = load (f, id);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_UNKNOWN);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 1);

  g_assert_true (settle_outbox_send_due_full (f->book, settings, much_later, NULL, NULL, NULL,
                                              &result, &error));
  g_assert_cmpuint (result.n_sent, ==, 0);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 1);
}

static void
test_no_settings (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleSmtpSettings) loaded = NULL;
  g_autoptr(SettleOutboxJob) job = NULL;
  guint n_sent = 99;
  SettleId id;

  id = enqueue (f, "unconfigured:1");
  loaded = settle_smtp_settings_load (f->book, &error);
  g_assert_null (loaded);
  g_assert_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "not set up"));
  g_clear_error (&error);

  g_assert_false (settle_outbox_send_due (f->book, NULL, NULL, NULL, &n_sent, &error));
  g_assert_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG);
  g_assert_cmpuint (n_sent, ==, 0);
  job = load (f, id);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_QUEUED);
  g_assert_cmpint (job->attempts, ==, 0);
  g_assert_null (job->sent_at);
  g_clear_error (&error);

  /* A host but no sender is just as unusable. */
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_HOST, "smtp.example.com", &error));
  g_assert_null (settle_smtp_settings_load (f->book, &error));
  g_assert_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG);
  g_clear_error (&error);

  /* The book round-trips settings, never a password. */
  {
    g_autoptr(SettleSmtpSettings) s = settings_for (NULL, SETTLE_SMTP_SECURITY_STARTTLS);
    g_autoptr(SettleSmtpSettings) back = NULL;
    g_autofree char *password = NULL;

    g_free (s->username);
    s->username = g_strdup ("billing");
    s->password = g_strdup ("hunter2");
    g_assert_true (settle_smtp_settings_save (f->book, s, &error));
    g_assert_no_error (error);
    back = settle_smtp_settings_load (f->book, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (back->host, ==, "127.0.0.1");
    g_assert_cmpint (back->port, ==, s->port);
    g_assert_cmpint (back->security, ==, SETTLE_SMTP_SECURITY_STARTTLS);
    g_assert_cmpstr (back->username, ==, "billing");
    g_assert_null (back->password);
    password = settle_book_get_setting (f->book, "smtp.password");
    g_assert_null (password);
  }
}

/* Killed between "the server accepted it" and "recorded as sent". */
static void
test_killed_after_send (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(SettleSmtpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = NULL;
  g_autoptr(GDateTime) much_later = seconds_from_now (24 * 3600);
  SettleOutboxRunResult result;
  const char *path = settle_book_get_path (f->book);
  int status = 0;
  SettleId id, other;
  pid_t pid;

  f->server = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, NULL, NULL);
  settings = settings_for (f->server, SETTLE_SMTP_SECURITY_NONE);
  id = enqueue (f, "killed:1");

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* The child does what the worker does, on its own connection, and dies right
       * after the server's 250. */
      SettleBook *book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, NULL);
      SettleOutboxJob *claimed = NULL;
      SettleMailMessage *message;

      if (book == NULL || !settle_outbox_claim_next (book, NULL, &claimed, NULL) || claimed == NULL)
        _exit (2);
      message = settle_outbox_build_message (book, claimed, settings, NULL);
      if (message == NULL || !settle_smtp_send (settings, message, NULL, NULL, NULL))
        _exit (3);
      kill (getpid (), SIGKILL);
      _exit (4);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  job = load (f, id);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_SENDING);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 1);
  g_clear_pointer (&job, settle_outbox_job_free);

  /* The next run finds the abandoned claim: unknown, not sent again. */
  other = enqueue (f, "killed:2");
  g_assert_true (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_recovered, ==, 1);
  g_assert_cmpuint (result.n_sent, ==, 1);
  job = load (f, id);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_UNKNOWN);
  g_clear_pointer (&job, settle_outbox_job_free);
  job = load (f, other);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_SENT);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 2);

  g_assert_true (settle_outbox_send_due_full (f->book, settings, much_later, NULL, NULL, NULL,
                                              &result, &error));
  g_assert_cmpuint (result.n_sent, ==, 0);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 2);

  /* The bookkeeper resends it: the copy carries the same Message-ID. */
  g_assert_true (settle_outbox_resend (f->book, id, NULL, &error));
  g_assert_true (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_sent, ==, 1);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 3);
}

/* The password comes from the keyring or SETTLE_SMTP_PASSWORD, never from the book. */
static void
test_auth (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(SettleSmtpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) job = NULL;
  g_autoptr(GDateTime) later = seconds_from_now (61);
  SettleOutboxRunResult result;
  SettleId id;

  f->server = settle_fake_smtp_start_auth ("billing", "s3cret-pw");
  settings = settings_for (f->server, SETTLE_SMTP_SECURITY_NONE);
  g_free (settings->username);
  settings->username = g_strdup ("billing");
  id = enqueue (f, "auth:1");

  /* No password anywhere (and no keyring to ask): a clear message, nothing claimed. */
  g_unsetenv ("SETTLE_SMTP_PASSWORD");
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/settle-test-bus", TRUE);
  g_assert_false (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                               &error));
  g_assert_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "billing"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);
  job = load (f, id);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_QUEUED);
  g_assert_cmpint (job->attempts, ==, 0);
  g_clear_pointer (&job, settle_outbox_job_free);

  /* A wrong password: refused, the job waits, the run stops. */
  g_setenv ("SETTLE_SMTP_PASSWORD", "wrong", TRUE);
  g_assert_false (settle_outbox_send_due_full (f->book, settings, NULL, NULL, NULL, NULL, &result,
                                               &error));
  g_assert_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "535"));
  g_clear_error (&error);
  job = load (f, id);
  g_assert_cmpint (job->status, ==, SETTLE_OUTBOX_QUEUED);
  g_assert_cmpint (job->attempts, ==, 1);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 0);

  g_setenv ("SETTLE_SMTP_PASSWORD", "s3cret-pw", TRUE);
  g_assert_true (settle_outbox_send_due_full (f->book, settings, later, NULL, NULL, NULL, &result,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_sent, ==, 1);
  check_delivered (f, f->server, id);
  g_unsetenv ("SETTLE_SMTP_PASSWORD");
}

typedef struct
{
  GMainLoop            *loop;
  guint                 last_done;
  guint                 last_total;
  gboolean              ok;
  GError               *error;
  SettleOutboxRunResult result;
  GThread              *main_thread;
} WorkerRun;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  WorkerRun *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_cmpuint (done, >, run->last_done);
  run->last_done = done;
  run->last_total = total;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  WorkerRun *run = user_data;

  run->ok = settle_outbox_worker_run_finish (SETTLE_BOOK (source), result, &run->result,
                                             &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_worker (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *port = NULL;
  WorkerRun run = { 0 };

  f->server = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, NULL, NULL);
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_HOST, "127.0.0.1", &error));
  port = g_strdup_printf ("%d", f->server->port);
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_PORT, port, &error));
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_SECURITY, "none", &error));
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_FROM, "billing@example.com", &error));
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_FROM_NAME, "Example MSP", &error));
  g_assert_no_error (error);
  enqueue (f, "worker:1");
  enqueue (f, "worker:2");

  run.loop = g_main_loop_new (NULL, FALSE);
  run.main_thread = g_thread_self ();
  settle_outbox_worker_run_async (f->book, NULL, on_progress, &run, NULL, on_done, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);

  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.result.n_sent, ==, 2);
  g_assert_cmpuint (run.last_done, ==, 2);
  g_assert_cmpuint (run.last_total, ==, 2);
  g_assert_cmpuint (settle_fake_smtp_count (f->server), ==, 2);
  g_assert_cmpint (settle_outbox_count (f->book, SETTLE_OUTBOX_SENT, NULL), ==, 2);
}

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "settle-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (Fixture      *f,
          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *port = NULL;
  const char *path = settle_book_get_path (f->book);
  const char *send[] = { "outbox", path, "--send", NULL };
  const char *list[] = { "outbox", path, "--list", NULL };
  SettleId id;

  id = enqueue (f, "cli:1");

  /* No settings: a clear message, nothing sent. */
  g_assert_cmpint (run_cli (send, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "not set up"));
  g_assert_cmpint (settle_outbox_count (f->book, SETTLE_OUTBOX_QUEUED, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  f->server = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, NULL, NULL);
  port = g_strdup_printf ("%d", f->server->port);
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_HOST, "127.0.0.1", &error));
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_PORT, port, &error));
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_SECURITY, "none", &error));
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_FROM, "billing@example.com", &error));
  g_assert_true (settle_book_set_setting (f->book, SETTLE_SMTP_KEY_FROM_NAME, "Example MSP", &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (send, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Sent 1,"));
  check_delivered (f, f->server, id);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (list, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Sent"));
  g_assert_nonnull (strstr (out, "ap@northwind.example"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/smtp/plain", test_plain);
  ADD ("/smtp/starttls", test_starttls);
  ADD ("/smtp/implicit-tls", test_implicit_tls);
  ADD ("/smtp/other-attachments", test_other_attachments);
  ADD ("/smtp/untrusted-certificate", test_untrusted_certificate);
  ADD ("/smtp/server-down", test_server_down);
  ADD ("/smtp/transient-451", test_transient_451);
  ADD ("/smtp/permanent-550", test_permanent_550);
  ADD ("/smtp/dropped-after-data", test_dropped_after_data);
  ADD ("/smtp/no-settings", test_no_settings);
  ADD ("/smtp/auth", test_auth);
  ADD ("/smtp/killed-after-send", test_killed_after_send);
  ADD ("/smtp/worker", test_worker);
  ADD ("/smtp/cli", test_cli);
#undef ADD
  return g_test_run ();
}
