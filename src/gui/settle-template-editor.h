/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"
#include "settle-template.h"

G_BEGIN_DECLS

/* One reminder template: subject, plain-text and HTML bodies, a menu that inserts
 * placeholders at the cursor, and a live preview rendered for a sample overdue
 * invoice of the book (the samples are looked up in a worker). Emits ::changed on
 * every edit. */

#define SETTLE_TYPE_TEMPLATE_EDITOR (settle_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (SettleTemplateEditor, settle_template_editor, SETTLE, TEMPLATE_EDITOR, GtkBox)

SettleTemplateEditor *settle_template_editor_new                (void);
void                  settle_template_editor_set_book           (SettleTemplateEditor *self,
                                                                 SettleBook           *book);
/* NULL = nothing to edit (a phone step): the fields are insensitive. */
void                  settle_template_editor_set_template       (SettleTemplateEditor *self,
                                                                 const SettleTemplate *tmpl);
/* What the fields hold now; NULL when there is no template. */
SettleTemplate       *settle_template_editor_get_template       (SettleTemplateEditor *self);
gboolean              settle_template_editor_is_valid           (SettleTemplateEditor *self);
/* The first field error, or NULL. */
const char           *settle_template_editor_get_error          (SettleTemplateEditor *self);
/* Inserts "{name}" at the cursor of the field last focused (the subject at first). */
void                  settle_template_editor_insert_placeholder (SettleTemplateEditor *self,
                                                                 const char           *name);

GtkEditable          *settle_template_editor_get_subject_entry  (SettleTemplateEditor *self);
GtkTextBuffer        *settle_template_editor_get_text_buffer    (SettleTemplateEditor *self);
GtkTextBuffer        *settle_template_editor_get_html_buffer    (SettleTemplateEditor *self);

/* The preview: the sample invoice (0 while none is known) and what it renders to
 * ("" when the template has an error). */
gboolean              settle_template_editor_get_samples_loaded (SettleTemplateEditor *self);
SettleId              settle_template_editor_get_sample_invoice (SettleTemplateEditor *self);
void                  settle_template_editor_set_sample_invoice (SettleTemplateEditor *self,
                                                                 SettleId              invoice_id);
const char           *settle_template_editor_get_preview_subject (SettleTemplateEditor *self);
const char           *settle_template_editor_get_preview_text   (SettleTemplateEditor *self);

G_END_DECLS
