/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matcher's indexes: built once per run over the open invoices, untied payments
 * and unpaid processor charges of one currency, so each line costs a few lookups
 * instead of a pass over every invoice. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <string.h>

#include "settle-reconcile-matcher.h"

void
settle_i64_map_init (SettleI64Map *map,
                     guint         n_items)
{
  guint size = 16;

  while (size < n_items * 2)
    size <<= 1;
  map->keys = g_new (gint64, size);
  map->heads = g_new (gint32, size);
  memset (map->heads, 0xff, sizeof (gint32) * size);
  map->mask = size - 1;
}

void
settle_i64_map_clear (SettleI64Map *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->heads, g_free);
  map->mask = 0;
}

static inline guint
slot_of (const SettleI64Map *map,
         gint64              key)
{
  guint64 h = (guint64) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (h >> 32) & map->mask;
}

void
settle_i64_map_insert (SettleI64Map *map,
                       gint64        key,
                       gint32        item,
                       gint32       *next)
{
  guint slot = slot_of (map, key);

  while (map->heads[slot] >= 0 && map->keys[slot] != key)
    slot = (slot + 1) & map->mask;
  next[0] = map->heads[slot];
  map->keys[slot] = key;
  map->heads[slot] = item;
}

gint32
settle_i64_map_lookup (const SettleI64Map *map,
                       gint64              key)
{
  guint slot;

  if (map->heads == NULL)
    return -1;
  slot = slot_of (map, key);
  while (map->heads[slot] >= 0)
    {
      if (map->keys[slot] == key)
        return map->heads[slot];
      slot = (slot + 1) & map->mask;
    }
  return -1;
}

/* GLib's julian day of an ISO date, without a GDate per row (100k rows a run):
 * days from 1970-01-01 (Hinnant's days_from_civil) + GLib's day of that date. */
static guint32
julian_of (const char *iso)
{
  int y, m, d, era, yoe, doy, doe;

  if (iso == NULL || strlen (iso) < 10 || iso[4] != '-' || iso[7] != '-')
    return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return 0;
  y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  m = (iso[5] - '0') * 10 + (iso[6] - '0');
  d = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return 0;
  y -= m <= 2;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (guint32) (era * 146097 + doe - 719468 + 719163);
}

static void
client_clear (SettleMatchClient *c)
{
  g_free (c->name);
  g_free (c->norm);
  g_clear_pointer (&c->invoices, g_array_unref);
}

static void
charge_clear (SettleMatchCharge *c)
{
  g_free (c->text);
}

static void
add_name_tokens (SettleMatcher     *m,
                 guint              index,
                 SettleMatchClient *client)
{
  g_autoptr(GPtrArray) tokens = settle_match_tokenize (client->norm);

  for (guint i = 0; i < tokens->len; i++)
    {
      char *t = g_ptr_array_index (tokens, i);
      GArray *list = g_hash_table_lookup (m->name_tokens, t);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (m->name_tokens, g_strdup (t), list);
        }
      if (list->len == 0 || g_array_index (list, guint, list->len - 1) != index)
        g_array_append_val (list, index);
    }
  client->n_tokens = tokens->len;
}

static gboolean
load_clients (SettleMatcher *m,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (m->book, "SELECT id, name, currency FROM clients ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleMatchClient c = { 0, };
      guint index = m->clients->len;

      c.id = sqlite3_column_int64 (stmt, 0);
      c.name = settle_column_dup (stmt, 1);
      g_strlcpy (c.currency, (const char *) sqlite3_column_text (stmt, 2), sizeof c.currency);
      c.norm = settle_reconcile_normalise_name (c.name);
      c.invoices = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (m->clients, c);
      g_hash_table_insert (m->client_index, g_memdup2 (&c.id, sizeof c.id),
                           GUINT_TO_POINTER (index + 1));
      if (*c.norm != '\0')
        {
          /* A name two clients share names neither. */
          if (g_hash_table_contains (m->name_exact, c.norm))
            g_hash_table_replace (m->name_exact, g_strdup (c.norm), GUINT_TO_POINTER (0));
          else
            g_hash_table_insert (m->name_exact, g_strdup (c.norm), GUINT_TO_POINTER (index + 1));
          add_name_tokens (m, index, &g_array_index (m->clients, SettleMatchClient, index));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (m->book, rc, error);
  return TRUE;
}

static guint
client_of (SettleMatcher *m,
           SettleId       id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (m->client_index, &id));
}

guint
settle_matcher_count_amount (SettleMatcher *m,
                             gint64         amount)
{
  gint32 head = settle_i64_map_lookup (&m->by_amount, amount);

  return head >= 0 ? g_array_index (m->invoices, SettleMatchInvoice, head).n_same : 0;
}

/* Appends the open invoices stmt returns (id, client, number, issue, due, open),
 * skipping ids in seen when given. */
static gboolean
read_invoices (SettleMatcher *m,
               sqlite3_stmt  *stmt,
               GHashTable    *seen,
               GHashTable    *clients,
               GError       **error)
{
  SettleId last_client_id = 0;
  guint last_client = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleMatchInvoice inv = { 0, };
      guint client;

      inv.id = sqlite3_column_int64 (stmt, 0);
      inv.client_id = sqlite3_column_int64 (stmt, 1);
      if (clients != NULL)
        g_hash_table_add (clients, g_memdup2 (&inv.client_id, sizeof inv.client_id));
      if (seen != NULL && !g_hash_table_add (seen, g_memdup2 (&inv.id, sizeof inv.id)))
        continue;
      /* Rows come by client: one lookup per client, not per row. */
      if (inv.client_id != last_client_id)
        {
          last_client = client_of (m, inv.client_id);
          last_client_id = inv.client_id;
        }
      client = last_client;
      if (client == 0)
        continue;
      inv.client = client - 1;
      inv.number = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? NULL
                   : g_string_chunk_insert (m->numbers, (const char *) sqlite3_column_text (stmt, 2));
      inv.issue = julian_of ((const char *) sqlite3_column_text (stmt, 3));
      inv.due = julian_of ((const char *) sqlite3_column_text (stmt, 4));
      inv.open = sqlite3_column_int64 (stmt, 5);
      {
        const gint64 *awaited = g_hash_table_lookup (m->pending, &inv.id);

        /* Money a pending ACH payment will bring is not open to a bank line: the
         * line that settles the ACH must not pay the invoice a second time. */
        if (awaited != NULL)
          inv.open -= *awaited;
        if (inv.open <= 0)
          continue;
      }
      if (inv.number != NULL)
        settle_match_digits (inv.number, inv.digits);
      g_array_append_val (m->invoices, inv);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (m->book, rc, error);
  return TRUE;
}

/* The maps, and each client's list (in the order of m->invoices: oldest due first
 * within a client). */
static void
index_invoices (SettleMatcher *m)
{
  settle_i64_map_init (&m->by_amount, m->invoices->len);
  settle_i64_map_init (&m->by_number, m->invoices->len);
  /* Backwards, so each chain comes out oldest due first. */
  for (gint32 i = (gint32) m->invoices->len - 1; i >= 0; i--)
    {
      SettleMatchInvoice *inv = &g_array_index (m->invoices, SettleMatchInvoice, i);
      guint len = strlen (inv->digits);

      settle_i64_map_insert (&m->by_amount, inv->open, i, &inv->next_amount);
      /* The chain's head counts it. */
      inv->n_same = inv->next_amount >= 0
                    ? g_array_index (m->invoices, SettleMatchInvoice, inv->next_amount).n_same + 1 : 1;
      if (len > 0)
        {
          inv->value = settle_match_digits_value (inv->digits);
          settle_i64_map_insert (&m->by_number, inv->value, i, &inv->next_number);
          m->digit_lengths |= 1u << len;
        }
      else
        inv->next_number = -1;
    }
  for (guint i = 0; i < m->invoices->len; i++)
    {
      SettleMatchInvoice *inv = &g_array_index (m->invoices, SettleMatchInvoice, i);
      SettleMatchClient *c = &g_array_index (m->clients, SettleMatchClient, inv->client);

      g_array_append_val (c->invoices, i);
    }
}

#define INVOICE_COLUMNS "SELECT id, client_id, number, issue_date, due_date, total - amount_paid " \
                        "FROM invoices WHERE status IN ('issued', 'partial') " \
                        "AND kind = 'invoice' AND currency = ?1 AND total > amount_paid "

/* What pending ACH payments have planned for each invoice (a small table). */
static gboolean
load_pending (SettleMatcher *m,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (m->book,
                              "SELECT pa.invoice_id, SUM (pa.amount) FROM pending_allocations pa "
                              "JOIN payments p ON p.id = pa.payment_id "
                              "WHERE p.status = 'pending' GROUP BY pa.invoice_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 amount = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (m->pending, g_memdup2 (&id, sizeof id), g_memdup2 (&amount, sizeof amount));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (m->book, rc, error);
  return TRUE;
}

static gboolean
load_invoices (SettleMatcher *m,
               GError       **error)
{
  sqlite3_stmt *stmt;

  /* By client, oldest due first: the order of the invoices_match index, no sort. */
  stmt = settle_book_prepare (m->book,
                              INVOICE_COLUMNS "ORDER BY client_id, due_date, issue_date, number",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, m->currency);
  if (!read_invoices (m, stmt, NULL, NULL, error))
    return FALSE;
  index_invoices (m);
  return TRUE;
}

static gboolean
load_hints (SettleMatcher *m,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (m->book, "SELECT key, client_id, count FROM reconcile_hints", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      guint client = client_of (m, sqlite3_column_int64 (stmt, 1));
      int count = sqlite3_column_int (stmt, 2);
      SettleMatchHint *h = g_hash_table_lookup (m->hints, key);

      if (client == 0)
        continue;
      if (h == NULL)
        {
          h = g_new0 (SettleMatchHint, 1);
          h->client = client - 1;
          h->count = count;
          g_hash_table_insert (m->hints, g_strdup (key), h);
        }
      else
        /* Confirmed for two clients: a shared or generic payer ("MOBILE DEPOSIT"),
         * which says nothing about who paid. */
        h->ambiguous = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (m->book, rc, error);
  return TRUE;
}

/* Payments recorded by hand, not yet tied to a bank line, dated near the lines. */
static gboolean
load_payments (SettleMatcher *m,
               guint32        first,
               guint32        last,
               GError       **error)
{
  sqlite3_stmt *stmt;
  GDate from, to;
  int rc;

  if (first == 0)
    {
      settle_i64_map_init (&m->pay_by_amount, 0);
      return TRUE;
    }
  g_date_set_julian (&from, first > 7 ? first - 7 : 1);
  g_date_set_julian (&to, last + 7);
  stmt = settle_book_prepare (m->book,
                              /* From payments_by_date alone (no row of payments): a
                               * payment's currency is its client's; the reference is
                               * read for the few candidates only. */
                              "SELECT p.id, p.client_id, p.date, p.amount FROM payments p "
                              "WHERE p.date BETWEEN ?1 AND ?2 AND p.status = 'settled' "
                              "AND NOT EXISTS (SELECT 1 FROM reconcile_ties t WHERE t.payment_id = p.id)",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_date (stmt, 1, &from);
  settle_bind_date (stmt, 2, &to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleMatchPayment p = { 0, };
      guint client;

      p.id = sqlite3_column_int64 (stmt, 0);
      p.client_id = sqlite3_column_int64 (stmt, 1);
      client = client_of (m, p.client_id);
      if (client == 0
          || strcmp (g_array_index (m->clients, SettleMatchClient, client - 1).currency, m->currency) != 0)
        continue;
      p.date = julian_of ((const char *) sqlite3_column_text (stmt, 2));
      p.amount = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (m->payments, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (m->book, rc, error);
  settle_i64_map_init (&m->pay_by_amount, m->payments->len);
  for (gint32 i = (gint32) m->payments->len - 1; i >= 0; i--)
    {
      SettleMatchPayment *p = &g_array_index (m->payments, SettleMatchPayment, i);

      settle_i64_map_insert (&m->pay_by_amount, p->amount, i, &p->next_amount);
    }
  return TRUE;
}

static gboolean
load_charges (SettleMatcher *m,
              GError       **error)
{
  sqlite3_stmt *stmt;
  guint n;
  int rc;

  stmt = settle_book_prepare (m->book,
                              "SELECT id, created, amount - refunded - fee, fee, "
                              "description || ' ' || processor_invoice_id FROM processor_charges "
                              "WHERE payout_line_id IS NULL AND currency = ?1 AND amount > 0 "
                              "AND lower (status) NOT IN ('failed', 'canceled', 'cancelled', "
                              "                           'pending', 'blocked') "
                              "ORDER BY created, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, m->currency);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleMatchCharge c = { 0, };

      c.id = sqlite3_column_int64 (stmt, 0);
      c.created = julian_of ((const char *) sqlite3_column_text (stmt, 1));
      c.net = sqlite3_column_int64 (stmt, 2);
      c.fee = sqlite3_column_int64 (stmt, 3);
      c.text = settle_column_dup (stmt, 4);
      g_array_append_val (m->charges, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (m->book, rc, error);

  n = m->charges->len;
  m->prefix = g_new0 (gint64, n + 1);
  m->prefix_next = g_new (gint32, n + 1);
  settle_i64_map_init (&m->by_prefix, n + 1);
  for (guint i = 0; i < n; i++)
    m->prefix[i + 1] = m->prefix[i] + g_array_index (m->charges, SettleMatchCharge, i).net;
  for (gint32 i = n; i >= 0; i--)
    settle_i64_map_insert (&m->by_prefix, m->prefix[i], i, &m->prefix_next[i]);
  return TRUE;
}

static SettleMatcher *
matcher_alloc (SettleBook *book,
               const char *currency)
{
  SettleMatcher *m = g_new0 (SettleMatcher, 1);

  m->book = g_object_ref (book);
  g_strlcpy (m->currency, currency, sizeof m->currency);
  m->invoices = g_array_new (FALSE, TRUE, sizeof (SettleMatchInvoice));
  m->numbers = g_string_chunk_new (64 * 1024);
  m->clients = g_array_new (FALSE, TRUE, sizeof (SettleMatchClient));
  g_array_set_clear_func (m->clients, (GDestroyNotify) client_clear);
  m->client_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  m->name_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
  m->name_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->hints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m->payments = g_array_new (FALSE, TRUE, sizeof (SettleMatchPayment));
  m->charges = g_array_new (FALSE, TRUE, sizeof (SettleMatchCharge));
  g_array_set_clear_func (m->charges, (GDestroyNotify) charge_clear);
  m->scratch_counts = g_hash_table_new (NULL, NULL);
  m->scratch_done = g_hash_table_new (g_str_hash, g_str_equal);
  m->scratch_named = g_hash_table_new (NULL, NULL);
  m->scratch_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->scratch_clients = g_hash_table_new (NULL, NULL);
  return m;
}

SettleMatcher *
settle_matcher_new (SettleBook *book,
                    const char *currency,
                    guint32     first_julian,
                    guint32     last_julian,
                    GError    **error)
{
  g_autoptr(SettleMatcher) m = matcher_alloc (book, currency);
  gint64 t0 = g_get_monotonic_time (), t1, t2;

  if (!load_clients (m, error) || !load_pending (m, error))
    return NULL;
  t1 = g_get_monotonic_time ();
  if (!load_invoices (m, error))
    return NULL;
  t2 = g_get_monotonic_time ();
  if (!load_hints (m, error) || !load_payments (m, first_julian, last_julian, error)
      || !load_charges (m, error))
    return NULL;
  g_debug ("Matcher %s: %u clients %.1f ms, %u invoices %.1f ms, hints, %u payments and %u charges "
           "%.1f ms", currency, m->clients->len, (t1 - t0) / 1000.0, m->invoices->len,
           (t2 - t1) / 1000.0, m->payments->len, m->charges->len,
           (g_get_monotonic_time () - t2) / 1000.0);
  return g_steal_pointer (&m);
}

static int
by_client_due (gconstpointer a,
               gconstpointer b)
{
  const SettleMatchInvoice *x = a, *y = b;

  if (x->client != y->client)
    return x->client < y->client ? -1 : 1;
  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  if (x->issue != y->issue)
    return x->issue < y->issue ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Invoice numbers the series of the book would write for this value (with {YYYY}
 * as this year and the two before). */
static GPtrArray *
numbers_for (SettleBook *book,
             gint64      value,
             int         year,
             GError    **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book, "SELECT prefix, width FROM number_series", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *prefix = (const char *) sqlite3_column_text (stmt, 0);
      int width = CLAMP (sqlite3_column_int (stmt, 1), 1, 12);
      gboolean yearly = strstr (prefix, "{YYYY}") != NULL;

      for (int y = year; y >= year - (yearly ? 2 : 0); y--)
        {
          g_auto(GStrv) parts = g_strsplit (prefix, "{YYYY}", -1);
          g_autofree char *year_text = g_strdup_printf ("%04d", y);
          g_autofree char *p = g_strjoinv (year_text, parts);

          g_ptr_array_add (out, g_strdup_printf ("%s%0*" G_GINT64_FORMAT, p, width, value));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gboolean
read_by (SettleMatcher *m,
         const char    *where,
         gint64         number,
         const char    *text,
         GHashTable    *seen,
         GHashTable    *clients,
         GError       **error)
{
  g_autofree char *sql = where != NULL ? g_strconcat (INVOICE_COLUMNS, where, NULL)
                         : g_strdup ("SELECT id, client_id, number, issue_date, due_date, "
                                     "total - amount_paid FROM invoices "
                                     "WHERE total - amount_paid = ?2 AND status IN ('issued', 'partial') "
                                     "AND +kind = 'invoice' AND +currency = ?1");
  sqlite3_stmt *stmt = settle_book_prepare (m->book, sql, error);

  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, m->currency);
  if (text != NULL)
    settle_bind_text (stmt, 2, text);
  else
    sqlite3_bind_int64 (stmt, 2, number);
  return read_invoices (m, stmt, seen, clients, error);
}

/* The open invoices whose numbers the tokens may be. */
static gboolean
read_named (SettleMatcher         *m,
            GPtrArray             *tokens,
            const SettleMatchLine *line,
            GHashTable            *seen,
            GHashTable            *clients,
            GError               **error)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      g_autoptr(GPtrArray) numbers = NULL;
      char digits[20];

      if (settle_match_number_token (tokens, i, digits) == 0)
        continue;
      numbers = numbers_for (m->book, settle_match_digits_value (digits),
                             g_date_get_year (&line->date), error);
      if (numbers == NULL)
        return FALSE;
      for (guint n = 0; n < numbers->len; n++)
        if (!read_by (m, "AND number = ?2", 0, g_ptr_array_index (numbers, n), seen, clients, error))
          return FALSE;
    }
  return TRUE;
}

SettleMatcher *
settle_matcher_new_for_line (SettleBook            *book,
                             const SettleMatchLine *line,
                             GError               **error)
{
  g_autoptr(SettleMatcher) m = matcher_alloc (book, line->currency);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) named_clients = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) tokens = NULL;
  g_autofree char *text = NULL;
  SettleMatchCtx ctx = { 0, };
  GHashTableIter iter;
  gpointer key;

  if (!load_clients (m, error) || !load_pending (m, error) || !load_hints (m, error)
      || !load_payments (m, line->julian, line->julian, error) || !load_charges (m, error))
    return NULL;

  /* Whom the text points at, as the matcher itself will see it. */
  text = g_strjoin (" ", line->payer_name ? line->payer_name : "", line->reference ? line->reference : "",
                    line->description ? line->description : "", NULL);
  tokens = settle_match_tokenize (text);
  ctx.m = m;
  ctx.line = line;
  ctx.tokens = tokens;
  ctx.named = m->scratch_named;
  settle_match_find_clients (&ctx);
  if (ctx.payer_client >= 0)
    g_hash_table_add (m->scratch_clients, GUINT_TO_POINTER (ctx.payer_client + 1));
  if (ctx.hint_client >= 0)
    g_hash_table_add (m->scratch_clients, GUINT_TO_POINTER (ctx.hint_client + 1));
  if (g_hash_table_size (ctx.named) <= 3)
    {
      g_hash_table_iter_init (&iter, ctx.named);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (m->scratch_clients, key);
    }
  g_hash_table_remove_all (m->scratch_named);

  /* The invoices the text names, then all of their clients' and of the clients
   * the payer points at (sets of several invoices), then all of this amount. */
  if (!read_named (m, tokens, line, seen, named_clients, error))
    return NULL;
  g_hash_table_iter_init (&iter, m->scratch_clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      SettleId id = g_array_index (m->clients, SettleMatchClient, GPOINTER_TO_UINT (key) - 1).id;

      g_hash_table_add (named_clients, g_memdup2 (&id, sizeof id));
    }
  g_hash_table_remove_all (m->scratch_clients);
  g_hash_table_iter_init (&iter, named_clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!read_by (m, "AND client_id = ?2", *(SettleId *) key, NULL, seen, NULL, error))
      return NULL;
  /* "+currency": the balance index, not invoices_match (every open invoice). */
  if (!read_by (m, NULL, line->amount, NULL, seen, NULL, error))
    return NULL;
  /* The invoices the charges of a possible payout name (14 days back). */
  for (guint c = 0; c < m->charges->len; c++)
    {
      SettleMatchCharge *charge = &g_array_index (m->charges, SettleMatchCharge, c);
      g_autoptr(GPtrArray) words = NULL;

      if (charge->created > line->julian || charge->created + 14 < line->julian)
        continue;
      words = settle_match_tokenize (charge->text);
      if (!read_named (m, words, line, seen, NULL, error))
        return NULL;
    }
  g_array_sort (m->invoices, by_client_due);
  index_invoices (m);
  return g_steal_pointer (&m);
}

void
settle_matcher_free (SettleMatcher *m)
{
  if (m == NULL)
    return;
  g_clear_object (&m->book);
  g_clear_pointer (&m->invoices, g_array_unref);
  g_clear_pointer (&m->numbers, g_string_chunk_free);
  g_clear_pointer (&m->clients, g_array_unref);
  g_clear_pointer (&m->client_index, g_hash_table_unref);
  settle_i64_map_clear (&m->by_amount);
  settle_i64_map_clear (&m->by_number);
  settle_i64_map_clear (&m->by_id);
  g_clear_pointer (&m->name_tokens, g_hash_table_unref);
  g_clear_pointer (&m->name_exact, g_hash_table_unref);
  g_clear_pointer (&m->hints, g_hash_table_unref);
  g_clear_pointer (&m->pending, g_hash_table_unref);
  g_clear_pointer (&m->payments, g_array_unref);
  settle_i64_map_clear (&m->pay_by_amount);
  g_clear_pointer (&m->charges, g_array_unref);
  g_free (m->prefix);
  g_free (m->prefix_next);
  settle_i64_map_clear (&m->by_prefix);
  g_clear_pointer (&m->scratch_counts, g_hash_table_unref);
  g_clear_pointer (&m->scratch_done, g_hash_table_unref);
  g_clear_pointer (&m->scratch_named, g_hash_table_unref);
  g_clear_pointer (&m->scratch_seen, g_hash_table_unref);
  g_clear_pointer (&m->scratch_clients, g_hash_table_unref);
  g_free (m);
}

static SettleMatchInvoice *
find_invoice (SettleMatcher *m,
              SettleId       id)
{
  gint32 i;

  /* Only a run that accepts needs it: made on the first accept. */
  if (m->by_id.heads == NULL)
    {
      settle_i64_map_init (&m->by_id, m->invoices->len);
      for (guint k = 0; k < m->invoices->len; k++)
        {
          SettleMatchInvoice *inv = &g_array_index (m->invoices, SettleMatchInvoice, k);

          settle_i64_map_insert (&m->by_id, inv->id, k, &inv->next_id);
        }
    }
  i = settle_i64_map_lookup (&m->by_id, id);
  return i >= 0 ? &g_array_index (m->invoices, SettleMatchInvoice, i) : NULL;
}

void
settle_matcher_consume (SettleMatcher               *m,
                        const SettleMatchSuggestion *s)
{
  g_return_if_fail (m != NULL && s != NULL);

  if (s->kind == SETTLE_MATCH_INVOICES)
    for (guint i = 0; i < s->allocations->len; i++)
      {
        const SettleMatchAllocation *a = &g_array_index (s->allocations, SettleMatchAllocation, i);
        SettleMatchInvoice *inv = find_invoice (m, a->invoice_id);

        if (inv != NULL && a->amount > 0)
          {
            gint32 head = settle_i64_map_lookup (&m->by_amount, inv->open);

            if (head >= 0 && g_array_index (m->invoices, SettleMatchInvoice, head).n_same > 0)
              g_array_index (m->invoices, SettleMatchInvoice, head).n_same--;
            inv->open -= MIN (inv->open, a->amount);
          }
      }
  else if (s->kind == SETTLE_MATCH_PAYMENT)
    {
      for (guint i = 0; i < m->payments->len; i++)
        if (g_array_index (m->payments, SettleMatchPayment, i).id == s->payment_id)
          g_array_index (m->payments, SettleMatchPayment, i).used = TRUE;
    }
  else
    for (guint i = 0; i < m->charges->len; i++)
      {
        SettleMatchCharge *c = &g_array_index (m->charges, SettleMatchCharge, i);

        for (guint j = 0; j < s->charge_ids->len; j++)
          if (c->id == g_array_index (s->charge_ids, SettleId, j))
            c->used = TRUE;
      }
}
