/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-application.h"
#include "settle-gui.h"
#include "settle-window.h"

struct _SettleApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (SettleApplication, settle_application, ADW_TYPE_APPLICATION)

static SettleWindow *
find_window (SettleApplication *self,
             const char        *canonical_path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SETTLE_IS_WINDOW (l->data)
        && g_strcmp0 (settle_window_get_path (l->data), canonical_path) == 0)
      return l->data;
  return NULL;
}

static SettleWindow *
window_for_new_book (SettleApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Reuse a window that shows "No Book Open" rather than stack up empty ones. */
  if (SETTLE_IS_WINDOW (active)
      && settle_window_get_state (SETTLE_WINDOW (active)) == SETTLE_WINDOW_EMPTY)
    return SETTLE_WINDOW (active);
  return settle_window_new (GTK_APPLICATION (self));
}

void
settle_application_open_path (SettleApplication *self,
                              const char        *path)
{
  g_autofree char *canonical = NULL;
  SettleWindow *window;

  g_return_if_fail (SETTLE_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  canonical = g_canonicalize_filename (path, NULL);
  window = find_window (self, canonical);
  if (window == NULL)
    {
      window = window_for_new_book (self);
      settle_window_open (window, canonical, FALSE);
    }
  gtk_window_present (GTK_WINDOW (window));
}

char *
settle_application_get_default_book (SettleApplication *self,
                                     gboolean          *is_fallback)
{
  g_autofree char *last = NULL;

  g_return_val_if_fail (SETTLE_IS_APPLICATION (self), NULL);

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-book");
  if (last != NULL && *last != '\0')
    {
      *is_fallback = FALSE;
      return g_steal_pointer (&last);
    }
  *is_fallback = TRUE;
  return g_build_filename (g_get_user_data_dir (), "settle", "demo.settle", NULL);
}

static void
open_response_cb (GtkNativeDialog   *chooser,
                  int                response,
                  SettleApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        settle_application_open_path (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SettleApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) books = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Book"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (books, _("Settle books"));
  gtk_file_filter_add_suffix (books, "settle");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), books);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SettleApplication *self = user_data;
  static const char * const developers[] = { "The Settle developers", NULL };
  /* Translators: your names here, one per line. */
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Settle"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Settle developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Accounts receivable for managed service providers: "
                                      "invoices, payments, aging and reminders, with a "
                                      "command-line twin that collects while the window "
                                      "is closed."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SettleApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Destroying the windows closes their books and releases the session locks. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "open", open_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
settle_application_startup (GApplication *application)
{
  SettleApplication *self = SETTLE_APPLICATION (application);
  static const char * const open_accels[] = { "<Control>o", NULL };
  static const char * const quit_accels[] = { "<Control>q", NULL };

  /* Before chaining up: AdwApplication loads style.css and GtkApplication finds
   * gtk/help-overlay.ui under the resource base path during startup. */
  settle_gui_init ();

  G_APPLICATION_CLASS (settle_application_parent_class)->startup (application);

  self->settings = settle_gui_settings_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

static void
settle_application_activate (GApplication *application)
{
  SettleApplication *self = SETTLE_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;
  gboolean fallback = FALSE;
  SettleWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = settle_window_new (GTK_APPLICATION (self));
  path = settle_application_get_default_book (self, &fallback);
  settle_window_open (window, path, fallback);
  gtk_window_present (GTK_WINDOW (window));
}

static void
settle_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  SettleApplication *self = SETTLE_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          g_warning ("Cannot open “%s”: books are local files", uri);
          continue;
        }
      settle_application_open_path (self, path);
    }
}

static void
settle_application_dispose (GObject *object)
{
  SettleApplication *self = SETTLE_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (settle_application_parent_class)->dispose (object);
}

static void
settle_application_class_init (SettleApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = settle_application_dispose;
  app_class->startup = settle_application_startup;
  app_class->activate = settle_application_activate;
  app_class->open = settle_application_open;
}

static void
settle_application_init (SettleApplication *self)
{
}

SettleApplication *
settle_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (SETTLE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/io/github/settle/Settle",
                       NULL);
}
