/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-net"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "settle-net-error.h"
#include "settle-secret.h"

static const SecretSchema *
smtp_schema (void)
{
  static const SecretSchema schema = {
    "io.github.settle.Settle.Smtp", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };
  return &schema;
}

static void
keyring_error (GError    **error,
               GError     *cause,
               const char *host,
               const char *username)
{
  g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
               _("The password for %s on %s could not be read from the keyring: %s"),
               username, host, cause->message);
}

gboolean
settle_secret_store_smtp_password (const char   *host,
                                   const char   *username,
                                   const char   *password,
                                   GCancellable *cancellable,
                                   GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (host != NULL && username != NULL && password != NULL, FALSE);

  label = g_strdup_printf (_("Settle email password for %s on %s"), username, host);
  if (!secret_password_store_sync (smtp_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                   cancellable, &local, "host", host, "username", username, NULL))
    {
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                   _("The password for %s on %s could not be saved in the keyring: %s"),
                   username, host, local->message);
      return FALSE;
    }
  return TRUE;
}

char *
settle_secret_lookup_smtp_password (const char   *host,
                                    const char   *username,
                                    GCancellable *cancellable,
                                    GError      **error)
{
  g_autoptr(GError) local = NULL;
  const char *env;
  char *password;

  g_return_val_if_fail (host != NULL && username != NULL, NULL);

  env = g_getenv ("SETTLE_SMTP_PASSWORD");
  if (env != NULL)
    return g_strdup (env);

  password = secret_password_lookup_sync (smtp_schema (), cancellable, &local, "host", host,
                                          "username", username, NULL);
  if (local != NULL)
    {
      keyring_error (error, local, host, username);
      return NULL;
    }
  if (password == NULL)
    {
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                   _("No password for %s on %s is stored in the keyring: enter it in "
                     "Preferences › Email"),
                   username, host);
      return NULL;
    }
  /* A g_free()-able copy; secret_password_free () wipes libsecret's one. */
  {
    char *copy = g_strdup (password);

    secret_password_free (password);
    return copy;
  }
}

gboolean
settle_secret_clear_smtp_password (const char   *host,
                                   const char   *username,
                                   GCancellable *cancellable,
                                   GError      **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (host != NULL && username != NULL, FALSE);

  secret_password_clear_sync (smtp_schema (), cancellable, &local, "host", host, "username",
                              username, NULL);
  if (local != NULL)
    {
      keyring_error (error, local, host, username);
      return FALSE;
    }
  return TRUE;
}
