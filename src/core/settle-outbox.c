/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "settle-book-private.h"
#include "settle-outbox.h"

static const char * const status_names[] = {
  [SETTLE_OUTBOX_QUEUED] = "queued",
  [SETTLE_OUTBOX_SENDING] = "sending",
  [SETTLE_OUTBOX_SENT] = "sent",
  [SETTLE_OUTBOX_FAILED] = "failed",
  [SETTLE_OUTBOX_DEAD] = "dead",
  [SETTLE_OUTBOX_UNKNOWN] = "unknown",
};

static const char * const attachment_names[] = {
  [SETTLE_OUTBOX_ATTACH_INVOICE_PDF] = "invoice-pdf",
  [SETTLE_OUTBOX_ATTACH_STATEMENT_PDF] = "statement-pdf",
  [SETTLE_OUTBOX_ATTACH_FILE] = "file",
};

#define JOB_COLUMNS                                                                        \
  "id, idempotency_key, entity, entity_id, mail_to, mail_cc, subject, body_text, "       \
  "body_html, status, attempts, next_attempt_at, last_error, message_id, created_at, "   \
  "sent_at"

static void
attachment_free (SettleOutboxAttachment *a)
{
  if (a == NULL)
    return;
  g_free (a->ref);
  g_free (a);
}

SettleOutboxJob *
settle_outbox_job_new (const char *idempotency_key)
{
  SettleOutboxJob *job = g_new0 (SettleOutboxJob, 1);

  job->idempotency_key = g_strdup (idempotency_key ? idempotency_key : "");
  job->entity = g_strdup ("");
  job->to = g_strdup ("");
  job->cc = g_strdup ("");
  job->subject = g_strdup ("");
  job->body_text = g_strdup ("");
  job->body_html = g_strdup ("");
  job->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  job->last_error = g_strdup ("");
  return job;
}

void
settle_outbox_job_free (SettleOutboxJob *job)
{
  if (job == NULL)
    return;
  g_free (job->idempotency_key);
  g_free (job->entity);
  g_free (job->to);
  g_free (job->cc);
  g_free (job->subject);
  g_free (job->body_text);
  g_free (job->body_html);
  g_clear_pointer (&job->attachments, g_ptr_array_unref);
  g_free (job->next_attempt_at);
  g_free (job->last_error);
  g_free (job->message_id);
  g_free (job->created_at);
  g_free (job->sent_at);
  g_free (job);
}

void
settle_outbox_job_add_attachment (SettleOutboxJob            *job,
                                  SettleOutboxAttachmentKind  kind,
                                  const char                 *ref)
{
  SettleOutboxAttachment *a;

  g_return_if_fail (job != NULL);
  g_return_if_fail (kind <= SETTLE_OUTBOX_ATTACH_FILE);
  g_return_if_fail (ref != NULL);

  a = g_new0 (SettleOutboxAttachment, 1);
  a->kind = kind;
  a->ref = g_strdup (ref);
  g_ptr_array_add (job->attachments, a);
}

const char *
settle_outbox_status_to_string (SettleOutboxStatus status)
{
  g_return_val_if_fail (status <= SETTLE_OUTBOX_UNKNOWN, "queued");
  return status_names[status];
}

gboolean
settle_outbox_status_from_string (const char         *text,
                                  SettleOutboxStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
settle_outbox_status_label (SettleOutboxStatus status)
{
  switch (status)
    {
    case SETTLE_OUTBOX_QUEUED:
      return _("Queued");
    case SETTLE_OUTBOX_SENDING:
      return _("Sending");
    case SETTLE_OUTBOX_SENT:
      return _("Sent");
    case SETTLE_OUTBOX_FAILED:
      return _("Failed");
    case SETTLE_OUTBOX_DEAD:
      return _("Gave up");
    case SETTLE_OUTBOX_UNKNOWN:
      return _("Unconfirmed");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
settle_outbox_attachment_kind_to_string (SettleOutboxAttachmentKind kind)
{
  g_return_val_if_fail (kind <= SETTLE_OUTBOX_ATTACH_FILE, "file");
  return attachment_names[kind];
}

static gboolean
attachment_kind_from_string (const char                 *text,
                             SettleOutboxAttachmentKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (attachment_names); i++)
    if (g_strcmp0 (text, attachment_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

char *
settle_outbox_message_id_for_key (const char *idempotency_key)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (idempotency_key != NULL, NULL);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, idempotency_key, -1);
  hash[32] = '\0';
  return g_strdup_printf ("<job-%s@settle.invalid>", hash);
}

char *
settle_outbox_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return settle_timestamp_now ();
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Addresses */

static gboolean
is_atext (char c)
{
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

gboolean
settle_email_address_is_valid (const char *address)
{
  const char *at;
  const char *label;
  gsize local_len;
  gboolean dot = FALSE;

  if (address == NULL)
    return FALSE;
  at = strrchr (address, '@');
  if (at == NULL || strlen (address) > 254)
    return FALSE;
  local_len = at - address;
  if (local_len == 0 || local_len > 64 || address[0] == '.' || at[-1] == '.')
    return FALSE;
  for (const char *p = address; p < at; p++)
    {
      if (*p == '.')
        {
          if (p[1] == '.')
            return FALSE;
        }
      else if (!is_atext (*p))
        return FALSE;
    }

  /* The domain: dot-separated labels of letters, digits and inner hyphens. */
  label = at + 1;
  if (*label == '\0')
    return FALSE;
  for (const char *p = label;; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          gsize len = p - label;

          if (len == 0 || len > 63 || label[0] == '-' || p[-1] == '-')
            return FALSE;
          if (*p == '\0')
            break;
          dot = TRUE;
          label = p + 1;
        }
      else if (!g_ascii_isalnum (*p) && *p != '-')
        return FALSE;
    }
  return dot;
}

char **
settle_email_address_list_parse (const char *text,
                                 const char *field,
                                 gboolean    required,
                                 GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  g_return_val_if_fail (field != NULL, NULL);

  parts = g_strsplit_set (text ? text : "", ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *address = g_strstrip (parts[i]);

      if (*address == '\0')
        continue;
      if (!settle_email_address_is_valid (address))
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("%s: “%s” is not a valid email address (expected name@example.com)"),
                       field, address);
          return NULL;
        }
      g_strv_builder_add (builder, address);
      n++;
    }
  if (n == 0 && required)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("%s: enter at least one email address"), field);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* Enqueue */

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
parse_statement_ref (const char *ref,
                     SettleId   *client_id,
                     GDate      *from,
                     GDate      *to)
{
  g_auto(GStrv) parts = g_strsplit (ref, ":", -1);
  char *end = NULL;

  if (g_strv_length (parts) != 3)
    return FALSE;
  *client_id = g_ascii_strtoll (parts[0], &end, 10);
  if (end == parts[0] || *end != '\0' || *client_id <= 0)
    return FALSE;
  return settle_date_parse (parts[1], from) && settle_date_parse (parts[2], to)
         && g_date_compare (from, to) <= 0;
}

static gboolean
validate_attachment (SettleBook                   *book,
                     guint                         position,
                     const SettleOutboxAttachment *a,
                     GError                      **error)
{
  switch (a->kind)
    {
    case SETTLE_OUTBOX_ATTACH_INVOICE_PDF:
      {
        char *end = NULL;
        gint64 id = g_ascii_strtoll (a->ref, &end, 10);
        sqlite3_stmt *stmt;
        g_autofree char *status = NULL;

        if (end == a->ref || *end != '\0' || id <= 0)
          break;
        stmt = settle_book_prepare (book, "SELECT status FROM invoices WHERE id = ?1", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, id);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          status = settle_column_dup (stmt, 0);
        sqlite3_reset (stmt);
        if (status == NULL)
          {
            g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                         _("Attachment %u: there is no invoice with id %" PRId64),
                         position, id);
            return FALSE;
          }
        if (strcmp (status, "draft") == 0)
          {
            g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                         _("Attachment %u: the invoice is a draft; issue it before emailing it"),
                         position);
            return FALSE;
          }
        return TRUE;
      }
    case SETTLE_OUTBOX_ATTACH_STATEMENT_PDF:
      {
        SettleId client_id;
        GDate from, to;

        g_date_clear (&from, 1);
        g_date_clear (&to, 1);
        if (parse_statement_ref (a->ref, &client_id, &from, &to))
          return TRUE;
        break;
      }
    case SETTLE_OUTBOX_ATTACH_FILE:
      if (!g_path_is_absolute (a->ref) || !g_file_test (a->ref, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Attachment %u: the file “%s” does not exist"), position, a->ref);
          return FALSE;
        }
      return TRUE;
    default:
      break;
    }
  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
               _("Attachment %u: “%s” is not a valid reference for a %s attachment"), position,
               a->ref, settle_outbox_attachment_kind_to_string (a->kind));
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
validate_job (SettleBook            *book,
              const SettleOutboxJob *job,
              GError               **error)
{
  g_auto(GStrv) to = NULL;
  g_auto(GStrv) cc = NULL;

  if (job->idempotency_key == NULL || *job->idempotency_key == '\0')
    return invalid (error, _("An outbox job needs an idempotency key"));
  if ((to = settle_email_address_list_parse (job->to, _("To"), TRUE, error)) == NULL)
    return FALSE;
  if ((cc = settle_email_address_list_parse (job->cc, _("Cc"), FALSE, error)) == NULL)
    return FALSE;
  if (job->subject == NULL || is_blank (job->subject))
    return invalid (error, _("Subject: an email needs a subject"));
  if (strpbrk (job->subject, "\r\n") != NULL)
    return invalid (error, _("Subject: the subject must be a single line"));
  if (!g_utf8_validate (job->subject, -1, NULL)
      || job->body_text == NULL || !g_utf8_validate (job->body_text, -1, NULL)
      || (job->body_html != NULL && !g_utf8_validate (job->body_html, -1, NULL)))
    return invalid (error, _("Message: the text is not valid UTF-8"));
  if (*job->body_text == '\0')
    return invalid (error, _("Message: an email needs a text body"));
  for (guint i = 0; i < job->attachments->len; i++)
    if (!validate_attachment (book, i + 1, g_ptr_array_index (job->attachments, i), error))
      return FALSE;
  return TRUE;
}

static SettleOutboxJob *
job_from_row (sqlite3_stmt *stmt)
{
  SettleOutboxJob *job = settle_outbox_job_new (NULL);
  g_autofree char *status = NULL;

#define TAKE(field, col) g_free (job->field); job->field = settle_column_dup (stmt, col)
  job->id = sqlite3_column_int64 (stmt, 0);
  TAKE (idempotency_key, 1);
  TAKE (entity, 2);
  job->entity_id = sqlite3_column_int64 (stmt, 3);
  TAKE (to, 4);
  TAKE (cc, 5);
  TAKE (subject, 6);
  TAKE (body_text, 7);
  TAKE (body_html, 8);
  status = settle_column_dup (stmt, 9);
  if (!settle_outbox_status_from_string (status, &job->status))
    job->status = SETTLE_OUTBOX_FAILED;
  job->attempts = sqlite3_column_int (stmt, 10);
  TAKE (next_attempt_at, 11);
  TAKE (last_error, 12);
  TAKE (message_id, 13);
  TAKE (created_at, 14);
  job->sent_at = sqlite3_column_type (stmt, 15) == SQLITE_NULL ? NULL : settle_column_dup (stmt, 15);
#undef TAKE
  return job;
}

static gboolean
load_attachments (SettleBook      *book,
                  SettleOutboxJob *job,
                  GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book,
                              "SELECT kind, ref FROM outbox_attachments WHERE job_id = ?1 "
                              "ORDER BY position",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleOutboxAttachmentKind kind;

      if (!attachment_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind))
        kind = SETTLE_OUTBOX_ATTACH_FILE;
      settle_outbox_job_add_attachment (job, kind, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

SettleOutboxJob *
settle_outbox_load (SettleBook *book,
                    SettleId    job_id,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(SettleOutboxJob) job = NULL;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book, "SELECT " JOB_COLUMNS " FROM outbox_jobs WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    job = job_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  if (job == NULL)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no outbox job with id %" PRId64), job_id);
      return NULL;
    }
  if (!load_attachments (book, job, error))
    return NULL;
  return g_steal_pointer (&job);
}

static SettleId
find_by_key (SettleBook *book,
             const char *key,
             GError    **error)
{
  sqlite3_stmt *stmt;
  SettleId id = 0;
  int rc;

  stmt = settle_book_prepare (book, "SELECT id FROM outbox_jobs WHERE idempotency_key = ?1",
                              error);
  if (stmt == NULL)
    return -1;
  settle_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return -1;
    }
  return id;
}

static void
copy_state (SettleOutboxJob       *dest,
            const SettleOutboxJob *src)
{
  dest->id = src->id;
  dest->status = src->status;
  dest->attempts = src->attempts;
  g_free (dest->message_id);
  dest->message_id = g_strdup (src->message_id);
  g_free (dest->next_attempt_at);
  dest->next_attempt_at = g_strdup (src->next_attempt_at);
  g_free (dest->created_at);
  dest->created_at = g_strdup (src->created_at);
  g_free (dest->last_error);
  dest->last_error = g_strdup (src->last_error);
}

SettleId
settle_outbox_enqueue (SettleBook      *book,
                       SettleOutboxJob *job,
                       GError         **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;
  g_autofree char *message_id = NULL;
  g_autoptr(SettleOutboxJob) stored = NULL;
  SettleId id;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), 0);
  g_return_val_if_fail (job != NULL, 0);

  if (!settle_book_begin (book, error))
    return 0;
  id = find_by_key (book, job->idempotency_key ? job->idempotency_key : "", error);
  if (id < 0)
    goto fail;
  if (id == 0)
    {
      if (!validate_job (book, job, error))
        goto fail;
      now = settle_timestamp_now ();
      message_id = settle_outbox_message_id_for_key (job->idempotency_key);
      stmt = settle_book_prepare (book,
                                  "INSERT INTO outbox_jobs (kind, idempotency_key, entity, "
                                  "entity_id, mail_to, mail_cc, subject, body_text, body_html, "
                                  "status, attempts, next_attempt_at, message_id, created_at) "
                                  "VALUES ('email', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'queued', 0, "
                                  "?9, ?10, ?9)",
                                  error);
      if (stmt == NULL)
        goto fail;
      settle_bind_text (stmt, 1, job->idempotency_key);
      settle_bind_text (stmt, 2, job->entity ? job->entity : "");
      sqlite3_bind_int64 (stmt, 3, job->entity_id);
      settle_bind_text (stmt, 4, job->to);
      settle_bind_text (stmt, 5, job->cc ? job->cc : "");
      settle_bind_text (stmt, 6, job->subject);
      settle_bind_text (stmt, 7, job->body_text);
      settle_bind_text (stmt, 8, job->body_html ? job->body_html : "");
      settle_bind_text (stmt, 9, now);
      settle_bind_text (stmt, 10, message_id);
      if (!settle_book_step_done (book, stmt, error))
        goto fail;
      id = sqlite3_last_insert_rowid (settle_book_get_db (book));

      for (guint i = 0; i < job->attachments->len; i++)
        {
          const SettleOutboxAttachment *a = g_ptr_array_index (job->attachments, i);

          stmt = settle_book_prepare (book,
                                      "INSERT INTO outbox_attachments (job_id, position, kind, "
                                      "ref) VALUES (?1, ?2, ?3, ?4)",
                                      error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, i);
          settle_bind_text (stmt, 3, settle_outbox_attachment_kind_to_string (a->kind));
          settle_bind_text (stmt, 4, a->ref);
          if (!settle_book_step_done (book, stmt, error))
            goto fail;
        }
    }
  /* Whether new or already there, the caller sees the stored state. */
  stored = settle_outbox_load (book, id, error);
  if (stored == NULL)
    goto fail;
  if (!settle_book_commit (book, error))
    return 0;
  copy_state (job, stored);
  return id;

fail:
  settle_book_rollback (book);
  return 0;
}

GPtrArray *
settle_outbox_list (SettleBook *book,
                    const char *entity,
                    SettleId    entity_id,
                    guint       limit,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (
    (GDestroyNotify) settle_outbox_job_free);
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT " JOB_COLUMNS " FROM outbox_jobs "
                              "WHERE (?1 IS NULL OR (entity = ?1 AND entity_id = ?2)) "
                              "ORDER BY id DESC LIMIT ?3",
                              error);
  if (stmt == NULL)
    return NULL;
  if (entity != NULL)
    settle_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_int64 (stmt, 3, limit == 0 ? G_MAXINT64 : (gint64) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (jobs, job_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  for (guint i = 0; i < jobs->len; i++)
    if (!load_attachments (book, g_ptr_array_index (jobs, i), error))
      return NULL;
  return g_steal_pointer (&jobs);
}

gint64
settle_outbox_count (SettleBook        *book,
                     SettleOutboxStatus status,
                     GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), -1);

  stmt = settle_book_prepare (book, "SELECT COUNT(*) FROM outbox_jobs WHERE status = ?1", error);
  if (stmt == NULL)
    return -1;
  settle_bind_text (stmt, 1, settle_outbox_status_to_string (status));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return n;
}
