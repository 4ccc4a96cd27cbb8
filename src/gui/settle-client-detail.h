/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"
#include "settle-client-timeline.h"

G_BEGIN_DECLS

/* The pane beside the client list: contact, address, terms, notes, balance, the
 * client's recurring agreements and projects, and the statement of account.
 * ::statement-saved (const char *path) is emitted once a statement is written. */

#define SETTLE_TYPE_CLIENT_DETAIL (settle_client_detail_get_type ())
G_DECLARE_FINAL_TYPE (SettleClientDetail, settle_client_detail, SETTLE, CLIENT_DETAIL, AdwBin)

void        settle_client_detail_set_book      (SettleClientDetail *self,
                                                SettleBook         *book);
void        settle_client_detail_show_client   (SettleClientDetail *self,
                                                SettleId            client_id);
SettleId    settle_client_detail_get_client_id (SettleClientDetail *self);
const char *settle_client_detail_get_title     (SettleClientDetail *self);

/* Writes the client's statement (from/to NULL: the 90 days up to today) as a PDF
 * at path in a worker, then shows a toast. */
void        settle_client_detail_export_statement_to (SettleClientDetail *self,
                                                      const char         *path,
                                                      const GDate        *from,
                                                      const GDate        *to);
/* Completes the milestone today and drafts its invoice (a toast says so); the
 * invoice's id, or SETTLE_ID_NONE with error. */
SettleId    settle_client_detail_complete_milestone  (SettleClientDetail *self,
                                                      SettleId            milestone_id,
                                                      GError            **error);
/* The "Complete" button of an open milestone shown in the pane, else NULL. */
GtkWidget  *settle_client_detail_get_milestone_button (SettleClientDetail *self,
                                                       SettleId            milestone_id);
/* The activity timeline at the bottom of the pane. */
SettleClientTimeline *settle_client_detail_get_timeline     (SettleClientDetail *self);
/* The "Reminders cannot be emailed" warning, visible when the address is not valid. */
GtkWidget            *settle_client_detail_get_email_warning (SettleClientDetail *self);

G_END_DECLS
