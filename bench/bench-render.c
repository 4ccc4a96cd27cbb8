/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the render layer: one-page branded invoice PDFs written as separate files,
 * a 500-line invoice, and a statement of account on a demo book.
 * Usage: bench-render [LOGO.png|svg] [N-FILES] */
#define G_LOG_DOMAIN "settle-bench"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "settle-book.h"
#include "settle-branding.h"
#include "settle-client.h"
#include "settle-demo.h"
#include "settle-invoice-pdf.h"
#include "settle-invoice.h"
#include "settle-statement-pdf.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* This thread's CPU time: what the work costs on a core of its own, whatever else
 * the machine is doing. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static SettleId
issue (SettleBook    *book,
       SettleInvoice *draft)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  settle_date_parse ("2026-11-02", &d);
  settle_invoice_save_draft (book, draft, &error);
  g_assert_no_error (error);
  settle_invoice_issue (book, draft->id, &d, &error);
  g_assert_no_error (error);
  return draft->id;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleBook) demo = NULL;
  g_autoptr(SettleBranding) branding = settle_branding_new ();
  g_autoptr(SettleClient) client = settle_client_new ();
  g_autoptr(SettleInvoice) small = NULL;
  g_autoptr(SettleInvoice) big = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *demo_path = NULL;
  const char *logo = argc > 1 ? argv[1] : "";
  int n_files = argc > 2 ? atoi (argv[2]) : 600;
  SettleId small_id, big_id;
  SettleDemoOptions options;
  double start, cpu_start, wall, cpu;

  dir = g_dir_make_tmp ("settle-bench-render-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.settle", NULL);
  book = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);

  g_free (branding->company_name);
  branding->company_name = g_strdup ("Bluefin Managed IT, LLC");
  g_free (branding->address);
  branding->address = g_strdup ("410 Harbor Blvd, Suite 200\nPortland, OR 97201");
  g_free (branding->logo_path);
  branding->logo_path = g_strdup (logo);
  g_free (branding->remit_to);
  branding->remit_to = g_strdup ("PO Box 4471\nPortland, OR 97208");
  g_free (branding->payment_instructions);
  branding->payment_instructions = g_strdup ("ACH: Cascade Bank, routing 123000848");
  settle_branding_save (book, branding, &error);
  g_assert_no_error (error);

  g_free (client->name);
  client->name = g_strdup ("Northwind Dental Group");
  g_free (client->address);
  client->address = g_strdup ("1200 Alder Street\nSeattle, WA 98101");
  settle_client_save (book, client, &error);
  g_assert_no_error (error);

  small = settle_invoice_new (client->id, "USD");
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *d = g_strdup_printf ("Managed endpoint bundle, site %d", i + 1);

      settle_invoice_add_line (small, d, 1000 * (i + 1), 4500 + 100 * i, i % 2 ? 825 : 0);
    }
  g_free (small->pay_link);
  small->pay_link = g_strdup ("https://pay.example.com/i/INV-000001?t=3f9a2c7d1e");
  small_id = issue (book, small);

  /* Each file from scratch, as a batch export does: load, lay out, write, fsync. */
  start = now_ms ();
  cpu_start = cpu_ms ();
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(SettleInvoiceDocument) doc = settle_invoice_document_new (book, small_id, &error);
      g_autofree char *out = g_strdup_printf ("%s/invoice-%04d.pdf", dir, i);

      g_assert_no_error (error);
      settle_invoice_document_write_pdf (doc, out, &error);
      g_assert_no_error (error);
    }
  wall = now_ms () - start;
  cpu = cpu_ms () - cpu_start;
  printf ("one-page invoice PDFs (%s logo, QR): %d files in %.0f ms wall, %.0f ms CPU: "
          "%.0f files/s wall, %.0f files/s CPU\n",
          *logo ? logo : "no", n_files, wall, cpu, n_files / (wall / 1000.0),
          n_files / (cpu / 1000.0));

  /* Where the time goes: loading, laying out and drawing into a PDF stream that
   * goes nowhere (no file, no fsync). */
  {
    double load = 0, draw = 0;

    for (int i = 0; i < n_files; i++)
      {
        g_autoptr(SettleInvoiceDocument) doc = NULL;
        cairo_surface_t *surface;
        cairo_t *cr;
        double t0 = cpu_ms (), t1;

        doc = settle_invoice_document_new (book, small_id, &error);
        g_assert_no_error (error);
        t1 = cpu_ms ();
        surface = cairo_pdf_surface_create_for_stream (discard, NULL, SETTLE_PAGE_LETTER_WIDTH,
                                                       SETTLE_PAGE_LETTER_HEIGHT);
        cr = cairo_create (surface);
        settle_invoice_document_get_n_pages (doc, cr, SETTLE_PAGE_LETTER_WIDTH,
                                             SETTLE_PAGE_LETTER_HEIGHT);
        settle_invoice_document_draw_page (doc, cr, 0, SETTLE_PAGE_LETTER_WIDTH,
                                           SETTLE_PAGE_LETTER_HEIGHT);
        cairo_destroy (cr);
        cairo_surface_finish (surface);
        cairo_surface_destroy (surface);
        load += t1 - t0;
        draw += cpu_ms () - t1;
      }
    printf ("  CPU per file: load %.2f ms, lay out + draw + PDF encoding %.2f ms "
            "(%.0f files/s of CPU without the file and its fsync)\n",
            load / n_files, draw / n_files, n_files / ((load + draw) / 1000.0));
  }

  big = settle_invoice_new (client->id, "USD");
  for (int i = 1; i <= 500; i++)
    {
      g_autofree char *d = g_strdup_printf ("Usage line %04d, storage GB-month", i);

      settle_invoice_add_line (big, d, 1000, 1000 + i, i % 2 ? 825 : 0);
    }
  big_id = issue (book, big);
  start = now_ms ();
  {
    g_autoptr(SettleInvoiceDocument) doc = settle_invoice_document_new (book, big_id, &error);
    g_autofree char *out = g_build_filename (dir, "big.pdf", NULL);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);
    int pages;

    g_assert_no_error (error);
    settle_invoice_document_write_pdf (doc, out, &error);
    g_assert_no_error (error);
    pages = settle_invoice_document_get_n_pages (doc, cr, SETTLE_PAGE_LETTER_WIDTH,
                                                 SETTLE_PAGE_LETTER_HEIGHT);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    printf ("500-line invoice: %d pages in %.0f ms\n", pages, now_ms () - start);
  }

  demo_path = g_build_filename (dir, "demo.settle", NULL);
  demo = settle_book_open (demo_path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);
  settle_demo_options_init (&options);
  options.n_clients = 20;
  options.n_invoices = 4000;
  settle_date_parse ("2026-11-23", &options.today);
  settle_demo_generate (demo, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    GDate to = options.today;
    g_autoptr(SettleStatementDocument) doc = NULL;
    g_autofree char *out = g_build_filename (dir, "statement.pdf", NULL);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);
    double load_ms;

    start = now_ms ();
    doc = settle_statement_document_new (demo, 1, NULL, &to, &error);
    g_assert_no_error (error);
    load_ms = now_ms () - start;
    settle_statement_document_write_pdf (doc, out, &error);
    g_assert_no_error (error);
    printf ("statement, whole history of client 1 of a 4,000-invoice demo book: %u entries, "
            "%d pages, %.1f ms to load, %.0f ms in all\n",
            settle_statement_document_get_statement (doc)->lines->len,
            settle_statement_document_get_n_pages (doc, cr, SETTLE_PAGE_LETTER_WIDTH,
                                                   SETTLE_PAGE_LETTER_HEIGHT),
            load_ms, now_ms () - start);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  g_clear_object (&book);
  g_clear_object (&demo);
  remove_tree (dir);
  return 0;
}
