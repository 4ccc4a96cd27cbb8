/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include "settle-sql-sorter.h"

struct _SettleSqlSorter
{
  GtkSorter parent_instance;

  int       key;
};

G_DEFINE_FINAL_TYPE (SettleSqlSorter, settle_sql_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The probe objects of settle_sql_sorter_get_primary() remember the first key
 * asked about under this name. */
#define PROBE_KEY "settle-sql-sorter-key"

static GtkOrdering
settle_sql_sorter_compare (GtkSorter *sorter,
                           gpointer   item1,
                           gpointer   item2)
{
  SettleSqlSorter *self = SETTLE_SQL_SORTER (sorter);

  if (g_object_get_data (item1, PROBE_KEY) == NULL)
    g_object_set_data (item1, PROBE_KEY, GINT_TO_POINTER (self->key + 1));
  /* "Smaller" read back through the column view's sorter tells the direction:
   * it stays smaller when ascending and turns larger when descending. */
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
settle_sql_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
settle_sql_sorter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SettleSqlSorter *self = SETTLE_SQL_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_int (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_sql_sorter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SettleSqlSorter *self = SETTLE_SQL_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_sql_sorter_class_init (SettleSqlSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = settle_sql_sorter_get_property;
  object_class->set_property = settle_sql_sorter_set_property;
  sorter_class->compare = settle_sql_sorter_compare;
  sorter_class->get_order = settle_sql_sorter_get_order;

  properties[PROP_KEY] =
    g_param_spec_int ("key", NULL, NULL, 0, G_MAXINT - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
settle_sql_sorter_init (SettleSqlSorter *self)
{
}

SettleSqlSorter *
settle_sql_sorter_new (int key)
{
  return g_object_new (SETTLE_TYPE_SQL_SORTER, "key", key, NULL);
}

int
settle_sql_sorter_get_key (SettleSqlSorter *self)
{
  g_return_val_if_fail (SETTLE_IS_SQL_SORTER (self), 0);
  return self->key;
}

gboolean
settle_sql_sorter_get_primary (GtkSorter *column_view_sorter,
                               int       *key,
                               gboolean  *descending)
{
#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
  GtkColumnViewSorter *sorter = GTK_COLUMN_VIEW_SORTER (column_view_sorter);
  GtkColumnViewColumn *column = gtk_column_view_sorter_get_primary_sort_column (sorter);
  GtkSorter *column_sorter;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), FALSE);

  column_sorter = column != NULL ? gtk_column_view_column_get_sorter (column) : NULL;
  if (!SETTLE_IS_SQL_SORTER (column_sorter))
    return FALSE;
  *key = SETTLE_SQL_SORTER (column_sorter)->key;
  *descending = gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;
  return TRUE;
#else
  /* GTK 4.8 does not say which column sorts. Ask the sorter to compare two
   * probes: the first column's sorter answers first (and records its key), and
   * the column view inverts the answer when that column sorts descending. */
  g_autoptr(GObject) probe_a = NULL;
  g_autoptr(GObject) probe_b = NULL;
  GtkOrdering order;
  int recorded;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), FALSE);
  g_return_val_if_fail (key != NULL && descending != NULL, FALSE);

  probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  order = gtk_sorter_compare (column_view_sorter, probe_a, probe_b);
  recorded = GPOINTER_TO_INT (g_object_get_data (probe_a, PROBE_KEY));
  if (order == GTK_ORDERING_EQUAL || recorded == 0)
    return FALSE;
  *key = recorded - 1;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
#endif
}
