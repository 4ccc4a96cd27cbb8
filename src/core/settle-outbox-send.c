/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

/* The outbox's state machine: claiming jobs and recording what sending did. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-outbox.h"

/* Seconds to wait after the 1st, 2nd, 3rd and 4th transient failure. */
static const int backoff_seconds[SETTLE_OUTBOX_MAX_ATTEMPTS - 1] = { 60, 5 * 60, 30 * 60, 2 * 60 * 60 };

/* Claiming and recording */

gboolean
settle_outbox_claim_next (SettleBook       *book,
                          GDateTime        *now,
                          SettleOutboxJob **job,
                          GError          **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *at = NULL;
  g_autoptr(SettleOutboxJob) claimed = NULL;
  SettleId id = 0;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (job != NULL && *job == NULL, FALSE);
  /* The claim must be durable before the message leaves. */
  g_return_val_if_fail (!settle_book_in_transaction (book), FALSE);

  at = settle_outbox_format_time (now);
  if (!settle_book_begin (book, error))
    return FALSE;
  stmt = settle_book_prepare (book,
                              "SELECT id FROM outbox_jobs WHERE status = 'queued' "
                              "AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT 1",
                              error);
  if (stmt == NULL)
    goto fail;
  settle_bind_text (stmt, 1, at);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      goto fail;
    }
  if (id == 0)
    {
      settle_book_rollback (book);
      return TRUE;
    }
  stmt = settle_book_prepare (book,
                              "UPDATE outbox_jobs SET status = 'sending', attempts = attempts + 1, "
                              "claimed_at = ?2, claimed_by = ?3 WHERE id = ?1 AND status = 'queued'",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  settle_bind_text (stmt, 2, at);
  sqlite3_bind_int64 (stmt, 3, (gint64) getpid ());
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  claimed = settle_outbox_load (book, id, error);
  if (claimed == NULL)
    goto fail;
  if (!settle_book_commit (book, error))
    return FALSE;
  *job = g_steal_pointer (&claimed);
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}

/* Runs an UPDATE of one job (?1) whose WHERE names the states it may leave, with up
 * to two texts (?2, ?3); a job in another state is a STATE error. */
static gboolean
transition (SettleBook *book,
            SettleId    job_id,
            const char *sql,
            const char *text1,
            const char *text2,
            GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  if (text1 != NULL)
    settle_bind_text (stmt, 2, text1);
  if (text2 != NULL)
    settle_bind_text (stmt, 3, text2);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  if (sqlite3_changes (settle_book_get_db (book)) != 1)
    {
      g_autoptr(SettleOutboxJob) job = settle_outbox_load (book, job_id, error);

      if (job != NULL)
        g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                     _("The email “%s” is %s; it cannot be changed that way"), job->subject,
                     settle_outbox_status_label (job->status));
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_outbox_mark_sent (SettleBook *book,
                         SettleId    job_id,
                         const char *server_reply,
                         GError    **error)
{
  g_autofree char *now = settle_timestamp_now ();
  g_autoptr(SettleOutboxJob) job = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!transition (book, job_id,
                   "UPDATE outbox_jobs SET status = 'sent', sent_at = ?2, last_error = ?3, "
                   "claimed_at = NULL, claimed_by = NULL "
                   "WHERE id = ?1 AND status IN ('sending', 'unknown')",
                   now, server_reply ? server_reply : "", error))
    goto fail;
  if ((job = settle_outbox_load (book, job_id, error)) == NULL)
    goto fail;
  if (*job->entity != '\0')
    {
      g_autofree char *detail = g_strdup_printf ("%s: %s", job->to, job->subject);

      if (!settle_activity_log (book, job->entity, job->entity_id, "emailed", detail, NULL,
                                error))
        goto fail;
    }
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_outbox_mark_failed (SettleBook *book,
                           SettleId    job_id,
                           GDateTime  *now,
                           gboolean    permanent,
                           const char *reason,
                           GError    **error)
{
  g_autoptr(SettleOutboxJob) job = NULL;
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *next_at = NULL;
  const char *status;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if ((job = settle_outbox_load (book, job_id, error)) == NULL)
    goto fail;
  base = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  if (permanent)
    status = "failed";
  else if (job->attempts >= SETTLE_OUTBOX_MAX_ATTEMPTS)
    status = "dead";
  else
    {
      int i = CLAMP (job->attempts, 1, SETTLE_OUTBOX_MAX_ATTEMPTS - 1) - 1;

      status = "queued";
      next = g_date_time_add_seconds (base, backoff_seconds[i]);
    }
  next_at = settle_outbox_format_time (next ? next : base);
  if (!transition (book, job_id,
                   g_strcmp0 (status, "queued") == 0
                     ? "UPDATE outbox_jobs SET status = 'queued', last_error = ?2, "
                       "next_attempt_at = ?3, claimed_at = NULL, claimed_by = NULL "
                       "WHERE id = ?1 AND status = 'sending'"
                   : g_strcmp0 (status, "dead") == 0
                     ? "UPDATE outbox_jobs SET status = 'dead', last_error = ?2, "
                       "next_attempt_at = ?3, claimed_at = NULL, claimed_by = NULL "
                       "WHERE id = ?1 AND status = 'sending'"
                     : "UPDATE outbox_jobs SET status = 'failed', last_error = ?2, "
                       "next_attempt_at = ?3, claimed_at = NULL, claimed_by = NULL "
                       "WHERE id = ?1 AND status = 'sending'",
                   reason ? reason : "", next_at, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_outbox_mark_unknown (SettleBook *book,
                            SettleId    job_id,
                            const char *reason,
                            GError    **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!transition (book, job_id,
                   "UPDATE outbox_jobs SET status = 'unknown', last_error = ?2, "
                   "claimed_at = NULL, claimed_by = NULL "
                   "WHERE id = ?1 AND status = 'sending'",
                   reason ? reason : "", NULL, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

gboolean
settle_outbox_release (SettleBook *book,
                       SettleId    job_id,
                       GError    **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!transition (book, job_id,
                   "UPDATE outbox_jobs SET status = 'queued', attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, "
                   "claimed_at = NULL, claimed_by = NULL "
                   "WHERE id = ?1 AND status = 'sending'",
                   NULL, NULL, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

static gboolean
process_is_gone (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return TRUE;
  if (pid == getpid ())
    return FALSE;
  return kill ((pid_t) pid, 0) == -1 && errno == ESRCH;
}

gboolean
settle_outbox_recover (SettleBook *book,
                       GDateTime  *now,
                       guint      *n_recovered,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) abandoned = g_array_new (FALSE, FALSE, sizeof (SettleId));
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) stale = NULL;
  g_autofree char *stale_at = NULL;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  base = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  stale = g_date_time_add_seconds (base, -SETTLE_OUTBOX_STALE_CLAIM_SECONDS);
  stale_at = settle_outbox_format_time (stale);
  if (n_recovered != NULL)
    *n_recovered = 0;

  if (!settle_book_begin (book, error))
    return FALSE;
  stmt = settle_book_prepare (book,
                              "SELECT id, claimed_by, COALESCE (claimed_at, '') "
                              "FROM outbox_jobs WHERE status = 'sending'",
                              error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);
      gint64 pid = sqlite3_column_int64 (stmt, 1);
      const char *claimed_at = (const char *) sqlite3_column_text (stmt, 2);

      if (process_is_gone (pid) || strcmp (claimed_at, stale_at) < 0)
        g_array_append_val (abandoned, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      goto fail;
    }
  for (guint i = 0; i < abandoned->len; i++)
    if (!transition (book, g_array_index (abandoned, SettleId, i),
                     "UPDATE outbox_jobs SET status = 'unknown', last_error = ?2, "
                     "claimed_at = NULL, claimed_by = NULL "
                     "WHERE id = ?1 AND status = 'sending'",
                     _("Settle stopped while this email was being sent, so it may have been "
                       "delivered. Check with the recipient, then mark it as sent or send it "
                       "again."),
                     NULL, error))
      goto fail;
  if (!settle_book_commit (book, error))
    return FALSE;
  if (n_recovered != NULL)
    *n_recovered = abandoned->len;
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_outbox_confirm_sent (SettleBook *book,
                            SettleId    job_id,
                            GError    **error)
{
  g_autoptr(SettleOutboxJob) job = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if ((job = settle_outbox_load (book, job_id, error)) == NULL)
    return FALSE;
  if (job->status != SETTLE_OUTBOX_UNKNOWN)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Only an unconfirmed email can be marked as sent; “%s” is %s"),
                   job->subject, settle_outbox_status_label (job->status));
      return FALSE;
    }
  return settle_outbox_mark_sent (book, job_id, _("Confirmed as delivered by the bookkeeper"),
                                  error);
}

gboolean
settle_outbox_resend (SettleBook *book,
                      SettleId    job_id,
                      GDateTime  *now,
                      GError    **error)
{
  g_autofree char *at = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  at = settle_outbox_format_time (now);
  if (!settle_book_begin (book, error))
    return FALSE;
  if (!transition (book, job_id,
                   "UPDATE outbox_jobs SET status = 'queued', attempts = 0, "
                   "next_attempt_at = ?2, claimed_at = NULL, claimed_by = NULL "
                   "WHERE id = ?1 AND status IN ('unknown', 'failed', 'dead')",
                   at, NULL, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

gint64
settle_outbox_count_due (SettleBook *book,
                         GDateTime  *now,
                         GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *at = NULL;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), -1);

  stmt = settle_book_prepare (book,
                              "SELECT COUNT(*) FROM outbox_jobs WHERE status = 'queued' "
                              "AND next_attempt_at <= ?1",
                              error);
  if (stmt == NULL)
    return -1;
  at = settle_outbox_format_time (now);
  settle_bind_text (stmt, 1, at);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return n;
}
