/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include "settle-aging.h"
#include "settle-client.h"
#include "settle-credit-note.h"
#include "settle-demo.h"
#include "settle-invoice.h"
#include "settle-payment.h"
#include "settle-refund.h"
#include "settle-test-util.h"

/* A small book worked out by hand. Client A has terms net 30:
 *   inv1 issued 06-01, due 07-01, $100
 *   inv2 issued 05-31, due 06-30, $200   (due on the as-of date: current)
 *   inv3 issued 05-30, due 06-29, $300   (1 day past due)
 *   inv4 issued 04-01, due 05-01, $400, $150 paid 06-15 (60 days past due, $250 open)
 *   inv5 issued 03-01, due 03-31, $500   (91 days past due)
 *   inv6 issued 03-02, due 04-01, $600   (90 days past due)
 *   inv7 issued 05-01, due 05-31, $700, paid in full 07-01 (the day after: still open 06-30)
 * Client B: a $50 payment on 06-20 applied to nothing (credit), and inv8 issued 07-05,
 * $80, after the as-of date. */
static void
test_hand_computed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  SettleId a = settle_test_add_client (book, "A Dental", 30);
  SettleId b = settle_test_add_client (book, "B Realty", 30);
  SettleId inv4, inv7;
  GDate d;

  settle_test_add_invoice (book, a, "2026-06-01", 10000);
  settle_test_add_invoice (book, a, "2026-05-31", 20000);
  settle_test_add_invoice (book, a, "2026-05-30", 30000);
  inv4 = settle_test_add_invoice (book, a, "2026-04-01", 40000);
  settle_test_add_invoice (book, a, "2026-03-01", 50000);
  settle_test_add_invoice (book, a, "2026-03-02", 60000);
  inv7 = settle_test_add_invoice (book, a, "2026-05-01", 70000);
  settle_test_pay (book, a, "2026-06-15", 15000, inv4, 15000);
  settle_test_pay (book, a, "2026-07-01", 70000, inv7, 70000);
  settle_test_pay (book, b, "2026-06-20", 5000, 0, 0);
  settle_test_add_invoice (book, b, "2026-07-05", 8000);
  settle_test_assert_invariants (book);

  /* 06-30, by due date: current 100+200; 1–30: 300+700; 31–60: 250; 61–90: 600; 91+: 500;
   * credit 50; balance 2600. Something is dated later, so this is the historical path. */
  d = settle_test_date ("2026-06-30");
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &d, SETTLE_AGING_BY_DUE_DATE,
                                                           NULL, &error);
    g_assert_no_error (error);
    settle_test_assert_aging_totals (r, 30000, 100000, 25000, 60000, 50000, 5000, 260000);
    settle_test_assert_aging_matches_ledger (book, r);
    g_assert_cmpuint (r->rows->len, ==, 2);
    g_assert_cmpstr (((SettleAgingRow *) r->rows->pdata[0])->client_name, ==, "A Dental");
    g_assert_cmpint (((SettleAgingRow *) r->rows->pdata[1])->balance, ==, -5000);
  }
  /* By invoice date, ages since issue: inv1 29, inv2 30 → 1–30; inv3 31, inv7 60 → 31–60;
   * inv4 90 → 61–90; inv5 121, inv6 120 → 91+. */
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &d, SETTLE_AGING_BY_INVOICE_DATE,
                                                           NULL, &error);
    g_assert_no_error (error);
    settle_test_assert_aging_totals (r, 0, 30000, 100000, 25000, 110000, 5000, 260000);
  }
  /* 07-10, nothing later: the cached open balances. inv1 9, inv2 10, inv3 11 days → 1–30
   * (600); inv4 70 → 61–90 (250); inv5 101, inv6 100 → 91+ (1100); inv8 due 08-04 current
   * (80); inv7 paid; credit 50. */
  d = settle_test_date ("2026-07-10");
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &d, SETTLE_AGING_BY_DUE_DATE,
                                                           NULL, &error);
    g_assert_no_error (error);
    settle_test_assert_aging_totals (r, 8000, 60000, 0, 25000, 110000, 5000, 198000);
    settle_test_assert_aging_matches_ledger (book, r);
  }
  /* Before anything happened: nothing. */
  d = settle_test_date ("2026-01-01");
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &d, SETTLE_AGING_BY_DUE_DATE,
                                                           NULL, &error);
    g_assert_no_error (error);
    settle_test_assert_aging_totals (r, 0, 0, 0, 0, 0, 0, 0);
    g_assert_cmpuint (r->rows->len, ==, 0);
  }
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_bucket_labels (void)
{
  SettleAgingReport r = { .basis = SETTLE_AGING_BY_DUE_DATE, .edges = { 30, 60, 90 } };
  const char *expected[] = { "Current", "1–30", "31–60", "61–90", "91+" };

  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autofree char *label = settle_aging_bucket_label (&r, b);
      g_assert_cmpstr (label, ==, expected[b]);
    }
}

/* On a generated book, for many dates: buckets − credits = invoices issued − payments
 * received by that date; and today's per-client rows agree with the clients' caches. */
static void
test_generated_book (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  SettleDemoOptions opt;
  GDate today = settle_test_date ("2026-11-23");

  settle_demo_options_init (&opt);
  opt.n_clients = 25;
  opt.n_invoices = 4000;
  opt.seed = 42;
  opt.today = today;
  g_assert_true (settle_demo_generate (book, &opt, NULL, NULL, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (book);

  for (int i = 0; i < 40; i++)
    {
      GDate d = today;
      g_autoptr(SettleAgingReport) r = NULL;

      g_date_subtract_days (&d, i == 0 ? 0 : g_rand_int_range (rand, 0, 600));
      r = settle_aging_compute (book, &d, i % 2 ? SETTLE_AGING_BY_INVOICE_DATE
                                                : SETTLE_AGING_BY_DUE_DATE, NULL, &error);
      g_assert_no_error (error);
      settle_test_assert_aging_matches_ledger (book, r);
      if (i == 0)
        {
          g_assert_cmpint (r->totals.balance, >, 0);
          for (guint k = 0; k < r->rows->len; k++)
            {
              SettleAgingRow *row = r->rows->pdata[k];
              g_autoptr(SettleClient) c = settle_client_load (book, row->client_id, &error);
              g_assert_cmpint (row->balance, ==, c->balance - c->credit);
            }
        }
    }
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

/* Brute force for the historical SQL: every invoice, payment, application and refund
 * of the book is walked in C, and what was open (and held as credit) on a date is
 * worked out item by item. An application is {invoice, client, date, amount,
 * reversed_on}; reversed_on is invalid when it never was. */
typedef struct
{
  SettleId invoice_id;
  SettleId client_id;
  GDate    date;
  gint64   amount;
  GDate    reversed_on;
} BruteApp;

typedef struct
{
  GPtrArray *invoices; /* SettleInvoice* */
  GPtrArray *payments; /* SettlePayment* */
  GPtrArray *refunds;  /* SettleRefund* */
  GArray    *apps;     /* BruteApp: current ones plus those captured before reversal */
  SettleId   voided;   /* voided by the test on voided_on; the generator voids on the issue date */
  GDate      voided_on;
} Brute;

typedef struct
{
  gint64 buckets[SETTLE_AGING_N_BUCKETS];
  gint64 credit;
} BruteRow;

static gboolean
counts_on (const GDate *date, const GDate *reversed_on, const GDate *as_of)
{
  return g_date_compare (date, as_of) <= 0
         && (!g_date_valid (reversed_on) || g_date_compare (reversed_on, as_of) > 0);
}

/* The applications of payment_id, as they are before it is reversed on date. */
static void
capture_reversed (SettleBook *book, GArray *reversed, SettleId payment_id, const GDate *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) invoices = settle_payment_list_invoices (book, payment_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < invoices->len; i++)
    {
      SettleId inv_id = g_array_index (invoices, SettleId, i);
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, inv_id, &error);
      g_autoptr(GPtrArray) apps = settle_invoice_list_applications (book, inv_id, &error);

      g_assert_no_error (error);
      for (guint k = 0; k < apps->len; k++)
        {
          SettleApplication *a = apps->pdata[k];
          BruteApp b = { a->invoice_id, inv->client_id, a->date, a->amount, *date };

          if (a->payment_id == payment_id)
            g_array_append_val (reversed, b);
        }
    }
}

/* Everything in the book, by walking ids from 1 (rows are never deleted). */
static void
brute_load (SettleBook *book, GArray *reversed, Brute *brute)
{
  g_autoptr(GHashTable) clients = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key;

  brute->invoices = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_invoice_free);
  brute->payments = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_payment_free);
  brute->refunds = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_refund_free);
  brute->apps = g_array_new (FALSE, FALSE, sizeof (BruteApp));
  g_array_append_vals (brute->apps, reversed->data, reversed->len);

  for (SettleId id = 1;; id++)
    {
      g_autoptr(GError) error = NULL;
      SettleInvoice *inv = settle_invoice_load (book, id, &error);
      g_autoptr(GPtrArray) apps = NULL;

      if (inv == NULL)
        break;
      g_ptr_array_add (brute->invoices, inv);
      g_hash_table_add (clients, &inv->client_id);
      apps = settle_invoice_list_applications (book, id, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < apps->len; k++)
        {
          SettleApplication *a = apps->pdata[k];
          BruteApp b = { a->invoice_id, inv->client_id, a->date, a->amount, { 0 } };

          g_date_clear (&b.reversed_on, 1);
          g_array_append_val (brute->apps, b);
        }
    }
  for (SettleId id = 1;; id++)
    {
      g_autoptr(GError) error = NULL;
      SettlePayment *p = settle_payment_load (book, id, &error);

      if (p == NULL)
        break;
      g_ptr_array_add (brute->payments, p);
    }
  g_hash_table_iter_init (&iter, clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) refunds = settle_refund_list (book, *(SettleId *) key, &error);

      g_assert_no_error (error);
      for (guint k = 0; k < refunds->len; k++)
        g_ptr_array_add (brute->refunds, refunds->pdata[k]);
      g_ptr_array_set_free_func (refunds, NULL);
    }
  g_assert_cmpuint (brute->invoices->len, >, 0);
  g_assert_cmpuint (brute->payments->len, >, 0);
}

static void
brute_clear (Brute *brute)
{
  g_ptr_array_unref (brute->invoices);
  g_ptr_array_unref (brute->payments);
  g_ptr_array_unref (brute->refunds);
  g_array_unref (brute->apps);
}

static BruteRow *
brute_row (GHashTable *rows, SettleId client_id)
{
  BruteRow *row = g_hash_table_lookup (rows, &client_id);

  if (row == NULL)
    {
      SettleId *key = g_new (SettleId, 1);

      *key = client_id;
      row = g_new0 (BruteRow, 1);
      g_hash_table_insert (rows, key, row);
    }
  return row;
}

/* Per client: the open items on as_of by bucket, and the credit held then. */
static GHashTable *
brute_aging (const Brute *brute, const GDate *as_of, SettleAgingBasis basis)
{
  GHashTable *rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) applied = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         g_free, g_free);

  for (guint i = 0; i < brute->apps->len; i++)
    {
      const BruteApp *a = &g_array_index (brute->apps, BruteApp, i);
      gint64 *sum;

      if (!counts_on (&a->date, &a->reversed_on, as_of))
        continue;
      sum = g_hash_table_lookup (applied, &a->invoice_id);
      if (sum == NULL)
        {
          SettleId *key = g_new (SettleId, 1);

          *key = a->invoice_id;
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (applied, key, sum);
        }
      *sum += a->amount;
      brute_row (rows, a->client_id)->credit -= a->amount;
    }
  for (guint i = 0; i < brute->invoices->len; i++)
    {
      const SettleInvoice *inv = brute->invoices->pdata[i];
      const gint64 *sum;
      const GDate *from;
      int days, bucket;

      if (inv->status == SETTLE_INVOICE_DRAFT || g_date_compare (&inv->issue_date, as_of) > 0)
        continue;
      if (inv->status == SETTLE_INVOICE_VOID
          && (inv->id != brute->voided || g_date_compare (&brute->voided_on, as_of) <= 0))
        continue;
      if (inv->kind == SETTLE_INVOICE_KIND_CREDIT_NOTE)
        {
          brute_row (rows, inv->client_id)->credit += inv->total;
          continue;
        }
      sum = g_hash_table_lookup (applied, &inv->id);
      from = basis == SETTLE_AGING_BY_DUE_DATE ? &inv->due_date : &inv->issue_date;
      days = g_date_days_between (from, as_of);
      bucket = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
      brute_row (rows, inv->client_id)->buckets[bucket] += inv->total - (sum ? *sum : 0);
    }
  for (guint i = 0; i < brute->payments->len; i++)
    {
      const SettlePayment *p = brute->payments->pdata[i];

      if (p->status != SETTLE_PAYMENT_PENDING && counts_on (&p->date, &p->reversed_on, as_of))
        brute_row (rows, p->client_id)->credit += p->amount;
    }
  for (guint i = 0; i < brute->refunds->len; i++)
    {
      const SettleRefund *r = brute->refunds->pdata[i];

      if (g_date_compare (&r->date, as_of) <= 0)
        brute_row (rows, r->client_id)->credit -= r->amount;
    }
  return rows;
}

static void
assert_matches_brute (SettleBook *book, const Brute *brute, const GDate *as_of,
                      SettleAgingBasis basis)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleAgingReport) r = settle_aging_compute (book, as_of, basis, NULL, &error);
  g_autoptr(GHashTable) expected = brute_aging (brute, as_of, basis);
  GHashTableIter iter;
  gpointer value;
  guint n_expected = 0;

  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BruteRow *row = value;
      gboolean empty = row->credit == 0;

      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        empty = empty && row->buckets[b] == 0;
      n_expected += !empty;
    }
  g_assert_cmpuint (r->rows->len, ==, n_expected);
  for (guint i = 0; i < r->rows->len; i++)
    {
      SettleAgingRow *row = r->rows->pdata[i];
      BruteRow *want = g_hash_table_lookup (expected, &row->client_id);

      g_assert_nonnull (want);
      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        g_assert_cmpint (row->buckets[b], ==, want->buckets[b]);
      g_assert_cmpint (row->credit, ==, want->credit);
    }
  settle_test_assert_aging_matches_ledger (book, r);
}

/* A generated book, then reversals (with NSF fees), credit notes (one over a paid
 * invoice, so it leaves credit), a refund and a pending ACH payment: per client and
 * bucket, historical aging equals the brute force on many dates. */
static void
test_historical_brute_force (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (BruteApp));
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (GDate));
  SettleDemoOptions opt;
  GDate today = settle_test_date ("2026-11-23");
  Brute brute;
  guint n_reversed = 0, n_notes = 0, n_paid_notes = 0;

  settle_demo_options_init (&opt);
  opt.n_clients = 12;
  opt.n_invoices = 1500;
  opt.seed = 11;
  opt.today = today;
  g_assert_true (settle_demo_generate (book, &opt, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Reverse some settled, applied payments 12 days after they were received. */
  for (SettleId id = 5; n_reversed < 6 && id < 1000; id += 37)
    {
      g_autoptr(SettlePayment) p = settle_payment_load (book, id, &error);
      g_autoptr(GArray) invoices = NULL;
      GDate on;

      g_assert_no_error (error);
      on = settle_test_days_after (&p->date, 12);
      if (p->status != SETTLE_PAYMENT_SETTLED || g_date_compare (&on, &today) > 0)
        continue;
      invoices = settle_payment_list_invoices (book, id, &error);
      if (invoices->len == 0)
        continue;
      capture_reversed (book, reversed, id, &on);
      g_assert_true (settle_payment_reverse (book, id, &on, "Bounced check",
                                             n_reversed % 2 ? 2500 : 0, NULL, &error));
      g_assert_no_error (error);
      g_array_append_val (events, on);
      n_reversed++;
    }
  g_assert_cmpuint (n_reversed, ==, 6);
  g_assert_cmpuint (reversed->len, >, 0);

  /* Credit notes for 40 % of some invoices, 5 days after issue: on open ones it
   * lowers the balance, on a paid one it all becomes credit. */
  for (SettleId id = 3; n_notes < 8 && id <= opt.n_invoices; id += 17)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, id, &error);
      g_autoptr(SettleInvoice) lines = NULL;
      GDate on;

      g_assert_no_error (error);
      on = settle_test_days_after (&inv->issue_date, 5);
      if (inv->kind != SETTLE_INVOICE_KIND_INVOICE || inv->status == SETTLE_INVOICE_DRAFT
          || inv->total < 1000 || g_date_compare (&on, &today) > 0)
        continue;
      if (inv->status == SETTLE_INVOICE_PAID && n_paid_notes >= 2)
        continue;
      n_paid_notes += inv->status == SETTLE_INVOICE_PAID;
      lines = settle_invoice_new (inv->client_id, inv->currency);
      settle_invoice_add_line (lines, "Service credit", 1000, inv->total * 4 / 10, 0);
      g_assert_cmpint (settle_credit_note_issue (book, id, lines->lines, &on, "Outage credit",
                                                 &error), >, 0);
      g_assert_no_error (error);
      g_array_append_val (events, on);
      n_notes++;
    }
  g_assert_cmpuint (n_notes, ==, 8);
  g_assert_cmpuint (n_paid_notes, >, 0);

  /* An unapplied payment, partly refunded; credit applied later; a pending ACH. */
  settle_test_add_credit_moves (book, "2026-10-20", events);
  settle_test_assert_invariants (book);

  /* An invoice voided three weeks after issue: open until then. */
  {
    SettleId id = 0;
    GDate on;

    for (SettleId k = 2; id == 0 && k <= opt.n_invoices; k += 7)
      {
        g_autoptr(SettleInvoice) inv = settle_invoice_load (book, k, &error);

        g_assert_no_error (error);
        on = settle_test_days_after (&inv->issue_date, 21);
        if (inv->kind == SETTLE_INVOICE_KIND_INVOICE && inv->status == SETTLE_INVOICE_ISSUED
            && g_date_compare (&on, &today) <= 0)
          id = k;
      }
    g_assert_cmpint (id, !=, 0);
    g_assert_true (settle_invoice_void (book, id, &on, "Billed twice", &error));
    g_assert_no_error (error);
    g_array_append_val (events, on);
    settle_test_assert_invariants (book);
    brute_load (book, reversed, &brute);
    brute.voided = id;
    brute.voided_on = on;
  }
  /* Every event's eve, day and morrow, and every 9th day back over 20 months. */
  for (guint i = 0; i < events->len; i++)
    for (int delta = -1; delta <= 1; delta++)
      {
        GDate d = settle_test_days_after (&g_array_index (events, GDate, i), delta);

        assert_matches_brute (book, &brute, &d, SETTLE_AGING_BY_DUE_DATE);
        assert_matches_brute (book, &brute, &d, SETTLE_AGING_BY_INVOICE_DATE);
      }
  for (int back = 0; back < 610; back += 9)
    {
      GDate d = settle_test_days_after (&today, -back);

      assert_matches_brute (book, &brute, &d, back % 2 ? SETTLE_AGING_BY_INVOICE_DATE
                                                       : SETTLE_AGING_BY_DUE_DATE);
    }
  brute_clear (&brute);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/aging/hand-computed", test_hand_computed);
  g_test_add_func ("/aging/bucket-labels", test_bucket_labels);
  g_test_add_func ("/aging/generated-book", test_generated_book);
  g_test_add_func ("/aging/historical-brute-force", test_historical_brute_force);
  return g_test_run ();
}
