/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "settle-book.h"
#include "settle-branding.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-payment.h"

G_BEGIN_DECLS

#define SETTLE_RENDER_ERROR (settle_render_error_quark ())

typedef enum
{
  SETTLE_RENDER_ERROR_IO,      /* the file could not be created, written or renamed */
  SETTLE_RENDER_ERROR_DRAWING, /* Cairo failed (out of memory, bad font…) */
} SettleRenderError;

/* US Letter, in points. */
#define SETTLE_PAGE_LETTER_WIDTH  612.0
#define SETTLE_PAGE_LETTER_HEIGHT 792.0

typedef struct _SettleInvoiceDocument SettleInvoiceDocument;

GQuark                 settle_render_error_quark            (void);

/* Loads the invoice, its client, its payment applications and the book's branding.
 * Fails when the branding's logo can no longer be read (the message names it). */
SettleInvoiceDocument *settle_invoice_document_new          (SettleBook            *book,
                                                             SettleId               invoice_id,
                                                             GError               **error);
/* A document from data already in memory (an unsaved draft's preview, tests).
 * Takes ownership of all four; applications (SettleApplication*) may be NULL.
 * A logo that cannot be loaded is left out with a warning. */
SettleInvoiceDocument *settle_invoice_document_new_for_data (SettleInvoice         *invoice,
                                                             SettleClient          *client,
                                                             GPtrArray             *applications,
                                                             SettleBranding        *branding);
void                   settle_invoice_document_free         (SettleInvoiceDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleInvoiceDocument, settle_invoice_document_free)

const SettleInvoice   *settle_invoice_document_get_invoice  (SettleInvoiceDocument *doc);

/* Paginates for a page of the given size. cr is only used to measure text: a
 * GtkPrintContext's cairo context or any context whose user unit is one point.
 * For print output that matches the PDF, set the GtkPrintOperation's unit to
 * GTK_UNIT_POINTS and use-full-page to TRUE, and pass the print context's width
 * and height. The layout is cached per size, so draw_page() with the same size
 * draws exactly what was counted. */
int                    settle_invoice_document_get_n_pages  (SettleInvoiceDocument *doc,
                                                             cairo_t               *cr,
                                                             double                 page_width,
                                                             double                 page_height);
/* Draws page (0-based) into cr, whose origin is the page's top left corner. */
void                   settle_invoice_document_draw_page    (SettleInvoiceDocument *doc,
                                                             cairo_t               *cr,
                                                             int                    page,
                                                             double                 page_width,
                                                             double                 page_height);
/* Writes every page as a US Letter PDF. The file appears complete or not at all:
 * pages go to a temporary file next to path, renamed into place at the end. */
gboolean               settle_invoice_document_write_pdf    (SettleInvoiceDocument *doc,
                                                             const char            *path,
                                                             GError               **error);

G_END_DECLS
