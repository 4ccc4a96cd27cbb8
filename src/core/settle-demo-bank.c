/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-bank.h"
#include "settle-demo-bank.h"

#define STATEMENT_DAYS 30
#define N_TYPOS        3
#define N_COMBINED     2

/* Made up: only its fingerprint reaches the book, and the name shows the last four. */
#define DEMO_ACCOUNT_NUMBER "000731094821"

typedef struct
{
  GRand       *rand;
  GDate        start, end;
  char         currency[4];
  GPtrArray   *lines;    /* SettleBankLine* */
} DemoBank;

static guint32
days_between (const GDate *a,
              const GDate *b)
{
  return g_date_get_julian (b) - g_date_get_julian (a);
}

/* A day in [from, end], from clamped to the statement's start. */
static GDate
random_day_from (DemoBank    *db,
                 const GDate *from)
{
  GDate first = db->start, day;

  if (from != NULL && g_date_compare (from, &first) > 0)
    first = *from;
  g_assert (g_date_compare (&first, &db->end) <= 0);
  day = first;
  g_date_add_days (&day, g_rand_int_range (db->rand, 0, days_between (&first, &db->end) + 1));
  return day;
}

static void
add_line (DemoBank    *db,
          const GDate *date,
          gint64       amount,
          const char  *payer,
          const char  *description,
          const char  *kind)
{
  SettleBankLine *line = settle_bank_line_new ();

  line->date = *date;
  line->amount = amount;
  g_strlcpy (line->currency, db->currency, sizeof line->currency);
  line->payer_name = g_strdup (payer);
  line->description = g_strdup (description);
  line->kind = g_strdup (kind);
  g_ptr_array_add (db->lines, line);
}

/* Banks write names in capitals. */
static char *
bank_name (const char *client_name)
{
  return g_utf8_strup (client_name, -1);
}

/* The number with two neighbouring digits swapped (or the last digit changed when they
 * are all the same): the typo a payer makes when typing it into the remittance field. */
static char *
typo_number (GRand      *rand,
             const char *number)
{
  char *typo = g_strdup (number);
  gsize len = strlen (typo);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (gsize i = 0; i + 1 < len; i++)
    if (g_ascii_isdigit (typo[i]) && g_ascii_isdigit (typo[i + 1]) && typo[i] != typo[i + 1])
      g_array_append_val (pairs, i);
  if (pairs->len > 0)
    {
      gsize i = g_array_index (pairs, gsize, g_rand_int_range (rand, 0, pairs->len));
      char c = typo[i];

      typo[i] = typo[i + 1];
      typo[i + 1] = c;
    }
  else if (len > 0 && g_ascii_isdigit (typo[len - 1]))
    typo[len - 1] = '0' + (typo[len - 1] - '0' + 1) % 10;
  g_array_unref (pairs);
  return typo;
}

static void
add_unrelated_lines (DemoBank *db)
{
  static const struct
  {
    const char *payer, *description, *kind;
    gint64      min, max;   /* money out, minor units */
    int         day;        /* day of the statement, -1 = any */
  } out[] = {
    { "PARKVIEW PROPERTIES LLC", "OFFICE RENT", "DEBIT", 425000, 425000, 1 },
    { "GUSTO", "PAYROLL", "DIRECTDEBIT", 1800000, 2400000, 4 },
    { "GUSTO", "PAYROLL", "DIRECTDEBIT", 1800000, 2400000, 18 },
    { "GUSTO", "PAYROLL TAXES", "DIRECTDEBIT", 520000, 690000, 19 },
    { NULL, "MONTHLY SERVICE FEE", "FEE", 3500, 3500, 29 },
    { NULL, "OUTGOING WIRE FEE", "FEE", 1500, 1500, -1 },
    { NULL, "TRANSFER TO SAVINGS ••••9310", "XFER", 1000000, 1000000, 20 },
    { "PAX8 INC", "MICROSOFT 365 LICENCES", "DEBIT", 600000, 900000, 3 },
    { "INGRAM MICRO", "HARDWARE ORDER", "DEBIT", 300000, 1200000, -1 },
    { "AMAZON WEB SERVICES", "AWS MONTHLY", "DEBIT", 80000, 150000, 2 },
    { "CONNECTWISE", "PSA SUBSCRIPTION", "DEBIT", 120000, 120000, 7 },
    { "COMCAST BUSINESS", "INTERNET", "DEBIT", 28900, 28900, 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (out); i++)
    {
      gint64 amount = out[i].min == out[i].max
                        ? out[i].min
                        : out[i].min + 100 * (gint64) g_rand_int_range (db->rand, 0,
                                                                        (out[i].max - out[i].min) / 100 + 1);
      GDate day = db->start;

      if (out[i].day >= 0)
        g_date_add_days (&day, MIN ((guint32) out[i].day, days_between (&db->start, &db->end)));
      else
        day = random_day_from (db, NULL);
      add_line (db, &day, -amount, out[i].payer, out[i].description, out[i].kind);
    }
}

static gboolean
usable (const SettleAgingEntry *e,
        const DemoBank         *db)
{
  return e->number != NULL && e->open > 0 && g_date_compare (&e->issue_date, &db->end) <= 0;
}

/* Two or three open invoices of one client, paid by one deposit. */
static void
add_combined (DemoBank   *db,
              GPtrArray  *entries,
              gboolean   *used,
              guint       first)
{
  SettleAgingEntry *e0 = entries->pdata[first];
  guint want = g_rand_int_range (db->rand, 2, 4), n = 0;
  g_autoptr(GString) text = g_string_new ("PAYMENT ");
  g_autofree char *payer = NULL;
  GDate latest = e0->issue_date;
  gint64 sum = 0;
  guint picked[3];

  for (guint j = first; j < entries->len && n < want; j++)
    {
      SettleAgingEntry *e = entries->pdata[j];

      if (!used[j] && usable (e, db) && e->client_id == e0->client_id)
        picked[n++] = j;
    }
  if (n < 2)
    return;
  for (guint k = 0; k < n; k++)
    {
      SettleAgingEntry *e = entries->pdata[picked[k]];

      used[picked[k]] = TRUE;
      sum += e->open;
      g_string_append_printf (text, k == 0 ? "%s" : k + 1 == n ? " AND %s" : ", %s", e->number);
      if (g_date_compare (&e->issue_date, &latest) > 0)
        latest = e->issue_date;
    }
  payer = bank_name (e0->client_name);
  {
    GDate day = random_day_from (db, &latest);
    add_line (db, &day, sum, payer, text->str, "CREDIT");
  }
}

static int
line_compare (gconstpointer a,
              gconstpointer b)
{
  const SettleBankLine *la = *(SettleBankLine * const *) a;
  const SettleBankLine *lb = *(SettleBankLine * const *) b;
  int c = g_date_compare (&la->date, &lb->date);

  /* Money in before money out on a day, then the order they were made in. */
  if (c == 0)
    c = (la->amount < 0) - (lb->amount < 0);
  if (c == 0)
    c = (int) la->source_line - (int) lb->source_line;
  return c;
}

gboolean
settle_demo_add_bank_statement (SettleBook   *book,
                                guint32       seed,
                                const GDate  *today,
                                GError      **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autofree gboolean *used = NULL;
  g_autofree char *currency = NULL;
  g_autoptr(GHashTable) amounts = NULL;
  SettleBankStatement *statement;
  SettleAgingOptions options;
  DemoBank db = { 0 };
  SettleId account_id;
  guint n_exact, n_typos = 0, n_combined = 0, n_exact_done = 0;
  gboolean partial_done = FALSE, other_payer_done = FALSE, ok = FALSE;
  gint64 balance;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  settle_aging_options_init (&options, book, today);
  db.end = options.as_of;
  g_date_subtract_days (&db.end, 1);
  db.start = db.end;
  g_date_subtract_days (&db.start, STATEMENT_DAYS - 1);
  currency = settle_book_get_setting (book, "currency");
  g_strlcpy (db.currency, currency != NULL && strlen (currency) == 3 ? currency : "USD",
             sizeof db.currency);

  /* What is open today was open on every day since its issue: paying it on a day of
   * the statement leaves the book consistent whichever line is accepted. */
  entries = settle_aging_list_entries (book, &options, 0, -1, error);
  if (entries == NULL)
    return FALSE;

  /* Its own generator: the demo book's sequence stays as it was. */
  db.rand = g_rand_new_with_seed (seed ^ 0x5e771e0bu);
  db.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_line_free);

  for (guint i = entries->len; i > 1; i--)
    {
      guint j = g_rand_int_range (db.rand, 0, i);
      gpointer tmp = entries->pdata[i - 1];

      entries->pdata[i - 1] = entries->pdata[j];
      entries->pdata[j] = tmp;
    }
  used = g_new0 (gboolean, MAX (entries->len, 1));
  /* A recurring invoice has siblings of the same amount whose numbers are one typo
   * apart: a payment naming one of them is ambiguous even to a person, so single
   * payments go to invoices whose open amount is unique. */
  amounts = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      SettleAgingEntry *e = entries->pdata[i];
      gpointer n = g_hash_table_lookup (amounts, &e->open);

      g_hash_table_insert (amounts, &e->open, GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
    }

  for (guint i = 0; i < entries->len && n_combined < N_COMBINED; i++)
    if (!used[i] && usable (entries->pdata[i], &db))
      {
        guint before = db.lines->len;

        add_combined (&db, entries, used, i);
        n_combined += db.lines->len > before;
      }

  n_exact = g_rand_int_range (db.rand, 26, 35);
  for (guint i = 0; i < entries->len; i++)
    {
      SettleAgingEntry *e = entries->pdata[i];
      g_autofree char *payer = NULL;
      g_autofree char *text = NULL;
      GDate day;

      if (used[i] || !usable (e, &db)
          || GPOINTER_TO_UINT (g_hash_table_lookup (amounts, &e->open)) > 1)
        continue;
      used[i] = TRUE;
      day = random_day_from (&db, &e->issue_date);
      payer = bank_name (e->client_name);
      if (!partial_done && e->open >= 20000)
        {
          /* Half now, rounded down to whole units: the rest stays open. */
          gint64 part = e->open / 2 / 100 * 100;

          text = g_strdup_printf ("PARTIAL PAYMENT %s", e->number);
          add_line (&db, &day, part, payer, text, "CREDIT");
          partial_done = TRUE;
        }
      else if (!other_payer_done)
        {
          /* The parent company pays: the client's first word and a holding's name. */
          g_auto(GStrv) words = g_strsplit (payer, " ", 2);
          g_autofree char *holding = g_strdup_printf ("%s HOLDINGS LLC", words[0]);

          add_line (&db, &day, e->open, holding, "ACH CREDIT VENDOR PAYMENT", "CREDIT");
          other_payer_done = TRUE;
        }
      else if (n_typos < N_TYPOS)
        {
          g_autofree char *typo = typo_number (db.rand, e->number);

          text = g_strdup_printf ("INVOICE %s", typo);
          add_line (&db, &day, e->open, payer, text, "CREDIT");
          n_typos++;
        }
      else if (n_exact_done < n_exact)
        {
          text = g_strdup_printf (g_rand_boolean (db.rand) ? "INVOICE %s" : "PAYMENT %s REMITTANCE",
                                  e->number);
          add_line (&db, &day, e->open, payer, text, "CREDIT");
          n_exact_done++;
        }
      else
        break;
    }

  add_unrelated_lines (&db);
  for (guint i = 0; i < db.lines->len; i++)
    ((SettleBankLine *) db.lines->pdata[i])->source_line = i + 1;
  g_ptr_array_sort (db.lines, line_compare);

  statement = settle_bank_statement_new ();
  statement->format = g_strdup ("demo");
  statement->account_id = g_strdup (DEMO_ACCOUNT_NUMBER);
  statement->account_name = g_strdup (_("Operating account ••••4821"));
  g_strlcpy (statement->currency, db.currency, sizeof statement->currency);
  statement->start = db.start;
  statement->end = db.end;
  statement->closing_date = db.end;
  statement->has_opening = statement->has_closing = TRUE;
  statement->opening_balance = balance = 4000000 + 100 * (gint64) g_rand_int_range (db.rand, 0, 20001);
  /* The statement takes the lines over. */
  g_ptr_array_set_free_func (db.lines, NULL);
  for (guint i = 0; i < db.lines->len; i++)
    {
      SettleBankLine *line = db.lines->pdata[i];

      line->source_line = i + 1;
      settle_bank_line_set_hash_key (line, 0);
      balance += line->amount;
      g_ptr_array_add (statement->lines, line);
    }
  statement->closing_balance = balance;
  statements = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_statement_free);
  g_ptr_array_add (statements, statement);

  account_id = settle_bank_account_ensure (book, DEMO_ACCOUNT_NUMBER, statement->account_name,
                                           db.currency, error);
  if (account_id != 0)
    ok = settle_bank_statements_store (book, account_id, "demo-statement.csv", statements,
                                       NULL, NULL, NULL, error);
  g_ptr_array_unref (db.lines);
  g_rand_free (db.rand);
  return ok;
}
