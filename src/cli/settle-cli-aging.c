/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-book.h"
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

/* CSV field quoting, RFC 4180. */
static void
csv_field (GString    *out,
           const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
print_csv (const SettleAgingReport *report)
{
  g_autoptr(GString) out = g_string_new ("client_id,client");

  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autofree char *label = settle_aging_bucket_label (report, b);
      g_string_append_c (out, ',');
      csv_field (out, label);
    }
  g_string_append (out, ",credit,balance\n");
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const SettleAgingRow *row = i < report->rows->len ? g_ptr_array_index (report->rows, i)
                                                        : &report->totals;
      g_autofree char *credit = plain (report, row->credit);
      g_autofree char *balance = plain (report, row->balance);

      if (row->client_id != 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT ",", row->client_id);
      else
        g_string_append_c (out, ',');
      csv_field (out, row->client_name);
      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        {
          g_autofree char *v = plain (report, row->buckets[b]);
          g_string_append_printf (out, ",%s", v);
        }
      g_string_append_printf (out, ",%s,%s\n", credit, balance);
    }
  g_print ("%s", out->str);
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

static void
print_json (const SettleAgingReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *as_of = settle_date_to_iso (&report->as_of);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "as_of");
  json_builder_add_string_value (b, as_of);
  json_builder_set_member_name (b, "basis");
  json_builder_add_string_value (b, report->basis == SETTLE_AGING_BY_DUE_DATE ? "due-date"
                                                                             : "invoice-date");
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
  settle_cli_print_json (b);
}

static void
print_table (const SettleAgingReport *report)
{
  g_autofree char *as_of = settle_date_to_iso (&report->as_of);
  int name_width = 24;

  for (guint i = 0; i < report->rows->len; i++)
    {
      const SettleAgingRow *row = g_ptr_array_index (report->rows, i);
      name_width = MAX (name_width, (int) g_utf8_strlen (row->client_name, -1));
    }
  name_width = MIN (name_width, 40);

  g_print (_("Receivables aging as of %s (%s, by %s)\n\n"), as_of, report->currency,
           report->basis == SETTLE_AGING_BY_DUE_DATE ? _("due date") : _("invoice date"));
  g_print ("%-*s", name_width, _("Client"));
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autofree char *label = settle_aging_bucket_label (report, b);
      g_print (" %14s", label);
    }
  g_print (" %14s %14s\n", _("Credit"), _("Balance"));
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const SettleAgingRow *row = i < report->rows->len ? g_ptr_array_index (report->rows, i)
                                                        : &report->totals;
      g_autofree char *credit = pretty (report, -row->credit);
      g_autofree char *balance = pretty (report, row->balance);
      g_autofree char *name = g_utf8_substring (row->client_name, 0,
                                                 MIN (name_width, (glong) g_utf8_strlen (row->client_name, -1)));
      int pad = name_width - (int) g_utf8_strlen (name, -1);

      if (i == report->rows->len)
        g_print ("\n");
      g_print ("%s%*s", name, pad, "");
      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        {
          g_autofree char *v = pretty (report, row->buckets[b]);
          g_print (" %14s", v);
        }
      g_print (" %14s %14s\n", credit, balance);
    }
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
  g_autofree char *currency = NULL;
  SettleAgingBasis basis = SETTLE_AGING_BY_DUE_DATE;
  GDate as_of;
  GOptionEntry entries[] = {
    { "as-of", 'd', 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Age what was open on this date, YYYY-MM-DD (default today)"), "DATE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("table (default), csv or json"),
      "FORMAT" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("due-date (default) or invoice-date"), "BASIS" },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("ISO 4217 code (default: the book's currency)"), "CODE" },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — print the receivables aging"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 1))
    return SETTLE_CLI_USAGE;

  if (as_of_text == NULL)
    settle_today (&as_of);
  else if (!settle_date_parse (as_of_text, &as_of))
    {
      g_printerr (_("settle-cli: --as-of: “%s” is not a date like 2026-01-31\n"), as_of_text);
      return SETTLE_CLI_USAGE;
    }
  if (format != NULL && strcmp (format, "table") != 0 && strcmp (format, "csv") != 0 &&
      strcmp (format, "json") != 0)
    {
      g_printerr (_("settle-cli: --format: “%s” is not one of table, csv, json\n"), format);
      return SETTLE_CLI_USAGE;
    }
  if (by != NULL)
    {
      if (strcmp (by, "invoice-date") == 0)
        basis = SETTLE_AGING_BY_INVOICE_DATE;
      else if (strcmp (by, "due-date") != 0)
        {
          g_printerr (_("settle-cli: --by: “%s” is not due-date or invoice-date\n"), by);
          return SETTLE_CLI_USAGE;
        }
    }
  if (currency != NULL && !settle_currency_is_known (currency))
    {
      g_printerr (_("settle-cli: --currency: “%s” is not a known ISO 4217 code\n"), currency);
      return SETTLE_CLI_USAGE;
    }

  book = settle_book_open (argv[1], SETTLE_BOOK_OPEN_DEFAULT, &error);
  if (book == NULL)
    return settle_cli_fail (error);
  report = settle_aging_compute (book, &as_of, basis, currency, &error);
  if (report == NULL)
    return settle_cli_fail (error);

  if (g_strcmp0 (format, "csv") == 0)
    print_csv (report);
  else if (g_strcmp0 (format, "json") == 0)
    print_json (report);
  else
    print_table (report);
  return SETTLE_CLI_OK;
}
