/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "settle-book.h"
#include "settle-cli.h"
#include "settle-money.h"
#include "settle-statement-pdf.h"

static gboolean
parse_date_option (const char *option,
                   const char *text,
                   GDate      *date)
{
  g_date_clear (date, 1);
  if (text == NULL)
    return TRUE;
  if (settle_date_parse (text, date))
    return TRUE;
  /* Translators: the first %s is an option (--from), the second what was given */
  g_printerr (_("settle-cli: %s: “%s” is not a date; expected YYYY-MM-DD\n"), option, text);
  return FALSE;
}

/* settle-cli statement BOOK CLIENT-ID OUT.pdf [--from DATE] [--to DATE] */
int
settle_cli_statement (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleStatementDocument) doc = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  const SettleStatement *st;
  char *end = NULL;
  gint64 client_id;
  GDate from, to;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("First day of the period (default: the client's first entry)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day of the period (default: today)"),
      N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (
    _("BOOK CLIENT-ID OUT.pdf — write a client's statement of account"));
  g_option_context_set_summary (context,
                                _("Writes the statement of account of the client with that id as "
                                  "a US Letter PDF: opening balance, every invoice, payment, "
                                  "credit note and reversal of the period with a running balance, "
                                  "the closing balance and its aging."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 3))
    return SETTLE_CLI_USAGE;

  client_id = g_ascii_strtoll (argv[2], &end, 10);
  if (end == argv[2] || *end != '\0' || client_id <= 0)
    {
      g_printerr (_("settle-cli: CLIENT-ID: “%s” is not a client id (a positive number)\n"),
                  argv[2]);
      return SETTLE_CLI_USAGE;
    }
  if (!parse_date_option ("--from", from_text, &from) || !parse_date_option ("--to", to_text, &to))
    return SETTLE_CLI_USAGE;

  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;
  doc = settle_statement_document_new (book, client_id, &from, &to, &error);
  if (doc == NULL)
    return settle_cli_fail (error);
  if (!settle_statement_document_write_pdf (doc, argv[3], &error))
    return settle_cli_fail (error);

  st = settle_statement_document_get_statement (doc);
  {
    g_autofree char *closing = settle_money_format (settle_money_init (st->closing_balance,
                                                                       st->currency));

    /* Translators: "Statement for Acme Corp: 42 entries, closing balance $1,234.00" */
    printf (ngettext ("Statement for %s: %u entry, closing balance %s\n",
                      "Statement for %s: %u entries, closing balance %s\n", st->lines->len),
            st->client_name, st->lines->len, closing);
  }
  return SETTLE_CLI_OK;
}
