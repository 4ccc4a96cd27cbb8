/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "settle-agreement.h"
#include "settle-billing.h"
#include "settle-book.h"
#include "settle-money.h"
#include "settle-usage-csv.h"
#include "settle-cli.h"

static char *
plain (const char *currency,
       gint64      amount)
{
  return settle_money_to_plain (settle_money_init (amount, currency));
}

static void
print_plan_table (const SettleBillingPlan *plan)
{
  g_autofree char *summary = settle_billing_plan_describe (plan);
  g_autofree char *as_of = settle_date_to_iso (&plan->as_of);

  g_print (_("Billing run as of %s: %s\n"), as_of, summary);
  if (plan->items->len == 0)
    return;
  g_print ("\n");
  settle_cli_print_padded (_("Date"), 10);
  settle_cli_print_padded (_("Period"), 21);
  settle_cli_print_padded (_("Client"), 24);
  settle_cli_print_padded (_("Agreement"), 24);
  g_print ("%14s\n", _("Total"));
  for (guint i = 0; i < plan->items->len; i++)
    {
      const SettleBillingItem *item = g_ptr_array_index (plan->items, i);
      g_autofree char *date = settle_date_to_iso (&item->invoice_date);
      g_autofree char *from = settle_date_to_iso (&item->period_start);
      g_autofree char *to = settle_date_to_iso (&item->period_end);
      g_autofree char *client = settle_cli_head (item->client_name, 24);
      g_autofree char *name = settle_cli_head (item->agreement_name, 24);
      g_autofree char *total = item->n_lines > 0
                               ? settle_money_format (settle_money_init (item->total,
                                                                         item->currency))
                               : g_strdup (_("nothing to bill"));
      int client_pad = 24 - (int) g_utf8_strlen (client, -1);
      int name_pad = 24 - (int) g_utf8_strlen (name, -1);

      g_print ("%s  %s–%s  %s%*s  %s%*s  %14s\n", date, from, to, client, client_pad, "", name,
               name_pad, "", total);
    }
}

static void
print_plan_json (const SettleBillingPlan *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *as_of = settle_date_to_iso (&plan->as_of);
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "as_of");
  json_builder_add_string_value (b, as_of);
  json_builder_set_member_name (b, "invoices");
  json_builder_add_int_value (b, plan->n_invoices);
  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  g_hash_table_iter_init (&iter, plan->totals_by_currency);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *amount = plain (key, *(gint64 *) value);

      json_builder_set_member_name (b, key);
      json_builder_add_string_value (b, amount);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const SettleBillingItem *item = g_ptr_array_index (plan->items, i);
      g_autofree char *date = settle_date_to_iso (&item->invoice_date);
      g_autofree char *from = settle_date_to_iso (&item->period_start);
      g_autofree char *to = settle_date_to_iso (&item->period_end);
      g_autofree char *total = plain (item->currency, item->total);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "agreement_id");
      json_builder_add_int_value (b, item->agreement_id);
      json_builder_set_member_name (b, "agreement");
      json_builder_add_string_value (b, item->agreement_name);
      json_builder_set_member_name (b, "client_id");
      json_builder_add_int_value (b, item->client_id);
      json_builder_set_member_name (b, "client");
      json_builder_add_string_value (b, item->client_name);
      json_builder_set_member_name (b, "invoice_date");
      json_builder_add_string_value (b, date);
      json_builder_set_member_name (b, "period_start");
      json_builder_add_string_value (b, from);
      json_builder_set_member_name (b, "period_end");
      json_builder_add_string_value (b, to);
      json_builder_set_member_name (b, "currency");
      json_builder_add_string_value (b, item->currency);
      json_builder_set_member_name (b, "total");
      json_builder_add_string_value (b, total);
      json_builder_set_member_name (b, "lines");
      json_builder_add_int_value (b, item->n_lines);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  settle_cli_print_json (b);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  settle_cli_progress (user_data, done, total, _("Billing: %u of %u invoices"), done, total);
}

int
settle_cli_bill (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format = NULL;
  gboolean dry_run = FALSE;
  SettleBillingResult result = { 0 };
  gint64 last = 0;
  GDate as_of;
  GOptionEntry entries[] = {
    { "as-of", 'd', 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Bill every period due on or before this date, YYYY-MM-DD (default today)"), "DATE" },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Print what would be billed; change nothing"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("table (default) or json"), "FORMAT" },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — make the invoices of recurring agreements"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 1))
    return SETTLE_CLI_USAGE;
  if (!settle_cli_parse_as_of (as_of_text, &as_of))
    return SETTLE_CLI_USAGE;
  if (!settle_cli_check_format (format, FALSE, NULL))
    return SETTLE_CLI_USAGE;

  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;

  if (dry_run)
    {
      g_autoptr(SettleBillingPlan) plan = settle_billing_plan (book, &as_of, &error);

      if (plan == NULL)
        return settle_cli_fail (error);
      if (g_strcmp0 (format, "json") == 0)
        print_plan_json (plan);
      else
        print_plan_table (plan);
      return SETTLE_CLI_OK;
    }

  if (!settle_billing_run (book, &as_of, isatty (STDERR_FILENO) ? on_progress : NULL, &last,
                           NULL, &result, &error))
    {
      if (result.n_created > 0)
        g_printerr (_("settle-cli: %u invoices were made before the run stopped; running it "
                      "again makes only the rest\n"), result.n_created);
      return settle_cli_fail (error);
    }
  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "run_id");
      json_builder_add_int_value (b, result.run_id);
      json_builder_set_member_name (b, "created");
      json_builder_add_int_value (b, result.n_created);
      json_builder_set_member_name (b, "issued");
      json_builder_add_int_value (b, result.n_issued);
      json_builder_set_member_name (b, "skipped");
      json_builder_add_int_value (b, result.n_skipped);
      json_builder_end_object (b);
      settle_cli_print_json (b);
    }
  else
    g_print (_("Billing run %" PRId64 ": %u invoices made, %u of them issued, "
               "%u periods with nothing to bill\n"),
             result.run_id, result.n_created, result.n_issued, result.n_skipped);
  return SETTLE_CLI_OK;
}

int
settle_cli_usage_import (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *name = NULL;

  context = g_option_context_new (_("BOOK FILE.csv — enter usage for agreements' usage lines"));
  g_option_context_set_description (context,
    _("The file has a header row naming its columns: period_start, quantity, and either "
      "line_id (an agreement line) or sku and client. Nothing is imported unless every "
      "row is."));
  g_option_context_add_main_entries (context, (GOptionEntry[]) { { NULL } }, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 2))
    return SETTLE_CLI_USAGE;

  rows = settle_usage_csv_read (argv[2], &error);
  if (rows == NULL)
    return settle_cli_fail (error);
  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;

  name = g_filename_display_basename (argv[2]);
  if (!settle_book_begin (book, &error))
    return settle_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const SettleUsageRow *row = g_ptr_array_index (rows, i);
      SettleId line_id = row->line_id;

      if (line_id == 0)
        line_id = settle_agreement_find_usage_line (book, row->client, row->sku, &error);
      if (line_id == 0 ||
          !settle_agreement_set_usage (book, line_id, &row->period_start, row->quantity_milli,
                                       &error))
        {
          settle_book_rollback (book);
          g_prefix_error (&error, _("%s, line %u: "), name, row->line);
          g_printerr (_("settle-cli: %s\nNothing was imported.\n"), error->message);
          return SETTLE_CLI_FAILED;
        }
    }
  if (!settle_book_commit (book, &error))
    return settle_cli_fail (error);
  g_print (ngettext ("Imported %u usage entry from %s\n", "Imported %u usage entries from %s\n",
                     rows->len), rows->len, name);
  return SETTLE_CLI_OK;
}
