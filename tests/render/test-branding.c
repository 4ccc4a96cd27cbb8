/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "settle-branding.h"
#include "settle-credit-note.h"
#include "settle-invoice-pdf-private.h"
#include "settle-render-test-util.h"

#define assert_contains settle_render_test_assert_contains

static const char *pay_url = "https://pay.example.com/i/INV-000001?t=3f9a2c7d1e";

typedef struct
{
  char       *dir;
  SettleBook *book;
  SettleId    client_id;
} Fixture;

static SettleBranding *
full_branding (const char *logo)
{
  SettleBranding *b = settle_branding_new ();

  g_free (b->company_name);
  b->company_name = g_strdup ("Bluefin Managed IT, LLC");
  g_free (b->address);
  b->address = g_strdup ("410 Harbor Blvd, Suite 200\nPortland, OR 97201");
  g_free (b->tax_id);
  b->tax_id = g_strdup ("EIN 93-1234567");
  g_free (b->email);
  b->email = g_strdup ("billing@bluefin-it.example.com");
  g_free (b->phone);
  b->phone = g_strdup ("(503) 555-0142");
  g_free (b->logo_path);
  b->logo_path = g_strdup (logo ? logo : "");
  g_strlcpy (b->accent, "#137C74", sizeof b->accent);
  g_free (b->remit_to);
  b->remit_to = g_strdup ("Bluefin Managed IT\nPO Box 4471\nPortland, OR 97208");
  g_free (b->payment_instructions);
  b->payment_instructions = g_strdup ("ACH: Cascade Bank, routing 123000848, account ending 4410");
  g_free (b->terms_text);
  b->terms_text = g_strdup ("Late balances accrue 1.5 % a month after 30 days.");
  g_free (b->footer);
  b->footer = g_strdup ("Thank you for your business.");
  return b;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleClient) client = settle_client_new ();
  g_autoptr(SettleBranding) branding = full_branding (NULL);
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("settle-branding-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.settle", NULL);
  f->book = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);
  settle_branding_save (f->book, branding, &error);
  g_assert_no_error (error);

  g_free (client->name);
  client->name = g_strdup ("Northwind Dental Group");
  g_free (client->address);
  client->address = g_strdup ("1200 Alder Street, Floor 3\nSeattle, WA 98101");
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

static void
set_logo (Fixture    *f,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBranding) b = settle_branding_load (f->book, &error);

  g_assert_no_error (error);
  g_free (b->logo_path);
  b->logo_path = g_strdup (path);
  settle_branding_save (f->book, b, &error);
  g_assert_no_error (error);
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

static SettleId
simple_invoice (Fixture    *f,
                const char *pay_link)
{
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client_id, "USD");

  settle_invoice_add_line (draft, "Managed services, 25 seats", 25000, 12500, 825);
  settle_invoice_add_line (draft, "Firewall subscription", 1000, 89900, 0);
  if (pay_link != NULL)
    {
      g_free (draft->pay_link);
      draft->pay_link = g_strdup (pay_link);
    }
  return issue (f, draft, "2026-03-02");
}

static char *
write_pdf (Fixture    *f,
           SettleId    id,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoiceDocument) doc = settle_invoice_document_new (f->book, id, &error);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  settle_invoice_document_write_pdf (doc, path, &error);
  g_assert_no_error (error);
  return path;
}

/* Page 0 drawn at one pixel per point on white. */
static cairo_surface_t *
draw_first_page (SettleInvoiceDocument *doc)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) SETTLE_PAGE_LETTER_WIDTH,
                                                         (int) SETTLE_PAGE_LETTER_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  settle_invoice_document_get_n_pages (doc, cr, SETTLE_PAGE_LETTER_WIDTH,
                                       SETTLE_PAGE_LETTER_HEIGHT);
  settle_invoice_document_draw_page (doc, cr, 0, SETTLE_PAGE_LETTER_WIDTH,
                                     SETTLE_PAGE_LETTER_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + (int) y * stride))[(int) x] & 0xffffff;
}

/* ---- tests ----------------------------------------------------------------------- */

static void
test_save_load (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = settle_render_test_fixture ("logo.png");
  g_autofree char *svg = settle_render_test_fixture ("logo.svg");
  g_autofree char *missing = g_build_filename (f->dir, "no-such-logo.png", NULL);
  g_autofree char *not_image = g_build_filename (f->dir, "logo.txt", NULL);
  g_autoptr(SettleBranding) saved = full_branding (png);
  g_autoptr(SettleBranding) loaded = NULL;
  g_autoptr(SettleBranding) bad = NULL;
  g_autoptr(SettleBranding) after = NULL;
  double r, g, b;

  settle_branding_save (f->book, saved, &error);
  g_assert_no_error (error);
  loaded = settle_branding_load (f->book, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->company_name, ==, saved->company_name);
  g_assert_cmpstr (loaded->address, ==, saved->address);
  g_assert_cmpstr (loaded->phone, ==, saved->phone);
  g_assert_cmpstr (loaded->logo_path, ==, png);
  g_assert_cmpstr (loaded->accent, ==, "#137C74");
  g_assert_cmpstr (loaded->remit_to, ==, saved->remit_to);
  g_assert_cmpstr (loaded->payment_instructions, ==, saved->payment_instructions);
  g_assert_cmpstr (loaded->terms_text, ==, saved->terms_text);
  g_assert_cmpstr (loaded->footer, ==, saved->footer);
  g_assert_cmpint (settle_branding_logo_format (png, NULL), ==, SETTLE_LOGO_PNG);
  g_assert_cmpint (settle_branding_logo_format (svg, NULL), ==, SETTLE_LOGO_SVG);

  g_assert_true (settle_branding_parse_accent ("#ff8000", &r, &g, &b));
  g_assert_cmpfloat_with_epsilon (r, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g, 128 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (b, 0.0, 1e-9);
  g_assert_false (settle_branding_parse_accent ("ff8000", NULL, NULL, NULL));
  g_assert_false (settle_branding_parse_accent ("#ff80", NULL, NULL, NULL));
  g_assert_false (settle_branding_parse_accent ("#ff80zz", NULL, NULL, NULL));

  /* Each bad field is refused with its name, and nothing of it is written. */
  bad = settle_branding_copy (saved);
  g_free (bad->company_name);
  bad->company_name = g_strdup ("Changed Name");
  g_strlcpy (bad->accent, "teal", sizeof bad->accent);
  g_assert_false (settle_branding_save (f->book, bad, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Accent colour"));
  g_assert_nonnull (strstr (error->message, "teal"));
  g_clear_error (&error);

  g_strlcpy (bad->accent, "#112233", sizeof bad->accent);
  g_free (bad->logo_path);
  bad->logo_path = g_strdup (missing);
  g_assert_false (settle_branding_save (f->book, bad, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Logo"));
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (not_image, "just some text, no picture", -1, NULL));
  g_free (bad->logo_path);
  bad->logo_path = g_strdup (not_image);
  g_assert_false (settle_branding_save (f->book, bad, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Logo"));
  g_assert_nonnull (strstr (error->message, not_image));
  g_assert_nonnull (strstr (error->message, "PNG"));
  g_clear_error (&error);

  after = settle_branding_load (f->book, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->company_name, ==, "Bluefin Managed IT, LLC");
  g_assert_cmpstr (after->accent, ==, "#137C74");
  g_assert_cmpstr (after->logo_path, ==, png);
}

static void
test_branded_png (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *png = settle_render_test_fixture ("logo.png");
  g_autofree char *pdf = NULL;
  g_autofree char *plain_pdf = NULL;
  g_autofree char *text = NULL;
  SettleId id;

  if (!settle_render_test_have_poppler ())
    return;

  id = simple_invoice (f, NULL);
  plain_pdf = write_pdf (f, id, "plain.pdf");
  g_assert_cmpuint (settle_render_test_pdf_images (plain_pdf), ==, 0);

  set_logo (f, png);
  pdf = write_pdf (f, id, "branded.pdf");
  g_assert_cmpuint (settle_render_test_pdf_images (pdf), >=, 1);

  text = settle_render_test_pdf_text (pdf, 0);
  assert_contains (text, "Bluefin Managed IT, LLC");
  assert_contains (text, "Tax ID: EIN 93-1234567");
  assert_contains (text, "Northwind Dental Group");
  assert_contains (text, "REMIT TO");
  assert_contains (text, "PO Box 4471");
  assert_contains (text, "routing 123000848");
  assert_contains (text, "Late balances accrue");
  assert_contains (text, "Thank you for your business.");
  assert_contains (text, "Terms: Net 30.");
  assert_contains (text, "Payment is due by 2026-04-01.");
  g_assert_null (strstr (text, "Scan to pay"));
}

static void
test_branded_svg (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = settle_render_test_fixture ("logo.svg");
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  g_autofree char *pdf = NULL;
  cairo_surface_t *page;
  SettleId id;

  if (!settle_render_test_have_poppler ())
    return;

  set_logo (f, svg);
  id = simple_invoice (f, NULL);
  pdf = write_pdf (f, id, "svg.pdf");
  g_assert_cmpint (settle_render_test_pdf_pages (pdf), ==, 1);

  /* Vector, not an image; look at the pixels: the logo's square is #1a5494 near
   * the top left corner of the content box. */
  doc = settle_invoice_document_new (f->book, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc->logo);
  g_assert_true (settle_logo_is_svg (doc->logo));
  page = draw_first_page (doc);
  g_assert_cmphex (pixel (page, SETTLE_INVOICE_MARGIN_X + 21, SETTLE_INVOICE_MARGIN_TOP + 7), ==,
                   0x1a5494);
  cairo_surface_destroy (page);
}

static void
test_logo_vanished (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = settle_render_test_fixture ("logo.png");
  g_autofree char *copy = g_build_filename (f->dir, "logo-copy.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  gsize len;
  SettleId id;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  set_logo (f, copy);
  id = simple_invoice (f, NULL);
  g_assert_cmpint (g_unlink (copy), ==, 0);

  doc = settle_invoice_document_new (f->book, id, &error);
  g_assert_null (doc);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Logo"));
  g_assert_nonnull (strstr (error->message, copy));
}

static void
test_qr (Fixture      *f,
         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleQrCode) qr = NULL;
  g_autoptr(SettleInvoiceDocument) with = NULL;
  g_autoptr(SettleInvoiceDocument) without = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *page;
  SettleId with_id, without_id;
  double module;
  int dark = 0;

  if (!settle_render_test_have_poppler ())
    return;

  /* 49 bytes at level M need version 4 (62 bytes; version 3 holds 42): 33 modules. */
  g_assert_cmpint (strlen (pay_url), ==, 49);
  qr = settle_qr_code_new (pay_url, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qr->version, ==, 4);
  g_assert_cmpint (qr->width, ==, 33);
  /* The finder pattern: the corner module dark, a white ring inside it. */
  g_assert_true (qr->modules[0]);
  g_assert_false (qr->modules[1 * 33 + 1]);
  g_assert_true (qr->modules[3 * 33 + 3]);

  with_id = simple_invoice (f, pay_url);
  without_id = simple_invoice (f, NULL);

  with = settle_invoice_document_new (f->book, with_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (with->invoice->pay_link, ==, pay_url);
  g_assert_nonnull (with->qr);
  page = draw_first_page (with);
  g_assert_cmpint (with->qr_page, ==, 0);
  /* The drawn symbol: the quiet zone white, the finder's corner black. */
  module = with->qr_size / (with->qr->width + 8);
  g_assert_cmphex (pixel (page, with->qr_x + 1.5 * module, with->qr_y + 1.5 * module), ==,
                   0xffffff);
  g_assert_cmphex (pixel (page, with->qr_x + 4.5 * module, with->qr_y + 4.5 * module), ==,
                   0x000000);
  for (int i = 0; i < with->qr->width; i++)
    for (int j = 0; j < with->qr->width; j++)
      {
        guint32 px = pixel (page, with->qr_x + (4.5 + j) * module, with->qr_y + (4.5 + i) * module);

        g_assert_true (px == 0 || px == 0xffffff);
        if ((px == 0) != with->qr->modules[i * with->qr->width + j])
          g_error ("QR module (%d, %d) drawn wrong", i, j);
        dark += px == 0;
      }
  g_assert_cmpint (dark, >, 100);
  cairo_surface_destroy (page);

  without = settle_invoice_document_new (f->book, without_id, &error);
  g_assert_no_error (error);
  g_assert_null (without->qr);
  page = draw_first_page (without);
  g_assert_cmpint (without->qr_page, ==, -1);
  cairo_surface_destroy (page);

  pdf = write_pdf (f, with_id, "qr.pdf");
  text = settle_render_test_pdf_text (pdf, 0);
  assert_contains (text, "Scan to pay");
  assert_contains (text, pay_url);
  assert_contains (text, "PAY ONLINE");
}

static void
test_credit_note (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) original = NULL;
  g_autoptr(SettleInvoice) note = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *total = NULL;
  SettleId id, note_id;
  GDate d;

  if (!settle_render_test_have_poppler ())
    return;

  id = simple_invoice (f, NULL);
  g_assert_true (settle_date_parse ("2026-03-09", &d));
  note_id = settle_credit_note_issue (f->book, id, NULL, &d, "Seats never activated", &error);
  g_assert_no_error (error);
  g_assert_cmpint (note_id, >, 0);
  original = settle_invoice_load (f->book, id, &error);
  g_assert_no_error (error);
  note = settle_invoice_load (f->book, note_id, &error);
  g_assert_no_error (error);

  pdf = write_pdf (f, note_id, "credit-note.pdf");
  text = settle_render_test_pdf_text (pdf, 0);
  assert_contains (text, "Credit note");
  assert_contains (text, note->number);
  credits = g_strdup_printf ("Credits invoice %s", original->number);
  assert_contains (text, credits);
  total = settle_render_test_money (note->total, "USD");
  assert_contains (text, total);
  /* Nothing to pay on a credit note. */
  g_assert_null (strstr (text, "Balance due"));
  g_assert_null (strstr (text, "Status:"));
  g_assert_null (strstr (text, "How to pay"));
}

static void
test_discounts_and_rates (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client_id, "USD");
  g_autoptr(SettleInvoice) issued = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *tax_total = NULL;
  SettleInvoiceLine *line;
  SettleId id;

  if (!settle_render_test_have_poppler ())
    return;

  line = settle_invoice_add_line (draft, "Laptop, 14 inch", 2000, 129900, 825);
  line->discount_bp = 1000;
  settle_invoice_add_line (draft, "Onboarding, per seat", 5000, 4000, 500);
  settle_invoice_add_line (draft, "Labour, remote", 1500, 15000, 0);
  id = issue (f, draft, "2026-03-02");
  issued = settle_invoice_load (f->book, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (issued->discount_total, ==, 25980);

  pdf = write_pdf (f, id, "rates.pdf");
  text = settle_render_test_pdf_text (pdf, 0);
  assert_contains (text, "Discount");
  assert_contains (text, "10 %");
  assert_contains (text, "Line discounts");
  assert_contains (text, "Tax 5 % on $200.00");
  assert_contains (text, "Tax 8.25 % on $2,338.20");
  tax_total = settle_render_test_money (issued->tax_total, "USD");
  g_assert_cmpint (issued->tax_total, ==, 1000 + 19290);

  /* Without any discount there is no such column. */
  {
    g_autofree char *plain = write_pdf (f, simple_invoice (f, NULL), "plain.pdf");

    plain_text = settle_render_test_pdf_text (plain, 0);
    g_assert_null (strstr (plain_text, "Discount"));
    assert_contains (plain_text, "Tax (8.25 %)");
  }
}

/* 500 lines: as many pages as the measured row heights predict, the same count on
 * any surface, every line there, headings repeated and "Page 2 of N". */
static void
test_500_lines (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client_id, "USD");
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page2 = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  SettleInvoicePage r = { 0 };
  double title_h, cont_h, header_h, row_h, totals_h, info_h, bottom, y;
  int n_pages, predicted, rows_left = 500;
  SettleId id;

  if (!settle_render_test_have_poppler ())
    return;

  for (int i = 1; i <= 500; i++)
    {
      g_autofree char *d = g_strdup_printf ("Usage line %04d, storage GB-month", i);

      settle_invoice_add_line (draft, d, 1000, 1000 + i, i % 2 ? 825 : 0);
    }
  id = issue (f, draft, "2026-03-02");
  doc = settle_invoice_document_new (f->book, id, &error);
  g_assert_no_error (error);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cr = cairo_create (surface);
  n_pages = settle_invoice_document_get_n_pages (doc, cr, SETTLE_PAGE_LETTER_WIDTH,
                                                 SETTLE_PAGE_LETTER_HEIGHT);

  /* The prediction from the blocks' measured heights. */
  r.doc = doc;
  r.cr = cr;
  r.pango = settle_render_pango_context (cr, 72.0);
  r.left = SETTLE_INVOICE_MARGIN_X;
  r.right = SETTLE_PAGE_LETTER_WIDTH - SETTLE_INVOICE_MARGIN_X;
  settle_invoice_page_columns (&r);
  title_h = settle_invoice_page_title (&r, 0);
  cont_h = settle_invoice_page_continued (&r, 0);
  header_h = settle_invoice_page_lines_header (&r, 0);
  row_h = settle_invoice_page_line (&r, 0, 0);
  g_assert_cmpfloat (settle_invoice_page_line (&r, 0, 499), ==, row_h);
  totals_h = settle_invoice_page_totals (&r, 0);
  info_h = settle_invoice_page_payment_info (&r, 0);
  g_clear_object (&r.pango);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  bottom = SETTLE_PAGE_LETTER_HEIGHT - SETTLE_INVOICE_MARGIN_BOTTOM
           - SETTLE_INVOICE_FOOTER_HEIGHT - SETTLE_INVOICE_FOOTER_GAP;
  y = SETTLE_INVOICE_MARGIN_TOP + title_h;
  predicted = 1;
  for (;;)
    {
      int fit = (int) floor ((bottom - y - header_h) / row_h + 1e-9);

      if (fit >= rows_left)
        {
          y += header_h + rows_left * row_h;
          break;
        }
      rows_left -= fit;
      predicted++;
      y = SETTLE_INVOICE_MARGIN_TOP + cont_h;
    }
  if (y + 12 + totals_h > bottom)
    {
      predicted++;
      y = SETTLE_INVOICE_MARGIN_TOP + cont_h + totals_h;
    }
  else
    y += 12 + totals_h;
  if (y + 20 + info_h > bottom)
    predicted++;

  g_test_message ("500 lines: %d pages (row %.2f pt, header %.2f pt)", n_pages, row_h, header_h);
  g_assert_cmpint (n_pages, ==, predicted);
  g_assert_cmpint (n_pages, >=, 10);

  pdf = write_pdf (f, id, "500.pdf");
  g_assert_cmpint (settle_render_test_pdf_pages (pdf), ==, n_pages);
  text = settle_render_test_pdf_text (pdf, 0);
  for (int i = 1; i <= 500; i++)
    {
      g_autofree char *d = g_strdup_printf ("Usage line %04d, storage GB-month", i);

      assert_contains (text, d);
    }
  page2 = g_strdup_printf ("Page 2 of %d", n_pages);
  assert_contains (text, page2);
  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = settle_render_test_pdf_text (pdf, page);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", page, n_pages);

      assert_contains (page_text, footer);
      if (strstr (page_text, "Usage line") != NULL)
        g_assert_cmpuint (settle_render_test_count (page_text, "Description"), ==, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/render/branding/save-load", test_save_load);
  ADD ("/render/branding/logo-png", test_branded_png);
  ADD ("/render/branding/logo-svg", test_branded_svg);
  ADD ("/render/branding/logo-vanished", test_logo_vanished);
  ADD ("/render/branding/qr", test_qr);
  ADD ("/render/branding/credit-note", test_credit_note);
  ADD ("/render/branding/discounts-and-rates", test_discounts_and_rates);
  ADD ("/render/branding/500-lines", test_500_lines);
#undef ADD

  return g_test_run ();
}
