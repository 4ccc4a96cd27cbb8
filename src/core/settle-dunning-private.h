/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book-private.h"
#include "settle-dunning.h"

G_BEGIN_DECLS

/* The steps of a ladder that instalments follow: plain emails, no fee, no action.
 * map[i] is the index of step i in the full ladder. */
SettleDunningLadder *settle_dunning_instalment_ladder (const SettleDunningLadder *ladder);

/* Last step carried out for (invoice, instalment) and its date; last = NONE when
 * none was. */
gboolean             settle_dunning_log_last          (SettleBook  *book,
                                                       SettleId     invoice_id,
                                                       int          instalment,
                                                       int         *last,
                                                       GDate       *last_on,
                                                       GError     **error);

G_END_DECLS
