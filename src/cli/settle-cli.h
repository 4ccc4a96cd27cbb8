/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "settle-aging.h"
#include "settle-book.h"

G_BEGIN_DECLS

/* Exit codes of every subcommand. */
#define SETTLE_CLI_OK      0
#define SETTLE_CLI_FAILED  1
#define SETTLE_CLI_USAGE   2

int  settle_cli_demo       (int    argc,
                            char **argv);
int  settle_cli_aging      (int    argc,
                            char **argv);
int  settle_cli_export_pdf (int    argc,
                            char **argv);
int  settle_cli_outbox     (int    argc,
                            char **argv);
int  settle_cli_statement  (int    argc,
                            char **argv);
int  settle_cli_bill       (int    argc,
                            char **argv);
int  settle_cli_usage_import (int    argc,
                              char **argv);
int  settle_cli_remind     (int    argc,
                            char **argv);
int  settle_cli_pay        (int    argc,
                            char **argv);
int  settle_cli_metrics    (int    argc,
                            char **argv);
int  settle_cli_import     (int    argc,
                            char **argv);
int  settle_cli_reconcile  (int    argc,
                            char **argv);

/* Prints "settle-cli: message" on stderr and returns SETTLE_CLI_FAILED. */
int  settle_cli_fail       (const GError *error);
/* Parses options; on a usage error prints it with the help and returns FALSE. */
gboolean settle_cli_parse  (GOptionContext *context,
                            int            *argc,
                            char         ***argv,
                            int             n_positional);

/* settle-cli-aging.c: the aging report as a JSON object value (the shape of
 * `aging --format json`), for aging and metrics. */
void     settle_cli_aging_json (JsonBuilder             *builder,
                                const SettleAgingReport *report);
/* The text settle_cli_print_json () prints, for --output FILE. */
char    *settle_cli_json_text  (JsonBuilder *builder);

/* Prints the builder's document, pretty, on stdout. */
void     settle_cli_print_json (JsonBuilder *builder);
/* For progress on stderr: TRUE when it is time to print again (four times a second
 * at most, and always the last one). last holds the time of the last print. */
gboolean settle_cli_progress_due (gint64 *last,
                                  guint   done,
                                  guint   total);
/* Progress on stderr when settle_cli_progress_due (): "\r" and the formatted line, a
 * newline after the last one. */
void     settle_cli_progress     (gint64     *last,
                                  guint       done,
                                  guint       total,
                                  const char *format,
                                  ...) G_GNUC_PRINTF (4, 5);

/* --as-of: today when text is NULL. FALSE, with the usage error printed, when text is
 * not a date. */
gboolean    settle_cli_parse_as_of    (const char *text,
                                       GDate      *as_of);
/* --format: NULL (table), table or json; with documents also csv and pdf, and pdf only
 * with --output. FALSE, with the usage error printed, otherwise. */
gboolean    settle_cli_check_format   (const char *format,
                                       gboolean    documents,
                                       const char *output);
/* --account: FALSE, with the usage error printed, when the id is negative. */
gboolean    settle_cli_check_account  (gint64      account_id);
/* The book at path, or NULL with the error printed: return SETTLE_CLI_FAILED then. */
SettleBook *settle_cli_open_book      (const char *path);
/* text on stdout, or atomically into output (--output FILE); the exit code. */
int         settle_cli_emit           (const char *text,
                                       const char *output);

/* Table cells: the first width characters of text (NULL = ""), and text padded (or
 * right-aligned) to width characters, not bytes, followed by the two spaces between
 * columns. */
char       *settle_cli_head           (const char *text,
                                       int         width);
void        settle_cli_print_padded   (const char *text,
                                       int         width);
void        settle_cli_print_right    (const char *text,
                                       int         width);

G_END_DECLS
