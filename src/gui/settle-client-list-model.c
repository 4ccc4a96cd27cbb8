/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include "settle-client-list-model.h"
#include "settle-client-row.h"

struct _SettleClientListModel
{
  SettlePagedModel   parent_instance;

  SettleClientQuery query;
};

G_DEFINE_FINAL_TYPE (SettleClientListModel, settle_client_list_model, SETTLE_TYPE_PAGED_MODEL)

static gpointer
settle_client_list_model_dup_query (SettlePagedModel *model)
{
  SettleClientListModel *self = SETTLE_CLIENT_LIST_MODEL (model);
  SettleClientQuery *copy = g_new0 (SettleClientQuery, 1);

  *copy = self->query;
  copy->search = g_strdup (self->query.search);
  return copy;
}

static void
settle_client_list_model_free_query (gpointer data)
{
  SettleClientQuery *query = data;

  g_free (query->search);
  g_free (query);
}

static gboolean
settle_client_list_model_count (SettleBook   *book,
                                 gconstpointer query,
                                 guint        *n_rows,
                                 GError      **error)
{
  return settle_client_query_count (book, query, n_rows, error);
}

static GPtrArray *
settle_client_list_model_fetch (SettleBook   *book,
                                 gconstpointer query,
                                 gconstpointer after,
                                 guint         offset,
                                 guint         limit,
                                 GError      **error)
{
  return settle_client_query_page (book, query, after, offset, limit, error);
}

static gpointer
settle_client_list_model_dup_row (GObject *item)
{
  const SettleClientSummary *summary = settle_client_row_get_summary (SETTLE_CLIENT_ROW (item));

  return summary != NULL ? settle_client_summary_dup (summary) : NULL;
}

static void
settle_client_list_model_free_row (gpointer row)
{
  settle_client_summary_free (row);
}

static GObject *
settle_client_list_model_new_item (void)
{
  return G_OBJECT (settle_client_row_new ());
}

static void
settle_client_list_model_fill_item (GObject *item,
                                     gpointer row)
{
  settle_client_row_set_summary (SETTLE_CLIENT_ROW (item), row);
}

static void
settle_client_list_model_finalize (GObject *object)
{
  SettleClientListModel *self = SETTLE_CLIENT_LIST_MODEL (object);

  g_clear_pointer (&self->query.search, g_free);

  G_OBJECT_CLASS (settle_client_list_model_parent_class)->finalize (object);
}

static void
settle_client_list_model_class_init (SettleClientListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SettlePagedModelClass *paged_class = SETTLE_PAGED_MODEL_CLASS (klass);

  object_class->finalize = settle_client_list_model_finalize;

  paged_class->item_type = SETTLE_TYPE_CLIENT_ROW;
  paged_class->dup_query = settle_client_list_model_dup_query;
  paged_class->free_query = settle_client_list_model_free_query;
  paged_class->count = settle_client_list_model_count;
  paged_class->fetch = settle_client_list_model_fetch;
  paged_class->dup_row = settle_client_list_model_dup_row;
  paged_class->free_row = settle_client_list_model_free_row;
  paged_class->new_item = settle_client_list_model_new_item;
  paged_class->fill_item = settle_client_list_model_fill_item;
}

static void
settle_client_list_model_init (SettleClientListModel *self)
{
  self->query.sort = SETTLE_CLIENT_SORT_NAME;
  self->query.descending = FALSE;
}

SettleClientListModel *
settle_client_list_model_new (void)
{
  return g_object_new (SETTLE_TYPE_CLIENT_LIST_MODEL, NULL);
}

void
settle_client_list_model_set_sort (SettleClientListModel *self,
                                    SettleClientSort       sort,
                                    gboolean                descending)
{
  g_return_if_fail (SETTLE_IS_CLIENT_LIST_MODEL (self));

  if (self->query.sort == sort && self->query.descending == !!descending)
    return;
  self->query.sort = sort;
  self->query.descending = !!descending;
  settle_paged_model_query_changed (SETTLE_PAGED_MODEL (self), FALSE);
}

SettleClientSort
settle_client_list_model_get_sort (SettleClientListModel *self,
                                    gboolean               *descending)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_LIST_MODEL (self), SETTLE_CLIENT_SORT_NAME);

  if (descending != NULL)
    *descending = self->query.descending;
  return self->query.sort;
}

void
settle_client_list_model_set_search (SettleClientListModel *self,
                                      const char             *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (SETTLE_IS_CLIENT_LIST_MODEL (self));

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (stripped, self->query.search) == 0)
    return;
  g_free (self->query.search);
  self->query.search = g_steal_pointer (&stripped);
  settle_paged_model_query_changed (SETTLE_PAGED_MODEL (self), TRUE);
}

const char *
settle_client_list_model_get_search (SettleClientListModel *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_LIST_MODEL (self), NULL);
  return self->query.search;
}
