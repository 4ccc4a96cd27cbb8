/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <glib/gstdio.h>
#include <string.h>

#include "settle-fake-smtp.h"
#include "settle-mail-message.h"
#include "settle-net-error.h"
#include "settle-test-util.h"

static const char subject_utf8[] =
  "Facture n° INV-2026-000042 — réglée avant le 15 décembre, merci beaucoup ! 😀";

static SettleMailMessage *
sample_message (void)
{
  SettleMailMessage *m = settle_mail_message_new ();
  const char *to[] = { "ap@northwind.example", "owner@northwind.example", NULL };
  const char *cc[] = { "books@example.com", NULL };
  static const guchar pdf[] = "%PDF-1.5\n\x01\x02\xff binary \r\n bytes\n%%EOF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (pdf, sizeof pdf - 1);

  m->from_address = g_strdup ("billing@example.com");
  m->from_name = g_strdup ("Example MSP, Inc.");
  m->to = g_strdupv ((char **) to);
  m->cc = g_strdupv ((char **) cc);
  m->subject = g_strdup (subject_utf8);
  m->text = g_strdup ("Hello,\n\nYour invoice INV-2026-000042 is attached.\nTotal: $1,250.00\n");
  m->html = g_strdup ("<p>Hello,</p><p>Your invoice <b>INV-2026-000042</b> is attached.</p>");
  m->message_id = g_strdup ("<job-0123456789abcdef@settle.invalid>");
  m->date = g_date_time_new_from_iso8601 ("2026-11-23T09:05:07+01:00", NULL);
  settle_mail_message_add_attachment (m, "Invoice INV-2026-000042.pdf", "application/pdf", bytes);
  return m;
}

static JsonObject *
parse (GBytes     *bytes,
       const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "message.eml", NULL);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return settle_fake_smtp_dump_file (path, dir);
}

static void
test_wire_format (void)
{
  g_autoptr(SettleMailMessage) m = sample_message ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = settle_mail_message_to_bytes (m, &error);
  gsize len;
  const char *data;
  const char *line;
  gboolean in_headers = TRUE;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);

  /* 7-bit, CRLF only, lines well under the 998 limit. */
  line = data;
  for (gsize i = 0; i < len; i++)
    {
      g_assert_cmpint ((guchar) data[i], <, 0x80);
      if (data[i] == '\n')
        {
          g_assert_true (i > 0 && data[i - 1] == '\r');
          g_assert_cmpint (data + i - line, <=, 78);
          if (data + i - line == 1)
            in_headers = FALSE;
          line = data + i + 1;
        }
      else if (data[i] == '\r')
        g_assert_true (i + 1 < len && data[i + 1] == '\n');
    }
  g_assert_false (in_headers);

  g_assert_nonnull (strstr (data, "\r\nDate: Mon, 23 Nov 2026 09:05:07 +0100\r\n"));
  g_assert_nonnull (strstr (data, "\r\nMessage-ID: <job-0123456789abcdef@settle.invalid>\r\n"));
  g_assert_nonnull (strstr (data, "\r\nMIME-Version: 1.0\r\n"));
  g_assert_true (g_str_has_prefix (data, "From: \"Example MSP, Inc.\" <billing@example.com>\r\n"));
  g_assert_nonnull (strstr (data, "Subject: =?UTF-8?B?"));
}

static void
test_parsed (void)
{
  g_autoptr(SettleMailMessage) m = sample_message ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = settle_mail_message_to_bytes (m, &error);
  g_autofree char *dir = g_dir_make_tmp ("settle-mail-XXXXXX", NULL);
  g_autoptr(JsonObject) parsed = NULL;
  JsonArray *attachments;
  JsonObject *pdf;
  g_autofree char *saved = NULL;
  gsize saved_len = 0;

  g_assert_no_error (error);
  parsed = parse (bytes, dir);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parsed, "defects")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (parsed, "subject"), ==, subject_utf8);
  g_assert_cmpstr (json_object_get_string_member (parsed, "from"), ==,
                   "\"Example MSP, Inc.\" <billing@example.com>");
  g_assert_cmpstr (json_object_get_string_member (parsed, "to"), ==,
                   "ap@northwind.example, owner@northwind.example");
  g_assert_cmpstr (json_object_get_string_member (parsed, "cc"), ==, "books@example.com");
  g_assert_cmpstr (json_object_get_string_member (parsed, "content_type"), ==, "multipart/mixed");
  g_assert_cmpstr (json_object_get_string_member (parsed, "text"), ==,
                   "Hello,\r\n\r\nYour invoice INV-2026-000042 is attached.\r\nTotal: $1,250.00\r\n");
  g_assert_nonnull (strstr (json_object_get_string_member (parsed, "html"), "<b>INV-2026-000042</b>"));

  attachments = json_object_get_array_member (parsed, "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
  pdf = json_array_get_object_element (attachments, 0);
  g_assert_cmpstr (json_object_get_string_member (pdf, "filename"), ==, "Invoice INV-2026-000042.pdf");
  g_assert_cmpstr (json_object_get_string_member (pdf, "content_type"), ==, "application/pdf");
  g_file_get_contents (json_object_get_string_member (pdf, "path"), &saved, &saved_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (saved, saved_len, g_bytes_get_data (((SettleMailAttachment *) m->attachments->pdata[0])->data, NULL),
                   g_bytes_get_size (((SettleMailAttachment *) m->attachments->pdata[0])->data));
  settle_test_remove_dir (dir);
}

/* Text only: no multipart at all. */
static void
test_text_only (void)
{
  g_autoptr(SettleMailMessage) m = settle_mail_message_new ();
  const char *to[] = { "a@example.com", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("settle-mail-XXXXXX", NULL);
  g_autoptr(JsonObject) parsed = NULL;

  m->from_address = g_strdup ("billing@example.com");
  m->from_name = g_strdup ("Zoë Müller");
  m->to = g_strdupv ((char **) to);
  m->subject = g_strdup ("Statement");
  m->text = g_strdup ("Dear client,\rold Mac line ends\r\nand Windows ones.");
  bytes = settle_mail_message_to_bytes (m, &error);
  g_assert_no_error (error);
  parsed = parse (bytes, dir);
  g_assert_cmpstr (json_object_get_string_member (parsed, "content_type"), ==, "text/plain");
  g_assert_cmpstr (json_object_get_string_member (parsed, "from"), ==,
                   "Zoë Müller <billing@example.com>");
  g_assert_cmpstr (json_object_get_string_member (parsed, "text"), ==,
                   "Dear client,\r\nold Mac line ends\r\nand Windows ones.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parsed, "defects")), ==, 0);
  settle_test_remove_dir (dir);
}

static void
test_encoded_words (void)
{
  g_autofree char *ascii = settle_mail_encode_header_text ("Invoice INV-1");
  g_autofree char *encoded = settle_mail_encode_header_text (subject_utf8);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) decoded = g_string_new (NULL);

  g_assert_cmpstr (ascii, ==, "Invoice INV-1");
  words = g_strsplit (encoded, "\r\n ", -1);
  g_assert_cmpuint (g_strv_length (words), >, 1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len;
      g_autofree guchar *raw = NULL;
      g_autofree char *b64 = NULL;

      g_assert_cmpuint (strlen (words[i]), <=, 75);
      g_assert_true (g_str_has_prefix (words[i], "=?UTF-8?B?"));
      g_assert_true (g_str_has_suffix (words[i], "?="));
      b64 = g_strndup (words[i] + 10, strlen (words[i]) - 12);
      raw = g_base64_decode (b64, &len);
      /* Every word is valid UTF-8 on its own. */
      g_assert_true (g_utf8_validate ((const char *) raw, len, NULL));
      g_string_append_len (decoded, (const char *) raw, len);
    }
  g_assert_cmpstr (decoded->str, ==, subject_utf8);
}

static void
test_errors (void)
{
  g_autoptr(SettleMailMessage) m = sample_message ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_clear_pointer (&m->from_address, g_free);
  bytes = settle_mail_message_to_bytes (m, &error);
  g_assert_null (bytes);
  g_assert_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_CONFIG);
  g_clear_error (&error);

  m->from_address = g_strdup ("billing@example.com");
  g_free (m->subject);
  m->subject = g_strdup ("Hi\r\nBcc: all@example.com");
  bytes = settle_mail_message_to_bytes (m, &error);
  g_assert_null (bytes);
  g_assert_error (error, SETTLE_NET_ERROR, SETTLE_NET_ERROR_PERMANENT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mail-message/wire-format", test_wire_format);
  g_test_add_func ("/mail-message/parsed", test_parsed);
  g_test_add_func ("/mail-message/text-only", test_text_only);
  g_test_add_func ("/mail-message/encoded-words", test_encoded_words);
  g_test_add_func ("/mail-message/errors", test_errors);
  return g_test_run ();
}
