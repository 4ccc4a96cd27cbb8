/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* The client's activity and that of its invoices and payments, newest first, a
 * page at a time ("Show more"). Pages are read in a worker with its own
 * connection; ::loaded is emitted each time the rows have been replaced or
 * extended. */

#define SETTLE_CLIENT_TIMELINE_PAGE 50

#define SETTLE_TYPE_CLIENT_TIMELINE (settle_client_timeline_get_type ())
G_DECLARE_FINAL_TYPE (SettleClientTimeline, settle_client_timeline, SETTLE, CLIENT_TIMELINE, AdwBin)

GtkWidget  *settle_client_timeline_new             (void);
void        settle_client_timeline_set_book        (SettleClientTimeline *self,
                                                    SettleBook           *book);
/* Shows the first page of the client's timeline (SETTLE_ID_NONE: nothing); the
 * client already shown is read again (settle_client_timeline_reload()). The
 * owner calls it when the book changes. */
void        settle_client_timeline_show_client     (SettleClientTimeline *self,
                                                    SettleId              client_id);
/* Reads again as many rows as are shown, at least a page. */
void        settle_client_timeline_reload          (SettleClientTimeline *self);
/* Appends the next page. */
void        settle_client_timeline_show_more       (SettleClientTimeline *self);
gboolean    settle_client_timeline_is_loading      (SettleClientTimeline *self);
GtkListBox *settle_client_timeline_get_list        (SettleClientTimeline *self);
GtkWidget  *settle_client_timeline_get_more_button (SettleClientTimeline *self);

G_END_DECLS
