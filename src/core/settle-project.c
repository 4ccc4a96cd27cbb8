/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-book-rows-private.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-project.h"

/* settle-book-rows-private.h reads a record's and a child's id as its first member. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (SettleProject, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (SettleMilestone, id) == 0);

static void
milestone_free (SettleMilestone *m)
{
  g_free (m->name);
  g_free (m);
}

SettleProject *
settle_project_new (SettleId    client_id,
                    const char *currency)
{
  SettleProject *p = g_new0 (SettleProject, 1);

  g_return_val_if_fail (currency != NULL && strlen (currency) == 3, p);

  p->client_id = client_id;
  p->name = g_strdup ("");
  memcpy (p->currency, currency, 4);
  p->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) milestone_free);
  return p;
}

void
settle_project_free (SettleProject *p)
{
  if (p == NULL)
    return;
  g_free (p->client_name);
  g_free (p->name);
  g_ptr_array_unref (p->milestones);
  g_free (p);
}

SettleMilestone *
settle_project_add_milestone (SettleProject *p,
                              const char    *name,
                              gint64         amount,
                              const GDate   *due_date)
{
  SettleMilestone *m = g_new0 (SettleMilestone, 1);

  g_return_val_if_fail (p != NULL, m);

  m->position = p->milestones->len + 1;
  m->name = g_strdup (name ? name : "");
  m->amount = amount;
  g_date_clear (&m->due_date, 1);
  g_date_clear (&m->completed_on, 1);
  if (due_date != NULL && g_date_valid (due_date))
    m->due_date = *due_date;
  g_ptr_array_add (p->milestones, m);
  return m;
}

static gboolean
validate (const SettleProject *p,
          GError             **error)
{
  const char *message = NULL;
  guint bad = 0;

  if (p->client_id == 0)
    message = _("Client: a project needs a client");
  else if (settle_text_is_blank (p->name))
    message = _("Name: a project needs a name");
  else if (!settle_currency_is_known (p->currency))
    message = _("Currency: not a known ISO 4217 code");
  else if (p->budget < 0)
    message = _("Budget: cannot be negative");
  else
    for (guint i = 0; i < p->milestones->len && message == NULL; i++)
      {
        const SettleMilestone *m = g_ptr_array_index (p->milestones, i);

        bad = i + 1;
        if (settle_text_is_blank (m->name))
          message = _("a milestone needs a name");
        else if (m->amount < 0)
          message = _("the amount cannot be negative");
      }
  if (message == NULL)
    return TRUE;
  if (bad > 0)
    /* TRANSLATORS: "Milestone 2: the amount cannot be negative" */
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, _("Milestone %u: %s"),
                 bad, message);
  else
    g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return FALSE;
}

/* Completed milestones are frozen: compare with what is stored. */
static gboolean
save_milestones (SettleBook    *book,
                 SettleProject *p,
                 GError       **error)
{
  g_autoptr(GHashTable) kept = settle_book_rows_stored_ids (p->milestones);
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book, "SELECT id, name, amount, completed_on FROM milestones "
                                    "WHERE project_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);
      gboolean completed = sqlite3_column_type (stmt, 3) != SQLITE_NULL;

      if (!completed)
        continue;
      if (!g_hash_table_contains (kept, &id))
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                       _("Milestone “%s” is completed and cannot be removed"),
                       (const char *) sqlite3_column_text (stmt, 1));
          sqlite3_reset (stmt);
          return FALSE;
        }
      for (guint i = 0; i < p->milestones->len; i++)
        {
          SettleMilestone *m = g_ptr_array_index (p->milestones, i);

          if (m->id == id && (m->amount != sqlite3_column_int64 (stmt, 2) ||
                              g_strcmp0 (m->name, (const char *) sqlite3_column_text (stmt, 1))))
            {
              g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                           _("Milestone %u: it is completed and invoiced; its name and amount "
                             "can no longer change"), i + 1);
              sqlite3_reset (stmt);
              return FALSE;
            }
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);

  stmt = settle_book_prepare (book, "DELETE FROM milestones WHERE project_id = ?1 "
                                    "AND completed_on IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;

  for (guint i = 0; i < p->milestones->len; i++)
    {
      SettleMilestone *m = g_ptr_array_index (p->milestones, i);

      m->position = i + 1;
      m->project_id = p->id;
      if (g_date_valid (&m->completed_on))
        {
          stmt = settle_book_prepare (book, "UPDATE milestones SET position = ?1, due_date = ?2 "
                                            "WHERE id = ?3", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int (stmt, 1, m->position);
          settle_bind_date (stmt, 2, &m->due_date);
          sqlite3_bind_int64 (stmt, 3, m->id);
          if (!settle_book_step_done (book, stmt, error))
            return FALSE;
          continue;
        }
      /* Open milestones were deleted above and go back in with the same id. */
      stmt = settle_book_prepare (book,
                                  "INSERT INTO milestones (id, project_id, position, name, amount, "
                                  "due_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      if (m->id != 0)
        sqlite3_bind_int64 (stmt, 1, m->id);
      sqlite3_bind_int64 (stmt, 2, p->id);
      sqlite3_bind_int (stmt, 3, m->position);
      settle_bind_text (stmt, 4, m->name);
      sqlite3_bind_int64 (stmt, 5, m->amount);
      settle_bind_date (stmt, 6, &m->due_date);
      if (!settle_book_step_done (book, stmt, error))
        return FALSE;
      m->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
    }
  return TRUE;
}

static gboolean
write_project (SettleBook *book,
               gpointer    record,
               gboolean    inserting,
               GError    **error)
{
  SettleProject *p = record;
  sqlite3_stmt *stmt;

  if (inserting)
    stmt = settle_book_prepare (book, "INSERT INTO projects (client_id, name, budget, currency, "
                                      "created_at) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  else
    stmt = settle_book_prepare (book, "UPDATE projects SET client_id = ?1, name = ?2, "
                                      "budget = ?3, currency = ?4 WHERE id = ?6", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->client_id);
  settle_bind_text (stmt, 2, p->name);
  sqlite3_bind_int64 (stmt, 3, p->budget);
  settle_bind_text (stmt, 4, p->currency);
  if (inserting)
    {
      g_autofree char *now = settle_timestamp_now ();
      settle_bind_text (stmt, 5, now);
    }
  else
    sqlite3_bind_int64 (stmt, 6, p->id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  if (inserting)
    p->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  if (!save_milestones (book, p, error))
    return FALSE;
  return !inserting || settle_activity_log (book, "project", p->id, "created", p->name, NULL,
                                            error);
}

gboolean
settle_project_save (SettleBook    *book,
                     SettleProject *p,
                     GError       **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (p != NULL, FALSE);

  if (!validate (p, error))
    return FALSE;
  return settle_book_rows_save (book, p, p->milestones, write_project, error);
}

static gboolean
load_milestones (SettleBook *book,
                 gpointer    record,
                 GError    **error)
{
  SettleProject *p = record;
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book, "SELECT id, position, name, amount, due_date, completed_on, "
                                    "invoice_id FROM milestones WHERE project_id = ?1 "
                                    "ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleMilestone *m = g_new0 (SettleMilestone, 1);

      m->id = sqlite3_column_int64 (stmt, 0);
      m->project_id = p->id;
      m->position = sqlite3_column_int (stmt, 1);
      m->name = settle_column_dup (stmt, 2);
      m->amount = sqlite3_column_int64 (stmt, 3);
      settle_column_date (stmt, 4, &m->due_date);
      settle_column_date (stmt, 5, &m->completed_on);
      m->invoice_id = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (p->milestones, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

#define PROJECT_SELECT \
  "SELECT p.id, p.client_id, c.name, p.name, p.budget, p.currency FROM projects p " \
  "JOIN clients c ON c.id = p.client_id "

static gpointer
project_from_row (sqlite3_stmt *stmt)
{
  SettleProject *p = settle_project_new (sqlite3_column_int64 (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 5));

  p->id = sqlite3_column_int64 (stmt, 0);
  p->client_name = settle_column_dup (stmt, 2);
  g_free (p->name);
  p->name = settle_column_dup (stmt, 3);
  p->budget = sqlite3_column_int64 (stmt, 4);
  return p;
}

SettleProject *
settle_project_load (SettleBook *book,
                     SettleId    project_id,
                     GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book, PROJECT_SELECT "WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  return settle_book_rows_load_one (book, stmt, project_from_row, load_milestones,
                                    (GDestroyNotify) settle_project_free, error,
                                    _("There is no project with id %" PRId64), project_id);
}

GPtrArray *
settle_project_list (SettleBook *book,
                     SettleId    client_id,
                     GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book, PROJECT_SELECT "WHERE ?1 = 0 OR p.client_id = ?1 "
                                    "ORDER BY c.name COLLATE NOCASE, p.name COLLATE NOCASE, p.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  return settle_book_rows_load_all (book, stmt, project_from_row, load_milestones,
                                    (GDestroyNotify) settle_project_free, error);
}

SettleId
settle_milestone_complete (SettleBook  *book,
                           SettleId     milestone_id,
                           const GDate *date,
                           GError     **error)
{
  g_autoptr(SettleProject) p = NULL;
  g_autoptr(SettleInvoice) inv = NULL;
  g_autofree char *description = NULL;
  SettleMilestone *m = NULL;
  sqlite3_stmt *stmt;
  SettleId project_id = 0;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  if (!settle_book_begin (book, error))
    return 0;
  stmt = settle_book_prepare (book, "SELECT project_id FROM milestones WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, milestone_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    project_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                     _("There is no milestone with id %" PRId64), milestone_id);
      else
        settle_book_set_error (book, rc, error);
      goto fail;
    }
  p = settle_project_load (book, project_id, error);
  if (p == NULL)
    goto fail;
  for (guint i = 0; i < p->milestones->len; i++)
    if (((SettleMilestone *) g_ptr_array_index (p->milestones, i))->id == milestone_id)
      m = g_ptr_array_index (p->milestones, i);
  g_assert (m != NULL);
  if (g_date_valid (&m->completed_on))
    {
      g_autofree char *when = settle_date_to_iso (&m->completed_on);

      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Milestone “%s” of “%s” was already completed on %s"), m->name, p->name,
                   when);
      goto fail;
    }

  inv = settle_invoice_new_for_client (book, p->client_id, error);
  if (inv == NULL)
    goto fail;
  memcpy (inv->currency, p->currency, 4);
  /* TRANSLATORS: the invoice line of a completed milestone: project – milestone */
  description = g_strdup_printf (_("%s – %s"), p->name, m->name);
  settle_invoice_add_line (inv, description, 1000, m->amount, 0);
  if (!settle_invoice_save_draft (book, inv, error))
    goto fail;
  stmt = settle_book_prepare (book, "UPDATE milestones SET completed_on = ?1, invoice_id = ?2 "
                                    "WHERE id = ?3 AND completed_on IS NULL", error);
  if (stmt == NULL)
    goto fail;
  settle_bind_date (stmt, 1, date);
  sqlite3_bind_int64 (stmt, 2, inv->id);
  sqlite3_bind_int64 (stmt, 3, milestone_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (!settle_activity_log (book, "project", p->id, "milestone-completed", m->name, NULL, error))
    goto fail;
  if (!settle_book_commit (book, error))
    return 0;
  return inv->id;

fail:
  settle_book_rollback (book);
  return 0;
}

gboolean
settle_project_get_invoiced (SettleBook *book,
                             SettleId    project_id,
                             gint64     *invoiced,
                             gint64     *remaining,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 sum = 0, budget = 0;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  stmt = settle_book_prepare (book,
                              "SELECT p.budget, (SELECT COALESCE (SUM (i.subtotal), 0) "
                              "FROM milestones m JOIN invoices i ON i.id = m.invoice_id "
                              "WHERE m.project_id = p.id AND i.status <> 'void') "
                              "FROM projects p WHERE p.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      budget = sqlite3_column_int64 (stmt, 0);
      sum = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no project with id %" PRId64), project_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  if (invoiced != NULL)
    *invoiced = sum;
  if (remaining != NULL)
    *remaining = budget - sum;
  return TRUE;
}
