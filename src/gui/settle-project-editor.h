/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* Edits a client's project: name, budget and milestones (name, amount, due date).
 * Completed milestones are shown but cannot be changed or removed. */

#define SETTLE_TYPE_PROJECT_EDITOR (settle_project_editor_get_type ())
G_DECLARE_FINAL_TYPE (SettleProjectEditor, settle_project_editor, SETTLE, PROJECT_EDITOR, AdwWindow)

/* project_id 0 = a new project for client_id. NULL (with error) when the project
 * or the client cannot be loaded. */
SettleProjectEditor *settle_project_editor_new            (GtkWindow           *parent,
                                                           SettleBook          *book,
                                                           SettleId             client_id,
                                                           SettleId             project_id,
                                                           GError             **error);
SettleId             settle_project_editor_get_project_id (SettleProjectEditor *self);
/* The message shown for the first problem, NULL when the project can be saved. */
const char          *settle_project_editor_get_problem    (SettleProjectEditor *self);
/* Appends an empty milestone and returns its row. */
GtkWidget           *settle_project_editor_add_milestone  (SettleProjectEditor *self);
/* A field of milestone index: "name", "amount", "due" (GtkEntry) or "remove". */
GtkWidget           *settle_project_editor_get_field      (SettleProjectEditor *self,
                                                           guint                index,
                                                           const char          *field);
/* Saves when valid, then closes the window; else shows why and returns FALSE. */
gboolean             settle_project_editor_save           (SettleProjectEditor *self,
                                                           GError             **error);

G_END_DECLS
