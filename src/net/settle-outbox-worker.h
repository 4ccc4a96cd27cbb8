/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-mail-message.h"
#include "settle-outbox.h"
#include "settle-smtp.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_sent;
  guint n_retrying;  /* transient failure: queued again for later (or dead) */
  guint n_failed;    /* refused for good, or could not be built */
  guint n_unknown;   /* may have been delivered: for the bookkeeper to check */
  guint n_recovered; /* 'sending' jobs of a stopped worker, now 'unknown' */
} SettleOutboxRunResult;

/* done of total due jobs handled. */
typedef void (*SettleOutboxProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* The message for a job: addresses, Message-ID, text and HTML, and its attachments
 * drawn now (invoice and statement PDFs through the render layer). */
SettleMailMessage *settle_outbox_build_message (SettleBook                *book,
                                                const SettleOutboxJob     *job,
                                                const SettleSmtpSettings  *settings,
                                                GError                   **error);

/* Recovers abandoned jobs, then sends every job due at now (NULL = the current
 * time) and records each outcome in its job. settings NULL = the book's settings and
 * the keyring's password. Fails before claiming anything when email is not set up
 * (SETTLE_NET_ERROR_CONFIG). Stops with an error when the server cannot be reached or
 * refuses the connection (CONNECT, TLS, AUTH): that job is queued for a later attempt
 * and the others are left as they were. */
gboolean settle_outbox_send_due_full     (SettleBook                *book,
                                          const SettleSmtpSettings  *settings,
                                          GDateTime                 *now,
                                          SettleOutboxProgress       progress,
                                          gpointer                   progress_data,
                                          GCancellable              *cancellable,
                                          SettleOutboxRunResult     *result,
                                          GError                   **error);
gboolean settle_outbox_send_due          (SettleBook                *book,
                                          const SettleSmtpSettings  *settings,
                                          GDateTime                 *now,
                                          GCancellable              *cancellable,
                                          guint                     *n_sent,
                                          GError                   **error);

/* The same in a worker thread on its own connection to book; progress is delivered on
 * the caller's thread-default main context, and book emits ::changed when done. */
void     settle_outbox_worker_run_async  (SettleBook                *book,
                                          const SettleSmtpSettings  *settings,
                                          SettleOutboxProgress       progress,
                                          gpointer                   progress_data,
                                          GCancellable              *cancellable,
                                          GAsyncReadyCallback        callback,
                                          gpointer                   user_data);
gboolean settle_outbox_worker_run_finish (SettleBook                *book,
                                          GAsyncResult              *result,
                                          SettleOutboxRunResult     *run_result,
                                          GError                   **error);

G_END_DECLS
