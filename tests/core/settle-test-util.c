/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <glib/gstdio.h>

#include "settle-aging.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-payment.h"
#include "settle-refund.h"
#include "settle-test-util.h"

SettleBook *
settle_test_new_book (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SettleBook *book;

  *dir = g_dir_make_tmp ("settle-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "test.settle", NULL);
  book = settle_book_open (path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (book);
  return book;
}

void
settle_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

GDate
settle_test_date (const char *iso)
{
  GDate date;

  g_assert_true (settle_date_parse (iso, &date));
  return date;
}

void
settle_test_assert_invariants (SettleBook *book)
{
  g_autoptr(GError) error = NULL;

  settle_book_check_invariants (book, &error);
  g_assert_no_error (error);
}

SettleId
settle_test_add_client (SettleBook *book,
                        const char *name,
                        int         terms_days)
{
  g_autoptr(SettleClient) client = settle_client_new ();
  g_autoptr(GError) error = NULL;

  g_free (client->name);
  client->name = g_strdup (name);
  client->terms_days = terms_days;
  settle_client_save (book, client, &error);
  g_assert_no_error (error);
  return client->id;
}

SettleId
settle_test_add_invoice (SettleBook *book,
                         SettleId    client_id,
                         const char *issue_date,
                         gint64      amount)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new (client_id, "USD");
  g_autoptr(SettleClient) client = settle_client_load (book, client_id, NULL);
  g_autoptr(GError) error = NULL;

  inv->terms_days = client->terms_days;
  settle_invoice_add_line (inv, "Managed services", 1000, amount, 0);
  settle_invoice_save_draft (book, inv, &error);
  g_assert_no_error (error);
  if (issue_date != NULL)
    {
      GDate d = settle_test_date (issue_date);
      settle_invoice_issue (book, inv->id, &d, &error);
      g_assert_no_error (error);
    }
  return inv->id;
}

SettleId
settle_test_pay (SettleBook *book,
                 SettleId    client_id,
                 const char *date,
                 gint64      amount,
                 SettleId    invoice_id,
                 gint64      applied)
{
  g_autoptr(SettlePayment) p = settle_payment_new ();
  g_autoptr(GError) error = NULL;

  p->client_id = client_id;
  p->date = settle_test_date (date);
  p->amount = amount;
  p->method = SETTLE_PAYMENT_CHECK;
  settle_payment_record (book, p, &error);
  g_assert_no_error (error);
  if (invoice_id != 0 && applied > 0)
    {
      settle_payment_apply (book, p->id, invoice_id, applied, NULL, &error);
      g_assert_no_error (error);
    }
  return p->id;
}

GDate
settle_test_days_after (const GDate *date,
                        int          days)
{
  GDate d = *date;

  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return d;
}

void
settle_test_add_credit_moves (SettleBook *book,
                              const char *applied_on,
                              GArray     *events)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) inv = settle_invoice_load (book, 1, &error);
  g_autoptr(SettleRefund) refund = settle_refund_new ();
  g_autoptr(SettlePayment) ach = settle_payment_new ();
  GDate applied = settle_test_date (applied_on);

  g_assert_no_error (error);
  settle_test_pay (book, inv->client_id, "2026-09-10", 500000, 0, 0);
  refund->client_id = inv->client_id;
  refund->date = settle_test_date ("2026-09-25");
  refund->amount = 120000;
  refund->method = SETTLE_PAYMENT_CHECK;
  g_assert_true (settle_refund_record (book, refund, &error));
  g_assert_no_error (error);
  g_assert_true (settle_client_apply_credit (book, inv->client_id, 0, 0, &applied, NULL, &error));
  g_assert_no_error (error);
  g_array_append_val (events, refund->date);
  g_array_append_val (events, applied);

  ach->client_id = inv->client_id;
  ach->date = settle_test_date ("2026-11-01");
  ach->amount = 70000;
  ach->method = SETTLE_PAYMENT_ACH;
  ach->status = SETTLE_PAYMENT_PENDING;
  g_assert_true (settle_payment_record (book, ach, &error));
  g_assert_no_error (error);
}

void
settle_test_assert_aging_totals (const SettleAgingReport *r,
                                 gint64 b0, gint64 b1, gint64 b2, gint64 b3, gint64 b4,
                                 gint64 credit, gint64 balance)
{
  g_assert_cmpint (r->totals.buckets[0], ==, b0);
  g_assert_cmpint (r->totals.buckets[1], ==, b1);
  g_assert_cmpint (r->totals.buckets[2], ==, b2);
  g_assert_cmpint (r->totals.buckets[3], ==, b3);
  g_assert_cmpint (r->totals.buckets[4], ==, b4);
  g_assert_cmpint (r->totals.credit, ==, credit);
  g_assert_cmpint (r->totals.balance, ==, balance);
}

void
settle_test_assert_aging_matches_ledger (SettleBook              *book,
                                         const SettleAgingReport *r)
{
  g_autoptr(GError) error = NULL;
  gint64 ar = 0, sum = -r->totals.credit;

  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    sum += r->totals.buckets[b];
  g_assert_true (settle_receivables_balance (book, &r->as_of, NULL, &ar, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sum, ==, ar);
  g_assert_cmpint (r->totals.balance, ==, ar);
}
