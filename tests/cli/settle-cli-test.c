/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <sys/wait.h>

#include "settle-cli-test.h"

void
settle_cli_test_init (int         *argc,
                      char      ***argv,
                      const char  *today)
{
  g_test_init (argc, argv, NULL);
  if (today != NULL)
    g_setenv ("SETTLE_TODAY", today, TRUE);
  if (*argc > 1)
    g_setenv ("SETTLE_CLI", (*argv)[1], TRUE);
}

int
settle_cli_test_run_va (const char * const *env,
                        char              **out,
                        char              **err,
                        const char         *first,
                        va_list             args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SETTLE_CLI");
  const char *arg;
  int status;

  g_assert_nonnull (cli);
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_ptr_array_add (argv, (char *) cli);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, (char **) env, G_SPAWN_DEFAULT, NULL, NULL, out,
                err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != NULL && **err != '\0')
    g_test_message ("settle-cli %s: stderr: %s", first, *err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

int
settle_cli_test_run (char      **out,
                     char      **err,
                     const char *first,
                     ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = settle_cli_test_run_va (NULL, out, err, first, args);
  va_end (args);
  return status;
}

JsonObject *
settle_cli_test_parse_object (JsonParser *parser,
                              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}
