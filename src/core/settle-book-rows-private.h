/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book-private.h"

G_BEGIN_DECLS

/* What the stores of a record with child rows (an agreement and its lines, a project
 * and its milestones) do alike. A child is a struct whose first member is its SettleId
 * (G_STATIC_ASSERT it where the type is used). */

/* Makes a record from the current row of a statement. */
typedef gpointer (*SettleRowFunc)      (sqlite3_stmt *stmt);
/* Loads the children of record. */
typedef gboolean (*SettleChildrenFunc) (SettleBook   *book,
                                        gpointer      record,
                                        GError      **error);

/* Steps stmt (prepared and bound) for one row, makes it a record with from_row and
 * loads its children. No row: SETTLE_BOOK_ERROR_NOT_FOUND with the message
 * not_found. NULL on any error. */
gpointer    settle_book_rows_load_one   (SettleBook         *book,
                                         sqlite3_stmt       *stmt,
                                         SettleRowFunc       from_row,
                                         SettleChildrenFunc  load_children,
                                         GDestroyNotify      free_func,
                                         GError            **error,
                                         const char         *not_found,
                                         ...) G_GNUC_PRINTF (7, 8);
/* Every row of stmt (prepared and bound) as a record, each with its children loaded
 * once the statement is done. NULL on any error. */
GPtrArray  *settle_book_rows_load_all   (SettleBook         *book,
                                         sqlite3_stmt       *stmt,
                                         SettleRowFunc       from_row,
                                         SettleChildrenFunc  load_children,
                                         GDestroyNotify      free_func,
                                         GError            **error);

/* Writes record (a new one when inserting) and its children, inside a transaction. */
typedef gboolean (*SettleWriteFunc)    (SettleBook   *book,
                                        gpointer      record,
                                        gboolean      inserting,
                                        GError      **error);

/* Runs write in one transaction, inserting when the record's id (its first member)
 * is 0. When anything fails, the transaction is rolled back and the record and its
 * children get back the ids they came with, so the caller can correct and save again. */
gboolean    settle_book_rows_save       (SettleBook         *book,
                                         gpointer            record,
                                         GPtrArray          *children,
                                         SettleWriteFunc     write,
                                         GError            **error);

/* The ids of children, saved before a save assigns new ones, and put back when the
 * save fails so the record is as the caller gave it. */
GArray     *settle_book_rows_get_ids    (GPtrArray          *children);
void        settle_book_rows_set_ids    (GPtrArray          *children,
                                         GArray             *ids);
/* The children that are already stored (id not 0), as a set of pointers to their
 * ids: what a save keeps, against what the book holds. */
GHashTable *settle_book_rows_stored_ids (GPtrArray          *children);

G_END_DECLS
