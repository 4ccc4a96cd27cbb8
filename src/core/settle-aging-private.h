/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-aging.h"
#include "settle-book-private.h"

G_BEGIN_DECLS

/* Items open on ?1 in currency ?5: issued by then and closed after it (or still
 * open), less what was applied to them by then and not reversed by then. Two range
 * scans of the covering index invoices_history (closed_on IS NULL; closed_on > ?1)
 * instead of an OR, which the planner would turn into a scan of every invoice;
 * applications are summed only for those items, from applications_by_invoice
 * (covering since 0007). extra_cols and extra_where let the drill-down read more
 * columns and narrow to one client. */
#define SETTLE_AGING_HISTORICAL_ITEMS(closed, extra_cols, extra_where) \
  "SELECT i.client_id, i.due_date, i.issue_date, i.total - COALESCE (" \
  "  (SELECT SUM (a.amount) FROM applications a WHERE a.invoice_id = i.id AND a.date <= ?1 " \
  "   AND (a.reversed_on IS NULL OR a.reversed_on > ?1)), 0) AS bal" extra_cols " " \
  "FROM invoices i WHERE " closed " AND i.issue_date <= ?1 AND i.status <> 'draft' " \
  "AND i.currency = ?5 " extra_where

/* The edges as ISO dates for options->as_of: cut[0] is as_of itself (an item dated
 * on or after it is in bucket 0), cut[k] = as_of − edges[k-1] (an item dated on or
 * after it, and before cut[k-1], is in bucket k); older items are in the last one. */
typedef struct
{
  char cut[SETTLE_AGING_N_BUCKETS - 1][11];
} SettleAgingCutoffs;

void     settle_aging_cutoffs_init (SettleAgingCutoffs       *cutoffs,
                                    const SettleAgingOptions *options);
/* The bucket of an item dated date (due or issue date, by basis), by text
 * comparison of ISO dates: no date arithmetic per row. */
int      settle_aging_cutoffs_bucket (const SettleAgingCutoffs *cutoffs,
                                      const char               *date);

/* The book's currency ("USD" when not set). */
char    *settle_aging_book_currency (SettleBook *book);
/* TRUE when nothing in the book is dated after as_of, so the cached open balances
 * are exactly the balances on that date. FALSE with error set on failure. */
gboolean settle_aging_cache_is_current (SettleBook  *book,
                                        const char  *as_of,
                                        gboolean    *current,
                                        GError     **error);
gboolean settle_aging_edges_valid (const int   edges[SETTLE_AGING_N_BUCKETS - 2],
                                   GError    **error);

G_END_DECLS
