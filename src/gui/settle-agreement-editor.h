/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* Edits one recurring agreement of a client: its terms, schedule and lines. The
 * fields are checked as they are typed; the message is shown on the field and Save
 * stays off while anything is wrong, so nothing is saved half-way. */

#define SETTLE_TYPE_AGREEMENT_EDITOR (settle_agreement_editor_get_type ())
G_DECLARE_FINAL_TYPE (SettleAgreementEditor, settle_agreement_editor, SETTLE, AGREEMENT_EDITOR,
                      AdwWindow)

/* agreement_id 0 = a new agreement for client_id. NULL (with error) when the
 * agreement or the client cannot be loaded. */
SettleAgreementEditor *settle_agreement_editor_new              (GtkWindow             *parent,
                                                                 SettleBook            *book,
                                                                 SettleId               client_id,
                                                                 SettleId               agreement_id,
                                                                 GError               **error);
/* The id once saved, 0 before. */
SettleId               settle_agreement_editor_get_agreement_id (SettleAgreementEditor *self);
/* The message shown for the first problem, NULL when the agreement is valid. */
const char            *settle_agreement_editor_get_problem      (SettleAgreementEditor *self);
/* Appends an empty free line and returns its row. */
GtkWidget             *settle_agreement_editor_add_line         (SettleAgreementEditor *self);
guint                  settle_agreement_editor_get_n_lines      (SettleAgreementEditor *self);
/* A field of line index (0-based): "description", "quantity", "price" and "start",
 * "end" are GtkEntry, "tax" a GtkDropDown, "usage" a GtkCheckButton, "remove" a
 * GtkButton. For tests and keyboard focus. */
GtkWidget             *settle_agreement_editor_get_line_field   (SettleAgreementEditor *self,
                                                                 guint                  index,
                                                                 const char            *field);
/* Saves when valid, then closes the window; else shows why and returns FALSE. */
gboolean               settle_agreement_editor_save             (SettleAgreementEditor *self,
                                                                 GError               **error);

G_END_DECLS
