/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SETTLE_IMPORT_ERROR (settle_import_error_quark ())

typedef enum
{
  SETTLE_IMPORT_ERROR_IO,     /* the file cannot be read */
  SETTLE_IMPORT_ERROR_SYNTAX, /* not CSV: unterminated quote, text after a quote… */
  SETTLE_IMPORT_ERROR_HEADER, /* a required column is missing */
  SETTLE_IMPORT_ERROR_VALUE,  /* a field does not hold what its column needs */
} SettleImportError;

/* One record: its fields and the line of the file it starts on (1-based). */
typedef struct
{
  guint   line;
  GStrv   fields;
} SettleCsvRecord;

GQuark     settle_import_error_quark (void);
void       settle_csv_record_free    (SettleCsvRecord *record);

/* RFC 4180: comma-separated, fields optionally in double quotes ("" is a quote
 * inside them, and they may span lines), CRLF or LF line ends, a UTF-8 BOM skipped.
 * Blank lines are skipped. name is used in messages ("usage.csv, line 3, column 2: …"). */
GPtrArray *settle_csv_parse          (const char  *data,
                                      gsize        length,
                                      const char  *name,
                                      GError     **error);

G_END_DECLS
