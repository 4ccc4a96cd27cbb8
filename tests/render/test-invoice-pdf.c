/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "settle-book.h"
#include "settle-client.h"
#include "settle-invoice-pdf.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment.h"
#include "settle-render-test-util.h"

typedef struct
{
  char       *dir;
  SettleBook *book;
  SettleId    client_id;
} Fixture;

static const char *long_description =
  "On-site network remediation after the storm: replaced two failed PoE switches in the "
  "server closet, re-terminated fourteen damaged patch cables, reconfigured the VLANs for "
  "guest Wi-Fi and documented the new topology for the office manager";
static const char *non_ascii_description =
  "Lizenzverlängerung Büro Zürich — Sicherheitspaket für Café Größe M";

/* ---- helpers ------------------------------------------------------------------- */

/* A wrapped description comes out of pdftotext split across lines with other columns
 * between them, and may break after a hyphen: look for its words in order. */
static void
assert_words_in_order (const char *text,
                       const char *phrase)
{
  g_auto(GStrv) words = g_strsplit_set (phrase, " \n-", -1);
  const char *at = text;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *found;

      if (*words[i] == '\0')
        continue;
      found = strstr (at, words[i]);
      if (found == NULL)
        g_error ("“%s” (word %u of “%s”) is missing from the PDF text:\n%s", words[i], i,
                 phrase, text);
      at = found + strlen (words[i]);
    }
}

static void
set_setting (SettleBook *book,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  settle_book_set_setting (book, key, value, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleClient) client = settle_client_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("settle-render-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.settle", NULL);
  f->book = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);

  set_setting (f->book, "company.name", "Bluefin Managed IT, LLC");
  set_setting (f->book, "company.address", "410 Harbor Blvd, Suite 200\nPortland, OR 97201");
  set_setting (f->book, "company.tax_id", "EIN 93-1234567");
  set_setting (f->book, "company.email", "billing@bluefin-it.example.com");
  set_setting (f->book, "company.phone", "(503) 555-0142");

  g_free (client->name);
  client->name = g_strdup ("Northwind Dental Group");
  g_free (client->contact_name);
  client->contact_name = g_strdup ("Priya Raman");
  g_free (client->address);
  client->address = g_strdup ("1200 Alder Street, Floor 3\nSeattle, WA 98101");
  g_free (client->tax_id);
  client->tax_id = g_strdup ("91-7654321");
  g_free (client->email);
  client->email = g_strdup ("ap@northwind-dental.example.com");
  settle_client_save (f->book, client, &error);
  g_assert_no_error (error);
  f->client_id = client->id;
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->book);
  settle_render_test_remove_tree (f->dir);
  g_free (f->dir);
}

static SettleId
issue (Fixture       *f,
       SettleInvoice *invoice,
       const char    *date)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  settle_invoice_save_draft (f->book, invoice, &error);
  g_assert_no_error (error);
  g_assert_true (settle_date_parse (date, &d));
  settle_invoice_issue (f->book, invoice->id, &d, &error);
  g_assert_no_error (error);
  return invoice->id;
}

static void
pay (Fixture    *f,
     SettleId    invoice_id,
     const char *date,
     gint64      amount,
     const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettlePayment) payment = settle_payment_new ();

  payment->client_id = f->client_id;
  g_assert_true (settle_date_parse (date, &payment->date));
  payment->amount = amount;
  memcpy (payment->currency, "USD", 4);
  payment->method = SETTLE_PAYMENT_CHECK;
  g_free (payment->reference);
  payment->reference = g_strdup (reference);
  settle_payment_record (f->book, payment, &error);
  g_assert_no_error (error);
  settle_payment_apply (f->book, payment->id, invoice_id, amount, NULL, &error);
  g_assert_no_error (error);
}

static char *
write_pdf (Fixture    *f,
           SettleId    invoice_id,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  doc = settle_invoice_document_new (f->book, invoice_id, &error);
  g_assert_no_error (error);
  settle_invoice_document_write_pdf (doc, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Keep a copy for people to look at. */
  if (g_getenv ("SETTLE_TEST_PDF_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("SETTLE_TEST_PDF_DIR"), name, NULL);

      settle_invoice_document_write_pdf (doc, copy, &error);
      g_assert_no_error (error);
    }
  return path;
}

/* Only the PDFs and the book itself: no temporary file left behind. */
static void
assert_no_leftovers (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_suffix (name, ".pdf") && !g_str_has_prefix (name, "test.settle"))
      g_error ("unexpected file “%s” in the output folder", name);
}

/* ---- tests ---------------------------------------------------------------------- */

static void
test_one_page (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client_id, "USD");
  g_autoptr(SettleInvoice) issued = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *paid = NULL;
  const char *descriptions[] = {
    "Managed IT services — monthly retainer, 25 seats",
    long_description,
    non_ascii_description,
    "Offsite backup storage (TB-month)",
  };
  SettleId id;

  if (!settle_render_test_have_poppler ())
    return;

  settle_invoice_add_line (draft, descriptions[0], 1000, 250000, 0);
  settle_invoice_add_line (draft, descriptions[1], 6500, 15000, 825);
  settle_invoice_add_line (draft, descriptions[2], 3000, 4999, 825);
  settle_invoice_add_line (draft, descriptions[3], 2500, 1200, 825);
  g_free (draft->po_number);
  draft->po_number = g_strdup ("PO-77120");
  id = issue (f, draft, "2024-03-01");
  pay (f, id, "2024-03-12", 100000, "Check 10442");

  pdf = write_pdf (f, id, "invoice.pdf");
  issued = settle_invoice_load (f->book, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (issued->status, ==, SETTLE_INVOICE_PARTIAL);

  text = settle_render_test_pdf_text (pdf, 0);
  settle_render_test_assert_contains (text, issued->number);
  settle_render_test_assert_contains (text, "Northwind Dental Group");
  settle_render_test_assert_contains (text, "Bluefin Managed IT, LLC");
  settle_render_test_assert_contains (text, "Priya Raman");
  settle_render_test_assert_contains (text, "PO-77120");
  settle_render_test_assert_contains (text, "2024-03-01");
  settle_render_test_assert_contains (text, "2024-03-31");
  settle_render_test_assert_contains (text, "Net 30");
  for (guint i = 0; i < G_N_ELEMENTS (descriptions); i++)
    assert_words_in_order (text, descriptions[i]);
  settle_render_test_assert_contains (text, "Größe");
  settle_render_test_assert_contains (text, "6.5");
  settle_render_test_assert_contains (text, "8.25 %");

  total = settle_render_test_money (issued->total, "USD");
  balance = settle_render_test_money (settle_invoice_get_balance (issued), "USD");
  paid = settle_render_test_money (100000, "USD");
  settle_render_test_assert_contains (text, total);
  settle_render_test_assert_contains (text, balance);
  settle_render_test_assert_contains (text, paid);
  settle_render_test_assert_contains (text, "Check 10442");
  settle_render_test_assert_contains (text, "Page 1 of 1");
  settle_render_test_assert_contains (text, "Partially paid");

  g_assert_cmpint (settle_render_test_pdf_pages (pdf), ==, 1);
  assert_no_leftovers (f);
}

static void
test_many_pages (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client_id, "USD");
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *total = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  SettleId id;
  int n_pages;

  if (!settle_render_test_have_poppler ())
    return;

  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *d = g_strdup_printf ("Endpoint management, workstation WS-%03d", i);

      settle_invoice_add_line (draft, d, 1000, 3500 + i, i % 3 == 0 ? 825 : 0);
    }
  id = issue (f, draft, "2024-04-02");
  pdf = write_pdf (f, id, "long.pdf");

  /* Counted on another kind of surface, the pages must come out the same. */
  doc = settle_invoice_document_new (f->book, id, &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cr = cairo_create (surface);
  n_pages = settle_invoice_document_get_n_pages (doc, cr, SETTLE_PAGE_LETTER_WIDTH,
                                                 SETTLE_PAGE_LETTER_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpint (n_pages, >, 1);
  g_assert_cmpint (settle_render_test_pdf_pages (pdf), ==, n_pages);

  text = settle_render_test_pdf_text (pdf, 0);
  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *d = g_strdup_printf ("Endpoint management, workstation WS-%03d", i);

      settle_render_test_assert_contains (text, d);
    }
  page2 = g_strdup_printf ("Page 2 of %d", n_pages);
  settle_render_test_assert_contains (text, page2);
  /* Every page with lines repeats the column headings; the totals and the payment
   * block may end up alone on the last page. */
  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = settle_render_test_pdf_text (pdf, page);

      if (strstr (page_text, "WS-") != NULL)
        g_assert_cmpuint (settle_render_test_count (page_text, "Description"), ==, 1);
      if (page > 1)
        g_assert_cmpuint (settle_render_test_count (page_text, "(continued)"), ==, 1);
    }
  g_assert_cmpuint (settle_render_test_count (text, "(continued)"), ==, (guint) n_pages - 1);
  total = settle_render_test_money (settle_invoice_document_get_invoice (doc)->total, "USD");
  settle_render_test_assert_contains (text, total);
}

static void
test_missing_folder (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client_id, "USD");
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "out.pdf", NULL);
  SettleId id;

  settle_invoice_add_line (draft, "Firewall subscription", 1000, 89900, 0);
  id = issue (f, draft, "2024-05-01");
  doc = settle_invoice_document_new (f->book, id, &error);
  g_assert_no_error (error);

  g_assert_false (settle_invoice_document_write_pdf (doc, path, &error));
  g_assert_error (error, SETTLE_RENDER_ERROR, SETTLE_RENDER_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  assert_no_leftovers (f);
}

/* Writing over an existing PDF replaces it whole. */
static void
test_replace (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client_id, "USD");
  g_autofree char *path = g_build_filename (f->dir, "same.pdf", NULL);
  g_autofree char *first = NULL;
  g_autofree char *text = NULL;
  SettleId id;

  if (!settle_render_test_have_poppler ())
    return;

  g_assert_true (g_file_set_contents (path, "not a pdf", -1, NULL));
  settle_invoice_add_line (draft, "Microsoft 365 Business Premium, 12 users", 12000, 2200, 0);
  id = issue (f, draft, "2024-05-01");
  first = write_pdf (f, id, "same.pdf");
  g_assert_cmpstr (first, ==, path);
  text = settle_render_test_pdf_text (path, 0);
  settle_render_test_assert_contains (text, "Microsoft 365 Business Premium");
  assert_no_leftovers (f);
}

static void
test_status_marks (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) a = settle_invoice_new (f->client_id, "USD");
  g_autoptr(SettleInvoice) b = settle_invoice_new (f->client_id, "USD");
  g_autofree char *void_pdf = NULL;
  g_autofree char *paid_pdf = NULL;
  g_autofree char *void_text = NULL;
  g_autofree char *paid_text = NULL;
  SettleId void_id, paid_id;
  GDate d;

  if (!settle_render_test_have_poppler ())
    return;

  settle_invoice_add_line (a, "Quarterly vulnerability scan", 1000, 120000, 0);
  void_id = issue (f, a, "2024-06-03");
  g_assert_true (settle_date_parse ("2024-06-04", &d));
  settle_invoice_void (f->book, void_id, &d, "Issued to the wrong client", &error);
  g_assert_no_error (error);

  settle_invoice_add_line (b, "Help desk block, 10 hours", 10000, 9500, 0);
  g_assert_true (settle_terms_parse ("receipt", &b->terms, &error));
  paid_id = issue (f, b, "2024-06-03");
  pay (f, paid_id, "2024-06-05", 95000, "ACH 5521");

  void_pdf = write_pdf (f, void_id, "void.pdf");
  paid_pdf = write_pdf (f, paid_id, "paid.pdf");
  void_text = settle_render_test_pdf_text (void_pdf, 0);
  paid_text = settle_render_test_pdf_text (paid_pdf, 0);

  settle_render_test_assert_contains (void_text, "VOID");
  settle_render_test_assert_contains (void_text, "Status: Void");
  settle_render_test_assert_contains (paid_text, "Paid");
  settle_render_test_assert_contains (paid_text, "Status: Paid");
  settle_render_test_assert_contains (paid_text, "Due on receipt");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/render/invoice-pdf/one-page", test_one_page);
  ADD ("/render/invoice-pdf/many-pages", test_many_pages);
  ADD ("/render/invoice-pdf/missing-folder", test_missing_folder);
  ADD ("/render/invoice-pdf/replace", test_replace);
  ADD ("/render/invoice-pdf/status-marks", test_status_marks);
#undef ADD

  return g_test_run ();
}
