/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-activity.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-payment.h"
#include "settle-test-util.h"

typedef struct
{
  char       *dir;
  SettleBook *book;
  SettleId    client;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->book = settle_test_new_book (&f->dir);
  f->client = settle_test_add_client (f->book, "Cedar Family Law PC", 30);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  settle_test_assert_invariants (f->book);
  g_clear_object (&f->book);
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Per line, half-up: 1.5 × $123.45 = $185.175 → $185.18; tax 8.25 % of 18518¢ = 1527.7¢ → 1528¢.
 * 3 × $0.33 = 99¢; tax 8.25 % of 99¢ = 8.17¢ → 8¢. Subtotal 18617, tax 1536, total 20153. */
static void
test_totals_per_line (void)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new (1, "USD");
  g_autoptr(GError) error = NULL;
  SettleInvoiceLine *a, *b;

  a = settle_invoice_add_line (inv, "Engineering", 1500, 12345, 825);
  b = settle_invoice_add_line (inv, "Cable ties", 3000, 33, 825);
  g_assert_true (settle_invoice_compute_totals (inv, &error));
  g_assert_cmpint (a->net, ==, 18518);
  g_assert_cmpint (a->tax, ==, 1528);
  g_assert_cmpint (b->net, ==, 99);
  g_assert_cmpint (b->tax, ==, 8);
  g_assert_cmpint (inv->subtotal, ==, 18617);
  g_assert_cmpint (inv->tax_total, ==, 1536);
  g_assert_cmpint (inv->total, ==, 20153);
}

/* Three lines of $0.10 at 5 %: per line each tax is 0.5¢ → 1¢ half-up (3¢), 0¢ half-even
 * (0¢); per invoice the tax is 5 % of 30¢ = 1.5¢ → 2¢ half-up, 2¢ half-even. The per-line
 * and per-invoice results differ by up to (lines − 1) minor units, as EN 16931 warns. */
static void
test_totals_rules_differ (void)
{
  struct { SettleRounding r; SettleTaxRounding t; gint64 tax; } cases[] = {
    { SETTLE_ROUND_HALF_UP, SETTLE_TAX_ROUND_PER_LINE, 3 },
    { SETTLE_ROUND_HALF_EVEN, SETTLE_TAX_ROUND_PER_LINE, 0 },
    { SETTLE_ROUND_HALF_UP, SETTLE_TAX_ROUND_PER_INVOICE, 2 },
    { SETTLE_ROUND_HALF_EVEN, SETTLE_TAX_ROUND_PER_INVOICE, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_new (1, "USD");
      g_autoptr(GError) error = NULL;

      inv->rounding = cases[i].r;
      inv->tax_rounding = cases[i].t;
      for (int l = 0; l < 3; l++)
        settle_invoice_add_line (inv, "Item", 1000, 10, 500);
      g_assert_true (settle_invoice_compute_totals (inv, &error));
      g_assert_cmpint (inv->subtotal, ==, 30);
      g_assert_cmpint (inv->tax_total, ==, cases[i].tax);
      g_assert_cmpint (inv->total, ==, 30 + cases[i].tax);
    }
}

static void
test_totals_overflow (void)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new (1, "USD");
  g_autoptr(GError) error = NULL;

  settle_invoice_add_line (inv, "Huge", G_MAXINT64 / 100, 1000000, 0);
  g_assert_false (settle_invoice_compute_totals (inv, &error));
  g_assert_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "Line 1"));
}

static void
test_issue_numbers_gapless (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) empty = settle_invoice_new (f->client, "USD");
  SettleId a, b;
  GDate d = settle_test_date ("2026-03-01");

  a = settle_test_add_invoice (f->book, f->client, "2026-03-01", 10000);
  /* An issue that fails takes no number. */
  g_assert_true (settle_invoice_save_draft (f->book, empty, &error));
  g_assert_false (settle_invoice_issue (f->book, empty->id, &d, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  b = settle_test_add_invoice (f->book, f->client, "2026-03-02", 20000);
  {
    g_autoptr(SettleInvoice) ia = settle_invoice_load (f->book, a, &error);
    g_autoptr(SettleInvoice) ib = settle_invoice_load (f->book, b, &error);
    g_autoptr(SettleInvoice) draft = settle_invoice_load (f->book, empty->id, &error);
    g_autofree char *due = settle_date_to_iso (&ia->due_date);

    g_assert_cmpstr (ia->number, ==, "INV-000001");
    g_assert_cmpstr (ib->number, ==, "INV-000002");
    g_assert_null (draft->number);
    g_assert_cmpstr (due, ==, "2026-03-31"); /* net 30 */
    g_assert_cmpint (ia->status, ==, SETTLE_INVOICE_ISSUED);
    g_assert_cmpstr (ia->client_name, ==, "Cedar Family Law PC");
  }
}

static void
test_issued_is_frozen (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SettleId id = settle_test_add_invoice (f->book, f->client, "2026-03-01", 10000);
  g_autoptr(SettleInvoice) inv = settle_invoice_load (f->book, id, &error);
  GDate d = settle_test_date ("2026-03-05");

  settle_invoice_add_line (inv, "Sneaky extra", 1000, 500, 0);
  g_assert_false (settle_invoice_save_draft (f->book, inv, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (settle_invoice_issue (f->book, id, &d, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  /* A stale copy still saying "draft" cannot overwrite it either. */
  inv->status = SETTLE_INVOICE_DRAFT;
  g_assert_false (settle_invoice_save_draft (f->book, inv, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_pointer (&inv, settle_invoice_free);
}

static void
test_draft_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) inv = settle_invoice_new (f->client, "USD");

  settle_invoice_add_line (inv, "Fine", 1000, 100, 0);
  settle_invoice_add_line (inv, "   ", 1000, 100, 0);
  g_assert_false (settle_invoice_save_draft (f->book, inv, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_cmpint (inv->id, ==, 0);
}

static void
test_payments_partial_over_allocate (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SettleId older = settle_test_add_invoice (f->book, f->client, "2026-01-05", 30000);
  SettleId newer = settle_test_add_invoice (f->book, f->client, "2026-02-05", 20000);
  SettleId pay;
  g_autoptr(SettleInvoice) a = NULL, b = NULL;
  g_autoptr(SettleClient) c = NULL;

  /* Partial payment by hand. */
  settle_test_pay (f->book, f->client, "2026-02-10", 10000, older, 10000);
  a = settle_invoice_load (f->book, older, &error);
  g_assert_cmpint (a->status, ==, SETTLE_INVOICE_PARTIAL);
  g_assert_cmpint (settle_invoice_get_balance (a), ==, 20000);
  g_clear_pointer (&a, settle_invoice_free);
  settle_test_assert_invariants (f->book);

  /* $550 allocated oldest due first: $200 closes the older, $200 the newer, $150 stays as credit. */
  pay = settle_test_pay (f->book, f->client, "2026-03-01", 55000, 0, 0);
  g_assert_true (settle_payment_allocate (f->book, pay, &error));
  g_assert_no_error (error);
  a = settle_invoice_load (f->book, older, &error);
  b = settle_invoice_load (f->book, newer, &error);
  g_assert_cmpint (a->status, ==, SETTLE_INVOICE_PAID);
  g_assert_cmpint (b->status, ==, SETTLE_INVOICE_PAID);
  c = settle_client_load (f->book, f->client, &error);
  g_assert_cmpint (c->balance, ==, 0);
  g_assert_cmpint (c->credit, ==, 15000);

  /* The paid invoice refuses more money; the payment cannot apply beyond what is left. */
  {
    SettleId third = settle_test_add_invoice (f->book, f->client, "2026-03-02", 10000);
    g_assert_false (settle_payment_apply (f->book, pay, older, 100, NULL, &error));
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
    g_clear_error (&error);
    g_assert_false (settle_payment_apply (f->book, pay, third, 15001, NULL, &error));
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
    g_clear_error (&error);
    /* Credit applied later: dated the day it is applied, not before the invoice. */
    {
      GDate when = settle_test_date ("2026-03-03");
      GDate too_early = settle_test_date ("2026-03-01");
      g_assert_false (settle_payment_apply (f->book, pay, third, 10000, &too_early, &error));
      g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_true (settle_payment_apply (f->book, pay, third, 10000, &when, &error));
      g_assert_no_error (error);
    }
  }
  {
    g_autoptr(GPtrArray) apps = settle_invoice_list_applications (f->book, older, &error);
    g_assert_cmpuint (apps->len, ==, 2);
  }
}

static void
test_payment_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettlePayment) p = settle_payment_new ();
  SettleId other = settle_test_add_client (f->book, "Other Co.", 30);
  SettleId inv = settle_test_add_invoice (f->book, other, "2026-01-01", 1000);
  SettleId pay;

  p->client_id = f->client;
  p->date = settle_test_date ("2026-01-02");
  p->amount = 0;
  g_assert_false (settle_payment_record (f->book, p, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  p->amount = 500;
  strcpy (p->currency, "EUR");
  g_assert_false (settle_payment_record (f->book, p, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  pay = settle_test_pay (f->book, f->client, "2026-01-02", 500, 0, 0);
  g_assert_false (settle_payment_apply (f->book, pay, inv, 500, NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
}

static void
test_void (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SettleId a = settle_test_add_invoice (f->book, f->client, "2026-01-05", 30000);
  SettleId b = settle_test_add_invoice (f->book, f->client, "2026-01-06", 30000);
  GDate d = settle_test_date ("2026-01-10");
  g_autoptr(GPtrArray) log = NULL;

  settle_test_pay (f->book, f->client, "2026-01-07", 100, b, 100);
  g_assert_true (settle_invoice_void (f->book, a, &d, "Raised in error", &error));
  g_assert_no_error (error);
  g_assert_false (settle_invoice_void (f->book, a, &d, NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (settle_invoice_void (f->book, b, &d, NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  log = settle_activity_list (f->book, "invoice", a, &error);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpstr (((SettleActivity *) log->pdata[0])->action, ==, "created");
  g_assert_cmpstr (((SettleActivity *) log->pdata[1])->action, ==, "issued");
  g_assert_cmpstr (((SettleActivity *) log->pdata[2])->action, ==, "voided");
}

static void
test_client_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(SettleClient) c = settle_client_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (settle_client_save (f->book, c, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);
  g_free (c->name);
  c->name = g_strdup ("Valid Name");
  g_free (c->email);
  c->email = g_strdup ("not an email");
  g_assert_false (settle_client_save (f->book, c, &error));
  g_assert_nonnull (strstr (error->message, "not an email"));
  g_assert_true (settle_email_is_valid ("ap@harbor-dental.example.com"));
  g_assert_false (settle_email_is_valid ("ap@localhost"));
  g_assert_false (settle_email_is_valid ("@x.com"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ledger/totals-per-line", test_totals_per_line);
  g_test_add_func ("/ledger/totals-rules-differ", test_totals_rules_differ);
  g_test_add_func ("/ledger/totals-overflow", test_totals_overflow);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/ledger/issue-numbers-gapless", test_issue_numbers_gapless);
  ADD ("/ledger/issued-is-frozen", test_issued_is_frozen);
  ADD ("/ledger/draft-validation", test_draft_validation);
  ADD ("/ledger/payments-partial-over-allocate", test_payments_partial_over_allocate);
  ADD ("/ledger/payment-validation", test_payment_validation);
  ADD ("/ledger/void", test_void);
  ADD ("/ledger/client-validation", test_client_validation);
  return g_test_run ();
}
