/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

/* Billing runs: turning recurring agreements into invoices.
 *
 * The rules (also in docs/billing.md):
 * - Periods. Calendar alignment cuts periods that start on billing_day (1–28) of each
 *   month, of January/April/July/October (quarterly) or of January (yearly).
 *   Anniversary alignment cuts them from the agreement's start date, on that day of
 *   the month each cycle (the 31st falls on the month's last day).
 * - Fixed lines are billed in advance: the invoice of a period is dated the period's
 *   first day (or the agreement's start, when it starts inside the period) and bills
 *   that period.
 * - Usage lines are billed in arrears: the invoice of a period bills the quantities
 *   entered for the period before. After an agreement ends, one more invoice (for the
 *   period after its end) bills the last period's usage.
 * - Proration. A fixed line in force for only part of a period (the agreement starts
 *   or ends inside it, or the line's own start or end date, which is how a price or
 *   quantity changes mid-contract) is billed for days in service ÷ days in the period:
 *   net = quantity × price × days_in ÷ (1000 × days), rounded half-up once, on the
 *   line net. It shows as one unit at that amount, the description naming the days.
 * - Catch-up. A run as of D makes every period whose invoice date is on or before D
 *   and that has not been billed, each exactly once: the billed_periods row
 *   (UNIQUE agreement, period start) is written in the same transaction as the
 *   invoice. A period with nothing to bill (no usage, no line in force) gets the row
 *   without an invoice, counted as skipped.
 * - Issue. auto_issue agreements' invoices are issued on their invoice date (numbered,
 *   due date from the agreement's terms, else the client's); others stay drafts.
 * - Transactions. Invoices are committed in batches of BATCH_SIZE (one fsync per
 *   commit with synchronous=FULL), each invoice in its own savepoint: a crash loses
 *   at most the open batch, whole invoices only.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-agreement.h"
#include "settle-billing.h"
#include "settle-book-private.h"
#include "settle-invoice.h"
#include "settle-money.h"

#define BATCH_SIZE 250

/* One period to bill. The agreement is borrowed from the array that holds them. */
typedef struct
{
  SettleAgreement *agreement;
  SettlePeriod     period;
  GDate            invoice_date;
  gboolean         in_service; /* FALSE: only the usage of the last period */
  gboolean         first;      /* the agreement's first period: no usage before it */
} Due;

void
settle_billing_item_free (SettleBillingItem *item)
{
  if (item == NULL)
    return;
  g_free (item->client_name);
  g_free (item->agreement_name);
  g_free (item);
}

void
settle_billing_plan_free (SettleBillingPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->items, g_ptr_array_unref);
  g_clear_pointer (&plan->totals_by_currency, g_hash_table_unref);
  g_free (plan);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
settle_billing_plan_describe (const SettleBillingPlan *plan)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gpointer *codes = NULL;
  guint n_codes = 0;

  g_return_val_if_fail (plan != NULL, NULL);

  g_string_printf (text, ngettext ("%u invoice", "%u invoices", plan->n_invoices),
                   plan->n_invoices);
  codes = g_hash_table_get_keys_as_array (plan->totals_by_currency, &n_codes);
  qsort (codes, n_codes, sizeof (gpointer), compare_codes);
  for (guint i = 0; i < n_codes; i++)
    {
      gint64 *total = g_hash_table_lookup (plan->totals_by_currency, codes[i]);
      g_autofree char *money = settle_money_format (settle_money_init (*total, codes[i]));

      g_string_append (text, i == 0 ? ", " : ", ");
      g_string_append (text, money);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_dues (gconstpointer a,
              gconstpointer b)
{
  const Due *da = a, *db = b;
  int c = g_date_compare (&da->invoice_date, &db->invoice_date);

  if (c != 0)
    return c;
  return da->agreement->id < db->agreement->id ? -1 : da->agreement->id > db->agreement->id;
}

static gboolean
load_billed (SettleBook *book,
             SettleId    agreement_id,
             GHashTable *billed,
             GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT period_start FROM billed_periods "
                                                  "WHERE agreement_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_hash_table_remove_all (billed);
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;

      settle_column_date (stmt, 0, &date);
      if (g_date_valid (&date))
        g_hash_table_add (billed, GUINT_TO_POINTER (g_date_get_julian (&date)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

static gboolean
has_usage_lines (const SettleAgreement *ag)
{
  for (guint i = 0; i < ag->lines->len; i++)
    if (((SettleAgreementLine *) g_ptr_array_index (ag->lines, i))->usage)
      return TRUE;
  return FALSE;
}

/* Every period of every agreement due by as_of and not billed, in the order to make
 * them: by invoice date, then agreement. */
static gboolean
collect_dues (SettleBook  *book,
              const GDate *as_of,
              GPtrArray  **agreements_out,
              GArray     **dues_out,
              GError     **error)
{
  g_autoptr(GPtrArray) agreements = settle_agreement_list (book, 0, error);
  g_autoptr(GArray) dues = g_array_new (FALSE, FALSE, sizeof (Due));
  g_autoptr(GHashTable) billed = g_hash_table_new (NULL, NULL);

  if (agreements == NULL)
    return FALSE;
  for (guint i = 0; i < agreements->len; i++)
    {
      SettleAgreement *ag = g_ptr_array_index (agreements, i);
      gboolean usage = has_usage_lines (ag);
      SettleSchedule schedule;
      SettlePeriod period;
      gboolean first = TRUE;

      if (g_date_compare (&ag->start_date, as_of) > 0)
        continue;
      if (!load_billed (book, ag->id, billed, error))
        return FALSE;
      settle_agreement_get_schedule (ag, &schedule);
      settle_period_containing (&schedule, &ag->start_date, &period);
      for (;;)
        {
          Due due = { .agreement = ag, .period = period, .first = first };

          due.in_service = !g_date_valid (&ag->end_date) ||
                           g_date_compare (&period.start, &ag->end_date) <= 0;
          if (!due.in_service && !usage)
            break;
          due.invoice_date = g_date_compare (&period.start, &ag->start_date) >= 0
                             ? period.start : ag->start_date;
          if (g_date_compare (&due.invoice_date, as_of) > 0)
            break;
          if (!g_hash_table_contains (billed,
                                      GUINT_TO_POINTER (g_date_get_julian (&period.start))))
            g_array_append_val (dues, due);
          if (!due.in_service)
            break;
          settle_period_next (&schedule, &period, &period);
          first = FALSE;
        }
    }
  g_array_sort (dues, compare_dues);
  *agreements_out = g_steal_pointer (&agreements);
  *dues_out = g_steal_pointer (&dues);
  return TRUE;
}

static const GDate *
later (const GDate *a,
       const GDate *b)
{
  if (b == NULL || !g_date_valid (b))
    return a;
  return g_date_compare (a, b) >= 0 ? a : b;
}

static const GDate *
earlier (const GDate *a,
         const GDate *b)
{
  if (a == NULL || !g_date_valid (a))
    return b;
  if (b == NULL || !g_date_valid (b))
    return a;
  return g_date_compare (a, b) <= 0 ? a : b;
}

static gboolean
add_fixed_line (SettleInvoice             *inv,
                const SettleAgreement     *ag,
                const SettleAgreementLine *line,
                const SettlePeriod        *period,
                GError                   **error)
{
  const GDate *start = later (later (&period->start, &ag->start_date), &line->start_date);
  const GDate *end = earlier (earlier (&period->end, &ag->end_date), &line->end_date);
  guint days = settle_period_days (period);
  guint days_in;
  SettleInvoiceLine *out;
  gint64 full, net;

  if (g_date_compare (start, end) > 0)
    return TRUE;
  days_in = g_date_days_between (start, end) + 1;
  if (days_in == days)
    {
      out = settle_invoice_add_line (inv, line->description, line->quantity_milli,
                                     line->unit_price, line->tax_rate_bp);
      out->item_id = line->item_id;
      return TRUE;
    }

  /* quantity × price ÷ 1000 × days_in ÷ days, rounded once (half-up) on the line net. */
  if (!settle_checked_mul (line->quantity_milli, line->unit_price, &full) ||
      !settle_round_mul_div (full, days_in, (gint64) days * 1000, SETTLE_ROUND_HALF_UP, &net))
    {
      g_set_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_OVERFLOW,
                   _("Agreement “%s”, line %d: the amount is too large"), ag->name,
                   line->position);
      return FALSE;
    }
  {
    g_autofree char *from = settle_date_to_iso (start);
    g_autofree char *to = settle_date_to_iso (end);
    g_autofree char *qty = settle_format_fixed (line->quantity_milli, 3, TRUE);
    g_autofree char *description = NULL;

    /* TRANSLATORS: a prorated agreement line: description, quantity, first and last
     * day in service, days in service and days in the billing period. */
    description = g_strdup_printf (_("%s × %s, %s to %s (%u of %u days)"), line->description,
                                   qty, from, to, days_in, days);
    out = settle_invoice_add_line (inv, description, 1000, net, line->tax_rate_bp);
    out->item_id = line->item_id;
  }
  return TRUE;
}

static gboolean
add_usage_lines (SettleBook            *book,
                 SettleInvoice         *inv,
                 const SettleAgreement *ag,
                 const SettlePeriod    *period,
                 GError               **error)
{
  SettleSchedule schedule;
  SettlePeriod previous;
  GDate day = period->start;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  settle_agreement_get_schedule (ag, &schedule);
  g_date_subtract_days (&day, 1);
  settle_period_containing (&schedule, &day, &previous);
  for (guint i = 0; i < ag->lines->len; i++)
    {
      const SettleAgreementLine *line = g_ptr_array_index (ag->lines, i);
      g_autofree char *description = NULL;
      SettleInvoiceLine *out;
      gint64 quantity;

      if (!line->usage)
        continue;
      if (!settle_agreement_get_usage (book, line->id, &previous.start, &quantity, error))
        return FALSE;
      if (quantity == 0)
        continue;
      if (from == NULL)
        {
          from = settle_date_to_iso (later (&previous.start, &ag->start_date));
          to = settle_date_to_iso (earlier (&previous.end, &ag->end_date));
        }
      /* TRANSLATORS: a usage line: description, first and last day of the usage period. */
      description = g_strdup_printf (_("%s, usage %s to %s"), line->description, from, to);
      out = settle_invoice_add_line (inv, description, quantity, line->unit_price,
                                     line->tax_rate_bp);
      out->item_id = line->item_id;
    }
  return TRUE;
}

/* The invoice of one period, not saved. */
static SettleInvoice *
build_invoice (SettleBook *book,
               const Due  *due,
               GHashTable *client_terms,
               GError    **error)
{
  const SettleAgreement *ag = due->agreement;
  g_autoptr(SettleInvoice) inv = settle_invoice_new (ag->client_id, ag->currency);
  g_autofree char *from = settle_date_to_iso (later (&due->period.start, &ag->start_date));
  g_autofree char *to = settle_date_to_iso (earlier (&due->period.end, &ag->end_date));

  if (ag->has_terms)
    inv->terms = ag->terms;
  else
    {
      /* A run reads each client's terms once. */
      SettleTerms *terms = g_hash_table_lookup (client_terms, &ag->client_id);

      if (terms == NULL)
        {
          SettleId *key = g_memdup2 (&ag->client_id, sizeof ag->client_id);

          terms = g_new0 (SettleTerms, 1);
          if (!settle_terms_for_client (book, ag->client_id, terms, error))
            {
              g_free (terms);
              g_free (key);
              return NULL;
            }
          g_hash_table_insert (client_terms, key, terms);
        }
      inv->terms = *terms;
    }
  g_free (inv->po_number);
  inv->po_number = g_strdup (ag->po_number);
  g_free (inv->notes);
  if (due->in_service)
    inv->notes = g_strdup_printf (_("Agreement “%s”, service from %s to %s.%s%s"), ag->name,
                                  from, to, *ag->notes ? "\n" : "", ag->notes);
  else
    inv->notes = g_strdup_printf (_("Agreement “%s”, usage of the last period.%s%s"), ag->name,
                                  *ag->notes ? "\n" : "", ag->notes);

  if (due->in_service)
    for (guint i = 0; i < ag->lines->len; i++)
      {
        const SettleAgreementLine *line = g_ptr_array_index (ag->lines, i);

        if (!line->usage && !add_fixed_line (inv, ag, line, &due->period, error))
          return NULL;
      }
  if (!due->first && !add_usage_lines (book, inv, ag, &due->period, error))
    return NULL;
  if (!settle_invoice_compute_totals (inv, error))
    return NULL;
  return g_steal_pointer (&inv);
}

static void
prefix_error (GError   **error,
              const Due *due)
{
  g_autofree char *from = settle_date_to_iso (&due->period.start);

  g_prefix_error (error, _("Agreement “%s” (%s), period from %s: "), due->agreement->name,
                  due->agreement->client_name, from);
}

SettleBillingPlan *
settle_billing_plan (SettleBook  *book,
                     const GDate *as_of,
                     GError     **error)
{
  g_autoptr(SettleBillingPlan) plan = g_new0 (SettleBillingPlan, 1);
  g_autoptr(GHashTable) client_terms = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, g_free);
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GArray) dues = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  plan->as_of = *as_of;
  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_billing_item_free);
  plan->totals_by_currency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!collect_dues (book, as_of, &agreements, &dues, error))
    return NULL;
  for (guint i = 0; i < dues->len; i++)
    {
      const Due *due = &g_array_index (dues, Due, i);
      g_autoptr(SettleInvoice) inv = build_invoice (book, due, client_terms, error);
      SettleBillingItem *item;
      gint64 *sum;

      /* The preview finds what would stop the run (a tax rate removed from the book…). */
      if (inv == NULL || (inv->lines->len > 0 && !settle_invoice_validate (book, inv, error)))
        {
          prefix_error (error, due);
          return NULL;
        }
      item = g_new0 (SettleBillingItem, 1);
      item->agreement_id = due->agreement->id;
      item->client_id = due->agreement->client_id;
      item->client_name = g_strdup (due->agreement->client_name);
      item->agreement_name = g_strdup (due->agreement->name);
      item->period_start = due->period.start;
      item->period_end = due->period.end;
      item->invoice_date = due->invoice_date;
      memcpy (item->currency, due->agreement->currency, 4);
      item->total = inv->total;
      item->n_lines = inv->lines->len;
      g_ptr_array_add (plan->items, item);
      if (item->n_lines == 0)
        continue;
      plan->n_invoices++;
      sum = g_hash_table_lookup (plan->totals_by_currency, item->currency);
      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (plan->totals_by_currency, g_strdup (item->currency), sum);
        }
      if (!settle_checked_add (*sum, item->total, sum))
        {
          g_set_error_literal (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_OVERFLOW,
                               _("The run's total is too large"));
          return NULL;
        }
    }
  return g_steal_pointer (&plan);
}

/* One period: its invoice (saved, issued if the agreement says so) and its
 * billed_periods row, in one savepoint. */
static gboolean
bill_one (SettleBook          *book,
          const Due           *due,
          GHashTable          *client_terms,
          gint64               run_id,
          SettleBillingResult *result,
          GError             **error)
{
  g_autoptr(SettleInvoice) inv = NULL;
  sqlite3_stmt *stmt;

  if (!settle_book_begin (book, error))
    return FALSE;
  inv = build_invoice (book, due, client_terms, error);
  if (inv == NULL)
    goto fail;
  if (inv->lines->len > 0)
    {
      if (!settle_invoice_save_draft (book, inv, error))
        goto fail;
      stmt = settle_book_prepare (book, "UPDATE invoices SET agreement_id = ?1 WHERE id = ?2",
                                  error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, due->agreement->id);
      sqlite3_bind_int64 (stmt, 2, inv->id);
      if (!settle_book_step_done (book, stmt, error))
        goto fail;
      if (due->agreement->auto_issue &&
          !settle_invoice_issue (book, inv->id, &due->invoice_date, error))
        goto fail;
    }
  stmt = settle_book_prepare (book,
                              "INSERT INTO billed_periods (agreement_id, period_start, "
                              "period_end, invoice_id, run_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, due->agreement->id);
  settle_bind_date (stmt, 2, &due->period.start);
  settle_bind_date (stmt, 3, &due->period.end);
  if (inv->id != 0)
    sqlite3_bind_int64 (stmt, 4, inv->id);
  sqlite3_bind_int64 (stmt, 5, run_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (!settle_book_commit (book, error))
    return FALSE;

  if (inv->id == 0)
    result->n_skipped++;
  else
    {
      result->n_created++;
      if (due->agreement->auto_issue)
        result->n_issued++;
    }
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}

static gboolean
start_run (SettleBook  *book,
           const GDate *as_of,
           gint64      *run_id,
           GError     **error)
{
  g_autofree char *now = settle_timestamp_now ();
  sqlite3_stmt *stmt = settle_book_prepare (book, "INSERT INTO billing_runs (as_of, started_at) "
                                                  "VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  settle_bind_date (stmt, 1, as_of);
  settle_bind_text (stmt, 2, now);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  *run_id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  return TRUE;
}

static gboolean
finish_run (SettleBook                *book,
            const SettleBillingResult *result,
            const char                *status,
            GError                   **error)
{
  g_autofree char *now = settle_timestamp_now ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;

  if (!settle_book_begin (book, error))
    return FALSE;
  stmt = settle_book_prepare (book,
                              "UPDATE billing_runs SET finished_at = ?1, status = ?2, "
                              "n_created = ?3, n_issued = ?4, n_skipped = ?5 WHERE id = ?6",
                              error);
  if (stmt == NULL)
    goto fail;
  settle_bind_text (stmt, 1, now);
  settle_bind_text (stmt, 2, status);
  sqlite3_bind_int (stmt, 3, result->n_created);
  sqlite3_bind_int (stmt, 4, result->n_issued);
  sqlite3_bind_int (stmt, 5, result->n_skipped);
  sqlite3_bind_int64 (stmt, 6, result->run_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  detail = g_strdup_printf ("created %u, issued %u, skipped %u", result->n_created,
                            result->n_issued, result->n_skipped);
  if (!settle_activity_log (book, "billing-run", result->run_id, status, detail, NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

static gboolean
query_cache_size (SettleBook *book,
                  int        *size,
                  GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "PRAGMA cache_size", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *size = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

gboolean
settle_billing_run (SettleBook           *book,
                    const GDate          *as_of,
                    SettleBillingProgress progress,
                    gpointer              user_data,
                    GCancellable         *cancellable,
                    SettleBillingResult  *result,
                    GError              **error)
{
  g_autoptr(GHashTable) client_terms = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, g_free);
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GArray) dues = NULL;
  g_autoptr(GError) local = NULL;
  SettleBillingResult res = { 0 };
  const char *status = "finished";
  gboolean batch_open = FALSE;
  guint in_batch = 0;
  int cache_size = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);

  if (!settle_book_lock (book, SETTLE_BOOK_LOCK_RUN, error))
    return FALSE;
  /* A batch dirties pages all over the invoice indexes: with SQLite's default 2 MB
   * cache they spill to the WAL mid-transaction, which doubled the run's time. */
  if (!query_cache_size (book, &cache_size, &local) ||
      !settle_book_exec (book, "PRAGMA cache_size = -65536", &local))
    goto out;
  if (!start_run (book, as_of, &res.run_id, &local) ||
      !collect_dues (book, as_of, &agreements, &dues, &local))
    goto out;

  for (guint i = 0; i < dues->len; i++)
    {
      const Due *due = &g_array_index (dues, Due, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, &local))
        {
          status = "cancelled";
          break;
        }
      if (!batch_open)
        {
          if (!settle_book_begin (book, &local))
            break;
          batch_open = TRUE;
        }
      if (!bill_one (book, due, client_terms, res.run_id, &res, &local))
        {
          prefix_error (&local, due);
          break;
        }
      if (++in_batch == BATCH_SIZE)
        {
          in_batch = 0;
          batch_open = FALSE;
          if (!settle_book_commit (book, &local))
            break;
        }
      if (progress != NULL)
        progress (i + 1, dues->len, user_data);
    }
  /* What is in the open batch is whole invoices: keep it even when the run stops. */
  if (batch_open)
    {
      g_autoptr(GError) commit_error = NULL;

      settle_book_commit (book, local == NULL ? &local : &commit_error);
    }

out:
  if (local != NULL && g_strcmp0 (status, "cancelled") != 0)
    status = "failed";
  if (res.run_id != 0)
    {
      g_autoptr(GError) finish_error = NULL;

      if (!finish_run (book, &res, status, &finish_error))
        {
          if (local == NULL)
            local = g_steal_pointer (&finish_error);
          else
            g_warning ("Cannot record the end of billing run %" G_GINT64_FORMAT ": %s",
                       res.run_id, finish_error->message);
        }
    }
  if (cache_size != 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

      settle_book_exec (book, pragma, NULL);
    }
  settle_book_unlock (book, SETTLE_BOOK_LOCK_RUN);
  if (result != NULL)
    *result = res;
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

guint
settle_billing_count_billed (SettleBook *book,
                             SettleId    agreement_id,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  guint count = 0;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), 0);

  stmt = settle_book_prepare (book, "SELECT count(invoice_id) FROM billed_periods "
                                    "WHERE agreement_id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return count;
}

GArray *
settle_billing_list_invoices (SettleBook *book,
                              SettleId    agreement_id,
                              GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (SettleId));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book, "SELECT invoice_id FROM billed_periods "
                                    "WHERE agreement_id = ?1 AND invoice_id IS NOT NULL "
                                    "ORDER BY period_start", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
