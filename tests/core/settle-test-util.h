/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-aging.h"
#include "settle-book.h"

G_BEGIN_DECLS

/* A new empty book in a fresh temporary folder; the folder's path in *dir. */
SettleBook *settle_test_new_book        (char       **dir);
void        settle_test_remove_dir      (const char  *dir);
GDate       settle_test_date            (const char  *iso);
/* Asserts that the book's caches agree with the rows. */
void        settle_test_assert_invariants (SettleBook *book);
SettleId    settle_test_add_client      (SettleBook  *book,
                                         const char  *name,
                                         int          terms_days);
/* A draft with one line per (description, qty_milli, unit_price, tax_bp) quadruple,
 * issued on date unless date is NULL. Returns its id. */
SettleId    settle_test_add_invoice     (SettleBook  *book,
                                         SettleId     client_id,
                                         const char  *issue_date,
                                         gint64       amount);
SettleId    settle_test_pay             (SettleBook  *book,
                                         SettleId     client_id,
                                         const char  *date,
                                         gint64       amount,
                                         SettleId     invoice_id,
                                         gint64       applied);
/* date moved by days (negative = back). */
GDate       settle_test_days_after      (const GDate *date,
                                         int          days);
/* On the client of invoice 1: an unapplied payment of $5,000.00 on 2026-09-10, $1,200.00
 * of it refunded on 09-25, what is left applied to its open invoices on applied_on, and
 * a pending ACH payment of $700.00 on 11-01. The refund's and the application's dates
 * go onto events (GDate). */
void        settle_test_add_credit_moves (SettleBook *book,
                                          const char *applied_on,
                                          GArray     *events);
/* The report's totals row: buckets, credit, balance. */
void        settle_test_assert_aging_totals (const SettleAgingReport *r,
                                             gint64 b0, gint64 b1, gint64 b2, gint64 b3,
                                             gint64 b4, gint64 credit, gint64 balance);
/* The buckets less the credit, and the balance, both equal the ledger's receivables on
 * the report's date. */
void        settle_test_assert_aging_matches_ledger (SettleBook              *book,
                                                     const SettleAgingReport *r);

G_END_DECLS
