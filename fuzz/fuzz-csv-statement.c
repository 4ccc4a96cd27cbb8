/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV bank statements: the first byte picks a profile (or detection), the rest is the
 * file. Whatever the bytes, the parser returns statements or one error, never crashes. */
#include "config.h"

#include "settle-statement-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char *const profiles[] = { NULL, "generic-us", "generic-eu", "gls", "ubs",
                                          "schwab", "mint", "capitalone" };
  g_autoptr(SettleCsvProfile) profile = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *used = NULL;
  gboolean charges = FALSE;
  gsize length = 0;

  if (size == 0)
    return 0;
  if (profiles[data[0] % G_N_ELEMENTS (profiles)] != NULL)
    profile = settle_csv_profile_lookup (profiles[data[0] % G_N_ELEMENTS (profiles)]);
  text = settle_csv_to_utf8 ((const char *) data + 1, size - 1, &length, NULL);
  if (text == NULL)
    return 0;
  result = settle_statement_csv_parse (text, length, "fuzz.csv", profile, &used, &charges, &error);
  g_assert ((result == NULL) != (error == NULL));
  /* The whole front door too: format detection and the same parsers. */
  g_clear_pointer (&result, g_ptr_array_unref);
  g_clear_error (&error);
  result = settle_statement_parse ((const char *) data + 1, size - 1, "fuzz.csv", profile, &error);
  g_assert ((result == NULL) != (error == NULL));
  return 0;
}
