/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* The harness every GUI test shares: a display (or a skip), a demo book in a
 * temporary folder, waiting on the main loop, screenshots in
 * $G_TEST_BUILDDIR/gui/screenshots, finding and driving widgets, and reading
 * PDFs back with poppler's tools. It does not include the GUI's
 * settle-application.h, whose SettleApplication shares its name with the core's. */

gboolean settle_gui_test_tick_cb (gpointer data);
/* How long SETTLE_GUI_TEST_WAIT_FOR waits before the test fails (60 s unless set). */
guint    settle_gui_test_get_timeout (void);
void     settle_gui_test_set_timeout (guint seconds);

/* Iterates the main context until cond holds or the time is up. */
#define SETTLE_GUI_TEST_WAIT_FOR(cond)                                                  \
  G_STMT_START                                                                          \
  {                                                                                     \
    guint wait_seconds_ = settle_gui_test_get_timeout ();                               \
    gint64 wait_end_ = g_get_monotonic_time () + wait_seconds_ * G_USEC_PER_SEC;        \
    guint wait_tick_ = g_timeout_add (10, settle_gui_test_tick_cb, NULL);               \
    while (!(cond) && g_get_monotonic_time () < wait_end_)                              \
      g_main_context_iteration (NULL, TRUE);                                            \
    g_source_remove (wait_tick_);                                                       \
    if (!(cond))                                                                        \
      g_error ("Timed out after %u s waiting for %s", wait_seconds_, #cond);            \
  }                                                                                     \
  G_STMT_END

/* ---- set-up ---------------------------------------------------------------------- */

/* Sets SETTLE_TODAY to today (unless NULL) and an in-memory GSettings, runs
 * g_test_init () and, when there is a display, adw_init () and
 * settle_gui_init (). Returns whether there is a display; without one under CI
 * the test fails. */
gboolean        settle_gui_test_init                 (int         *argc,
                                                      char      ***argv,
                                                      const char  *today);
/* Skips (TRUE) without a display. */
gboolean        settle_gui_test_skip_without_display (void);
/* A registered, non-unique SettleApplication. */
GtkApplication *settle_gui_test_app_new              (void);
/* A new temporary folder (from dir_template, as g_dir_make_tmp ()) holding
 * demo.settle, a demo book of n_clients and n_invoices from seed whose last day
 * is today; the book stays open for the caller to add to. */
SettleBook     *settle_gui_test_demo_book_new        (const char  *dir_template,
                                                      guint        n_clients,
                                                      guint        n_invoices,
                                                      guint32      seed,
                                                      const char  *today,
                                                      char       **tmp_dir,
                                                      char       **book_path);
/* Another connection to the book at path. */
SettleBook     *settle_gui_test_open_book            (const char  *path);
/* Removes the folder and all below it. */
void            settle_gui_test_remove_tree          (const char  *path);
/* After g_test_run (): destroys window (unless NULL), drops *app, removes *tmp_dir
 * (when set) and frees both strings. */
void            settle_gui_test_finish               (gpointer         window,
                                                      GtkApplication **app,
                                                      char           **tmp_dir,
                                                      char           **book_path);

/* ---- frames and screenshots --------------------------------------------------------- */

/* Lets the widget lay out and paint n_frames frames. */
void  settle_gui_test_frames          (GtkWidget  *widget,
                                       guint       n_frames);
/* $G_TEST_BUILDDIR/gui/screenshots/name, with its folder made. */
char *settle_gui_test_screenshot_path (const char *name);
/* Saves the widget, once its transitions are over, as a PNG at
 * settle_gui_test_screenshot_path (name). */
void  settle_gui_test_save_png        (GtkWidget  *widget,
                                       const char *name);

/* ---- toplevels ------------------------------------------------------------------------ */

/* The first toplevel of that type, or NULL (no reference). */
gpointer          settle_gui_test_find_toplevel         (GType       type);
/* The open toplevel of that type, with a reference; fails the test when none is. */
gpointer          settle_gui_test_need_toplevel         (GType       type);
/* The first visible toplevel of that type (transient for transient_for unless
 * that is NULL), or NULL. */
GtkWindow        *settle_gui_test_find_visible_toplevel (GType       type,
                                                         GtkWindow  *transient_for);
/* The visible toplevel whose widget name is name, or NULL. */
GtkWidget        *settle_gui_test_find_named_window     (const char *name);
/* Waits for settle_gui_test_find_named_window (name). */
GtkWidget        *settle_gui_test_wait_named_window     (const char *name);
/* The message dialog transient for parent, or NULL. */
AdwMessageDialog *settle_gui_test_find_dialog_for       (GtkWindow  *parent);

/* ---- widgets --------------------------------------------------------------------------- */

/* The first widget under root (root included) named name (the "name" of the .ui
 * files), or NULL. */
GtkWidget  *settle_gui_test_find_named       (GtkWidget      *root,
                                              const char     *name);
/* The same, failing the test when there is none. */
GtkWidget  *settle_gui_test_need_named       (GtkWidget      *root,
                                              const char     *name);
/* The first button under widget labelled label, or NULL. */
GtkWidget  *settle_gui_test_find_button      (GtkWidget      *widget,
                                              const char     *label);
/* The template child id of widget, a template of type; fails the test without it. */
GtkWidget  *settle_gui_test_template_child   (gpointer        widget,
                                              GType           type,
                                              const char     *id);
/* What a click does, without GtkButton's 250 ms activate animation; the button
 * must be sensitive. */
void        settle_gui_test_click            (gpointer        button);
/* Clicks the widget named name under root, which must be sensitive itself. */
void        settle_gui_test_click_named      (GtkWidget      *root,
                                              const char     *name);
void        settle_gui_test_set_text         (gpointer        editable,
                                              const char     *text);
/* Sets the text of the editable named name under root. */
void        settle_gui_test_set_named_text   (GtkWidget      *root,
                                              const char     *name,
                                              const char     *text);
/* The text of the label or editable named name under root. */
const char *settle_gui_test_named_text       (GtkWidget      *root,
                                              const char     *name);
/* The rows of a GtkListBox. */
guint       settle_gui_test_count_rows       (GtkWidget      *list);
/* Runs the widget's own shortcut for keyval+mods, as a key press would. */
gboolean    settle_gui_test_activate_shortcut (GtkWidget      *widget,
                                               guint           keyval,
                                               GdkModifierType mods);

/* ---- PDFs ------------------------------------------------------------------------------ */

/* pdftotext -layout of the file. */
char *settle_gui_test_pdf_text  (const char *path);
/* The page count pdfinfo gives. */
int   settle_gui_test_pdf_pages (const char *path);

G_END_DECLS
