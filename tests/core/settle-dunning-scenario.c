/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The collections scenario. Default ladder (-3 friendly, 0 due-today, +3 polite, +10
 * firm, +30 final-notice letter with fee, +45 account-hold, +60 collections phone
 * task), book late-fee policy flat $25 a month from the day after the due date, at
 * most two periods; every invoice Net 30.
 *
 *  1- 6, 20  on time, due 01-04, 01-10, 01-20, 02-01, 02-15, 03-10, 02-20
 *  7         found late: due 2025-11-20, nothing sent before 01-01: catches up one
 *            step a day, both fee periods at once with the fee step
 *  8         disputed 01-12 to 02-02 (paused, then resumes in order, late)
 *  9         on an instalment plan from 01-12 (3 monthly from 01-20); instalment 2
 *            paid late (02-25), 3 on its day: reminders follow the instalments
 * 10         client opted out: nothing
 * 11         client's own ladder: 0 polite, +7 firm with fee, +21 hold
 * 12         fee period 2 waived on 02-04, before it was due
 * 13         paid in full on 01-20: the ladder stops
 * 14         half paid on 01-10: the ladder goes on
 * 15         no email address: steps logged, no email
 * 16         client without late fees ("" override)
 * 17         invoice paused before the window: nothing
 * 18         two invoices (due 01-04 and 01-25): two ladders, one hold
 * 19         issued 02-10 inside the window (due 03-12)
 */
#define G_LOG_DOMAIN "settle-test"

#include <glib/gstdio.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-dunning.h"
#include "settle-instalment-plan.h"
#include "settle-invoice-pdf.h"
#include "settle-late-fee-store.h"
#include "settle-statement-pdf.h"
#include "settle-test-util.h"
#include "settle-dunning-scenario.h"

typedef struct
{
  int         client;
  const char *tag;   /* "a": the client's first invoice, "b": its second */
  const char *date;
  const char *event; /* a template id (a step; "/iN" for instalment N), or "feeN" */
} Expected;

/* Written out by hand from the rules in docs/collections.md and the scenario above. */
static const Expected expected[] = {
  {  1, "a", "2026-01-01", "friendly" },
  {  7, "a", "2026-01-01", "friendly" },
  { 12, "a", "2026-01-01", "friendly" },
  { 13, "a", "2026-01-01", "friendly" },
  { 14, "a", "2026-01-01", "friendly" },
  { 15, "a", "2026-01-01", "friendly" },
  { 16, "a", "2026-01-01", "friendly" },
  { 18, "a", "2026-01-01", "friendly" },
  {  7, "a", "2026-01-02", "due-today" },
  {  7, "a", "2026-01-03", "polite" },
  {  1, "a", "2026-01-04", "due-today" },
  {  7, "a", "2026-01-04", "firm" },
  { 12, "a", "2026-01-04", "due-today" },
  { 13, "a", "2026-01-04", "due-today" },
  { 14, "a", "2026-01-04", "due-today" },
  { 15, "a", "2026-01-04", "due-today" },
  { 16, "a", "2026-01-04", "due-today" },
  { 18, "a", "2026-01-04", "due-today" },
  {  7, "a", "2026-01-05", "fee1" },
  {  7, "a", "2026-01-05", "fee2" },
  {  7, "a", "2026-01-05", "final-notice" },
  {  7, "a", "2026-01-06", "account-hold" },
  {  1, "a", "2026-01-07", "polite" },
  {  2, "a", "2026-01-07", "friendly" },
  {  8, "a", "2026-01-07", "friendly" },
  {  9, "a", "2026-01-07", "friendly" },
  { 12, "a", "2026-01-07", "polite" },
  { 13, "a", "2026-01-07", "polite" },
  { 14, "a", "2026-01-07", "polite" },
  { 15, "a", "2026-01-07", "polite" },
  { 16, "a", "2026-01-07", "polite" },
  { 18, "a", "2026-01-07", "polite" },
  {  2, "a", "2026-01-10", "due-today" },
  {  8, "a", "2026-01-10", "due-today" },
  {  9, "a", "2026-01-10", "due-today" },
  { 11, "a", "2026-01-10", "polite" },
  {  2, "a", "2026-01-13", "polite" },
  {  1, "a", "2026-01-14", "firm" },
  { 12, "a", "2026-01-14", "firm" },
  { 13, "a", "2026-01-14", "firm" },
  { 14, "a", "2026-01-14", "firm" },
  { 15, "a", "2026-01-14", "firm" },
  { 16, "a", "2026-01-14", "firm" },
  { 18, "a", "2026-01-14", "firm" },
  {  3, "a", "2026-01-17", "friendly" },
  {  9, "a", "2026-01-17", "instalment/i1" },
  { 11, "a", "2026-01-17", "fee1" },
  { 11, "a", "2026-01-17", "firm" },
  {  7, "a", "2026-01-19", "collections" },
  {  2, "a", "2026-01-20", "firm" },
  {  3, "a", "2026-01-20", "due-today" },
  {  9, "a", "2026-01-20", "instalment/i1" },
  { 18, "b", "2026-01-22", "friendly" },
  {  3, "a", "2026-01-23", "polite" },
  { 18, "b", "2026-01-25", "due-today" },
  { 18, "b", "2026-01-28", "polite" },
  {  4, "a", "2026-01-29", "friendly" },
  {  3, "a", "2026-01-30", "firm" },
  { 11, "a", "2026-01-31", "account-hold" },
  {  4, "a", "2026-02-01", "due-today" },
  {  8, "a", "2026-02-02", "polite" },
  {  1, "a", "2026-02-03", "fee1" },
  {  1, "a", "2026-02-03", "final-notice" },
  {  8, "a", "2026-02-03", "firm" },
  { 12, "a", "2026-02-03", "fee1" },
  { 12, "a", "2026-02-03", "final-notice" },
  { 14, "a", "2026-02-03", "fee1" },
  { 14, "a", "2026-02-03", "final-notice" },
  { 15, "a", "2026-02-03", "fee1" },
  { 15, "a", "2026-02-03", "final-notice" },
  { 16, "a", "2026-02-03", "final-notice" },
  { 18, "a", "2026-02-03", "fee1" },
  { 18, "a", "2026-02-03", "final-notice" },
  {  4, "a", "2026-02-04", "polite" },
  { 18, "b", "2026-02-04", "firm" },
  {  1, "a", "2026-02-05", "fee2" },
  { 14, "a", "2026-02-05", "fee2" },
  { 15, "a", "2026-02-05", "fee2" },
  { 18, "a", "2026-02-05", "fee2" },
  {  2, "a", "2026-02-09", "fee1" },
  {  2, "a", "2026-02-09", "final-notice" },
  {  8, "a", "2026-02-09", "fee1" },
  {  8, "a", "2026-02-09", "final-notice" },
  {  2, "a", "2026-02-11", "fee2" },
  {  4, "a", "2026-02-11", "firm" },
  {  8, "a", "2026-02-11", "fee2" },
  { 11, "a", "2026-02-11", "fee2" },
  {  5, "a", "2026-02-12", "friendly" },
  {  5, "a", "2026-02-15", "due-today" },
  {  9, "a", "2026-02-17", "instalment/i2" },
  { 20, "a", "2026-02-17", "friendly" },
  {  1, "a", "2026-02-18", "account-hold" },
  {  5, "a", "2026-02-18", "polite" },
  { 12, "a", "2026-02-18", "account-hold" },
  { 14, "a", "2026-02-18", "account-hold" },
  { 15, "a", "2026-02-18", "account-hold" },
  { 16, "a", "2026-02-18", "account-hold" },
  { 18, "a", "2026-02-18", "account-hold" },
  {  3, "a", "2026-02-19", "fee1" },
  {  3, "a", "2026-02-19", "final-notice" },
  {  9, "a", "2026-02-20", "instalment/i2" },
  { 20, "a", "2026-02-20", "due-today" },
  {  3, "a", "2026-02-21", "fee2" },
  {  9, "a", "2026-02-23", "polite/i2" },
  { 20, "a", "2026-02-23", "polite" },
  {  2, "a", "2026-02-24", "account-hold" },
  {  8, "a", "2026-02-24", "account-hold" },
  { 18, "b", "2026-02-24", "fee1" },
  { 18, "b", "2026-02-24", "final-notice" },
  {  5, "a", "2026-02-25", "firm" },
  { 18, "b", "2026-02-26", "fee2" },
  { 20, "a", "2026-03-02", "firm" },
  {  4, "a", "2026-03-03", "fee1" },
  {  4, "a", "2026-03-03", "fee2" },
  {  4, "a", "2026-03-03", "final-notice" },
  {  1, "a", "2026-03-05", "collections" },
  { 12, "a", "2026-03-05", "collections" },
  { 14, "a", "2026-03-05", "collections" },
  { 15, "a", "2026-03-05", "collections" },
  { 16, "a", "2026-03-05", "collections" },
  { 18, "a", "2026-03-05", "collections" },
  {  3, "a", "2026-03-06", "account-hold" },
  {  6, "a", "2026-03-07", "friendly" },
  { 19, "a", "2026-03-09", "friendly" },
  {  6, "a", "2026-03-10", "due-today" },
  {  2, "a", "2026-03-11", "collections" },
  {  8, "a", "2026-03-11", "collections" },
  { 18, "b", "2026-03-11", "account-hold" },
  { 19, "a", "2026-03-12", "due-today" },
  {  6, "a", "2026-03-13", "polite" },
  { 19, "a", "2026-03-15", "polite" },
  {  5, "a", "2026-03-17", "fee1" },
  {  5, "a", "2026-03-17", "fee2" },
  {  5, "a", "2026-03-17", "final-notice" },
  {  9, "a", "2026-03-17", "instalment/i3" },
  {  4, "a", "2026-03-18", "account-hold" },
  {  6, "a", "2026-03-20", "firm" },
  {  3, "a", "2026-03-21", "collections" },
  { 19, "a", "2026-03-22", "firm" },
  { 20, "a", "2026-03-22", "fee1" },
  { 20, "a", "2026-03-22", "fee2" },
  { 20, "a", "2026-03-22", "final-notice" },
  { 18, "b", "2026-03-26", "collections" },
  {  5, "a", "2026-04-01", "account-hold" },
  {  4, "a", "2026-04-02", "collections" },
  { 20, "a", "2026-04-06", "account-hold" },
  {  6, "a", "2026-04-09", "fee1" },
  {  6, "a", "2026-04-09", "final-notice" },
  {  6, "a", "2026-04-11", "fee2" },
  { 19, "a", "2026-04-11", "fee1" },
  { 19, "a", "2026-04-11", "final-notice" },
  { 19, "a", "2026-04-13", "fee2" },
  {  5, "a", "2026-04-16", "collections" },
  { 20, "a", "2026-04-21", "collections" },
  {  6, "a", "2026-04-24", "account-hold" },
  { 19, "a", "2026-04-26", "account-hold" },
};

static const struct
{
  const char *issue;
  const char *issue_b; /* NULL = one invoice */
  gint64      amount;
} invoices[SCENARIO_N_CLIENTS + 1] = {
  [1] = { "2025-12-05", NULL, 100000 },  [2] = { "2025-12-11", NULL, 100000 },
  [3] = { "2025-12-21", NULL, 100000 },  [4] = { "2026-01-02", NULL, 100000 },
  [5] = { "2026-01-16", NULL, 100000 },  [6] = { "2026-02-08", NULL, 100000 },
  [7] = { "2025-10-21", NULL, 100000 },  [8] = { "2025-12-11", NULL, 100000 },
  [9] = { "2025-12-11", NULL, 90000 },   [10] = { "2025-12-05", NULL, 100000 },
  [11] = { "2025-12-11", NULL, 100000 }, [12] = { "2025-12-05", NULL, 100000 },
  [13] = { "2025-12-05", NULL, 100000 }, [14] = { "2025-12-05", NULL, 100000 },
  [15] = { "2025-12-05", NULL, 100000 }, [16] = { "2025-12-05", NULL, 100000 },
  [17] = { "2025-12-05", NULL, 100000 }, [18] = { "2025-12-05", "2025-12-26", 100000 },
  [19] = { "2026-02-10", NULL, 100000 }, [20] = { "2026-01-21", NULL, 100000 },
};

static gboolean
draw_invoice (SettleBook  *book,
              SettleId     invoice_id,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  g_autoptr(SettleInvoiceDocument) doc = settle_invoice_document_new (book, invoice_id, error);

  return doc != NULL && settle_invoice_document_write_pdf (doc, path, error);
}

static gboolean
draw_statement (SettleBook  *book,
                SettleId     client_id,
                const GDate *from,
                const GDate *to,
                const char  *path,
                gpointer     user_data,
                GError     **error)
{
  g_autoptr(SettleStatementDocument) doc = settle_statement_document_new (book, client_id, from,
                                                                          to, error);

  return doc != NULL && settle_statement_document_write_pdf (doc, path, error);
}

const SettleCollectionsRenderer dunning_scenario_renderer = { draw_invoice, draw_statement, NULL };

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

DunningScenario *
dunning_scenario_new (void)
{
  DunningScenario *sc = g_new0 (DunningScenario, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleDunningLadder) own = NULL;

  sc->book = settle_test_new_book (&sc->dir);
  sc->packets = g_build_filename (sc->dir, "collections", NULL);
  g_assert_true (settle_book_set_setting (sc->book, "collections.folder", sc->packets, &error));
  g_assert_true (settle_book_set_setting (sc->book, "company.name", "Northwind IT", &error));
  g_assert_true (settle_late_fee_store_set_default (sc->book, "flat:2500;freq:monthly;stop:2",
                                                    &error));
  g_assert_no_error (error);

  for (int c = 1; c <= SCENARIO_N_CLIENTS; c++)
    {
      g_autofree char *name = g_strdup_printf ("Client %02d", c);
      g_autoptr(SettleClient) client = NULL;

      sc->clients[c] = settle_test_add_client (sc->book, name, 30);
      client = settle_client_load (sc->book, sc->clients[c], &error);
      g_assert_no_error (error);
      g_free (client->email);
      client->email = c == 15 ? g_strdup ("") : g_strdup_printf ("billing@client%02d.example", c);
      g_free (client->contact_name);
      client->contact_name = g_strdup_printf ("Pat %02d", c);
      g_assert_true (settle_client_save (sc->book, client, &error));
      sc->invoices[c][0] = settle_test_add_invoice (sc->book, sc->clients[c], invoices[c].issue,
                                                    invoices[c].amount);
      if (invoices[c].issue_b != NULL)
        sc->invoices[c][1] = settle_test_add_invoice (sc->book, sc->clients[c],
                                                      invoices[c].issue_b, invoices[c].amount);
    }
  g_assert_true (settle_dunning_set_client_opt_out (sc->book, sc->clients[10], TRUE, &error));
  own = settle_dunning_ladder_parse ("0:email:polite;7:email:firm:fee;21:email:account-hold:hold",
                                     &error);
  g_assert_no_error (error);
  g_assert_true (settle_dunning_set_client_ladder (sc->book, sc->clients[11], own, &error));
  g_assert_true (settle_late_fee_store_set_client (sc->book, sc->clients[16], "", &error));
  g_assert_true (settle_dunning_set_paused (sc->book, sc->invoices[17][0], TRUE,
                                            "Waiting for the client's new PO", &error));
  g_assert_no_error (error);
  return sc;
}

void
dunning_scenario_free (DunningScenario *sc)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&sc->book);
  /* packets: CLIENT-DATE folders of files */
  if (g_file_test (sc->packets, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) d = g_dir_open (sc->packets, 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *sub = g_build_filename (sc->packets, name, NULL);
          settle_test_remove_dir (sub);
        }
      g_rmdir (sc->packets);
    }
  settle_test_remove_dir (sc->dir);
  g_free (sc->packets);
  g_free (sc->dir);
  g_free (sc);
}

void
dunning_scenario_apply_events (DunningScenario *sc,
                               const GDate     *day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = settle_date_to_iso (day);

  if (strcmp (iso, "2026-01-10") == 0)
    settle_test_pay (sc->book, sc->clients[14], iso, 50000, sc->invoices[14][0], 50000);
  else if (strcmp (iso, "2026-01-12") == 0)
    {
      GDate first = settle_test_date ("2026-01-20");

      g_assert_true (settle_dunning_set_disputed (sc->book, sc->invoices[8][0], TRUE,
                                                  "Says the March visit was not done", &error));
      g_assert_cmpint (settle_instalment_plan_create (sc->book, sc->invoices[9][0], 3, &first,
                                                      SETTLE_INSTALMENTS_MONTHLY, 0,
                                                      SETTLE_REMAINDER_LAST, day, &error), >, 0);
    }
  else if (strcmp (iso, "2026-01-20") == 0)
    settle_test_pay (sc->book, sc->clients[13], iso, 100000, sc->invoices[13][0], 100000);
  else if (strcmp (iso, "2026-01-21") == 0)
    settle_test_pay (sc->book, sc->clients[9], iso, 30000, sc->invoices[9][0], 30000);
  else if (strcmp (iso, "2026-02-02") == 0)
    g_assert_true (settle_dunning_set_disputed (sc->book, sc->invoices[8][0], FALSE,
                                                "Visit log sent", &error));
  else if (strcmp (iso, "2026-02-04") == 0)
    g_assert_true (settle_late_fee_store_waive (sc->book, sc->invoices[12][0], 2,
                                                "Goodwill: long-standing client", day, &error));
  else if (strcmp (iso, "2026-02-25") == 0)
    settle_test_pay (sc->book, sc->clients[9], iso, 30000, sc->invoices[9][0], 30000);
  else if (strcmp (iso, "2026-03-20") == 0)
    settle_test_pay (sc->book, sc->clients[9], iso, 30000, sc->invoices[9][0], 30000);
  g_assert_no_error (error);
}

static const char *
tag_of (DunningScenario *sc,
        SettleId         invoice_id,
        int             *client)
{
  for (int c = 1; c <= SCENARIO_N_CLIENTS; c++)
    for (int k = 0; k < 2; k++)
      if (sc->invoices[c][k] == invoice_id)
        {
          *client = c;
          return k == 0 ? "a" : "b";
        }
  g_assert_not_reached ();
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
join_sorted (GPtrArray *lines)
{
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

void
dunning_scenario_check (DunningScenario *sc)
{
  g_autoptr(GPtrArray) want = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *want_text = NULL, *got_text = NULL;
  g_autoptr(GPtrArray) packets = NULL;
  gboolean held[SCENARIO_N_CLIENTS + 1] = { FALSE };
  gint64 n_emails = 0, n_collections = 0;
  sqlite3_stmt *stmt = NULL;
  guint n_written = 0;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Expected *e = &expected[i];

      g_ptr_array_add (want, g_strdup_printf ("%s %02d%s %s", e->date, e->client, e->tag,
                                              e->event));
      if (g_str_has_prefix (e->event, "fee"))
        continue;
      if (strcmp (e->event, "collections") == 0)
        n_collections++;
      else if (e->client != 15)
        n_emails++;
      if (strcmp (e->event, "account-hold") == 0)
        held[e->client] = TRUE;
    }

  g_assert_cmpint (sqlite3_prepare_v2 (settle_book_get_db (sc->book),
                                       "SELECT invoice_id, done_on, template_id, instalment "
                                       "FROM dunning_log UNION ALL "
                                       "SELECT late_fee_of, issue_date, "
                                       " 'fee' || late_fee_period, 0 "
                                       "FROM invoices WHERE late_fee_of IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int client = 0;
      const char *tag = tag_of (sc, sqlite3_column_int64 (stmt, 0), &client);
      int instalment = sqlite3_column_int (stmt, 3);
      g_autofree char *suffix = instalment > 0 ? g_strdup_printf ("/i%d", instalment)
                                               : g_strdup ("");

      g_ptr_array_add (got, g_strdup_printf ("%s %02d%s %s%s", sqlite3_column_text (stmt, 1),
                                             client, tag, sqlite3_column_text (stmt, 2),
                                             suffix));
    }
  sqlite3_finalize (stmt);
  want_text = join_sorted (want);
  got_text = join_sorted (got);
  g_assert_cmpstr (got_text, ==, want_text);

  /* Exactly one email per email or letter step, none for the client without an
   * address, each with its own key. */
  g_assert_cmpint (query (sc->book, "SELECT count(*) FROM outbox_jobs"), ==, n_emails);
  g_assert_cmpint (query (sc->book, "SELECT count(*) FROM dunning_log WHERE outbox_job_id IS "
                                    "NOT NULL"), ==, n_emails);
  g_assert_cmpint (query (sc->book, "SELECT count(*) FROM outbox_jobs j JOIN dunning_log l ON "
                                    "l.outbox_job_id = j.id WHERE j.idempotency_key = "
                                    "'dunning:' || l.invoice_id || ':' || "
                                    "CASE WHEN l.instalment > 0 THEN 'i' || l.instalment || ':' "
                                    "ELSE '' END || l.step"), ==, n_emails);
  /* The fee step's letter carries the fee invoices; the letter a statement. */
  g_assert_cmpint (query (sc->book, "SELECT count(*) FROM outbox_attachments WHERE kind = "
                                    "'statement-pdf'"), ==,
                   query (sc->book, "SELECT count(*) FROM dunning_log WHERE channel = 'letter' "
                                    "AND outbox_job_id IS NOT NULL"));

  for (int c = 1; c <= SCENARIO_N_CLIENTS; c++)
    {
      g_autoptr(SettleClient) client = settle_client_load (sc->book, sc->clients[c], &error);

      g_assert_no_error (error);
      g_assert_cmpint (client->on_hold, ==, held[c]);
    }
  g_assert_cmpint (query (sc->book, "SELECT count(*) FROM activity WHERE action = 'held'"), ==,
                   query (sc->book, "SELECT count(*) FROM clients WHERE on_hold = 1"));

  /* Collections packets: one per collections step, all written, whole. */
  g_assert_true (settle_collections_packet_write_pending (sc->book, &dunning_scenario_renderer,
                                                          &n_written, &error));
  g_assert_no_error (error);
  packets = settle_collections_packet_list (sc->book, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packets->len, ==, n_collections);
  for (guint i = 0; i < packets->len; i++)
    {
      const SettleCollectionsPacket *packet = g_ptr_array_index (packets, i);
      const char *files[] = { "statement.pdf", "activity.csv", "fees.txt" };
      g_autofree char *fees = NULL;
      g_autofree char *fees_path = g_build_filename (packet->folder, "fees.txt", NULL);
      g_autoptr(GDir) d = NULL;
      guint n_pdf = 0;
      const char *name;

      g_assert_true (packet->written);
      g_assert_true (g_str_has_prefix (packet->folder, sc->packets));
      for (guint f = 0; f < G_N_ELEMENTS (files); f++)
        {
          g_autofree char *path = g_build_filename (packet->folder, files[f], NULL);
          g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
        }
      d = g_dir_open (packet->folder, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (d)) != NULL)
        n_pdf += g_str_has_prefix (name, "invoice-") && g_str_has_suffix (name, ".pdf");
      /* The overdue invoice and its fee invoices at least. */
      g_assert_cmpuint (n_pdf, >=, 1);
      g_assert_true (g_file_get_contents (fees_path, &fees, NULL, &error));
      /* The policy that applies, and for the client without fees, that there are none. */
      g_assert_true (strstr (fees, packet->client_id == sc->clients[16] ? "no late fees"
                                                                        : "flat:2500") != NULL);
    }
  settle_test_assert_invariants (sc->book);
}
