/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "settle-book.h"
#include "settle-collections-packet.h"
#include "settle-dunning.h"
#include "settle-invoice-pdf.h"
#include "settle-money.h"
#include "settle-statement-pdf.h"
#include "settle-cli.h"

static gboolean
draw_invoice (SettleBook  *book,
              SettleId     invoice_id,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  g_autoptr(SettleInvoiceDocument) doc = settle_invoice_document_new (book, invoice_id, error);

  return doc != NULL && settle_invoice_document_write_pdf (doc, path, error);
}

static gboolean
draw_statement (SettleBook  *book,
                SettleId     client_id,
                const GDate *from,
                const GDate *to,
                const char  *path,
                gpointer     user_data,
                GError     **error)
{
  g_autoptr(SettleStatementDocument) doc = settle_statement_document_new (book, client_id, from,
                                                                          to, error);

  return doc != NULL && settle_statement_document_write_pdf (doc, path, error);
}

static const SettleCollectionsRenderer renderer = { draw_invoice, draw_statement, NULL };

static const char *
what_label (const SettleDunningItem *item)
{
  if (item->step == SETTLE_DUNNING_STEP_NONE)
    return _("late fee");
  switch (item->action)
    {
    case SETTLE_DUNNING_ACTION_HOLD:
      return _("hold");
    case SETTLE_DUNNING_ACTION_COLLECTIONS:
      return _("collections");
    case SETTLE_DUNNING_ACTION_NONE:
    default:
      return settle_dunning_channel_label (item->channel);
    }
}

static gint64
fees_total (const SettleDunningItem *item)
{
  gint64 total = 0;

  for (guint i = 0; i < item->fees->len; i++)
    total += ((const SettleLateFee *) g_ptr_array_index (item->fees, i))->amount;
  return total;
}

static void
print_plan_table (const SettleDunningPlan *plan)
{
  g_autofree char *summary = settle_dunning_plan_describe (plan);
  g_autofree char *as_of = settle_date_to_iso (&plan->as_of);

  g_print (_("Reminder run as of %s: %s\n"), as_of, summary);
  if (plan->items->len == 0)
    return;
  g_print ("\n%-16s %-24s %-10s %-5s %-14s %-12s %12s %12s\n", _("Invoice"), _("Client"),
           _("Due"), _("Step"), _("Template"), _("Action"), _("Owed"), _("Fees"));
  for (guint i = 0; i < plan->items->len; i++)
    {
      const SettleDunningItem *item = g_ptr_array_index (plan->items, i);
      g_autofree char *due = settle_date_to_iso (&item->due_date);
      g_autofree char *owed = settle_money_format (settle_money_init (item->amount_due,
                                                                      item->currency));
      g_autofree char *fees = item->fees->len > 0
                              ? settle_money_format (settle_money_init (fees_total (item),
                                                                        item->currency))
                              : g_strdup ("");
      g_autofree char *client = settle_cli_head (item->client_name, 24);
      g_autofree char *step = item->step == SETTLE_DUNNING_STEP_NONE
                              ? g_strdup ("")
                              : item->instalment > 0
                              ? g_strdup_printf ("%d/i%d", item->step + 1, item->instalment)
                              : g_strdup_printf ("%d", item->step + 1);

      g_print ("%-16s %-24s %-10s %-5s %-14s %-12s %12s %12s\n", item->invoice_number, client, due,
               step, item->template_id ? item->template_id : "", what_label (item), owed, fees);
    }
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value ? value : "");
}

static void
print_plan_json (const SettleDunningPlan *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *as_of = settle_date_to_iso (&plan->as_of);

  json_builder_begin_object (b);
  add_string (b, "as_of", as_of);
  add_int (b, "reminders", plan->n_reminders);
  add_int (b, "fees", plan->n_fees);
  add_int (b, "holds", plan->n_holds);
  add_int (b, "collections", plan->n_collections);
  add_int (b, "phone_tasks", plan->n_phone_tasks);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const SettleDunningItem *item = g_ptr_array_index (plan->items, i);
      g_autofree char *due = settle_date_to_iso (&item->due_date);
      g_autofree char *owed = settle_money_to_plain (settle_money_init (item->amount_due,
                                                                        item->currency));

      json_builder_begin_object (b);
      add_int (b, "invoice_id", item->invoice_id);
      add_string (b, "invoice", item->invoice_number);
      add_int (b, "client_id", item->client_id);
      add_string (b, "client", item->client_name);
      add_int (b, "instalment", item->instalment);
      add_string (b, "due_date", due);
      add_string (b, "currency", item->currency);
      add_string (b, "amount_due", owed);
      if (item->step != SETTLE_DUNNING_STEP_NONE)
        {
          g_autofree char *scheduled = settle_date_to_iso (&item->scheduled);

          add_int (b, "step", item->step + 1);
          add_string (b, "scheduled", scheduled);
          add_string (b, "template", item->template_id);
          add_string (b, "channel", settle_dunning_channel_to_string (item->channel));
          add_string (b, "action", settle_dunning_action_to_string (item->action));
          json_builder_set_member_name (b, "catching_up");
          json_builder_add_boolean_value (b, item->catching_up);
        }
      json_builder_set_member_name (b, "fees");
      json_builder_begin_array (b);
      for (guint f = 0; f < item->fees->len; f++)
        {
          const SettleLateFee *fee = g_ptr_array_index (item->fees, f);
          g_autofree char *amount = settle_money_to_plain (settle_money_init (fee->amount,
                                                                              item->currency));

          json_builder_begin_object (b);
          add_int (b, "period", fee->period);
          add_string (b, "amount", amount);
          add_string (b, "explanation", fee->explanation);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
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
  settle_cli_progress (user_data, done, total, _("Reminders: %u of %u items"), done, total);
}

int
settle_cli_remind (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format = NULL;
  gboolean dry_run = FALSE;
  SettleDunningResult result = { 0 };
  guint n_written = 0;
  gint64 last = 0;
  gboolean ok;
  GDate as_of;
  GOptionEntry entries[] = {
    { "as-of", 'd', 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Carry out the reminders, fees and holds due on this date, YYYY-MM-DD (default today)"),
      "DATE" },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Print what would be done; change nothing"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("table (default) or json"), "FORMAT" },
    { NULL }
  };

  context = g_option_context_new (
    _("BOOK — send the reminders and charge the late fees that are due"));
  g_option_context_set_description (context,
    _("Emails are written to the book's outbox (send them with “settle-cli outbox”). Each "
      "step is carried out once per invoice, so the command can run from a timer as often "
      "as you like."));
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
      g_autoptr(SettleDunningPlan) plan = settle_dunning_plan (book, &as_of, &error);

      if (plan == NULL)
        return settle_cli_fail (error);
      if (g_strcmp0 (format, "json") == 0)
        print_plan_json (plan);
      else
        print_plan_table (plan);
      return SETTLE_CLI_OK;
    }

  ok = settle_dunning_run (book, &as_of, isatty (STDERR_FILENO) ? on_progress : NULL, &last, NULL,
                           &result, &error);
  if (!ok)
    {
      if (result.n_items > 0)
        g_printerr (_("settle-cli: %u items were done before the run stopped; running it again "
                      "does only the rest\n"), result.n_items);
      return settle_cli_fail (error);
    }
  /* Packets recorded by this run or left by an earlier one that stopped. */
  if (!settle_collections_packet_write_pending (book, &renderer, &n_written, &error))
    return settle_cli_fail (error);
  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_int (b, "items", result.n_items);
      add_int (b, "steps", result.n_steps);
      add_int (b, "emails", result.n_emails);
      add_int (b, "fees", result.n_fees);
      add_int (b, "holds", result.n_holds);
      add_int (b, "packets", result.n_packets);
      add_int (b, "packets_written", n_written);
      add_int (b, "skipped", result.n_skipped);
      json_builder_end_object (b);
      settle_cli_print_json (b);
    }
  else
    g_print (_("Reminder run: %u steps carried out, %u emails queued, %u late fees, %u holds, "
               "%u collections packets written\n"),
             result.n_steps, result.n_emails, result.n_fees, result.n_holds, n_written);
  return SETTLE_CLI_OK;
}
