/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report engine: a table over three pages with its header repeated, a bold
 * totals row, right-aligned amounts, figure cards, a chart callback, the company
 * header and "Page N of 3" footers. */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <string.h>

#include "settle-branding.h"
#include "settle-money.h"
#include "settle-render-test-util.h"
#include "settle-report-pdf.h"

#define assert_contains settle_render_test_assert_contains

#define N_ROWS 80

typedef struct
{
  char       *dir;
  SettleBook *book;
} Fixture;

typedef struct
{
  guint  calls;
  double width;
  double height;
  gboolean destroyed;
} ChartProbe;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *logo = settle_render_test_fixture ("logo.png");
  g_autoptr(SettleBranding) branding = NULL;

  f->dir = g_dir_make_tmp ("settle-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.settle", NULL);
  f->book = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);
  branding = settle_branding_load (f->book, &error);
  g_assert_no_error (error);
  g_free (branding->company_name);
  branding->company_name = g_strdup ("Bluefin Managed IT, LLC");
  g_free (branding->logo_path);
  branding->logo_path = g_strdup (logo);
  settle_branding_save (f->book, branding, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->book);
  settle_render_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
probe_chart (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  data)
{
  ChartProbe *probe = data;

  probe->calls++;
  probe->width = width;
  probe->height = height;
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 0, height / 2, width / 3, height / 2);
  cairo_fill (cr);
}

static void
probe_destroy (gpointer data)
{
  ((ChartProbe *) data)->destroyed = TRUE;
}

static char *
amount (gint64 minor)
{
  return settle_money_format_number (settle_money_init (minor, "USD"));
}

/* Row i owes (i * i * 37 + 100) cents: short and long amounts mixed. */
static gint64
row_amount (guint i)
{
  return (gint64) i * i * 3701 + 100;
}

static GPtrArray *
make_rows (gint64 *total)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  *total = 0;
  for (guint i = 1; i <= N_ROWS; i++)
    {
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup_printf ("Client %03u", i);
      row[1] = g_strdup_printf ("%u", i % 7);
      row[2] = amount (row_amount (i));
      *total += row_amount (i);
      g_ptr_array_add (rows, row);
    }
  {
    char **row = g_new0 (char *, 4);

    row[0] = g_strdup ("Total");
    row[1] = g_strdup ("");
    row[2] = amount (*total);
    g_ptr_array_add (rows, row);
  }
  return rows;
}

/* The column of the last character of needle's first occurrence on a line that
 * also holds key, in pdftotext -layout output. */
static glong
right_edge (const char *text,
            const char *key,
            const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *k = strstr (lines[i], key);
      const char *n = k != NULL ? strstr (k, needle) : NULL;

      if (n != NULL)
        return g_utf8_pointer_to_offset (lines[i], n) + g_utf8_strlen (needle, -1);
    }
  g_error ("no line with “%s” and “%s”", key, needle);
  return -1;
}

static void
test_three_pages (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleReportDocument) doc = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *all = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *small = amount (row_amount (1));
  g_autofree char *large = amount (row_amount (10));
  g_autofree char *first = NULL;
  const char *headers[] = { "Client name", "Open invoices", "Amount owed" };
  const SettleReportAlign align[] = {
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_RIGHT, SETTLE_REPORT_ALIGN_RIGHT,
  };
  const char *labels[] = { "Total receivables", "Overdue", "DSO", "CEI", "Clients" };
  const char *values[] = { "$1,234.50", "$200.00", "42.17 days", "85.23 %", "100" };
  ChartProbe probe = { 0 };
  gint64 total;
  int pages;

  if (!settle_render_test_have_poppler ())
    return;

  rows = make_rows (&total);
  total_text = amount (total);
  doc = settle_report_document_new (f->book, "Receivables aging", "As of 2026-11-23, in USD");
  settle_report_document_add_figures (doc, G_N_ELEMENTS (labels), labels, values);
  settle_report_document_add_paragraph (doc, "Days sales outstanding: what is owed now, "
                                             "divided by the sales of the period, times its days.");
  settle_report_document_add_chart (doc, 120, probe_chart, &probe, probe_destroy);
  settle_report_document_add_heading (doc, "Clients");
  settle_report_document_add_table (doc, G_N_ELEMENTS (headers), headers, align, rows, TRUE);
  settle_report_document_add_heading (doc, "Notes");
  settle_report_document_add_paragraph (doc, "The end of the report.");
  g_assert_true (settle_report_document_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  /* Keep a copy for people to look at. */
  if (g_getenv ("SETTLE_TEST_PDF_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("SETTLE_TEST_PDF_DIR"), "report.pdf",
                                                NULL);

      g_assert_true (settle_report_document_write_pdf (doc, copy, &error));
      g_assert_no_error (error);
      probe.calls--;
    }

  /* The chart was drawn once, across the text column, at its height. */
  g_assert_cmpuint (probe.calls, ==, 1);
  g_assert_cmpfloat_with_epsilon (probe.width, 612.0 - 2 * 44.0, 0.01);
  g_assert_cmpfloat_with_epsilon (probe.height, 120.0, 0.01);

  pages = settle_render_test_pdf_pages (pdf);
  g_assert_cmpint (pages, ==, 3);
  all = settle_render_test_pdf_text (pdf, 0);

  /* Every row once, in order. */
  for (guint i = 1; i <= N_ROWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %03u", i);

      g_assert_cmpuint (settle_render_test_count (all, name), ==, 1);
    }
  g_assert_cmpuint (settle_render_test_count (all, "Client name"), ==, 3);

  for (int page = 1; page <= pages; page++)
    {
      g_autofree char *text = settle_render_test_pdf_text (pdf, page);
      g_autofree char *footer = g_strdup_printf ("Page %d of 3", page);

      /* The header repeated on each page the table is on, the footer on every page. */
      assert_contains (text, "Client name");
      assert_contains (text, "Amount owed");
      assert_contains (text, footer);
      assert_contains (text, "Bluefin Managed IT, LLC");
      if (page == 1)
        {
          assert_contains (text, "Receivables aging");
          assert_contains (text, "As of 2026-11-23, in USD");
          assert_contains (text, "Total receivables");
          assert_contains (text, "42.17 days");
          assert_contains (text, "Client 001");
          g_assert_null (strstr (text, "(continued)"));
        }
      else
        assert_contains (text, "Receivables aging (continued)");
      if (page == 3)
        {
          assert_contains (text, "Total");
          assert_contains (text, total_text);
          assert_contains (text, "Client 080");
          assert_contains (text, "The end of the report.");
        }
      else
        g_assert_null (strstr (text, total_text));
    }

  /* Money is right-aligned: a short and a long amount on the first page end in the
   * same column. */
  first = settle_render_test_pdf_text (pdf, 1);
  g_assert_cmpint (strlen (small), <, strlen (large));
  g_assert_cmpint (right_edge (first, "Client 001", small), ==,
                   right_edge (first, "Client 010", large));
  /* The logo is on the first page. */
  g_assert_cmpuint (settle_render_test_pdf_images (pdf), >=, 1);

  g_clear_pointer (&doc, settle_report_document_free);
  g_assert_true (probe.destroyed);
}

static void
test_no_book (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleReportDocument) doc = settle_report_document_new (NULL, "Empty", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "missing", "empty.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { "A", "B" };

  if (!settle_render_test_have_poppler ())
    return;

  /* An empty table is its header alone; nothing else is needed for a page. */
  settle_report_document_add_table (doc, 2, headers, NULL, rows, TRUE);
  g_assert_true (settle_report_document_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settle_render_test_pdf_pages (pdf), ==, 1);
  text = settle_render_test_pdf_text (pdf, 1);
  assert_contains (text, "Empty");
  assert_contains (text, "Page 1 of 1");

  /* A folder that does not exist: an error naming the file, no file. */
  g_assert_false (settle_report_document_write_pdf (doc, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "empty.pdf"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/render/report/three-pages", test_three_pages);
  ADD ("/render/report/no-book", test_no_book);
#undef ADD

  return g_test_run ();
}
