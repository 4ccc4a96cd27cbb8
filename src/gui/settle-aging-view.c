/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard: headline figures, charts, top overdue accounts and the per-client
 * aging table, all from one SettleDashboard computed in a worker on its own
 * connection. The toolbar (settle-aging-view-toolbar.c), the charts
 * (settle-aging-view-charts.c) and the accounts with their reminders and drill-down
 * (settle-aging-view-accounts.c) live in their own files. */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-aging-item.h"
#include "settle-aging-view-private.h"
#include "settle-chart-dashboard.h"
#include "settle-client.h"
#include "settle-format.h"
#include "settle-window.h"

G_DEFINE_FINAL_TYPE (SettleAgingView, settle_aging_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void compute (SettleAgingView *self);

char *
settle_aging_view_format_percent (gboolean defined,
                                  gint64   bp)
{
  if (!defined)
    return g_strdup ("—");
  return settle_format_rate ((int) CLAMP (bp, G_MININT, G_MAXINT));
}

char *
settle_aging_view_format_days (gboolean defined,
                               gint64   days_x100)
{
  if (!defined)
    return g_strdup ("—");
  return settle_chart_format_days (days_x100);
}

static void
set_text (GtkLabel *label,
          char     *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  g_free (text);
}

static void
show_figures (SettleAgingView *self)
{
  const SettleDashboard *d = self->dashboard;
  const SettleMetrics *m = &d->metrics;
  const SettleAgingReport *report = d->aging;
  const char *currency = report->currency;
  g_autofree char *as_of = settle_format_date_long (&report->as_of);
  g_autofree char *net = settle_format_money (report->totals.balance, currency);
  gint64 open = 0, overdue = 0, share = 0;

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      open += report->totals.buckets[i];
      if (i > 0)
        overdue += report->totals.buckets[i];
    }

  if (report->basis == SETTLE_AGING_BY_INVOICE_DATE)
    set_text (self->as_of_label,
              g_strdup_printf (_("What was open at the end of %s, aged by days since the invoice date."),
                               as_of));
  else
    set_text (self->as_of_label,
              g_strdup_printf (_("What was open at the end of %s, aged by days past the due date."),
                               as_of));

  set_text (self->total_label, settle_format_money (open, currency));
  /* Translators: receivables less unapplied credits, under the total. */
  set_text (self->total_caption, g_strdup_printf (_("Net of credits %s"), net));

  set_text (self->overdue_label, settle_format_money (overdue, currency));
  if (open > 0)
    {
      g_autofree char *percent = NULL;

      share = settle_metrics_round_ratio (overdue, 10000, open);
      percent = settle_format_rate ((int) share);
      /* Translators: the share of receivables past due, "38.12 % of receivables". */
      set_text (self->overdue_caption, g_strdup_printf (_("%s of receivables"), percent));
    }
  else
    gtk_label_set_label (self->overdue_caption, "");

  set_text (self->dso_label, settle_aging_view_format_days (m->dso_defined, m->dso_simple_x100));
  {
    g_autofree char *countback = settle_aging_view_format_days (m->dso_defined, m->dso_countback_x100);
    g_autofree char *best = settle_aging_view_format_days (m->dso_defined, m->best_dso_x100);
    g_autofree char *average = settle_aging_view_format_days (m->dso_defined, m->dso_average_x100);
    g_autofree char *sales = settle_format_money (m->credit_sales, currency);
    g_autofree char *tooltip = NULL;

    /* Translators: under the DSO figure; both %s are day figures */
    set_text (self->dso_caption, g_strdup_printf (_("Countback %s · best possible %s"), countback,
                                                  best));
    tooltip = g_strdup_printf (_("Days sales outstanding, simple method: receivables at the end of "
                                 "the period divided by the credit sales of the last 3 months (%s), "
                                 "times the %d days of the period. "
                                 "Countback method (days of recent sales that make up the "
                                 "receivables): %s. Average of beginning and ending receivables: %s. "
                                 "Best possible DSO (only current receivables): %s."),
                               sales, m->period_days, countback, average, best);
    gtk_widget_set_tooltip_text (self->dso_card, tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->dso_card),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  }

  set_text (self->cei_label, settle_aging_view_format_percent (m->cei_defined, m->cei_bp));
  set_text (self->cei_caption, g_strdup (_("Of what could be collected in the last 3 months")));
  {
    /* xgettext:no-c-format */
    const char *tooltip = _("Collection effectiveness index: (beginning receivables + credit "
                            "sales − ending receivables) ÷ (beginning receivables + credit sales − "
                            "ending current receivables) × 100. 100 % means everything that "
                            "fell due was collected.");

    gtk_widget_set_tooltip_text (self->cei_card, tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->cei_card),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  }

  set_text (self->add_label, settle_aging_view_format_days (m->dso_defined, m->add_x100));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_label),
                               _("Average days delinquent: DSO minus best possible DSO, the days "
                                 "receivables stay out because clients pay late."));
  set_text (self->credit_label, settle_format_money (m->unapplied_credit, currency));
  set_text (self->clients_label, g_strdup_printf ("%u", report->rows->len));
}

static void
show_dashboard (SettleAgingView *self)
{
  const SettleAgingReport *report = self->dashboard->aging;
  gint64 open = 0;

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    open += report->totals.buckets[i];

  show_figures (self);
  settle_aging_view_table_update (self);
  settle_aging_view_charts_update (self);
  settle_aging_view_accounts_update (self);
  settle_aging_view_toolbar_update (self);

  /* A past date with nothing open still shows its (empty) dashboard: only a book
   * that owes nothing today is "Nothing Owed". */
  if (report->rows->len == 0 && open == 0 && report->totals.credit == 0 && !self->options_set)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "report");
}

const SettleClientBehaviour *
settle_aging_view_find_behaviour (SettleAgingView *self,
                                  SettleId         client_id)
{
  if (self->dashboard == NULL || self->dashboard->clients == NULL)
    return NULL;
  for (guint i = 0; i < self->dashboard->clients->len; i++)
    {
      const SettleClientBehaviour *b = g_ptr_array_index (self->dashboard->clients, i);

      if (b->client_id == client_id)
        return b;
    }
  return NULL;
}

static void
set_computing (SettleAgingView *self,
               gboolean         computing)
{
  self->computing = !!computing;
  gtk_spinner_set_spinning (self->spinner, computing);
  gtk_spinner_set_spinning (self->busy_spinner, computing);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), computing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  SettleBook        *book;
  SettleAgingOptions options;
} ComputeData;

typedef struct
{
  SettleDashboard *dashboard;
  GHashTable      *held;
} Computed;

static void
compute_data_free (ComputeData *data)
{
  g_clear_object (&data->book);
  g_free (data);
}

static void
computed_free (Computed *computed)
{
  g_clear_pointer (&computed->dashboard, settle_dashboard_free);
  g_clear_pointer (&computed->held, g_hash_table_unref);
  g_free (computed);
}

/* The dashboard (settle_dashboard_compute) and the clients on hold, on the worker's
 * own connection: the window's connection is never used off its thread. */
static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  g_autoptr(SettleBook) conn = NULL;
  SettleDashboard *dashboard = NULL;
  Computed *computed;
  GError *error = NULL;

  conn = settle_book_open_worker (data->book, &error);
  if (conn != NULL)
    dashboard = settle_dashboard_compute (conn, &data->options, &error);
  if (dashboard == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  computed = g_new0 (Computed, 1);
  computed->dashboard = dashboard;
  computed->held = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < dashboard->aging->rows->len; i++)
    {
      const SettleAgingRow *row = g_ptr_array_index (dashboard->aging->rows, i);
      g_autoptr(SettleClient) client = NULL;

      if (g_task_return_error_if_cancelled (task))
        {
          computed_free (computed);
          return;
        }
      client = settle_client_load (conn, row->client_id, NULL);
      if (client != NULL && client->on_hold)
        g_hash_table_add (computed->held, g_memdup2 (&row->client_id, sizeof row->client_id));
    }
  g_task_return_pointer (task, computed, (GDestroyNotify) computed_free);
}

static void
compute_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SettleAgingView *self = SETTLE_AGING_VIEW (source_object);
  ComputeData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Computed *computed;

  computed = g_task_propagate_pointer (G_TASK (result), &error);
  if (computed == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("Cannot compute the dashboard: %s"),
                                                   error->message);

          g_warning ("%s", text);
          settle_aging_view_toast (self, text);
        }
    }
  else if (data->book != self->book)
    computed_free (computed);
  else
    {
      g_clear_pointer (&self->dashboard, settle_dashboard_free);
      g_clear_pointer (&self->held, g_hash_table_unref);
      self->dashboard = g_steal_pointer (&computed->dashboard);
      self->held = g_steal_pointer (&computed->held);
      computed_free (computed);
      show_dashboard (self);
    }

  self->computing = FALSE;
  if (self->compute_again)
    {
      self->compute_again = FALSE;
      compute (self);
    }
  if (!self->computing)
    set_computing (self, FALSE);
}

static void
compute (SettleAgingView *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  if (self->book == NULL)
    return;
  /* One computation at a time; changes meanwhile make one more afterwards. */
  if (self->computing)
    {
      self->compute_again = TRUE;
      return;
    }

  self->stale = FALSE;
  set_computing (self, TRUE);
  if (self->dashboard == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  data = g_new0 (ComputeData, 1);
  data->book = g_object_ref (self->book);
  if (self->options_set)
    data->options = self->options;
  else
    {
      /* Today, with the book's saved basis and edges, read when it is computed. */
      settle_aging_options_init (&data->options, self->book, NULL);
      self->options = data->options;
    }
  task = g_task_new (self, self->cancellable, compute_done, NULL);
  g_task_set_source_tag (task, compute);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

void
settle_aging_view_recompute (SettleAgingView *self)
{
  compute (self);
}

void
settle_aging_view_toast (SettleAgingView *self,
                         const char      *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SETTLE_IS_WINDOW (root))
    settle_window_add_toast (SETTLE_WINDOW (root), adw_toast_new (text));
}

static void
book_changed_cb (SettleAgingView *self)
{
  /* A hidden dashboard waits until it is shown: a big book takes a while. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  else
    self->stale = TRUE;
}

static void
settle_aging_view_map (GtkWidget *widget)
{
  SettleAgingView *self = SETTLE_AGING_VIEW (widget);

  GTK_WIDGET_CLASS (settle_aging_view_parent_class)->map (widget);

  if (self->stale)
    compute (self);
}

static void
settle_aging_view_dispose (GObject *object)
{
  SettleAgingView *self = SETTLE_AGING_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_clear_object (&self->book);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->dashboard, settle_dashboard_free);
  g_clear_pointer (&self->held, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (settle_aging_view_parent_class)->dispose (object);
}

static void
settle_aging_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SettleAgingView *self = SETTLE_AGING_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, settle_aging_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_aging_view_class_init (SettleAgingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_aging_view_dispose;
  object_class->get_property = settle_aging_view_get_property;
  widget_class->map = settle_aging_view_map;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SETTLE_TYPE_AGING_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-aging-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, stack);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, calendar);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, today_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, basis_due_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, basis_invoice_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, edges_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, edges_popover);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, edges_entry);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, edges_error);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, edges_apply);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, rule_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, rule_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, export_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, total_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, total_caption);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, overdue_caption);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, dso_card);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, dso_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, dso_caption);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, cei_card);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, cei_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, cei_caption);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, add_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, credit_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, clients_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, chart);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, forecast_chart);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, top_list);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, client_view);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, client_column);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, credit_column);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, risk_column);
  gtk_widget_class_bind_template_child_full (widget_class, "bucket0_column", FALSE,
                                             G_STRUCT_OFFSET (SettleAgingView, bucket_columns[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "bucket1_column", FALSE,
                                             G_STRUCT_OFFSET (SettleAgingView, bucket_columns[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "bucket2_column", FALSE,
                                             G_STRUCT_OFFSET (SettleAgingView, bucket_columns[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "bucket3_column", FALSE,
                                             G_STRUCT_OFFSET (SettleAgingView, bucket_columns[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "bucket4_column", FALSE,
                                             G_STRUCT_OFFSET (SettleAgingView, bucket_columns[4]));
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, balance_column);

  settle_aging_view_toolbar_class_init (widget_class);
  settle_aging_view_charts_class_init (widget_class);
  settle_aging_view_accounts_class_init (widget_class);
}

static void
settle_aging_view_init (SettleAgingView *self)
{
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  settle_aging_view_table_init (self);

  /* One row per client with something open: a few thousand at most, so sorting
   * in memory is fine here, unlike the invoice list. */
  self->store = g_list_store_new (SETTLE_TYPE_AGING_ITEM);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->client_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->client_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_sort_by_column (self->client_view, self->balance_column, GTK_SORT_DESCENDING);

  gtk_label_set_label (self->rule_label, settle_risk_rule_text ());
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
  settle_aging_view_toolbar_init (self);
  settle_aging_view_charts_init (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
settle_aging_view_set_book (SettleAgingView *self,
                            SettleBook      *book)
{
  g_return_if_fail (SETTLE_IS_AGING_VIEW (self));
  g_return_if_fail (book == NULL || SETTLE_IS_BOOK (book));

  if (self->book == book)
    return;
  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_set_object (&self->book, book);
  g_clear_pointer (&self->dashboard, settle_dashboard_free);
  g_clear_pointer (&self->held, g_hash_table_unref);
  self->options_set = FALSE;
  g_list_store_remove_all (self->store);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (book == NULL)
    return;
  self->changed_id = g_signal_connect_object (book, "changed", G_CALLBACK (book_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  book_changed_cb (self);
}

void
settle_aging_view_set_options (SettleAgingView          *self,
                               const SettleAgingOptions *options)
{
  g_return_if_fail (SETTLE_IS_AGING_VIEW (self));
  g_return_if_fail (options != NULL && g_date_valid (&options->as_of));

  self->options = *options;
  self->options_set = TRUE;
  compute (self);
}

const SettleAgingOptions *
settle_aging_view_get_options (SettleAgingView *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_VIEW (self), NULL);
  return &self->options;
}

const SettleAgingReport *
settle_aging_view_get_report (SettleAgingView *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_VIEW (self), NULL);
  return self->dashboard != NULL ? self->dashboard->aging : NULL;
}

const SettleDashboard *
settle_aging_view_get_dashboard (SettleAgingView *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_VIEW (self), NULL);
  return self->dashboard;
}

gboolean
settle_aging_view_get_busy (SettleAgingView *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_VIEW (self), FALSE);
  return self->computing || self->compute_again || (self->stale && self->book != NULL);
}

GtkWidget *
settle_aging_view_get_chart (SettleAgingView *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_VIEW (self), NULL);
  return GTK_WIDGET (self->chart);
}
