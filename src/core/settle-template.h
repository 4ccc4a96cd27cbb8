/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* Reminder templates: a subject, a plain-text body and an optional HTML body per
 * ladder step (template id), with placeholders {client} {contact} {invoice_number}
 * {amount_due} {due_date} {days_overdue} {pay_link} {company}. Every template id of
 * the default ladder has a built-in text; the book may hold the bookkeeper's edits. */

typedef struct
{
  char *template_id;
  char *subject;
  char *body_text;
  char *body_html; /* "" = text only */
} SettleTemplate;

/* The placeholder names, NULL-terminated, in the order above. */
const char * const *settle_template_placeholders   (void);

SettleTemplate *settle_template_new               (const char           *template_id);
SettleTemplate *settle_template_copy              (const SettleTemplate *tmpl);
void            settle_template_free              (SettleTemplate       *tmpl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleTemplate, settle_template_free)

/* The built-in text (translated) for a template id, or NULL when there is none. */
SettleTemplate *settle_template_get_default       (const char           *template_id);
/* The ids that have a built-in text, NULL-terminated. */
const char * const *settle_template_default_ids   (void);

/* Subject not blank, text body not blank, every {placeholder} known and every brace
 * closed. The message names the template, the field and the placeholder:
 * "Template “firm”, subject: unknown placeholder {amount}". */
gboolean        settle_template_validate          (const SettleTemplate *tmpl,
                                                   GError              **error);

/* Replaces the placeholders with values (name -> text; a name missing from values
 * becomes ""). In body_html the values are HTML-escaped. Validates first. */
gboolean        settle_template_render            (const SettleTemplate *tmpl,
                                                   GHashTable           *values,
                                                   char                **subject,
                                                   char                **body_text,
                                                   char                **body_html,
                                                   GError              **error);

/* The book's template: the bookkeeper's edit, else the built-in text. NOT_FOUND when
 * there is neither. */
SettleTemplate *settle_template_load              (SettleBook           *book,
                                                   const char           *template_id,
                                                   GError              **error);
/* Validates and stores an edit. */
gboolean        settle_template_save              (SettleBook           *book,
                                                   const SettleTemplate *tmpl,
                                                   GError              **error);
/* Back to the built-in text. */
gboolean        settle_template_reset             (SettleBook           *book,
                                                   const char           *template_id,
                                                   GError              **error);

/* The placeholder values for an invoice on a date (client, contact, number, amount
 * due, due date, days overdue, pay link, company), as a new hash table of strings.
 * due_date overrides the invoice's due date (an instalment); NULL = the invoice's. */
GHashTable     *settle_template_values_for_invoice (SettleBook          *book,
                                                    SettleId             invoice_id,
                                                    const GDate         *as_of,
                                                    const GDate         *due_date,
                                                    gint64               amount_due,
                                                    GError             **error);

/* Renders tmpl (NULL = the book's template for template_id) for an invoice as it
 * would go out on as_of, writing nothing: the editor's live preview. */
gboolean        settle_template_preview           (SettleBook           *book,
                                                   const SettleTemplate *tmpl,
                                                   const char           *template_id,
                                                   SettleId              invoice_id,
                                                   const GDate          *as_of,
                                                   char                **subject,
                                                   char                **body_text,
                                                   char                **body_html,
                                                   GError              **error);

G_END_DECLS
