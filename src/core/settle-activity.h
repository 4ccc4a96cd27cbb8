/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

typedef struct
{
  SettleId id;
  char    *at;     /* UTC ISO 8601 */
  char    *actor;
  char    *entity; /* "invoice", "client", "payment" */
  SettleId entity_id;
  char    *action; /* "created", "issued", "paid", "voided", … */
  char    *detail;
  /* Filled by settle_activity_list_for_client() only: the invoice's number
   * (NULL for a draft), or the payment's amount and currency. */
  char    *number;
  gint64   amount;
  char    *currency;
} SettleActivity;

void       settle_activity_free (SettleActivity *activity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleActivity, settle_activity_free)

/* Appends to the log. at = NULL means now. The actor is the user's login name
 * unless set with settle_activity_set_actor(). */
gboolean   settle_activity_log  (SettleBook  *book,
                                 const char  *entity,
                                 SettleId     entity_id,
                                 const char  *action,
                                 const char  *detail,
                                 const char  *at,
                                 GError     **error);
/* Oldest first. */
GPtrArray *settle_activity_list (SettleBook  *book,
                                 const char  *entity,
                                 SettleId     entity_id,
                                 GError     **error);
/* The client's own rows and those of its invoices and payments, newest first
 * (by at, then by id): at most limit rows (0 = all) after skipping offset. */
GPtrArray *settle_activity_list_for_client (SettleBook  *book,
                                            SettleId     client_id,
                                            guint        limit,
                                            guint        offset,
                                            GError     **error);
void       settle_activity_set_actor (const char *actor);

G_END_DECLS
