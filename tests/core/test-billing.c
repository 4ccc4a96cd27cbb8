/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-agreement.h"
#include "settle-billing.h"
#include "settle-catalog.h"
#include "settle-demo.h"
#include "settle-invoice.h"
#include "settle-test-util.h"

static SettleId
add_agreement (SettleBook     *book,
               SettleId        client,
               const char     *name,
               SettleCycle     cycle,
               SettleAlignment alignment,
               const char     *start,
               const char     *end,
               gboolean        auto_issue,
               gint64          quantity_milli,
               gint64          unit_price)
{
  g_autoptr(SettleAgreement) ag = settle_agreement_new (client, "USD");
  g_autoptr(GError) error = NULL;

  g_free (ag->name);
  ag->name = g_strdup (name);
  ag->cycle = cycle;
  ag->alignment = alignment;
  ag->start_date = settle_test_date (start);
  if (end != NULL)
    ag->end_date = settle_test_date (end);
  ag->auto_issue = auto_issue;
  settle_agreement_add_line (ag, name, quantity_milli, unit_price, 0, FALSE);
  settle_agreement_save (book, ag, &error);
  g_assert_no_error (error);
  return ag->id;
}

/* Asserts the agreement's invoices, by period: their totals and invoice dates. */
static void
assert_invoices (SettleBook         *book,
                 SettleId            agreement_id,
                 guint               n,
                 const gint64       *totals,
                 const char * const *dates,
                 SettleInvoiceStatus status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = settle_billing_list_invoices (book, agreement_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, g_array_index (ids, SettleId, i),
                                                          &error);
      g_assert_no_error (error);
      g_assert_cmpint (inv->total, ==, totals[i]);
      g_assert_cmpint (inv->status, ==, status);
      g_assert_cmpint (inv->agreement_id, ==, agreement_id);
      if (status != SETTLE_INVOICE_DRAFT)
        {
          g_autofree char *date = settle_date_to_iso (&inv->issue_date);
          g_assert_cmpstr (date, ==, dates[i]);
        }
    }
}

static guint
count_invoices (SettleBook *book)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* Invoice ids are dense in a test book: count until the first missing one. */
  for (SettleId id = 1;; id++)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, id, &error);
      if (inv == NULL)
        break;
      n++;
    }
  return n;
}

/* A simulated year, one agreement per cycle, all billed by one catch-up run as of
 * 2026-12-31 and once more to show nothing is made twice. */
static void
test_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBillingPlan) plan = NULL;
  g_autoptr(SettleInvoice) first = NULL;
  g_autoptr(SettleInvoice) last = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *describe = NULL;
  SettleId client = settle_test_add_client (book, "Acme", 30);
  SettleId monthly, quarterly, yearly;
  SettleBillingResult result;
  GDate as_of = settle_test_date ("2026-12-31");
  guint n_before;

  /* Monthly, calendar, from 2026-01-15, 10 × $25.00 = $250.00 a month, issued.
   * January: in service Jan 15–31 = 17 of 31 days: 250,00 × 17 ÷ 31 = 137.0967… ->
   * $137.10 (half-up on the line net), dated Jan 15. February–December: 11 × $250.00,
   * each dated the 1st. */
  static const gint64 monthly_totals[] = { 13710, 25000, 25000, 25000, 25000, 25000, 25000,
                                           25000, 25000, 25000, 25000, 25000 };
  static const char * const monthly_dates[] = {
    "2026-01-15", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01",
    "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01" };
  /* Quarterly, calendar, 2026-02-01 to 2026-11-15, 1 × $300.00, drafts.
   * Q1 (Jan 1–Mar 31, 90 days), in service Feb 1–Mar 31 = 59 days: 300 × 59 ÷ 90 =
   * 196.666… -> $196.67. Q2, Q3 full: $300.00 each. Q4 (Oct 1–Dec 31, 92 days), in
   * service Oct 1–Nov 15 = 46 days: 300 × 46 ÷ 92 = $150.00. */
  static const gint64 quarterly_totals[] = { 19667, 30000, 30000, 15000 };
  /* Yearly, anniversary, from 2025-07-10, 2 × $600.00, issued: the periods from
   * 2025-07-10 and 2026-07-10 are both due by 2026-12-31 (catch-up), $1,200.00 each. */
  static const gint64 yearly_totals[] = { 120000, 120000 };
  static const char * const yearly_dates[] = { "2025-07-10", "2026-07-10" };

  monthly = add_agreement (book, client, "Managed workstations", SETTLE_CYCLE_MONTHLY,
                           SETTLE_ALIGN_CALENDAR, "2026-01-15", NULL, TRUE, 10000, 2500);
  quarterly = add_agreement (book, client, "Firewall", SETTLE_CYCLE_QUARTERLY,
                             SETTLE_ALIGN_CALENDAR, "2026-02-01", "2026-11-15", FALSE, 1000, 30000);
  yearly = add_agreement (book, client, "Licences", SETTLE_CYCLE_YEARLY,
                          SETTLE_ALIGN_ANNIVERSARY, "2025-07-10", NULL, TRUE, 2000, 60000);

  /* The dry run writes nothing. 12 + 4 + 2 = 18 invoices;
   * 137.10 + 11 × 250 + 196.67 + 600 + 150 + 2 × 1,200 = $6,233.77. */
  plan = settle_billing_plan (book, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_invoices, ==, 18);
  g_assert_cmpuint (plan->items->len, ==, 18);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (plan->totals_by_currency, "USD"), ==, 623377);
  describe = settle_billing_plan_describe (plan);
  g_assert_true (g_str_has_prefix (describe, "18 invoices, "));
  g_assert_true (strstr (describe, "6,233.77") != NULL || strstr (describe, "6233.77") != NULL);
  /* In the order they would be made: the 2025 yearly period first. */
  g_assert_cmpint (((SettleBillingItem *) g_ptr_array_index (plan->items, 0))->agreement_id, ==,
                   yearly);
  g_assert_cmpuint (count_invoices (book), ==, 0);

  g_assert_true (settle_billing_run (book, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_created, ==, 18);
  g_assert_cmpuint (result.n_issued, ==, 14);
  g_assert_cmpuint (result.n_skipped, ==, 0);
  assert_invoices (book, monthly, 12, monthly_totals, monthly_dates, SETTLE_INVOICE_ISSUED);
  assert_invoices (book, quarterly, 4, quarterly_totals, NULL, SETTLE_INVOICE_DRAFT);
  assert_invoices (book, yearly, 2, yearly_totals, yearly_dates, SETTLE_INVOICE_ISSUED);
  settle_test_assert_invariants (book);

  /* Auto-issue numbers the invoices in date order, gapless: the 2025 licence is the
   * first number, the December workstation invoice the 14th. */
  ids = settle_billing_list_invoices (book, yearly, &error);
  first = settle_invoice_load (book, g_array_index (ids, SettleId, 0), &error);
  g_assert_cmpstr (first->number, ==, "INV-000001");
  g_clear_pointer (&ids, g_array_unref);
  ids = settle_billing_list_invoices (book, monthly, &error);
  last = settle_invoice_load (book, g_array_index (ids, SettleId, 11), &error);
  g_assert_cmpstr (last->number, ==, "INV-000014");
  /* Due dates follow the client's terms (the book default Net 30). */
  g_assert_cmpint (g_date_days_between (&last->issue_date, &last->due_date), ==, 30);

  /* A second run is a no-op. */
  n_before = count_invoices (book);
  g_assert_true (settle_billing_run (book, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_created, ==, 0);
  g_assert_cmpuint (count_invoices (book), ==, n_before);
  g_clear_pointer (&plan, settle_billing_plan_free);
  plan = settle_billing_plan (book, &as_of, &error);
  g_assert_cmpuint (plan->items->len, ==, 0);
  settle_test_assert_invariants (book);
  settle_test_remove_dir (dir);
}

/* A price change mid-period: one line ends on Mar 15, its successor starts Mar 16. */
static void
test_line_change (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleAgreement) ag = NULL;
  g_autoptr(GError) error = NULL;
  SettleId client = settle_test_add_client (book, "Acme", 30);
  SettleAgreementLine *line;
  SettleBillingResult result;
  GDate as_of = settle_test_date ("2026-04-30");
  /* Jan, Feb: $100.00. March (31 days): $100 × 15 ÷ 31 = 48.387 -> $48.39, plus
   * $120 × 16 ÷ 31 = 61.935 -> $61.94: $110.33. April: $120.00. */
  static const gint64 totals[] = { 10000, 10000, 11033, 12000 };
  static const char * const dates[] = { "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01" };

  ag = settle_agreement_new (client, "USD");
  g_free (ag->name);
  ag->name = g_strdup ("Backup");
  ag->start_date = settle_test_date ("2026-01-01");
  ag->auto_issue = TRUE;
  /* The agreement's own terms win over the client's Net 30. */
  ag->has_terms = TRUE;
  g_assert_true (settle_terms_parse ("net:10", &ag->terms, NULL));
  line = settle_agreement_add_line (ag, "Backup", 1000, 10000, 0, FALSE);
  line->end_date = settle_test_date ("2026-03-15");
  line = settle_agreement_add_line (ag, "Backup", 1000, 12000, 0, FALSE);
  line->start_date = settle_test_date ("2026-03-16");
  g_assert_true (settle_agreement_save (book, ag, &error));
  g_assert_no_error (error);

  g_assert_true (settle_billing_run (book, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_created, ==, 4);
  assert_invoices (book, ag->id, 4, totals, dates, SETTLE_INVOICE_ISSUED);
  {
    g_autoptr(GArray) ids = settle_billing_list_invoices (book, ag->id, &error);
    g_autoptr(SettleInvoice) march = settle_invoice_load (book, g_array_index (ids, SettleId, 2),
                                                          &error);
    SettleInvoiceLine *l1 = g_ptr_array_index (march->lines, 0);
    SettleInvoiceLine *l2 = g_ptr_array_index (march->lines, 1);

    g_assert_cmpuint (march->lines->len, ==, 2);
    g_assert_cmpint (g_date_days_between (&march->issue_date, &march->due_date), ==, 10);
    g_assert_cmpint (l1->net, ==, 4839);
    g_assert_cmpint (l2->net, ==, 6194);
    g_assert_cmpstr (l1->description, ==, "Backup × 1, 2026-03-01 to 2026-03-15 (15 of 31 days)");
  }
  settle_test_assert_invariants (book);
  settle_test_remove_dir (dir);
}

/* Usage in arrears, with catch-up over three runs. */
static void
test_usage_arrears (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleAgreement) ag = NULL;
  g_autoptr(GError) error = NULL;
  SettleId client = settle_test_add_client (book, "Acme", 30);
  SettleAgreementLine *usage;
  SettleBillingResult result;
  GDate d;
  /* Fixed $50.00 a month, Jan–Mar; storage at $0.25 a GB in arrears.
   * Jan: $50.00 (no usage before the first period). Feb: $50 + Jan's 120 GB × 0.25 =
   * $80.00. Mar: $50 + Feb's 80.5 GB × 0.25 = 20.125 -> $20.13: $70.13.
   * Apr 1 (after the end): March's 100 GB = $25.00 only. */
  static const gint64 totals[] = { 5000, 8000, 7013, 2500 };
  static const char * const dates[] = { "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01" };

  ag = settle_agreement_new (client, "USD");
  g_free (ag->name);
  ag->name = g_strdup ("Cloud");
  ag->start_date = settle_test_date ("2026-01-01");
  ag->end_date = settle_test_date ("2026-03-31");
  ag->auto_issue = TRUE;
  settle_agreement_add_line (ag, "Cloud desk", 1000, 5000, 0, FALSE);
  usage = settle_agreement_add_line (ag, "Storage GB", 0, 25, 0, TRUE);
  g_assert_true (settle_agreement_save (book, ag, &error));
  g_assert_no_error (error);

  d = settle_test_date ("2026-01-01");
  g_assert_true (settle_agreement_set_usage (book, usage->id, &d, 120000, &error));
  d = settle_test_date ("2026-02-01");
  g_assert_true (settle_agreement_set_usage (book, usage->id, &d, 80500, &error));
  g_assert_no_error (error);

  /* As of Feb 15: January and February. */
  d = settle_test_date ("2026-02-15");
  g_assert_true (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.n_created, ==, 2);
  /* As of Mar 31: March; March's usage is entered after. */
  d = settle_test_date ("2026-03-31");
  g_assert_true (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.n_created, ==, 1);
  d = settle_test_date ("2026-03-01");
  g_assert_true (settle_agreement_set_usage (book, usage->id, &d, 100000, &error));
  g_assert_no_error (error);
  /* As of the end of the year: only April's usage invoice, then nothing more. */
  d = settle_test_date ("2026-12-31");
  g_assert_true (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.n_created, ==, 1);
  g_assert_true (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.n_created, ==, 0);
  g_assert_no_error (error);
  assert_invoices (book, ag->id, 4, totals, dates, SETTLE_INVOICE_ISSUED);
  settle_test_assert_invariants (book);
  settle_test_remove_dir (dir);
}

/* A period with nothing to bill is marked done without an invoice. */
static void
test_nothing_to_bill (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleAgreement) ag = NULL;
  g_autoptr(GError) error = NULL;
  SettleId client = settle_test_add_client (book, "Acme", 30);
  SettleBillingResult result;
  GDate d = settle_test_date ("2026-03-10");

  ag = settle_agreement_new (client, "USD");
  g_free (ag->name);
  ag->name = g_strdup ("Metered");
  ag->start_date = settle_test_date ("2026-01-01");
  settle_agreement_add_line (ag, "Calls", 0, 5, 0, TRUE);
  g_assert_true (settle_agreement_save (book, ag, &error));
  g_assert_true (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_created, ==, 0);
  g_assert_cmpuint (result.n_skipped, ==, 3);
  g_assert_cmpuint (count_invoices (book), ==, 0);
  settle_test_remove_dir (dir);
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
test_cancel_and_lock (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleBook) other = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SettleId client = settle_test_add_client (book, "Acme", 30);
  SettleBillingResult result;
  GDate d = settle_test_date ("2026-12-31");
  guint calls = 0;

  add_agreement (book, client, "Care", SETTLE_CYCLE_MONTHLY, SETTLE_ALIGN_CALENDAR,
                 "2026-01-01", NULL, TRUE, 1000, 1000);

  /* Another process holding the run lock: refused, nothing made. */
  other = settle_book_open (settle_book_get_path (book), SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (settle_book_lock (other, SETTLE_BOOK_LOCK_RUN, &error));
  g_assert_false (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED);
  g_clear_error (&error);
  settle_book_unlock (other, SETTLE_BOOK_LOCK_RUN);

  g_cancellable_cancel (cancellable);
  g_assert_false (settle_billing_run (book, &d, count_progress, &calls, cancellable, &result,
                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (result.n_created, ==, 0);

  g_assert_true (settle_billing_run (book, &d, count_progress, &calls, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_created, ==, 12);
  g_assert_cmpuint (calls, ==, 12);
  settle_test_remove_dir (dir);
}

typedef struct
{
  GMainLoop          *loop;
  SettleBillingResult result;
  GError             *error;
  guint               last_done;
  guint               changed;
} AsyncData;

static void
async_progress (guint done, guint total, gpointer user_data)
{
  AsyncData *data = user_data;

  /* Delivered on the main thread, in order. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpuint (done, >=, data->last_done);
  data->last_done = done;
}

static void
async_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  AsyncData *data = user_data;

  settle_billing_run_finish (SETTLE_BOOK (source), res, &data->result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
on_changed (SettleBook *book, gpointer user_data)
{
  ((AsyncData *) user_data)->changed++;
}

static void
plan_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  SettleBillingPlan **plan = user_data;
  g_autoptr(GError) error = NULL;

  *plan = settle_billing_plan_finish (SETTLE_BOOK (source), res, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  SettleId client = settle_test_add_client (book, "Acme", 30);
  AsyncData data = { g_main_loop_new (NULL, FALSE) };
  GDate d = settle_test_date ("2026-06-30");

  add_agreement (book, client, "Care", SETTLE_CYCLE_MONTHLY, SETTLE_ALIGN_CALENDAR,
                 "2026-01-01", NULL, FALSE, 1000, 1000);
  {
    SettleBillingPlan *plan = NULL;

    settle_billing_plan_async (book, &d, NULL, plan_done, &plan);
    while (plan == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (plan->n_invoices, ==, 6);
    settle_billing_plan_free (plan);
  }
  g_signal_connect (book, "changed", G_CALLBACK (on_changed), &data);
  settle_billing_run_async (book, &d, async_progress, &data, NULL, async_done, &data);
  g_main_loop_run (data.loop);
  g_assert_no_error (data.error);
  g_assert_cmpuint (data.result.n_created, ==, 6);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (data.last_done, ==, 6);
  g_assert_cmpuint (data.changed, >=, 1);
  g_main_loop_unref (data.loop);
  settle_test_assert_invariants (book);
  settle_test_remove_dir (dir);
}

/* The demo book comes with agreements that a run as of its last day bills. */
static void
test_demo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleBillingPlan) plan = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GError) error = NULL;
  SettleDemoOptions options;
  SettleBillingResult result;

  settle_demo_options_init (&options);
  options.n_clients = 30;
  options.n_invoices = 300;
  options.today = settle_test_date ("2026-11-23");
  g_assert_true (settle_demo_generate (book, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  agreements = settle_agreement_list (book, 0, &error);
  g_assert_cmpuint (agreements->len, ==, 10); /* every third client */

  plan = settle_billing_plan (book, &options.today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_invoices, >, 0);
  g_assert_cmpuint (plan->n_invoices, <=, 10);
  g_assert_true (settle_billing_run (book, &options.today, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_created, ==, plan->n_invoices);
  settle_test_assert_invariants (book);
  settle_test_remove_dir (dir);
}

/* A rate removed from the book after the agreement was made: the preview names the
 * agreement and the line, the run keeps the whole invoices made before it and stops;
 * once the agreement is fixed, a run makes only what is missing. */
static void
test_bad_line_stops_run (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleAgreement) taxed = NULL;
  g_autoptr(SettleBillingPlan) plan = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  SettleId client = settle_test_add_client (book, "Acme", 30);
  SettleId plain;
  SettleBillingResult result;
  GDate d = settle_test_date ("2026-03-31");

  plain = add_agreement (book, client, "Care", SETTLE_CYCLE_MONTHLY, SETTLE_ALIGN_CALENDAR,
                         "2026-01-01", NULL, TRUE, 1000, 1000);
  taxed = settle_agreement_new (client, "USD");
  g_free (taxed->name);
  taxed->name = g_strdup ("Hardware lease");
  taxed->start_date = settle_test_date ("2026-01-01");
  taxed->auto_issue = TRUE;
  settle_agreement_add_line (taxed, "Firewall lease", 1000, 5000, 825, FALSE);
  g_assert_true (settle_agreement_save (book, taxed, &error));
  g_assert_no_error (error);

  /* The book's 8.25 % becomes 8.5 %. */
  rates = settle_tax_rate_list (book, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rates->len; i++)
    {
      SettleTaxRate *rate = g_ptr_array_index (rates, i);

      if (rate->rate_bp == 825)
        {
          rate->rate_bp = 850;
          g_assert_true (settle_tax_rate_save (book, rate, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_false (settle_tax_rate_is_known (book, 825));

  plan = settle_billing_plan (book, &d, &error);
  g_assert_null (plan);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Agreement “Hardware lease” (Acme), period "
                                                   "from 2026-01-01: Line 1: tax rate"));
  g_clear_error (&error);

  /* Made in order Care Jan, Hardware Jan…: Care's January is kept, whole. */
  g_assert_false (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (result.n_created, ==, 1);
  ids = settle_billing_list_invoices (book, plain, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  settle_test_assert_invariants (book);

  ((SettleAgreementLine *) g_ptr_array_index (taxed->lines, 0))->tax_rate_bp = 850;
  g_assert_true (settle_agreement_save (book, taxed, &error));
  g_assert_no_error (error);
  g_assert_true (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_created, ==, 5);
  ids = settle_billing_list_invoices (book, taxed->id, &error);
  g_assert_cmpuint (ids->len, ==, 3);
  {
    /* $50.00 + 8.5 % = $54.25 */
    g_autoptr(SettleInvoice) inv = settle_invoice_load (book, g_array_index (ids, SettleId, 0),
                                                        &error);
    g_assert_cmpint (inv->total, ==, 5425);
  }
  settle_test_assert_invariants (book);
  settle_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SETTLE_TODAY", "2026-11-23", TRUE);
  g_test_add_func ("/billing/year", test_year);
  g_test_add_func ("/billing/line-change", test_line_change);
  g_test_add_func ("/billing/usage-arrears", test_usage_arrears);
  g_test_add_func ("/billing/nothing-to-bill", test_nothing_to_bill);
  g_test_add_func ("/billing/cancel-and-lock", test_cancel_and_lock);
  g_test_add_func ("/billing/async", test_async);
  g_test_add_func ("/billing/demo", test_demo);
  g_test_add_func ("/billing/bad-line-stops-run", test_bad_line_stops_run);
  return g_test_run ();
}
