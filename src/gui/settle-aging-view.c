/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-aging-item.h"
#include "settle-aging-view.h"
#include "settle-chart.h"
#include "settle-client.h"
#include "settle-format.h"

struct _SettleAgingView
{
  AdwBin               parent_instance;

  SettleBook          *book;
  gulong               changed_id;
  SettleAgingReport   *report;
  GHashTable          *held;    /* ids of the report's clients on hold */
  GListStore          *store;
  guint                computing : 1;
  guint                compute_again : 1;
  guint                stale : 1;

  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkLabel            *total_label;
  GtkLabel            *total_caption;
  GtkLabel            *overdue_label;
  GtkLabel            *overdue_caption;
  GtkLabel            *credit_label;
  GtkLabel            *credit_caption;
  GtkDrawingArea      *chart;
  GtkLabel            *as_of_label;
  GtkColumnView       *client_view;
  GtkColumnViewColumn *bucket_columns[SETTLE_AGING_N_BUCKETS];
  GtkColumnViewColumn *balance_column;
};

G_DEFINE_FINAL_TYPE (SettleAgingView, settle_aging_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void compute (SettleAgingView *self);

static void
set_figure (GtkLabel   *label,
            gint64      amount,
            const char *currency)
{
  g_autofree char *text = settle_format_money (amount, currency);

  gtk_label_set_label (label, text);
}

static void
show_report (SettleAgingView *self)
{
  const SettleAgingReport *report = self->report;
  const char *currency = report->currency;
  g_autofree char *description = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *text = NULL;
  gint64 open = 0;
  gint64 overdue = 0;

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      open += report->totals.buckets[i];
      if (i > 0)
        overdue += report->totals.buckets[i];
    }

  set_figure (self->total_label, open, currency);
  text = g_strdup_printf (ngettext ("%u client with open invoices",
                                    "%u clients with open invoices", report->rows->len),
                          report->rows->len);
  gtk_label_set_label (self->total_caption, text);
  g_clear_pointer (&text, g_free);

  set_figure (self->overdue_label, overdue, currency);
  if (open > 0)
    /* Translators: the share of receivables past due, "38 % of receivables". */
    text = g_strdup_printf (_("%d %% of receivables"), (int) ((overdue * 100 + open / 2) / open));
  gtk_label_set_label (self->overdue_caption, text != NULL ? text : "");
  g_clear_pointer (&text, g_free);

  set_figure (self->credit_label, report->totals.credit, currency);
  {
    g_autofree char *net = settle_format_money (report->totals.balance, currency);

    /* Translators: receivables less unapplied credits. */
    text = g_strdup_printf (_("Net balance %s"), net);
    gtk_label_set_label (self->credit_caption, text);
    g_clear_pointer (&text, g_free);
  }

  as_of = settle_format_date_long (&report->as_of);
  if (report->basis == SETTLE_AGING_BY_INVOICE_DATE)
    text = g_strdup_printf (_("As of %s, by days since the invoice date"), as_of);
  else
    text = g_strdup_printf (_("As of %s, by days past the due date"), as_of);
  gtk_label_set_label (self->as_of_label, text);

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      g_autofree char *title = settle_aging_bucket_label (report, i);

      gtk_column_view_column_set_title (self->bucket_columns[i], title);
    }

  description = settle_chart_describe_aging (report);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Receivables by age"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));

  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < report->rows->len; i++)
      {
        const SettleAgingRow *row = g_ptr_array_index (report->rows, i);
        SettleAgingItem *item = settle_aging_item_new (row, currency);

        settle_aging_item_set_on_hold (item, self->held != NULL
                                               && g_hash_table_contains (self->held, &row->client_id));
        g_ptr_array_add (items, item);
      }
    g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                         items->pdata, items->len);
  }

  if (report->rows->len == 0 && open == 0 && report->totals.credit == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
set_computing (SettleAgingView *self,
               gboolean         computing)
{
  self->computing = !!computing;
  gtk_spinner_set_spinning (self->spinner, computing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  SettleAgingReport *report;
  GHashTable        *held;
} Computed;

static void
computed_free (Computed *computed)
{
  g_clear_pointer (&computed->report, settle_aging_report_free);
  g_clear_pointer (&computed->held, g_hash_table_unref);
  g_free (computed);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SettleBook *book = task_data;
  g_autoptr(SettleBook) conn = NULL;
  SettleAgingReport *report = NULL;
  Computed *computed;
  GError *error = NULL;
  GDate today;

  conn = settle_book_open_worker (book, &error);
  if (conn != NULL)
    {
      settle_today (&today);
      report = settle_aging_compute (conn, &today, SETTLE_AGING_BY_DUE_DATE, NULL, &error);
    }
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* An account on hold is marked wherever its client is listed. */
  computed = g_new0 (Computed, 1);
  computed->report = report;
  computed->held = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const SettleAgingRow *row = g_ptr_array_index (report->rows, i);
      g_autoptr(SettleClient) client = settle_client_load (conn, row->client_id, NULL);

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
  SettleBook *book = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Computed *computed;

  computed = g_task_propagate_pointer (G_TASK (result), &error);
  if (computed == NULL)
    g_warning ("Cannot compute the aging report: %s", error->message);
  else if (book != self->book)
    computed_free (computed);
  else
    {
      g_clear_pointer (&self->report, settle_aging_report_free);
      g_clear_pointer (&self->held, g_hash_table_unref);
      self->report = g_steal_pointer (&computed->report);
      self->held = g_steal_pointer (&computed->held);
      computed_free (computed);
      show_report (self);
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

  if (self->book == NULL)
    return;
  if (self->computing)
    {
      self->compute_again = TRUE;
      return;
    }

  self->stale = FALSE;
  set_computing (self, TRUE);
  if (self->report == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  task = g_task_new (self, NULL, compute_done, NULL);
  g_task_set_source_tag (task, compute);
  g_task_set_task_data (task, g_object_ref (self->book), g_object_unref);
  g_task_run_in_thread (task, compute_thread);
}

static void
book_changed_cb (SettleAgingView *self)
{
  /* A hidden dashboard waits until it is shown: aging a big book takes a while. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  else
    self->stale = TRUE;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  SettleAgingView *self = user_data;
  PangoContext *context;

  if (self->report == NULL)
    return;
  context = gtk_widget_get_pango_context (GTK_WIDGET (area));
  settle_chart_draw_aging (cr, width, height, self->report,
                           pango_context_get_font_description (context),
                           adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

static gboolean
chart_query_tooltip_cb (GtkWidget       *widget,
                        int              x,
                        int              y,
                        gboolean         keyboard_mode,
                        GtkTooltip      *tooltip,
                        SettleAgingView *self)
{
  g_autofree char *text = NULL;
  int bucket;

  if (self->report == NULL)
    return FALSE;
  if (keyboard_mode)
    text = settle_chart_describe_aging (self->report);
  else
    {
      bucket = settle_chart_aging_bar_at (gtk_widget_get_width (widget),
                                          gtk_widget_get_height (widget),
                                          self->report, x, y);
      if (bucket < 0)
        return FALSE;
      text = settle_chart_describe_aging_bucket (self->report, bucket);
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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
dark_changed_cb (SettleAgingView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
settle_aging_view_dispose (GObject *object)
{
  SettleAgingView *self = SETTLE_AGING_VIEW (object);

  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_clear_object (&self->book);
  g_clear_pointer (&self->report, settle_aging_report_free);
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
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, total_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, total_caption);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, overdue_caption);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, credit_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, credit_caption);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, chart);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgingView, client_view);
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
  gtk_widget_class_bind_template_callback (widget_class, chart_query_tooltip_cb);
}

static void
settle_aging_view_init (SettleAgingView *self)
{
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

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

  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
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
  g_clear_pointer (&self->report, settle_aging_report_free);
  g_clear_pointer (&self->held, g_hash_table_unref);
  g_list_store_remove_all (self->store);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (book == NULL)
    return;
  self->changed_id = g_signal_connect_object (book, "changed", G_CALLBACK (book_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  book_changed_cb (self);
}

const SettleAgingReport *
settle_aging_view_get_report (SettleAgingView *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_VIEW (self), NULL);
  return self->report;
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
