/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include "settle-book-rows-private.h"

gpointer
settle_book_rows_load_one (SettleBook         *book,
                           sqlite3_stmt       *stmt,
                           SettleRowFunc       from_row,
                           SettleChildrenFunc  load_children,
                           GDestroyNotify      free_func,
                           GError            **error,
                           const char         *not_found,
                           ...)
{
  gpointer record = NULL;
  va_list args;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (stmt != NULL && from_row != NULL && free_func != NULL, NULL);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      if (error != NULL)
        {
          va_start (args, not_found);
          g_propagate_error (error, g_error_new_valist (SETTLE_BOOK_ERROR,
                                                        SETTLE_BOOK_ERROR_NOT_FOUND,
                                                        not_found, args));
          va_end (args);
        }
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  if (load_children != NULL && !load_children (book, record, error))
    {
      free_func (record);
      return NULL;
    }
  return record;
}

GPtrArray *
settle_book_rows_load_all (SettleBook         *book,
                           sqlite3_stmt       *stmt,
                           SettleRowFunc       from_row,
                           SettleChildrenFunc  load_children,
                           GDestroyNotify      free_func,
                           GError            **error)
{
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (stmt != NULL && from_row != NULL && free_func != NULL, NULL);

  list = g_ptr_array_new_with_free_func (free_func);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  /* After the reset: the children's statements may share the connection's cache. */
  for (guint i = 0; load_children != NULL && i < list->len; i++)
    if (!load_children (book, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

gboolean
settle_book_rows_save (SettleBook      *book,
                       gpointer         record,
                       GPtrArray       *children,
                       SettleWriteFunc  write,
                       GError         **error)
{
  SettleId *id = record;
  g_autoptr(GArray) ids = NULL;
  gboolean inserting;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (record != NULL && children != NULL && write != NULL, FALSE);

  inserting = *id == 0;
  /* Which children were new, to forget their ids again if the save fails. */
  ids = settle_book_rows_get_ids (children);
  if (!settle_book_begin (book, error))
    return FALSE;
  if (!write (book, record, inserting, error))
    {
      settle_book_rollback (book);
      goto fail;
    }
  if (!settle_book_commit (book, error))
    goto fail;
  return TRUE;

fail:
  if (inserting)
    *id = 0;
  settle_book_rows_set_ids (children, ids);
  return FALSE;
}

GArray *
settle_book_rows_get_ids (GPtrArray *children)
{
  GArray *ids;

  g_return_val_if_fail (children != NULL, NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (SettleId), children->len);
  for (guint i = 0; i < children->len; i++)
    g_array_append_val (ids, *(SettleId *) g_ptr_array_index (children, i));
  return ids;
}

void
settle_book_rows_set_ids (GPtrArray *children,
                          GArray    *ids)
{
  g_return_if_fail (children != NULL && ids != NULL);
  g_return_if_fail (children->len == ids->len);

  for (guint i = 0; i < children->len; i++)
    *(SettleId *) g_ptr_array_index (children, i) = g_array_index (ids, SettleId, i);
}

GHashTable *
settle_book_rows_stored_ids (GPtrArray *children)
{
  GHashTable *set = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (children != NULL, set);

  for (guint i = 0; i < children->len; i++)
    {
      SettleId *id = g_ptr_array_index (children, i);

      if (*id != 0)
        g_hash_table_add (set, id);
    }
  return set;
}
