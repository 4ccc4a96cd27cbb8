/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's accounts: the top overdue clients with a one-click reminder, the
 * way to a client or an invoice in the window's other views, and the drill-down
 * window listing the invoices behind a cell of the aging. */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-aging-item.h"
#include "settle-aging-view-private.h"
#include "settle-client-reminder.h"
#include "settle-clients-view.h"
#include "settle-format.h"
#include "settle-gui.h"
#include "settle-invoices-view.h"
#include "settle-window.h"

/* Width of the details panes when the dashboard opens one. */
#define PANE_WIDTH 400

static SettleWindow *
window_of (SettleAgingView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SETTLE_IS_WINDOW (root) ? SETTLE_WINDOW (root) : NULL;
}

static void
reveal (GtkWidget *pane)
{
  GtkWidget *parent = gtk_widget_get_parent (pane);

  if (GTK_IS_PANED (parent))
    settle_gui_reveal_pane (GTK_PANED (parent), pane, PANE_WIDTH);
  else
    gtk_widget_set_visible (pane, TRUE);
}

void
settle_aging_view_open_client (SettleAgingView *self,
                               SettleId         client_id)
{
  SettleWindow *window = window_of (self);
  SettleClientDetail *detail;

  if (window == NULL)
    return;
  settle_window_set_view (window, "clients");
  detail = settle_clients_view_get_detail (settle_window_get_clients_view (window));
  settle_client_detail_show_client (detail, client_id);
  reveal (GTK_WIDGET (detail));
}

static void
open_invoice (SettleAgingView *self,
              SettleId         invoice_id)
{
  SettleWindow *window = window_of (self);
  SettleInvoiceDetail *detail;

  if (window == NULL)
    return;
  settle_window_set_view (window, "invoices");
  detail = settle_invoices_view_get_detail (settle_window_get_invoices_view (window));
  settle_invoice_detail_show_invoice (detail, invoice_id);
  reveal (GTK_WIDGET (detail));
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- Top overdue accounts ----------------------------------------------------------- */

static SettleId
row_client (GtkWidget *widget)
{
  return (SettleId) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "settle-client-id"));
}

static void
remind_clicked_cb (GtkButton       *button,
                   SettleAgingView *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "settle-client-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean already = FALSE;
  SettleId job_id = 0;

  if (self->book == NULL)
    return;
  /* A reminder goes out today, whatever date the dashboard shows. */
  if (!settle_client_remind (self->book, row_client (GTK_WIDGET (button)), NULL, &job_id,
                             &already, &error))
    {
      settle_aging_view_toast (self, error->message);
      return;
    }
  if (already)
    /* Translators: %s is a client's name */
    text = g_strdup_printf (_("A reminder to %s was already queued today"), name);
  else
    {
      /* Translators: %s is a client's name */
      text = g_strdup_printf (_("Reminder to %s queued"), name);
      settle_book_notify_changed (self->book);
    }
  settle_aging_view_toast (self, text);
}

static void
open_client_clicked_cb (GtkButton       *button,
                        SettleAgingView *self)
{
  settle_aging_view_open_client (self, row_client (GTK_WIDGET (button)));
}

static GtkWidget *
row_button (const char      *label,
            const char      *tooltip,
            const char      *name,
            guint            index,
            const SettleClientBehaviour *b,
            GCallback        callback,
            SettleAgingView *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *widget_name = g_strdup_printf ("%s-%u", name, index);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, widget_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data (G_OBJECT (button), "settle-client-id", GSIZE_TO_POINTER (b->client_id));
  g_object_set_data_full (G_OBJECT (button), "settle-client-name", g_strdup (b->client_name),
                          g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
top_row (SettleAgingView             *self,
         const SettleClientBehaviour *b,
         guint                        index)
{
  const char *currency = self->dashboard->aging->currency;
  g_autofree char *overdue = settle_format_money (b->overdue, currency);
  g_autofree char *open = settle_format_money (b->open, currency);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount = gtk_label_new (overdue);
  GtkWidget *risk;
  GtkWidget *button;
  g_autofree char *remind_tip = NULL;
  g_autofree char *open_tip = NULL;

  /* Names like "Redwood Title & Escrow" are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), b->client_name);
  subtitle = g_strdup_printf (ngettext ("%s open · oldest %d day past due",
                                        "%s open · oldest %d days past due",
                                        b->oldest_days_past_due),
                              open, b->oldest_days_past_due);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  {
    g_autofree char *risk_text = NULL;

    if (b->late_payer)
      /* Translators: the risk score of a late payer in the top accounts */
      risk_text = g_strdup_printf (_("Late payer · risk %d"), b->risk_score);
    else
      /* Translators: the risk score in the top accounts, "Risk 72" */
      risk_text = g_strdup_printf (_("Risk %d"), b->risk_score);

    risk = gtk_label_new (risk_text);
  }
  gtk_widget_set_valign (risk, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (risk, "status-pill");
  gtk_widget_add_css_class (risk, b->late_payer ? "warning" : "accent");
  if (b->risk_reasons != NULL && b->risk_reasons[0] != '\0')
    tooltip = g_strdup_printf (b->late_payer ? _("Late payer. %s") : "%s", b->risk_reasons);
  else
    tooltip = g_strdup (_("Pays on time"));
  gtk_widget_set_tooltip_text (risk, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (risk), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tooltip, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), risk);

  gtk_widget_add_css_class (amount, "heading");
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_set_tooltip_text (amount, _("Overdue"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);

  /* Translators: %s is a client's name: the button's tooltip and accessible name */
  remind_tip = g_strdup_printf (_("Email %s a reminder with the statement of account"),
                                b->client_name);
  button = row_button (_("Send _Reminder"), remind_tip, "top-remind", index, b,
                       G_CALLBACK (remind_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  /* Translators: %s is a client's name */
  open_tip = g_strdup_printf (_("Show %s in Clients"), b->client_name);
  button = row_button (_("Open _Client"), open_tip, "top-open", index, b,
                       G_CALLBACK (open_client_clicked_cb), self);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

void
settle_aging_view_accounts_update (SettleAgingView *self)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->top_list))) != NULL)
    gtk_list_box_remove (self->top_list, child);

  for (guint i = 0; self->dashboard->clients != NULL && i < self->dashboard->clients->len
                    && n < SETTLE_AGING_VIEW_TOP_ROWS; i++)
    {
      const SettleClientBehaviour *b = g_ptr_array_index (self->dashboard->clients, i);

      if (b->overdue <= 0)
        continue;
      gtk_list_box_append (self->top_list, top_row (self, b, n));
      n++;
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No client is overdue"));
      gtk_list_box_append (self->top_list, row);
    }
}

/* ---- Drill-down -------------------------------------------------------------------- */

typedef struct
{
  SettleAgingView   *view;     /* weak */
  SettleBook        *book;
  SettleAgingOptions options;
  char               currency[4];
  SettleId           client_id;
  char              *client_name;
  GtkListBox        *list;
  GtkLabel          *summary;
  GtkDropDown       *bucket;
  GtkWindow         *window;   /* owns this */
  guint              serial;   /* of the newest load: older results are dropped */
  gboolean           loading;
} Drilldown;

static void
drilldown_free (Drilldown *dd)
{
  g_clear_weak_pointer (&dd->view);
  g_clear_object (&dd->book);
  g_free (dd->client_name);
  g_free (dd);
}

static void
entry_open_clicked_cb (GtkButton *button,
                       Drilldown *dd)
{
  SettleId invoice_id = (SettleId) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                        "settle-invoice-id"));

  GtkWindow *window = dd->window;

  if (dd->view != NULL)
    open_invoice (dd->view, invoice_id);
  /* The invoice is shown in the window the drill-down was covering. */
  gtk_window_destroy (window);
}

static char *
entry_subtitle (const SettleAgingEntry *e,
                SettleAgingBasis        basis)
{
  g_autofree char *issued = settle_format_date (&e->issue_date);
  g_autofree char *due = settle_format_date (&e->due_date);

  if (basis == SETTLE_AGING_BY_INVOICE_DATE)
    /* Translators: a drill-down row: issue date, due date, days since issue */
    return g_strdup_printf (ngettext ("Issued %s · due %s · %d day since issue",
                                      "Issued %s · due %s · %d days since issue", e->days),
                            issued, due, e->days);
  if (e->days <= 0)
    /* Translators: a drill-down row of an invoice not yet due */
    return g_strdup_printf (_("Issued %s · due %s · not yet due"), issued, due);
  /* Translators: a drill-down row: issue date, due date, days past due */
  return g_strdup_printf (ngettext ("Issued %s · due %s · %d day past due",
                                    "Issued %s · due %s · %d days past due", e->days),
                          issued, due, e->days);
}

typedef struct
{
  SettleBook        *book;
  SettleAgingOptions options;
  SettleId           client_id;
  int                bucket;
  guint              serial;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->book);
  g_free (data);
}

/* A client's open invoices on a past date can take a tenth of a second on a big
 * book: read in a worker on its own connection. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(SettleBook) conn = NULL;
  GPtrArray *entries = NULL;
  GError *error = NULL;

  conn = settle_book_open_worker (data->book, &error);
  if (conn != NULL)
    entries = settle_aging_list_entries (conn, &data->options, data->client_id, data->bucket,
                                         &error);
  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

static void drilldown_fill (Drilldown *dd,
                            GPtrArray *entries);

static void
load_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Drilldown *dd = g_object_get_data (source_object, "settle-drilldown");
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = g_task_propagate_pointer (G_TASK (result), &error);
  if (dd == NULL || data->serial != dd->serial)
    return;
  dd->loading = FALSE;
  if (entries == NULL)
    gtk_label_set_label (dd->summary, error->message);
  else
    drilldown_fill (dd, entries);
}

static void
drilldown_load (Drilldown *dd)
{
  g_autoptr(GTask) task = NULL;
  guint selected = gtk_drop_down_get_selected (dd->bucket);
  GtkWidget *child;
  LoadData *data;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (dd->list))) != NULL)
    gtk_list_box_remove (dd->list, child);
  gtk_label_set_label (dd->summary, _("Loading…"));

  data = g_new0 (LoadData, 1);
  data->book = g_object_ref (dd->book);
  data->options = dd->options;
  data->client_id = dd->client_id;
  data->bucket = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  data->serial = ++dd->serial;
  dd->loading = TRUE;
  /* The window is the task's source: it (and dd) live until the result is in. */
  task = g_task_new (dd->window, NULL, load_done, NULL);
  g_task_set_source_tag (task, drilldown_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
drilldown_fill (Drilldown *dd,
                GPtrArray *entries)
{
  g_autofree char *total_text = NULL;
  g_autofree char *summary = NULL;
  const char *currency = dd->currency;
  gint64 total = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const SettleAgingEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *amount = NULL;
      g_autofree char *subtitle = entry_subtitle (e, dd->options.basis);
      g_autofree char *name = g_strdup_printf ("drilldown-open-%u", i);
      g_autofree char *a11y = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;
      GtkWidget *button;

      amount = settle_format_money (e->open, currency);
      total += e->open;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->number);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      label = gtk_label_new (amount);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      button = gtk_button_new_with_mnemonic (_("_Open Invoice"));
      gtk_widget_set_name (button, name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: %s is an invoice number */
      a11y = g_strdup_printf (_("Open invoice %s"), e->number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      a11y, -1);
      g_object_set_data (G_OBJECT (button), "settle-invoice-id", GSIZE_TO_POINTER (e->invoice_id));
      g_signal_connect (button, "clicked", G_CALLBACK (entry_open_clicked_cb), dd);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (dd->list, row);
    }
  total_text = settle_format_money (total, currency);
  /* Translators: the drill-down's summary, "3 open invoices, $1,200.00" */
  summary = g_strdup_printf (ngettext ("%u open invoice, %s", "%u open invoices, %s",
                                       entries->len),
                             entries->len, total_text);
  gtk_label_set_label (dd->summary, summary);
}

GtkWindow *
settle_aging_view_show_entries (SettleAgingView *self,
                                SettleId         client_id,
                                int              bucket)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  GtkStringList *buckets;
  GtkWidget *window, *header, *box, *scrolled, *list, *summary, *drop, *bar, *title_widget;
  GtkRoot *root;
  Drilldown *dd;
  const SettleAgingRow *row = NULL;

  g_return_val_if_fail (SETTLE_IS_AGING_VIEW (self), NULL);
  g_return_val_if_fail (bucket >= -1 && bucket < SETTLE_AGING_N_BUCKETS, NULL);

  if (self->book == NULL || self->dashboard == NULL)
    return NULL;
  for (guint i = 0; i < self->dashboard->aging->rows->len; i++)
    {
      const SettleAgingRow *r = g_ptr_array_index (self->dashboard->aging->rows, i);

      if (r->client_id == client_id)
        row = r;
    }

  dd = g_new0 (Drilldown, 1);
  g_set_weak_pointer (&dd->view, self);
  dd->book = g_object_ref (self->book);
  dd->options = self->dashboard->options;
  g_strlcpy (dd->currency, self->dashboard->aging->currency, sizeof dd->currency);
  dd->client_id = client_id;
  dd->client_name = g_strdup (row != NULL ? row->client_name : "");

  window = adw_window_new ();
  gtk_widget_set_name (window, "aging-drilldown");
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 520);
  /* Translators: the drill-down window's title, %s is a client's name */
  title = g_strdup_printf (_("Open Invoices of %s"), dd->client_name);
  gtk_window_set_title (GTK_WINDOW (window), title);
  dd->window = GTK_WINDOW (window);
  g_object_set_data_full (G_OBJECT (window), "settle-drilldown", dd,
                          (GDestroyNotify) drilldown_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  date = settle_format_date_long (&dd->options.as_of);
  /* Translators: under the drill-down's title, %s is a date */
  subtitle = g_strdup_printf (_("As of %s"), date);
  title_widget = adw_window_title_new (title, subtitle);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title_widget);
  gtk_box_append (GTK_BOX (box), header);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  buckets = gtk_string_list_new (NULL);
  gtk_string_list_append (buckets, _("All ages"));
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autofree char *label = settle_aging_bucket_label (self->dashboard->aging, b);
      g_autofree char *text = b == 0 ? g_strdup (label)
                                     /* Translators: an aging bucket, "31–60 days" */
                                     : g_strdup_printf (_("%s days"), label);

      gtk_string_list_append (buckets, text);
    }
  drop = gtk_drop_down_new (G_LIST_MODEL (buckets), NULL);
  gtk_widget_set_name (drop, "drilldown-bucket");
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Age"), -1);
  dd->bucket = GTK_DROP_DOWN (drop);
  gtk_drop_down_set_selected (dd->bucket, (guint) (bucket + 1));
  gtk_box_append (GTK_BOX (bar), drop);
  summary = gtk_label_new (NULL);
  gtk_widget_set_name (summary, "drilldown-summary");
  gtk_widget_set_hexpand (summary, TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 1);
  gtk_widget_add_css_class (summary, "heading");
  dd->summary = GTK_LABEL (summary);
  gtk_box_append (GTK_BOX (bar), summary);
  gtk_box_append (GTK_BOX (box), bar);

  list = gtk_list_box_new ();
  gtk_widget_set_name (list, "drilldown-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  dd->list = GTK_LIST_BOX (list);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  drilldown_load (dd);
  g_signal_connect_swapped (drop, "notify::selected", G_CALLBACK (drilldown_load), dd);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    GtkShortcut *escape = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                            gtk_named_action_new ("window.close"));

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), escape);
    gtk_widget_add_controller (window, keys);
  }
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
client_activate_cb (GtkColumnView   *view,
                    guint            position,
                    SettleAgingView *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(SettleAgingItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    settle_aging_view_show_entries (self, settle_aging_item_get_client_id (item), -1);
}

void
settle_aging_view_accounts_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, client_activate_cb);
}

/* TRUE while the drill-down window (from settle_aging_view_show_entries) loads. */
gboolean
settle_aging_view_entries_loading (GtkWindow *window)
{
  Drilldown *dd;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);
  dd = g_object_get_data (G_OBJECT (window), "settle-drilldown");
  return dd != NULL && dd->loading;
}
