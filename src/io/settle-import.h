/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-book.h"
#include "settle-csv.h"
#include "settle-progress.h"

G_BEGIN_DECLS

typedef struct _SettleCsvProfile SettleCsvProfile;   /* column mapping; opaque */
/* Built-in profiles by name ("generic", "gls", "ubs", "capitalone", "schwab",
 * "mint", "default", …) and saved ones (serialised into bank_accounts.csv_profile). */
SettleCsvProfile *settle_csv_profile_lookup     (const char *name);   /* NULL = unknown */
char            **settle_csv_profile_list_names (void);
const char       *settle_csv_profile_get_name   (const SettleCsvProfile *profile);
char             *settle_csv_profile_serialise  (const SettleCsvProfile *profile);
SettleCsvProfile *settle_csv_profile_parse      (const char *text, GError **error);
void              settle_csv_profile_free       (SettleCsvProfile *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleCsvProfile, settle_csv_profile_free)

typedef enum { SETTLE_IMPORT_KIND_STATEMENT, SETTLE_IMPORT_KIND_CHARGES } SettleImportKind;
typedef struct
{
  SettleImportKind kind;
  char     *format;          /* "csv", "ofx", "camt053", "stripe-csv" */
  char     *profile;         /* the CSV profile used (name) or NULL */
  SettleId  bank_account_id; /* statements */
  SettleId  statement_id;
  guint     statements;
  guint     imported;        /* lines or charges written */
  guint     duplicates;      /* skipped, already in the book */
} SettleImportResult;
void settle_import_result_clear (SettleImportResult *result);

/* Detects the format (OFX header/`<?OFX`, CAMT namespace, Stripe charges header, else CSV
 * with auto-detected profile unless profile_name is given), parses the whole file (nothing
 * is written when any line is bad: one SETTLE_IMPORT_ERROR naming file, line/element and what
 * was expected), finds or creates the bank account (bank_account_id 0 = by the file's
 * account id, else the account the profile was saved for, else "Imported statements"),
 * then stores in one transaction. */
gboolean settle_import_file (SettleBook *book, const char *path, const char *profile_name,
                             SettleId bank_account_id, SettleImportResult *result,
                             SettleProgressFunc progress, gpointer progress_data, GError **error);
void     settle_import_file_async  (SettleBook *book, const char *path, const char *profile_name,
                                    SettleId bank_account_id, SettleProgressFunc progress, gpointer progress_data,
                                    GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gboolean settle_import_file_finish (SettleBook *book, GAsyncResult *result, SettleImportResult *out, GError **error);

/* Parsing alone (tests, fuzz): SettleBankStatement* items, or SettleProcessorCharge*
 * items for a Stripe charges export (see settle_statement_parse_full). */
GPtrArray *settle_statement_parse (const char *data, gsize length, const char *file_name,
                                   const SettleCsvProfile *profile /* NULL = detect */, GError **error);
/* The same, saying what was found: kind, format ("csv", "ofx", "camt053", "stripe-csv")
 * and the CSV profile's name (nullable outs). */
GPtrArray *settle_statement_parse_full (const char *data, gsize length, const char *file_name,
                                        const SettleCsvProfile *profile, SettleImportKind *kind,
                                        char **format, char **profile_used, GError **error);

G_END_DECLS
