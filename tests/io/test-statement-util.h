/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-bank.h"
#include "settle-import.h"
#include "settle-payout.h"

G_BEGIN_DECLS

/* tests/fixtures/statements/FOLDER/NAME */
char      *test_statement_fixture (const char *folder, const char *name);
/* Parses a fixture; *kind/format nullable. */
GPtrArray *test_statement_parse_fixture (const char *folder, const char *name,
                                         const char *profile, SettleImportKind *kind,
                                         char **format, char **profile_used, GError **error);
GPtrArray *test_statement_parse_text (const char *text, gssize length, const char *name,
                                      const char *profile, GError **error);
gint64     test_statement_sum     (const SettleBankStatement *statement);
guint      test_statement_n_lines (GPtrArray *statements);
/* Asserts error is an import error whose message starts with prefix and contains every
 * one of the NULL-terminated words. */
void       test_statement_assert_error (const GError *error, int code, const char *prefix, ...)
  G_GNUC_NULL_TERMINATED;
GDate      test_statement_date (const char *iso);

G_END_DECLS
