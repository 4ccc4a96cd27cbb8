/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-book.h"
#include "settle-dashboard-pdf.h"
#include "settle-report-csv.h"
#include "settle-money.h"
#include "settle-cli.h"

static char *
plain (const SettleAgingReport *report,
       gint64                   amount)
{
  return settle_money_to_plain (settle_money_init (amount, report->currency));
}

static char *
pretty (const SettleAgingReport *report,
        gint64                   amount)
{
  return settle_money_format_number (settle_money_init (amount, report->currency));
}

static void
add_row_json (JsonBuilder             *b,
              const SettleAgingReport *report,
              const SettleAgingRow    *row)
{
  g_autofree char *credit = plain (report, row->credit);
  g_autofree char *balance = plain (report, row->balance);

  json_builder_begin_object (b);
  if (row->client_id != 0)
    {
      json_builder_set_member_name (b, "client_id");
      json_builder_add_int_value (b, row->client_id);
      json_builder_set_member_name (b, "client");
      json_builder_add_string_value (b, row->client_name);
    }
  json_builder_set_member_name (b, "buckets");
  json_builder_begin_array (b);
  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      g_autofree char *v = plain (report, row->buckets[i]);
      json_builder_add_string_value (b, v);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "credit");
  json_builder_add_string_value (b, credit);
  json_builder_set_member_name (b, "balance");
  json_builder_add_string_value (b, balance);
  json_builder_end_object (b);
}

void
settle_cli_aging_json (JsonBuilder             *b,
                       const SettleAgingReport *report)
{
  g_autofree char *as_of = settle_date_to_iso (&report->as_of);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "as_of");
  json_builder_add_string_value (b, as_of);
  json_builder_set_member_name (b, "basis");
  json_builder_add_string_value (b, report->basis == SETTLE_AGING_BY_DUE_DATE ? "due-date"
                                                                             : "invoice-date");
  json_builder_set_member_name (b, "edges");
  json_builder_begin_array (b);
  for (int i = 0; i < SETTLE_AGING_N_BUCKETS - 2; i++)
    json_builder_add_int_value (b, report->edges[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "currency");
  json_builder_add_string_value (b, report->currency);
  json_builder_set_member_name (b, "buckets");
  json_builder_begin_array (b);
  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      g_autofree char *label = settle_aging_bucket_label (report, i);
      json_builder_add_string_value (b, label);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "totals");
  add_row_json (b, report, &report->totals);
  json_builder_set_member_name (b, "clients");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->rows->len; i++)
    add_row_json (b, report, g_ptr_array_index (report->rows, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
}

char *
settle_cli_json_text (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = NULL;

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}

static char *
aging_table (const SettleAgingReport *report)
{
  GString *out = g_string_new (NULL);
  g_autofree char *as_of = settle_date_to_iso (&report->as_of);
  int name_width = 24;

  for (guint i = 0; i < report->rows->len; i++)
    {
      const SettleAgingRow *row = g_ptr_array_index (report->rows, i);
      name_width = MAX (name_width, (int) g_utf8_strlen (row->client_name, -1));
    }
  name_width = MIN (name_width, 40);

  g_string_append_printf (out, _("Receivables aging as of %s (%s, by %s)\n\n"), as_of,
                          report->currency,
                          report->basis == SETTLE_AGING_BY_DUE_DATE ? _("due date")
                                                                    : _("invoice date"));
  g_string_append_printf (out, "%s%*s", _("Client"),
                          name_width - (int) g_utf8_strlen (_("Client"), -1), "");
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autofree char *label = settle_aging_bucket_label (report, b);
      g_string_append_printf (out, " %14s", label);
    }
  g_string_append_printf (out, " %14s %14s\n", _("Credit"), _("Balance"));
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const SettleAgingRow *row = i < report->rows->len ? g_ptr_array_index (report->rows, i)
                                                        : &report->totals;
      g_autofree char *credit = pretty (report, -row->credit);
      g_autofree char *balance = pretty (report, row->balance);
      g_autofree char *name = settle_cli_head (row->client_name, name_width);
      int pad = name_width - (int) g_utf8_strlen (name, -1);

      if (i == report->rows->len)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s%*s", name, pad, "");
      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        {
          g_autofree char *v = pretty (report, row->buckets[b]);
          g_string_append_printf (out, " %14s", v);
        }
      g_string_append_printf (out, " %14s %14s\n", credit, balance);
    }
  return g_string_free (out, FALSE);
}

int
settle_cli_aging (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleAgingReport) report = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *by = NULL;
  g_autofree char *basis_text = NULL;
  g_autofree char *edges_text = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  gboolean basis_given = FALSE;
  SettleAgingBasis basis = SETTLE_AGING_BY_DUE_DATE;
  SettleAgingOptions options;
  int edges[SETTLE_AGING_N_BUCKETS - 2];
  GDate as_of;
  GOptionEntry entries[] = {
    { "as-of", 'd', 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Age what was open on this date, YYYY-MM-DD (default today)"), "DATE" },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis_text,
      N_("Age by due (default) or invoice date"), "due|invoice" },
    { "edges", 0, 0, G_OPTION_ARG_STRING, &edges_text,
      N_("Last day of each overdue bucket but the oldest (default: the book's, else 30,60,90)"),
      "30,60,90" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("table (default), csv, json or pdf"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of the terminal (needed for pdf)"), "FILE" },
    { "by", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &by,
      N_("due-date (default) or invoice-date"), "BASIS" },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("ISO 4217 code (default: the book's currency)"), "CODE" },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — print the receivables aging"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 1))
    return SETTLE_CLI_USAGE;

  if (!settle_cli_parse_as_of (as_of_text, &as_of))
    return SETTLE_CLI_USAGE;
  if (!settle_cli_check_format (format, TRUE, output))
    return SETTLE_CLI_USAGE;
  /* --by due-date|invoice-date is the older spelling of --basis. */
  if (by != NULL)
    {
      if (strcmp (by, "invoice-date") == 0)
        basis = SETTLE_AGING_BY_INVOICE_DATE;
      else if (strcmp (by, "due-date") != 0)
        {
          g_printerr (_("settle-cli: --by: “%s” is not due-date or invoice-date\n"), by);
          return SETTLE_CLI_USAGE;
        }
      basis_given = TRUE;
    }
  if (basis_text != NULL)
    {
      if (strcmp (basis_text, "invoice") == 0)
        basis = SETTLE_AGING_BY_INVOICE_DATE;
      else if (strcmp (basis_text, "due") == 0)
        basis = SETTLE_AGING_BY_DUE_DATE;
      else
        {
          g_printerr (_("settle-cli: --basis: “%s” is not due or invoice\n"), basis_text);
          return SETTLE_CLI_USAGE;
        }
      basis_given = TRUE;
    }
  if (edges_text != NULL && !settle_aging_parse_edges (edges_text, edges, &error))
    {
      g_printerr ("settle-cli: --edges: %s\n", error->message);
      return SETTLE_CLI_USAGE;
    }
  if (currency != NULL && !settle_currency_is_known (currency))
    {
      g_printerr (_("settle-cli: --currency: “%s” is not a known ISO 4217 code\n"), currency);
      return SETTLE_CLI_USAGE;
    }

  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;
  settle_aging_options_init (&options, book, &as_of);
  if (basis_given)
    options.basis = basis;
  if (edges_text != NULL)
    memcpy (options.edges, edges, sizeof edges);
  if (currency != NULL)
    g_strlcpy (options.currency, currency, sizeof options.currency);
  report = settle_aging_compute_with (book, &options, &error);
  if (report == NULL)
    return settle_cli_fail (error);

  if (g_strcmp0 (format, "pdf") == 0)
    {
      if (!settle_aging_write_pdf (book, report, output, &error))
        return settle_cli_fail (error);
      return SETTLE_CLI_OK;
    }
  if (g_strcmp0 (format, "csv") == 0)
    text = settle_aging_to_csv (report);
  else if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      settle_cli_aging_json (b, report);

      if (output == NULL)
        {
          settle_cli_print_json (b);
          return SETTLE_CLI_OK;
        }
      text = settle_cli_json_text (b);
    }
  else
    text = aging_table (report);
  return settle_cli_emit (text, output);
}
