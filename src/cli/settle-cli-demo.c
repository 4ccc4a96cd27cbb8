/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "settle-book.h"
#include "settle-demo.h"
#include "settle-demo-bank.h"
#include "settle-money.h"
#include "settle-cli.h"

static void
show_progress (double   fraction,
               gpointer user_data)
{
  if (isatty (fileno (stderr)))
    g_printerr ("\r%s %3d %%", _("Generating…"), (int) (fraction * 100));
}

int
settle_cli_demo (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autofree char *today = NULL;
  g_autofree char *currency = NULL;
  gint64 n_clients = 40, n_invoices = 2000, seed = 1;
  gboolean bank_statement = FALSE;
  SettleDemoOptions options;
  GOptionEntry entries[] = {
    { "clients", 'c', 0, G_OPTION_ARG_INT64, &n_clients, N_("Number of clients (default 40)"), "C" },
    { "invoices", 'n', 0, G_OPTION_ARG_INT64, &n_invoices,
      N_("Number of invoices (default 2000)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Random seed (default 1)"), "S" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Last day of the history, YYYY-MM-DD (default today)"), "DATE" },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, N_("ISO 4217 code (default USD)"), "CODE" },
    { "bank-statement", 0, 0, G_OPTION_ARG_NONE, &bank_statement,
      N_("Also add a bank account with a statement of the last 30 days to reconcile"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — create a demo book"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 1))
    return SETTLE_CLI_USAGE;

  settle_demo_options_init (&options);
  if (n_clients < 1 || n_clients > 100000 || n_invoices < 0 || n_invoices > 10000000 ||
      seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr (_("settle-cli: --clients must be 1 to 100000, --invoices 0 to 10000000, "
                    "--seed 0 to 4294967295\n"));
      return SETTLE_CLI_USAGE;
    }
  options.n_clients = n_clients;
  options.n_invoices = n_invoices;
  options.seed = seed;
  if (today != NULL && !settle_date_parse (today, &options.today))
    {
      g_printerr (_("settle-cli: --today: “%s” is not a date like 2026-01-31\n"), today);
      return SETTLE_CLI_USAGE;
    }
  if (currency != NULL)
    {
      if (!settle_currency_is_known (currency))
        {
          g_printerr (_("settle-cli: --currency: “%s” is not a known ISO 4217 code\n"), currency);
          return SETTLE_CLI_USAGE;
        }
      g_strlcpy (options.currency, currency, sizeof options.currency);
    }

  book = settle_book_open (argv[1], SETTLE_BOOK_OPEN_CREATE, &error);
  if (book == NULL)
    return settle_cli_fail (error);
  if (!settle_demo_generate (book, &options, show_progress, NULL, &error)
      || (bank_statement
          && !settle_demo_add_bank_statement (book, options.seed,
                                              g_date_valid (&options.today) ? &options.today : NULL,
                                              &error)))
    {
      g_autofree char *path = g_strdup (settle_book_get_path (book));

      /* A half-made demo is worth nothing: remove the new file. */
      g_clear_object (&book);
      for (guint i = 0; i < 4; i++)
        {
          static const char * const suffixes[] = { "", "-wal", "-shm", ".lock" };
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
          g_remove (file);
        }
      return settle_cli_fail (error);
    }
  if (isatty (fileno (stderr)))
    g_printerr ("\n");
  g_print (_("Created %s: %u clients, %u invoices\n"), settle_book_get_path (book),
           options.n_clients, options.n_invoices);
  if (bank_statement)
    g_print (_("Added a bank statement of the last 30 days to reconcile\n"));
  return SETTLE_CLI_OK;
}
