/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "settle-application.h"
#include "settle-demo.h"
#include "settle-gui.h"
#include "settle-gui-test.h"

static gboolean have_display;
static guint    timeout_seconds = 60;

gboolean
settle_gui_test_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

guint
settle_gui_test_get_timeout (void)
{
  return timeout_seconds;
}

void
settle_gui_test_set_timeout (guint seconds)
{
  timeout_seconds = seconds;
}

/* ---- set-up ---------------------------------------------------------------------- */

gboolean
settle_gui_test_init (int         *argc,
                      char      ***argv,
                      const char  *today)
{
  /* The demo's last day is "today", so overdue invoices and aging are the same on
   * every run. */
  if (today != NULL)
    g_setenv ("SETTLE_TODAY", today, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (argc, argv, NULL);

  have_display = gtk_init_check ();
  if (!have_display && g_getenv ("CI") != NULL)
    g_error ("No display, but CI is set: GUI tests must run (use xvfb-run)");

  if (have_display)
    {
      adw_init ();
      settle_gui_init ();
    }
  return have_display;
}

gboolean
settle_gui_test_skip_without_display (void)
{
  if (!have_display)
    g_test_skip ("No display (run under xvfb-run; set CI to make this a failure)");
  return !have_display;
}

GtkApplication *
settle_gui_test_app_new (void)
{
  SettleApplication *app = settle_application_new (G_APPLICATION_NON_UNIQUE);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return GTK_APPLICATION (app);
}

SettleBook *
settle_gui_test_demo_book_new (const char  *dir_template,
                               guint        n_clients,
                               guint        n_invoices,
                               guint32      seed,
                               const char  *today,
                               char       **tmp_dir,
                               char       **book_path)
{
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  SettleDemoOptions options;

  *tmp_dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  *book_path = g_build_filename (*tmp_dir, "demo.settle", NULL);
  book = settle_book_open (*book_path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);

  settle_demo_options_init (&options);
  options.n_clients = n_clients;
  options.n_invoices = n_invoices;
  options.seed = seed;
  g_assert_true (settle_date_parse (today, &options.today));
  g_assert_true (settle_demo_generate (book, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&book);
}

SettleBook *
settle_gui_test_open_book (const char *path)
{
  g_autoptr(GError) error = NULL;
  SettleBook *book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return book;
}

void
settle_gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        settle_gui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
settle_gui_test_finish (gpointer         window,
                        GtkApplication **app,
                        char           **tmp_dir,
                        char           **book_path)
{
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (app);
  if (*tmp_dir != NULL)
    settle_gui_test_remove_tree (*tmp_dir);
  g_clear_pointer (book_path, g_free);
  g_clear_pointer (tmp_dir, g_free);
}

/* ---- frames and screenshots --------------------------------------------------------- */

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

void
settle_gui_test_frames (GtkWidget *widget,
                        guint      n_frames)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, frame_cb, &frames, NULL);

  SETTLE_GUI_TEST_WAIT_FOR (frames >= n_frames);
  gtk_widget_remove_tick_callback (widget, id);
}

char *
settle_gui_test_screenshot_path (const char *name)
{
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (build_dir != NULL ? build_dir : ".", "gui",
                                           "screenshots", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

void
settle_gui_test_save_png (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  /* Past the crossfades (200 ms) of stacks that just switched. */
  settle_gui_test_frames (widget, 30);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  /* A dialog fades in: it paints nothing until its first frames are out. */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        settle_gui_test_frames (widget, 1);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = settle_gui_test_screenshot_path (name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s (%d×%d)", path, width, height);
}

/* ---- toplevels ------------------------------------------------------------------------ */

gpointer
settle_gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }
  return NULL;
}

gpointer
settle_gui_test_need_toplevel (GType type)
{
  gpointer toplevel = settle_gui_test_find_toplevel (type);

  if (toplevel == NULL)
    g_error ("No %s is open", g_type_name (type));
  return g_object_ref (toplevel);
}

GtkWindow *
settle_gui_test_find_visible_toplevel (GType      type,
                                       GtkWindow *transient_for)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && (transient_for == NULL
              || gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == transient_for)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

GtkWidget *
settle_gui_test_find_named_window (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (w)), name) == 0
          && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WIDGET (w);
    }
  return NULL;
}

GtkWidget *
settle_gui_test_wait_named_window (const char *name)
{
  GtkWidget *w;

  SETTLE_GUI_TEST_WAIT_FOR ((w = settle_gui_test_find_named_window (name)) != NULL);
  return w;
}

AdwMessageDialog *
settle_gui_test_find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel)
          && gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == parent)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* ---- widgets --------------------------------------------------------------------------- */

GtkWidget *
settle_gui_test_find_named (GtkWidget  *root,
                            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = settle_gui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
settle_gui_test_need_named (GtkWidget  *root,
                            const char *name)
{
  GtkWidget *widget = settle_gui_test_find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s” under %s", name, G_OBJECT_TYPE_NAME (root));
  return widget;
}

GtkWidget *
settle_gui_test_find_button (GtkWidget  *widget,
                             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = settle_gui_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
settle_gui_test_template_child (gpointer    widget,
                                GType       type,
                                const char *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, id);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

void
settle_gui_test_click (gpointer button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

void
settle_gui_test_click_named (GtkWidget  *root,
                             const char *name)
{
  GtkWidget *button = settle_gui_test_need_named (root, name);

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

void
settle_gui_test_set_text (gpointer    editable,
                          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

void
settle_gui_test_set_named_text (GtkWidget  *root,
                                const char *name,
                                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (settle_gui_test_need_named (root, name)), text);
}

const char *
settle_gui_test_named_text (GtkWidget  *root,
                            const char *name)
{
  GtkWidget *widget = settle_gui_test_need_named (root, name);

  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

guint
settle_gui_test_count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

gboolean
settle_gui_test_activate_shortcut (GtkWidget      *widget,
                                   guint           keyval,
                                   GdkModifierType mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (trigger != NULL && gtk_shortcut_trigger_equal (trigger, wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* ---- PDFs ------------------------------------------------------------------------------ */

/* Runs a command line and returns its standard output; fails the test when the
 * tool is missing or fails. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

char *
settle_gui_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  return run_tool (argv);
}

int
settle_gui_test_pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}
