/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <sqlite3.h>
#include <string.h>

#include "settle-agreement.h"
#include "settle-billing.h"
#include "settle-invoice.h"
#include "settle-project.h"
#include "settle-test-util.h"

static void
assert_period (const SettleSchedule *s,
               const char           *day,
               const char           *start,
               const char           *end)
{
  GDate d = settle_test_date (day);
  SettlePeriod p;
  g_autofree char *got_start = NULL;
  g_autofree char *got_end = NULL;

  settle_period_containing (s, &d, &p);
  got_start = settle_date_to_iso (&p.start);
  got_end = settle_date_to_iso (&p.end);
  g_assert_cmpstr (got_start, ==, start);
  g_assert_cmpstr (got_end, ==, end);
}

static void
test_periods_calendar (void)
{
  SettleSchedule s = { SETTLE_CYCLE_MONTHLY, SETTLE_ALIGN_CALENDAR, 1 };

  g_date_clear (&s.anchor, 1);
  assert_period (&s, "2026-01-15", "2026-01-01", "2026-01-31");
  assert_period (&s, "2028-02-29", "2028-02-01", "2028-02-29");
  /* Billing day 15: a period runs from the 15th to the 14th of the next month. */
  s.billing_day = 15;
  assert_period (&s, "2026-01-14", "2025-12-15", "2026-01-14");
  assert_period (&s, "2026-01-15", "2026-01-15", "2026-02-14");
  s.billing_day = 1;
  s.cycle = SETTLE_CYCLE_QUARTERLY;
  assert_period (&s, "2026-02-01", "2026-01-01", "2026-03-31");
  assert_period (&s, "2026-12-31", "2026-10-01", "2026-12-31");
  s.cycle = SETTLE_CYCLE_YEARLY;
  assert_period (&s, "2026-07-04", "2026-01-01", "2026-12-31");
}

static void
test_periods_anniversary (void)
{
  SettleSchedule s = { SETTLE_CYCLE_MONTHLY, SETTLE_ALIGN_ANNIVERSARY, 1 };
  SettlePeriod p, next;

  s.anchor = settle_test_date ("2026-01-31");
  /* The 31st falls on the last day of shorter months. */
  assert_period (&s, "2026-01-31", "2026-01-31", "2026-02-27");
  assert_period (&s, "2026-02-28", "2026-02-28", "2026-03-30");
  assert_period (&s, "2026-03-31", "2026-03-31", "2026-04-29");
  s.cycle = SETTLE_CYCLE_YEARLY;
  s.anchor = settle_test_date ("2025-07-10");
  assert_period (&s, "2026-07-09", "2025-07-10", "2026-07-09");
  assert_period (&s, "2026-07-10", "2026-07-10", "2027-07-09");
  s.cycle = SETTLE_CYCLE_QUARTERLY;
  settle_period_containing (&s, &s.anchor, &p);
  settle_period_next (&s, &p, &next);
  g_assert_cmpuint (g_date_get_julian (&next.start), ==, g_date_get_julian (&p.end) + 1);
  g_assert_cmpuint (settle_period_days (&p), ==, 92); /* Jul 10 – Oct 9 */
}

static void
test_prorate (void)
{
  gint64 out;
  GDate a = settle_test_date ("2026-01-15"), b = settle_test_date ("2026-01-31");
  GDate c = settle_test_date ("2026-01-01"), open;

  g_date_clear (&open, 1);
  /* 25,000 × 17 ÷ 31 = 13,709.68: half-up gives 13,710. */
  g_assert_true (settle_prorate (25000, 17, 31, &out));
  g_assert_cmpint (out, ==, 13710);
  /* Exactly half goes up: 1 × 1 ÷ 2 = 0.5 -> 1; and away from zero for credits. */
  g_assert_true (settle_prorate (1, 1, 2, &out));
  g_assert_cmpint (out, ==, 1);
  g_assert_true (settle_prorate (-1, 1, 2, &out));
  g_assert_cmpint (out, ==, -1);
  g_assert_false (settle_prorate (1, 1, 0, &out));
  g_assert_cmpuint (settle_days_overlap (&a, &open, &c, &b), ==, 17);
  g_assert_cmpuint (settle_days_overlap (&c, &a, &b, &open), ==, 0);
}

static SettleAgreement *
make_agreement (SettleId    client,
                const char *start)
{
  SettleAgreement *ag = settle_agreement_new (client, "USD");

  g_free (ag->name);
  ag->name = g_strdup ("Managed services");
  ag->start_date = settle_test_date (start);
  settle_agreement_add_line (ag, "Workstation care", 10000, 2500, 0, FALSE);
  return ag;
}

static void
test_validate (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  SettleId client = settle_test_add_client (book, "Acme", 30);
  g_autoptr(SettleAgreement) ag = make_agreement (client, "2026-03-01");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  ag->end_date = settle_test_date ("2026-02-28");
  g_assert_false (settle_agreement_save (book, ag, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "End date:"));
  g_assert_nonnull (strstr (error->message, "2026-02-28"));
  g_assert_cmpint (ag->id, ==, 0);
  g_clear_error (&error);
  g_date_clear (&ag->end_date, 1);

  ag->billing_day = 31;
  g_assert_false (settle_agreement_validate (ag, &error));
  g_assert_true (g_str_has_prefix (error->message, "Billing day:"));
  g_clear_error (&error);
  ag->billing_day = 1;

  /* 7.5 % is not one of the book's rates. */
  ((SettleAgreementLine *) g_ptr_array_index (ag->lines, 0))->tax_rate_bp = 750;
  g_assert_false (settle_agreement_save (book, ag, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Line 1: tax rate 7.5 % is not in the book's tax rates");
  g_clear_error (&error);
  ((SettleAgreementLine *) g_ptr_array_index (ag->lines, 0))->tax_rate_bp = 825;

  settle_agreement_add_line (ag, "  ", 1000, 100, 0, FALSE);
  g_assert_false (settle_agreement_save (book, ag, &error));
  g_assert_cmpstr (error->message, ==, "Line 2: a line needs a description");
  g_clear_error (&error);
  g_ptr_array_remove_index (ag->lines, 1);

  /* Nothing was saved by the refused attempts. */
  list = settle_agreement_list (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  settle_test_remove_dir (dir);
}

static void
test_save_load (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  SettleId client = settle_test_add_client (book, "Acme", 30);
  g_autoptr(SettleAgreement) ag = make_agreement (client, "2026-03-01");
  g_autoptr(SettleAgreement) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SettleAgreementLine *usage;
  g_autofree char *terms = NULL;

  ag->cycle = SETTLE_CYCLE_QUARTERLY;
  ag->alignment = SETTLE_ALIGN_ANNIVERSARY;
  ag->auto_issue = TRUE;
  ag->has_terms = TRUE;
  g_assert_true (settle_terms_parse ("net:10;discount:5:200", &ag->terms, NULL));
  usage = settle_agreement_add_line (ag, "Cloud backup GB", 0, 25, 825, TRUE);
  usage->start_date = settle_test_date ("2026-04-01");
  g_assert_true (settle_agreement_save (book, ag, &error));
  g_assert_no_error (error);

  back = settle_agreement_load (book, ag->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->client_name, ==, "Acme");
  g_assert_cmpint (back->cycle, ==, SETTLE_CYCLE_QUARTERLY);
  g_assert_cmpint (back->alignment, ==, SETTLE_ALIGN_ANNIVERSARY);
  g_assert_true (back->auto_issue);
  g_assert_true (back->has_terms);
  terms = settle_terms_to_string (&back->terms);
  g_assert_cmpstr (terms, ==, "net:10;discount:5:200");
  g_assert_cmpuint (back->lines->len, ==, 2);
  usage = g_ptr_array_index (back->lines, 1);
  g_assert_true (usage->usage);
  g_assert_cmpint (usage->tax_rate_bp, ==, 825);
  g_assert_cmpint (g_date_get_julian (&usage->start_date), ==,
                   g_date_get_julian (&ag->start_date) + 31);
  g_assert_false (g_date_valid (&usage->end_date));

  /* Updating keeps line ids; a removed line without usage goes. */
  g_ptr_array_remove_index (back->lines, 0);
  g_assert_true (settle_agreement_save (book, back, &error));
  g_assert_no_error (error);
  list = settle_agreement_list (book, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((SettleAgreement *) g_ptr_array_index (list, 0))->lines->len, ==, 1);
  g_assert_cmpint (((SettleAgreementLine *) g_ptr_array_index (
                      ((SettleAgreement *) g_ptr_array_index (list, 0))->lines, 0))->id,
                   ==, usage->id);
  settle_test_remove_dir (dir);
}

static void
test_usage_rules (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  SettleId client = settle_test_add_client (book, "Acme", 30);
  g_autoptr(SettleAgreement) ag = make_agreement (client, "2026-01-01");
  g_autoptr(GError) error = NULL;
  SettleAgreementLine *usage = settle_agreement_add_line (ag, "Storage GB", 0, 25, 0, TRUE);
  SettleBillingResult result;
  GDate d;
  gint64 q;

  g_assert_true (settle_agreement_save (book, ag, &error));
  g_assert_no_error (error);

  /* Only a period's first day is a key. */
  d = settle_test_date ("2026-01-10");
  g_assert_false (settle_agreement_set_usage (book, usage->id, &d, 1000, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Period start:"));
  g_clear_error (&error);
  /* A fixed line takes no usage. */
  d = settle_test_date ("2026-01-01");
  g_assert_false (settle_agreement_set_usage (
    book, ((SettleAgreementLine *) g_ptr_array_index (ag->lines, 0))->id, &d, 1000, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (settle_agreement_set_usage (book, usage->id, &d, 1000, &error));
  g_assert_true (settle_agreement_set_usage (book, usage->id, &d, 7500, &error));
  g_assert_true (settle_agreement_get_usage (book, usage->id, &d, &q, &error));
  g_assert_cmpint (q, ==, 7500);

  /* Once February's invoice billed January's usage, January is closed. */
  d = settle_test_date ("2026-02-01");
  g_assert_true (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_created, ==, 2);
  d = settle_test_date ("2026-01-01");
  g_assert_false (settle_agreement_set_usage (book, usage->id, &d, 1, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  /* …and the line it was entered for cannot be removed. */
  g_ptr_array_remove_index (ag->lines, 1);
  g_assert_false (settle_agreement_save (book, ag, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  /* The start of a billed agreement is frozen. */
  g_clear_pointer (&ag, settle_agreement_free);
  ag = settle_agreement_load (book, 1, &error);
  g_assert_no_error (error);
  ag->start_date = settle_test_date ("2026-01-02");
  g_assert_false (settle_agreement_save (book, ag, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  settle_test_assert_invariants (book);
  settle_test_remove_dir (dir);
}

static void
test_milestones (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  SettleId client = settle_test_add_client (book, "Acme", 30);
  g_autoptr(SettleProject) p = settle_project_new (client, "USD");
  g_autoptr(SettleProject) back = NULL;
  g_autoptr(SettleInvoice) inv = NULL;
  g_autoptr(GError) error = NULL;
  GDate d = settle_test_date ("2026-05-04");
  SettleId invoice_id;
  gint64 invoiced, remaining;

  g_free (p->name);
  p->name = g_strdup ("Office move");
  p->budget = 1000000;
  settle_project_add_milestone (p, "Cabling", 400000, NULL);
  settle_project_add_milestone (p, "Cutover", 700000, &d);
  settle_project_add_milestone (p, "", 1, NULL);
  g_assert_false (settle_project_save (book, p, &error));
  g_assert_cmpstr (error->message, ==, "Milestone 3: a milestone needs a name");
  g_clear_error (&error);
  g_ptr_array_remove_index (p->milestones, 2);
  g_assert_true (settle_project_save (book, p, &error));
  g_assert_no_error (error);

  invoice_id = settle_milestone_complete (book, ((SettleMilestone *) g_ptr_array_index (
                                                   p->milestones, 0))->id, &d, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice_id, >, 0);
  inv = settle_invoice_load (book, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (inv->status, ==, SETTLE_INVOICE_DRAFT);
  g_assert_cmpuint (inv->lines->len, ==, 1);
  g_assert_cmpstr (((SettleInvoiceLine *) g_ptr_array_index (inv->lines, 0))->description, ==,
                   "Office move – Cabling");
  g_assert_cmpint (inv->total, ==, 400000);

  /* Twice is refused, and makes no second invoice. */
  g_assert_cmpint (settle_milestone_complete (book, ((SettleMilestone *) g_ptr_array_index (
                                                       p->milestones, 0))->id, &d, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);

  g_assert_true (settle_project_get_invoiced (book, p->id, &invoiced, &remaining, &error));
  g_assert_cmpint (invoiced, ==, 400000);
  g_assert_cmpint (remaining, ==, 600000);
  settle_milestone_complete (book, ((SettleMilestone *) g_ptr_array_index (p->milestones, 1))->id,
                             &d, &error);
  g_assert_no_error (error);
  g_assert_true (settle_project_get_invoiced (book, p->id, &invoiced, &remaining, &error));
  g_assert_cmpint (invoiced, ==, 1100000);
  g_assert_cmpint (remaining, ==, -100000); /* over budget */

  /* A completed milestone is frozen. */
  back = settle_project_load (book, p->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&((SettleMilestone *) g_ptr_array_index (back->milestones, 0))
                                  ->completed_on));
  ((SettleMilestone *) g_ptr_array_index (back->milestones, 0))->amount = 1;
  g_assert_false (settle_project_save (book, back, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  settle_test_assert_invariants (book);
  settle_test_remove_dir (dir);
}

/* A book at version 2 (before agreements) migrates, keeps its invoices, and bills. */
static void
test_migrate_from_2 (void)
{
  static const char * const files[] = { "0001-initial.sql", "0002-invoicing.sql" };
  g_autofree char *dir = g_dir_make_tmp ("settle-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v2.settle", NULL);
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleAgreement) ag = NULL;
  g_autoptr(SettleInvoice) old = NULL;
  g_autoptr(GError) error = NULL;
  SettleBillingResult result;
  GDate d = settle_test_date ("2026-02-01");
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *res = g_strconcat ("/io/github/settle/Settle/core/migrations/", files[i],
                                          NULL);
      g_autoptr(GBytes) sql = g_resources_lookup_data (res, 0, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      g_assert_cmpint (sqlite3_exec (db, text, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO clients (name, created_at) VALUES ('Old client', "
                                 "'2025-01-01T00:00:00Z');"
                                 "INSERT INTO invoices (client_id, currency, created_at, total) "
                                 "VALUES (1, 'USD', '2025-01-01T00:00:00Z', 0);"
                                 "PRAGMA application_id = 1398033477; PRAGMA user_version = 2;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settle_book_get_schema_version (book), ==, settle_book_latest_schema_version ());
  g_assert_cmpint (settle_book_latest_schema_version (), >=, 3);
  old = settle_invoice_load (book, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (old->client_name, ==, "Old client");
  g_assert_cmpint (old->agreement_id, ==, 0);

  ag = make_agreement (1, "2026-01-01");
  g_assert_true (settle_agreement_save (book, ag, &error));
  g_assert_no_error (error);
  g_assert_true (settle_billing_run (book, &d, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_created, ==, 2);
  settle_test_assert_invariants (book);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SETTLE_TODAY", "2026-11-23", TRUE);
  g_test_add_func ("/agreement/periods/calendar", test_periods_calendar);
  g_test_add_func ("/agreement/periods/anniversary", test_periods_anniversary);
  g_test_add_func ("/agreement/prorate", test_prorate);
  g_test_add_func ("/agreement/validate", test_validate);
  g_test_add_func ("/agreement/save-load", test_save_load);
  g_test_add_func ("/agreement/usage-rules", test_usage_rules);
  g_test_add_func ("/agreement/milestones", test_milestones);
  g_test_add_func ("/agreement/migrate-from-2", test_migrate_from_2);
  return g_test_run ();
}
