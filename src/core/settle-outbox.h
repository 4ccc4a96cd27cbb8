/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* The durable job queue for side effects. Only email for now.
 *
 * Rules that keep an email at most once per idempotency key once a server accepted it:
 * - settle_outbox_enqueue() runs inside the transaction of the change that caused the
 *   email, so both exist or neither does; the same key twice gives the first job back.
 * - settle_outbox_claim_next() marks the job 'sending' and commits before any network
 *   call.
 * - A 'sending' job whose worker died (its process is gone, or the claim is older than
 *   SETTLE_OUTBOX_STALE_CLAIM_SECONDS) becomes 'unknown' in settle_outbox_recover(): the
 *   message may have been accepted, so it is never resent by itself. The bookkeeper
 *   confirms it (settle_outbox_confirm_sent()) or resends it (settle_outbox_resend());
 *   a resend keeps the job's Message-ID, so a receiving system that saw the first copy
 *   can tell it is the same message.
 * - Transient failures (4xx, connection refused) retry after 1 min, 5 min, 30 min and
 *   2 h, then the job is 'dead'; permanent ones (5xx) are 'failed' at once.
 */

typedef enum
{
  SETTLE_OUTBOX_QUEUED,
  SETTLE_OUTBOX_SENDING,
  SETTLE_OUTBOX_SENT,
  SETTLE_OUTBOX_FAILED,
  SETTLE_OUTBOX_DEAD,
  SETTLE_OUTBOX_UNKNOWN,
} SettleOutboxStatus;

typedef enum
{
  SETTLE_OUTBOX_ATTACH_INVOICE_PDF,   /* ref: the invoice id */
  SETTLE_OUTBOX_ATTACH_STATEMENT_PDF, /* ref: "CLIENT_ID:YYYY-MM-DD:YYYY-MM-DD" */
  SETTLE_OUTBOX_ATTACH_FILE,          /* ref: a path */
} SettleOutboxAttachmentKind;

/* Transient failures before a job is dead: one more attempt than retries. */
#define SETTLE_OUTBOX_MAX_ATTEMPTS 5
/* A claim older than this is abandoned (the send timeout is far shorter). */
#define SETTLE_OUTBOX_STALE_CLAIM_SECONDS (30 * 60)

typedef struct
{
  SettleOutboxAttachmentKind kind;
  char                      *ref;
} SettleOutboxAttachment;

typedef struct
{
  SettleId           id;
  char              *idempotency_key;
  char              *entity;      /* "invoice", "client"… for the timeline; "" = none */
  SettleId           entity_id;
  char              *to;          /* addresses separated by commas */
  char              *cc;
  char              *subject;
  char              *body_text;
  char              *body_html;   /* "" = text only */
  GPtrArray         *attachments; /* SettleOutboxAttachment* */
  /* Read-only, filled by load: */
  SettleOutboxStatus status;
  int                attempts;
  char              *next_attempt_at; /* UTC ISO 8601 */
  char              *last_error;      /* the server's reply, or what went wrong */
  char              *message_id;      /* "<job-HASH@settle.invalid>", from the key */
  char              *created_at;
  char              *sent_at;         /* NULL until sent */
} SettleOutboxJob;

SettleOutboxJob   *settle_outbox_job_new            (const char                 *idempotency_key);
void               settle_outbox_job_free           (SettleOutboxJob            *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleOutboxJob, settle_outbox_job_free)
void               settle_outbox_job_add_attachment (SettleOutboxJob            *job,
                                                     SettleOutboxAttachmentKind  kind,
                                                     const char                 *ref);

const char        *settle_outbox_status_to_string   (SettleOutboxStatus          status);
gboolean           settle_outbox_status_from_string (const char                 *text,
                                                     SettleOutboxStatus         *status);
/* Translated: "Queued", "Sending", "Sent", "Failed", "Gave up", "Unconfirmed". */
const char        *settle_outbox_status_label       (SettleOutboxStatus          status);
const char        *settle_outbox_attachment_kind_to_string (SettleOutboxAttachmentKind kind);

/* "<job-HEX@settle.invalid>": the same key always gives the same Message-ID. */
char              *settle_outbox_message_id_for_key (const char                 *idempotency_key);

/* One addr-spec (local@domain, no display name): a practical subset of RFC 5322. */
gboolean           settle_email_address_is_valid    (const char                 *address);
/* Splits "a@x, b@y" (commas or semicolons) into addresses; an invalid one is an error
 * naming the field and the address. An empty list is an error when required. */
char             **settle_email_address_list_parse  (const char                 *text,
                                                     const char                 *field,
                                                     gboolean                    required,
                                                     GError                    **error);

/* Validates, then writes the job (and its attachments) in a savepoint of the
 * caller's transaction; call it inside the transaction of the change that caused the
 * email. Idempotent on the key: a second call returns the existing job's id and writes
 * nothing. Sets job->id, message_id, status. Returns 0 on error. */
SettleId           settle_outbox_enqueue            (SettleBook                 *book,
                                                     SettleOutboxJob            *job,
                                                     GError                    **error);
SettleOutboxJob   *settle_outbox_load               (SettleBook                 *book,
                                                     SettleId                    job_id,
                                                     GError                    **error);

/* Takes the oldest job due at now (NULL = the current time), marks it 'sending', counts
 * the attempt and commits. Must not be called inside a transaction. Returns FALSE on
 * error; TRUE with *job NULL when nothing is due. */
gboolean           settle_outbox_claim_next         (SettleBook                 *book,
                                                     GDateTime                  *now,
                                                     SettleOutboxJob           **job,
                                                     GError                    **error);
/* The server accepted the job: 'sent', with its reply. Logs "emailed" on the entity. */
gboolean           settle_outbox_mark_sent          (SettleBook                 *book,
                                                     SettleId                    job_id,
                                                     const char                 *server_reply,
                                                     GError                    **error);
/* permanent: 'failed' now. Otherwise back to 'queued' after the backoff for the
 * attempts made so far, or 'dead' after SETTLE_OUTBOX_MAX_ATTEMPTS. */
gboolean           settle_outbox_mark_failed        (SettleBook                 *book,
                                                     SettleId                    job_id,
                                                     GDateTime                  *now,
                                                     gboolean                    permanent,
                                                     const char                 *reason,
                                                     GError                    **error);
/* The outcome cannot be known (the connection broke after the message was handed
 * over): 'unknown', never resent by itself. */
gboolean           settle_outbox_mark_unknown       (SettleBook                 *book,
                                                     SettleId                    job_id,
                                                     const char                 *reason,
                                                     GError                    **error);
/* Gives a claimed job back untouched (cancelled before anything was sent). */
gboolean           settle_outbox_release            (SettleBook                 *book,
                                                     SettleId                    job_id,
                                                     GError                    **error);

/* At startup: 'sending' jobs whose worker is gone become 'unknown'. */
gboolean           settle_outbox_recover            (SettleBook                 *book,
                                                     GDateTime                  *now,
                                                     guint                      *n_recovered,
                                                     GError                    **error);
/* The bookkeeper checked that an 'unknown' job arrived. */
gboolean           settle_outbox_confirm_sent       (SettleBook                 *book,
                                                     SettleId                    job_id,
                                                     GError                    **error);
/* The bookkeeper asks again for an 'unknown', 'failed' or 'dead' job: queued now,
 * attempts from zero, same Message-ID. */
gboolean           settle_outbox_resend             (SettleBook                 *book,
                                                     SettleId                    job_id,
                                                     GDateTime                  *now,
                                                     GError                    **error);

/* Newest first, at most limit (0 = all). entity NULL = every job. */
GPtrArray         *settle_outbox_list               (SettleBook                 *book,
                                                     const char                 *entity,
                                                     SettleId                    entity_id,
                                                     guint                       limit,
                                                     GError                    **error);
/* Jobs in a status, for a badge in the window. */
gint64             settle_outbox_count              (SettleBook                 *book,
                                                     SettleOutboxStatus          status,
                                                     GError                    **error);

/* Queued jobs due at now (NULL = the current time). */
gint64             settle_outbox_count_due          (SettleBook                 *book,
                                                     GDateTime                  *now,
                                                     GError                    **error);

/* UTC ISO 8601, like settle_timestamp_now (). */
char              *settle_outbox_format_time        (GDateTime                  *time);

G_END_DECLS
