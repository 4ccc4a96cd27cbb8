/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What every settle-cli test shares: finding the built settle-cli, running it and
 * reading back what it printed. Temporary books come from tests/core/settle-test-util.h. */

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* g_test_init (); SETTLE_TODAY = today unless NULL; SETTLE_CLI = the first argument
 * (meson passes the built settle-cli there). */
void        settle_cli_test_init        (int         *argc,
                                         char      ***argv,
                                         const char  *today);
/* Runs $SETTLE_CLI with the arguments up to NULL. out and err (either may be NULL) are
 * freed first, then hold what it wrote to stdout and stderr; stderr is logged as a test
 * message. Returns the exit status, -1 when it did not exit. */
int         settle_cli_test_run         (char       **out,
                                         char       **err,
                                         const char  *first,
                                         ...) G_GNUC_NULL_TERMINATED;
/* The same in the environment env (NULL = this process's). */
int         settle_cli_test_run_va      (const char * const *env,
                                         char       **out,
                                         char       **err,
                                         const char  *first,
                                         va_list      args);
/* text parsed into parser; its root, which must be an object. */
JsonObject *settle_cli_test_parse_object (JsonParser *parser,
                                          const char *text);

G_END_DECLS
