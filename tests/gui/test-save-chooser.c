/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The save chooser the exports share: its title, filter and suggested name, the path it
 * hands over on accept, nothing on cancel, and the user data freed either way. */
#define G_LOG_DOMAIN "settle-test"

#include "settle-gui-test.h"
#include "settle-save-chooser.h"

typedef struct
{
  char  *path;
  guint  calls;
  guint  freed;
} Outcome;

static void
chosen_cb (GtkWidget  *owner,
           const char *path,
           gpointer    user_data)
{
  Outcome *o = user_data;

  g_assert_true (GTK_IS_LABEL (owner));
  o->calls++;
  g_free (o->path);
  o->path = g_strdup (path);
}

static void
freed_cb (gpointer user_data)
{
  Outcome *o = user_data;

  o->freed++;
}

static GtkWidget *
wait_chooser (GtkWindow *parent)
{
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_visible_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG,
                                                                   parent) != NULL);
  return GTK_WIDGET (settle_gui_test_find_visible_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG,
                                                            parent));
}

static const char *
filter_name (GtkWidget *dialog)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));

  g_assert_nonnull (filter);
  return gtk_file_filter_get_name (filter);
}

static gboolean
has_file (GtkWidget *dialog)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  return file != NULL;
}

static void
test_save_chooser (void)
{
  g_autofree char *expected = NULL;
  g_autoptr(GFile) chosen = NULL;
  GtkWindow *window;
  GtkWidget *owner;
  Outcome o = { NULL, 0, 0 };
  GtkWidget *dialog;
  g_autofree char *current = NULL;

  if (settle_gui_test_skip_without_display ())
    return;
  window = GTK_WINDOW (gtk_window_new ());
  owner = gtk_label_new ("owner");
  gtk_window_set_child (window, owner);
  gtk_window_present (window);

  /* Accept: the path of the folder and name chosen, once. */
  settle_save_chooser_show (owner, "Export Test", "_Export", SETTLE_SAVE_CSV, "report 1.csv",
                            chosen_cb, &o, freed_cb);
  dialog = wait_chooser (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Test");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  current = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (current, ==, "report 1.csv");
  g_assert_cmpstr (filter_name (dialog), ==, "CSV files");
  /* The file is the name in the folder the chooser shows, once it has loaded. */
  SETTLE_GUI_TEST_WAIT_FOR (has_file (dialog));
  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  SETTLE_GUI_TEST_WAIT_FOR (o.freed == 1);
  g_assert_cmpuint (o.calls, ==, 1);
  expected = g_file_get_path (chosen);
  g_assert_cmpstr (o.path, ==, expected);
  g_assert_true (g_str_has_suffix (o.path, G_DIR_SEPARATOR_S "report 1.csv"));

  /* Cancel: no call, the data freed all the same. */
  settle_save_chooser_show (owner, "Export PDF", "_Save", SETTLE_SAVE_PDF, "statement.pdf",
                            chosen_cb, &o, freed_cb);
  dialog = wait_chooser (window);
  g_assert_cmpstr (filter_name (dialog), ==, "PDF documents");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  SETTLE_GUI_TEST_WAIT_FOR (o.freed == 2);
  g_assert_cmpuint (o.calls, ==, 1);

  gtk_window_destroy (window);
  g_free (o.path);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  settle_gui_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gui/save-chooser", test_save_chooser);
  return g_test_run ();
}
