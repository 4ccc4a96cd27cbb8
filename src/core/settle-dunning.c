/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dunning settings: the book's ladder, client overrides and opt-outs, disputes and
 * pauses of single invoices, and the send log. The plan and the run are in
 * settle-dunning-plan.c and settle-dunning-run.c. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "settle-activity.h"
#include "settle-dunning-private.h"
#include "settle-late-fee.h"
#include "settle-template.h"

void
settle_dunning_item_free (SettleDunningItem *item)
{
  if (item == NULL)
    return;
  g_free (item->invoice_number);
  g_free (item->client_name);
  g_free (item->template_id);
  g_clear_pointer (&item->fees, g_ptr_array_unref);
  g_free (item);
}

void
settle_dunning_plan_free (SettleDunningPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->items, g_ptr_array_unref);
  g_free (plan);
}

SettleDunningLadder *
settle_dunning_ladder_load (SettleBook *book,
                            GError    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  text = settle_book_get_setting (book, "dunning.ladder");
  if (text == NULL || *text == '\0')
    return settle_dunning_ladder_new_default ();
  return settle_dunning_ladder_parse (text, error);
}

gboolean
settle_dunning_ladder_check (SettleBook                *book,
                             const SettleDunningLadder *ladder,
                             GError                   **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (ladder != NULL, FALSE);

  if (!settle_dunning_ladder_validate (ladder, error))
    return FALSE;
  for (guint i = 0; i < settle_dunning_ladder_get_n_steps (ladder); i++)
    {
      const SettleDunningStep *step = settle_dunning_ladder_get_step (ladder, i);
      g_autoptr(SettleTemplate) tmpl = NULL;
      g_autoptr(GError) local = NULL;

      if (step->channel == SETTLE_DUNNING_CHANNEL_PHONE_TASK)
        continue;
      tmpl = settle_template_load (book, step->template_id, &local);
      if (tmpl == NULL)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Dunning ladder, step %u: %s"), i + 1, local->message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
settle_dunning_ladder_save (SettleBook                *book,
                            const SettleDunningLadder *ladder,
                            GError                   **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_dunning_ladder_check (book, ladder, error))
    return FALSE;
  text = settle_dunning_ladder_to_string (ladder);
  return settle_book_set_setting (book, "dunning.ladder", text, error);
}

SettleDunningLadder *
settle_dunning_ladder_for_client (SettleBook *book,
                                  SettleId    client_id,
                                  GError    **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book, "SELECT dunning_ladder FROM clients WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = settle_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no client with id %" PRId64), (gint64) client_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  if (text == NULL)
    return settle_dunning_ladder_load (book, error);
  return settle_dunning_ladder_parse (text, error);
}

static gboolean
update_flag (SettleBook *book,
             const char *sql,
             const char *text,
             gboolean    null_text,
             int         flag,
             SettleId    id,
             GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (null_text)
    sqlite3_bind_null (stmt, 1);
  else if (text != NULL)
    settle_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int (stmt, 1, flag);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  if (sqlite3_changes (settle_book_get_db (book)) == 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                           _("The client or invoice no longer exists"));
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_dunning_set_client_ladder (SettleBook                *book,
                                  SettleId                   client_id,
                                  const SettleDunningLadder *ladder,
                                  GError                   **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (ladder != NULL)
    {
      if (!settle_dunning_ladder_check (book, ladder, error))
        return FALSE;
      text = settle_dunning_ladder_to_string (ladder);
    }
  if (!settle_book_begin (book, error))
    return FALSE;
  if (!update_flag (book, "UPDATE clients SET dunning_ladder = ?1 WHERE id = ?2", text,
                    text == NULL, 0, client_id, error) ||
      !settle_activity_log (book, "client", client_id, "ladder changed", text ? text : "",
                            NULL, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

gboolean
settle_dunning_set_client_opt_out (SettleBook *book,
                                   SettleId    client_id,
                                   gboolean    opt_out,
                                   GError    **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!update_flag (book, "UPDATE clients SET dunning_opt_out = ?1 WHERE id = ?2", NULL, FALSE,
                    opt_out ? 1 : 0, client_id, error) ||
      !settle_activity_log (book, "client", client_id, opt_out ? "opted out" : "opted in", NULL,
                            NULL, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

gboolean
settle_dunning_set_disputed (SettleBook *book,
                             SettleId    invoice_id,
                             gboolean    disputed,
                             const char *reason,
                             GError    **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!update_flag (book, "UPDATE invoices SET disputed = ?1 WHERE id = ?2", NULL, FALSE,
                    disputed ? 1 : 0, invoice_id, error) ||
      !settle_activity_log (book, "invoice", invoice_id,
                            disputed ? "disputed" : "dispute resolved", reason, NULL, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

gboolean
settle_dunning_set_paused (SettleBook *book,
                           SettleId    invoice_id,
                           gboolean    paused,
                           const char *reason,
                           GError    **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!update_flag (book, "UPDATE invoices SET dunning_paused = ?1 WHERE id = ?2", NULL, FALSE,
                    paused ? 1 : 0, invoice_id, error) ||
      !settle_activity_log (book, "invoice", invoice_id, paused ? "paused" : "resumed", reason,
                            NULL, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

SettleDunningLadder *
settle_dunning_instalment_ladder (const SettleDunningLadder *ladder)
{
  SettleDunningLadder *sub = settle_dunning_ladder_new ();

  for (guint i = 0; i < settle_dunning_ladder_get_n_steps (ladder); i++)
    {
      const SettleDunningStep *step = settle_dunning_ladder_get_step (ladder, i);

      if (step->channel == SETTLE_DUNNING_CHANNEL_EMAIL && !step->fee &&
          step->action == SETTLE_DUNNING_ACTION_NONE)
        settle_dunning_ladder_add_step (sub, step->offset_days, step->channel,
                                        step->offset_days <= 0 ? "instalment" : step->template_id,
                                        FALSE, SETTLE_DUNNING_ACTION_NONE);
    }
  return sub;
}

gboolean
settle_dunning_log_last (SettleBook *book,
                         SettleId    invoice_id,
                         int         instalment,
                         int        *last,
                         GDate      *last_on,
                         GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *last = SETTLE_DUNNING_STEP_NONE;
  g_date_clear (last_on, 1);
  stmt = settle_book_prepare (book, "SELECT step, done_on FROM dunning_log WHERE invoice_id = ?1 "
                                    "AND instalment = ?2 ORDER BY step DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int (stmt, 2, instalment);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *last = sqlite3_column_int (stmt, 0);
      settle_column_date (stmt, 1, last_on);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}
