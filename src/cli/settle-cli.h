/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

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

/* Prints "settle-cli: message" on stderr and returns SETTLE_CLI_FAILED. */
int  settle_cli_fail       (const GError *error);
/* Parses options; on a usage error prints it with the help and returns FALSE. */
gboolean settle_cli_parse  (GOptionContext *context,
                            int            *argc,
                            char         ***argv,
                            int             n_positional);

/* Prints the builder's document, pretty, on stdout. */
void     settle_cli_print_json (JsonBuilder *builder);
/* For progress on stderr: TRUE when it is time to print again (four times a second
 * at most, and always the last one). last holds the time of the last print. */
gboolean settle_cli_progress_due (gint64 *last,
                                  guint   done,
                                  guint   total);

G_END_DECLS
