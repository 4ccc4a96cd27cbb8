/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"
#include "settle-dunning-ladder.h"
#include "settle-template-editor.h"

G_BEGIN_DECLS

/* The book's reminder ladder and the templates of its steps: steps in a list
 * (add, remove, edit), the selected step's template with a live preview, Save
 * writes the ladder and the edited templates in one transaction. */

#define SETTLE_TYPE_LADDER_EDITOR (settle_ladder_editor_get_type ())
G_DECLARE_FINAL_TYPE (SettleLadderEditor, settle_ladder_editor, SETTLE, LADDER_EDITOR, AdwWindow)

SettleLadderEditor   *settle_ladder_editor_new             (GtkWindow          *parent,
                                                            SettleBook         *book);
/* The ladder as edited so far. */
const SettleDunningLadder *
                      settle_ladder_editor_get_ladder      (SettleLadderEditor *self);
/* index -1 = none. */
void                  settle_ladder_editor_select_step     (SettleLadderEditor *self,
                                                            int                 index);
int                   settle_ladder_editor_get_selected    (SettleLadderEditor *self);
/* The first step selecting the template, or -1. */
int                   settle_ladder_editor_find_step       (SettleLadderEditor *self,
                                                            const char         *template_id);
void                  settle_ladder_editor_add_step        (SettleLadderEditor *self);
void                  settle_ladder_editor_remove_step     (SettleLadderEditor *self);
void                  settle_ladder_editor_set_offset      (SettleLadderEditor *self,
                                                            int                 offset_days);
SettleTemplateEditor *settle_ladder_editor_get_template_editor (SettleLadderEditor *self);
/* What stops Save, or NULL. */
const char           *settle_ladder_editor_get_error       (SettleLadderEditor *self);
gboolean              settle_ladder_editor_get_can_save    (SettleLadderEditor *self);
/* Writes the ladder and the edited templates; TRUE and closes the window when done. */
gboolean              settle_ladder_editor_save            (SettleLadderEditor *self,
                                                            GError            **error);

G_END_DECLS
