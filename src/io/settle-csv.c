/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-csv.h"

G_DEFINE_QUARK (settle-import-error-quark, settle_import_error)

void
settle_csv_record_free (SettleCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->fields);
  g_free (record);
}

static void
end_record (GPtrArray *records,
            GPtrArray *fields,
            guint      line)
{
  SettleCsvRecord *record;

  /* A line with nothing on it is no record. */
  if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }
  g_ptr_array_add (fields, NULL);
  record = g_new0 (SettleCsvRecord, 1);
  record->line = line;
  record->fields = (GStrv) g_ptr_array_steal (fields, NULL);
  g_ptr_array_add (records, record);
}

GPtrArray *
settle_csv_parse (const char *data,
                  gsize       length,
                  const char *name,
                  GError    **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 settle_csv_record_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data, *end = data + length;
  guint line = 1, column = 1, record_line = 1, quote_line = 0;
  gboolean quoted = FALSE, was_quoted = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                   _("%s: the file is not UTF-8 text"), name);
      return NULL;
    }
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      char c = *p++;

      if (quoted)
        {
          if (c == '"' && p < end && *p == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"')
        {
          if (field->len > 0 || was_quoted)
            {
              g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                           _("%s, line %u, column %u: a quote inside a field that does not "
                             "start with one"), name, line, column);
              return NULL;
            }
          quoted = was_quoted = TRUE;
          quote_line = line;
        }
      else if (c == ',')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
          column++;
        }
      else if (c == '\r' && p < end && *p == '\n')
        continue;
      else if (c == '\n' || c == '\r')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          end_record (records, fields, record_line);
          was_quoted = FALSE;
          line++;
          record_line = line;
          column = 1;
        }
      else if (was_quoted)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                       _("%s, line %u, column %u: text after the closing quote of a field"),
                       name, line, column);
          return NULL;
        }
      else
        g_string_append_c (field, c);
    }
  if (quoted)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                   _("%s, line %u, column %u: the quoted field never ends"), name, quote_line,
                   column);
      return NULL;
    }
  if (field->len > 0 || fields->len > 0 || was_quoted)
    {
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      end_record (records, fields, record_line);
    }
  return g_steal_pointer (&records);
}
