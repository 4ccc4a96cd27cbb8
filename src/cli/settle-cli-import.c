/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "settle-bank.h"
#include "settle-book.h"
#include "settle-import.h"
#include "settle-cli.h"

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  /* Translators: progress, "Importing: 50 %" */
  settle_cli_progress (user_data, done, total, _("Importing: %u %%"),
                       total > 0 ? (guint) ((guint64) done * 100 / total) : 0);
}

static const char *
kind_name (SettleImportKind kind)
{
  return kind == SETTLE_IMPORT_KIND_CHARGES ? "charges" : "statement";
}

static void
print_json (const char               *file,
            const SettleImportResult *result,
            const char               *account)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, file);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, kind_name (result->kind));
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, result->format);
  json_builder_set_member_name (b, "profile");
  if (result->profile != NULL)
    json_builder_add_string_value (b, result->profile);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "bank_account_id");
  json_builder_add_int_value (b, result->bank_account_id);
  json_builder_set_member_name (b, "account");
  if (account != NULL)
    json_builder_add_string_value (b, account);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "statement_id");
  json_builder_add_int_value (b, result->statement_id);
  json_builder_set_member_name (b, "statements");
  json_builder_add_int_value (b, result->statements);
  json_builder_set_member_name (b, "imported");
  json_builder_add_int_value (b, result->imported);
  json_builder_set_member_name (b, "duplicates");
  json_builder_add_int_value (b, result->duplicates);
  json_builder_end_object (b);
  settle_cli_print_json (b);
}

static void
print_table (const char               *file,
             const SettleImportResult *result,
             const char               *account)
{
  g_autofree char *imported = NULL;
  g_autofree char *skipped = NULL;

  if (result->kind == SETTLE_IMPORT_KIND_CHARGES)
    /* Translators: the start of "stripe.csv: 14 charges imported, 2 skipped as duplicates" */
    imported = g_strdup_printf (ngettext ("%u charge imported", "%u charges imported",
                                          result->imported), result->imported);
  else
    /* Translators: the start of "bank.csv: 42 lines imported, 3 skipped as duplicates" */
    imported = g_strdup_printf (ngettext ("%u line imported", "%u lines imported",
                                          result->imported), result->imported);
  /* Translators: the end of "bank.csv: 42 lines imported, 3 skipped as duplicates" */
  skipped = g_strdup_printf (ngettext ("%u skipped as a duplicate", "%u skipped as duplicates",
                                       result->duplicates), result->duplicates);
  if (account != NULL)
    /* Translators: "bank.csv: 42 lines imported, 3 skipped as duplicates (account: Checking)" */
    g_print (_("%s: %s, %s (account: %s)\n"), file, imported, skipped, account);
  else
    /* Translators: "stripe.csv: 14 charges imported, 2 skipped as duplicates" */
    g_print (_("%s: %s, %s\n"), file, imported, skipped);
}

static int
list_profiles (void)
{
  g_auto(GStrv) names = settle_csv_profile_list_names ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_print ("%s\n", names[i]);
  return SETTLE_CLI_OK;
}

/* settle-cli import BOOK FILE [--profile NAME] [--account ID] [--format table|json] */
int
settle_cli_import (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleBankAccount) account = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *format = NULL;
  g_autofree char *file = NULL;
  gboolean profiles = FALSE;
  gint64 account_id = 0;
  SettleImportResult result = { 0 };
  gint64 last = 0;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile,
      N_("Read a CSV file with this column profile (default: detect it)"), N_("NAME") },
    { "account", 'a', 0, G_OPTION_ARG_INT64, &account_id,
      N_("Import into this bank account (default: the file's account)"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("table (default) or json"),
      N_("FORMAT") },
    { "list-profiles", 0, 0, G_OPTION_ARG_NONE, &profiles,
      N_("Print the names of the built-in CSV profiles and stop"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK FILE — import a bank statement or processor charges"));
  g_option_context_set_summary (context,
    _("Reads an OFX, CAMT.053 or CSV bank statement, or a Stripe charges export, and adds "
      "its lines to the book. Lines already in the book are skipped, so an overlapping "
      "statement can be imported again. Nothing is imported when any line of the file is "
      "wrong."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("settle-cli: %s\n", error->message);
      return SETTLE_CLI_USAGE;
    }
  if (profiles)
    return list_profiles ();
  if (argc - 1 != 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr (_("settle-cli: expected %d arguments, got %d\n"), 2, argc - 1);
      g_printerr ("%s", help);
      return SETTLE_CLI_USAGE;
    }
  if (!settle_cli_check_format (format, FALSE, NULL))
    return SETTLE_CLI_USAGE;
  if (!settle_cli_check_account (account_id))
    return SETTLE_CLI_USAGE;
  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;
  file = g_filename_display_basename (argv[2]);
  if (!settle_import_file (book, argv[2], profile, account_id, &result,
                           isatty (STDERR_FILENO) ? on_progress : NULL, &last, &error))
    {
      settle_import_result_clear (&result);
      g_printerr (_("settle-cli: %s\nNothing was imported.\n"), error->message);
      return SETTLE_CLI_FAILED;
    }

  if (result.kind == SETTLE_IMPORT_KIND_STATEMENT && result.bank_account_id != 0)
    {
      account = settle_bank_account_load (book, result.bank_account_id, &error);
      if (account == NULL)
        {
          settle_import_result_clear (&result);
          return settle_cli_fail (error);
        }
    }
  if (g_strcmp0 (format, "json") == 0)
    print_json (file, &result, account != NULL ? account->name : NULL);
  else
    print_table (file, &result, account != NULL ? account->name : NULL);
  settle_import_result_clear (&result);
  return SETTLE_CLI_OK;
}
