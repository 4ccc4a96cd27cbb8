/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times settle_import_file of a generated 10,000-line bank CSV (parse + store into a
 * new book), the parse alone, and a re-import where every line is a duplicate.
 *   bench-import [LINES] [RUNS]
 * The CSV is the same every time: a fixed linear congruential sequence. */
#define G_LOG_DOMAIN "settle-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settle-bank.h"
#include "settle-import.h"

static char *
make_csv (guint n)
{
  GString *csv = g_string_new ("Date,Description,Payer,Reference,Amount\n");
  guint32 s = 42;

  for (guint i = 1; i <= n; i++)
    {
      guint month, day, cents;

      s = s * 1103515245u + 12345u;
      month = 1 + (i * 11) / (n + 1);
      day = 1 + (s >> 8) % 28;
      cents = 100 + (s >> 4) % 900000;
      if ((s >> 12) % 10 == 0)
        g_string_append_printf (csv, "2026-%02u-%02u,Transfer out %u,,,-%u.%02u\n", month, day,
                                i, cents / 100, cents % 100);
      else
        g_string_append_printf (csv, "2026-%02u-%02u,\"Payment INV-%05u, thank you\",Client %u,"
                                "INV-%05u,\"%u,%03u.%02u\"\n", month, day, i, (s >> 16) % 2000,
                                i, cents / 100000, (cents / 100) % 1000, cents % 100);
    }
  return g_string_free (csv, FALSE);
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("settle-bench-import-XXXXXX", &error);
  g_autofree char *csv = make_csv (n);
  g_autofree char *csv_path = g_build_filename (dir, "statement.csv", NULL);
  g_autofree double *parse = g_new0 (double, runs);
  g_autofree double *import = g_new0 (double, runs);
  g_autofree double *again = g_new0 (double, runs);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (csv_path, csv, -1, &error));
  printf ("bench-import: %u lines, %zu bytes of CSV, %u runs\n", n, strlen (csv), runs);

  for (guint r = 0; r < runs; r++)
    {
      g_autofree char *book_path = g_strdup_printf ("%s/book-%u.settle", dir, r);
      g_autoptr(SettleBook) book = settle_book_open (book_path, SETTLE_BOOK_OPEN_CREATE, &error);
      g_autoptr(GPtrArray) statements = NULL;
      SettleImportResult result = { 0 }, dup = { 0 };
      gint64 t0, t1, t2, t3;

      g_assert_no_error (error);
      t0 = g_get_monotonic_time ();
      statements = settle_statement_parse (csv, strlen (csv), "statement.csv", NULL, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      if (!settle_import_file (book, csv_path, NULL, 0, &result, NULL, NULL, &error))
        g_error ("import: %s", error->message);
      t2 = g_get_monotonic_time ();
      if (!settle_import_file (book, csv_path, NULL, 0, &dup, NULL, NULL, &error))
        g_error ("re-import: %s", error->message);
      t3 = g_get_monotonic_time ();
      g_assert_cmpuint (result.imported, ==, n);
      g_assert_cmpuint (dup.duplicates, ==, n);
      parse[r] = (t1 - t0) / 1e6;
      import[r] = (t2 - t1) / 1e6;
      again[r] = (t3 - t2) / 1e6;
      printf ("run %u: parse %.3f s, import (parse + store) %.3f s, re-import (all duplicates) "
              "%.3f s\n", r + 1, parse[r], import[r], again[r]);
      settle_import_result_clear (&result);
      settle_import_result_clear (&dup);
      g_clear_object (&book);
      g_unlink (book_path);
      for (const char *const *suffix = (const char *const[]) { "-wal", "-shm", NULL }; *suffix; suffix++)
        {
          g_autofree char *side = g_strconcat (book_path, *suffix, NULL);

          g_unlink (side);
        }
    }
  qsort (parse, runs, sizeof (double), compare_double);
  qsort (import, runs, sizeof (double), compare_double);
  qsort (again, runs, sizeof (double), compare_double);
  printf ("median: parse %.3f s, import %.3f s (target <= 0.5 s), re-import %.3f s\n",
          parse[runs / 2], import[runs / 2], again[runs / 2]);
  g_unlink (csv_path);
  g_rmdir (dir);
  return import[runs / 2] <= 0.5 ? 0 : 1;
}
