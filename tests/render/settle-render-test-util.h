/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Poppler helpers and a branded test book shared by the render tests. */

#include "settle-book.h"

G_BEGIN_DECLS

/* FALSE (and the test skipped) when poppler-utils is missing outside CI. */
gboolean    settle_render_test_have_poppler (void);
char       *settle_render_test_run          (const char * const *argv);
char       *settle_render_test_pdf_text     (const char  *pdf,
                                             int          page); /* 0 = all pages */
int         settle_render_test_pdf_pages    (const char  *pdf);
/* The rows of `pdfimages -list`, header excluded. */
guint       settle_render_test_pdf_images   (const char  *pdf);
guint       settle_render_test_count        (const char  *haystack,
                                             const char  *needle);
void        settle_render_test_assert_contains (const char *text,
                                                const char *needle);
char       *settle_render_test_money        (gint64       amount,
                                             const char  *currency);
/* Removes a temporary folder and everything in it. */
void        settle_render_test_remove_tree  (const char  *path);
/* tests/fixtures/NAME */
char       *settle_render_test_fixture      (const char  *name);

G_END_DECLS
