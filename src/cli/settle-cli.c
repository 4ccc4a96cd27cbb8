/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "settle-cli.h"

static const struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "demo", settle_cli_demo, N_("Create a demo book with realistic data") },
  { "aging", settle_cli_aging, N_("Print the receivables aging of a book") },
  { "export-pdf", settle_cli_export_pdf, N_("Write one invoice as a PDF") },
  { "outbox", settle_cli_outbox, N_("Send and list the emails waiting in a book") },
  { "statement", settle_cli_statement, N_("Write a client's statement of account as a PDF") },
  { "bill", settle_cli_bill, N_("Make the invoices of recurring agreements due by a date") },
  { "usage-import", settle_cli_usage_import, N_("Enter agreements' usage from a CSV file") },
  { "remind", settle_cli_remind, N_("Send the reminders and charge the late fees due by a date") },
  { "pay", settle_cli_pay, N_("Record, reverse or settle a client's payment") },
};

int
settle_cli_fail (const GError *error)
{
  g_printerr ("settle-cli: %s\n", error->message);
  return SETTLE_CLI_FAILED;
}

gboolean
settle_cli_parse (GOptionContext *context,
                  int            *argc,
                  char         ***argv,
                  int             n_positional)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("settle-cli: %s\n", error->message);
      return FALSE;
    }
  /* argv[0] is the command's name. */
  if (*argc - 1 != n_positional)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr (_("settle-cli: expected %d arguments, got %d\n"), n_positional, *argc - 1);
      g_printerr ("%s", help);
      return FALSE;
    }
  return TRUE;
}

static void
usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: settle-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “settle-cli COMMAND --help” for a command's options."));
}

void
settle_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

gboolean
settle_cli_progress_due (gint64 *last,
                         guint   done,
                         guint   total)
{
  gint64 now = g_get_monotonic_time ();

  if (done != total && now - *last < G_USEC_PER_SEC / 4)
    return FALSE;
  *last = now;
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* SETTLE_LOCALEDIR lets an uninstalled build (./dev run, tests) find its catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SETTLE_LOCALEDIR") != NULL
                                   ? g_getenv ("SETTLE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      usage (stderr);
      return SETTLE_CLI_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return SETTLE_CLI_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("settle-cli %s\n", PACKAGE_VERSION);
      return SETTLE_CLI_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("settle-cli: unknown command “%s”\n\n"), argv[1]);
  usage (stderr);
  return SETTLE_CLI_USAGE;
}
