/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-client-email-cell.h"
#include "settle-client-row.h"
#include "settle-clients-view.h"
#include "settle-gui.h"
#include "settle-sql-sorter.h"

struct _SettleClientsView
{
  AdwBin                  parent_instance;

  SettleClientListModel *model;
  GtkSingleSelection     *selection;
  SettleClientRow       *selected_row;
  gulong                  selected_row_id;

  GtkSearchEntry         *search_entry;
  GtkSpinner             *spinner;
  GtkLabel               *count_label;
  GtkStack               *list_stack;
  AdwStatusPage          *empty_page;
  GtkColumnView          *column_view;
  GtkPaned               *paned;
  GtkColumnViewColumn    *name_column;
  GtkColumnViewColumn    *email_column;
  SettleClientDetail    *detail;
};

G_DEFINE_FINAL_TYPE (SettleClientsView, settle_clients_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOWN_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_client (SettleClientsView *self,
              SettleId            client_id)
{
  if (settle_client_detail_get_client_id (self->detail) == client_id)
    return;
  settle_client_detail_show_client (self->detail, client_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_CLIENT]);
}

static void
update_state (SettleClientsView *self)
{
  SettlePagedModel *model = SETTLE_PAGED_MODEL (self->model);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean loading = settle_paged_model_get_loading (model);
  g_autofree char *count = NULL;

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);

  count = g_strdup_printf ("%'u", n_items);
  if (loading)
    gtk_label_set_label (self->count_label, "");
  else
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%s client", "%s clients", n_items), count);
      gtk_label_set_label (self->count_label, text);
    }

  if (n_items == 0 && !loading && settle_paged_model_get_book (model) != NULL)
    {
      if (settle_client_list_model_get_search (self->model) != NULL)
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Clients"));
          adw_status_page_set_description (self->empty_page,
                                           _("Nothing matches what you typed. Search by "
                                             "client name or email."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Clients Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Clients appear here once they are imported or "
                                             "added with settle-cli."));
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

/* The details pane's width when it first opens. */
#define DETAILS_WIDTH 380

static void
show_details (SettleClientsView *self)
{
  settle_gui_reveal_pane (self->paned, GTK_WIDGET (self->detail), DETAILS_WIDTH);
}

static void
selected_row_changed (SettleClientsView *self)
{
  SettleId id = self->selected_row != NULL ? settle_client_row_get_id (self->selected_row)
                                           : SETTLE_ID_NONE;

  /* A placeholder row is shown once its page is in. */
  if (id == SETTLE_ID_NONE)
    return;
  show_client (self, id);
  show_details (self);
}

static void
selection_changed_cb (SettleClientsView *self)
{
  SettleClientRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row == self->selected_row)
    return;
  if (self->selected_row != NULL)
    g_clear_signal_handler (&self->selected_row_id, self->selected_row);
  g_set_object (&self->selected_row, row);
  /* The row fills in place when its page arrives, or when the book changes. */
  if (row != NULL)
    self->selected_row_id = g_signal_connect_object (row, "notify::id",
                                                     G_CALLBACK (selected_row_changed),
                                                     self, G_CONNECT_SWAPPED);
  selected_row_changed (self);
}

static void
sorter_changed_cb (SettleClientsView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  gboolean descending = FALSE;
  int key = SETTLE_CLIENT_SORT_NAME;

  /* The column view drops its columns, and so changes its sorter, while it is
   * destroyed. */
  if (self->model == NULL)
    return;

  settle_sql_sorter_get_primary (sorter, &key, &descending);
  /* The rows reload in place in the new order: what was selected is elsewhere
   * now, and the top of the list is what the new order is about. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), 0);
  settle_client_list_model_set_sort (self->model, key, descending);
}

static void
search_changed_cb (SettleClientsView *self)
{
  settle_client_list_model_set_search (self->model,
                                        gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_state (self);
}

static void
stop_search_cb (SettleClientsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_activate_cb (SettleClientsView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;
  settle_clients_view_select (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
activate_cb (SettleClientsView *self,
             guint               position)
{
  settle_clients_view_select (self, position);
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SettleClientsView *self = SETTLE_CLIENTS_VIEW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->detail), FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_client (self, SETTLE_ID_NONE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
settle_clients_view_dispose (GObject *object)
{
  SettleClientsView *self = SETTLE_CLIENTS_VIEW (object);

  if (self->selected_row != NULL)
    g_clear_signal_handler (&self->selected_row_id, self->selected_row);
  g_clear_object (&self->selected_row);
  /* The column view and its models may outlive this view by a moment. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (settle_clients_view_parent_class)->dispose (object);
}

static void
settle_clients_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SettleClientsView *self = SETTLE_CLIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOWN_CLIENT:
      g_value_set_int64 (value, settle_clients_view_get_shown_client (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_clients_view_class_init (SettleClientsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_clients_view_dispose;
  object_class->get_property = settle_clients_view_get_property;

  properties[PROP_SHOWN_CLIENT] =
    g_param_spec_int64 ("shown-client", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SETTLE_TYPE_SQL_SORTER);
  g_type_ensure (SETTLE_TYPE_CLIENT_ROW);
  g_type_ensure (SETTLE_TYPE_CLIENT_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-clients-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, paned);
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, email_column);
  gtk_widget_class_bind_template_child (widget_class, SettleClientsView, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  gtk_widget_class_install_action (widget_class, "clients.close-details", NULL,
                                   close_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "clients.close-details", NULL);
}

static void
settle_clients_view_init (SettleClientsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    g_autoptr(GtkListItemFactory) email_factory = settle_client_email_factory_new ();

    gtk_column_view_column_set_factory (self->email_column, email_factory);
  }

  self->model = settle_client_list_model_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);

  /* By name, the model's own default, so the header shows the arrow. */
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  update_state (self);
}

void
settle_clients_view_set_book (SettleClientsView *self,
                               SettleBook         *book)
{
  g_return_if_fail (SETTLE_IS_CLIENTS_VIEW (self));

  show_client (self, SETTLE_ID_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), FALSE);
  settle_client_detail_set_book (self->detail, book);
  settle_paged_model_set_book (SETTLE_PAGED_MODEL (self->model), book);
  update_state (self);
}

void
settle_clients_view_focus_search (SettleClientsView *self)
{
  g_return_if_fail (SETTLE_IS_CLIENTS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
settle_clients_view_select (SettleClientsView *self,
                             guint               position)
{
  g_return_if_fail (SETTLE_IS_CLIENTS_VIEW (self));

  gtk_single_selection_set_selected (self->selection, position);
  selected_row_changed (self);
}

SettleId
settle_clients_view_get_shown_client (SettleClientsView *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENTS_VIEW (self), SETTLE_ID_NONE);
  return settle_client_detail_get_client_id (self->detail);
}

SettleClientListModel *
settle_clients_view_get_model (SettleClientsView *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENTS_VIEW (self), NULL);
  return self->model;
}

GtkColumnView *
settle_clients_view_get_column_view (SettleClientsView *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENTS_VIEW (self), NULL);
  return self->column_view;
}

SettleClientDetail *
settle_clients_view_get_detail (SettleClientsView *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENTS_VIEW (self), NULL);
  return self->detail;
}
