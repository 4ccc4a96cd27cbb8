/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-aging-view.h"
#include "settle-dashboard.h"

G_BEGIN_DECLS

/* Clients drawn one by one in the stacked chart; the rest are "Others". */
#define SETTLE_AGING_VIEW_CHART_ROWS 8
/* Rows of the top overdue accounts list. */
#define SETTLE_AGING_VIEW_TOP_ROWS   5

struct _SettleAgingView
{
  AdwBin               parent_instance;

  SettleBook          *book;
  gulong               changed_id;
  SettleDashboard     *dashboard;
  GHashTable          *held;       /* ids of the dashboard's clients on hold */
  GListStore          *store;
  GCancellable        *cancellable;
  SettleAgingOptions   options;    /* what the next computation uses */
  gboolean             options_set;/* options hold the bookkeeper's choice (else: today) */
  guint                computing : 1;
  guint                compute_again : 1;
  guint                stale : 1;
  guint                exporting : 1;
  guint                updating_toolbar : 1;

  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkSpinner          *busy_spinner;
  GtkMenuButton       *as_of_button;
  GtkPopover          *as_of_popover;
  GtkCalendar         *calendar;
  GtkWidget           *today_button;
  GtkToggleButton     *basis_due_button;
  GtkToggleButton     *basis_invoice_button;
  GtkMenuButton       *edges_button;
  GtkPopover          *edges_popover;
  GtkEntry            *edges_entry;
  GtkLabel            *edges_error;
  GtkWidget           *edges_apply;
  GtkWidget           *rule_button;
  GtkLabel            *rule_label;
  GtkMenuButton       *export_button;
  GtkScrolledWindow   *scroller;
  GtkLabel            *as_of_label;
  GtkLabel            *total_label;
  GtkLabel            *total_caption;
  GtkLabel            *overdue_label;
  GtkLabel            *overdue_caption;
  GtkWidget           *dso_card;
  GtkLabel            *dso_label;
  GtkLabel            *dso_caption;
  GtkWidget           *cei_card;
  GtkLabel            *cei_label;
  GtkLabel            *cei_caption;
  GtkLabel            *add_label;
  GtkLabel            *credit_label;
  GtkLabel            *clients_label;
  GtkDrawingArea      *chart;
  GtkDrawingArea      *trend_chart;
  GtkDrawingArea      *forecast_chart;
  GtkListBox          *top_list;
  GtkColumnView       *client_view;
  GtkColumnViewColumn *client_column;
  GtkColumnViewColumn *bucket_columns[SETTLE_AGING_N_BUCKETS];
  GtkColumnViewColumn *credit_column;
  GtkColumnViewColumn *risk_column;
  GtkColumnViewColumn *balance_column;
};

/* settle-aging-view.c */
void        settle_aging_view_recompute        (SettleAgingView *self);
void        settle_aging_view_toast            (SettleAgingView *self,
                                                const char      *text);
/* The client's behaviour in the dashboard, or NULL. */
const SettleClientBehaviour *
            settle_aging_view_find_behaviour   (SettleAgingView *self,
                                                SettleId         client_id);

/* settle-aging-view-toolbar.c */
void        settle_aging_view_toolbar_init     (SettleAgingView *self);
void        settle_aging_view_toolbar_update   (SettleAgingView *self);
void        settle_aging_view_toolbar_class_init (GtkWidgetClass *widget_class);

/* settle-aging-view-table.c: the per-client table's cells and rows */
void        settle_aging_view_table_init       (SettleAgingView *self);
void        settle_aging_view_table_update     (SettleAgingView *self);

/* settle-aging-view-charts.c */
void        settle_aging_view_charts_init      (SettleAgingView *self);
void        settle_aging_view_charts_update    (SettleAgingView *self);
void        settle_aging_view_charts_class_init (GtkWidgetClass *widget_class);

/* settle-aging-view-accounts.c: top overdue accounts, reminders, drill-down */
void        settle_aging_view_accounts_update  (SettleAgingView *self);
void        settle_aging_view_accounts_class_init (GtkWidgetClass *widget_class);
void        settle_aging_view_open_client      (SettleAgingView *self,
                                                SettleId         client_id);

G_END_DECLS
