/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-aging.h"
#include "settle-book.h"
#include "settle-dashboard.h"

G_BEGIN_DECLS

/* The dashboard (the window's "aging" page): headline figures (total, overdue, DSO,
 * CEI, ADD, credits), the clients' aging chart, the DSO trend, the 13-week forecast,
 * the top overdue accounts with a one-click reminder, and the per-client aging table
 * with drill-down to the invoices. Computed in a worker on its own connection when the
 * view is shown, and again (once, however many changes came) whenever the book
 * changes while it is. */

#define SETTLE_TYPE_AGING_VIEW (settle_aging_view_get_type ())
G_DECLARE_FINAL_TYPE (SettleAgingView, settle_aging_view, SETTLE, AGING_VIEW, AdwBin)

void                      settle_aging_view_set_book      (SettleAgingView          *self,
                                                           SettleBook               *book);
/* Shows the dashboard on options->as_of with its basis and edges (recomputed). Until
 * called, the view shows today with the book's saved basis and edges. */
void                      settle_aging_view_set_options   (SettleAgingView          *self,
                                                           const SettleAgingOptions *options);
const SettleAgingOptions *settle_aging_view_get_options   (SettleAgingView          *self);
/* The report on screen, or NULL before the first one is in. */
const SettleAgingReport  *settle_aging_view_get_report    (SettleAgingView          *self);
const SettleDashboard    *settle_aging_view_get_dashboard (SettleAgingView          *self);
/* TRUE while the dashboard is being computed or waits to be. */
gboolean                  settle_aging_view_get_busy      (SettleAgingView          *self);
/* The clients' aging chart. */
GtkWidget                *settle_aging_view_get_chart     (SettleAgingView          *self);
/* "Title: figures…", the accessible label and description last given to one of the
 * view's charts (GTK 4.8 has no getter for accessible properties). */
const char               *settle_aging_view_get_chart_text (GtkWidget               *chart);
/* The open invoices of a client (bucket -1 = all) on the view's date, in a window
 * transient for the view's; returns that window. */
GtkWindow                *settle_aging_view_show_entries  (SettleAgingView          *self,
                                                           SettleId                  client_id,
                                                           int                       bucket);
/* TRUE while that window reads its invoices (in a worker). */
gboolean                  settle_aging_view_entries_loading (GtkWindow              *window);

/* Writes kind ("aging", "metrics", "clients", "trend", "forecast" as CSV, "pdf") for the
 * view's date and options to path in a worker, then shows a toast. */
void                      settle_aging_view_export_to     (SettleAgingView          *self,
                                                           const char               *kind,
                                                           const char               *path);
/* TRUE while an export runs. */
gboolean                  settle_aging_view_get_exporting (SettleAgingView          *self);

/* How the dashboard writes a figure: "41.27 days", "85.23 %", "—" when not defined. */
char                     *settle_aging_view_format_days   (gboolean                  defined,
                                                           gint64                    days_x100);
char                     *settle_aging_view_format_percent (gboolean                 defined,
                                                           gint64                    bp);

G_END_DECLS
