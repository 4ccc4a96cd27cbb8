/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* A cached prepared statement, reset and with its bindings cleared. Never finalize it. */
sqlite3_stmt *settle_book_prepare        (SettleBook   *self,
                                          const char   *sql,
                                          GError      **error);
gboolean      settle_book_exec           (SettleBook   *self,
                                          const char   *sql,
                                          GError      **error);
/* Steps a statement that returns no row, and resets it. */
gboolean      settle_book_step_done      (SettleBook   *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
/* Sets error from the connection's last failure. Always returns FALSE. */
gboolean      settle_book_set_error      (SettleBook   *self,
                                          int           rc,
                                          GError      **error);
sqlite3      *settle_book_get_db         (SettleBook   *self);
gboolean      settle_book_in_transaction (SettleBook   *self);

void          settle_bind_text           (sqlite3_stmt *stmt,
                                          int           index,
                                          const char   *text);
void          settle_bind_date           (sqlite3_stmt *stmt,
                                          int           index,
                                          const GDate  *date);
char         *settle_column_dup          (sqlite3_stmt *stmt,
                                          int           index);
void          settle_column_date         (sqlite3_stmt *stmt,
                                          int           index,
                                          GDate        *date);

G_END_DECLS
