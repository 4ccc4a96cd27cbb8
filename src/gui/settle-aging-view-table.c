/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's per-client table: cells from signal factories, items kept across
 * refreshes. Measured on a 2,000-client book: when every refresh brought new items,
 * GTK 4.8's column view built all ~200 row widgets it keeps alive anew (9 cells each)
 * and the splice took 100–200 ms of the main loop, whatever the number of clients; a
 * tooltip set on a visible cell cost an X round trip each. Now a refresh updates the
 * items in place, so the column view keeps (and binds again) the rows it has instead
 * of building new ones. */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-aging-item.h"
#include "settle-aging-view-private.h"

/* A right-aligned amount: the buckets, credit and balance. */
typedef struct
{
  const char *property;  /* the SettleAgingItem property holding the cell's text */
  const char *notify;    /* its notify signal */
  gboolean    heading;   /* the balance stands out */
} AmountColumn;

static const AmountColumn amount_columns[] = {
  { "bucket0", "notify::bucket0", FALSE },
  { "bucket1", "notify::bucket1", FALSE },
  { "bucket2", "notify::bucket2", FALSE },
  { "bucket3", "notify::bucket3", FALSE },
  { "bucket4", "notify::bucket4", FALSE },
  { "credit", "notify::credit", FALSE },
  { "balance", "notify::balance", TRUE },
};

G_STATIC_ASSERT (SETTLE_AGING_N_BUCKETS == 5);

static void
set_label_from_property (GtkLabel   *label,
                         GObject    *item,
                         const char *property)
{
  g_autofree char *text = NULL;

  g_object_get (item, property, &text, NULL);
  gtk_label_set_label (label, text != NULL ? text : "");
}

static void
amount_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 const AmountColumn       *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  if (column->heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "money");
  gtk_list_item_set_child (list_item, label);
}

static void
amount_changed_cb (GObject    *item,
                   GParamSpec *pspec,
                   GtkLabel   *label)
{
  set_label_from_property (label, item, g_param_spec_get_name (pspec));
}

/* The cells also follow their item's notifications, as the builder factories'
 * bindings did: an item can change while it is shown (settle_aging_view_table_update
 * updates them in place; GTK 4.8 then binds the kept rows again anyway). */
static void
amount_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                const AmountColumn       *column)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);

  set_label_from_property (GTK_LABEL (label), item, column->property);
  g_signal_connect_object (item, column->notify, G_CALLBACK (amount_changed_cb), label, 0);
}

static void
amount_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  const AmountColumn       *column)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, amount_changed_cb, label);
  gtk_label_set_label (GTK_LABEL (label), "");
}

/* The client's name, then a padlock when the account is on hold. */
static void
client_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *hold = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);

  /* Hidden before its tooltip is set: setting a tooltip on a visible widget asks the
   * X server where the pointer is, a round trip per cell. It only shows on hold. */
  gtk_widget_set_visible (hold, FALSE);
  gtk_widget_set_tooltip_text (hold, _("Client on hold"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (hold),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Client on hold"), -1);
  gtk_widget_add_css_class (hold, "hold-indicator");
  gtk_box_append (GTK_BOX (box), hold);

  gtk_list_item_set_child (list_item, box);
}

static void
client_changed_cb (SettleAgingItem *item,
                   GParamSpec      *pspec,
                   GtkWidget       *box)
{
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *hold = gtk_widget_get_next_sibling (name);

  set_label_from_property (GTK_LABEL (name), G_OBJECT (item), "client-name");
  gtk_widget_set_visible (hold, settle_aging_item_get_on_hold (item));
}

static void
client_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  SettleAgingItem *item = gtk_list_item_get_item (list_item);

  client_changed_cb (item, NULL, box);
  g_signal_connect_object (item, "notify::client-name", G_CALLBACK (client_changed_cb), box, 0);
  g_signal_connect_object (item, "notify::client-on-hold", G_CALLBACK (client_changed_cb), box,
                           0);
}

static void
client_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *hold = gtk_widget_get_next_sibling (name);
  SettleAgingItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, client_changed_cb, box);
  gtk_label_set_label (GTK_LABEL (name), "");
  gtk_widget_set_visible (hold, FALSE);
}

/* The risk's tooltip is asked for when the pointer rests on the cell rather than set
 * on every bind: setting a tooltip costs an X round trip (see client_setup_cb). */
static gboolean
risk_query_tooltip_cb (GtkWidget   *box,
                       int          x,
                       int          y,
                       gboolean     keyboard_mode,
                       GtkTooltip  *tooltip,
                       GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;
  g_object_get (item, "risk-tooltip", &text, NULL);
  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* "Late payer" pill and the score, the reasons in the tooltip. */
static void
risk_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *pill = gtk_label_new (_("Late payer"));
  GtkWidget *score = gtk_label_new (NULL);

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect_object (box, "query-tooltip", G_CALLBACK (risk_query_tooltip_cb), list_item, 0);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (pill, "warning");
  gtk_widget_set_visible (pill, FALSE);
  gtk_box_append (GTK_BOX (box), pill);

  gtk_label_set_xalign (GTK_LABEL (score), 1.0f);
  gtk_label_set_width_chars (GTK_LABEL (score), 3);
  gtk_widget_add_css_class (score, "numeric");
  gtk_box_append (GTK_BOX (box), score);

  gtk_list_item_set_child (list_item, box);
}

static void
risk_changed_cb (SettleAgingItem *item,
                 GParamSpec      *pspec,
                 GtkWidget       *box)
{
  GtkWidget *pill = gtk_widget_get_first_child (box);
  GtkWidget *score = gtk_widget_get_next_sibling (pill);
  g_autofree char *tooltip = NULL;

  g_object_get (item, "risk-tooltip", &tooltip, NULL);
  /* What the tooltip says, for screen readers. */
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_visible (pill, settle_aging_item_get_late_payer (item));
  set_label_from_property (GTK_LABEL (score), G_OBJECT (item), "risk");
}

static void
risk_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  SettleAgingItem *item = gtk_list_item_get_item (list_item);

  risk_changed_cb (item, NULL, box);
  /* The tooltip changes with the score or the reasons. */
  g_signal_connect_object (item, "notify::risk-tooltip", G_CALLBACK (risk_changed_cb), box, 0);
  g_signal_connect_object (item, "notify::late-payer", G_CALLBACK (risk_changed_cb), box, 0);
}

static void
risk_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *pill = gtk_widget_get_first_child (box);
  GtkWidget *score = gtk_widget_get_next_sibling (pill);
  SettleAgingItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, risk_changed_cb, box);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_visible (pill, FALSE);
  gtk_label_set_label (GTK_LABEL (score), "");
}

static void
set_factory (GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             GCallback            unbind,
             gconstpointer        data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, (gpointer) data);
  g_signal_connect (factory, "bind", bind, (gpointer) data);
  g_signal_connect (factory, "unbind", unbind, (gpointer) data);
  gtk_column_view_column_set_factory (column, factory);
}

void
settle_aging_view_table_init (SettleAgingView *self)
{
  GtkColumnViewColumn *amounts[G_N_ELEMENTS (amount_columns)];

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    amounts[i] = self->bucket_columns[i];
  amounts[SETTLE_AGING_N_BUCKETS] = self->credit_column;
  amounts[SETTLE_AGING_N_BUCKETS + 1] = self->balance_column;

  set_factory (self->client_column, G_CALLBACK (client_setup_cb), G_CALLBACK (client_bind_cb),
               G_CALLBACK (client_unbind_cb), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (amount_columns); i++)
    set_factory (amounts[i], G_CALLBACK (amount_setup_cb), G_CALLBACK (amount_bind_cb),
                 G_CALLBACK (amount_unbind_cb), &amount_columns[i]);
  set_factory (self->risk_column, G_CALLBACK (risk_setup_cb), G_CALLBACK (risk_bind_cb),
               G_CALLBACK (risk_unbind_cb), NULL);
}

/* The report's rows as the table's items, with the hold and the risk of each client.
 * A client already in the table keeps its item, updated in place: the column view
 * then keeps that row's widgets instead of building every visible row again. */
void
settle_aging_view_table_update (SettleAgingView *self)
{
  const SettleAgingReport *report = self->dashboard->aging;
  GListModel *store = G_LIST_MODEL (self->store);
  guint n_old = g_list_model_get_n_items (store);
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     g_object_unref);
  g_autoptr(GHashTable) behaviour = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (report->rows->len, g_object_unref);

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      g_autofree char *title = settle_aging_bucket_label (report, i);

      gtk_column_view_column_set_title (self->bucket_columns[i], title);
    }
  for (guint i = 0; i < n_old; i++)
    {
      SettleAgingItem *item = g_list_model_get_item (store, i);
      SettleId client_id = settle_aging_item_get_client_id (item);

      g_hash_table_insert (old, g_memdup2 (&client_id, sizeof client_id), item);
    }
  if (self->dashboard->clients != NULL)
    for (guint i = 0; i < self->dashboard->clients->len; i++)
      {
        SettleClientBehaviour *b = g_ptr_array_index (self->dashboard->clients, i);

        g_hash_table_insert (behaviour, &b->client_id, b);
      }

  for (guint i = 0; i < report->rows->len; i++)
    {
      const SettleAgingRow *row = g_ptr_array_index (report->rows, i);
      const SettleClientBehaviour *b = g_hash_table_lookup (behaviour, &row->client_id);
      gboolean held = self->held != NULL && g_hash_table_contains (self->held, &row->client_id);
      gpointer key = NULL, value = NULL;
      SettleAgingItem *item;

      if (g_hash_table_steal_extended (old, &row->client_id, &key, &value))
        {
          g_free (key);
          item = value;
          settle_aging_item_update (item, row, report->currency);
        }
      else
        item = settle_aging_item_new (row, report->currency);
      settle_aging_item_set_on_hold (item, held);
      if (b != NULL)
        settle_aging_item_set_risk (item, b->risk_score, b->late_payer, b->risk_reasons);
      else
        settle_aging_item_set_risk (item, -1, FALSE, NULL);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->store, 0, n_old, items->pdata, items->len);
}
