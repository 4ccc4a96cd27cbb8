/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "settle-cli.h"
#include "settle-report-csv.h"

static const struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "demo", settle_cli_demo, N_("Create a demo book with realistic data") },
  { "aging", settle_cli_aging, N_("Print the receivables aging of a book") },
  { "metrics", settle_cli_metrics, N_("Print DSO, CEI, late payers, the trend and the cash forecast") },
  { "export-pdf", settle_cli_export_pdf, N_("Write one invoice as a PDF") },
  { "outbox", settle_cli_outbox, N_("Send and list the emails waiting in a book") },
  { "statement", settle_cli_statement, N_("Write a client's statement of account as a PDF") },
  { "bill", settle_cli_bill, N_("Make the invoices of recurring agreements due by a date") },
  { "usage-import", settle_cli_usage_import, N_("Enter agreements' usage from a CSV file") },
  { "remind", settle_cli_remind, N_("Send the reminders and charge the late fees due by a date") },
  { "pay", settle_cli_pay, N_("Record, reverse or settle a client's payment") },
  { "import", settle_cli_import, N_("Import a bank statement or processor charges") },
  { "reconcile", settle_cli_reconcile, N_("Match bank lines to invoices; print or write the report") },
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

void
settle_cli_progress (gint64     *last,
                     guint       done,
                     guint       total,
                     const char *format,
                     ...)
{
  g_autofree char *line = NULL;
  va_list args;

  if (!settle_cli_progress_due (last, done, total))
    return;
  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("\r%s", line);
  if (done == total)
    g_printerr ("\n");
}

gboolean
settle_cli_parse_as_of (const char *text,
                        GDate      *as_of)
{
  if (text == NULL)
    {
      settle_today (as_of);
      return TRUE;
    }
  if (!settle_date_parse (text, as_of))
    {
      g_printerr (_("settle-cli: --as-of: “%s” is not a date like 2026-01-31\n"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_cli_check_format (const char *format,
                         gboolean    documents,
                         const char *output)
{
  if (format == NULL || strcmp (format, "table") == 0 || strcmp (format, "json") == 0)
    return TRUE;
  if (!documents)
    {
      g_printerr (_("settle-cli: --format: “%s” is not one of table, json\n"), format);
      return FALSE;
    }
  if (strcmp (format, "csv") != 0 && strcmp (format, "pdf") != 0)
    {
      g_printerr (_("settle-cli: --format: “%s” is not one of table, csv, json, pdf\n"), format);
      return FALSE;
    }
  if (strcmp (format, "pdf") == 0 && output == NULL)
    {
      g_printerr (_("settle-cli: --format pdf needs --output FILE\n"));
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_cli_check_account (gint64 account_id)
{
  if (account_id >= 0)
    return TRUE;
  g_printerr (_("settle-cli: --account: “%" PRId64 "” is not an account id "
                "(a positive number)\n"), account_id);
  return FALSE;
}

SettleBook *
settle_cli_open_book (const char *path)
{
  g_autoptr(GError) error = NULL;
  SettleBook *book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);

  if (book == NULL)
    settle_cli_fail (error);
  return book;
}

int
settle_cli_emit (const char *text,
                 const char *output)
{
  g_autoptr(GError) error = NULL;

  if (output == NULL)
    {
      g_print ("%s", text);
      return SETTLE_CLI_OK;
    }
  if (!settle_report_csv_write (text, output, &error))
    return settle_cli_fail (error);
  return SETTLE_CLI_OK;
}

/* (g_utf8_substring reads past the end of a shorter string in GLib 2.74.) */
char *
settle_cli_head (const char *text,
                 int         width)
{
  if (text == NULL)
    return g_strdup ("");
  return g_utf8_substring (text, 0, MIN (width, (int) g_utf8_strlen (text, -1)));
}

void
settle_cli_print_padded (const char *text,
                         int         width)
{
  g_autofree char *cut = settle_cli_head (text, width);

  g_print ("%s%*s  ", cut, width - (int) g_utf8_strlen (cut, -1), "");
}

void
settle_cli_print_right (const char *text,
                        int         width)
{
  g_print ("%*s%s  ", MAX (0, width - (int) g_utf8_strlen (text, -1)), "", text);
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
