/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-allocation-list.h"
#include "settle-client.h"
#include "settle-format.h"
#include "settle-money.h"
#include "settle-payment.h"
#include "settle-reconcile-manual-dialog.h"

struct _SettleReconcileManualDialog
{
  AdwWindow            parent_instance;

  SettleBook          *book;
  SettleId             line_id;
  gint64               amount;
  char                 currency[4];
  GPtrArray           *clients;   /* SettleClient* */
  SettleAllocationList *allocations;
  SettleId             client_id;
  gboolean             syncing;

  AdwActionRow        *line_row;
  GtkLabel            *line_amount;
  GtkDropDown         *client_dropdown;
  AdwPreferencesGroup *invoices_group;
  GtkLabel            *remaining_label;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (SettleReconcileManualDialog, settle_reconcile_manual_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_MATCHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
money_text (SettleReconcileManualDialog *self,
            gint64                       amount)
{
  return settle_format_money (amount, self->currency);
}

/* Inline errors and the live remainder; TRUE when the split can be recorded. */
static gboolean
update (SettleReconcileManualDialog *self)
{
  g_autofree char *first_error = NULL;
  gint64 allocated = 0;
  gboolean ok = self->client_id != 0;

  allocated = settle_allocation_list_validate (self->allocations, &first_error, &ok);

  gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "error");
  if (allocated > self->amount)
    {
      g_autofree char *over = money_text (self, allocated - self->amount);
      g_autofree char *text = g_strdup_printf (_("%s more is allocated than was received"), over);

      gtk_label_set_text (self->remaining_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "error");
      ok = FALSE;
    }
  else if (allocated < self->amount)
    {
      g_autofree char *left = money_text (self, self->amount - allocated);
      g_autofree char *text = g_strdup_printf (_("%s will become credit"), left);

      gtk_label_set_text (self->remaining_label, text);
    }
  else
    gtk_label_set_text (self->remaining_label, _("All of the payment is allocated"));

  gtk_label_set_text (self->error_label, first_error != NULL ? first_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), first_error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "manual.match", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "manual.allocate",
                                 settle_allocation_list_get_n_rows (self->allocations) > 0);
  return ok;
}

/* What a ticked row may take: the statement line's amount. */
static gint64
amount_to_allocate (gpointer data)
{
  SettleReconcileManualDialog *self = data;

  return self->amount;
}

static void
allocations_changed_cb (gpointer data)
{
  update (data);
}

static void
load_invoices (SettleReconcileManualDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;

  settle_allocation_list_clear (self->allocations);
  if (self->client_id == 0)
    return;
  open = settle_payment_list_open_invoices (self->book, self->client_id, &error);
  if (open == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  for (guint i = 0; i < open->len; i++)
    {
      SettleOpenInvoice *item = g_ptr_array_index (open, i);
      g_autofree char *due = settle_format_date (&item->due_date);
      g_autofree char *balance = money_text (self, item->balance);
      /* Translators: "Due 2026-01-31 · balance $1,250.00" */
      g_autofree char *subtitle = g_strdup_printf (_("Due %s · balance %s"), due, balance);

      settle_allocation_list_add (self->allocations, item, subtitle);
    }
  adw_preferences_group_set_description (self->invoices_group,
                                         open->len == 0
                                         ? _("This client has no open invoice: all of the "
                                             "line becomes credit.")
                                         : _("Tick the invoices this line pays and how much of "
                                             "each. What is left becomes credit."));
}

static void
client_changed_cb (SettleReconcileManualDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->client_dropdown);
  SettleClient *client = NULL;

  if (self->book == NULL || self->syncing)
    return;
  if (self->clients != NULL && selected < self->clients->len)
    client = g_ptr_array_index (self->clients, selected);
  self->client_id = client != NULL ? client->id : 0;
  load_invoices (self);
  update (self);
}

static void
allocate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SettleReconcileManualDialog *self = SETTLE_RECONCILE_MANUAL_DIALOG (widget);

  settle_allocation_list_fill (self->allocations, self->amount);
  update (self);
}

static void
match_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SettleReconcileManualDialog *self = SETTLE_RECONCILE_MANUAL_DIALOG (widget);
  g_autoptr(GArray) allocations = g_array_new (FALSE, TRUE, sizeof (SettleMatchAllocation));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) what = g_string_new (NULL);
  g_autoptr(GArray) shares = NULL;
  SettleClient *client;
  SettleId match_id = 0;

  if (!update (self))
    return;
  shares = settle_allocation_list_get_shares (self->allocations);
  for (guint i = 0; i < shares->len; i++)
    {
      const SettleAllocationShare *share = &g_array_index (shares, SettleAllocationShare, i);
      SettleMatchAllocation a = { share->invoice_id, (char *) share->number, share->amount };

      g_array_append_val (allocations, a);
      g_string_append_printf (what, "%s%s", what->len > 0 ? ", " : "", share->number);
    }
  /* The numbers belong to the rows: the array only borrows them. */
  if (!settle_reconcile_accept_manual (self->book, self->line_id, self->client_id, allocations,
                                       &match_id, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  client = g_ptr_array_index (self->clients, gtk_drop_down_get_selected (self->client_dropdown));
  if (what->len == 0)
    /* Translators: a manual match with no invoice, "Acme Corp: credit". */
    g_string_printf (what, _("%s: credit"), client->name);
  else
    {
      g_autofree char *numbers = g_strdup (what->str);

      /* Translators: "Acme Corp: INV-0042, INV-0043". */
      g_string_printf (what, _("%s: %s"), client->name, numbers);
    }
  g_signal_emit (self, signals[SIGNAL_MATCHED], 0, (gint64) match_id, what->str);
  gtk_window_close (GTK_WINDOW (self));
}

static void
settle_reconcile_manual_dialog_dispose (GObject *object)
{
  SettleReconcileManualDialog *self = SETTLE_RECONCILE_MANUAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_RECONCILE_MANUAL_DIALOG);
  G_OBJECT_CLASS (settle_reconcile_manual_dialog_parent_class)->dispose (object);
}

static void
settle_reconcile_manual_dialog_finalize (GObject *object)
{
  SettleReconcileManualDialog *self = SETTLE_RECONCILE_MANUAL_DIALOG (object);

  g_clear_pointer (&self->allocations, settle_allocation_list_free);
  g_clear_pointer (&self->clients, g_ptr_array_unref);
  g_clear_object (&self->book);
  G_OBJECT_CLASS (settle_reconcile_manual_dialog_parent_class)->finalize (object);
}

static void
settle_reconcile_manual_dialog_class_init (SettleReconcileManualDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_reconcile_manual_dialog_dispose;
  object_class->finalize = settle_reconcile_manual_dialog_finalize;

  /* The match recorded, and what it paid ("Acme Corp: INV-0042, INV-0043"). */
  signals[SIGNAL_MATCHED] = g_signal_new ("matched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                                          G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/settle/Settle/ui/settle-reconcile-manual-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileManualDialog, line_row);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileManualDialog, line_amount);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileManualDialog,
                                        client_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileManualDialog,
                                        invoices_group);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileManualDialog,
                                        remaining_label);
  gtk_widget_class_bind_template_child (widget_class, SettleReconcileManualDialog, error_label);

  gtk_widget_class_install_action (widget_class, "manual.match", NULL, match_action);
  gtk_widget_class_install_action (widget_class, "manual.allocate", NULL, allocate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "manual.match", NULL);
}

static void
settle_reconcile_manual_dialog_init (SettleReconcileManualDialog *self)
{
  strcpy (self->currency, "USD");
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;
  self->allocations = settle_allocation_list_new (self->invoices_group, amount_to_allocate,
                                                  allocations_changed_cb, self);
  gtk_drop_down_set_expression (self->client_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  g_signal_connect_object (self->client_dropdown, "notify::selected",
                           G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
}

SettleReconcileManualDialog *
settle_reconcile_manual_dialog_new (GtkWindow                    *parent,
                                    SettleBook                   *book,
                                    const SettleStatementLineRow *line,
                                    SettleId                      client_id,
                                    GError                      **error)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  SettleReconcileManualDialog *self;
  GPtrArray *clients;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (line != NULL, NULL);

  clients = settle_payment_list_payers (book, error);
  if (clients == NULL)
    return NULL;
  for (guint i = 0; i < clients->len; i++)
    gtk_string_list_append (names, ((SettleClient *) g_ptr_array_index (clients, i))->name);

  self = g_object_new (SETTLE_TYPE_RECONCILE_MANUAL_DIALOG, NULL);
  self->book = g_object_ref (book);
  self->clients = clients;
  self->line_id = line->id;
  self->amount = line->amount;
  g_strlcpy (self->currency, line->currency, sizeof self->currency);
  settle_allocation_list_set_currency (self->allocations, self->currency);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);

  amount = money_text (self, line->amount);
  date = settle_format_date (&line->date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->line_row),
                                 line->payer_name != NULL && *line->payer_name != '\0'
                                 ? line->payer_name : _("(no payer name)"));
  {
    GString *text = g_string_new (date);

    if (line->reference != NULL && *line->reference != '\0')
      g_string_append_printf (text, " · %s", line->reference);
    if (line->description != NULL && *line->description != '\0')
      g_string_append_printf (text, " · %s", line->description);
    subtitle = g_string_free (text, FALSE);
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->line_row), subtitle);
  gtk_label_set_label (self->line_amount, amount);

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->client_dropdown, G_LIST_MODEL (names));
  self->syncing = FALSE;
  if (client_id == 0 || !settle_reconcile_manual_dialog_set_client_id (self, client_id))
    client_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->client_dropdown));
  return self;
}

SettleId
settle_reconcile_manual_dialog_get_client_id (SettleReconcileManualDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_MANUAL_DIALOG (self), 0);
  return self->client_id;
}

gboolean
settle_reconcile_manual_dialog_set_client_id (SettleReconcileManualDialog *self,
                                              SettleId                     client_id)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_MANUAL_DIALOG (self), FALSE);

  for (guint i = 0; i < self->clients->len; i++)
    if (((SettleClient *) g_ptr_array_index (self->clients, i))->id == client_id)
      {
        gtk_drop_down_set_selected (self->client_dropdown, i);
        /* notify::selected is not emitted when i is already selected. */
        if (self->client_id != client_id)
          client_changed_cb (self);
        return TRUE;
      }
  return FALSE;
}
