/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-book.h"
#include "settle-cli.h"
#include "settle-invoice-pdf.h"
#include "settle-invoice.h"

/* settle-cli export-pdf BOOK NUMBER OUT.pdf */
int
settle_cli_export_pdf (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(SettleInvoiceDocument) doc = NULL;
  GOptionEntry entries[] = {
    { NULL }
  };

  context = g_option_context_new (_("BOOK NUMBER OUT.pdf — write one invoice as a PDF"));
  g_option_context_set_summary (context,
                                _("Writes the invoice with that number (e.g. INV-0001) as a US "
                                  "Letter PDF. An existing file at OUT.pdf is replaced only once "
                                  "the new one is complete."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 3))
    return SETTLE_CLI_USAGE;

  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;
  invoice = settle_invoice_load_by_number (book, argv[2], &error);
  if (invoice == NULL)
    return settle_cli_fail (error);
  doc = settle_invoice_document_new (book, invoice->id, &error);
  if (doc == NULL)
    return settle_cli_fail (error);
  if (!settle_invoice_document_write_pdf (doc, argv[3], &error))
    return settle_cli_fail (error);

  return SETTLE_CLI_OK;
}
