/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-net"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "settle-mail-message.h"
#include "settle-net-error.h"

static void
attachment_free (SettleMailAttachment *a)
{
  if (a == NULL)
    return;
  g_free (a->filename);
  g_free (a->content_type);
  g_clear_pointer (&a->data, g_bytes_unref);
  g_free (a);
}

SettleMailMessage *
settle_mail_message_new (void)
{
  SettleMailMessage *m = g_new0 (SettleMailMessage, 1);

  m->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  return m;
}

void
settle_mail_message_free (SettleMailMessage *m)
{
  if (m == NULL)
    return;
  g_free (m->from_address);
  g_free (m->from_name);
  g_strfreev (m->to);
  g_strfreev (m->cc);
  g_free (m->subject);
  g_free (m->text);
  g_free (m->html);
  g_clear_pointer (&m->date, g_date_time_unref);
  g_free (m->message_id);
  g_clear_pointer (&m->attachments, g_ptr_array_unref);
  g_free (m);
}

void
settle_mail_message_add_attachment (SettleMailMessage *m,
                                    const char        *filename,
                                    const char        *content_type,
                                    GBytes            *data)
{
  SettleMailAttachment *a;

  g_return_if_fail (m != NULL && filename != NULL && content_type != NULL && data != NULL);

  a = g_new0 (SettleMailAttachment, 1);
  a->filename = g_strdup (filename);
  a->content_type = g_strdup (content_type);
  a->data = g_bytes_ref (data);
  g_ptr_array_add (m->attachments, a);
}

GStrv
settle_mail_message_get_recipients (const SettleMailMessage *m)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (m != NULL, NULL);

  if (m->to != NULL)
    g_strv_builder_addv (builder, (const char **) m->to);
  if (m->cc != NULL)
    g_strv_builder_addv (builder, (const char **) m->cc);
  return g_strv_builder_end (builder);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

char *
settle_mail_encode_header_text (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (is_ascii (text))
    return g_strdup (text);

  /* Each word holds at most 39 bytes (52 base64 characters, 64 with the markers, so
   * "Subject: " and the first word fit in 78 columns) and never splits a UTF-8
   * sequence, as RFC 2047 section 5 asks. */
  out = g_string_new (NULL);
  p = text;
  while (*p)
    {
      const char *start = p;
      g_autofree char *b64 = NULL;

      while (*p)
        {
          const char *next = g_utf8_next_char (p);

          if (next - start > 39)
            break;
          p = next;
        }
      b64 = g_base64_encode ((const guchar *) start, p - start);
      if (out->len > 0)
        g_string_append (out, "\r\n ");
      g_string_append_printf (out, "=?UTF-8?B?%s?=", b64);
    }
  return g_string_free (out, FALSE);
}

/* A display name: as it is when it is plain words, quoted when it holds specials,
 * encoded when it is not ASCII. */
static char *
encode_display_name (const char *name)
{
  GString *out;

  if (!is_ascii (name))
    return settle_mail_encode_header_text (name);
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr (" !#$%&'*+-/=?^_`{|}~", *p) == NULL)
      goto quote;
  return g_strdup (name);

quote:
  out = g_string_new ("\"");
  for (const char *p = name; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p != '\r' && *p != '\n')
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
append_address_list (GString     *out,
                     const char  *header,
                     const GStrv  addresses)
{
  g_string_append_printf (out, "%s: ", header);
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ",\r\n ");
      g_string_append (out, addresses[i]);
    }
  g_string_append (out, "\r\n");
}

/* RFC 5322 date-time, in English whatever the locale. */
static char *
format_date (GDateTime *date)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autofree char *rest = g_date_time_format (date, "%Y %H:%M:%S %z");

  return g_strdup_printf ("%s, %02d %s %s", days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1], rest);
}

static void
append_base64 (GString      *out,
               const guchar *data,
               gsize         len)
{
  g_autofree char *b64 = g_base64_encode (data, len);
  gsize n = strlen (b64);

  for (gsize i = 0; i < n; i += 76)
    {
      g_string_append_len (out, b64 + i, MIN (76, n - i));
      g_string_append (out, "\r\n");
    }
}

/* Text with any line ends, as CRLF lines, base64-encoded. */
static void
append_text_part (GString    *out,
                  const char *subtype,
                  const char *text)
{
  g_autoptr(GString) crlf = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          if (p[1] == '\n')
            p++;
          g_string_append (crlf, "\r\n");
        }
      else if (*p == '\n')
        g_string_append (crlf, "\r\n");
      else
        g_string_append_c (crlf, *p);
    }
  g_string_append_printf (out,
                          "Content-Type: text/%s; charset=UTF-8\r\n"
                          "Content-Transfer-Encoding: base64\r\n\r\n",
                          subtype);
  append_base64 (out, (const guchar *) crlf->str, crlf->len);
}

/* A file name for a MIME parameter: ASCII, no quotes or path separators. */
static char *
safe_filename (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) name; *p; p++)
    g_string_append_c (out, (*p < 0x20 || *p >= 0x7f || strchr ("\"\\/", *p)) ? '_' : *p);
  if (out->len == 0)
    g_string_append (out, "attachment");
  return g_string_free (out, FALSE);
}

static char *
make_boundary (const char *what)
{
  g_autofree char *uuid = g_uuid_string_random ();

  /* "=_" cannot occur in base64, the only encoding the parts use. */
  return g_strdup_printf ("=_settle-%s-%s", what, uuid);
}

GBytes *
settle_mail_message_to_bytes (const SettleMailMessage *m,
                              GError                 **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *alternative = NULL;
  gboolean has_html;

  g_return_val_if_fail (m != NULL, NULL);

  if (m->from_address == NULL || *m->from_address == '\0')
    {
      g_set_error_literal (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG,
                           _("Sender: enter the address emails are sent from"));
      return NULL;
    }
  if (m->to == NULL || m->to[0] == NULL)
    {
      g_set_error_literal (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_PERMANENT,
                           _("To: the email has no recipient"));
      return NULL;
    }
  if (m->subject != NULL && strpbrk (m->subject, "\r\n") != NULL)
    {
      g_set_error_literal (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_PERMANENT,
                           _("Subject: the subject must be a single line"));
      return NULL;
    }

  has_html = m->html != NULL && *m->html != '\0';
  now = m->date ? g_date_time_ref (m->date) : g_date_time_new_now_local ();
  date = format_date (now);
  subject = settle_mail_encode_header_text (m->subject ? m->subject : "");

  if (m->from_name != NULL && *m->from_name != '\0')
    {
      g_autofree char *name = encode_display_name (m->from_name);
      g_string_append_printf (out, "From: %s <%s>\r\n", name, m->from_address);
    }
  else
    g_string_append_printf (out, "From: %s\r\n", m->from_address);
  append_address_list (out, "To", m->to);
  if (m->cc != NULL && m->cc[0] != NULL)
    append_address_list (out, "Cc", m->cc);
  g_string_append_printf (out, "Subject: %s\r\n", subject);
  g_string_append_printf (out, "Date: %s\r\n", date);
  if (m->message_id != NULL)
    g_string_append_printf (out, "Message-ID: %s\r\n", m->message_id);
  g_string_append (out, "MIME-Version: 1.0\r\n");

  if (m->attachments->len > 0)
    {
      mixed = make_boundary ("mixed");
      g_string_append_printf (out, "Content-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n\r\n"
                                   "This is a message in MIME format.\r\n\r\n--%s\r\n",
                              mixed, mixed);
    }
  if (has_html)
    {
      alternative = make_boundary ("alt");
      g_string_append_printf (out, "Content-Type: multipart/alternative;\r\n boundary=\"%s\"\r\n\r\n"
                                   "--%s\r\n",
                              alternative, alternative);
      append_text_part (out, "plain", m->text ? m->text : "");
      g_string_append_printf (out, "\r\n--%s\r\n", alternative);
      append_text_part (out, "html", m->html);
      g_string_append_printf (out, "\r\n--%s--\r\n", alternative);
    }
  else
    append_text_part (out, "plain", m->text ? m->text : "");

  if (mixed != NULL)
    {
      for (guint i = 0; i < m->attachments->len; i++)
        {
          const SettleMailAttachment *a = g_ptr_array_index (m->attachments, i);
          g_autofree char *name = safe_filename (a->filename);
          gsize len;
          const guchar *data = g_bytes_get_data (a->data, &len);

          g_string_append_printf (out,
                                  "\r\n--%s\r\n"
                                  "Content-Type: %s;\r\n name=\"%s\"\r\n"
                                  "Content-Disposition: attachment;\r\n filename=\"%s\"\r\n"
                                  "Content-Transfer-Encoding: base64\r\n\r\n",
                                  mixed, a->content_type, name, name);
          append_base64 (out, data, len);
        }
      g_string_append_printf (out, "\r\n--%s--\r\n", mixed);
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
