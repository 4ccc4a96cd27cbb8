/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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

G_END_DECLS
