/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <string.h>

#include "settle-aging.h"
#include "settle-book-private.h"
#include "settle-metrics-private.h"
#include "settle-money.h"

/* The DSO, CEI and ADD of docs/metrics.md, from two reads of the book: the items open
 * on as_of, and the day-by-day flows (sales, what changed the AR) of the months
 * before it. AR on an earlier date is the AR on as_of less the flows after that date,
 * so no historical aging is computed for the beginning of the period or the trend. */

gint64
settle_metrics_round_ratio (gint64 a,
                            gint64 b,
                            gint64 denominator)
{
  gint64 out;

  g_return_val_if_fail (denominator != 0, 0);

  if (!settle_round_mul_div (a, b, denominator, SETTLE_ROUND_HALF_UP, &out))
    {
      gboolean negative = (a < 0) != (b < 0);

      if (a == 0 || b == 0)
        return 0;
      return (negative != (denominator < 0)) ? G_MININT64 : G_MAXINT64;
    }
  return out;
}

void
settle_metrics_months_back (GDate *date,
                            int    months)
{
  gboolean month_end;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (months >= 0);

  month_end = g_date_is_last_of_month (date);
  /* g_date_subtract_months already clamps the day to the shorter month. */
  g_date_subtract_months (date, months);
  if (month_end)
    g_date_set_day (date, g_date_get_days_in_month (g_date_get_month (date),
                                                    g_date_get_year (date)));
}

void
settle_metrics_period (const GDate *as_of,
                       int          months,
                       GDate       *start,
                       int         *days)
{
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  *start = *as_of;
  settle_metrics_months_back (start, months);
  g_date_add_days (start, 1);
  if (days != NULL)
    *days = g_date_days_between (start, as_of) + 1;
}

char *
settle_metrics_book_currency (SettleBook *book)
{
  char *currency = settle_book_get_setting (book, "currency");

  if (currency == NULL || strlen (currency) != 3)
    {
      g_free (currency);
      return g_strdup ("USD");
    }
  return currency;
}

guint32
settle_metrics_day_number (const char *s)
{
  int y, m, d, era, yoe, doy, doe;

  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return 0;
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
  m = (s[5] - '0') * 10 + s[6] - '0';
  d = (s[8] - '0') * 10 + s[9] - '0';
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
    return 0;
  /* Days from 0001-01-01 (day 1, as GDate counts) by the civil-from-days method:
   * years start in March so the leap day is the last day of the year. */
  y -= m <= 2;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (guint32) (era * 146097 + doe - 305);
}

/* "YYYY-MM-DD" from SQLite; dates in the book are checked when written. */
static void
column_date (sqlite3_stmt *stmt,
             int           col,
             GDate        *date)
{
  guint32 day = settle_metrics_day_number ((const char *) sqlite3_column_text (stmt, col));

  g_date_clear (date, 1);
  if (day != 0)
    g_date_set_julian (date, day);
}

/* TRUE when nothing that changes an invoice's balance is dated after as_of: the
 * open-item caches are then exactly what was open on as_of. Payments and refunds
 * only move the credit, which aging computes. Each probe is one index end (the
 * reversals: the small partial index applications_reversed). */
static gboolean
nothing_after (SettleBook  *book,
               const GDate *as_of,
               gboolean    *result,
               GError     **error)
{
  static const char * const queries[] = {
    "SELECT MAX (issue_date) FROM invoices",
    "SELECT MAX (closed_on) FROM invoices WHERE status <> 'draft'",
    "SELECT MAX (date) FROM applications",
    "SELECT MAX (reversed_on) FROM applications WHERE reversed_on IS NOT NULL",
  };
  g_autofree char *iso = settle_date_to_iso (as_of);

  *result = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (queries) && *result; i++)
    {
      sqlite3_stmt *stmt = settle_book_prepare (book, queries[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        *result = strcmp ((const char *) sqlite3_column_text (stmt, 0), iso) <= 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return settle_book_set_error (book, rc, error);
    }
  return TRUE;
}

/* ?1 as_of, ?2 currency. The current form reads each open invoice's row (for the
 * disputed flag). The history form reads only the covering index invoices_history, as
 * two range scans, as settle-aging.c does (credit notes never match it: they are
 * closed the day they are issued); the disputed flags come after from the invoices
 * open today (disputed_sql), which halves its time on a big book. */
#define HISTORY_ITEMS(closed) \
  "SELECT i.id, i.client_id, i.due_date, 0, i.total - COALESCE (" \
  "  (SELECT SUM (a.amount) FROM applications a WHERE a.invoice_id = i.id AND a.date <= ?1 " \
  "   AND (a.reversed_on IS NULL OR a.reversed_on > ?1)), 0) " \
  "FROM invoices i WHERE " closed " AND i.issue_date <= ?1 AND i.status <> 'draft' " \
  "AND i.currency = ?2 "

static const char current_items_sql[] =
  "SELECT i.id, i.client_id, i.due_date, i.disputed, i.total - i.amount_paid FROM invoices i "
  "WHERE i.status IN ('issued', 'partial') AND i.currency = ?2 AND i.kind = 'invoice'";
static const char history_items_sql[] =
  HISTORY_ITEMS ("i.closed_on IS NULL") "UNION ALL " HISTORY_ITEMS ("i.closed_on > ?1");
static const char disputed_sql[] =
  "SELECT id FROM invoices WHERE status IN ('issued', 'partial') AND disputed = 1";

/* For a past as_of: an item is disputed when its invoice is disputed and open today. */
static gboolean
mark_disputed (SettleBook *book,
               GArray     *items,
               GError    **error)
{
  g_autoptr(GHashTable) disputed = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, NULL);
  sqlite3_stmt *stmt = settle_book_prepare (book, disputed_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (disputed, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  if (g_hash_table_size (disputed) == 0)
    return TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      SettleOpenItem *item = &g_array_index (items, SettleOpenItem, i);

      item->disputed = g_hash_table_contains (disputed, &item->invoice_id);
    }
  return TRUE;
}

gboolean
settle_metrics_load_items (SettleBook  *book,
                           const GDate *as_of,
                           const char  *currency,
                           GArray     **items,
                           GError     **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (SettleOpenItem));
  gboolean current;
  sqlite3_stmt *stmt;
  int rc;

  if (!nothing_after (book, as_of, &current, error))
    return FALSE;
  stmt = settle_book_prepare (book, current ? current_items_sql : history_items_sql, error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_date (stmt, 1, as_of);
  settle_bind_text (stmt, 2, currency);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleOpenItem item;

      item.open = sqlite3_column_int64 (stmt, 4);
      if (item.open == 0)
        continue;
      item.invoice_id = sqlite3_column_int64 (stmt, 0);
      item.client_id = sqlite3_column_int64 (stmt, 1);
      column_date (stmt, 2, &item.due_date);
      item.disputed = sqlite3_column_int (stmt, 3) != 0;
      g_array_append_val (out, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  if (!current && !mark_disputed (book, out, error))
    return FALSE;
  *items = g_steal_pointer (&out);
  return TRUE;
}

void
settle_ledger_flows_clear (SettleLedgerFlows *flows)
{
  g_clear_pointer (&flows->sales, g_free);
  g_clear_pointer (&flows->ar_delta, g_free);
  flows->n_days = 0;
}

/* Each query returns (date, amount) rows, several a day or one sum a day;
 * ?1 first day, ?2 as_of, ?3 currency. */
enum { FLOW_ISSUED, FLOW_CREDIT_NOTES, FLOW_VOIDED, FLOW_APPLIED, FLOW_REVERSED, N_FLOWS };

/* Invoices by issue date: every invoice issued (credit notes included: the indexes
 * this reads have no kind), with its status and void date. Summed in C: a GROUP BY
 * would sort the 700,000 rows of a year on a big book first. Without a covering index
 * that starts with issue_date, a range of invoices_by_issue reads a table row per
 * invoice: the unary + sends the planner to the whole covering invoices_history
 * instead (0.13 s against 0.23 s on a million invoices; a covering index led by
 * issue_date was tried and gained nothing measurable). Credit notes
 * (FLOW_CREDIT_NOTES) are taken out after; the unary + there keeps that query on the
 * small partial index invoices_credit_notes. */
static const char issued_sql[] =
  "SELECT issue_date, total, status = 'void' AND closed_on <= ?2 "
  "FROM invoices WHERE +issue_date >= ?1 AND +issue_date <= ?2 AND status <> 'draft' "
  "AND currency = ?3";
static const char credit_notes_sql[] =
  "SELECT issue_date, total FROM invoices WHERE kind = 'credit-note' "
  "AND +issue_date >= ?1 AND +issue_date <= ?2 AND status <> 'draft' AND currency = ?3";
/* Voided invoices are few: read through invoices_by_status, not a range of every
 * invoice closed in the window. */
static const char voided_sql[] =
  "SELECT closed_on, total FROM invoices WHERE status = 'void' AND kind = 'invoice' "
  "AND issue_date IS NOT NULL AND +closed_on >= ?1 AND +closed_on <= ?2 AND currency = ?3";
/* Applications and their reversals count in the client's currency, as the credit
 * column of aging does; when every client uses the currency the filter is left out
 * (it triples the time of the scan). */
static const char applied_sql[] =
  "SELECT date, SUM (amount) FROM applications WHERE date >= ?1 AND date <= ?2 "
  "AND client_id IN (SELECT id FROM clients WHERE currency = ?3) GROUP BY date";
static const char applied_all_sql[] =
  "SELECT date, SUM (amount) FROM applications WHERE date >= ?1 AND date <= ?2 "
  "AND ?3 IS NOT NULL GROUP BY date";
/* Reversals are few: the partial index applications_reversed holds only them. An
 * application reversed before its own date (a bounced check entered before the money
 * was allocated) never counted on any day: its reversal is dated with it. */
#define REVERSAL_DAY "(CASE WHEN date > reversed_on THEN date ELSE reversed_on END)"
static const char reversed_sql[] =
  "SELECT " REVERSAL_DAY ", amount FROM applications WHERE reversed_on IS NOT NULL "
  "AND " REVERSAL_DAY " >= ?1 AND " REVERSAL_DAY " <= ?2 "
  "AND +client_id IN (SELECT id FROM clients WHERE currency = ?3)";

static gboolean
single_currency (SettleBook *book,
                 const char *currency,
                 gboolean   *single,
                 GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book,
                                            "SELECT EXISTS (SELECT 1 FROM clients "
                                            "WHERE currency <> ?1)",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, currency);
  rc = sqlite3_step (stmt);
  *single = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

gboolean
settle_metrics_load_flows (SettleBook        *book,
                           const GDate       *first,
                           const GDate       *as_of,
                           const char        *currency,
                           gint64             ending_ar,
                           SettleLedgerFlows *flows,
                           GError           **error)
{
  const char *sql[N_FLOWS] = {
    issued_sql, credit_notes_sql, voided_sql, applied_sql, reversed_sql,
  };
  gint64 first_day = g_date_get_julian (first);
  gboolean single;

  g_return_val_if_fail (g_date_compare (first, as_of) <= 0, FALSE);

  memset (flows, 0, sizeof *flows);
  flows->first = *first;
  flows->as_of = *as_of;
  flows->n_days = (guint) g_date_days_between (first, as_of) + 1;
  flows->ending_ar = ending_ar;
  flows->sales = g_new0 (gint64, flows->n_days);
  flows->ar_delta = g_new0 (gint64, flows->n_days);

  if (!single_currency (book, currency, &single, error))
    goto fail;
  if (single)
    sql[FLOW_APPLIED] = applied_all_sql;

  for (int f = 0; f < N_FLOWS; f++)
    {
      sqlite3_stmt *stmt = settle_book_prepare (book, sql[f], error);
      int rc;

      if (stmt == NULL)
        goto fail;
      settle_bind_date (stmt, 1, first);
      settle_bind_date (stmt, 2, as_of);
      settle_bind_text (stmt, 3, currency);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 amount = sqlite3_column_int64 (stmt, 1);
          guint32 day = settle_metrics_day_number ((const char *) sqlite3_column_text (stmt, 0));
          gint64 d = (gint64) day - first_day;

          if (day == 0)
            continue;
          g_assert (d >= 0 && d < flows->n_days);
          switch (f)
            {
            case FLOW_ISSUED:
              flows->ar_delta[d] += amount;
              if (sqlite3_column_int (stmt, 2) == 0)
                flows->sales[d] += amount;
              break;
            case FLOW_CREDIT_NOTES:
              /* Out of the invoices issued (a credit note is no open item), and out of
               * the sales twice: once as issued above, once as a deduction. */
              flows->ar_delta[d] -= amount;
              flows->sales[d] -= 2 * amount;
              break;
            case FLOW_VOIDED:
              flows->ar_delta[d] -= amount;
              break;
            case FLOW_APPLIED:
              flows->ar_delta[d] -= amount;
              break;
            case FLOW_REVERSED:
              flows->ar_delta[d] += amount;
              break;
            default:
              g_assert_not_reached ();
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          settle_book_set_error (book, rc, error);
          goto fail;
        }
    }
  return TRUE;

fail:
  settle_ledger_flows_clear (flows);
  return FALSE;
}

gint64
settle_ledger_flows_ar (const SettleLedgerFlows *flows,
                        const GDate             *date)
{
  gint64 ar = flows->ending_ar;
  int from = g_date_days_between (&flows->first, date) + 1;

  g_return_val_if_fail (from >= 0, 0);
  for (guint d = (guint) from; d < flows->n_days; d++)
    ar -= flows->ar_delta[d];
  return ar;
}

gint64
settle_ledger_flows_sales (const SettleLedgerFlows *flows,
                           const GDate             *start,
                           const GDate             *end)
{
  int from = MAX (0, g_date_days_between (&flows->first, start));
  int to = MIN ((int) flows->n_days - 1, g_date_days_between (&flows->first, end));
  gint64 sales = 0;

  for (int d = from; d <= to; d++)
    sales += flows->sales[d];
  return sales;
}

void
settle_metrics_flows_start (const GDate *as_of,
                            int          months,
                            GDate       *first)
{
  /* The period, the day before it (beginning AR), and the countback's months. */
  *first = *as_of;
  settle_metrics_months_back (first, MAX (months, SETTLE_COUNTBACK_MAX_MONTHS));
}

/* Walk back month by month from as_of, month k = (as_of − k months, as_of − (k−1)
 * months]: while the AR left exceeds the month's sales, take them off and count the
 * month's days; the month that holds the rest counts rest ÷ sales × its days. After
 * SETTLE_COUNTBACK_MAX_MONTHS the last month takes whatever is left that way (or its
 * days when it had no sales). */
static gint64
countback_x100 (const SettleLedgerFlows *flows,
                const GDate             *as_of,
                gint64                   ending_ar)
{
  gint64 rest = ending_ar;
  gint64 x100 = 0;
  GDate end = *as_of;

  for (int k = 1; k <= SETTLE_COUNTBACK_MAX_MONTHS && rest > 0; k++)
    {
      GDate start = *as_of;
      gint64 sales;
      int days;

      settle_metrics_months_back (&start, k);
      days = g_date_days_between (&start, &end);
      g_date_add_days (&start, 1);
      sales = settle_ledger_flows_sales (flows, &start, &end);
      if (rest > sales && k < SETTLE_COUNTBACK_MAX_MONTHS)
        {
          rest -= sales;
          x100 += (gint64) days * 100;
        }
      else
        {
          if (sales > 0)
            x100 += settle_metrics_round_ratio (rest, (gint64) days * 100, sales);
          else
            x100 += (gint64) days * 100;
          rest = 0;
        }
      end = start;
      g_date_subtract_days (&end, 1);
    }
  return x100;
}

void
settle_metrics_fill (SettleMetrics           *metrics,
                     const GDate             *as_of,
                     int                      months,
                     const char              *currency,
                     GArray                  *items,
                     const SettleLedgerFlows *flows,
                     gint64                   unapplied_credit)
{
  gint64 late_weighted = 0, late_open = 0;
  gint64 s, b, e, c, den;
  GDate day_before;

  memset (metrics, 0, sizeof *metrics);
  metrics->as_of = *as_of;
  metrics->period_months = months;
  g_strlcpy (metrics->currency, currency, sizeof metrics->currency);
  settle_metrics_period (as_of, months, &metrics->period_start, &metrics->period_days);

  for (guint i = 0; i < items->len; i++)
    {
      const SettleOpenItem *item = &g_array_index (items, SettleOpenItem, i);
      int late = g_date_days_between (&item->due_date, as_of);

      metrics->ending_ar += item->open;
      metrics->open_items++;
      if (late <= 0)
        metrics->ending_current_ar += item->open;
      else
        {
          metrics->ending_overdue_ar += item->open;
          metrics->overdue_items++;
          late_weighted += item->open * late;
          late_open += item->open;
        }
    }
  metrics->unapplied_credit = unapplied_credit;

  day_before = metrics->period_start;
  g_date_subtract_days (&day_before, 1);
  metrics->beginning_ar = settle_ledger_flows_ar (flows, &day_before);
  metrics->credit_sales = settle_ledger_flows_sales (flows, &metrics->period_start, as_of);

  s = metrics->credit_sales;
  b = metrics->beginning_ar;
  e = metrics->ending_ar;
  c = metrics->ending_current_ar;
  metrics->dso_defined = s > 0;
  if (metrics->dso_defined)
    {
      gint64 days_x100 = (gint64) metrics->period_days * 100;

      metrics->dso_simple_x100 = settle_metrics_round_ratio (e, days_x100, s);
      metrics->dso_average_x100 = settle_metrics_round_ratio (b + e, days_x100, 2 * s);
      metrics->best_dso_x100 = settle_metrics_round_ratio (c, days_x100, s);
      metrics->add_x100 = metrics->dso_simple_x100 - metrics->best_dso_x100;
      metrics->dso_countback_x100 = countback_x100 (flows, as_of, e);
    }
  metrics->add_weighted_defined = late_open > 0;
  if (late_open > 0)
    metrics->add_weighted_x100 = settle_metrics_round_ratio (late_weighted, 100, late_open);

  /* (B + S/N − E) ÷ (B + S/N − C), both sides times N to stay in integers. */
  den = months * b + s - months * c;
  metrics->cei_defined = den > 0;
  if (den > 0)
    metrics->cei_bp = settle_metrics_round_ratio (months * b + s - months * e, 10000, den);
}

gboolean
settle_metrics_compute (SettleBook    *book,
                        const GDate   *as_of,
                        int            months,
                        const char    *currency,
                        SettleMetrics *metrics,
                        GError       **error)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(SettleAgingReport) aging = NULL;
  g_autofree char *book_cur = NULL;
  SettleLedgerFlows flows = { 0 };
  gint64 ending_ar = 0;
  GDate today, first;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (as_of == NULL || g_date_valid (as_of), FALSE);
  g_return_val_if_fail (metrics != NULL, FALSE);

  if (as_of == NULL)
    {
      settle_today (&today);
      as_of = &today;
    }
  if (months <= 0)
    months = 3;
  if (currency == NULL)
    currency = book_cur = settle_metrics_book_currency (book);

  if (!settle_book_exec (book, "SAVEPOINT metrics", error))
    return FALSE;
  /* The credit column as aging has it (one definition of credit on a date). */
  aging = settle_aging_compute (book, as_of, SETTLE_AGING_BY_DUE_DATE, currency, error);
  if (aging == NULL || !settle_metrics_load_items (book, as_of, currency, &items, error))
    goto fail;
  for (guint i = 0; i < items->len; i++)
    ending_ar += g_array_index (items, SettleOpenItem, i).open;
  settle_metrics_flows_start (as_of, months, &first);
  if (!settle_metrics_load_flows (book, &first, as_of, currency, ending_ar, &flows, error))
    goto fail;
  settle_book_exec (book, "RELEASE metrics", NULL);

  settle_metrics_fill (metrics, as_of, months, currency, items, &flows, aging->totals.credit);
  settle_ledger_flows_clear (&flows);
  return TRUE;

fail:
  settle_book_exec (book, "ROLLBACK TO metrics; RELEASE metrics", NULL);
  return FALSE;
}
