/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A column's sorter that sorts nothing itself: it carries the key the book's
 * query orders by (a SettleInvoiceSort or SettleClientSort value), so clicking a
 * column header changes the ORDER BY instead of sorting a million rows in memory. */

#define SETTLE_TYPE_SQL_SORTER (settle_sql_sorter_get_type ())
G_DECLARE_FINAL_TYPE (SettleSqlSorter, settle_sql_sorter, SETTLE, SQL_SORTER, GtkSorter)

SettleSqlSorter *settle_sql_sorter_new     (int        key);
int              settle_sql_sorter_get_key (SettleSqlSorter *self);

/* Which SettleSqlSorter key a column view's sorter puts first, and in which
 * direction. FALSE when no column sorts. */
gboolean         settle_sql_sorter_get_primary (GtkSorter *column_view_sorter,
                                                int       *key,
                                                gboolean  *descending);

G_END_DECLS
