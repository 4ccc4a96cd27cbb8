/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include "settle-activity.h"
#include "settle-book-private.h"

static char *actor_override;

void
settle_activity_free (SettleActivity *activity)
{
  if (activity == NULL)
    return;
  g_free (activity->at);
  g_free (activity->actor);
  g_free (activity->entity);
  g_free (activity->action);
  g_free (activity->detail);
  g_free (activity->number);
  g_free (activity->currency);
  g_free (activity);
}

void
settle_activity_set_actor (const char *actor)
{
  g_free (actor_override);
  actor_override = g_strdup (actor);
}

gboolean
settle_activity_log (SettleBook *book,
                     const char *entity,
                     SettleId    entity_id,
                     const char *action,
                     const char *detail,
                     const char *at,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (entity != NULL && action != NULL, FALSE);

  stmt = settle_book_prepare (book,
                              "INSERT INTO activity (at, actor, entity, entity_id, action, detail) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (at == NULL)
    at = now = settle_timestamp_now ();
  settle_bind_text (stmt, 1, at);
  settle_bind_text (stmt, 2, actor_override ? actor_override : g_get_user_name ());
  settle_bind_text (stmt, 3, entity);
  sqlite3_bind_int64 (stmt, 4, entity_id);
  settle_bind_text (stmt, 5, action);
  settle_bind_text (stmt, 6, detail ? detail : "");
  return settle_book_step_done (book, stmt, error);
}

GPtrArray *
settle_activity_list (SettleBook *book,
                      const char *entity,
                      SettleId    entity_id,
                      GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_activity_free);
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT id, at, actor, entity, entity_id, action, detail FROM activity "
                              "WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  settle_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleActivity *a = g_new0 (SettleActivity, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->at = settle_column_dup (stmt, 1);
      a->actor = settle_column_dup (stmt, 2);
      a->entity = settle_column_dup (stmt, 3);
      a->entity_id = sqlite3_column_int64 (stmt, 4);
      a->action = settle_column_dup (stmt, 5);
      a->detail = settle_column_dup (stmt, 6);
      g_ptr_array_add (list, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Each branch walks one index (activity_by_entity, invoices_by_client,
 * payments_by_client); only the client's rows are sorted. Rows are not logged in
 * time order (a demo book, back-dated rows), so the order is by time, then id. */
GPtrArray *
settle_activity_list_for_client (SettleBook *book,
                                 SettleId    client_id,
                                 guint       limit,
                                 guint       offset,
                                 GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_activity_free);
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT id, at, actor, entity, entity_id, action, detail, number, "
                              "amount, currency FROM ("
                              " SELECT a.id, a.at, a.actor, a.entity, a.entity_id, a.action, "
                              "  a.detail, NULL AS number, 0 AS amount, NULL AS currency "
                              " FROM activity a WHERE a.entity = 'client' AND a.entity_id = ?1"
                              " UNION ALL"
                              " SELECT a.id, a.at, a.actor, a.entity, a.entity_id, a.action, "
                              "  a.detail, i.number, i.total, i.currency "
                              " FROM invoices i JOIN activity a"
                              "  ON a.entity = 'invoice' AND a.entity_id = i.id"
                              " WHERE i.client_id = ?1"
                              " UNION ALL"
                              " SELECT a.id, a.at, a.actor, a.entity, a.entity_id, a.action, "
                              "  a.detail, NULL, p.amount, p.currency "
                              " FROM payments p JOIN activity a"
                              "  ON a.entity = 'payment' AND a.entity_id = p.id"
                              " WHERE p.client_id = ?1"
                              ") ORDER BY at DESC, id DESC LIMIT ?2 OFFSET ?3",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (sqlite3_int64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleActivity *a = g_new0 (SettleActivity, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->at = settle_column_dup (stmt, 1);
      a->actor = settle_column_dup (stmt, 2);
      a->entity = settle_column_dup (stmt, 3);
      a->entity_id = sqlite3_column_int64 (stmt, 4);
      a->action = settle_column_dup (stmt, 5);
      a->detail = settle_column_dup (stmt, 6);
      a->number = settle_column_dup (stmt, 7);
      a->amount = sqlite3_column_int64 (stmt, 8);
      a->currency = settle_column_dup (stmt, 9);
      g_ptr_array_add (list, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
