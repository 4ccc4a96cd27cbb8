/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"
#include "settle-window.h"

G_BEGIN_DECLS

#define TIMEOUT_SECONDS 120

gboolean test_runs_tick_cb (gpointer data);

/* Iterates the main context until cond holds or the time is up. */
#define WAIT_FOR(cond)                                                                  \
  G_STMT_START                                                                          \
  {                                                                                     \
    gint64 wait_end_ = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;      \
    guint wait_tick_ = g_timeout_add (10, test_runs_tick_cb, NULL);                     \
    while (!(cond) && g_get_monotonic_time () < wait_end_)                              \
      g_main_context_iteration (NULL, TRUE);                                            \
    g_source_remove (wait_tick_);                                                       \
    if (!(cond))                                                                        \
      g_error ("Timed out after %d s waiting for %s", TIMEOUT_SECONDS, #cond);          \
  }                                                                                     \
  G_STMT_END

/* Shared by the test-runs*.c pieces (set up in test-runs.c). */
#define N_AGREEMENTS 3

extern char         *tmp_dir;
extern char         *book_path;
extern SettleWindow *window;
extern SettleId      agreement_ids[N_AGREEMENTS];

/* Another connection to the test book. */
SettleBook *open_reader          (void);
/* Skips (TRUE) without a display; under CI there always is one. */
gboolean    skip_without_display (void);
/* The open window of that type, with a reference. */
gpointer    find_toplevel        (GType type);

void test_agreements  (void);
void test_projects    (void);
void test_preferences (void);
void test_catalog     (void);

/* Lets the widget lay out and paint a few frames. */
void     settle_frames     (GtkWidget  *widget,
                            guint       n_frames);
/* Saves the widget as $G_TEST_BUILDDIR/gui/screenshots/name. */
void     save_png          (GtkWidget  *widget,
                            const char *name);
/* pdftotext -layout of the file. */
char    *pdf_text          (const char *path);
/* The page count pdfinfo gives. */
int      pdf_pages         (const char *path);

G_END_DECLS
