/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-dunning.h"
#include "settle-instalment-plan.h"
#include "settle-invoice.h"
#include "settle-late-fee-store.h"
#include "settle-outbox.h"
#include "settle-test-util.h"
#include "settle-dunning-scenario.h"

/* Runs per simulated day: every simulated hour. */
#define RUNS_PER_DAY 24

static gint64
query (SettleBook *book,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (settle_book_get_db (book), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_simulation (void)
{
  DunningScenario *sc = dunning_scenario_new ();
  g_autoptr(GError) error = NULL;
  GDate day = settle_test_date (SCENARIO_FIRST_DAY);
  guint total_steps = 0, total_fees = 0;

  for (guint d = 0; d < SCENARIO_N_DAYS; d++, g_date_add_days (&day, 1))
    {
      g_autoptr(SettleDunningPlan) plan = NULL;
      guint planned_fees, planned_steps;

      dunning_scenario_apply_events (sc, &day);
      /* The preview says what the first run of the day then does. */
      plan = settle_dunning_plan (sc->book, &day, &error);
      g_assert_no_error (error);
      planned_fees = plan->n_fees;
      planned_steps = plan->n_reminders + plan->n_phone_tasks;
      for (guint r = 0; r < RUNS_PER_DAY; r++)
        {
          SettleDunningResult result;

          g_assert_true (settle_dunning_run (sc->book, &day, NULL, NULL, NULL, &result, &error));
          g_assert_no_error (error);
          if (r == 0)
            {
              g_assert_cmpuint (result.n_steps, ==, planned_steps);
              g_assert_cmpuint (result.n_fees, ==, planned_fees);
              total_steps += result.n_steps;
              total_fees += result.n_fees;
            }
          else
            {
              /* A rerun the same day finds nothing to do. */
              g_assert_cmpuint (result.n_steps, ==, 0);
              g_assert_cmpuint (result.n_fees, ==, 0);
              g_assert_cmpuint (result.n_items, ==, 0);
            }
        }
    }
  g_assert_cmpuint (total_steps, >, 100);
  g_assert_cmpuint (total_fees, >, 20);
  dunning_scenario_check (sc);

  /* The day after the window, a rerun of the whole window changes nothing. */
  day = settle_test_date (SCENARIO_FIRST_DAY);
  {
    gint64 jobs = query (sc->book, "SELECT count(*) FROM outbox_jobs");
    gint64 fees = query (sc->book, "SELECT count(*) FROM invoices WHERE late_fee_of IS NOT NULL");
    SettleDunningResult result;
    GDate last = day;

    g_date_add_days (&last, SCENARIO_N_DAYS - 1);
    g_assert_true (settle_dunning_run (sc->book, &last, NULL, NULL, NULL, &result, &error));
    g_assert_cmpuint (result.n_steps, ==, 0);
    g_assert_cmpint (query (sc->book, "SELECT count(*) FROM outbox_jobs"), ==, jobs);
    g_assert_cmpint (query (sc->book, "SELECT count(*) FROM invoices WHERE late_fee_of IS NOT "
                                      "NULL"), ==, fees);
  }
  dunning_scenario_free (sc);
}

static SettleId
one_overdue (SettleBook *book,
             SettleId   *client_id)
{
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GError) error = NULL;

  *client_id = settle_test_add_client (book, "Contoso & Sons <Ltd>", 30);
  client = settle_client_load (book, *client_id, &error);
  g_free (client->email);
  client->email = g_strdup ("ap@contoso.example");
  g_assert_true (settle_client_save (book, client, &error));
  g_assert_no_error (error);
  return settle_test_add_invoice (book, *client_id, "2026-01-01", 120000);
}

static void
test_plan_describe_and_dry_run (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleDunningPlan) plan = NULL;
  g_autoptr(SettleDunningPlan) empty = NULL;
  g_autofree char *text = NULL;
  g_autofree char *nothing = NULL;
  GDate early = settle_test_date ("2026-01-15");
  GDate late = settle_test_date ("2026-03-20");
  SettleId client_id;
  gint64 changes;

  one_overdue (book, &client_id);
  settle_test_add_invoice (book, client_id, "2026-01-05", 5000);
  g_assert_true (settle_late_fee_store_set_default (book, "flat:2500;freq:once", &error));

  changes = sqlite3_total_changes (settle_book_get_db (book));
  empty = settle_dunning_plan (book, &early, &error);
  g_assert_no_error (error);
  nothing = settle_dunning_plan_describe (empty);
  g_assert_cmpstr (nothing, ==, "Nothing is due");

  /* Due 01-31 and 02-04, first seen 03-20: the first step of each, one a day. */
  plan = settle_dunning_plan (book, &late, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->items->len, ==, 2);
  g_assert_cmpuint (plan->n_reminders, ==, 2);
  text = settle_dunning_plan_describe (plan);
  g_assert_cmpstr (text, ==, "2 reminders");
  /* Planning writes nothing. */
  g_assert_cmpint (sqlite3_total_changes (settle_book_get_db (book)), ==, changes);
  g_assert_cmpint (query (book, "SELECT count(*) FROM dunning_log"), ==, 0);

  settle_test_remove_dir (dir);
}

static void
test_run_lock (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleBook) other = NULL;
  g_autoptr(GError) error = NULL;
  SettleDunningResult result;
  GDate as_of = settle_test_date ("2026-02-05");
  SettleId client_id;

  one_overdue (book, &client_id);
  other = settle_book_open (settle_book_get_path (book), SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (settle_book_lock (other, SETTLE_BOOK_LOCK_RUN, &error));
  g_assert_false (settle_dunning_run (book, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (query (book, "SELECT count(*) FROM dunning_log"), ==, 0);
  settle_book_unlock (other, SETTLE_BOOK_LOCK_RUN);
  g_assert_true (settle_dunning_run (book, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_steps, ==, 1);
  settle_test_remove_dir (dir);
}

static void
test_ladder_storage (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleDunningLadder) bad = NULL;
  g_autoptr(SettleDunningLadder) good = NULL;
  g_autoptr(SettleDunningLadder) loaded = NULL;
  g_autoptr(SettleDunningLadder) for_client = NULL;
  g_autofree char *text = NULL;
  SettleId client_id = settle_test_add_client (book, "Fabrikam", 30);

  loaded = settle_dunning_ladder_load (book, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (settle_dunning_ladder_get_n_steps (loaded), ==, 7);
  g_clear_pointer (&loaded, settle_dunning_ladder_free);

  /* An email step needs a template. */
  bad = settle_dunning_ladder_parse ("0:email:due-today;5:email:stern-words", &error);
  g_assert_no_error (error);
  g_assert_false (settle_dunning_ladder_save (book, bad, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_true (strstr (error->message, "step 2") != NULL);
  g_assert_true (strstr (error->message, "stern-words") != NULL);
  g_clear_error (&error);
  g_assert_false (settle_dunning_set_client_ladder (book, client_id, bad, &error));
  g_clear_error (&error);

  good = settle_dunning_ladder_parse ("0:email:due-today;14:email:firm:fee", &error);
  g_assert_true (settle_dunning_ladder_save (book, good, &error));
  g_assert_no_error (error);
  loaded = settle_dunning_ladder_load (book, &error);
  text = settle_dunning_ladder_to_string (loaded);
  g_assert_cmpstr (text, ==, "0:email:due-today;14:email:firm:fee");
  g_clear_pointer (&text, g_free);

  /* A client follows the book until it has its own. */
  for_client = settle_dunning_ladder_for_client (book, client_id, &error);
  text = settle_dunning_ladder_to_string (for_client);
  g_assert_cmpstr (text, ==, "0:email:due-today;14:email:firm:fee");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&for_client, settle_dunning_ladder_free);
  g_clear_pointer (&loaded, settle_dunning_ladder_free);
  loaded = settle_dunning_ladder_new_default ();
  g_assert_true (settle_dunning_set_client_ladder (book, client_id, loaded, &error));
  for_client = settle_dunning_ladder_for_client (book, client_id, &error);
  g_assert_cmpuint (settle_dunning_ladder_get_n_steps (for_client), ==, 7);
  g_clear_pointer (&for_client, settle_dunning_ladder_free);
  g_assert_true (settle_dunning_set_client_ladder (book, client_id, NULL, &error));
  for_client = settle_dunning_ladder_for_client (book, client_id, &error);
  g_assert_cmpuint (settle_dunning_ladder_get_n_steps (for_client), ==, 2);

  /* A bad late-fee policy is refused with the engine's message. */
  g_assert_false (settle_late_fee_store_set_default (book, "percent:0", &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (settle_late_fee_store_set_client (book, client_id, "flat:-5", &error));
  g_clear_error (&error);
  settle_test_remove_dir (dir);
}

static void
test_email_content_and_timeline (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) activity = NULL;
  const SettleOutboxJob *job;
  SettleDunningResult result;
  GDate as_of = settle_test_date ("2026-02-03");
  SettleId client_id, invoice_id;
  gboolean reminded = FALSE, disputed = FALSE, plan_created = FALSE;
  g_autoptr(SettleInvoice) inv = NULL;

  invoice_id = one_overdue (book, &client_id);
  g_assert_true (settle_book_set_setting (book, "company.name", "Northwind IT", &error));
  inv = settle_invoice_load (book, invoice_id, &error);
  /* Due 01-31: on 02-03 the first step (friendly) goes out, late. */
  g_assert_true (settle_dunning_run (book, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_emails, ==, 1);
  jobs = settle_outbox_list (book, "invoice", invoice_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 1);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpstr (job->to, ==, "ap@contoso.example");
  g_assert_true (g_str_has_prefix (job->idempotency_key, "dunning:"));
  g_assert_true (strstr (job->subject, inv->number) != NULL);
  g_assert_true (strstr (job->body_text, "$1,200.00") != NULL);
  g_assert_true (strstr (job->body_text, "Northwind IT") != NULL);
  g_assert_cmpuint (job->attachments->len, ==, 1);

  /* Dispute, then a plan: both on the timeline. */
  g_assert_true (settle_dunning_set_disputed (book, invoice_id, TRUE, "Wrong rate", &error));
  g_assert_true (settle_dunning_set_disputed (book, invoice_id, FALSE, "Rate confirmed", &error));
  {
    GDate first = settle_test_date ("2026-02-15");
    g_assert_cmpint (settle_instalment_plan_create (book, invoice_id, 4, &first,
                                                    SETTLE_INSTALMENTS_EVERY_N_DAYS, 14,
                                                    SETTLE_REMAINDER_LAST, &as_of, &error), >, 0);
    g_assert_no_error (error);
    /* Only one plan at a time. */
    g_assert_cmpint (settle_instalment_plan_create (book, invoice_id, 2, &first,
                                                    SETTLE_INSTALMENTS_MONTHLY, 0,
                                                    SETTLE_REMAINDER_LAST, &as_of, &error), ==, 0);
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
    g_clear_error (&error);
  }
  activity = settle_activity_list (book, "invoice", invoice_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < activity->len; i++)
    {
      const SettleActivity *a = g_ptr_array_index (activity, i);

      reminded |= strcmp (a->action, "reminded") == 0;
      disputed |= strcmp (a->action, "disputed") == 0;
      plan_created |= strcmp (a->action, "plan created") == 0;
    }
  g_assert_true (reminded && disputed && plan_created);
  settle_test_remove_dir (dir);
}

/* Waiving a period already charged voids its fee invoice; a fee with money applied is
 * refused; a waived period is never charged again. */
static void
test_waive_charged_fee (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleDunningLadder) ladder = NULL;
  SettleDunningResult result;
  GDate day = settle_test_date ("2026-02-01");
  SettleId client_id, invoice_id, fee_id;

  invoice_id = one_overdue (book, &client_id);
  ladder = settle_dunning_ladder_parse ("1:email:firm:fee", &error);
  g_assert_true (settle_dunning_set_client_ladder (book, client_id, ladder, &error));
  g_assert_true (settle_late_fee_store_set_client (book, client_id,
                                                   "flat:1000;freq:days:10;stop:3", &error));
  g_assert_no_error (error);
  /* Due 01-31: the fee step on 02-01 charges period 1 (from 02-01). */
  g_assert_true (settle_dunning_run (book, &day, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.n_fees, ==, 1);
  fee_id = query (book, "SELECT id FROM invoices WHERE late_fee_of IS NOT NULL");
  g_assert_cmpint (settle_late_fee_store_count (book, invoice_id, &error), ==, 1);
  {
    SettleId overdue = 0;
    int period = 0;

    g_assert_true (settle_late_fee_store_fee_of (book, fee_id, &overdue, &period, &error));
    g_assert_cmpint (overdue, ==, invoice_id);
    g_assert_cmpint (period, ==, 1);
    g_assert_false (settle_late_fee_store_fee_of (book, invoice_id, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  g_assert_true (settle_late_fee_store_waive (book, invoice_id, 1, "Bank holiday", &day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settle_late_fee_store_count (book, invoice_id, &error), ==, 0);
  g_assert_cmpint (query (book, "SELECT count(*) FROM invoices WHERE status = 'void' AND "
                                "late_fee_of IS NOT NULL"), ==, 1);
  settle_test_assert_invariants (book);

  /* Period 2 (02-11) is charged, period 1 never again. */
  day = settle_test_date ("2026-02-11");
  g_assert_true (settle_dunning_run (book, &day, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.n_fees, ==, 1);
  g_assert_cmpint (query (book, "SELECT count(*) FROM invoices WHERE late_fee_period = 1"), ==, 1);
  g_assert_cmpint (settle_late_fee_store_count (book, invoice_id, &error), ==, 1);

  /* Paid fee: not waived. */
  fee_id = query (book, "SELECT id FROM invoices WHERE late_fee_period = 2");
  settle_test_pay (book, client_id, "2026-02-12", 1000, fee_id, 1000);
  g_assert_false (settle_late_fee_store_waive (book, invoice_id, 2, "Too late", &day, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (query (book, "SELECT count(*) FROM late_fee_waivers"), ==, 1);
  settle_test_assert_invariants (book);
  settle_test_remove_dir (dir);
}

/* A book of the previous version (0005) with an open invoice migrates: nothing is
 * disputed, paused, opted out or overridden, and the run works on it. */
static void
test_migrate_from_0005 (void)
{
  static const char * const previous[] = {
    "0001-initial.sql", "0002-invoicing.sql", "0003-agreements.sql", "0004-outbox.sql",
    "0005-payments.sql",
  };
  g_autofree char *dir = g_dir_make_tmp ("settle-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.settle", NULL);
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  SettleDunningResult result;
  GDate as_of = settle_test_date ("2026-02-03");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (previous); i++)
    {
      g_autofree char *res = g_strconcat ("/io/github/settle/Settle/core/migrations/",
                                          previous[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (res, 0, &error);
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA user_version = 5; PRAGMA application_id = 1398033477;"
    "INSERT INTO clients (id, name, email, created_at) VALUES "
    " (1, 'Old Client', 'ap@old.example', '2025-01-01T00:00:00Z');"
    "INSERT INTO invoices (id, client_id, number, status, issue_date, due_date, currency, "
    " subtotal, total, created_at) VALUES (1, 1, 'INV-000001', 'issued', '2026-01-01', "
    " '2026-01-31', 'USD', 10000, 10000, '2026-01-01T00:00:00Z');"
    "INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, "
    " unit_price, net, tax) VALUES (1, 1, 'Support', 1000, 10000, 10000, 0);"
    "UPDATE clients SET balance = 10000 WHERE id = 1;",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settle_book_get_schema_version (book), ==,
                   settle_book_latest_schema_version ());
  g_assert_cmpint (query (book, "SELECT disputed + dunning_paused + (late_fee_of IS NOT NULL) "
                                "FROM invoices WHERE id = 1"), ==, 0);
  g_assert_cmpint (query (book, "SELECT dunning_opt_out + (dunning_ladder IS NOT NULL) + "
                                "(late_fee_policy IS NOT NULL) FROM clients WHERE id = 1"), ==, 0);
  settle_test_assert_invariants (book);
  g_assert_true (settle_dunning_run (book, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_emails, ==, 1);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
on_async_progress (guint    done,
                   guint    total,
                   gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
on_run_done (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  SettleDunningResult *result = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (settle_dunning_run_finish (SETTLE_BOOK (source), res, result, &error));
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  SettleDunningResult result = { 0 };
  GDate as_of = settle_test_date ("2026-02-05");
  SettleId client_id;
  guint calls = 0;

  one_overdue (book, &client_id);
  settle_dunning_run_async (book, &as_of, on_async_progress, &calls, NULL, on_run_done, &result);
  while (result.n_steps == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (result.n_emails, ==, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpint (query (book, "SELECT count(*) FROM outbox_jobs"), ==, 1);
  settle_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dunning/simulation-120-days", test_simulation);
  g_test_add_func ("/dunning/plan-describe-dry-run", test_plan_describe_and_dry_run);
  g_test_add_func ("/dunning/run-lock", test_run_lock);
  g_test_add_func ("/dunning/ladder-storage", test_ladder_storage);
  g_test_add_func ("/dunning/email-and-timeline", test_email_content_and_timeline);
  g_test_add_func ("/dunning/waive-charged-fee", test_waive_charged_fee);
  g_test_add_func ("/dunning/async", test_async);
  g_test_add_func ("/dunning/migrate-from-0005", test_migrate_from_0005);
  return g_test_run ();
}
