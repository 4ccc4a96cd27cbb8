/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-gui.h"
#include "settle-window-private.h"

G_DEFINE_FINAL_TYPE (SettleWindow, settle_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How often the window looks for writes by another process (the CLI on a timer). */
#define POLL_INTERVAL_SECONDS 1

static void
set_views_book (SettleWindow *self,
                SettleBook   *book)
{
  settle_invoices_view_set_book (self->invoices_view, book);
  settle_clients_view_set_book (self->clients_view, book);
  settle_aging_view_set_book (self->aging_view, book);
  settle_reconcile_view_set_book (self->reconciliation_view, book);
}

/* The bottom switcher stands in for the title's when the window is too narrow
 * for it, and only while there are views to switch. */
static void
update_switcher_bar (SettleWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->state == SETTLE_WINDOW_OPEN
                                    && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
set_state (SettleWindow      *self,
           SettleWindowState  state)
{
  static const char * const pages[] = { "empty", "loading", "book" };

  self->state = state;
  gtk_stack_set_visible_child_name (self->main_stack, pages[state]);
  gtk_spinner_set_spinning (self->loading_spinner, state == SETTLE_WINDOW_OPENING);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     state == SETTLE_WINDOW_OPEN);
  update_switcher_bar (self);
  settle_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
update_title (SettleWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->path == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Settle"));
      return;
    }
  name = g_path_get_basename (self->path);
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  /* Translators: the window title, "acme.settle — Settle". */
  title = g_strdup_printf (_("%s — Settle"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
close_book (SettleWindow *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  set_views_book (self, NULL);
  /* Dropping the connection releases the session lock. */
  g_clear_object (&self->book);
}

static gboolean
poll_cb (gpointer user_data)
{
  SettleWindow *self = user_data;

  if (self->book != NULL && settle_book_poll_external_change (self->book))
    settle_book_notify_changed (self->book);
  return G_SOURCE_CONTINUE;
}

static const char *
open_error_hint (const GError *error)
{
  if (error->domain != SETTLE_BOOK_ERROR)
    return NULL;
  switch (error->code)
    {
    case SETTLE_BOOK_ERROR_NOT_A_BOOK:
      return _("Choose a book made by Settle or settle-cli. The file was not changed.");
    case SETTLE_BOOK_ERROR_NEWER_VERSION:
      return _("Update Settle to open this book. The file was not changed.");
    case SETTLE_BOOK_ERROR_LOCKED:
      return _("Use the window that has it open, or close the book there and try again.");
    case SETTLE_BOOK_ERROR_NOT_FOUND:
      return _("It may have been moved or renamed.");
    default:
      return NULL;
    }
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SettleWindow     *self)
{
  if (g_strcmp0 (response, "open") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open", NULL);
}

static void
show_open_error (SettleWindow *self,
                 const GError *error)
{
  GtkWidget *dialog;
  const char *hint = open_error_hint (error);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open Book"), NULL);
  if (hint != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message, hint);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "open", _("_Open Another Book…"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  SettleWindow *self;
  gboolean      quiet_if_missing;
} OpenData;

static void
open_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(SettleWindow) self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  gboolean quiet = data->quiet_if_missing;

  g_free (data);
  book = settle_book_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->open_cancellable);

  if (book == NULL)
    {
      g_clear_pointer (&self->path, g_free);
      update_title (self);
      set_state (self, SETTLE_WINDOW_EMPTY);
      if (!(quiet && g_error_matches (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND)))
        show_open_error (self, error);
      return;
    }

  self->book = g_steal_pointer (&book);
  g_free (self->path);
  self->path = g_strdup (settle_book_get_path (self->book));
  update_title (self);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-book", self->path);

  set_views_book (self, self->book);
  self->poll_id = g_timeout_add_seconds (POLL_INTERVAL_SECONDS, poll_cb, self);
  set_state (self, SETTLE_WINDOW_OPEN);
}

static void
view_changed_cb (SettleWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
settle_window_dispose (GObject *object)
{
  SettleWindow *self = SETTLE_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->invoices_view != NULL)
    close_book (self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_WINDOW);

  G_OBJECT_CLASS (settle_window_parent_class)->dispose (object);
}

static void
settle_window_finalize (GObject *object)
{
  SettleWindow *self = SETTLE_WINDOW (object);

  g_free (self->path);

  G_OBJECT_CLASS (settle_window_parent_class)->finalize (object);
}

static void
settle_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SettleWindow *self = SETTLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, settle_window_get_view (self));
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SettleWindow *self = SETTLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      settle_window_set_view (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_window_class_init (SettleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_window_dispose;
  object_class->finalize = settle_window_finalize;
  object_class->get_property = settle_window_get_property;
  object_class->set_property = settle_window_set_property;

  /* The view shown: invoices, clients, aging or reconciliation. */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "invoices",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, SETTLE_WINDOW_EMPTY, SETTLE_WINDOW_OPEN,
                      SETTLE_WINDOW_EMPTY, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SETTLE_TYPE_INVOICES_VIEW);
  g_type_ensure (SETTLE_TYPE_CLIENTS_VIEW);
  g_type_ensure (SETTLE_TYPE_AGING_VIEW);
  g_type_ensure (SETTLE_TYPE_RECONCILE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, invoices_view);
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, clients_view);
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, aging_view);
  gtk_widget_class_bind_template_child (widget_class, SettleWindow, reconciliation_view);

  settle_window_class_init_actions (widget_class);
}

static void
settle_window_init (SettleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->invoices_view, "notify::shown-invoice",
                           G_CALLBACK (settle_window_update_actions), self, G_CONNECT_SWAPPED);

  /* Read once, then written back: two windows do not drag each other around. */
  self->settings = settle_gui_settings_new ();
  if (self->settings != NULL)
    {
      GSettingsBindFlags flags = G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES;

      g_settings_bind (self->settings, "window-width", self, "default-width", flags);
      g_settings_bind (self->settings, "window-height", self, "default-height", flags);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", flags);
      g_settings_bind (self->settings, "view", self->view_stack, "visible-child-name", flags);
    }

  settle_window_init_actions (self);
  set_state (self, SETTLE_WINDOW_EMPTY);
}

SettleWindow *
settle_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  return g_object_new (SETTLE_TYPE_WINDOW, "application", application, NULL);
}

void
settle_window_open (SettleWindow *self,
                    const char   *path,
                    gboolean      quiet_if_missing)
{
  OpenData *data;

  g_return_if_fail (SETTLE_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  close_book (self);

  g_free (self->path);
  self->path = g_canonicalize_filename (path, NULL);
  update_title (self);
  set_state (self, SETTLE_WINDOW_OPENING);

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->quiet_if_missing = quiet_if_missing;
  self->open_cancellable = g_cancellable_new ();
  /* Never SETTLE_BOOK_OPEN_CREATE: opening must not make or change a file. */
  settle_book_open_async (self->path, SETTLE_BOOK_OPEN_SESSION, self->open_cancellable,
                          open_done, data);
}

SettleWindowState
settle_window_get_state (SettleWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_WINDOW (self), SETTLE_WINDOW_EMPTY);
  return self->state;
}

SettleBook *
settle_window_get_book (SettleWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_WINDOW (self), NULL);
  return self->book;
}

const char *
settle_window_get_path (SettleWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_WINDOW (self), NULL);
  return self->path;
}

const char *
settle_window_get_view (SettleWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
settle_window_set_view (SettleWindow *self,
                        const char   *view)
{
  g_return_if_fail (SETTLE_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, view) == NULL)
    {
      g_warning ("No view called “%s”", view);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

void
settle_window_add_toast (SettleWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (SETTLE_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

SettleInvoicesView *
settle_window_get_invoices_view (SettleWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_WINDOW (self), NULL);
  return self->invoices_view;
}

SettleClientsView *
settle_window_get_clients_view (SettleWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_WINDOW (self), NULL);
  return self->clients_view;
}

SettleAgingView *
settle_window_get_aging_view (SettleWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_WINDOW (self), NULL);
  return self->aging_view;
}
