/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-net"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "settle-outbox.h"
#include "settle-secret.h"
#include "settle-smtp.h"

static const char * const security_names[] = {
  [SETTLE_SMTP_SECURITY_NONE] = "none",
  [SETTLE_SMTP_SECURITY_STARTTLS] = "starttls",
  [SETTLE_SMTP_SECURITY_TLS] = "tls",
};

SettleSmtpSettings *
settle_smtp_settings_new (void)
{
  SettleSmtpSettings *s = g_new0 (SettleSmtpSettings, 1);

  s->host = g_strdup ("");
  s->security = SETTLE_SMTP_SECURITY_STARTTLS;
  s->username = g_strdup ("");
  s->from_address = g_strdup ("");
  s->from_name = g_strdup ("");
  return s;
}

SettleSmtpSettings *
settle_smtp_settings_copy (const SettleSmtpSettings *src)
{
  SettleSmtpSettings *s;

  g_return_val_if_fail (src != NULL, NULL);

  s = g_new0 (SettleSmtpSettings, 1);
  *s = *src;
  s->host = g_strdup (src->host);
  s->username = g_strdup (src->username);
  s->password = g_strdup (src->password);
  s->from_address = g_strdup (src->from_address);
  s->from_name = g_strdup (src->from_name);
  s->ca_file = g_strdup (src->ca_file);
  return s;
}

void
settle_smtp_settings_free (SettleSmtpSettings *s)
{
  if (s == NULL)
    return;
  g_free (s->host);
  g_free (s->username);
  if (s->password != NULL)
    memset (s->password, 0, strlen (s->password));
  g_free (s->password);
  g_free (s->from_address);
  g_free (s->from_name);
  g_free (s->ca_file);
  g_free (s);
}

const char *
settle_smtp_security_to_string (SettleSmtpSecurity security)
{
  g_return_val_if_fail (security <= SETTLE_SMTP_SECURITY_TLS, "starttls");
  return security_names[security];
}

gboolean
settle_smtp_security_from_string (const char         *text,
                                  SettleSmtpSecurity *security)
{
  for (guint i = 0; i < G_N_ELEMENTS (security_names); i++)
    if (g_strcmp0 (text, security_names[i]) == 0)
      {
        *security = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
config_error (GError    **error,
              const char *message)
{
  g_set_error_literal (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG, message);
  return FALSE;
}

gboolean
settle_smtp_settings_validate (const SettleSmtpSettings *s,
                               GError                  **error)
{
  g_return_val_if_fail (s != NULL, FALSE);

  if (s->host == NULL || *s->host == '\0')
    return config_error (error, _("Email is not set up: enter the SMTP server in "
                                  "Preferences › Email"));
  if (strpbrk (s->host, " /?#@\r\n") != NULL)
    return config_error (error, _("SMTP server: enter a host name such as smtp.example.com, "
                                  "without spaces or slashes"));
  if (s->port < 0 || s->port > 65535)
    return config_error (error, _("SMTP port: enter a number from 1 to 65535"));
  if (s->security > SETTLE_SMTP_SECURITY_TLS)
    return config_error (error, _("SMTP security: choose none, STARTTLS or TLS"));
  if (s->from_address == NULL || *s->from_address == '\0')
    return config_error (error, _("Email is not set up: enter the address emails are sent "
                                  "from in Preferences › Email"));
  if (!settle_email_address_is_valid (s->from_address))
    {
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                   _("Sender: “%s” is not a valid email address (expected name@example.com)"),
                   s->from_address);
      return FALSE;
    }
  if (s->from_name != NULL && strpbrk (s->from_name, "\r\n") != NULL)
    return config_error (error, _("Sender name: the name must be a single line"));
  if (s->ca_file != NULL && *s->ca_file != '\0' && !g_file_test (s->ca_file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                   _("Certificate authority: the file “%s” does not exist"), s->ca_file);
      return FALSE;
    }
  return TRUE;
}

static char *
setting_or_empty (SettleBook *book,
                  const char *key)
{
  char *value = settle_book_get_setting (book, key);

  return value ? g_strstrip (value) : g_strdup ("");
}

SettleSmtpSettings *
settle_smtp_settings_load (SettleBook *book,
                           GError    **error)
{
  g_autoptr(SettleSmtpSettings) s = settle_smtp_settings_new ();
  g_autofree char *port = NULL;
  g_autofree char *security = NULL;
  g_autofree char *ca_file = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  g_free (s->host);
  s->host = setting_or_empty (book, SETTLE_SMTP_KEY_HOST);
  g_free (s->username);
  s->username = setting_or_empty (book, SETTLE_SMTP_KEY_USERNAME);
  g_free (s->from_address);
  s->from_address = setting_or_empty (book, SETTLE_SMTP_KEY_FROM);
  g_free (s->from_name);
  s->from_name = setting_or_empty (book, SETTLE_SMTP_KEY_FROM_NAME);

  port = setting_or_empty (book, SETTLE_SMTP_KEY_PORT);
  if (*port != '\0')
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (port, 10, 1, 65535, &value, NULL))
        {
          g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                       _("SMTP port: “%s” is not a number from 1 to 65535"), port);
          return NULL;
        }
      s->port = (int) value;
    }
  security = setting_or_empty (book, SETTLE_SMTP_KEY_SECURITY);
  if (*security != '\0' && !settle_smtp_security_from_string (security, &s->security))
    {
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                   _("SMTP security: “%s” is not one of none, starttls or tls"), security);
      return NULL;
    }
  ca_file = setting_or_empty (book, SETTLE_SMTP_KEY_CA_FILE);
  if (*ca_file != '\0')
    s->ca_file = g_steal_pointer (&ca_file);

  if (!settle_smtp_settings_validate (s, error))
    return NULL;
  return g_steal_pointer (&s);
}

gboolean
settle_smtp_settings_save (SettleBook               *book,
                           const SettleSmtpSettings *s,
                           GError                  **error)
{
  g_autofree char *port = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (s != NULL, FALSE);

  if (!settle_smtp_settings_validate (s, error))
    return FALSE;
  port = s->port > 0 ? g_strdup_printf ("%d", s->port) : g_strdup ("");
  if (!settle_book_begin (book, error))
    return FALSE;
  if (!settle_book_set_setting (book, SETTLE_SMTP_KEY_HOST, s->host, error)
      || !settle_book_set_setting (book, SETTLE_SMTP_KEY_PORT, port, error)
      || !settle_book_set_setting (book, SETTLE_SMTP_KEY_SECURITY,
                                   settle_smtp_security_to_string (s->security), error)
      || !settle_book_set_setting (book, SETTLE_SMTP_KEY_USERNAME,
                                   s->username ? s->username : "", error)
      || !settle_book_set_setting (book, SETTLE_SMTP_KEY_FROM, s->from_address, error)
      || !settle_book_set_setting (book, SETTLE_SMTP_KEY_FROM_NAME,
                                   s->from_name ? s->from_name : "", error)
      || !settle_book_set_setting (book, SETTLE_SMTP_KEY_CA_FILE,
                                   s->ca_file ? s->ca_file : "", error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

gboolean
settle_smtp_settings_resolve_password (SettleSmtpSettings *s,
                                       GCancellable       *cancellable,
                                       GError            **error)
{
  g_return_val_if_fail (s != NULL, FALSE);

  if (s->password != NULL || s->username == NULL || *s->username == '\0')
    return TRUE;
  s->password = settle_secret_lookup_smtp_password (s->host, s->username, cancellable, error);
  return s->password != NULL;
}

/* Sending */

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         offset;
  gboolean      handed_over;  /* curl read the whole message */
  char         *last_reply;   /* the server's latest reply line */
  char         *data_reply;   /* its reply to the end of the message */
  char         *error_reply;  /* its first 4xx or 5xx reply (QUIT's 221 comes after) */
  GCancellable *cancellable;
} SendState;

static size_t
read_cb (char  *buffer,
         size_t size,
         size_t nitems,
         void  *user_data)
{
  SendState *st = user_data;
  size_t n = MIN (size * nitems, st->length - st->offset);

  memcpy (buffer, st->data + st->offset, n);
  st->offset += n;
  /* Past this point a broken connection may still mean a delivered message. */
  if (st->offset == st->length)
    st->handed_over = TRUE;
  return n;
}

static int
debug_cb (CURL          *handle,
          curl_infotype  type,
          char          *data,
          size_t         size,
          void          *user_data)
{
  SendState *st = user_data;
  g_autofree char *line = NULL;

  if (type != CURLINFO_HEADER_IN)
    return 0;
  line = g_strstrip (g_strndup (data, size));
  if (!g_utf8_validate (line, -1, NULL))
    {
      char *valid = g_utf8_make_valid (line, -1);
      g_free (line);
      line = valid;
    }
  if (st->handed_over && st->data_reply == NULL)
    st->data_reply = g_strdup (line);
  if (st->error_reply == NULL && (line[0] == '4' || line[0] == '5'))
    st->error_reply = g_strdup (line);
  g_free (st->last_reply);
  st->last_reply = g_steal_pointer (&line);
  return 0;
}

static int
progress_cb (void      *user_data,
             curl_off_t dltotal,
             curl_off_t dlnow,
             curl_off_t ultotal,
             curl_off_t ulnow)
{
  SendState *st = user_data;

  return g_cancellable_is_cancelled (st->cancellable) ? 1 : 0;
}

static char *
make_url (const SettleSmtpSettings *s)
{
  int port = s->port;
  gboolean ipv6 = strchr (s->host, ':') != NULL;

  if (port == 0)
    port = s->security == SETTLE_SMTP_SECURITY_TLS ? 465
           : s->security == SETTLE_SMTP_SECURITY_STARTTLS ? 587 : 25;
  return g_strdup_printf ("%s://%s%s%s:%d", s->security == SETTLE_SMTP_SECURITY_TLS ? "smtps" : "smtp",
                          ipv6 ? "[" : "", s->host, ipv6 ? "]" : "", port);
}

static void
set_send_error (GError                 **error,
                CURLcode                 rc,
                long                     code,
                const SendState         *st,
                const SettleSmtpSettings *s,
                const char              *curl_message)
{
  const char *detail = st->error_reply != NULL ? st->error_reply : curl_message;

  /* The reply that failed, not what came last. */
  if (st->error_reply != NULL)
    code = strtol (st->error_reply, NULL, 10);

  switch (rc)
    {
    case CURLE_ABORTED_BY_CALLBACK:
      if (st->handed_over)
        break;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Sending was cancelled"));
      return;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                   _("SMTP server: “%s” cannot be used: %s"), s->host, curl_message);
      return;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONNECT,
                   _("The mail server %s could not be reached: %s"), s->host, curl_message);
      return;
    case CURLE_LOGIN_DENIED:
      if (code >= 400 && code < 500)
        break;
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_AUTH,
                   _("The mail server %s refused the user name or password: %s"), s->host,
                   detail);
      return;
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_TLS,
                   _("No secure connection to the mail server %s: %s"), s->host, curl_message);
      return;
    default:
      break;
    }

  if (code >= 500 && code < 600)
    g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_PERMANENT,
                 _("The mail server %s refused the email: %s"), s->host, detail);
  else if (code >= 400 && code < 500)
    g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_TRANSIENT,
                 _("The mail server %s asked to try again later: %s"), s->host, detail);
  else if (st->handed_over)
    g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_UNCERTAIN,
                 _("The connection to %s broke after the email was handed over, so it may have "
                   "been delivered: %s"),
                 s->host, curl_message);
  else
    g_set_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONNECT,
                 _("The connection to the mail server %s failed: %s"), s->host, curl_message);
}

static gpointer
init_curl (gpointer data)
{
  curl_global_init (CURL_GLOBAL_DEFAULT);
  return NULL;
}

gboolean
settle_smtp_send (const SettleSmtpSettings *s,
                  const SettleMailMessage  *message,
                  char                    **server_reply,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) recipients = NULL;
  g_autofree char *url = NULL;
  g_autofree char *from = NULL;
  struct curl_slist *rcpt = NULL;
  char curl_message[CURL_ERROR_SIZE] = "";
  SendState st = { 0 };
  CURL *curl;
  CURLcode rc;
  long code = 0;

  g_return_val_if_fail (s != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (!settle_smtp_settings_validate (s, error))
    return FALSE;
  if (s->username != NULL && *s->username != '\0' && s->password == NULL)
    return config_error (error, _("The SMTP password has not been looked up"));
  if ((bytes = settle_mail_message_to_bytes (message, error)) == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_once (&once, init_curl, NULL);
  curl = curl_easy_init ();
  if (curl == NULL)
    return config_error (error, _("The email library could not start"));

  recipients = settle_mail_message_get_recipients (message);
  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_autofree char *r = g_strdup_printf ("<%s>", recipients[i]);
      rcpt = curl_slist_append (rcpt, r);
    }
  url = make_url (s);
  from = g_strdup_printf ("<%s>", s->from_address);
  st.data = g_bytes_get_data (bytes, &st.length);
  st.cancellable = cancellable;

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, curl_message);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) (s->timeout_seconds > 0 ? s->timeout_seconds : 300));
  if (s->security == SETTLE_SMTP_SECURITY_STARTTLS)
    curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  if (s->ca_file != NULL && *s->ca_file != '\0')
    curl_easy_setopt (curl, CURLOPT_CAINFO, s->ca_file);
  if (s->username != NULL && *s->username != '\0')
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, s->username);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, s->password);
    }
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt (curl, CURLOPT_READDATA, &st);
  curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) st.length);
  curl_easy_setopt (curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt (curl, CURLOPT_DEBUGFUNCTION, debug_cb);
  curl_easy_setopt (curl, CURLOPT_DEBUGDATA, &st);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, &st);

  rc = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &code);
  if (*curl_message == '\0')
    g_strlcpy (curl_message, curl_easy_strerror (rc), sizeof curl_message);

  if (rc == CURLE_OK)
    {
      g_debug ("%s accepted %s: %s", s->host, message->message_id, st.data_reply);
      if (server_reply != NULL)
        *server_reply = g_strdup (st.data_reply ? st.data_reply : "250");
    }
  else
    set_send_error (error, rc, code, &st, s, curl_message);

  curl_slist_free_all (rcpt);
  curl_easy_cleanup (curl);
  g_free (st.last_reply);
  g_free (st.data_reply);
  g_free (st.error_reply);
  return rc == CURLE_OK;
}
