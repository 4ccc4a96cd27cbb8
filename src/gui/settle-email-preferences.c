/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-email-preferences.h"
#include "settle-outbox.h"
#include "settle-secret.h"
#include "settle-smtp.h"

struct _SettleEmailPreferences
{
  AdwWindow            parent_instance;

  SettleBook          *book;
  GCancellable        *cancellable;  /* the keyring */
  gboolean             tried;        /* Save was pressed: blank fields are errors too */
  char                *error;

  GtkButton           *save_button;
  GtkSpinner          *spinner;
  GtkLabel            *error_label;
  AdwEntryRow         *host_row;
  AdwComboRow         *security_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *username_row;
  AdwPasswordEntryRow *password_row;
  AdwEntryRow         *from_row;
  AdwEntryRow         *from_name_row;
};

G_DEFINE_FINAL_TYPE (SettleEmailPreferences, settle_email_preferences, ADW_TYPE_WINDOW)

static const SettleSmtpSecurity securities[] = {
  SETTLE_SMTP_SECURITY_STARTTLS,
  SETTLE_SMTP_SECURITY_TLS,
  SETTLE_SMTP_SECURITY_NONE,
};

static char *
row_text (gpointer row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_error (SettleEmailPreferences *self,
           const char             *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The settings the fields hold; FALSE with the field's message when one is wrong,
 * and that row marked. */
static SettleSmtpSettings *
read_fields (SettleEmailPreferences *self,
             GError                **error)
{
  g_autoptr(SettleSmtpSettings) s = settle_smtp_settings_new ();
  g_autofree char *port = row_text (self->port_row);
  guint selected = adw_combo_row_get_selected (self->security_row);
  guint64 value = 0;
  struct
  {
    GtkWidget *row;
    gboolean   bad;
  } rows[] = {
    { GTK_WIDGET (self->host_row), FALSE },
    { GTK_WIDGET (self->port_row), FALSE },
    { GTK_WIDGET (self->username_row), FALSE },
    { GTK_WIDGET (self->from_row), FALSE },
    { GTK_WIDGET (self->from_name_row), FALSE },
  };
  GError *local = NULL;

  g_free (s->host);
  g_free (s->username);
  g_free (s->from_address);
  g_free (s->from_name);
  s->host = row_text (self->host_row);
  s->username = row_text (self->username_row);
  s->from_address = row_text (self->from_row);
  s->from_name = row_text (self->from_name_row);
  s->security = selected < G_N_ELEMENTS (securities) ? securities[selected]
                                                     : SETTLE_SMTP_SECURITY_STARTTLS;

  if (*port != '\0' && !g_ascii_string_to_unsigned (port, 10, 1, 65535, &value, NULL))
    {
      rows[1].bad = TRUE;
      /* Translators: %s is what was typed in the port field. */
      local = g_error_new (SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                           _("Port: “%s” is not a number from 1 to 65535"), port);
    }
  s->port = (int) value;
  if (local == NULL && (self->tried || *s->host != '\0') && (*s->host == '\0' || strpbrk (s->host, " /?#@\r\n") != NULL))
    {
      rows[0].bad = TRUE;
      local = g_error_new_literal (SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                                   *s->host == '\0'
                                     ? _("SMTP server: enter the name of your mail server, like smtp.example.com")
                                     : _("SMTP server: enter a host name such as smtp.example.com, without “smtp://” or a path"));
    }
  if (local == NULL && strpbrk (s->username, " \r\n") != NULL)
    {
      rows[2].bad = TRUE;
      local = g_error_new_literal (SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                                   _("User name: the user name cannot hold spaces"));
    }
  if (local == NULL && (self->tried || *s->from_address != '\0')
      && !settle_email_address_is_valid (s->from_address))
    {
      rows[3].bad = TRUE;
      local = *s->from_address == '\0'
                ? g_error_new_literal (SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                                       _("From address: enter the address emails are sent from"))
                : g_error_new (SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                               _("From address: “%s” is not a valid email address (expected name@example.com)"),
                               s->from_address);
    }
  if (local == NULL && self->tried && !settle_smtp_settings_validate (s, &local))
    rows[4].bad = strpbrk (s->from_name, "\r\n") != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].bad)
      gtk_widget_add_css_class (rows[i].row, "error");
    else
      gtk_widget_remove_css_class (rows[i].row, "error");
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&s);
}

static void
field_changed_cb (SettleEmailPreferences *self)
{
  g_autoptr(SettleSmtpSettings) s = NULL;
  g_autoptr(GError) error = NULL;

  if (self->book == NULL)
    return;
  s = read_fields (self, &error);
  set_error (self, s == NULL ? error->message : NULL);
}

/* ---- saving -------------------------------------------------------------------------- */

typedef struct
{
  char *host;
  char *username;
  char *password;
} Secret;

static void
secret_free (Secret *secret)
{
  g_free (secret->host);
  g_free (secret->username);
  if (secret->password != NULL)
    memset (secret->password, 0, strlen (secret->password));
  g_free (secret->password);
  g_free (secret);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Secret *secret = task_data;
  GError *error = NULL;

  if (settle_secret_store_smtp_password (secret->host, secret->username, secret->password,
                                         cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
finish_save (SettleEmailPreferences *self)
{
  g_autoptr(SettleSmtpSettings) s = NULL;
  g_autoptr(GError) error = NULL;

  s = read_fields (self, &error);
  if (s == NULL || !settle_smtp_settings_save (self->book, s, &error))
    {
      set_error (self, error->message);
      return;
    }
  settle_book_notify_changed (self->book);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
store_done (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SettleEmailPreferences *self = SETTLE_EMAIL_PREFERENCES (source_object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (error != NULL)
    {
      /* Translators: %s is the keyring's own message. */
      g_autofree char *message =
        g_strdup_printf (_("The password cannot be stored in the keyring: %s. Nothing was saved. "
                           "Without a keyring, set SETTLE_SMTP_PASSWORD in the environment and "
                           "leave the password empty here."),
                         error->message);

      set_error (self, message);
      return;
    }
  finish_save (self);
}

void
settle_email_preferences_save (SettleEmailPreferences *self)
{
  g_autoptr(SettleSmtpSettings) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  const char *password;
  Secret *secret;

  g_return_if_fail (SETTLE_IS_EMAIL_PREFERENCES (self));

  if (self->cancellable != NULL)
    return;
  self->tried = TRUE;
  s = read_fields (self, &error);
  if (s == NULL)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (*password == '\0')
    {
      finish_save (self);
      return;
    }
  if (*s->username == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->username_row), "error");
      set_error (self, _("User name: enter the user name the password belongs to"));
      return;
    }

  /* The keyring may take a while (or ask to be unlocked): not on the main thread. */
  secret = g_new0 (Secret, 1);
  secret->host = g_strdup (s->host);
  secret->username = g_strdup (s->username);
  secret->password = g_strdup (password);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  task = g_task_new (self, self->cancellable, store_done, NULL);
  g_task_set_source_tag (task, settle_email_preferences_save);
  g_task_set_task_data (task, secret, (GDestroyNotify) secret_free);
  g_task_run_in_thread (task, store_thread);
}

static void
save_clicked_cb (SettleEmailPreferences *self)
{
  settle_email_preferences_save (self);
}

/* ---- the type ------------------------------------------------------------------------- */

static void
settle_email_preferences_dispose (GObject *object)
{
  SettleEmailPreferences *self = SETTLE_EMAIL_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_EMAIL_PREFERENCES);

  G_OBJECT_CLASS (settle_email_preferences_parent_class)->dispose (object);
}

static void
settle_email_preferences_finalize (GObject *object)
{
  SettleEmailPreferences *self = SETTLE_EMAIL_PREFERENCES (object);

  g_clear_object (&self->book);
  g_clear_object (&self->cancellable);
  g_free (self->error);

  G_OBJECT_CLASS (settle_email_preferences_parent_class)->finalize (object);
}

static void
settle_email_preferences_class_init (SettleEmailPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_email_preferences_dispose;
  object_class->finalize = settle_email_preferences_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-email-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, save_button);
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, spinner);
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, error_label);
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, host_row);
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, security_row);
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, port_row);
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, username_row);
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, password_row);
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, from_row);
  gtk_widget_class_bind_template_child (widget_class, SettleEmailPreferences, from_name_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_email_preferences_init (SettleEmailPreferences *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (labels, _("STARTTLS"));
  gtk_string_list_append (labels, _("TLS"));
  gtk_string_list_append (labels, _("None (unencrypted)"));
  adw_combo_row_set_model (self->security_row, G_LIST_MODEL (labels));
}

static void
fill_row (SettleEmailPreferences *self,
          gpointer                row,
          const char             *key)
{
  g_autofree char *value = settle_book_get_setting (self->book, key);

  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

SettleEmailPreferences *
settle_email_preferences_new (GtkWindow  *parent,
                              SettleBook *book)
{
  SettleEmailPreferences *self;
  g_autofree char *security = NULL;
  SettleSmtpSecurity value;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  self = g_object_new (SETTLE_TYPE_EMAIL_PREFERENCES, "transient-for", parent, NULL);
  /* Each key on its own: a half-filled setup is shown as it is, not as empty. */
  self->book = g_object_ref (book);
  fill_row (self, self->host_row, SETTLE_SMTP_KEY_HOST);
  fill_row (self, self->port_row, SETTLE_SMTP_KEY_PORT);
  fill_row (self, self->username_row, SETTLE_SMTP_KEY_USERNAME);
  fill_row (self, self->from_row, SETTLE_SMTP_KEY_FROM);
  fill_row (self, self->from_name_row, SETTLE_SMTP_KEY_FROM_NAME);
  security = settle_book_get_setting (book, SETTLE_SMTP_KEY_SECURITY);
  if (security != NULL && settle_smtp_security_from_string (security, &value))
    for (guint i = 0; i < G_N_ELEMENTS (securities); i++)
      if (securities[i] == value)
        adw_combo_row_set_selected (self->security_row, i);
  field_changed_cb (self);
  return self;
}

const char *
settle_email_preferences_get_error (SettleEmailPreferences *self)
{
  g_return_val_if_fail (SETTLE_IS_EMAIL_PREFERENCES (self), NULL);
  return self->error;
}

gboolean
settle_email_preferences_get_busy (SettleEmailPreferences *self)
{
  g_return_val_if_fail (SETTLE_IS_EMAIL_PREFERENCES (self), FALSE);
  return self->cancellable != NULL;
}
