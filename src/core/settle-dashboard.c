/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <string.h>

#include "settle-book-private.h"
#include "settle-dashboard.h"
#include "settle-metrics-private.h"

void
settle_dashboard_free (SettleDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  g_clear_pointer (&dashboard->aging, settle_aging_report_free);
  g_clear_pointer (&dashboard->clients, g_ptr_array_unref);
  g_free (dashboard);
}

/* The last day of the month `back` months before date's month. */
static void
month_end (const GDate *date,
           int          back,
           GDate       *end)
{
  GDateMonth m;
  GDateYear y;

  *end = *date;
  g_date_set_day (end, 1);
  g_date_subtract_months (end, back);
  m = g_date_get_month (end);
  y = g_date_get_year (end);
  g_date_set_day (end, g_date_get_days_in_month (m, y));
}

static void
fill_trend (SettleDashboard         *dashboard,
            const SettleLedgerFlows *flows)
{
  const GDate *as_of = &dashboard->options.as_of;

  for (int k = 0; k < SETTLE_TREND_N_MONTHS; k++)
    {
      SettleMetricsMonth *month = &dashboard->trend[k];
      int back = SETTLE_TREND_N_MONTHS - 1 - k;
      GDate first, start;
      gint64 sales;
      int days;

      if (back == 0)
        month->month_end = *as_of;
      else
        month_end (as_of, back, &month->month_end);
      first = month->month_end;
      g_date_set_day (&first, 1);
      month->ending_ar = settle_ledger_flows_ar (flows, &month->month_end);
      month->credit_sales = settle_ledger_flows_sales (flows, &first, &month->month_end);
      settle_metrics_period (&month->month_end, SETTLE_DASHBOARD_MONTHS, &start, &days);
      sales = settle_ledger_flows_sales (flows, &start, &month->month_end);
      month->dso_defined = sales > 0;
      month->dso_x100 = sales > 0
                        ? settle_metrics_round_ratio (month->ending_ar, (gint64) days * 100, sales)
                        : 0;
    }
}

/* The first day the flows must cover: the metrics' and the first trend month's. */
static void
flows_first_day (const GDate *as_of,
                 GDate       *first)
{
  GDate trend_start;

  settle_metrics_flows_start (as_of, SETTLE_DASHBOARD_MONTHS, first);
  month_end (as_of, SETTLE_TREND_N_MONTHS - 1, &trend_start);
  settle_metrics_period (&trend_start, SETTLE_DASHBOARD_MONTHS, &trend_start, NULL);
  g_date_subtract_days (&trend_start, 1);
  if (g_date_compare (&trend_start, first) < 0)
    *first = trend_start;
}

typedef struct
{
  GDate  due_date;
  gint64 amount;
} Instalment;

/* invoice id -> GArray of Instalment, last instalment first, of the plans active on
 * as_of. */
static GHashTable *
load_instalments (SettleBook  *book,
                  const GDate *as_of,
                  GError     **error)
{
  g_autoptr(GHashTable) plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book,
                              "SELECT p.invoice_id, i.due_date, i.amount FROM instalment_plans p "
                              "JOIN instalments i ON i.plan_id = p.id "
                              "WHERE p.status = 'active' AND p.created_on <= ?1 "
                              "ORDER BY p.invoice_id, i.number DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  settle_bind_date (stmt, 1, as_of);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);
      GArray *list = g_hash_table_lookup (plans, &id);
      Instalment inst;

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (Instalment));
          g_hash_table_insert (plans, g_memdup2 (&id, sizeof id), list);
        }
      settle_column_date (stmt, 1, &inst.due_date);
      inst.amount = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (list, inst);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&plans);
}

static void
expect (SettleDashboard *dashboard,
        const GDate     *due_date,
        int              delay,
        gint64           amount)
{
  const GDate *as_of = &dashboard->options.as_of;
  GDate when = *due_date;
  int days;

  if (delay > 0)
    g_date_add_days (&when, delay);
  days = MAX (0, g_date_days_between (as_of, &when));
  if (days / 7 >= SETTLE_FORECAST_N_WEEKS)
    {
      dashboard->forecast_later += amount;
      return;
    }
  dashboard->forecast[days / 7].expected += amount;
  if (g_date_compare (due_date, as_of) < 0)
    dashboard->forecast[days / 7].overdue_part += amount;
}

static void
fill_forecast (SettleDashboard *dashboard,
               GArray          *items,
               GHashTable      *plans)
{
  g_autoptr(GHashTable) delays = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < dashboard->clients->len; i++)
    {
      SettleClientBehaviour *b = g_ptr_array_index (dashboard->clients, i);

      g_hash_table_insert (delays, &b->client_id, b);
    }
  for (int w = 0; w < SETTLE_FORECAST_N_WEEKS; w++)
    {
      dashboard->forecast[w].week_start = dashboard->options.as_of;
      g_date_add_days (&dashboard->forecast[w].week_start, 7 * w);
    }

  for (guint i = 0; i < items->len; i++)
    {
      const SettleOpenItem *item = &g_array_index (items, SettleOpenItem, i);
      SettleClientBehaviour *b = g_hash_table_lookup (delays, &item->client_id);
      int delay = b != NULL ? b->expected_delay_days : dashboard->book_delay_days;
      GArray *plan;
      gint64 rest;

      if (item->disputed)
        {
          dashboard->forecast_later += item->open;
          dashboard->forecast_disputed += item->open;
          continue;
        }
      plan = g_hash_table_lookup (plans, &item->invoice_id);
      if (plan == NULL || item->open < 0)
        {
          expect (dashboard, &item->due_date, delay, item->open);
          continue;
        }
      /* What was paid went to the first instalments: the open rest is the last ones. */
      rest = item->open;
      for (guint k = 0; k < plan->len && rest > 0; k++)
        {
          const Instalment *inst = &g_array_index (plan, Instalment, k);
          gint64 part = MIN (inst->amount, rest);

          expect (dashboard, &inst->due_date, delay, part);
          rest -= part;
        }
      if (rest > 0)
        expect (dashboard, &item->due_date, delay, rest);
    }
}

SettleDashboard *
settle_dashboard_compute (SettleBook               *book,
                          const SettleAgingOptions *options,
                          GError                  **error)
{
  g_autoptr(SettleDashboard) dashboard = g_new0 (SettleDashboard, 1);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GHashTable) plans = NULL;
  g_autofree char *currency = NULL;
  SettleLedgerFlows flows = { 0 };
  gint64 ending_ar = 0;
  GDate first;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  if (options != NULL)
    dashboard->options = *options;
  else
    settle_aging_options_init (&dashboard->options, book, NULL);
  g_return_val_if_fail (g_date_valid (&dashboard->options.as_of), NULL);
  currency = dashboard->options.currency[0] != '\0'
             ? g_strdup (dashboard->options.currency)
             : settle_metrics_book_currency (book);

  /* One snapshot: a writer between the reads cannot make the parts disagree. */
  if (!settle_book_exec (book, "SAVEPOINT dashboard", error))
    return NULL;
  dashboard->aging = settle_aging_compute_with (book, &dashboard->options, error);
  if (dashboard->aging == NULL
      || !settle_metrics_load_items (book, &dashboard->options.as_of, currency, &items, error))
    goto fail;
  for (guint i = 0; i < items->len; i++)
    ending_ar += g_array_index (items, SettleOpenItem, i).open;
  flows_first_day (&dashboard->options.as_of, &first);
  if (!settle_metrics_load_flows (book, &first, &dashboard->options.as_of, currency, ending_ar,
                                  &flows, error))
    goto fail;
  dashboard->clients = settle_metrics_clients_from_items (book, &dashboard->options.as_of,
                                                          currency, items,
                                                          &dashboard->book_delay_days, error);
  if (dashboard->clients == NULL)
    goto fail;
  plans = load_instalments (book, &dashboard->options.as_of, error);
  if (plans == NULL)
    goto fail;
  settle_book_exec (book, "RELEASE dashboard", NULL);

  settle_metrics_fill (&dashboard->metrics, &dashboard->options.as_of, SETTLE_DASHBOARD_MONTHS,
                       currency, items, &flows, dashboard->aging->totals.credit);
  fill_trend (dashboard, &flows);
  fill_forecast (dashboard, items, plans);
  settle_ledger_flows_clear (&flows);
  return g_steal_pointer (&dashboard);

fail:
  settle_ledger_flows_clear (&flows);
  settle_book_exec (book, "ROLLBACK TO dashboard; RELEASE dashboard", NULL);
  return NULL;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(SettleBook) worker = NULL;
  SettleDashboard *dashboard;
  GError *error = NULL;

  worker = settle_book_open_worker (source_object, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  dashboard = settle_dashboard_compute (worker, task_data, &error);
  if (dashboard == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dashboard, (GDestroyNotify) settle_dashboard_free);
}

void
settle_dashboard_compute_async (SettleBook               *book,
                                const SettleAgingOptions *options,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  SettleAgingOptions *copy = g_new0 (SettleAgingOptions, 1);

  g_return_if_fail (SETTLE_IS_BOOK (book));

  /* The options are read here, on the book's own connection, not in the worker. */
  if (options != NULL)
    *copy = *options;
  else
    settle_aging_options_init (copy, book, NULL);
  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, settle_dashboard_compute_async);
  g_task_set_task_data (task, copy, g_free);
  /* A newer request replaces an older one: a cancelled one reports nothing. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, compute_thread);
}

SettleDashboard *
settle_dashboard_compute_finish (SettleBook   *book,
                                 GAsyncResult *result,
                                 GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, book), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == settle_dashboard_compute_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
