/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one-click reminder of the dashboard: a statement reminder for a whole client,
 * written to the outbox like the dunning run's emails (same templates, same queue). */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-client-reminder.h"
#include "settle-client.h"
#include "settle-dunning.h"
#include "settle-money.h"
#include "settle-outbox.h"
#include "settle-template.h"

/* How many invoice numbers the email names before "and N more". */
#define MAX_NUMBERS 6

typedef struct
{
  SettleId oldest_open;     /* the oldest open invoice: the statement starts at its date */
  GDate    oldest_issue;
  SettleId oldest_overdue;  /* 0 when nothing is overdue */
  gint64   overdue;
  gint64   open;
  char     currency[4];
  GString *numbers;         /* the overdue invoices, oldest first */
  guint    n_overdue;
} OpenInvoices;

static gboolean
load_open_invoices (SettleBook   *book,
                    SettleId      client_id,
                    const GDate  *as_of,
                    OpenInvoices *open,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book,
                              "SELECT id, number, issue_date, due_date, total - amount_paid, currency "
                              "FROM invoices WHERE client_id = ?1 "
                              "AND status IN ('issued', 'partial') AND total > amount_paid "
                              "ORDER BY due_date, issue_date, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);
      const char *number = (const char *) sqlite3_column_text (stmt, 1);
      GDate issue, due;
      gint64 amount = sqlite3_column_int64 (stmt, 4);

      settle_column_date (stmt, 2, &issue);
      settle_column_date (stmt, 3, &due);
      if (open->oldest_open == 0 || g_date_compare (&issue, &open->oldest_issue) < 0)
        {
          open->oldest_open = id;
          open->oldest_issue = issue;
        }
      if (open->currency[0] == '\0' && sqlite3_column_text (stmt, 5) != NULL)
        g_strlcpy (open->currency, (const char *) sqlite3_column_text (stmt, 5),
                   sizeof open->currency);
      open->open += amount;
      if (g_date_valid (&due) && g_date_compare (&due, as_of) < 0)
        {
          if (open->oldest_overdue == 0)
            open->oldest_overdue = id;
          open->overdue += amount;
          if (open->n_overdue < MAX_NUMBERS)
            g_string_append_printf (open->numbers, "%s%s", open->n_overdue > 0 ? ", " : "",
                                    number != NULL ? number : "");
          open->n_overdue++;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  if (open->n_overdue > MAX_NUMBERS)
    {
      guint more = open->n_overdue - MAX_NUMBERS;

      /* Translators: after a list of invoice numbers, "INV-1, INV-2 and 3 more". */
      g_string_append_printf (open->numbers, ngettext (" and %u more", " and %u more", more), more);
    }
  return TRUE;
}

/* The template of the ladder's first reminder: its first email step after the due date. */
static char *
reminder_template_id (SettleBook *book,
                      GError    **error)
{
  g_autoptr(SettleDunningLadder) ladder = settle_dunning_ladder_load (book, error);

  if (ladder == NULL)
    return NULL;
  for (guint i = 0; i < settle_dunning_ladder_get_n_steps (ladder); i++)
    {
      const SettleDunningStep *step = settle_dunning_ladder_get_step (ladder, i);

      if (step->offset_days > 0 && step->channel == SETTLE_DUNNING_CHANNEL_EMAIL)
        return g_strdup (step->template_id);
    }
  return g_strdup ("polite");
}

static SettleId
find_job (SettleBook *book,
          const char *key,
          GError    **error)
{
  sqlite3_stmt *stmt;
  SettleId id = 0;
  int rc;

  stmt = settle_book_prepare (book, "SELECT id FROM outbox_jobs WHERE idempotency_key = ?1", error);
  if (stmt == NULL)
    return -1;
  settle_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return -1;
    }
  return id;
}

static SettleId
enqueue (SettleBook         *book,
         const SettleClient *client,
         const OpenInvoices *open,
         const GDate        *as_of,
         const char         *key,
         GError            **error)
{
  g_autoptr(SettleOutboxJob) job = NULL;
  g_autoptr(SettleTemplate) tmpl = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *from = NULL, *to = NULL, *ref = NULL;
  SettleId invoice_id = open->oldest_overdue != 0 ? open->oldest_overdue : open->oldest_open;
  gint64 amount = open->oldest_overdue != 0 ? open->overdue : open->open;

  template_id = reminder_template_id (book, error);
  if (template_id == NULL)
    return 0;
  tmpl = settle_template_load (book, template_id, error);
  if (tmpl == NULL)
    return 0;
  values = settle_template_values_for_invoice (book, invoice_id, as_of, NULL, amount, error);
  if (values == NULL)
    return 0;
  if (open->n_overdue > 1)
    g_hash_table_insert (values, (gpointer) "invoice_number", g_strdup (open->numbers->str));

  job = settle_outbox_job_new (key);
  g_free (job->entity);
  job->entity = g_strdup ("client");
  job->entity_id = client->id;
  g_free (job->to);
  job->to = g_strdup (client->email);
  g_clear_pointer (&job->subject, g_free);
  g_clear_pointer (&job->body_text, g_free);
  g_clear_pointer (&job->body_html, g_free);
  if (!settle_template_render (tmpl, values, &job->subject, &job->body_text, &job->body_html,
                               error))
    return 0;
  from = settle_date_to_iso (&open->oldest_issue);
  to = settle_date_to_iso (as_of);
  ref = g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%s", (gint64) client->id, from, to);
  settle_outbox_job_add_attachment (job, SETTLE_OUTBOX_ATTACH_STATEMENT_PDF, ref);
  return settle_outbox_enqueue (book, job, error);
}

gboolean
settle_client_remind (SettleBook  *book,
                      SettleId     client_id,
                      const GDate *as_of,
                      SettleId    *job_id,
                      gboolean    *already_queued,
                      GError     **error)
{
  g_autoptr(SettleClient) client = NULL;
  g_autofree char *date = NULL;
  g_autofree char *key = NULL;
  g_autofree char *detail = NULL;
  OpenInvoices open = { 0 };
  SettleId id;
  GDate today;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (client_id > 0, FALSE);
  g_return_val_if_fail (as_of == NULL || g_date_valid (as_of), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (as_of == NULL)
    {
      settle_today (&today);
      as_of = &today;
    }
  date = settle_date_to_iso (as_of);
  key = g_strdup_printf ("manual-reminder:%" G_GINT64_FORMAT ":%s", (gint64) client_id, date);

  if (!settle_book_begin (book, error))
    return FALSE;
  client = settle_client_load (book, client_id, error);
  if (client == NULL)
    goto fail;

  id = find_job (book, key, error);
  if (id < 0)
    goto fail;
  if (id > 0)
    {
      settle_book_rollback (book);
      if (job_id != NULL)
        *job_id = id;
      if (already_queued != NULL)
        *already_queued = TRUE;
      return TRUE;
    }

  {
    g_auto(GStrv) addresses = settle_email_address_list_parse (client->email, "email", FALSE, NULL);

    if (addresses == NULL || addresses[0] == NULL)
      {
        g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                     _("%s has no valid billing email address: add one to the client to send reminders"),
                     client->name);
        goto fail;
      }
  }

  open.numbers = g_string_new (NULL);
  if (!load_open_invoices (book, client_id, as_of, &open, error))
    goto fail;
  if (open.oldest_open == 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("%s has no open invoice to remind of"), client->name);
      goto fail;
    }

  id = enqueue (book, client, &open, as_of, key, error);
  if (id == 0)
    goto fail;
  detail = g_strdup_printf ("manual %s", open.n_overdue > 0 ? open.numbers->str : "statement");
  if (!settle_activity_log (book, "client", client_id, "reminded", detail, NULL, error))
    goto fail;
  if (!settle_book_commit (book, error))
    goto fail_nocommit;

  g_string_free (open.numbers, TRUE);
  if (job_id != NULL)
    *job_id = id;
  if (already_queued != NULL)
    *already_queued = FALSE;
  return TRUE;

fail:
  settle_book_rollback (book);
fail_nocommit:
  if (open.numbers != NULL)
    g_string_free (open.numbers, TRUE);
  return FALSE;
}
