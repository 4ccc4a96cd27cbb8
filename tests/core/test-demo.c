/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-aging.h"
#include "settle-demo.h"
#include "settle-demo-bank.h"
#include "settle-invoice.h"
#include "settle-list-query.h"
#include "settle-reconcile.h"
#include "settle-test-util.h"

typedef struct
{
  guint  n_invoices;
  gint64 buckets[SETTLE_AGING_N_BUCKETS];
  gint64 credit;
  char  *last_number;
} Fingerprint;

static void
fingerprint (SettleBook *book, Fingerprint *fp)
{
  g_autoptr(GError) error = NULL;
  SettleInvoiceQuery q = { .sort = SETTLE_INVOICE_SORT_NUMBER, .descending = TRUE };
  GDate d = settle_test_date ("2026-11-23");
  g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &d, SETTLE_AGING_BY_DUE_DATE, NULL,
                                                         &error);
  g_autoptr(GPtrArray) page = settle_invoice_query_page (book, &q, NULL, 0, 1, &error);

  g_assert_no_error (error);
  g_assert_true (settle_invoice_query_count (book, &q, &fp->n_invoices, &error));
  memcpy (fp->buckets, r->totals.buckets, sizeof fp->buckets);
  fp->credit = r->totals.credit;
  fp->last_number = g_strdup (((SettleInvoiceSummary *) page->pdata[0])->number);
}

static SettleBook *
make (guint32 seed, char **dir)
{
  g_autoptr(GError) error = NULL;
  SettleBook *book = settle_test_new_book (dir);
  SettleDemoOptions opt;

  settle_demo_options_init (&opt);
  opt.n_clients = 12;
  opt.n_invoices = 1200;
  opt.seed = seed;
  opt.today = settle_test_date ("2026-11-23");
  g_assert_true (settle_demo_generate (book, &opt, NULL, NULL, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (book);
  return book;
}

static void
test_deterministic (void)
{
  g_autofree char *d1 = NULL, *d2 = NULL, *d3 = NULL;
  g_autoptr(SettleBook) a = make (5, &d1);
  g_autoptr(SettleBook) b = make (5, &d2);
  g_autoptr(SettleBook) c = make (6, &d3);
  Fingerprint fa = { 0 }, fb = { 0 }, fc = { 0 };

  fingerprint (a, &fa);
  fingerprint (b, &fb);
  fingerprint (c, &fc);
  g_assert_cmpuint (fa.n_invoices, ==, 1200);
  g_assert_cmpmem (fa.buckets, sizeof fa.buckets, fb.buckets, sizeof fb.buckets);
  g_assert_cmpint (fa.credit, ==, fb.credit);
  g_assert_cmpstr (fa.last_number, ==, fb.last_number);
  g_assert_true (memcmp (fa.buckets, fc.buckets, sizeof fa.buckets) != 0);
  /* Realistic: money in every bucket, some credit, open and overdue items. */
  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    g_assert_cmpint (fa.buckets[i], >, 0);
  g_assert_cmpint (fa.credit, >, 0);
  g_free (fa.last_number);
  g_free (fb.last_number);
  g_free (fc.last_number);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  settle_test_remove_dir (d1);
  settle_test_remove_dir (d2);
  settle_test_remove_dir (d3);
}

/* Every status appears; numbers are gapless in date order. */
static void
test_mix (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = make (9, &dir);
  g_autoptr(GError) error = NULL;
  SettleInvoiceQuery q = { .sort = SETTLE_INVOICE_SORT_NUMBER };
  g_autoptr(GPtrArray) all = settle_invoice_query_page (book, &q, NULL, 0, 5000, &error);
  guint counts[SETTLE_INVOICE_VOID + 1] = { 0 };
  guint numbered = 0;

  for (guint i = 0; i < all->len; i++)
    {
      SettleInvoiceSummary *row = all->pdata[i];
      counts[row->status]++;
      if (row->number != NULL)
        {
          g_autofree char *expected = g_strdup_printf ("INV-%06u", ++numbered);
          SettleInvoiceSummary *prev = numbered > 1 ? all->pdata[i - 1] : NULL;
          g_assert_cmpstr (row->number, ==, expected);
          if (prev != NULL && prev->number != NULL)
            g_assert_cmpint (g_date_compare (&prev->issue_date, &row->issue_date), <=, 0);
        }
    }
  g_assert_cmpuint (counts[SETTLE_INVOICE_ISSUED], >, 0);
  g_assert_cmpuint (counts[SETTLE_INVOICE_PARTIAL], >, 0);
  g_assert_cmpuint (counts[SETTLE_INVOICE_PAID], >, counts[SETTLE_INVOICE_ISSUED]);
  g_assert_cmpuint (counts[SETTLE_INVOICE_VOID], >, 0);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_refuses_non_empty (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = make (3, &dir);
  g_autoptr(GError) error = NULL;
  SettleDemoOptions opt;

  settle_demo_options_init (&opt);
  g_assert_false (settle_demo_generate (book, &opt, NULL, NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

/* The opt-in demo statement: every exact payment (the number of an invoice open for
 * exactly the line's amount) is suggested for that invoice above the default threshold,
 * money out is never suggested, and the book's balance of the account is the closing. */
static void
test_bank_statement (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = make (7, &dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) open = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) suggestions = NULL;
  g_autoptr(GRegex) number_re = g_regex_new ("INV-[0-9]{6}", 0, 0, NULL);
  SettleAgingOptions options;
  SettleReconcileSummary summary = { 0 };
  SettleBankAccount *account;
  GDate today = settle_test_date ("2026-11-23");
  gint64 balance = 0, closing = 0;
  gboolean has_closing = FALSE;
  GDate closing_date;
  guint n_exact = 0, n_out = 0;

  settle_aging_options_init (&options, book, &today);
  entries = settle_aging_list_entries (book, &options, 0, -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      SettleAgingEntry *e = entries->pdata[i];
      if (e->number != NULL)
        g_hash_table_insert (open, e->number, e);
    }

  g_assert_true (settle_demo_add_bank_statement (book, 7, &today, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (book);

  accounts = settle_bank_account_list (book, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  account = accounts->pdata[0];
  g_assert_cmpstr (account->currency, ==, "USD");
  g_assert_true (g_str_has_suffix (account->name, "4821"));
  g_assert_true (g_str_has_prefix (account->account_id, "sha256:"));

  g_assert_true (settle_bank_account_balance (book, account->id, NULL, &balance, &error));
  g_assert_true (settle_bank_account_last_closing (book, account->id, &has_closing, &closing,
                                                   &closing_date, &error));
  g_assert_no_error (error);
  g_assert_true (has_closing);
  g_assert_cmpint (balance, ==, closing);
  g_assert_cmpint (g_date_days_between (&closing_date, &today), ==, 1);

  lines = settle_reconcile_list_lines (book, account->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, >=, 40);
  g_assert_cmpuint (lines->len, <=, 60);

  g_assert_true (settle_reconcile_run (book, account->id, FALSE, &summary, &suggestions,
                                       NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.auto_accepted, ==, 0);

  for (guint i = 0; i < lines->len; i++)
    {
      SettleStatementLineRow *row = lines->pdata[i];
      SettleMatchSuggestion *best = g_hash_table_lookup (suggestions, &row->id);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *number = NULL;
      SettleAgingEntry *e;

      g_assert_true (g_date_compare (&row->date, &today) < 0);
      if (row->amount < 0)
        {
          g_assert_null (best);
          n_out++;
          continue;
        }
      if (!g_regex_match (number_re, row->description, 0, &match))
        continue;
      number = g_match_info_fetch (match, 0);
      e = g_hash_table_lookup (open, number);
      if (e == NULL || e->open != row->amount || g_match_info_next (match, NULL))
        continue;
      /* The invoice was issued by the line's date. */
      g_assert_cmpint (g_date_compare (&e->issue_date, &row->date), <=, 0);
      n_exact++;
      if (best == NULL)
        g_error ("no suggestion for “%s”", row->description);
      g_assert_cmpint (best->kind, ==, SETTLE_MATCH_INVOICES);
      g_assert_cmpuint (best->allocations->len, ==, 1);
      g_assert_cmpstr (g_array_index (best->allocations, SettleMatchAllocation, 0).number, ==,
                       number);
      if (best->score < account->auto_accept_score)
        g_error ("“%s” from %s scores %d: %s", row->description, row->payer_name, best->score,
                 best->reasons);
    }
  g_test_message ("%u lines, %u exact payments, %u money out; %u suggested, %u unmatched",
                  lines->len, n_exact, n_out, summary.suggested, summary.unmatched);
  g_assert_cmpuint (n_exact, >=, 20);
  g_assert_cmpuint (n_out, >=, 10);

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/mix", test_mix);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/bank-statement", test_bank_statement);
  return g_test_run ();
}
