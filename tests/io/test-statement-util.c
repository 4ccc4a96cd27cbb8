/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "test-statement-util.h"

char *
test_statement_fixture (const char *folder, const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "statements", folder, name, NULL);
}

GPtrArray *
test_statement_parse_fixture (const char *folder, const char *name, const char *profile_name,
                              SettleImportKind *kind, char **format, char **profile_used,
                              GError **error)
{
  g_autofree char *path = test_statement_fixture (folder, name);
  g_autofree char *data = NULL;
  g_autoptr(SettleCsvProfile) profile = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  if (profile_name != NULL)
    {
      profile = settle_csv_profile_lookup (profile_name);
      g_assert_nonnull (profile);
    }
  return settle_statement_parse_full (data, length, name, profile, kind, format, profile_used,
                                      error);
}

GPtrArray *
test_statement_parse_text (const char *text, gssize length, const char *name,
                           const char *profile_name, GError **error)
{
  g_autoptr(SettleCsvProfile) profile = NULL;

  if (profile_name != NULL)
    {
      profile = settle_csv_profile_lookup (profile_name);
      g_assert_nonnull (profile);
    }
  return settle_statement_parse (text, length < 0 ? strlen (text) : (gsize) length, name,
                                 profile, error);
}

gint64
test_statement_sum (const SettleBankStatement *statement)
{
  gint64 sum = 0;

  for (guint i = 0; i < statement->lines->len; i++)
    sum += ((SettleBankLine *) g_ptr_array_index (statement->lines, i))->amount;
  return sum;
}

guint
test_statement_n_lines (GPtrArray *statements)
{
  guint n = 0;

  for (guint i = 0; i < statements->len; i++)
    n += ((SettleBankStatement *) g_ptr_array_index (statements, i))->lines->len;
  return n;
}

void
test_statement_assert_error (const GError *error, int code, const char *prefix, ...)
{
  va_list args;
  const char *word;

  g_assert_nonnull (error);
  if (error->domain != SETTLE_IMPORT_ERROR || error->code != code)
    g_error ("expected import error %d, got %s %d: %s", code,
             g_quark_to_string (error->domain), error->code, error->message);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  va_start (args, prefix);
  while ((word = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, word) == NULL)
      g_error ("“%s” does not say “%s”", error->message, word);
  va_end (args);
}

GDate
test_statement_date (const char *iso)
{
  GDate date;

  g_assert_true (settle_date_parse (iso, &date));
  return date;
}
