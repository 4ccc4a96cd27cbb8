/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <csv.h>
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

/* libcsv reports fields and record ends, not where they are: we feed it one physical
 * line at a time, so the line being fed is known when a callback fires. */
typedef struct
{
  GPtrArray *records;
  GPtrArray *fields;
  guint      line;          /* the physical line being fed */
  guint      record_line;   /* where the record in progress started */
  guint      field_line;    /* where the field in progress started */
  gboolean   between;       /* no record in progress */
} ParseState;

static void
on_field (void  *data,
          size_t length,
          void  *user_data)
{
  ParseState *s = user_data;

  g_ptr_array_add (s->fields, g_strndup (data != NULL ? data : "", length));
  s->field_line = s->line;
}

static void
on_record (int   terminator,
           void *user_data)
{
  ParseState *s = user_data;
  SettleCsvRecord *record;

  s->between = TRUE;
  /* A line with nothing on it is no record. */
  if (s->fields->len == 0
      || (s->fields->len == 1 && *(char *) g_ptr_array_index (s->fields, 0) == '\0'))
    {
      g_ptr_array_set_size (s->fields, 0);
      return;
    }
  g_ptr_array_add (s->fields, NULL);
  record = g_new0 (SettleCsvRecord, 1);
  record->line = s->record_line;
  record->fields = (GStrv) g_ptr_array_steal (s->fields, NULL);
  g_ptr_array_add (s->records, record);
}

static int
no_space (unsigned char c)
{
  return 0;
}

static void
set_syntax_error (GError    **error,
                  const char *name,
                  guint       line,
                  guint       column,
                  char        offending)
{
  if (offending == '"')
    g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                 _("%s, line %u, column %u: a quote inside a field that does not "
                   "start with one"), name, line, column);
  else
    g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                 _("%s, line %u, column %u: text after the closing quote of a field"),
                 name, line, column);
}

GPtrArray *
settle_csv_parse_delimited (const char *data,
                            gsize       length,
                            char        delimiter,
                            const char *name,
                            GError    **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 settle_csv_record_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  struct csv_parser parser;
  ParseState s = { records, fields, 1, 1, 1, TRUE };
  const char *p = data, *end = data + length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                   _("%s: the file is not UTF-8 text"), name);
      return NULL;
    }
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("csv_init failed: out of memory");
  csv_set_delim (&parser, (unsigned char) delimiter);
  csv_set_space_func (&parser, no_space);

  while (p < end)
    {
      const char *eol = p;
      gsize fed;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol += 2;
      else if (eol < end)
        eol++;

      if (s.between && !(eol - p == 1 || (eol - p == 2 && *p == '\r')))
        {
          s.between = FALSE;
          s.record_line = s.line;
          s.field_line = s.line;
        }
      fed = csv_parse (&parser, p, eol - p, on_field, on_record, &s);
      if (fed != (gsize) (eol - p))
        {
          set_syntax_error (error, name, s.line, s.fields->len + 1, p[fed]);
          csv_free (&parser);
          return NULL;
        }
      s.line++;
      p = eol;
    }
  if (csv_fini (&parser, on_field, on_record, &s) != 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                   _("%s, line %u, column %u: the quoted field never ends"), name,
                   s.fields->len == 0 ? s.record_line : s.field_line, s.fields->len + 1);
      csv_free (&parser);
      return NULL;
    }
  csv_free (&parser);
  return g_steal_pointer (&records);
}

GPtrArray *
settle_csv_parse (const char *data,
                  gsize       length,
                  const char *name,
                  GError    **error)
{
  return settle_csv_parse_delimited (data, length, ',', name, error);
}

char *
settle_csv_to_utf8 (const char  *data,
                    gsize        length,
                    gsize       *out_length,
                    const char **encoding)
{
  const char *enc = "UTF-8";
  char *text = NULL;
  gsize written = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      text = g_convert (data + 2, length - 2, "UTF-8",
                        data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE", NULL, &written, NULL);
      enc = "UTF-16";
    }
  if (text == NULL && g_utf8_validate (data, length, NULL))
    {
      text = g_strndup (data, length);
      written = length;
      enc = "UTF-8";
    }
  if (text == NULL)
    {
      text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
      enc = "Windows-1252";
    }
  if (text == NULL)
    {
      /* The five bytes Windows-1252 leaves undefined: read the whole file as Latin-1. */
      text = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, &written, NULL);
      enc = "ISO-8859-1";
    }
  if (text != NULL && memchr (text, '\0', written) != NULL)
    written = strlen (text);
  if (out_length != NULL)
    *out_length = written;
  if (encoding != NULL)
    *encoding = enc;
  return text;
}

char
settle_csv_detect_delimiter (const char *data,
                             gsize       length)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  guint counts[8][G_N_ELEMENTS (candidates)] = { { 0 } };
  guint n_lines = 0, best = 0;
  gboolean quoted = FALSE;
  gint64 best_score = -1;
  gsize i;

  for (i = 0; i < length && n_lines < G_N_ELEMENTS (counts); i++)
    {
      char c = data[i];
      guint k;

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          gboolean any = FALSE;

          for (k = 0; k < G_N_ELEMENTS (candidates); k++)
            any = any || counts[n_lines][k] > 0;
          if (any)
            n_lines++;
          else
            memset (counts[n_lines], 0, sizeof counts[n_lines]);
        }
      else if (!quoted)
        for (k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[n_lines][k]++;
    }
  if (n_lines < G_N_ELEMENTS (counts))
    n_lines++;

  /* Score: lines that agree with the last line's count (preamble rows come first and
   * differ), times the number of fields that makes. */
  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint ref = counts[n_lines - 1][k], agree = 0;
      gint64 score;

      if (n_lines > 1 && ref == 0)
        ref = counts[n_lines - 2][k];
      if (ref == 0)
        continue;
      for (guint l = 0; l < n_lines; l++)
        if (counts[l][k] == ref)
          agree++;
      score = (gint64) agree * 1000 + ref;
      if (score > best_score)
        {
          best_score = score;
          best = k;
        }
    }
  return candidates[best];
}
