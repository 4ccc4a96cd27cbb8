/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SETTLE_IMPORT_ERROR (settle_import_error_quark ())

typedef enum
{
  SETTLE_IMPORT_ERROR_IO,         /* the file cannot be read */
  SETTLE_IMPORT_ERROR_SYNTAX,     /* not CSV: unterminated quote, text after a quote… */
  SETTLE_IMPORT_ERROR_HEADER,     /* a required column is missing */
  SETTLE_IMPORT_ERROR_VALUE,      /* a field does not hold what its column needs */
  SETTLE_IMPORT_ERROR_FORMAT,     /* empty, binary or not a statement format we know */
  SETTLE_IMPORT_ERROR_INVESTMENT, /* an investment statement, not a bank statement */
  SETTLE_IMPORT_ERROR_SIGNON,     /* the OFX server refused the sign-on */
  SETTLE_IMPORT_ERROR_PROFILE,    /* the CSV layout is ambiguous or unknown: name a profile */
} SettleImportError;

/* One record: its fields and the line of the file it starts on (1-based). */
typedef struct
{
  guint   line;
  GStrv   fields;
} SettleCsvRecord;

GQuark     settle_import_error_quark (void);
void       settle_csv_record_free    (SettleCsvRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleCsvRecord, settle_csv_record_free)

/* RFC 4180: comma-separated, fields optionally in double quotes ("" is a quote
 * inside them, and they may span lines), CRLF, LF or CR line ends, a UTF-8 BOM skipped.
 * Blank lines are skipped. name is used in messages ("usage.csv, line 3, column 2: …"). */
GPtrArray *settle_csv_parse          (const char  *data,
                                      gsize        length,
                                      const char  *name,
                                      GError     **error);
/* The same with another delimiter (',', ';', '\t'…). data must be UTF-8. */
GPtrArray *settle_csv_parse_delimited (const char  *data,
                                       gsize        length,
                                       char         delimiter,
                                       const char  *name,
                                       GError     **error);
/* Text of a file in UTF-8: a UTF-8 BOM is dropped, UTF-16 with a BOM converted, and
 * bytes that are not UTF-8 are read as Windows-1252 (a superset of Latin-1).
 * *encoding (nullable) names what was found: "UTF-8", "UTF-16", "Windows-1252". */
char      *settle_csv_to_utf8        (const char  *data,
                                      gsize        length,
                                      gsize       *out_length,
                                      const char **encoding);
/* The most likely delimiter of UTF-8 CSV text: ',' ';' '\t' or '|', by which one splits
 * the first lines into the same number of fields (outside quotes). */
char       settle_csv_detect_delimiter (const char *data,
                                        gsize       length);

G_END_DECLS
