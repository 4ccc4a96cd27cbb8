/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* Writes a client's statement of account (from–to, both included) as a PDF in a
 * worker, on a connection of its own, so the window keeps drawing. */
void     settle_statement_export_async  (SettleBook          *book,
                                         SettleId             client_id,
                                         const GDate         *from,
                                         const GDate         *to,
                                         const char          *path,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean settle_statement_export_finish (GAsyncResult        *result,
                                         GError             **error);

/* The default range of a statement: the 90 days up to today. */
void     settle_statement_default_range (const GDate         *today,
                                         GDate               *from,
                                         GDate               *to);

/* Asks for the statement's range, the default one filled in: responses "cancel"
 * and "save" (enabled only while both dates parse and from <= to). */
AdwMessageDialog *settle_statement_range_dialog_new (GtkWindow        *parent,
                                                     const char       *client_name,
                                                     const GDate      *today);
/* The range typed in the dialog; FALSE when it is not a valid range. */
gboolean          settle_statement_range_dialog_get_range (AdwMessageDialog *dialog,
                                                           GDate            *from,
                                                           GDate            *to);

G_END_DECLS
