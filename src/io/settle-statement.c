/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-statement-private.h"

static const char *
find_ci (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (g_ascii_strncasecmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

static gboolean
looks_binary (const char *data, gsize length)
{
  gsize n = MIN (length, 8192), control = 0;

  if (n >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    return FALSE;   /* UTF-16 text */
  for (gsize i = 0; i < n; i++)
    {
      unsigned char c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        control++;
    }
  return control * 20 > n;
}

GPtrArray *
settle_statement_parse_full (const char             *data,
                             gsize                   length,
                             const char             *file_name,
                             const SettleCsvProfile *profile,
                             SettleImportKind       *kind,
                             char                  **format,
                             char                  **profile_used,
                             GError                **error)
{
  const char *head = data, *end = data + length;
  gsize head_length;
  GPtrArray *result;
  g_autofree char *used = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  if (kind != NULL)
    *kind = SETTLE_IMPORT_KIND_STATEMENT;
  if (format != NULL)
    *format = NULL;
  if (profile_used != NULL)
    *profile_used = NULL;

  if (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    head += 3;
  while (head < end && g_ascii_isspace (*head))
    head++;
  if (head == end)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                   _("%s: the file is empty"), file_name);
      return NULL;
    }
  if (looks_binary (data, length))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                   _("%s: this is a binary file, not a bank statement (expected CSV, OFX or "
                     "CAMT.053 text)"), file_name);
      return NULL;
    }
  head_length = MIN ((gsize) (end - head), 4096);

  if (g_ascii_strncasecmp (head, "OFXHEADER", 9) == 0 || find_ci (head, head_length, "<?OFX")
      || find_ci (head, head_length, "<OFX>"))
    {
      if (format != NULL)
        *format = g_strdup ("ofx");
      return settle_ofx_parse (data, length, file_name, error);
    }
  if (*head == '<')
    {
      if (find_ci (head, head_length, "camt.053") == NULL)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                       find_ci (head, head_length, "camt.05") != NULL
                       ? _("%s: a CAMT file, but not camt.053 (a bank-to-customer statement); "
                           "ask the bank for camt.053")
                       : _("%s: an XML file that is neither OFX nor a CAMT.053 statement"),
                       file_name);
          return NULL;
        }
      if (format != NULL)
        *format = g_strdup ("camt053");
      return settle_camt_parse (data, length, file_name, error);
    }

  {
    gsize text_length = 0;
    g_autofree char *text = settle_csv_to_utf8 (data, length, &text_length, NULL);
    gboolean is_charges = FALSE;

    if (text == NULL)
      {
        g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                     _("%s: the text encoding cannot be read"), file_name);
        return NULL;
      }
    result = settle_statement_csv_parse (text, text_length, file_name, profile, &used,
                                         &is_charges, error);
    if (result == NULL)
      return NULL;
    if (kind != NULL)
      *kind = is_charges ? SETTLE_IMPORT_KIND_CHARGES : SETTLE_IMPORT_KIND_STATEMENT;
    if (format != NULL)
      *format = g_strdup (is_charges ? "stripe-csv" : "csv");
    if (profile_used != NULL)
      *profile_used = g_steal_pointer (&used);
    return result;
  }
}

GPtrArray *
settle_statement_parse (const char             *data,
                        gsize                   length,
                        const char             *file_name,
                        const SettleCsvProfile *profile,
                        GError                **error)
{
  return settle_statement_parse_full (data, length, file_name, profile, NULL, NULL, NULL, error);
}
