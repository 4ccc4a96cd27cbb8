/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reconciliation scenarios: each candidate kind, scores and the threshold, accept,
 * undo (the book dumped before and after must be equal), skip, manual split. */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-activity.h"
#include "settle-aging.h"
#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-payment.h"
#include "settle-reconcile.h"
#include "settle-test-util.h"

typedef struct
{
  char       *dir;
  SettleBook *book;
  SettleId    account;
  SettleId    acme;
  SettleId    birch;
  guint       n_lines;
} Fixture;

static void
setup (Fixture      *f,
       gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->book = settle_test_new_book (&f->dir);
  f->acme = settle_test_add_client (f->book, "Acme Logistics LLC", 30);
  f->birch = settle_test_add_client (f->book, "Birch Dental Group", 30);
  f->account = settle_bank_account_ensure (f->book, "US0012345678", "Checking", "USD", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->account, >, 0);
}

static void
teardown (Fixture      *f,
          gconstpointer data)
{
  settle_test_assert_invariants (f->book);
  g_clear_object (&f->book);
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Stores one money line and returns its id. */
static SettleId
add_line_full (Fixture    *f,
               const char *date,
               gint64      amount,
               const char *currency,
               const char *payer,
               const char *reference,
               const char *description)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_statement_free);
  SettleBankStatement *st = settle_bank_statement_new ();
  SettleBankLine *line = settle_bank_line_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint imported = 0, duplicates = 0;

  st->format = g_strdup ("csv");
  g_strlcpy (st->currency, currency, sizeof st->currency);
  line->source_line = ++f->n_lines;
  line->date = settle_test_date (date);
  line->amount = amount;
  g_strlcpy (line->currency, currency, sizeof line->currency);
  line->payer_name = g_strdup (payer);
  line->reference = g_strdup (reference);
  line->description = g_strdup (description);
  settle_bank_line_set_hash_key (line, f->n_lines);
  g_ptr_array_add (st->lines, line);
  g_ptr_array_add (statements, st);
  g_assert_true (settle_bank_statements_store (f->book, f->account, "test.csv", statements, &imported,
                                               &duplicates, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 1);
  rows = settle_reconcile_list_lines (f->book, f->account, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      SettleStatementLineRow *row = g_ptr_array_index (rows, i);

      if (row->amount == amount && g_strcmp0 (row->description, description) == 0
          && g_strcmp0 (row->payer_name, payer) == 0 && strcmp (row->status, "open") == 0
          && strcmp (row->currency, currency) == 0)
        return row->id;
    }
  g_assert_not_reached ();
}

static SettleId
add_line (Fixture    *f,
          const char *date,
          gint64      amount,
          const char *payer,
          const char *description)
{
  return add_line_full (f, date, amount, "USD", payer, NULL, description);
}

static char *
number_of (Fixture *f,
           SettleId invoice_id)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_load (f->book, invoice_id, NULL);

  return g_strdup (inv->number);
}

/* Every table but the activity log and the match history, row by row. */
static char *
dump_book (SettleBook *book)
{
  sqlite3 *db = settle_book_get_db (book);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *tables;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT IN ('activity', 'reconcile_matches') "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", name);
      sqlite3_stmt *rows;

      g_string_append_printf (out, "== %s\n", name);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const char *text = (const char *) sqlite3_column_text (rows, c);

              g_string_append_printf (out, "%s|", text ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  return g_string_free (out, FALSE);
}

static GPtrArray *
suggest (Fixture *f,
         SettleId line)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *s = settle_reconcile_suggest (f->book, line, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static SettleMatchSuggestion *
best_of (GPtrArray *s)
{
  g_assert_cmpuint (s->len, >, 0);
  return g_ptr_array_index (s, 0);
}

static SettleId
accept (Fixture                     *f,
        const SettleMatchSuggestion *s)
{
  g_autoptr(GError) error = NULL;
  SettleId match = 0;

  g_assert_true (settle_reconcile_accept (f->book, s, FALSE, &match, &error));
  g_assert_no_error (error);
  g_assert_cmpint (match, >, 0);
  settle_test_assert_invariants (f->book);
  return match;
}

static void
undo (Fixture *f,
      SettleId match)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (settle_reconcile_undo (f->book, match, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (f->book);
}

static void
assert_invoice (Fixture            *f,
                SettleId            id,
                SettleInvoiceStatus status,
                gint64              paid)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_load (f->book, id, NULL);

  g_assert_cmpint (inv->status, ==, status);
  g_assert_cmpint (inv->amount_paid, ==, paid);
}

/* (a) The reference names the invoice and the amount equals it: strong. Accepting
 * pays it; a second accept is refused; undo gives back the book as it was. */
static void
test_number_exact (Fixture      *f,
                   gconstpointer data)
{
  SettleId inv = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 125000);
  g_autofree char *number = number_of (f, inv);
  g_autofree char *text = g_strdup_printf ("Payment %s thank you", number);
  SettleId line = add_line (f, "2026-10-29", 125000, "J SMITH", text);
  g_autoptr(GPtrArray) s = suggest (f, line);
  SettleMatchSuggestion *best = best_of (s);
  g_autofree char *before = dump_book (f->book);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  SettleId match;

  g_assert_cmpint (best->kind, ==, SETTLE_MATCH_INVOICES);
  g_assert_cmpint (best->client_id, ==, f->acme);
  g_assert_cmpuint (best->allocations->len, ==, 1);
  g_assert_cmpint (g_array_index (best->allocations, SettleMatchAllocation, 0).invoice_id, ==, inv);
  g_assert_cmpint (best->score, >=, 90);
  g_assert_nonnull (strstr (best->reasons, number));

  match = accept (f, best);
  assert_invoice (f, inv, SETTLE_INVOICE_PAID, 125000);
  g_assert_false (settle_reconcile_accept (f->book, best, FALSE, NULL, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  log = settle_activity_list (f->book, "invoice", inv, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((SettleActivity *) g_ptr_array_index (log, log->len - 1))->action, ==, "reconciled");
  matches = settle_reconcile_list_matches (f->book, f->account, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_nonnull (strstr (((SettleMatchRecord *) g_ptr_array_index (matches, 0))->matched_to, number));

  undo (f, match);
  after = dump_book (f->book);
  g_assert_cmpstr (before, ==, after);
  assert_invoice (f, inv, SETTLE_INVOICE_ISSUED, 0);
  g_assert_false (settle_reconcile_undo (f->book, match, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = settle_activity_list (f->book, "invoice", inv, NULL);
  g_assert_cmpstr (((SettleActivity *) g_ptr_array_index (log, log->len - 1))->action, ==,
                   "reconciliation undone");
}

/* (a) One typo in the number (changed, dropped, swapped): named with a typo, weaker;
 * with the payer being the client it is strong again. */
static void
test_number_typo (Fixture      *f,
                  gconstpointer data)
{
  SettleId inv;
  g_autofree char *number = NULL;
  const char *edits[] = { "changed", "dropped", "swapped" };

  for (guint i = 0; i < 40; i++)
    settle_test_add_invoice (f->book, f->birch, "2026-09-01", 1000 + i);
  inv = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 98765);
  number = number_of (f, inv);
  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      g_autofree char *typo = g_strdup (number);
      size_t len = strlen (typo);
      g_autofree char *text = NULL;
      g_autofree char *text2 = NULL;
      g_autoptr(GPtrArray) s = NULL;
      g_autoptr(GPtrArray) s2 = NULL;
      SettleId line, line2;

      if (e == 0)
        typo[len - 2] = typo[len - 2] == '7' ? '8' : '7';
      else if (e == 1)
        memmove (typo + len - 2, typo + len - 1, 2);
      else
        {
          char c = typo[len - 1];

          typo[len - 1] = typo[len - 2];
          typo[len - 2] = c;
        }
      text = g_strdup_printf ("INVOICE %s", typo);
      line = add_line (f, "2026-10-20", 98765, "SOMEONE ELSE", text);
      s = suggest (f, line);
      g_assert_cmpint (best_of (s)->kind, ==, SETTLE_MATCH_INVOICES);
      g_assert_cmpint (g_array_index (best_of (s)->allocations, SettleMatchAllocation, 0).invoice_id, ==,
                       inv);
      g_test_message ("%s: %s -> %d %s", edits[e], text, best_of (s)->score, best_of (s)->reasons);
      g_assert_nonnull (strstr (best_of (s)->reasons, "typo"));
      g_assert_cmpint (best_of (s)->score, <, 90);

      text2 = g_strdup_printf ("Acme Logistics %s", typo);
      line2 = add_line (f, "2026-10-20", 98765, "ACME LOGISTICS", text2);
      s2 = suggest (f, line2);
      g_assert_cmpint (g_array_index (best_of (s2)->allocations, SettleMatchAllocation, 0).invoice_id, ==,
                       inv);
      g_assert_cmpint (best_of (s2)->score, >=, 90);
    }
}

/* (b) One deposit for the client's two oldest invoices. */
static void
test_combined (Fixture      *f,
               gconstpointer data)
{
  SettleId a = settle_test_add_invoice (f->book, f->acme, "2026-08-01", 40000);
  SettleId b = settle_test_add_invoice (f->book, f->acme, "2026-09-01", 25050);
  SettleId c = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 70000);
  SettleId line = add_line (f, "2026-10-10", 65050, "ACME LOGISTICS LLC", "ACH CREDIT");
  g_autoptr(GPtrArray) s = suggest (f, line);
  SettleMatchSuggestion *best = best_of (s);
  g_autofree char *before = dump_book (f->book);
  g_autofree char *after = NULL;
  SettleId match;

  g_assert_cmpint (best->kind, ==, SETTLE_MATCH_INVOICES);
  g_assert_cmpuint (best->allocations->len, ==, 2);
  g_assert_cmpint (g_array_index (best->allocations, SettleMatchAllocation, 0).invoice_id, ==, a);
  g_assert_cmpint (g_array_index (best->allocations, SettleMatchAllocation, 1).invoice_id, ==, b);
  g_assert_nonnull (strstr (best->reasons, "sum of 2"));
  match = accept (f, best);
  assert_invoice (f, a, SETTLE_INVOICE_PAID, 40000);
  assert_invoice (f, b, SETTLE_INVOICE_PAID, 25050);
  assert_invoice (f, c, SETTLE_INVOICE_ISSUED, 0);
  undo (f, match);
  after = dump_book (f->book);
  g_assert_cmpstr (before, ==, after);
}

/* (c) Amount alone: one invoice of that amount is a suggestion, not a sure thing;
 * two of that amount are weaker still; a line in another currency finds nothing. */
static void
test_amount_only (Fixture      *f,
                  gconstpointer data)
{
  SettleId inv = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 33333);
  SettleId line = add_line (f, "2026-10-25", 33333, "UNKNOWN PAYER", "TRANSFER");
  SettleId eur = add_line_full (f, "2026-10-25", 33333, "EUR", "UNKNOWN PAYER", NULL, "TRANSFER EUR");
  g_autoptr(GPtrArray) s = suggest (f, line);
  g_autoptr(GPtrArray) s2 = NULL;
  g_autoptr(GPtrArray) none = NULL;
  int unique_score = best_of (s)->score;

  g_assert_cmpint (g_array_index (best_of (s)->allocations, SettleMatchAllocation, 0).invoice_id, ==, inv);
  g_assert_cmpint (unique_score, <, 90);
  g_assert_cmpint (unique_score, >=, 40);
  none = suggest (f, eur);
  g_assert_cmpuint (none->len, ==, 0);

  settle_test_add_invoice (f->book, f->birch, "2026-10-02", 33333);
  s2 = suggest (f, line);
  g_assert_cmpuint (s2->len, ==, 2);
  g_assert_cmpint (best_of (s2)->score, <, unique_score);
  g_assert_nonnull (strstr (best_of (s2)->reasons, "2 open invoices"));
}

/* (d) Hints: a payer name the bookkeeper confirmed for a client names it next time;
 * undo takes the hint back. Also partial payments. */
static void
test_hint (Fixture      *f,
           gconstpointer data)
{
  SettleId first = settle_test_add_invoice (f->book, f->birch, "2026-09-01", 51000);
  SettleId second = settle_test_add_invoice (f->book, f->birch, "2026-10-01", 52000);
  g_autofree char *number = number_of (f, second);
  SettleId line1 = add_line (f, "2026-09-20", 51000, "DR J MILLER PRACTICE", "SEPT");
  SettleId line2 = add_line (f, "2026-10-21", 52000, "Dr. J. Miller Practice", "OCT");
  g_autoptr(GArray) alloc = g_array_new (FALSE, TRUE, sizeof (SettleMatchAllocation));
  SettleMatchAllocation a = { first, NULL, 51000 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = suggest (f, line2);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) partial = NULL;
  g_autofree char *partial_text = g_strdup_printf ("part of %s", number);
  SettleId match, line3;

  g_assert_true (before->len == 0 || best_of (before)->score < 90);
  g_array_append_val (alloc, a);
  g_assert_true (settle_reconcile_accept_manual (f->book, line1, f->birch, alloc, &match, &error));
  g_assert_no_error (error);
  after = suggest (f, line2);
  g_assert_cmpint (best_of (after)->client_id, ==, f->birch);
  g_assert_nonnull (strstr (best_of (after)->reasons, "payer seen for Birch Dental Group"));
  g_assert_cmpint (best_of (after)->score, >, best_of (before)->score);

  undo (f, match);
  again = suggest (f, line2);
  g_assert_null (strstr (best_of (again)->reasons, "payer seen"));

  /* A payer confirmed for two clients points at neither. */
  {
    SettleId other = settle_test_add_invoice (f->book, f->acme, "2026-09-02", 51000);
    SettleId l4 = add_line (f, "2026-09-21", 51000, "DR J MILLER PRACTICE", "X");
    SettleMatchAllocation b = { other, NULL, 51000 };
    g_autoptr(GArray) alloc2 = g_array_new (FALSE, TRUE, sizeof (SettleMatchAllocation));
    g_autoptr(GPtrArray) shared = NULL;

    g_assert_true (settle_reconcile_accept_manual (f->book, line1, f->birch, alloc, &match, &error));
    g_array_append_val (alloc2, b);
    g_assert_true (settle_reconcile_accept_manual (f->book, l4, f->acme, alloc2, NULL, &error));
    g_assert_no_error (error);
    shared = suggest (f, line2);
    g_assert_null (strstr (best_of (shared)->reasons, "payer seen"));
    undo (f, match);
  }

  line3 = add_line (f, "2026-10-22", 20000, "SOMEONE", partial_text);
  partial = suggest (f, line3);
  g_assert_cmpint (g_array_index (best_of (partial)->allocations, SettleMatchAllocation, 0).amount, ==,
                   20000);
  g_assert_nonnull (strstr (best_of (partial)->reasons, "part payment"));
  accept (f, best_of (partial));
  assert_invoice (f, second, SETTLE_INVOICE_PARTIAL, 20000);
}

/* (f) A payment recorded by hand: the line ties to it, nothing new is recorded. */
static void
test_payment (Fixture      *f,
              gconstpointer data)
{
  SettleId inv = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 45000);
  SettleId pay = settle_test_pay (f->book, f->acme, "2026-10-12", 45000, inv, 45000);
  SettleId line = add_line (f, "2026-10-14", 45000, "ACME LOGISTICS", "DEPOSIT");
  g_autoptr(GPtrArray) s = suggest (f, line);
  SettleMatchSuggestion *best = best_of (s);
  g_autofree char *before = dump_book (f->book);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) s2 = NULL;
  SettleId match, line2;

  g_assert_cmpint (best->kind, ==, SETTLE_MATCH_PAYMENT);
  g_assert_cmpint (best->payment_id, ==, pay);
  g_assert_cmpint (best->score, >=, 70);
  match = accept (f, best);
  undo (f, match);
  after = dump_book (f->book);
  g_assert_cmpstr (before, ==, after);

  accept (f, best);
  /* Tied now: another line of the same amount does not find it. */
  line2 = add_line (f, "2026-10-15", 45000, "ACME LOGISTICS", "DEPOSIT 2");
  s2 = suggest (f, line2);
  for (guint i = 0; i < s2->len; i++)
    g_assert_cmpint (((SettleMatchSuggestion *) g_ptr_array_index (s2, i))->kind, !=, SETTLE_MATCH_PAYMENT);
  g_assert_true (settle_reconcile_skip (f->book, line2, TRUE, NULL));
  g_clear_pointer (&s2, g_ptr_array_unref);
  s2 = suggest (f, line2);
  g_assert_cmpuint (s2->len, ==, 0);
  g_assert_true (settle_reconcile_skip (f->book, line2, FALSE, NULL));
}

static void
add_charge (GPtrArray  *charges,
            const char *id,
            const char *created,
            gint64      amount,
            gint64      refunded,
            gint64      fee,
            const char *description,
            const char *email)
{
  SettleProcessorCharge *c = settle_processor_charge_new ();

  c->charge_id = g_strdup (id);
  c->created = g_date_time_new_from_iso8601 (created, NULL);
  g_assert_nonnull (c->created);
  c->amount = amount;
  c->refunded = refunded;
  c->fee = fee;
  strcpy (c->currency, "USD");
  c->description = g_strdup (description);
  c->customer_email = g_strdup (email);
  c->status = g_strdup ("Paid");
  g_ptr_array_add (charges, c);
}

/* (g) A payout: a run of charges less refunds and fees; one card payment each with
 * its fee, applied to the invoice the charge names or kept as credit. */
static void
test_payout (Fixture      *f,
             gconstpointer data)
{
  SettleId a = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 10000);
  SettleId b = settle_test_add_invoice (f->book, f->birch, "2026-10-01", 20000);
  g_autofree char *na = number_of (f, a);
  g_autofree char *nb = number_of (f, b);
  g_autofree char *da = g_strdup_printf ("Invoice %s", na);
  g_autofree char *db = g_strdup_printf ("Invoice %s", nb);
  g_autoptr(GPtrArray) charges = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_processor_charge_free);
  g_autoptr(SettleClient) acme = settle_client_load (f->book, f->acme, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) s = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SettleMatchSuggestion *best;
  guint imported = 0, duplicates = 0;
  gint64 credit = 0;
  SettleId line, match;

  g_free (acme->email);
  acme->email = g_strdup ("ap@acme.example");
  g_assert_true (settle_client_save (f->book, acme, NULL));
  add_charge (charges, "ch_old", "2026-10-01T10:00:00Z", 999, 0, 59, "Older charge", "x@y.example");
  add_charge (charges, "ch_1", "2026-10-10T10:00:00Z", 10000, 0, 320, da, "");
  add_charge (charges, "ch_2", "2026-10-11T09:30:00Z", 20000, 5000, 610, db, "");
  add_charge (charges, "ch_failed", "2026-10-12T09:00:00Z", 5555, 0, 0, "Declined", "");
  g_free (((SettleProcessorCharge *) g_ptr_array_index (charges, 3))->status);
  ((SettleProcessorCharge *) g_ptr_array_index (charges, 3))->status = g_strdup ("Failed");
  add_charge (charges, "ch_3", "2026-10-12T18:00:00Z", 3000, 0, 117, "Deposit", "AP@acme.example");
  g_assert_true (settle_processor_charges_store (f->book, "stripe", charges, &imported, &duplicates, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 5);
  /* 9680 + 14390 + 2883; the failed charge never reaches a payout. */
  line = add_line (f, "2026-10-14", 26953, "STRIPE", "STRIPE TRANSFER");
  s = suggest (f, line);
  best = best_of (s);
  g_assert_cmpint (best->kind, ==, SETTLE_MATCH_PAYOUT);
  g_assert_cmpuint (best->charge_ids->len, ==, 3);
  g_assert_cmpint (best->fees, ==, 320 + 610 + 117);
  g_assert_cmpint (best->score, >=, 90);
  before = dump_book (f->book);
  match = accept (f, best);
  assert_invoice (f, a, SETTLE_INVOICE_PAID, 10000);
  assert_invoice (f, b, SETTLE_INVOICE_PARTIAL, 15000);
  g_assert_true (settle_client_get_available_credit (f->book, f->acme, &credit, &error));
  g_assert_cmpint (credit, ==, 3000);
  undo (f, match);
  after = dump_book (f->book);
  g_assert_cmpstr (before, ==, after);
}

/* (e) Dates: an invoice issued after the money arrived is not what it pays; one due
 * long before the line scores lower than one due near it, unless the text names it. */
static void
test_dates (Fixture      *f,
            gconstpointer data)
{
  SettleId near = settle_test_add_invoice (f->book, f->acme, "2026-09-25", 31400);
  SettleId later = settle_test_add_invoice (f->book, f->birch, "2026-11-05", 27100);
  SettleId old = settle_test_add_invoice (f->book, f->birch, "2026-01-10", 27200);
  g_autofree char *n_later = number_of (f, later);
  g_autofree char *n_near = number_of (f, near);
  g_autofree char *n_old = number_of (f, old);
  SettleId l1 = add_line (f, "2026-10-30", 27100, "X", n_later);
  SettleId l2 = add_line (f, "2026-10-30", 31400, "X", n_near);
  SettleId l3 = add_line (f, "2026-10-30", 27200, "BIRCH DENTAL GROUP", "TRANSFER");
  SettleId l4 = add_line (f, "2026-10-30", 27200, "X", n_old);
  g_autoptr(GPtrArray) s1 = suggest (f, l1);
  g_autoptr(GPtrArray) s2 = suggest (f, l2);
  g_autoptr(GPtrArray) s3 = suggest (f, l3);
  g_autoptr(GPtrArray) s4 = suggest (f, l4);

  g_assert_cmpuint (s1->len, ==, 0);
  g_assert_nonnull (strstr (best_of (s2)->reasons, "near the due date"));
  g_assert_nonnull (strstr (best_of (s3)->reasons, "far from the payment date"));
  g_assert_cmpint (best_of (s3)->score, <, best_of (s2)->score);
  /* Named with its amount, a late payment is still that invoice's. */
  g_assert_null (strstr (best_of (s4)->reasons, "far from the payment date"));
  g_assert_cmpint (best_of (s4)->score, >=, 90);
}

/* The run: auto-accept at the account's threshold, never with 101; skipped lines
 * are left alone. */
static void
test_run_threshold (Fixture      *f,
                    gconstpointer data)
{
  SettleId inv = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 77700);
  g_autofree char *number = number_of (f, inv);
  g_autofree char *text = g_strdup_printf ("RE %s", number);
  SettleId weak_inv = settle_test_add_invoice (f->book, f->birch, "2026-10-01", 12300);
  SettleId skipped;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) suggestions = NULL;
  g_autoptr(GHashTable) suggestions2 = NULL;
  SettleReconcileSummary sum = { 0, };

  add_line (f, "2026-10-28", 77700, "ACME", text);
  add_line (f, "2026-10-28", 12300, "NOBODY", "TRANSFER");
  add_line (f, "2026-10-28", -50000, "LANDLORD", "RENT");
  skipped = add_line (f, "2026-10-28", 999, "NOBODY", "INTEREST");
  g_assert_true (settle_reconcile_skip (f->book, skipped, TRUE, &error));

  g_assert_true (settle_bank_account_set_auto_accept (f->book, f->account, 101, &error));
  g_assert_true (settle_reconcile_run (f->book, f->account, TRUE, &sum, &suggestions, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sum.lines, ==, 2);
  g_assert_cmpuint (sum.auto_accepted, ==, 0);
  g_assert_cmpuint (sum.suggested, ==, 2);
  g_assert_cmpuint (g_hash_table_size (suggestions), ==, 2);

  g_assert_true (settle_bank_account_set_auto_accept (f->book, f->account, 90, &error));
  g_assert_true (settle_reconcile_run (f->book, f->account, TRUE, &sum, &suggestions2, NULL, NULL, &error));
  g_assert_cmpuint (sum.auto_accepted, ==, 1);
  g_assert_cmpuint (sum.suggested, ==, 1);
  assert_invoice (f, inv, SETTLE_INVOICE_PAID, 77700);
  assert_invoice (f, weak_inv, SETTLE_INVOICE_ISSUED, 0);
  g_assert_false (settle_bank_account_set_auto_accept (f->book, f->account, 102, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
}

/* A manual split: two invoices and the rest as credit; undo restores everything. */
static void
test_manual_split (Fixture      *f,
                   gconstpointer data)
{
  SettleId a = settle_test_add_invoice (f->book, f->acme, "2026-09-01", 60000);
  SettleId b = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 50000);
  SettleId line = add_line (f, "2026-10-20", 100000, "WHOEVER", "BULK");
  g_autoptr(GArray) alloc = g_array_new (FALSE, TRUE, sizeof (SettleMatchAllocation));
  SettleMatchAllocation x = { a, NULL, 60000 }, y = { b, NULL, 30000 }, z = { b, NULL, 50000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_book (f->book);
  g_autofree char *after = NULL;
  gint64 credit = 0;
  SettleId match;

  g_array_append_val (alloc, x);
  g_array_append_val (alloc, z);
  g_assert_false (settle_reconcile_accept_manual (f->book, line, f->acme, alloc, &match, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_array_set_size (alloc, 1);
  g_array_append_val (alloc, y);
  g_assert_true (settle_reconcile_accept_manual (f->book, line, f->acme, alloc, &match, &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (f->book);
  assert_invoice (f, a, SETTLE_INVOICE_PAID, 60000);
  assert_invoice (f, b, SETTLE_INVOICE_PARTIAL, 30000);
  g_assert_true (settle_client_get_available_credit (f->book, f->acme, &credit, &error));
  g_assert_cmpint (credit, ==, 10000);
  undo (f, match);
  after = dump_book (f->book);
  g_assert_cmpstr (before, ==, after);
}

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SettleReconcileSummary *sum = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) suggestions = NULL;

  g_assert_true (settle_reconcile_run_finish (SETTLE_BOOK (source), result, sum, &suggestions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (suggestions), ==, 1);
}

static void
test_run_async (Fixture      *f,
                gconstpointer data)
{
  SettleId inv = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 4242);
  g_autofree char *number = number_of (f, inv);
  SettleReconcileSummary sum = { 0, };

  add_line (f, "2026-10-28", 4242, "ACME", number);
  settle_reconcile_run_async (f->book, 0, TRUE, NULL, NULL, NULL, run_done, &sum);
  while (sum.lines == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (sum.auto_accepted, ==, 1);
  assert_invoice (f, inv, SETTLE_INVOICE_PAID, 4242);
}

static void
cancelled_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  SettleReconcileSummary sum = { 0, };

  g_assert_false (settle_reconcile_run_finish (SETTLE_BOOK (source), result, &sum, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (sum.auto_accepted, ==, 0);
  *done = TRUE;
}

/* Cancelled before it starts: nothing accepted, the line still open. */
static void
test_run_cancelled (Fixture      *f,
                    gconstpointer data)
{
  SettleId inv = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 4343);
  g_autofree char *number = number_of (f, inv);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  add_line (f, "2026-10-28", 4343, "ACME", number);
  g_cancellable_cancel (cancellable);
  settle_reconcile_run_async (f->book, 0, TRUE, NULL, NULL, cancellable, cancelled_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  assert_invoice (f, inv, SETTLE_INVOICE_ISSUED, 0);
}

/* An invoice a pending ACH payment will pay is not open to a bank line: the deposit
 * that settles the ACH must not pay it a second time. What the ACH leaves open is. */
static void
test_pending_ach (Fixture      *f,
                  gconstpointer data)
{
  SettleId covered = settle_test_add_invoice (f->book, f->acme, "2026-10-01", 45000);
  SettleId half = settle_test_add_invoice (f->book, f->acme, "2026-10-02", 30000);
  g_autoptr(SettlePayment) p = settle_payment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *covered_number = number_of (f, covered);
  g_autofree char *half_number = number_of (f, half);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) s = NULL;
  g_autoptr(GPtrArray) s2 = NULL;
  SettleAllocation split[] = { { covered, 45000 }, { half, 10000 } };
  SettleId line;

  p->client_id = f->acme;
  p->date = settle_test_date ("2026-10-10");
  p->amount = 55000;
  p->method = SETTLE_PAYMENT_ACH;
  p->status = SETTLE_PAYMENT_PENDING;
  g_assert_true (settle_payment_record (f->book, p, &error));
  g_assert_no_error (error);
  g_assert_true (settle_payment_allocate_manual (f->book, p->id, split, 2, &error));
  g_assert_no_error (error);

  text = g_strdup_printf ("ACH %s", covered_number);
  line = add_line (f, "2026-10-13", 45000, "ACME LOGISTICS", text);
  s = suggest (f, line);
  for (guint i = 0; i < s->len; i++)
    {
      SettleMatchSuggestion *x = g_ptr_array_index (s, i);

      for (guint k = 0; x->allocations != NULL && k < x->allocations->len; k++)
        g_assert_cmpint (g_array_index (x->allocations, SettleMatchAllocation, k).invoice_id, !=,
                         covered);
    }

  /* The $200 the ACH leaves open on the other invoice is still found by its number. */
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("Rest of %s", half_number);
  line = add_line (f, "2026-10-14", 20000, "ACME LOGISTICS", text);
  s2 = suggest (f, line);
  g_assert_cmpuint (s2->len, >, 0);
  g_assert_cmpint (best_of (s2)->kind, ==, SETTLE_MATCH_INVOICES);
  g_assert_cmpint (g_array_index (best_of (s2)->allocations, SettleMatchAllocation, 0).invoice_id, ==,
                   half);
  g_assert_cmpint (g_array_index (best_of (s2)->allocations, SettleMatchAllocation, 0).amount, ==,
                   20000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SETTLE_TODAY", "2026-11-01", TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/reconcile/number-exact", test_number_exact);
  ADD ("/reconcile/number-typo", test_number_typo);
  ADD ("/reconcile/combined", test_combined);
  ADD ("/reconcile/amount-only", test_amount_only);
  ADD ("/reconcile/hint", test_hint);
  ADD ("/reconcile/payment", test_payment);
  ADD ("/reconcile/pending-ach", test_pending_ach);
  ADD ("/reconcile/payout", test_payout);
  ADD ("/reconcile/dates", test_dates);
  ADD ("/reconcile/run-threshold", test_run_threshold);
  ADD ("/reconcile/manual-split", test_manual_split);
  ADD ("/reconcile/run-async", test_run_async);
  ADD ("/reconcile/run-cancelled", test_run_cancelled);
#undef ADD
  return g_test_run ();
}
