/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The issue's precision test: a generated book (300 clients, 3,000 open invoices) and
 * a noisy statement (~1,500 lines: exact, combined and partial payments, typos in
 * references, payers who are not the client, processor payouts with fees, unrelated
 * lines), the truth recorded by the generator. A first batch is confirmed by hand so
 * the payers' hints are learned; then the run auto-accepts at the default threshold.
 * Fails when fewer than 99.5 % of the auto-accepted matches are right.
 *
 * Seed: --seed N (or SETTLE_RECONCILE_SEED=N); the seed used is printed. */
#define G_LOG_DOMAIN "settle-test"

#include <stdlib.h>
#include <string.h>

#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-reconcile.h"
#include "settle-test-util.h"

#define N_CLIENTS     300
#define N_INVOICES    3000
#define N_ALIASED     100   /* clients that pay from another name (a person, a parent company) */

static guint32 seed = 20261124;

typedef enum
{
  TRUTH_NONE,
  TRUTH_INVOICES,
  TRUTH_PAYOUT,
} TruthKind;

typedef struct
{
  TruthKind kind;
  SettleId  client;
  GArray   *ids;      /* invoices (sorted) or charge ids, by charge_id order */
  char     *label;    /* the generator's kind of line, for the report */
} Truth;

typedef struct
{
  SettleId  id;
  SettleId  client;
  char     *number;
  gint64    amount;
  guint32   due;
  gboolean  used;
} GenInvoice;

typedef struct
{
  SettleBook *book;
  GRand      *rand;
  SettleId    account;
  GArray     *invoices;        /* GenInvoice */
  SettleId   *clients;
  char      **names;
  char      **aliases;         /* NULL for clients paying in their own name */
  GArray    **by_client;       /* indexes in invoices, oldest first */
  GHashTable *truth;           /* dedupe key -> Truth */
  GPtrArray  *lines;           /* SettleBankLine*, of the statement being made */
  GPtrArray  *charges;
  guint       n_lines;
  guint       n_charges;
} Gen;

static const char *words_a[] = {
  "Apex", "Summit", "Harbor", "Juniper", "Cedar", "Granite", "Beacon", "Maple", "Orion", "Falcon",
  "Willow", "Copper", "Silver", "Northwind", "Bluebird", "Redwood", "Evergreen", "Lakeside",
  "Riverside", "Ironwood", "Sterling", "Pioneer", "Meridian", "Horizon", "Cascade",
};
static const char *words_b[] = {
  "Dental", "Logistics", "Veterinary", "Legal", "Realty", "Bakery", "Clinic", "Architects",
  "Plumbing", "Accounting", "Media", "Fitness",
};
static const char *suffixes[] = { "LLC", "Inc", "Group", "Partners", "Co", "Ltd" };
static const char *people[] = {
  "MARGARET OKAFOR", "DANIEL KOWALSKI", "PRIYA RAMAN", "TOMAS HERRERA", "LENA BAUER",
  "KWAME MENSAH", "SOFIA ROSSI", "AIDAN MURPHY", "YUKI TANAKA", "OMAR HADDAD",
};
static const char *plans[] = { "49900", "99900", "150000", "250000", "35000" };

static void
truth_free (Truth *t)
{
  g_clear_pointer (&t->ids, g_array_unref);
  g_free (t->label);
  g_free (t);
}

static GDate
day (int offset_from_2026_06_01)
{
  GDate d = settle_test_date ("2026-06-01");

  g_date_add_days (&d, offset_from_2026_06_01);
  return d;
}

static void
make_book (Gen *g)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (settle_book_begin (g->book, &error));
  for (guint c = 0; c < N_CLIENTS; c++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %s", words_a[c % G_N_ELEMENTS (words_a)],
                                               words_b[(c / G_N_ELEMENTS (words_a)) % G_N_ELEMENTS (words_b)],
                                               suffixes[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (suffixes))]);

      g->names[c] = g_strdup (name);
      g->clients[c] = settle_test_add_client (g->book, name, 30);
      g->by_client[c] = g_array_new (FALSE, FALSE, sizeof (guint));
      if (c < N_ALIASED)
        /* A person or another company pays for them: "MARGARET OKAFOR 17". */
        g->aliases[c] = g_strdup_printf ("%s %s", people[c % G_N_ELEMENTS (people)],
                                         words_a[(c / G_N_ELEMENTS (people)) % G_N_ELEMENTS (words_a)]);
    }
  for (guint i = 0; i < N_INVOICES; i++)
    {
      guint c = g_rand_int_range (g->rand, 0, N_CLIENTS);
      GDate issue = day (g_rand_int_range (g->rand, 0, 150));
      g_autoptr(SettleInvoice) inv = settle_invoice_new (g->clients[c], "USD");
      GenInvoice gi = { 0, };

      inv->terms_days = 30;
      gi.amount = g_rand_int_range (g->rand, 0, 10) < 3
                  ? g_ascii_strtoll (plans[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (plans))], NULL, 10)
                  : g_rand_int_range (g->rand, 5000, 500000);
      settle_invoice_add_line (inv, "Managed services", 1000, gi.amount, 0);
      g_assert_true (settle_invoice_save_draft (g->book, inv, &error));
      g_assert_true (settle_invoice_issue (g->book, inv->id, &issue, &error));
      g_assert_no_error (error);
      gi.id = inv->id;
      gi.client = c;
      gi.due = g_date_get_julian (&issue) + 30;
      g_array_append_val (g->invoices, gi);
    }
  g_assert_true (settle_book_commit (g->book, &error));
  /* Numbers were given at issue: read them, and each client's invoices oldest due first. */
  for (guint i = 0; i < g->invoices->len; i++)
    {
      GenInvoice *gi = &g_array_index (g->invoices, GenInvoice, i);
      g_autoptr(SettleInvoice) inv = settle_invoice_load (g->book, gi->id, &error);

      gi->number = g_strdup (inv->number);
    }
  for (guint i = 0; i < g->invoices->len; i++)
    {
      GenInvoice *gi = &g_array_index (g->invoices, GenInvoice, i);
      GArray *list = g->by_client[gi->client];
      guint at = list->len;

      while (at > 0 && g_array_index (g->invoices, GenInvoice, g_array_index (list, guint, at - 1)).due > gi->due)
        at--;
      g_array_insert_val (list, at, i);
    }
}

static GenInvoice *
gen_inv (Gen  *g,
         guint i)
{
  return &g_array_index (g->invoices, GenInvoice, i);
}

/* A random open invoice not used yet (of client c, or any when c < 0). */
static int
pick_invoice (Gen *g,
              int  c)
{
  for (guint tries = 0; tries < 200; tries++)
    {
      guint i;

      if (c >= 0)
        {
          GArray *list = g->by_client[c];

          if (list->len == 0)
            return -1;
          i = g_array_index (list, guint, g_rand_int_range (g->rand, 0, list->len));
        }
      else
        i = g_rand_int_range (g->rand, 0, g->invoices->len);
      if (!gen_inv (g, i)->used)
        return i;
    }
  return -1;
}

static SettleBankLine *
add_line (Gen        *g,
          const GDate *date,
          gint64      amount,
          const char *payer,
          const char *reference,
          const char *description,
          Truth      *truth)
{
  SettleBankLine *line = settle_bank_line_new ();

  line->source_line = ++g->n_lines;
  line->date = *date;
  line->amount = amount;
  strcpy (line->currency, "USD");
  line->payer_name = g_strdup (payer);
  line->reference = g_strdup (reference);
  line->description = g_strdup (description);
  line->dedupe_key = g_strdup_printf ("fitid:%u", g->n_lines);
  g_ptr_array_add (g->lines, line);
  if (truth == NULL)
    {
      truth = g_new0 (Truth, 1);
      truth->kind = TRUTH_NONE;
      truth->label = g_strdup ("unrelated");
    }
  g_hash_table_insert (g->truth, g_strdup (line->dedupe_key), truth);
  return line;
}

static Truth *
invoices_truth (Gen        *g,
                const char *label,
                guint       client,
                const int  *invs,
                guint       n)
{
  Truth *t = g_new0 (Truth, 1);

  t->kind = TRUTH_INVOICES;
  t->client = g->clients[client];
  t->label = g_strdup (label);
  t->ids = g_array_new (FALSE, FALSE, sizeof (SettleId));
  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (t->ids, gen_inv (g, invs[i])->id);
      gen_inv (g, invs[i])->used = TRUE;
    }
  return t;
}

/* The payer as the bank shows it: the client's name, its alias, or a stranger. */
static const char *
payer_for (Gen  *g,
           guint c,
           char *buffer,
           gsize size)
{
  int r = g_rand_int_range (g->rand, 0, 10);

  if (g->aliases[c] != NULL && r < 7)
    return g->aliases[c];
  if (r < 8)
    {
      g_snprintf (buffer, size, "%s", people[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (people))]);
      /* A stranger's surname only: never one of the aliases. */
      return strchr (buffer, ' ') + 1;
    }
  g_snprintf (buffer, size, "%s", g->names[c]);
  for (char *p = buffer; *p; p++)
    *p = g_ascii_toupper (*p);
  return buffer;
}

static char *
typo_of (Gen        *g,
         const char *number)
{
  char *t = g_strdup (number);
  size_t len = strlen (t);
  guint pos = len - 1 - g_rand_int_range (g->rand, 0, 4);
  int kind = g_rand_int_range (g->rand, 0, 3);

  if (kind == 0)
    t[pos] = t[pos] == '9' ? '0' : t[pos] + 1;
  else if (kind == 1)
    memmove (t + pos, t + pos + 1, len - pos);
  else if (t[pos - 1] != '-')
    {
      char c = t[pos];

      t[pos] = t[pos - 1];
      t[pos - 1] = c;
    }
  else
    t[pos] = t[pos] == '0' ? '5' : '0';
  return t;
}

static void
store_lines (Gen *g)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_statement_free);
  SettleBankStatement *st = settle_bank_statement_new ();
  g_autoptr(GError) error = NULL;
  guint imported = 0, duplicates = 0;

  st->format = g_strdup ("ofx");
  strcpy (st->currency, "USD");
  g_ptr_array_extend_and_steal (st->lines, g_steal_pointer (&g->lines));
  g->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_line_free);
  g_ptr_array_add (statements, st);
  g_assert_true (settle_bank_statements_store (g->book, g->account, "gen.ofx", statements, &imported,
                                               &duplicates, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (duplicates, ==, 0);
}

/* Batch 1, in October: two payments of each aliased client, confirmed by hand, so
 * the run knows who those payers are. */
static void
confirmed_batch (Gen *g)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  for (guint c = 0; c < N_ALIASED; c++)
    for (guint k = 0; k < 2; k++)
      {
        int i = pick_invoice (g, c);
        GenInvoice *gi;
        GDate date;

        if (i < 0)
          continue;
        gi = gen_inv (g, i);
        /* Three days after issue: before any November line. */
        g_date_set_julian (&date, gi->due - 27);
        add_line (g, &date, gi->amount, g->aliases[c], NULL, "ACH CREDIT",
                  invoices_truth (g, "confirmed", c, &i, 1));
      }
  store_lines (g);
  rows = settle_reconcile_list_lines (g->book, g->account, "open", &error);
  g_assert_no_error (error);
  for (guint r = 0; r < rows->len; r++)
    {
      SettleStatementLineRow *row = g_ptr_array_index (rows, r);
      Truth *t = g_hash_table_lookup (g->truth, row->dedupe_key);
      g_autoptr(GArray) alloc = g_array_new (FALSE, TRUE, sizeof (SettleMatchAllocation));
      SettleMatchAllocation a = { g_array_index (t->ids, SettleId, 0), NULL, row->amount };

      g_array_append_val (alloc, a);
      g_assert_true (settle_reconcile_accept_manual (g->book, row->id, t->client, alloc, NULL, &error));
      g_assert_no_error (error);
    }
}

static GDate
november (Gen *g)
{
  GDate d = settle_test_date ("2026-11-01");

  g_date_add_days (&d, g_rand_int_range (g->rand, 0, 25));
  return d;
}

static void
add_payouts (Gen  *g,
             guint n_payouts)
{
  g_autoptr(GError) error = NULL;
  GDateTime *t = g_date_time_new_utc (2026, 11, 1, 8, 0, 0);
  guint imported = 0;

  for (guint p = 0; p < n_payouts; p++)
    {
      guint n = g_rand_int_range (g->rand, 3, 9);
      Truth *truth = g_new0 (Truth, 1);
      gint64 net = 0;
      GDate date;

      truth->kind = TRUTH_PAYOUT;
      truth->label = g_strdup ("payout");
      truth->ids = g_array_new (FALSE, FALSE, sizeof (SettleId));
      for (guint k = 0; k < n; k++)
        {
          int i = pick_invoice (g, -1);
          GenInvoice *gi = gen_inv (g, i);
          SettleProcessorCharge *c = settle_processor_charge_new ();
          GDateTime *next = g_date_time_add_minutes (t, g_rand_int_range (g->rand, 30, 600));
          SettleId db_id = ++g->n_charges;

          g_date_time_unref (t);
          t = next;
          gi->used = TRUE;
          c->charge_id = g_strdup_printf ("ch_%08u", g->n_charges);
          c->created = g_date_time_ref (t);
          c->amount = gi->amount;
          c->refunded = g_rand_int_range (g->rand, 0, 10) == 0 ? gi->amount / 4 : 0;
          c->fee = (gi->amount * 29 + 500) / 1000 + 30;
          strcpy (c->currency, "USD");
          c->description = g_strdup_printf ("Invoice %s", gi->number);
          c->customer_name = g_strdup (g->names[gi->client]);
          c->status = g_strdup ("Paid");
          net += c->amount - c->refunded - c->fee;
          g_ptr_array_add (g->charges, c);
          g_array_append_val (truth->ids, db_id);
        }
      /* Paid out two days after the last charge. */
      g_date_set_dmy (&date, g_date_time_get_day_of_month (t), g_date_time_get_month (t),
                      g_date_time_get_year (t));
      g_date_add_days (&date, 2);
      add_line (g, &date, net, "STRIPE", NULL, "STRIPE TRANSFER", truth);
      /* The next payout's charges come after this one's. */
      {
        GDateTime *next = g_date_time_add_hours (t, 24);

        g_date_time_unref (t);
        t = next;
      }
    }
  g_date_time_unref (t);
  g_assert_true (settle_processor_charges_store (g->book, "stripe", g->charges, &imported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, g->charges->len);
}

static void
noisy_batch (Gen *g)
{
  char buffer[128];
  static const char *out_text[] = { "PAYROLL ADP", "RENT 4TH FLOOR", "TRANSFER TO SAVINGS", "IRS EFTPS",
                                    "AWS INVOICE", "MICROSOFT 365" };
  static const char *in_text[] = { "AMAZON REFUND", "INTEREST PAID", "TRANSFER FROM SAVINGS",
                                   "VENDOR CREDIT", "TAX REFUND" };

  /* Exact payments naming the invoice. */
  for (guint n = 0; n < 450; n++)
    {
      int i = pick_invoice (g, -1);
      GenInvoice *gi = gen_inv (g, i);
      GDate d = november (g);
      const char *payer = payer_for (g, gi->client, buffer, sizeof buffer);
      g_autofree char *text = g_rand_boolean (g->rand) ? g_strdup (gi->number)
                                                      : g_strdup_printf ("Payment for invoice %s", gi->number);

      add_line (g, &d, gi->amount, payer, NULL, text, invoices_truth (g, "exact", gi->client, &i, 1));
    }
  /* One deposit for 2–4 invoices of one client, oldest first mostly. */
  for (guint n = 0; n < 150; n++)
    {
      guint c = g_rand_int_range (g->rand, 0, N_CLIENTS);
      guint k = g_rand_int_range (g->rand, 2, 5);
      gboolean oldest = g_rand_int_range (g->rand, 0, 10) < 7;
      gboolean named = g_rand_boolean (g->rand);
      int set[4];
      guint got = 0;
      gint64 sum = 0;
      g_autoptr(GString) text = g_string_new (named ? "Invoices" : "ACH CREDIT");
      GDate d = november (g);

      for (guint j = 0; j < g->by_client[c]->len && got < k; j++)
        {
          int i = g_array_index (g->by_client[c], guint, j);

          if (gen_inv (g, i)->used || (!oldest && g_rand_boolean (g->rand)))
            continue;
          set[got++] = i;
        }
      if (got < 2)
        continue;
      for (guint j = 0; j < got; j++)
        {
          sum += gen_inv (g, set[j])->amount;
          if (named)
            g_string_append_printf (text, " %s", gen_inv (g, set[j])->number);
        }
      add_line (g, &d, sum, payer_for (g, c, buffer, sizeof buffer), NULL, text->str,
                invoices_truth (g, named ? "combined, named" : "combined", c, set, got));
    }
  /* Part payments naming the invoice. */
  for (guint n = 0; n < 100; n++)
    {
      int i = pick_invoice (g, -1);
      GenInvoice *gi = gen_inv (g, i);
      GDate d = november (g);
      g_autofree char *text = g_strdup_printf ("Partial payment %s", gi->number);
      gint64 part = gi->amount * g_rand_int_range (g->rand, 30, 71) / 100;

      add_line (g, &d, part, payer_for (g, gi->client, buffer, sizeof buffer), NULL, text,
                invoices_truth (g, "partial", gi->client, &i, 1));
    }
  /* One character wrong in the number. */
  for (guint n = 0; n < 150; n++)
    {
      int i = pick_invoice (g, -1);
      GenInvoice *gi = gen_inv (g, i);
      GDate d = november (g);
      g_autofree char *typo = typo_of (g, gi->number);

      add_line (g, &d, gi->amount, payer_for (g, gi->client, buffer, sizeof buffer), typo, NULL,
                invoices_truth (g, "typo", gi->client, &i, 1));
    }
  /* Known payers (not the client's name), no reference. */
  for (guint n = 0; n < 150; n++)
    {
      guint c = g_rand_int_range (g->rand, 0, N_ALIASED);
      int i = pick_invoice (g, c);
      GDate d = november (g);

      if (i < 0)
        continue;
      add_line (g, &d, gen_inv (g, i)->amount, g->aliases[c], NULL, "ACH CREDIT",
                invoices_truth (g, "known payer, no reference", c, &i, 1));
    }
  /* Strangers, no reference: the amount is all there is. */
  for (guint n = 0; n < 100; n++)
    {
      int i = pick_invoice (g, -1);
      GenInvoice *gi = gen_inv (g, i);
      GDate d = november (g);

      add_line (g, &d, gi->amount, people[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (people))] + 3,
                NULL, "DEPOSIT", invoices_truth (g, "amount only", gi->client, &i, 1));
    }
  /* Not payments for invoices: money out, and money in that only looks like it. */
  for (guint n = 0; n < 150; n++)
    {
      GDate d = november (g);

      add_line (g, &d, -g_rand_int_range (g->rand, 1000, 2000000), NULL, NULL,
                out_text[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (out_text))], NULL);
    }
  for (guint n = 0; n < 100; n++)
    {
      GDate d = november (g);
      /* A third have an open invoice's amount by chance. */
      gint64 amount = g_rand_int_range (g->rand, 0, 3) == 0
                      ? gen_inv (g, g_rand_int_range (g->rand, 0, g->invoices->len))->amount
                      : g_rand_int_range (g->rand, 100, 300000);

      add_line (g, &d, amount, NULL, NULL, in_text[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (in_text))],
                NULL);
    }
  add_payouts (g, 40);
  store_lines (g);
}

static gboolean
suggestion_is_right (const SettleMatchSuggestion *s,
                     const Truth                 *t)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (SettleId));

  if (t->kind == TRUTH_NONE)
    return FALSE;
  if (t->kind == TRUTH_PAYOUT)
    {
      if (s->kind != SETTLE_MATCH_PAYOUT || s->charge_ids->len != t->ids->len)
        return FALSE;
      g_array_append_vals (ids, s->charge_ids->data, s->charge_ids->len);
    }
  else
    {
      if (s->kind != SETTLE_MATCH_INVOICES || s->client_id != t->client
          || s->allocations->len != t->ids->len)
        return FALSE;
      for (guint i = 0; i < s->allocations->len; i++)
        g_array_append_val (ids, g_array_index (s->allocations, SettleMatchAllocation, i).invoice_id);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < t->ids->len; j++)
        found = found || g_array_index (t->ids, SettleId, j) == g_array_index (ids, SettleId, i);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* The view asks for one line at a time (a few queries, not every open invoice):
 * it must suggest what the whole run suggests. */
static void
same_as_run (Gen *g)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) run = NULL;
  g_autoptr(GPtrArray) rows = settle_reconcile_list_lines (g->book, g->account, "open", &error);
  SettleReconcileSummary sum = { 0, };
  guint compared = 0;

  g_assert_true (settle_reconcile_run (g->book, g->account, FALSE, &sum, &run, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sum.auto_accepted, ==, 0);
  for (guint r = 0; r < rows->len && compared < 100000; r++)
    {
      SettleStatementLineRow *row = g_ptr_array_index (rows, r);
      SettleMatchSuggestion *whole = g_hash_table_lookup (run, &row->id);
      g_autoptr(GPtrArray) one = NULL;
      SettleMatchSuggestion *best;

      if (row->amount <= 0)
        continue;
      one = settle_reconcile_suggest (g->book, row->id, &error);
      g_assert_no_error (error);
      compared++;
      if (whole == NULL)
        {
          g_assert_cmpuint (one->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (one->len, >, 0);
      best = g_ptr_array_index (one, 0);
      g_assert_cmpint (best->kind, ==, whole->kind);
      if (best->score != whole->score)
        g_test_message ("line %" G_GINT64_FORMAT ": alone %d (%s), in the run %d (%s)", row->id,
                        best->score, best->reasons, whole->score, whole->reasons);
      g_assert_cmpint (best->score, ==, whole->score);
      g_assert_cmpint (best->client_id, ==, whole->client_id);
      g_assert_cmpuint (best->allocations->len, ==, whole->allocations->len);
      for (guint a = 0; a < best->allocations->len; a++)
        g_assert_cmpint (g_array_index (best->allocations, SettleMatchAllocation, a).invoice_id, ==,
                         g_array_index (whole->allocations, SettleMatchAllocation, a).invoice_id);
      g_assert_cmpstr (best->reasons, ==, whole->reasons);
    }
  g_test_message ("one line at a time = the whole run, on %u lines", compared);
}

typedef struct
{
  guint lines, auto_accepted, right, best_right;
} Tally;

static void
test_precision (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) suggestions = NULL;
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) rows = NULL;
  SettleReconcileSummary sum = { 0, };
  Gen g = { 0, };
  guint matchable = 0, auto_accepted = 0, right = 0;
  gint64 started;
  GHashTableIter iter;
  gpointer key, value;
  double precision, recall;

  g_test_message ("seed %u (change with --seed N or SETTLE_RECONCILE_SEED)", seed);
  g_print ("# reconcile precision: seed %u\n", seed);
  g.book = settle_test_new_book (&dir);
  g.rand = g_rand_new_with_seed (seed);
  g.invoices = g_array_new (FALSE, TRUE, sizeof (GenInvoice));
  g.clients = g_new0 (SettleId, N_CLIENTS);
  g.names = g_new0 (char *, N_CLIENTS + 1);
  g.aliases = g_new0 (char *, N_CLIENTS + 1);
  g.by_client = g_new0 (GArray *, N_CLIENTS);
  g.truth = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) truth_free);
  g.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_line_free);
  g.charges = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_processor_charge_free);
  g.account = settle_bank_account_ensure (g.book, "US0099887766", "Operating", "USD", &error);
  g_assert_no_error (error);

  make_book (&g);
  confirmed_batch (&g);
  settle_test_assert_invariants (g.book);
  noisy_batch (&g);

  same_as_run (&g);

  started = g_get_monotonic_time ();
  g_assert_true (settle_reconcile_run (g.book, g.account, TRUE, &sum, &suggestions, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("run with auto-accept: %u lines, %u auto-accepted, %u suggested, %u unmatched, %.2f s",
                  sum.lines, sum.auto_accepted, sum.suggested, sum.unmatched,
                  (g_get_monotonic_time () - started) / 1e6);
  settle_test_assert_invariants (g.book);

  rows = settle_reconcile_list_lines (g.book, g.account, NULL, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < rows->len; r++)
    {
      SettleStatementLineRow *row = g_ptr_array_index (rows, r);
      Truth *t = g_hash_table_lookup (g.truth, row->dedupe_key);
      SettleMatchSuggestion *s = g_hash_table_lookup (suggestions, &row->id);
      Tally *tally;

      g_assert_nonnull (t);
      if (strcmp (t->label, "confirmed") == 0)
        continue;
      tally = g_hash_table_lookup (tallies, t->label);
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          g_hash_table_insert (tallies, t->label, tally);
        }
      tally->lines++;
      matchable += t->kind != TRUTH_NONE;
      if (s != NULL && suggestion_is_right (s, t))
        tally->best_right++;
      if (strcmp (row->status, "matched") != 0)
        continue;
      g_assert_nonnull (s);
      auto_accepted++;
      tally->auto_accepted++;
      if (suggestion_is_right (s, t))
        {
          right++;
          tally->right++;
        }
      else
        {
          g_autoptr(GString) got = g_string_new (NULL);
          g_autoptr(GString) want = g_string_new (NULL);
          GArray *ids = s->kind == SETTLE_MATCH_PAYOUT ? s->charge_ids : NULL;

          for (guint i = 0; ids != NULL && i < ids->len; i++)
            g_string_append_printf (got, " %" G_GINT64_FORMAT, g_array_index (ids, SettleId, i));
          for (guint i = 0; ids == NULL && i < s->allocations->len; i++)
            g_string_append_printf (got, " %" G_GINT64_FORMAT,
                                    g_array_index (s->allocations, SettleMatchAllocation, i).invoice_id);
          for (guint i = 0; t->ids != NULL && i < t->ids->len; i++)
            g_string_append_printf (want, " %" G_GINT64_FORMAT, g_array_index (t->ids, SettleId, i));
          g_test_message ("WRONG (%s): line %" G_GINT64_FORMAT " %s / %s / %s -> %d %s; got%s, truth%s",
                          t->label, row->id, row->payer_name ? row->payer_name : "",
                          row->reference ? row->reference : "", row->description ? row->description : "",
                          s->score, s->reasons, got->str, want->str);
        }
    }
  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Tally *tally = value;

      g_test_message ("%-26s %4u lines, %4u auto-accepted, %4u of them right, best suggestion right %4u",
                      (const char *) key, tally->lines, tally->auto_accepted, tally->right, tally->best_right);
    }
  precision = auto_accepted ? 100.0 * right / auto_accepted : 100.0;
  recall = matchable ? 100.0 * right / matchable : 0.0;
  g_print ("# reconcile precision: %u lines (%u matchable), %u auto-accepted, %u right: "
           "precision %.2f %%, recall %.2f %%\n",
           (guint) rows->len, matchable, auto_accepted, right, precision, recall);
  g_test_message ("precision %.2f %%, recall %.2f %%", precision, recall);
  g_assert_cmpuint (auto_accepted, >, 0);
  g_assert_cmpfloat (precision, >=, 99.5);

  for (guint c = 0; c < N_CLIENTS; c++)
    g_array_unref (g.by_client[c]);
  g_free (g.by_client);
  g_strfreev (g.names);
  for (guint c = 0; c < N_CLIENTS; c++)
    g_free (g.aliases[c]);
  g_free (g.aliases);
  g_free (g.clients);
  for (guint i = 0; i < g.invoices->len; i++)
    g_free (gen_inv (&g, i)->number);
  g_array_unref (g.invoices);
  g_hash_table_unref (g.truth);
  g_ptr_array_unref (g.lines);
  g_ptr_array_unref (g.charges);
  g_rand_free (g.rand);
  g_clear_object (&g.book);
  settle_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("SETTLE_RECONCILE_SEED");

  if (env != NULL)
    seed = (guint32) g_ascii_strtoull (env, NULL, 10);
  /* --seed N before GLib's own options. */
  for (int i = 1; i + 1 < argc; i++)
    if (strcmp (argv[i], "--seed") == 0)
      {
        seed = (guint32) g_ascii_strtoull (argv[i + 1], NULL, 10);
        memmove (argv + i, argv + i + 2, (argc - i - 1) * sizeof (char *));
        argc -= 2;
        break;
      }
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SETTLE_TODAY", "2026-11-26", TRUE);
  g_test_add_func ("/reconcile/precision", test_precision);
  return g_test_run ();
}
