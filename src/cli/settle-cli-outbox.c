/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-book.h"
#include "settle-cli.h"
#include "settle-outbox-worker.h"
#include "settle-outbox.h"

static void
print_jobs (GPtrArray *jobs)
{
  g_print ("%-6s %-12s %-8s %-30s %s\n", _("Id"), _("Status"), _("Tries"), _("To"), _("Subject"));
  for (guint i = 0; i < jobs->len; i++)
    {
      const SettleOutboxJob *job = g_ptr_array_index (jobs, i);

      g_print ("%-6" G_GINT64_FORMAT " %-12s %-8d %-30s %s\n", job->id,
               settle_outbox_status_label (job->status), job->attempts, job->to, job->subject);
      if (job->status == SETTLE_OUTBOX_SENT)
        g_print ("       %s %s\n", _("sent"), job->sent_at);
      else if (job->status == SETTLE_OUTBOX_QUEUED && job->attempts > 0)
        g_print ("       %s %s\n", _("next attempt"), job->next_attempt_at);
      if (*job->last_error != '\0' && job->status != SETTLE_OUTBOX_SENT)
        g_print ("       %s\n", job->last_error);
    }
}

/* settle-cli outbox BOOK [--send] [--list] [--confirm ID] [--resend ID] */
int
settle_cli_outbox (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  gboolean send = FALSE;
  gboolean list = FALSE;
  gint64 confirm_id = 0;
  gint64 resend_id = 0;
  int limit = 50;
  GOptionEntry entries[] = {
    { "send", 's', 0, G_OPTION_ARG_NONE, &send,
      N_("Send the emails that are due, with the book's SMTP settings"), NULL },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the newest emails and their status"),
      NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("How many emails --list shows (default 50)"),
      N_("N") },
    { "confirm", 0, 0, G_OPTION_ARG_INT64, &confirm_id,
      N_("Mark an unconfirmed email as delivered, after checking with the recipient"), N_("ID") },
    { "resend", 0, 0, G_OPTION_ARG_INT64, &resend_id,
      N_("Queue an unconfirmed, failed or abandoned email again"), N_("ID") },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — send and list the emails of a book"));
  g_option_context_set_summary (context,
                                _("Emails wait in the book's outbox until they are sent. The "
                                  "SMTP server comes from the book's settings (smtp.host, "
                                  "smtp.port, smtp.security, smtp.username, smtp.from); the "
                                  "password from the keyring or SETTLE_SMTP_PASSWORD."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 1))
    return SETTLE_CLI_USAGE;
  if (!send && confirm_id == 0 && resend_id == 0)
    list = TRUE;

  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;

  if (confirm_id != 0 && !settle_outbox_confirm_sent (book, confirm_id, &error))
    return settle_cli_fail (error);
  if (resend_id != 0 && !settle_outbox_resend (book, resend_id, NULL, &error))
    return settle_cli_fail (error);

  if (send)
    {
      SettleOutboxRunResult result = { 0 };
      gboolean ok;

      ok = settle_outbox_send_due_full (book, NULL, NULL, NULL, NULL, NULL, &result, &error);
      if (result.n_recovered > 0)
        g_print (ngettext ("%u email was being sent when Settle stopped: check it, then "
                           "--confirm or --resend it\n",
                           "%u emails were being sent when Settle stopped: check them, then "
                           "--confirm or --resend them\n",
                           result.n_recovered),
                 result.n_recovered);
      g_print (_("Sent %u, to retry later %u, failed %u, unconfirmed %u\n"), result.n_sent,
               result.n_retrying, result.n_failed, result.n_unknown);
      if (!ok)
        return settle_cli_fail (error);
    }

  if (list)
    {
      g_autoptr(GPtrArray) jobs = settle_outbox_list (book, NULL, 0, MAX (limit, 0), &error);

      if (jobs == NULL)
        return settle_cli_fail (error);
      print_jobs (jobs);
    }
  return SETTLE_CLI_OK;
}
