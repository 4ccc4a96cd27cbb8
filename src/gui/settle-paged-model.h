/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* A GListModel over a query in the book that never holds more than a few pages.
 * n_items comes from a count run in a worker; pages are fetched in a worker on
 * the model's own connection and filled into placeholder items in place, so a
 * row appears at once and its cells update when the page arrives.
 *
 * Subclasses say what the query is and how to count and fetch it. */

#define SETTLE_PAGED_MODEL_PAGE_SIZE 128
#define SETTLE_PAGED_MODEL_MAX_PAGES 32

#define SETTLE_TYPE_PAGED_MODEL (settle_paged_model_get_type ())
G_DECLARE_DERIVABLE_TYPE (SettlePagedModel, settle_paged_model, SETTLE, PAGED_MODEL, GObject)

struct _SettlePagedModelClass
{
  GObjectClass parent_class;

  GType      item_type;

  /* Main thread: an independent copy of the current query for a worker. */
  gpointer   (*dup_query)  (SettlePagedModel *self);
  void       (*free_query) (gpointer          query);

  /* Worker thread, on a connection of its own. */
  gboolean   (*count)      (SettleBook       *book,
                            gconstpointer     query,
                            guint            *n_rows,
                            GError          **error);
  /* Returns the rows (a GPtrArray owning them) after `after` (keyset) or from
   * offset. */
  GPtrArray *(*fetch)      (SettleBook       *book,
                            gconstpointer     query,
                            gconstpointer     after,
                            guint             offset,
                            guint             limit,
                            GError          **error);

  /* Main thread: a copy of a loaded item's row, to page on after it; NULL while
   * the item is a placeholder. */
  gpointer   (*dup_row)    (GObject          *item);
  void       (*free_row)   (gpointer          row);
  GObject   *(*new_item)   (void);
  /* Takes ownership of row. */
  void       (*fill_item)  (GObject          *item,
                            gpointer          row);
};

SettleBook *settle_paged_model_get_book      (SettlePagedModel *self);
void        settle_paged_model_set_book      (SettlePagedModel *self,
                                              SettleBook       *book);
gboolean    settle_paged_model_get_loading   (SettlePagedModel *self);
/* TRUE when the count is known and no page is waiting for the book. */
gboolean    settle_paged_model_is_idle       (SettlePagedModel *self);

/* For subclasses: the query changed. With recount (a new search), the model
 * empties and fills again when the new count is in; without (a new order), the
 * same items reload in place with the rows of the new order. */
void        settle_paged_model_query_changed (SettlePagedModel *self,
                                              gboolean          recount);
/* The book changed: count again and reload the pages in the cache. */
void        settle_paged_model_refresh       (SettlePagedModel *self);

G_END_DECLS
