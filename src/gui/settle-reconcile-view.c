/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-format.h"
#include "settle-reconcile-suggestion-row.h"
#include "settle-reconcile-view-private.h"
#include "settle-window.h"

G_DEFINE_FINAL_TYPE (SettleReconcileView, settle_reconcile_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* New lines go into the list this many at a time, one batch per main-loop turn. */
#define FILL_CHUNK 1000

/* At most this many suggestions, each with a key 1…5. */
#define MAX_SUGGESTIONS 5

static const char * const filter_status[] = { "open", "matched", "skipped", NULL };

static void show_line (SettleReconcileView *self);

static void
notify_busy (SettleReconcileView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- the lines -------------------------------------------------------------------- */

typedef struct
{
  SettleBook *book;
  SettleId    account_id;
  char       *status;
} LoadRequest;

typedef struct
{
  GPtrArray  *lines;       /* SettleStatementLineRow* */
  GHashTable *matched_to;
} Loaded;

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->book);
  g_free (request->status);
  g_free (request);
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->lines, g_ptr_array_unref);
  g_clear_pointer (&loaded->matched_to, g_hash_table_unref);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(SettleBook) conn = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  GError *error = NULL;
  Loaded *loaded;

  conn = settle_book_open_worker (request->book, &error);
  if (conn == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  loaded = g_new0 (Loaded, 1);
  loaded->matched_to = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  loaded->lines = settle_reconcile_list_lines (conn, request->account_id, request->status, &error);
  if (loaded->lines != NULL && g_strcmp0 (request->status, "open") != 0
      && g_strcmp0 (request->status, "skipped") != 0)
    matches = settle_reconcile_list_matches (conn, request->account_id, &error);
  if (loaded->lines == NULL || (error != NULL))
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      SettleMatchRecord *record = g_ptr_array_index (matches, i);

      g_hash_table_insert (loaded->matched_to, g_memdup2 (&record->match_id, sizeof (SettleId)),
                           g_strdup (record->matched_to));
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
update_count (SettleReconcileView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *count = g_strdup_printf ("%'u", n);
  g_autofree char *text = g_strdup_printf (ngettext ("%s line", "%s lines", n), count);

  gtk_spinner_set_spinning (self->spinner, self->loading);
  gtk_label_set_label (self->count_label, self->loading ? "" : text);

  if (n > 0 || self->loading)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (self->accounts == NULL || self->accounts->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Bank Statements Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Import a statement from your bank (CSV, OFX, QFX or "
                                         "CAMT.053) and Settle will match each deposit to the "
                                         "invoices it pays, so you only confirm the matches."));
    }
  else if (gtk_drop_down_get_selected (self->filter_dropdown) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("All Lines Reconciled"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every line of this account is matched or skipped. "
                                         "Import the next statement when it arrives."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Lines Here"));
      adw_status_page_set_description (self->empty_page,
                                       _("No statement line of this account has that status."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static gboolean
same_line (GListModel                   *model,
           guint                         position,
           const SettleStatementLineRow *row)
{
  g_autoptr(SettleReconcileLineItem) item = g_list_model_get_item (model, position);
  const SettleStatementLineRow *old = settle_reconcile_line_item_get_row (item);

  return old->id == row->id && old->match_id == row->match_id
         && g_strcmp0 (old->status, row->status) == 0;
}

static guint
find_position (SettleReconcileView *self)
{
  GListModel *model = G_LIST_MODEL (self->store);
  guint n = g_list_model_get_n_items (model);

  if (self->advance)
    {
      /* After an accept or a skip: the next line still open, else the first one. */
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = pass == 0 ? self->keep_position : 0; i < n; i++)
          {
            g_autoptr(SettleReconcileLineItem) item = g_list_model_get_item (model, i);

            if (g_strcmp0 (settle_reconcile_line_item_get_status (item), "open") == 0)
              return i;
          }
      return n > 0 ? MIN (self->keep_position, n - 1) : GTK_INVALID_LIST_POSITION;
    }
  for (guint i = 0; self->keep_line != 0 && i < n; i++)
    {
      g_autoptr(SettleReconcileLineItem) item = g_list_model_get_item (model, i);

      if (settle_reconcile_line_item_get_id (item) == self->keep_line)
        return i;
    }
  return n > 0 ? MIN (self->keep_position, n - 1) : GTK_INVALID_LIST_POSITION;
}

/* The end of a load: a reload asked for meanwhile starts now. */
static void
finish_load (SettleReconcileView *self)
{
  self->loading = FALSE;
  if (self->load_again)
    {
      self->load_again = FALSE;
      settle_reconcile_view_reload (self);
      return;
    }
  update_count (self);
  settle_reconcile_view_update_actions (self);
  notify_busy (self);
}

static void
select_after_load (SettleReconcileView *self)
{
  guint position = find_position (self);

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  self->advance = FALSE;
  show_line (self);
  if (position != GTK_INVALID_LIST_POSITION)
    settle_reconcile_view_scroll_to (self, position);
}

static void
splice_items (SettleReconcileView *self,
              guint                position,
              guint                n_removals,
              GPtrArray           *items,
              guint                n_additions)
{
  self->syncing = TRUE;
  g_list_store_splice (self->store, position, n_removals, items->pdata, n_additions);
  g_ptr_array_remove_range (items, 0, n_additions);
  self->syncing = FALSE;
}

static gboolean
fill_cb (gpointer user_data)
{
  SettleReconcileView *self = user_data;
  guint chunk = MIN (FILL_CHUNK, self->pending->len);

  splice_items (self, self->pending_at, 0, self->pending, chunk);
  self->pending_at += chunk;
  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;

  self->fill_id = 0;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  select_after_load (self);
  finish_load (self);
  return G_SOURCE_REMOVE;
}

/* Only what changed is replaced: an accept or an undo touches one line of thousands,
 * and the column view redoes every row it is given. Many new lines go in by chunks
 * between frames, so the window keeps answering while 10,000 arrive. */
static void
apply_loaded (SettleReconcileView *self,
              Loaded              *loaded)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = loaded->lines->len;
  guint prefix = 0, suffix = 0, chunk;

  while (prefix < n_old && prefix < n_new
         && same_line (model, prefix, g_ptr_array_index (loaded->lines, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix
         && same_line (model, n_old - 1 - suffix,
                       g_ptr_array_index (loaded->lines, n_new - 1 - suffix)))
    suffix++;
  for (guint i = prefix; i < n_new - suffix; i++)
    {
      /* The item takes the row; the array frees the rest. */
      g_ptr_array_add (items, settle_reconcile_line_item_new (loaded->lines->pdata[i]));
      loaded->lines->pdata[i] = NULL;
    }
  g_clear_pointer (&self->matched_to, g_hash_table_unref);
  self->matched_to = g_steal_pointer (&loaded->matched_to);

  chunk = MIN (FILL_CHUNK, items->len);
  if (n_old - prefix - suffix > 0 || chunk > 0)
    splice_items (self, prefix, n_old - prefix - suffix, items, chunk);
  if (items->len > 0)
    {
      self->pending = g_steal_pointer (&items);
      self->pending_at = prefix + chunk;
      /* At the priority of input events, so busy redraws cannot starve it. */
      self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT, fill_cb, self, NULL);
      return;
    }
  select_after_load (self);
  finish_load (self);
}

static void
load_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (source_object);
  LoadRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Loaded *loaded;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    {
      g_warning ("Cannot list the statement lines: %s", error->message);
      finish_load (self);
    }
  else if (request->book == self->book && !self->load_again)
    apply_loaded (self, loaded);
  else
    finish_load (self);
  if (loaded != NULL)
    loaded_free (loaded);
}

/* Stops filling the list (the book changed or the view goes). */
static void
stop_fill (SettleReconcileView *self)
{
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

void
settle_reconcile_view_reload (SettleReconcileView *self)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;
  guint filter = gtk_drop_down_get_selected (self->filter_dropdown);
  SettleReconcileLineItem *item;

  if (self->loading)
    {
      self->load_again = TRUE;
      return;
    }
  if (self->book == NULL || self->account_id == 0)
    {
      g_list_store_remove_all (self->store);
      show_line (self);
      update_count (self);
      notify_busy (self);
      return;
    }

  item = settle_reconcile_view_selected_item (self);
  if (item != NULL && !self->advance)
    self->keep_line = settle_reconcile_line_item_get_id (item);
  if (item != NULL)
    self->keep_position = gtk_single_selection_get_selected (self->selection);

  self->loading = TRUE;
  update_count (self);
  request = g_new0 (LoadRequest, 1);
  request->book = g_object_ref (self->book);
  request->account_id = self->account_id;
  request->status = g_strdup (filter < G_N_ELEMENTS (filter_status) ? filter_status[filter] : NULL);
  task = g_task_new (self, NULL, load_done, NULL);
  g_task_set_source_tag (task, settle_reconcile_view_reload);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_thread);
  notify_busy (self);
}

static void
filter_changed_cb (SettleReconcileView *self)
{
  if (self->syncing)
    return;
  self->keep_position = 0;
  settle_reconcile_view_reload (self);
}

static void
book_changed_cb (SettleReconcileView *self)
{
  /* A hidden page catches up when it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  settle_reconcile_view_load_accounts (self, self->account_id);
  settle_reconcile_view_reload (self);
}

static void
settle_reconcile_view_map (GtkWidget *widget)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (widget);

  GTK_WIDGET_CLASS (settle_reconcile_view_parent_class)->map (widget);
  if (self->stale)
    book_changed_cb (self);
}

/* ---- the selected line ------------------------------------------------------------- */

SettleReconcileLineItem *
settle_reconcile_view_selected_item (SettleReconcileView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
clear_suggestions (SettleReconcileView *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->suggestions, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_list))) != NULL)
    gtk_list_box_remove (self->suggestions_list, child);
}

static void
show_suggestions (SettleReconcileView     *self,
                  SettleReconcileLineItem *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  found = settle_reconcile_suggest (self->book, settle_reconcile_line_item_get_id (item), &error);
  if (found == NULL)
    {
      gtk_label_set_label (self->suggestions_empty, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->suggestions_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->suggestions_empty), TRUE);
      return;
    }
  for (guint i = 0; i < found->len && i < MAX_SUGGESTIONS; i++)
    {
      /* Moved, not copied: the array frees what is left. */
      g_ptr_array_add (self->suggestions, found->pdata[i]);
      found->pdata[i] = NULL;
      gtk_list_box_append (self->suggestions_list,
                           settle_reconcile_suggestion_row_new (
                             g_ptr_array_index (self->suggestions, i), i + 1));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_list), self->suggestions->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_empty), self->suggestions->len == 0);
  gtk_label_set_label (self->suggestions_empty,
                       self->suggestions->len == 0
                       ? _("Nothing in the book looks like this payment. Find the client "
                           "yourself, or skip the line if it is not a customer payment.")
                       : "");
}

static void
show_line (SettleReconcileView *self)
{
  SettleReconcileLineItem *item = settle_reconcile_view_selected_item (self);
  const SettleStatementLineRow *row;
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  GString *meta;

  clear_suggestions (self);
  settle_reconcile_view_update_actions (self);
  if (item == NULL || self->book == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  row = settle_reconcile_line_item_get_row (item);
  amount = settle_format_money (row->amount, row->currency);
  date = settle_format_date_long (&row->date);
  gtk_label_set_label (self->line_amount, amount);
  gtk_label_set_label (self->line_title, settle_reconcile_line_item_get_text (item));
  meta = g_string_new (date);
  if (row->reference != NULL && *row->reference != '\0')
    /* Translators: the bank's reference of a statement line. */
    g_string_append_printf (meta, "\n%s %s", _("Reference:"), row->reference);
  if (row->description != NULL && *row->description != '\0'
      && g_strcmp0 (row->description, settle_reconcile_line_item_get_text (item)) != 0)
    g_string_append_printf (meta, "\n%s", row->description);
  gtk_label_set_label (self->line_meta, meta->str);
  g_string_free (meta, TRUE);
  gtk_stack_set_visible_child_name (self->detail_stack, "line");

  if (g_strcmp0 (row->status, "matched") == 0)
    {
      const char *to = self->matched_to != NULL
                       ? g_hash_table_lookup (self->matched_to, &row->match_id) : NULL;

      gtk_label_set_label (self->matched_label, to != NULL ? to : "");
      gtk_stack_set_visible_child_name (self->state_stack, "matched");
    }
  else if (g_strcmp0 (row->status, "skipped") == 0)
    gtk_stack_set_visible_child_name (self->state_stack, "skipped");
  else
    {
      gtk_stack_set_visible_child_name (self->state_stack, "open");
      if (row->amount > 0)
        show_suggestions (self, item);
      else
        {
          gtk_widget_set_visible (GTK_WIDGET (self->suggestions_list), FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->suggestions_empty), TRUE);
          gtk_label_set_label (self->suggestions_empty,
                               _("Money going out is not matched to invoices. Skip the line, "
                                 "or leave it open."));
        }
    }
  settle_reconcile_view_update_actions (self);
}

static void
selection_changed_cb (SettleReconcileView *self)
{
  if (!self->syncing)
    show_line (self);
}

void
settle_reconcile_view_scroll_to (SettleReconcileView *self,
                                 guint                position)
{
  /* GTK 4.8's column view has no scroll_to: its list view has the action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
activate_cb (SettleReconcileView *self,
             guint                position)
{
  gtk_single_selection_set_selected (self->selection, position);
  settle_reconcile_view_accept_nth (self, 1);
}

/* ---- the widget ------------------------------------------------------------------- */

static void
settle_reconcile_view_dispose (GObject *object)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_fill (self);
  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_clear_object (&self->book);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->matched_to, g_hash_table_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->undo_stack, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_RECONCILE_VIEW);

  G_OBJECT_CLASS (settle_reconcile_view_parent_class)->dispose (object);
}

static void
settle_reconcile_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, settle_reconcile_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_reconcile_view_class_init (SettleReconcileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_reconcile_view_dispose;
  object_class->get_property = settle_reconcile_view_get_property;
  widget_class->map = settle_reconcile_view_map;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SETTLE_TYPE_RECONCILE_LINE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-reconcile-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, account_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, auto_button);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, auto_switch);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, auto_spin);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, export_button);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, balance_label);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, lines_view);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, line_amount);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, line_title);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, line_meta);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, suggestions_empty);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileView, matched_label);

  settle_reconcile_view_class_init_actions (widget_class);
}

static void
settle_reconcile_view_init (SettleReconcileView *self)
{
  self->suggestions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) settle_match_suggestion_free);
  self->undo_stack = g_array_new (FALSE, FALSE, sizeof (SettleId));

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  /* The list holds every line of the account as a small object; the column view
   * only makes widgets for the rows on screen, so 10,000 lines stay quick. */
  self->store = g_list_store_new (SETTLE_TYPE_RECONCILE_LINE_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->lines_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lines_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_dropdown, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  settle_reconcile_view_init_account (self);

  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_empty), FALSE);
  settle_reconcile_view_init_actions (self);
  settle_reconcile_view_load_accounts (self, 0);
  update_count (self);
  show_line (self);
}

void
settle_reconcile_view_set_book (SettleReconcileView *self,
                                SettleBook          *book)
{
  g_return_if_fail (SETTLE_IS_RECONCILE_VIEW (self));
  g_return_if_fail (book == NULL || SETTLE_IS_BOOK (book));

  if (self->book == book)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  if (self->fill_id != 0)
    {
      /* The load being shown is of the old book. */
      stop_fill (self);
      self->loading = FALSE;
    }
  g_set_object (&self->book, book);
  /* A cancelled import or run reports nothing: the view is free again now. */
  settle_reconcile_view_set_working (self, FALSE, NULL);
  g_array_set_size (self->undo_stack, 0);
  self->stale = FALSE;
  self->account_id = 0;
  self->keep_line = 0;
  self->keep_position = 0;
  g_list_store_remove_all (self->store);
  settle_reconcile_view_load_accounts (self, 0);
  if (book != NULL)
    self->changed_id = g_signal_connect_object (book, "changed", G_CALLBACK (book_changed_cb),
                                                self, G_CONNECT_SWAPPED);
  settle_reconcile_view_reload (self);
}

SettleId
settle_reconcile_view_get_account_id (SettleReconcileView *self)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_VIEW (self), 0);
  return self->account_id;
}

SettleId
settle_reconcile_view_get_selected_line (SettleReconcileView *self)
{
  SettleReconcileLineItem *item;

  g_return_val_if_fail (SETTLE_IS_RECONCILE_VIEW (self), 0);
  item = settle_reconcile_view_selected_item (self);
  return item != NULL ? settle_reconcile_line_item_get_id (item) : 0;
}

gboolean
settle_reconcile_view_select (SettleReconcileView *self,
                              guint                position)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_VIEW (self), FALSE);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->store)))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  settle_reconcile_view_scroll_to (self, position);
  return TRUE;
}

GListModel *
settle_reconcile_view_get_lines (SettleReconcileView *self)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_VIEW (self), NULL);
  return G_LIST_MODEL (self->store);
}

gboolean
settle_reconcile_view_get_busy (SettleReconcileView *self)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_VIEW (self), FALSE);
  return self->loading || self->load_again || self->working;
}
