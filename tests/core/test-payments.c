/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-aging.h"
#include "settle-client.h"
#include "settle-credit-note.h"
#include "settle-invoice.h"
#include "settle-payment.h"
#include "settle-payment-surcharge.h"
#include "settle-refund.h"
#include "settle-statement.h"
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
  f->client = settle_test_add_client (f->book, "Juniper Dental Group", 30);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  settle_test_assert_invariants (f->book);
  g_clear_object (&f->book);
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Aging on a date (its totals) against the ledger's receivables balance then; the
 * client's open items and credit on that date are returned. */
static void
aging_on (Fixture    *f,
          const char *iso,
          gint64     *open,
          gint64     *credit)
{
  GDate d = settle_test_date (iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleAgingReport) report = settle_aging_compute (f->book, &d, SETTLE_AGING_BY_DUE_DATE,
                                                              NULL, &error);
  gint64 ledger = 0;

  g_assert_no_error (error);
  g_assert_true (settle_receivables_balance (f->book, &d, NULL, &ledger, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->totals.balance, ==, ledger);
  *open = 0;
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    *open += report->totals.buckets[b];
  *credit = report->totals.credit;
}

static SettleInvoice *
load_invoice (Fixture *f, SettleId id)
{
  g_autoptr(GError) error = NULL;
  SettleInvoice *inv = settle_invoice_load (f->book, id, &error);

  g_assert_no_error (error);
  return inv;
}

static gint64
client_credit (Fixture *f)
{
  g_autoptr(SettleClient) c = settle_client_load (f->book, f->client, NULL);

  return c->credit;
}

static SettleId
record (Fixture            *f,
        const char         *date,
        gint64              amount,
        SettlePaymentMethod method,
        gboolean            pending)
{
  g_autoptr(SettlePayment) p = settle_payment_new ();
  g_autoptr(GError) error = NULL;

  p->client_id = f->client;
  p->date = settle_test_date (date);
  p->amount = amount;
  p->method = method;
  p->status = pending ? SETTLE_PAYMENT_PENDING : SETTLE_PAYMENT_SETTLED;
  g_assert_true (settle_payment_record (f->book, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(SettlePayment) p = settle_payment_new ();
  g_autoptr(GError) error = NULL;

  p->client_id = f->client;
  p->date = settle_test_date ("2026-03-01");
  p->amount = 0;
  g_assert_false (settle_payment_record (f->book, p, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Amount"));
  g_clear_error (&error);

  p->amount = 1000;
  p->method = SETTLE_PAYMENT_CHECK;
  p->status = SETTLE_PAYMENT_PENDING;
  g_assert_false (settle_payment_record (f->book, p, &error));
  g_assert_nonnull (strstr (error->message, "ACH"));
  g_clear_error (&error);

  p->status = SETTLE_PAYMENT_SETTLED;
  strcpy (p->currency, "EUR");
  g_assert_false (settle_payment_record (f->book, p, &error));
  g_assert_nonnull (strstr (error->message, "Currency"));
  g_assert_cmpint (p->id, ==, 0);
  settle_test_assert_invariants (f->book);
}

static void
test_manual_allocation (Fixture *f, gconstpointer data)
{
  SettleId a = settle_test_add_invoice (f->book, f->client, "2026-01-10", 100000);
  SettleId b = settle_test_add_invoice (f->book, f->client, "2026-01-20", 50000);
  SettleId pay = record (f, "2026-02-01", 130000, SETTLE_PAYMENT_CHECK, FALSE);
  SettleAllocation split[] = { { b, 20000 }, { a, 100000 } };
  g_autoptr(SettleInvoice) ia = NULL;
  g_autoptr(SettleInvoice) ib = NULL;
  g_autoptr(SettlePayment) p = NULL;
  g_autoptr(GError) error = NULL;
  gint64 open, credit;

  g_assert_true (settle_payment_allocate_manual (f->book, pay, split, 2, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (f->book);
  ia = load_invoice (f, a);
  ib = load_invoice (f, b);
  g_assert_cmpint (ia->status, ==, SETTLE_INVOICE_PAID);
  g_assert_cmpint (ib->status, ==, SETTLE_INVOICE_PARTIAL);
  g_assert_cmpint (ib->amount_paid, ==, 20000);
  p = settle_payment_load (f->book, pay, &error);
  g_assert_cmpint (settle_payment_get_unapplied (p), ==, 10000);
  g_assert_cmpint (client_credit (f), ==, 10000);
  aging_on (f, "2026-02-01", &open, &credit);
  g_assert_cmpint (open, ==, 30000);
  g_assert_cmpint (credit, ==, 10000);
}

static void
test_over_allocation_refused (Fixture *f, gconstpointer data)
{
  SettleId a = settle_test_add_invoice (f->book, f->client, "2026-01-10", 100000);
  SettleId b = settle_test_add_invoice (f->book, f->client, "2026-01-20", 50000);
  SettleId pay = record (f, "2026-02-01", 60000, SETTLE_PAYMENT_WIRE, FALSE);
  SettleAllocation too_much[] = { { a, 40000 }, { b, 30000 } };
  SettleAllocation over_balance[] = { { a, 10000 }, { b, 50001 } };
  g_autoptr(SettleInvoice) ib = load_invoice (f, b);
  g_autoptr(SettleInvoice) ia = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (settle_payment_allocate_manual (f->book, pay, too_much, 2, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "left on the payment"));
  g_clear_error (&error);

  g_assert_false (settle_payment_allocate_manual (f->book, pay, over_balance, 2, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ib->number));
  g_assert_nonnull (strstr (error->message, "balance"));

  /* Nothing half-way: the first invoice got nothing either. */
  ia = load_invoice (f, a);
  g_assert_cmpint (ia->amount_paid, ==, 0);
  g_assert_cmpint (client_credit (f), ==, 60000);
  settle_test_assert_invariants (f->book);
}

static void
test_credit_and_refund (Fixture *f, gconstpointer data)
{
  SettleId a, b;
  GDate d = settle_test_date ("2026-03-10");
  g_autoptr(SettleRefund) r = settle_refund_new ();
  g_autoptr(SettleRefund) r2 = settle_refund_new ();
  g_autoptr(SettleInvoice) ia = NULL;
  g_autoptr(SettleInvoice) ib = NULL;
  g_autoptr(GPtrArray) refunds = NULL;
  g_autoptr(GError) error = NULL;
  gint64 applied = 0, available = 0, open, credit;

  /* Two payments before any invoice: all credit. */
  record (f, "2026-02-01", 30000, SETTLE_PAYMENT_CHECK, FALSE);
  record (f, "2026-02-15", 20000, SETTLE_PAYMENT_CASH, FALSE);
  g_assert_cmpint (client_credit (f), ==, 50000);
  a = settle_test_add_invoice (f->book, f->client, "2026-03-01", 25000);
  b = settle_test_add_invoice (f->book, f->client, "2026-03-05", 10000);

  g_assert_true (settle_client_apply_credit (f->book, f->client, 0, 0, &d, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, 35000);
  settle_test_assert_invariants (f->book);
  ia = load_invoice (f, a);
  ib = load_invoice (f, b);
  g_assert_cmpint (ia->status, ==, SETTLE_INVOICE_PAID);
  g_assert_cmpint (ib->status, ==, SETTLE_INVOICE_PAID);
  g_assert_true (settle_client_get_available_credit (f->book, f->client, &available, &error));
  g_assert_cmpint (available, ==, 15000);
  g_assert_cmpint (client_credit (f), ==, 15000);

  /* Oldest first: the first payment (300) went entirely, the second keeps 150. */
  {
    g_autoptr(GPtrArray) apps = settle_invoice_list_applications (f->book, b, &error);

    g_assert_cmpuint (apps->len, ==, 2);
  }

  r->client_id = f->client;
  r->date = settle_test_date ("2026-03-20");
  r->amount = 20000;
  r->method = SETTLE_PAYMENT_CHECK;
  g_assert_false (settle_refund_record (f->book, r, &error));
  g_assert_nonnull (strstr (error->message, "credit"));
  g_clear_error (&error);
  r->amount = 15000;
  g_assert_true (settle_refund_record (f->book, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (client_credit (f), ==, 0);
  settle_test_assert_invariants (f->book);

  r2->client_id = f->client;
  r2->date = settle_test_date ("2026-03-21");
  r2->amount = 1;
  g_assert_false (settle_refund_record (f->book, r2, &error));
  g_clear_error (&error);
  refunds = settle_refund_list (f->book, f->client, &error);
  g_assert_cmpuint (refunds->len, ==, 1);

  /* History: credit 150 the day before the refund, none after. */
  aging_on (f, "2026-03-19", &open, &credit);
  g_assert_cmpint (credit, ==, 15000);
  aging_on (f, "2026-03-20", &open, &credit);
  g_assert_cmpint (credit, ==, 0);
  g_assert_cmpint (open, ==, 0);
  aging_on (f, "2026-02-20", &open, &credit);
  g_assert_cmpint (credit, ==, 50000);

  /* The statement shows the refund as a debit, and ends where the ledger does. */
  {
    GDate from = settle_test_date ("2026-01-01"), to = settle_test_date ("2026-03-31");
    g_autoptr(SettleStatement) st = settle_statement_load (f->book, f->client, &from, &to, &error);
    gboolean saw_refund = FALSE;
    gint64 ledger = -1;

    g_assert_no_error (error);
    for (guint i = 0; i < st->lines->len; i++)
      {
        SettleStatementLine *line = st->lines->pdata[i];

        if (line->kind == SETTLE_STATEMENT_REFUND)
          saw_refund = line->debit == 15000;
      }
    g_assert_true (saw_refund);
    g_assert_cmpint (st->closing_balance, ==, 0);
    g_assert_true (settle_receivables_balance (f->book, &to, NULL, &ledger, &error));
    g_assert_cmpint (ledger, ==, st->closing_balance);
  }
}

/* A credit note for more than is open leaves client credit; applying it to the
 * next invoice records an application from the credit note. */
static void
test_credit_note_credit (Fixture *f, gconstpointer data)
{
  SettleId a = settle_test_add_invoice (f->book, f->client, "2026-06-01", 10000);
  SettleId pay = record (f, "2026-06-05", 10000, SETTLE_PAYMENT_WIRE, FALSE);
  g_autoptr(SettleInvoice) lines = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleInvoice) ib = NULL;
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GError) error = NULL;
  GDate d = settle_test_date ("2026-06-10");
  GDate later = settle_test_date ("2026-06-20");
  SettleId b;
  gint64 available = 0, applied = 0;

  g_assert_true (settle_payment_allocate (f->book, pay, &error));
  settle_invoice_add_line (lines, "Managed services", 400, 10000, 0);
  g_assert_cmpint (settle_credit_note_issue (f->book, a, lines->lines, &d, "Outage credit",
                                             &error), >, 0);
  g_assert_no_error (error);
  settle_test_assert_invariants (f->book);
  g_assert_true (settle_client_get_available_credit (f->book, f->client, &available, &error));
  g_assert_cmpint (available, ==, 4000);

  b = settle_test_add_invoice (f->book, f->client, "2026-06-15", 2500);
  g_assert_false (settle_client_apply_credit (f->book, f->client, b, 3000, &later, NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (settle_client_apply_credit (f->book, f->client, b, 0, &later, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, 2500);
  ib = settle_invoice_load (f->book, b, &error);
  g_assert_cmpint (ib->status, ==, SETTLE_INVOICE_PAID);
  apps = settle_invoice_list_applications (f->book, b, &error);
  g_assert_cmpuint (apps->len, ==, 1);
  g_assert_cmpint (((SettleApplication *) apps->pdata[0])->credit_note_id, !=, 0);
  g_assert_cmpint (client_credit (f), ==, 1500);
  settle_test_assert_invariants (f->book);
}

static void
test_reversal_reopens (Fixture *f, gconstpointer data)
{
  SettleId a = settle_test_add_invoice (f->book, f->client, "2026-01-05", 100000);
  SettleId b = settle_test_add_invoice (f->book, f->client, "2026-01-06", 40000);
  SettleId pay = record (f, "2026-01-20", 150000, SETTLE_PAYMENT_CHECK, FALSE);
  GDate on = settle_test_date ("2026-02-10");
  GDate from = settle_test_date ("2026-01-01");
  g_autoptr(SettleInvoice) ia = NULL;
  g_autoptr(SettleInvoice) ib = NULL;
  g_autoptr(SettleInvoice) fee = NULL;
  g_autoptr(SettlePayment) p = NULL;
  g_autoptr(SettleStatement) st = NULL;
  g_autoptr(GError) error = NULL;
  SettleId nsf = 0;
  gint64 open, credit;
  gboolean saw_reversal = FALSE;

  g_assert_true (settle_payment_allocate (f->book, pay, &error));
  g_assert_no_error (error);
  g_assert_cmpint (client_credit (f), ==, 10000);

  g_assert_true (settle_payment_reverse (f->book, pay, &on, "Bounced check", 3500, &nsf, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (f->book);
  g_assert_cmpint (nsf, !=, 0);

  ia = load_invoice (f, a);
  ib = load_invoice (f, b);
  g_assert_cmpint (ia->status, ==, SETTLE_INVOICE_ISSUED);
  g_assert_cmpint (ia->amount_paid, ==, 0);
  g_assert_cmpint (ib->status, ==, SETTLE_INVOICE_ISSUED);
  g_assert_cmpint (client_credit (f), ==, 0);

  fee = load_invoice (f, nsf);
  g_assert_cmpint (fee->status, ==, SETTLE_INVOICE_ISSUED);
  g_assert_cmpint (fee->total, ==, 3500);
  g_assert_cmpuint (fee->lines->len, ==, 1);
  g_assert_cmpstr (((SettleInvoiceLine *) fee->lines->pdata[0])->description, ==,
                   "Returned payment fee");
  p = settle_payment_load (f->book, pay, &error);
  g_assert_cmpint (p->status, ==, SETTLE_PAYMENT_REVERSED);
  g_assert_cmpint (p->nsf_invoice_id, ==, nsf);
  g_assert_cmpint (p->applied, ==, 0);

  /* Before the reversal both were paid and 100 was credit; after, all open again. */
  aging_on (f, "2026-01-31", &open, &credit);
  g_assert_cmpint (open, ==, 0);
  g_assert_cmpint (credit, ==, 10000);
  aging_on (f, "2026-02-10", &open, &credit);
  g_assert_cmpint (open, ==, 143500);
  g_assert_cmpint (credit, ==, 0);

  st = settle_statement_load (f->book, f->client, &from, &on, &error);
  g_assert_no_error (error);
  g_assert_cmpint (st->closing_balance, ==, 143500);
  for (guint i = 0; i < st->lines->len; i++)
    {
      SettleStatementLine *line = st->lines->pdata[i];

      if (line->kind == SETTLE_STATEMENT_REVERSAL)
        saw_reversal = line->debit == 150000;
    }
  g_assert_true (saw_reversal);

  g_assert_false (settle_payment_reverse (f->book, pay, &on, NULL, 0, NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);

  /* A new payment pays them again. */
  pay = record (f, "2026-02-20", 143500, SETTLE_PAYMENT_WIRE, FALSE);
  g_assert_true (settle_payment_allocate (f->book, pay, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (f->book);
  aging_on (f, "2026-02-20", &open, &credit);
  g_assert_cmpint (open, ==, 0);
  aging_on (f, "2026-02-15", &open, &credit);
  g_assert_cmpint (open, ==, 143500);
}

static void
test_ach_pending (Fixture *f, gconstpointer data)
{
  SettleId a = settle_test_add_invoice (f->book, f->client, "2026-04-01", 50000);
  SettleId b = settle_test_add_invoice (f->book, f->client, "2026-04-02", 30000);
  SettleId pay = record (f, "2026-04-10", 60000, SETTLE_PAYMENT_ACH, TRUE);
  SettleId returned;
  SettleAllocation split[] = { { b, 30000 }, { a, 30000 } };
  GDate settled = settle_test_date ("2026-04-14");
  GDate ret = settle_test_date ("2026-04-16");
  g_autoptr(SettleInvoice) ia = NULL;
  g_autoptr(SettleInvoice) ib = NULL;
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pending = -1, open, credit;

  /* Not money yet: no credit, nothing applied, the aging still owes it all. */
  g_assert_cmpint (client_credit (f), ==, 0);
  g_assert_false (settle_payment_apply (f->book, pay, a, 100, NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (settle_payment_allocate_manual (f->book, pay, split, 2, &error));
  g_assert_no_error (error);
  g_assert_true (settle_invoice_get_pending (f->book, a, &pending, &error));
  g_assert_cmpint (pending, ==, 30000);
  ia = load_invoice (f, a);
  g_assert_cmpint (ia->status, ==, SETTLE_INVOICE_ISSUED);
  g_clear_pointer (&ia, settle_invoice_free);
  aging_on (f, "2026-04-12", &open, &credit);
  g_assert_cmpint (open, ==, 80000);
  g_assert_cmpint (credit, ==, 0);
  settle_test_assert_invariants (f->book);

  g_assert_true (settle_payment_mark_settled (f->book, pay, &settled, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (f->book);
  ia = load_invoice (f, a);
  ib = load_invoice (f, b);
  g_assert_cmpint (ia->status, ==, SETTLE_INVOICE_PARTIAL);
  g_assert_cmpint (ia->amount_paid, ==, 30000);
  g_assert_cmpint (ib->status, ==, SETTLE_INVOICE_PAID);
  g_assert_true (settle_invoice_get_pending (f->book, a, &pending, &error));
  g_assert_cmpint (pending, ==, 0);
  apps = settle_invoice_list_applications (f->book, a, &error);
  g_assert_cmpuint (apps->len, ==, 1);
  g_assert_cmpint (g_date_compare (&((SettleApplication *) apps->pdata[0])->date, &settled), ==, 0);
  aging_on (f, "2026-04-13", &open, &credit);
  g_assert_cmpint (open, ==, 80000);
  aging_on (f, "2026-04-14", &open, &credit);
  g_assert_cmpint (open, ==, 20000);

  g_assert_false (settle_payment_mark_settled (f->book, pay, &settled, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);

  /* A second ACH payment returned before it settles was never money. */
  returned = record (f, "2026-04-15", 20000, SETTLE_PAYMENT_ACH, TRUE);
  g_assert_true (settle_payment_allocate (f->book, returned, &error));
  g_assert_true (settle_invoice_get_pending (f->book, a, &pending, &error));
  g_assert_cmpint (pending, ==, 20000);
  g_assert_true (settle_payment_reverse (f->book, returned, &ret, "R01 insufficient funds", 0,
                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_true (settle_invoice_get_pending (f->book, a, &pending, &error));
  g_assert_cmpint (pending, ==, 0);
  settle_test_assert_invariants (f->book);
  aging_on (f, "2026-04-15", &open, &credit);
  g_assert_cmpint (open, ==, 20000);
  g_assert_cmpint (credit, ==, 0);
}

static void
set_state (Fixture *f, const char *state)
{
  g_autoptr(SettleClient) c = settle_client_load (f->book, f->client, NULL);
  g_autoptr(GError) error = NULL;

  g_free (c->state);
  c->state = g_strdup (state);
  g_assert_true (settle_client_save (f->book, c, &error));
  g_assert_no_error (error);
}

static void
test_card_surcharge (Fixture *f, gconstpointer data)
{
  SettleId a = settle_test_add_invoice (f->book, f->client, "2026-05-01", 100000);
  SettleSurchargePolicy policy;
  g_autoptr(SettlePayment) p = settle_payment_new ();
  g_autoptr(SettlePayment) debit = settle_payment_new ();
  g_autoptr(SettlePayment) ach = settle_payment_new ();
  g_autoptr(SettleInvoice) sur = NULL;
  g_autoptr(SettleInvoice) ia = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *warning2 = NULL;
  SettleId sur_id = 0, none = 1;
  gint64 amount = -1;

  settle_surcharge_policy_init (&policy);
  policy.rate_bp = 300;
  g_assert_true (settle_payment_surcharge_policy_save (f->book, &policy, &error));
  g_assert_no_error (error);
  set_state (f, "NY");

  g_assert_true (settle_payment_surcharge_preview (f->book, f->client, 100000, SETTLE_PAYMENT_ACH,
                                                   SETTLE_CARD_FUNDING_CREDIT, &amount, NULL,
                                                   &error));
  g_assert_cmpint (amount, ==, 0);

  p->client_id = f->client;
  p->date = settle_test_date ("2026-05-10");
  p->amount = 100000;
  p->method = SETTLE_PAYMENT_CARD;
  g_assert_true (settle_payment_record_card (f->book, p, SETTLE_CARD_FUNDING_CREDIT, &sur_id,
                                             &warning, &error));
  g_assert_no_error (error);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "NY"));
  g_assert_cmpint (p->amount, ==, 103000);
  g_assert_cmpint (sur_id, !=, 0);
  sur = load_invoice (f, sur_id);
  g_assert_cmpint (sur->total, ==, 3000);
  g_assert_cmpint (sur->status, ==, SETTLE_INVOICE_PAID);
  g_assert_cmpuint (sur->lines->len, ==, 1);
  g_assert_nonnull (strstr (((SettleInvoiceLine *) sur->lines->pdata[0])->description, "surcharge"));
  g_assert_true (settle_payment_allocate (f->book, p->id, &error));
  ia = load_invoice (f, a);
  g_assert_cmpint (ia->status, ==, SETTLE_INVOICE_PAID);
  settle_test_assert_invariants (f->book);

  /* Never on debit cards. */
  debit->client_id = f->client;
  debit->date = settle_test_date ("2026-05-11");
  debit->amount = 5000;
  debit->method = SETTLE_PAYMENT_CARD;
  g_assert_true (settle_payment_record_card (f->book, debit, SETTLE_CARD_FUNDING_DEBIT, &none,
                                             NULL, &error));
  g_assert_cmpint (none, ==, 0);
  g_assert_cmpint (debit->amount, ==, 5000);

  /* Never on ACH: the card path refuses it. */
  ach->client_id = f->client;
  ach->date = settle_test_date ("2026-05-11");
  ach->amount = 5000;
  ach->method = SETTLE_PAYMENT_ACH;
  g_assert_false (settle_payment_record_card (f->book, ach, SETTLE_CARD_FUNDING_CREDIT, NULL, NULL,
                                              &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);

  /* A state that prohibits them: no surcharge, and a plain warning. */
  set_state (f, "CT");
  g_assert_true (settle_payment_surcharge_preview (f->book, f->client, 100000, SETTLE_PAYMENT_CARD,
                                                   SETTLE_CARD_FUNDING_CREDIT, &amount, &warning2,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount, ==, 0);
  g_assert_nonnull (strstr (warning2, "not allowed"));
  settle_test_assert_invariants (f->book);
}

/* An invoice is closed on the date of the application that brought it to zero, even
 * when that application was entered before an earlier-dated one (a cheque found
 * later, a back-dated credit note): aging between the two dates still shows what was
 * open then. Found by the truncated-book aging test's author; the fix is 0009's. */
static void
test_backdated_closing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) inv = NULL;
  g_autoptr(SettleInvoice) other = NULL;
  GDate d = settle_test_date ("2026-03-10");
  SettleId a = settle_test_add_invoice (f->book, f->client, "2026-01-05", 10000);
  SettleId b = settle_test_add_invoice (f->book, f->client, "2026-03-01", 100000);
  gint64 open;
  gint64 credit;

  /* $60 dated March 1st entered first, then $40 dated February 1st closes it. */
  settle_test_pay (f->book, f->client, "2026-03-01", 6000, a, 6000);
  settle_test_pay (f->book, f->client, "2026-02-01", 4000, a, 4000);
  inv = load_invoice (f, a);
  g_assert_cmpint (inv->status, ==, SETTLE_INVOICE_PAID);
  aging_on (f, "2026-02-15", &open, &credit);
  g_assert_cmpint (open, ==, 6000);
  aging_on (f, "2026-03-01", &open, &credit);
  g_assert_cmpint (open, ==, 100000);

  /* $400 paid on March 20th, then a credit note for the rest dated March 10th. */
  settle_test_pay (f->book, f->client, "2026-03-20", 40000, b, 40000);
  g_assert_cmpint (settle_credit_note_issue (f->book, b, NULL, &d, "Back-dated credit", &error),
                   >, 0);
  g_assert_no_error (error);
  other = load_invoice (f, b);
  g_assert_cmpint (other->status, ==, SETTLE_INVOICE_PAID);
  aging_on (f, "2026-03-15", &open, &credit);
  g_assert_cmpint (open, ==, 40000);
  aging_on (f, "2026-03-20", &open, &credit);
  g_assert_cmpint (open, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/payments/validation", test_validation);
  ADD ("/payments/manual-allocation", test_manual_allocation);
  ADD ("/payments/over-allocation-refused", test_over_allocation_refused);
  ADD ("/payments/credit-and-refund", test_credit_and_refund);
  ADD ("/payments/credit-note-credit", test_credit_note_credit);
  ADD ("/payments/reversal-reopens", test_reversal_reopens);
  ADD ("/payments/ach-pending", test_ach_pending);
  ADD ("/payments/card-surcharge", test_card_surcharge);
  ADD ("/payments/backdated-closing", test_backdated_closing);
#undef ADD

  return g_test_run ();
}
