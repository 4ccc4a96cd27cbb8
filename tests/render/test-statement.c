/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "settle-client.h"
#include "settle-credit-note.h"
#include "settle-demo.h"
#include "settle-invoice.h"
#include "settle-payment.h"
#include "settle-render-test-util.h"
#include "settle-statement-pdf.h"
#include "settle-statement.h"

#define assert_contains settle_render_test_assert_contains

#define DEMO_CLIENTS 12

typedef struct
{
  char       *dir;
  SettleBook *book;
} Fixture;

static GDate
date (const char *iso)
{
  GDate d;

  g_assert_true (settle_date_parse (iso, &d));
  return d;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("settle-statement-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.settle", NULL);
  f->book = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);
  settle_book_set_setting (f->book, "company.name", "Bluefin Managed IT, LLC", &error);
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
make_demo (Fixture    *f,
           const char *today)
{
  g_autoptr(GError) error = NULL;
  SettleDemoOptions options;

  settle_demo_options_init (&options);
  options.n_clients = DEMO_CLIENTS;
  options.n_invoices = 500;
  options.seed = 7;
  options.today = date (today);
  settle_demo_generate (f->book, &options, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
assert_consistent (const SettleStatement *st)
{
  gint64 running = st->opening_balance, aged = 0;

  for (guint i = 0; i < st->lines->len; i++)
    {
      const SettleStatementLine *line = g_ptr_array_index (st->lines, i);

      g_assert_true (line->debit == 0 || line->credit == 0);
      g_assert_cmpint (line->debit, >=, 0);
      g_assert_cmpint (line->credit, >=, 0);
      running += line->debit - line->credit;
      g_assert_cmpint (line->balance, ==, running);
      g_assert_cmpint (g_date_compare (&line->date, &st->from), >=, 0);
      g_assert_cmpint (g_date_compare (&line->date, &st->to), <=, 0);
      if (i > 0)
        g_assert_cmpint (g_date_compare (&((SettleStatementLine *) g_ptr_array_index (
                                               st->lines, i - 1))->date, &line->date), <=, 0);
    }
  g_assert_cmpint (st->closing_balance, ==, running);
  for (int b = 0; b < 5; b++)
    {
      g_assert_cmpint (st->aging[b], >=, 0);
      aged += st->aging[b];
    }
  g_assert_cmpint (st->unapplied_credit, >=, 0);
  g_assert_cmpint (st->closing_balance, ==, aged - st->unapplied_credit);
}

/* On a demo book, the closing balance of every client's statement up to today is
 * what the book says the client owes, and a statement starting later opens with
 * the balance the full one had reached the day before. */
static void
test_demo_balances (Fixture      *f,
                    gconstpointer data)
{
  GDate today = date ("2026-06-30");
  GDate from = date ("2026-03-01");
  guint with_lines = 0, nonzero = 0;

  make_demo (f, "2026-06-30");

  for (SettleId id = 1; id <= DEMO_CLIENTS; id++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SettleClient) client = settle_client_load (f->book, id, &error);
      g_autoptr(SettleStatement) full = NULL;
      g_autoptr(SettleStatement) part = NULL;
      gint64 before = 0;

      g_assert_no_error (error);
      full = settle_statement_load (f->book, id, NULL, &today, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (full->client_name, ==, client->name);
      g_assert_cmpint (full->opening_balance, ==, 0);
      assert_consistent (full);
      g_assert_cmpint (full->closing_balance, ==, client->balance - client->credit);

      part = settle_statement_load (f->book, id, &from, &today, &error);
      g_assert_no_error (error);
      assert_consistent (part);
      for (guint i = 0; i < full->lines->len; i++)
        {
          const SettleStatementLine *line = g_ptr_array_index (full->lines, i);

          if (g_date_compare (&line->date, &from) < 0)
            before = line->balance;
        }
      g_assert_cmpint (part->opening_balance, ==, before);
      g_assert_cmpint (part->closing_balance, ==, full->closing_balance);

      with_lines += full->lines->len > 0;
      nonzero += full->closing_balance != 0;
    }
  /* The demo is varied enough for the checks to mean something. */
  g_assert_cmpuint (with_lines, ==, DEMO_CLIENTS);
  g_assert_cmpuint (nonzero, >=, 3);
}

static SettleId
invoice (Fixture    *f,
         SettleId    client_id,
         const char *issued,
         gint64      amount)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) draft = settle_invoice_new (client_id, "USD");
  GDate d = date (issued);

  settle_invoice_add_line (draft, "Managed services", 1000, amount, 0);
  settle_invoice_save_draft (f->book, draft, &error);
  g_assert_no_error (error);
  settle_invoice_issue (f->book, draft->id, &d, &error);
  g_assert_no_error (error);
  return draft->id;
}

static void
test_kinds (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleClient) client = settle_client_new ();
  g_autoptr(SettlePayment) payment = settle_payment_new ();
  g_autoptr(SettleStatement) st = NULL;
  g_autoptr(SettleStatementDocument) doc = NULL;
  g_autoptr(SettleInvoice) first = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *credit_line = NULL;
  g_autofree char *minus_credit = NULL;
  g_autoptr(SettlePayment) payment2 = settle_payment_new ();
  g_autoptr(GPtrArray) credit_lines = g_ptr_array_new ();
  g_autoptr(SettleClient) after = NULL;
  SettleInvoiceLine credit_line_copy = { 0 };
  SettleId inv1, inv3, inv4;
  GDate from = date ("2026-01-01"), to = date ("2026-02-28"), d;
  const struct { int kind; gint64 debit, credit, balance; } expected[] = {
    { SETTLE_STATEMENT_INVOICE, 100000, 0, 100000 },
    { SETTLE_STATEMENT_PAYMENT, 0, 40000, 60000 },
    { SETTLE_STATEMENT_CREDIT_NOTE, 0, 60000, 0 },
    { SETTLE_STATEMENT_INVOICE, 50000, 0, 50000 },
    { SETTLE_STATEMENT_INVOICE, 20000, 0, 70000 },
    { SETTLE_STATEMENT_VOID, 0, 20000, 50000 },
    { SETTLE_STATEMENT_INVOICE, 30000, 0, 80000 },
    { SETTLE_STATEMENT_PAYMENT, 0, 30000, 50000 },
    { SETTLE_STATEMENT_CREDIT_NOTE, 0, 10000, 40000 },
  };

  if (!settle_render_test_have_poppler ())
    return;

  g_free (client->name);
  client->name = g_strdup ("Northwind Dental Group");
  g_free (client->address);
  client->address = g_strdup ("1200 Alder Street\nSeattle, WA 98101");
  settle_client_save (f->book, client, &error);
  g_assert_no_error (error);

  inv1 = invoice (f, client->id, "2026-01-05", 100000);
  payment->client_id = client->id;
  payment->date = date ("2026-01-20");
  payment->amount = 40000;
  memcpy (payment->currency, "USD", 4);
  payment->method = SETTLE_PAYMENT_CHECK;
  g_free (payment->reference);
  payment->reference = g_strdup ("Check 1001");
  settle_payment_record (f->book, payment, &error);
  g_assert_no_error (error);
  settle_payment_apply (f->book, payment->id, inv1, 40000, NULL, &error);
  g_assert_no_error (error);
  d = date ("2026-02-01");
  settle_credit_note_issue (f->book, inv1, NULL, &d, "Goodwill", &error);
  g_assert_no_error (error);
  invoice (f, client->id, "2026-02-10", 50000);
  inv3 = invoice (f, client->id, "2026-02-11", 20000);
  d = date ("2026-02-12");
  settle_invoice_void (f->book, inv3, &d, "Duplicate", &error);
  g_assert_no_error (error);

  /* Paid in full, then partly credited: the whole credit is the client's. */
  inv4 = invoice (f, client->id, "2026-02-15", 30000);
  payment2->client_id = client->id;
  payment2->date = date ("2026-02-16");
  payment2->amount = 30000;
  memcpy (payment2->currency, "USD", 4);
  payment2->method = SETTLE_PAYMENT_ACH;
  settle_payment_record (f->book, payment2, &error);
  g_assert_no_error (error);
  settle_payment_apply (f->book, payment2->id, inv4, 30000, NULL, &error);
  g_assert_no_error (error);
  credit_line_copy.description = (char *) "Managed services, one seat returned";
  credit_line_copy.quantity_milli = 1000;
  credit_line_copy.unit_price = 10000;
  g_ptr_array_add (credit_lines, &credit_line_copy);
  d = date ("2026-02-20");
  settle_credit_note_issue (f->book, inv4, credit_lines, &d, "Seat returned", &error);
  g_assert_no_error (error);

  st = settle_statement_load (f->book, client->id, &from, &to, &error);
  g_assert_no_error (error);
  assert_consistent (st);
  g_assert_cmpuint (st->lines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SettleStatementLine *line = g_ptr_array_index (st->lines, i);

      g_assert_cmpint (line->kind, ==, expected[i].kind);
      g_assert_cmpint (line->debit, ==, expected[i].debit);
      g_assert_cmpint (line->credit, ==, expected[i].credit);
      g_assert_cmpint (line->balance, ==, expected[i].balance);
    }
  g_assert_cmpint (st->opening_balance, ==, 0);
  g_assert_cmpint (st->closing_balance, ==, 40000);
  /* Net 30 from 2026-02-10: not yet due on 2026-02-28. */
  g_assert_cmpint (st->aging[0], ==, 50000);
  g_assert_cmpint (st->unapplied_credit, ==, 10000);
  after = settle_client_load (f->book, client->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->credit, ==, 10000);
  g_assert_cmpint (st->closing_balance, ==, after->balance - after->credit);

  /* A later start opens with what was owed. */
  {
    GDate later = date ("2026-02-05");
    g_autoptr(SettleStatement) part = settle_statement_load (f->book, client->id, &later, &to,
                                                             &error);

    g_assert_no_error (error);
    g_assert_cmpint (part->opening_balance, ==, 0);
    g_assert_cmpuint (part->lines->len, ==, 6);
    later = date ("2026-01-25");
    g_clear_pointer (&part, settle_statement_free);
    part = settle_statement_load (f->book, client->id, &later, &to, &error);
    g_assert_no_error (error);
    g_assert_cmpint (part->opening_balance, ==, 60000);
  }

  /* The period the wrong way round is refused. */
  {
    g_autoptr(SettleStatement) bad = settle_statement_load (f->book, client->id, &to, &from,
                                                            &error);

    g_assert_null (bad);
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
    g_clear_error (&error);
  }

  first = settle_invoice_load (f->book, inv1, &error);
  g_assert_no_error (error);
  doc = settle_statement_document_new (f->book, client->id, &from, &to, &error);
  g_assert_no_error (error);
  pdf = g_build_filename (f->dir, "statement.pdf", NULL);
  settle_statement_document_write_pdf (doc, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settle_render_test_pdf_pages (pdf), ==, 1);
  text = settle_render_test_pdf_text (pdf, 0);
  assert_contains (text, "Statement");
  assert_contains (text, "Northwind Dental Group");
  assert_contains (text, "Opening balance");
  assert_contains (text, "Closing balance");
  assert_contains (text, "$400.00");
  assert_contains (text, "$0.00");
  assert_contains (text, "Unapplied credit");
  minus_credit = settle_render_test_money (-10000, "USD");
  assert_contains (text, minus_credit);
  assert_contains (text, "Check 1001");
  assert_contains (text, "Payment — Check");
  credit_line = g_strdup_printf ("Credit note for %s", first->number);
  assert_contains (text, credit_line);
  assert_contains (text, "Invoice voided");
  assert_contains (text, "Over 90 days");
  assert_contains (text, "2026-01-01 – 2026-02-28");
  assert_contains (text, "Page 1 of 1");
}

/* The longest demo statement: pages as counted, headings repeated, the balances
 * printed are the book's. */
static void
test_demo_pdf (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleStatementDocument) doc = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *closing = NULL;
  const SettleStatement *st;
  GDate today = date ("2026-06-30"), from = date ("2025-07-01");
  SettleId longest = 0;
  guint most = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  int n_pages;

  if (!settle_render_test_have_poppler ())
    return;

  make_demo (f, "2026-06-30");
  for (SettleId id = 1; id <= DEMO_CLIENTS; id++)
    {
      g_autoptr(SettleStatement) s = settle_statement_load (f->book, id, &from, &today, &error);

      g_assert_no_error (error);
      if (s->lines->len > most)
        {
          most = s->lines->len;
          longest = id;
        }
    }

  doc = settle_statement_document_new (f->book, longest, &from, &today, &error);
  g_assert_no_error (error);
  st = settle_statement_document_get_statement (doc);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cr = cairo_create (surface);
  n_pages = settle_statement_document_get_n_pages (doc, cr, 612, 792);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  pdf = g_build_filename (f->dir, "demo-statement.pdf", NULL);
  settle_statement_document_write_pdf (doc, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settle_render_test_pdf_pages (pdf), ==, n_pages);
  g_test_message ("%u lines, %d pages", most, n_pages);
  g_assert_cmpint (n_pages, >=, 2);

  text = settle_render_test_pdf_text (pdf, 0);
  opening = settle_render_test_money (st->opening_balance, st->currency);
  closing = settle_render_test_money (st->closing_balance, st->currency);
  assert_contains (text, opening);
  assert_contains (text, closing);
  assert_contains (text, st->client_name);
  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = settle_render_test_pdf_text (pdf, page);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", page, n_pages);

      assert_contains (page_text, footer);
      if (page > 1)
        assert_contains (page_text, "(continued)");
    }
  for (guint i = 0; i < st->lines->len; i++)
    {
      const SettleStatementLine *line = g_ptr_array_index (st->lines, i);

      if (line->kind == SETTLE_STATEMENT_INVOICE && line->reference != NULL &&
          *line->reference != '\0')
        assert_contains (text, line->reference);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/render/statement/demo-balances", test_demo_balances);
  ADD ("/render/statement/kinds", test_kinds);
  ADD ("/render/statement/demo-pdf", test_demo_pdf);
#undef ADD

  return g_test_run ();
}
