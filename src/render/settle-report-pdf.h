/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A small report engine: headings, paragraphs, rows of figure cards, tables that
 * continue over pages with their header repeated, and charts drawn by a callback,
 * under the book's company name and logo, with "Page 1 of 3" in the footer. */

#include <cairo.h>

#include "settle-book.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_REPORT_ALIGN_LEFT,
  SETTLE_REPORT_ALIGN_RIGHT,
} SettleReportAlign;

/* Draws into (0, 0, width, height) of cr; user units are points. */
typedef void (*SettleReportChartFunc) (cairo_t  *cr,
                                       double    width,
                                       double    height,
                                       gpointer  data);

typedef struct _SettleReportDocument SettleReportDocument;

/* book (may be NULL) gives the company name and logo from its branding; a logo
 * that cannot be loaded is left out with a warning. */
SettleReportDocument *settle_report_document_new           (SettleBook                *book,
                                                            const char                *title,
                                                            const char                *subtitle);
void                  settle_report_document_free          (SettleReportDocument      *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleReportDocument, settle_report_document_free)

void                  settle_report_document_add_heading   (SettleReportDocument      *doc,
                                                            const char                *text);
void                  settle_report_document_add_paragraph (SettleReportDocument      *doc,
                                                            const char                *text);
/* Headline figures in a row of cards (four to a row): label above, value below. */
void                  settle_report_document_add_figures   (SettleReportDocument      *doc,
                                                            guint                      n,
                                                            const char * const        *labels,
                                                            const char * const        *values);
/* rows: GPtrArray of GStrv with n_columns each (the document takes a reference);
 * the last row is bold when has_total_row. Long tables continue on the next page
 * with the header repeated. */
void                  settle_report_document_add_table     (SettleReportDocument      *doc,
                                                            guint                      n_columns,
                                                            const char * const        *headers,
                                                            const SettleReportAlign   *align,
                                                            GPtrArray                 *rows,
                                                            gboolean                   has_total_row);
void                  settle_report_document_add_chart     (SettleReportDocument      *doc,
                                                            double                     height_pt,
                                                            SettleReportChartFunc      func,
                                                            gpointer                   data,
                                                            GDestroyNotify             destroy);

/* The same pagination contract as the invoice and statement documents, so a
 * GtkPrintOperation can print what the PDF shows: cr only measures; the layout is
 * cached per page size. */
int                   settle_report_document_get_n_pages   (SettleReportDocument      *doc,
                                                            cairo_t                   *cr,
                                                            double                     page_width,
                                                            double                     page_height);
void                  settle_report_document_draw_page     (SettleReportDocument      *doc,
                                                            cairo_t                   *cr,
                                                            int                        page,
                                                            double                     page_width,
                                                            double                     page_height);
/* Atomic: the file appears complete or not at all. */
gboolean              settle_report_document_write_pdf     (SettleReportDocument      *doc,
                                                            const char                *path,
                                                            GError                   **error);

G_END_DECLS
