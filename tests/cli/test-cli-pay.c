/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built settle-cli pay on a temporary book. */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-payment.h"
#include "settle-cli-test.h"
#include "settle-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  char    *client;
  SettleId a, b;
  char    *a_number, *b_number;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(SettleBook) book = settle_test_new_book (&f->dir);
  g_autoptr(SettleInvoice) a = NULL;
  g_autoptr(SettleInvoice) b = NULL;
  SettleId client;

  f->path = g_strdup (settle_book_get_path (book));
  client = settle_test_add_client (book, "Harbor Veterinary Clinic", 30);
  f->client = g_strdup_printf ("%" G_GINT64_FORMAT, client);
  f->a = settle_test_add_invoice (book, client, "2026-01-10", 10000);
  f->b = settle_test_add_invoice (book, client, "2026-01-20", 5000);
  a = settle_invoice_load (book, f->a, NULL);
  b = settle_invoice_load (book, f->b, NULL);
  f->a_number = g_strdup (a->number);
  f->b_number = g_strdup (b->number);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->client);
  g_free (f->a_number);
  g_free (f->b_number);
}

static void
assert_invoice (SettleBook          *book,
                SettleId             id,
                SettleInvoiceStatus  status,
                gint64               paid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) inv = settle_invoice_load (book, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (inv->status, ==, status);
  g_assert_cmpint (inv->amount_paid, ==, paid);
}

static void
test_pay (Fixture      *f,
          gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *b_part = g_strdup_printf ("%s=20.00", f->b_number);
  g_autofree char *b_over = g_strdup_printf ("%s=60.00", f->b_number);
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;

  /* Usage errors: exit 2. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--client", f->client,
                                        "--amount", "10", "--method", "barter", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "--method"));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--client", f->client,
                                        "--amount", "ten", "--method", "check", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "--amount"));
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "pay", f->path, "--reverse", "1", "--settle", "2", NULL), ==,
    2);
  /* More than the invoice's balance: exit 1, naming it, nothing recorded. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--client", f->client,
                                        "--amount", "200.00", "--method", "check", "--date",
                                        "2026-02-01", "--invoice", b_over, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, f->b_number));

  book = settle_book_open (f->path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SettlePayment) none = settle_payment_load (book, 1, &error);

    g_assert_null (none);
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* $120.00 check: all of A, $20.00 of B. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--client", f->client,
                                        "--amount", "120.00", "--method", "check", "--reference",
                                        "4411", "--date", "2026-02-01", "--invoice", f->a_number,
                                        "--invoice", b_part, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Payment 1 recorded"));
  g_assert_nonnull (strstr (out, f->b_number));
  assert_invoice (book, f->a, SETTLE_INVOICE_PAID, 10000);
  assert_invoice (book, f->b, SETTLE_INVOICE_PARTIAL, 2000);

  /* Bounced: both open again, and a $25.00 fee invoice. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--reverse", "1", "--nsf-fee",
                                        "25.00", "--date", "2026-02-09", "--reason",
                                        "Bounced check", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Payment 1 reversed"));
  g_assert_nonnull (strstr (out, "25.00"));
  assert_invoice (book, f->a, SETTLE_INVOICE_ISSUED, 0);
  assert_invoice (book, f->b, SETTLE_INVOICE_ISSUED, 0);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--reverse", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already reversed"));

  /* ACH pending: nothing paid until --settle. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--client", f->client,
                                        "--amount", "100.00", "--method", "ach", "--pending",
                                        "--date", "2026-02-10", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Pending"));
  assert_invoice (book, f->a, SETTLE_INVOICE_ISSUED, 0);
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "pay", f->path, "--settle", "2", "--date", "2026-02-13", NULL),
    ==, 0);
  assert_invoice (book, f->a, SETTLE_INVOICE_PAID, 10000);
  settle_test_assert_invariants (book);

  /* An overpayment becomes credit: applied oldest first to B ($30.00) and the fee
   * invoice ($25.00), the rest refunded. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--client", f->client,
                                        "--amount", "90.00", "--method", "wire", "--date",
                                        "2026-02-14", "--invoice", b_part, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "$70.00 stays as the client's credit"));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--client", f->client,
                                        "--apply-credit", "--date", "2026-02-15", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Applied $55.00"));
  assert_invoice (book, f->b, SETTLE_INVOICE_PAID, 5000);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--client", f->client,
                                        "--refund", "15.01", "--date", "2026-02-16", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "credit"));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "pay", f->path, "--client", f->client,
                                        "--refund", "15.00", "--method", "check", "--reference",
                                        "5001", "--date", "2026-02-16", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "credit left $0.00"));
  settle_test_assert_invariants (book);
}

int
main (int argc, char **argv)
{
  settle_cli_test_init (&argc, &argv, "2026-11-23");
  g_test_add ("/cli/pay", Fixture, NULL, fixture_set_up, test_pay, fixture_tear_down);
  return g_test_run ();
}
