/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "settle-book.h"
#include "settle-branding.h"
#include "settle-statement.h"

G_BEGIN_DECLS

/* A client's statement of account, drawn like SettleInvoiceDocument: the same
 * pagination contract, so GtkPrintOperation and the PDF file share the drawing. */
typedef struct _SettleStatementDocument SettleStatementDocument;

/* Loads the statement (see settle_statement_load ()) and the book's branding. */
SettleStatementDocument *
settle_statement_document_new           (SettleBook              *book,
                                         SettleId                 client_id,
                                         const GDate             *from,
                                         const GDate             *to,
                                         GError                 **error);
/* Takes ownership of both. A logo that cannot be loaded is left out with a warning. */
SettleStatementDocument *
settle_statement_document_new_for_data  (SettleStatement         *statement,
                                         SettleBranding          *branding);
void
settle_statement_document_free          (SettleStatementDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleStatementDocument, settle_statement_document_free)

const SettleStatement *
settle_statement_document_get_statement (SettleStatementDocument *doc);

int
settle_statement_document_get_n_pages   (SettleStatementDocument *doc,
                                         cairo_t                 *cr,
                                         double                   page_width,
                                         double                   page_height);
void
settle_statement_document_draw_page     (SettleStatementDocument *doc,
                                         cairo_t                 *cr,
                                         int                      page,
                                         double                   page_width,
                                         double                   page_height);
gboolean
settle_statement_document_write_pdf     (SettleStatementDocument *doc,
                                         const char              *path,
                                         GError                 **error);

G_END_DECLS
