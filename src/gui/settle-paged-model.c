/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include "settle-paged-model.h"

typedef enum
{
  PAGE_QUEUED,  /* placeholders, waiting for a fetch */
  PAGE_LOADING, /* a worker is fetching it */
  PAGE_LOADED,
} PageState;

typedef struct
{
  guint      index;
  guint      n_rows;
  GPtrArray *items;      /* GObject*, placeholders until the page is loaded */
  guint64    stamp;      /* last use, for the LRU */
  PageState  state;
  guint      epoch;      /* the book's state the items show */
} Page;

typedef struct
{
  SettleBook *book;
  gulong      changed_id;
  SettleBook *fetch_conn;       /* one fetch at a time uses it, never two */

  guint       n_items;
  GHashTable *pages;            /* index → Page* */
  GQueue      queue;            /* page indexes to fetch, most wanted first */
  guint64     clock;

  guint       generation;       /* bumped when the query changes: old pages are void */
  guint       count_generation; /* bumped when the rows matched may differ */
  guint       epoch;            /* bumped when the book changes */

  guint       fetching : 1;
  guint       counting : 1;
  guint       count_again : 1;
} SettlePagedModelPrivate;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (SettlePagedModel, settle_paged_model, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (SettlePagedModel)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                         list_model_iface_init))

enum {
  PROP_0,
  PROP_BOOK,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kick_fetch (SettlePagedModel *self);
static void start_count (SettlePagedModel *self);

static void
page_free (Page *page)
{
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page);
}

static Page *
page_new (SettlePagedModel *self,
          guint             index)
{
  SettlePagedModelClass *klass = SETTLE_PAGED_MODEL_GET_CLASS (self);
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  Page *page = g_new0 (Page, 1);
  guint start = index * SETTLE_PAGED_MODEL_PAGE_SIZE;

  page->index = index;
  page->n_rows = MIN (SETTLE_PAGED_MODEL_PAGE_SIZE, priv->n_items - start);
  page->items = g_ptr_array_new_full (page->n_rows, g_object_unref);
  for (guint i = 0; i < page->n_rows; i++)
    g_ptr_array_add (page->items, klass->new_item ());
  page->state = PAGE_QUEUED;
  page->epoch = priv->epoch;
  return page;
}

static gboolean
page_needs_fetch (SettlePagedModel *self,
                  Page             *page)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  return page->state == PAGE_QUEUED
         || (page->state == PAGE_LOADED && page->epoch != priv->epoch);
}

static int
compare_stamps (const Page *a,
                const Page *b)
{
  return a->stamp < b->stamp ? 1 : a->stamp > b->stamp ? -1 : 0;
}

static void
evict_one (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  GHashTableIter iter;
  Page *page, *oldest = NULL;

  g_hash_table_iter_init (&iter, priv->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    if (oldest == NULL || page->stamp < oldest->stamp)
      oldest = page;
  if (oldest != NULL)
    g_hash_table_remove (priv->pages, GUINT_TO_POINTER (oldest->index));
}

static void
clear_pages (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  g_hash_table_remove_all (priv->pages);
  g_queue_clear (&priv->queue);
}

static void
set_n_items (SettlePagedModel *self,
             guint             n_items)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  guint old = priv->n_items;

  clear_pages (self);
  /* Out with the old rows, then in with the new, never both at once: when the
   * rows it tracks (focus, selection) go, GTK 4.8's list views and
   * GtkSingleSelection look for them among all the added rows, which would
   * read every page of a million-row list. */
  priv->n_items = 0;
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  priv->n_items = n_items;
  if (n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_items);
  if (old != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_counting (SettlePagedModel *self,
              gboolean          counting)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  if (priv->counting == !!counting)
    return;
  priv->counting = !!counting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Fetching pages */

typedef struct
{
  SettlePagedModelClass *klass;
  SettleBook            *book;
  SettleBook            *conn;
  gpointer               query;
  gpointer               after;
  guint                  offset;
  guint                  page_index;
  guint                  generation;
  guint                  epoch;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  if (data->query != NULL)
    data->klass->free_query (data->query);
  if (data->after != NULL)
    data->klass->free_row (data->after);
  g_clear_object (&data->conn);
  g_clear_object (&data->book);
  g_free (data);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchData *data = task_data;
  GError *error = NULL;
  GPtrArray *rows;

  if (data->conn == NULL)
    {
      data->conn = settle_book_open_worker (data->book, &error);
      if (data->conn == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  rows = data->klass->fetch (data->conn, data->query, data->after, data->offset,
                             SETTLE_PAGED_MODEL_PAGE_SIZE, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
fetch_done (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SettlePagedModel *self = SETTLE_PAGED_MODEL (source_object);
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  SettlePagedModelClass *klass = SETTLE_PAGED_MODEL_GET_CLASS (self);
  FetchData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  Page *page;

  priv->fetching = FALSE;
  g_debug ("%s: page %u read", G_OBJECT_TYPE_NAME (self), data->page_index);
  if (priv->fetch_conn == NULL && data->conn != NULL && data->book == priv->book)
    priv->fetch_conn = g_object_ref (data->conn);

  rows = g_task_propagate_pointer (G_TASK (result), &error);
  page = g_hash_table_lookup (priv->pages, GUINT_TO_POINTER (data->page_index));
  if (page != NULL && page->state == PAGE_LOADING && data->generation != priv->generation)
    {
      /* Read for the old order: read again. */
      page->state = PAGE_QUEUED;
      g_queue_push_head (&priv->queue, GUINT_TO_POINTER (page->index));
    }
  else if (page != NULL && page->state == PAGE_LOADING)
    {
      if (rows == NULL)
        g_warning ("Cannot read rows %u–%u: %s", data->offset,
                   data->offset + page->n_rows, error->message);
      else
        {
          gsize n_rows = 0;
          g_autofree gpointer *taken = g_ptr_array_steal (rows, &n_rows);

          for (gsize i = 0; i < n_rows; i++)
            {
              if (i < page->n_rows)
                klass->fill_item (g_ptr_array_index (page->items, i), taken[i]);
              else
                klass->free_row (taken[i]);
            }
        }
      page->state = PAGE_LOADED;
      page->epoch = data->epoch;
      /* The book changed while the worker read: read again. */
      if (page->epoch != priv->epoch)
        g_queue_push_tail (&priv->queue, GUINT_TO_POINTER (page->index));
    }

  kick_fetch (self);
}

static void
kick_fetch (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  SettlePagedModelClass *klass = SETTLE_PAGED_MODEL_GET_CLASS (self);
  g_autoptr(GTask) task = NULL;
  FetchData *data;
  Page *page = NULL;

  if (priv->fetching || priv->book == NULL)
    return;

  while (!g_queue_is_empty (&priv->queue))
    {
      guint index = GPOINTER_TO_UINT (g_queue_pop_head (&priv->queue));

      page = g_hash_table_lookup (priv->pages, GUINT_TO_POINTER (index));
      if (page != NULL && page_needs_fetch (self, page))
        break;
      page = NULL;
    }
  if (page == NULL)
    return;

  data = g_new0 (FetchData, 1);
  data->klass = klass;
  data->book = g_object_ref (priv->book);
  data->conn = priv->fetch_conn != NULL ? g_object_ref (priv->fetch_conn) : NULL;
  data->query = klass->dup_query (self);
  data->offset = page->index * SETTLE_PAGED_MODEL_PAGE_SIZE;
  data->page_index = page->index;
  data->generation = priv->generation;
  data->epoch = priv->epoch;

  /* Sequential scrolling: start after the last row of the page before, so the
   * query seeks through the index instead of counting past an offset. */
  if (page->index > 0)
    {
      Page *before = g_hash_table_lookup (priv->pages, GUINT_TO_POINTER (page->index - 1));

      if (before != NULL && before->state == PAGE_LOADED && before->epoch == priv->epoch
          && before->items->len > 0)
        data->after = klass->dup_row (g_ptr_array_index (before->items, before->items->len - 1));
    }

  page->state = PAGE_LOADING;
  priv->fetching = TRUE;
  g_debug ("%s: fetching page %u (%s)", G_OBJECT_TYPE_NAME (self), page->index,
           data->after != NULL ? "keyset" : "offset");

  task = g_task_new (self, NULL, fetch_done, NULL);
  g_task_set_source_tag (task, kick_fetch);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

/* Reads every cached page again into the same items: the list keeps its row
 * widgets, and no items-changed is needed while the number of rows holds. */
static void
reload_in_place (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  g_autoptr(GList) pages = g_hash_table_get_values (priv->pages);

  /* The most recently shown first: that is what is on screen. */
  pages = g_list_sort (pages, (GCompareFunc) compare_stamps);
  for (GList *l = pages; l != NULL; l = l->next)
    {
      Page *page = l->data;

      if (page_needs_fetch (self, page))
        g_queue_push_tail (&priv->queue, GUINT_TO_POINTER (page->index));
    }
  kick_fetch (self);
}

/* Counting */

typedef struct
{
  SettlePagedModelClass *klass;
  SettleBook            *book;
  gpointer               query;
  guint                  count_generation;
  guint                  n_rows;
} CountData;

static void
count_data_free (CountData *data)
{
  if (data->query != NULL)
    data->klass->free_query (data->query);
  g_clear_object (&data->book);
  g_free (data);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountData *data = task_data;
  g_autoptr(SettleBook) conn = NULL;
  GError *error = NULL;

  conn = settle_book_open_worker (data->book, &error);
  if (conn == NULL || !data->klass->count (conn, data->query, &data->n_rows, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
count_done (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SettlePagedModel *self = SETTLE_PAGED_MODEL (source_object);
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  CountData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  priv->counting = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Cannot count the rows: %s", error->message);
  else if (data->count_generation == priv->count_generation && data->book == priv->book)
    {
      if (data->n_rows == priv->n_items)
        {
          /* Same rows, maybe new values: reload the cached pages in place so the
           * selection and the scroll position stay. */
          reload_in_place (self);
        }
      else
        {
          priv->generation++;
          set_n_items (self, data->n_rows);
        }
    }

  if (priv->count_again)
    {
      priv->count_again = FALSE;
      start_count (self);
    }
  if (!priv->counting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
start_count (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  SettlePagedModelClass *klass = SETTLE_PAGED_MODEL_GET_CLASS (self);
  g_autoptr(GTask) task = NULL;
  CountData *data;

  if (priv->book == NULL)
    return;
  if (priv->counting)
    {
      priv->count_again = TRUE;
      return;
    }

  data = g_new0 (CountData, 1);
  data->klass = klass;
  data->book = g_object_ref (priv->book);
  data->query = klass->dup_query (self);
  data->count_generation = priv->count_generation;

  set_counting (self, TRUE);
  task = g_task_new (self, NULL, count_done, NULL);
  g_task_set_source_tag (task, start_count);
  g_task_set_task_data (task, data, (GDestroyNotify) count_data_free);
  g_task_run_in_thread (task, count_thread);
}

/* GListModel */

static GType
settle_paged_model_get_item_type (GListModel *model)
{
  return SETTLE_PAGED_MODEL_GET_CLASS (model)->item_type;
}

static guint
settle_paged_model_get_n_items (GListModel *model)
{
  SettlePagedModel *self = SETTLE_PAGED_MODEL (model);
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  return priv->n_items;
}

static gpointer
settle_paged_model_get_item (GListModel *model,
                             guint       position)
{
  SettlePagedModel *self = SETTLE_PAGED_MODEL (model);
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  guint index = position / SETTLE_PAGED_MODEL_PAGE_SIZE;
  Page *page;

  if (position >= priv->n_items)
    return NULL;

  page = g_hash_table_lookup (priv->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    {
      if (g_hash_table_size (priv->pages) >= SETTLE_PAGED_MODEL_MAX_PAGES)
        evict_one (self);
      page = page_new (self, index);
      g_hash_table_insert (priv->pages, GUINT_TO_POINTER (index), page);
      g_queue_push_head (&priv->queue, GUINT_TO_POINTER (index));
      kick_fetch (self);
    }
  page->stamp = ++priv->clock;

  return g_object_ref (g_ptr_array_index (page->items, position % SETTLE_PAGED_MODEL_PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = settle_paged_model_get_item_type;
  iface->get_n_items = settle_paged_model_get_n_items;
  iface->get_item = settle_paged_model_get_item;
}

/* GObject */

static void
book_changed_cb (SettlePagedModel *self,
                 SettleBook       *book)
{
  settle_paged_model_refresh (self);
}

static void
settle_paged_model_dispose (GObject *object)
{
  SettlePagedModel *self = SETTLE_PAGED_MODEL (object);
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  if (priv->book != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->book);
  g_clear_object (&priv->book);
  g_clear_object (&priv->fetch_conn);
  if (priv->pages != NULL)
    clear_pages (self);

  G_OBJECT_CLASS (settle_paged_model_parent_class)->dispose (object);
}

static void
settle_paged_model_finalize (GObject *object)
{
  SettlePagedModel *self = SETTLE_PAGED_MODEL (object);
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  g_clear_pointer (&priv->pages, g_hash_table_unref);

  G_OBJECT_CLASS (settle_paged_model_parent_class)->finalize (object);
}

static void
settle_paged_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SettlePagedModel *self = SETTLE_PAGED_MODEL (object);
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_BOOK:
      g_value_set_object (value, priv->book);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, priv->counting);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, priv->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_paged_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SettlePagedModel *self = SETTLE_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_BOOK:
      settle_paged_model_set_book (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_paged_model_class_init (SettlePagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = settle_paged_model_dispose;
  object_class->finalize = settle_paged_model_finalize;
  object_class->get_property = settle_paged_model_get_property;
  object_class->set_property = settle_paged_model_set_property;

  klass->item_type = G_TYPE_OBJECT;

  properties[PROP_BOOK] =
    g_param_spec_object ("book", NULL, NULL, SETTLE_TYPE_BOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
settle_paged_model_init (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  priv->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  g_queue_init (&priv->queue);
}

/* Public */

SettleBook *
settle_paged_model_get_book (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  g_return_val_if_fail (SETTLE_IS_PAGED_MODEL (self), NULL);
  return priv->book;
}

void
settle_paged_model_set_book (SettlePagedModel *self,
                             SettleBook       *book)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  g_return_if_fail (SETTLE_IS_PAGED_MODEL (self));
  g_return_if_fail (book == NULL || SETTLE_IS_BOOK (book));

  if (priv->book == book)
    return;

  if (priv->book != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->book);
  g_clear_object (&priv->fetch_conn);
  g_set_object (&priv->book, book);
  if (book != NULL)
    priv->changed_id = g_signal_connect_object (book, "changed", G_CALLBACK (book_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  priv->generation++;
  priv->count_generation++;
  priv->epoch++;
  set_n_items (self, 0);
  start_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOK]);
}

gboolean
settle_paged_model_get_loading (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  g_return_val_if_fail (SETTLE_IS_PAGED_MODEL (self), FALSE);
  return priv->counting;
}

gboolean
settle_paged_model_is_idle (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);
  GHashTableIter iter;
  Page *page;

  g_return_val_if_fail (SETTLE_IS_PAGED_MODEL (self), FALSE);

  if (priv->counting || priv->count_again || priv->fetching)
    return FALSE;
  g_hash_table_iter_init (&iter, priv->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    if (page->state != PAGE_LOADED || page->epoch != priv->epoch)
      return FALSE;
  return TRUE;
}

void
settle_paged_model_query_changed (SettlePagedModel *self,
                                  gboolean          recount)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  g_return_if_fail (SETTLE_IS_PAGED_MODEL (self));

  priv->generation++;
  if (recount)
    {
      priv->count_generation++;
      set_n_items (self, 0);
      start_count (self);
    }
  else
    {
      /* The same rows in a new order: new contents for the same items. */
      priv->epoch++;
      reload_in_place (self);
    }
}

void
settle_paged_model_refresh (SettlePagedModel *self)
{
  SettlePagedModelPrivate *priv = settle_paged_model_get_instance_private (self);

  g_return_if_fail (SETTLE_IS_PAGED_MODEL (self));

  priv->epoch++;
  start_count (self);
}
