/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "settle-money.h"
#include <glib/gstdio.h>

#include "settle-render-test-util.h"

gboolean
settle_render_test_have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdfimages = g_find_program_in_path ("pdfimages");

  if (pdftotext != NULL && pdfinfo != NULL && pdfimages != NULL)
    return TRUE;
  /* Under CI a missing tool is a broken runner, not a reason to pass. */
  if (g_getenv ("CI") != NULL)
    g_error ("pdftotext, pdfinfo and pdfimages (poppler-utils) are needed under CI");
  g_test_skip ("poppler-utils is not installed");
  return FALSE;
}

char *
settle_render_test_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  if (error != NULL)
    g_printerr ("%s: %s\n", argv[0], err);
  g_assert_no_error (error);
  return out;
}

char *
settle_render_test_pdf_text (const char *pdf,
                             int         page)
{
  g_autofree char *n = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  const char *one[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", n, "-l", n, pdf, "-", NULL };

  return settle_render_test_run (page > 0 ? one : all);
}

int
settle_render_test_pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = settle_render_test_run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("\nPages:"));
}

guint
settle_render_test_pdf_images (const char *pdf)
{
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  g_autofree char *list = settle_render_test_run (argv);
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  guint n = 0;

  /* Two header lines ("page num type…" and a rule of dashes), then one per image. */
  for (guint i = 2; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      n++;
  return n;
}

guint
settle_render_test_count (const char *haystack,
                          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

void
settle_render_test_assert_contains (const char *text,
                                    const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is missing from the PDF text:\n%s", needle, text);
}

char *
settle_render_test_money (gint64      amount,
                          const char *currency)
{
  return settle_money_format (settle_money_init (amount, currency));
}

char *
settle_render_test_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

void
settle_render_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        settle_render_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
