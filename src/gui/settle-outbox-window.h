/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* The email outbox: every job with its recipient, subject, status, attempts and the
 * server's last reply; Send Now runs the outbox worker with progress; an
 * unconfirmed job can be resent or confirmed, a failed one resent. When email is
 * not set up a bar says so, with a button to the email settings. The list is read
 * on a worker connection and follows the book's ::changed. */

#define SETTLE_TYPE_OUTBOX_WINDOW (settle_outbox_window_get_type ())
G_DECLARE_FINAL_TYPE (SettleOutboxWindow, settle_outbox_window, SETTLE, OUTBOX_WINDOW, AdwWindow)

SettleOutboxWindow *settle_outbox_window_new             (GtkWindow          *parent,
                                                          SettleBook         *book);
/* TRUE while the list is being read or the worker is sending. */
gboolean            settle_outbox_window_get_busy        (SettleOutboxWindow *self);
guint               settle_outbox_window_get_n_jobs      (SettleOutboxWindow *self);
/* The status shown on row index ("Queued", "Unconfirmed"…). */
const char         *settle_outbox_window_get_status_text (SettleOutboxWindow *self,
                                                          guint               index);
/* The line under the subject of row index: recipient, attempts, the server's reply. */
const char         *settle_outbox_window_get_details     (SettleOutboxWindow *self,
                                                          guint               index);
gboolean            settle_outbox_window_get_configured  (SettleOutboxWindow *self);
/* The message shown in red, or NULL. */
const char         *settle_outbox_window_get_error       (SettleOutboxWindow *self);
/* As the Send Now button. */
void                settle_outbox_window_send_now        (SettleOutboxWindow *self);

G_END_DECLS
