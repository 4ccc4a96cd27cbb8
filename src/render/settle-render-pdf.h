/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Writing a paged document as a US Letter PDF, shared by the invoice and the
 * statement. Private to src/render/. */

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef int  (*SettleRenderPagesFunc) (gpointer  doc,
                                       cairo_t  *cr,
                                       double    page_width,
                                       double    page_height);
typedef void (*SettleRenderDrawFunc)  (gpointer  doc,
                                       cairo_t  *cr,
                                       int       page,
                                       double    page_width,
                                       double    page_height);

/* The file appears complete or not at all: pages go to a hidden temporary file
 * next to path, renamed into place at the end. author may be NULL or "". */
gboolean settle_render_write_pdf (const char            *path,
                                  const char            *title,
                                  const char            *author,
                                  SettleRenderPagesFunc  pages_func,
                                  SettleRenderDrawFunc   draw_func,
                                  gpointer               doc,
                                  GError               **error);

G_END_DECLS
