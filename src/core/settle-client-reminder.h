/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* The dashboard's one-click reminder: one email to the client's billing address with
 * the statement of account (from the oldest open invoice to as_of) attached, rendered
 * from the dunning ladder's first reminder template (its first email step after the
 * due date, "polite" by default) for the client's oldest overdue invoice, with the
 * amount due being the client's whole overdue balance and every overdue invoice
 * number listed. Idempotency key "manual-reminder:CLIENT:DATE": a second call the same
 * day gives the same job back with *already_queued TRUE and writes nothing. Activity
 * "reminded" on the client; everything in one transaction. A client without a valid
 * email address, or with nothing open, is an INVALID error naming the client.
 * as_of NULL = today. The caller notifies the book's change. */
gboolean settle_client_remind (SettleBook  *book,
                               SettleId     client_id,
                               const GDate *as_of,
                               SettleId    *job_id,
                               gboolean    *already_queued,
                               GError     **error);

G_END_DECLS
