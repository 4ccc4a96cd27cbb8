/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-allocation-list.h"
#include "settle-client.h"
#include "settle-money.h"
#include "settle-payment-dialog.h"
#include "settle-payment-surcharge.h"
#include "settle-payment.h"
#include "settle-window.h"

struct _SettlePaymentDialog
{
  AdwWindow     parent_instance;

  SettleBook   *book;
  GPtrArray    *clients;   /* SettleClient* */
  SettleAllocationList *allocations;
  SettleId      client_id;
  char          currency[4];
  gboolean      syncing;   /* set while new () builds the dialog */

  AdwComboRow  *client_row;
  AdwEntryRow  *amount_row;
  AdwEntryRow  *date_row;
  AdwComboRow  *method_row;
  AdwEntryRow  *reference_row;
  AdwEntryRow  *fee_row;
  AdwActionRow *pending_row;
  GtkSwitch    *pending_switch;
  AdwActionRow *credit_card_row;
  GtkSwitch    *credit_card_switch;
  GtkLabel     *surcharge_label;
  GtkLabel     *warning_label;
  AdwPreferencesGroup *invoices_group;
  GtkLabel     *remaining_label;
  GtkLabel     *error_label;
  GtkWidget    *record_button;
};

G_DEFINE_FINAL_TYPE (SettlePaymentDialog, settle_payment_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
money_text (SettlePaymentDialog *self,
            gint64               amount)
{
  return settle_money_format (settle_money_init (amount, self->currency));
}

/* Empty text is 0 (and *empty TRUE); unparsable text is FALSE. */
static gboolean
parse_money (SettlePaymentDialog *self,
             const char          *text,
             gint64              *amount,
             gboolean            *empty)
{
  return settle_allocation_parse_money (text, self->currency, amount, empty);
}

static SettlePaymentMethod
current_method (SettlePaymentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->method_row);

  return selected <= SETTLE_PAYMENT_FINANCING ? (SettlePaymentMethod) selected
                                              : SETTLE_PAYMENT_CHECK;
}

/* Recomputes everything shown from what was typed: inline errors, the surcharge
 * preview and "…will become credit". Returns TRUE when the form can be recorded. */
static gboolean
update (SettlePaymentDialog *self)
{
  SettlePaymentMethod method = current_method (self);
  g_autofree char *first_error = NULL;
  gint64 amount = 0, fee = 0, allocated = 0;
  gboolean amount_empty = TRUE, ok = TRUE;
  GDate date;

  gtk_widget_set_sensitive (GTK_WIDGET (self->pending_row), method == SETTLE_PAYMENT_ACH);
  if (method != SETTLE_PAYMENT_ACH && gtk_switch_get_active (self->pending_switch))
    gtk_switch_set_active (self->pending_switch, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->credit_card_row), method == SETTLE_PAYMENT_CARD);

  if (!parse_money (self, gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &amount,
                    &amount_empty) || (!amount_empty && amount <= 0))
    {
      first_error = g_strdup (_("Amount: type the amount received, such as 120.00"));
      settle_allocation_set_error_style (GTK_WIDGET (self->amount_row), TRUE);
      ok = FALSE;
    }
  else
    settle_allocation_set_error_style (GTK_WIDGET (self->amount_row), FALSE);
  if (amount_empty)
    ok = FALSE;

  if (!settle_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    {
      if (first_error == NULL)
        first_error = g_strdup (_("Date: expected a date like 2026-01-31"));
      settle_allocation_set_error_style (GTK_WIDGET (self->date_row), TRUE);
      ok = FALSE;
    }
  else
    settle_allocation_set_error_style (GTK_WIDGET (self->date_row), FALSE);

  if (!parse_money (self, gtk_editable_get_text (GTK_EDITABLE (self->fee_row)), &fee, NULL)
      || fee < 0 || (amount > 0 && fee > amount))
    {
      if (first_error == NULL)
        first_error = g_strdup (_("Processor fee: between zero and the amount received"));
      settle_allocation_set_error_style (GTK_WIDGET (self->fee_row), TRUE);
      ok = FALSE;
    }
  else
    settle_allocation_set_error_style (GTK_WIDGET (self->fee_row), FALSE);

  allocated = settle_allocation_list_validate (self->allocations, &first_error, &ok);

  if (amount > 0 && allocated > amount)
    {
      g_autofree char *over = money_text (self, allocated - amount);

      g_autofree char *text = g_strdup_printf (_("%s more is allocated than was received"), over);
      gtk_label_set_text (self->remaining_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "error");
      ok = FALSE;
    }
  else
    {
      g_autofree char *left = money_text (self, amount - allocated);
      g_autofree char *text = NULL;

      if (amount_empty || amount <= 0)
        text = g_strdup ("");
      else if (amount - allocated > 0)
        text = g_strdup_printf (_("%s will become credit"), left);
      else
        text = g_strdup (_("All of the payment is allocated"));
      gtk_label_set_text (self->remaining_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "error");
    }

  /* Card surcharge preview and the state warning. */
  gtk_widget_set_visible (GTK_WIDGET (self->surcharge_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), FALSE);
  if (method == SETTLE_PAYMENT_CARD && self->client_id != 0)
    {
      g_autofree char *warning = NULL;
      gint64 surcharge = 0;
      SettleCardFunding funding = gtk_switch_get_active (self->credit_card_switch)
                                  ? SETTLE_CARD_FUNDING_CREDIT : SETTLE_CARD_FUNDING_DEBIT;

      if (settle_payment_surcharge_preview (self->book, self->client_id, MAX (amount, 0), method,
                                            funding, &surcharge, &warning, NULL))
        {
          if (surcharge > 0)
            {
              g_autofree char *s = money_text (self, surcharge);
              g_autofree char *all = money_text (self, amount + surcharge);
              g_autofree char *text = NULL;

              /* Translators: "Card surcharge $30.00, billed on its own invoice: $1,030.00 charged to the card" */
              text = g_strdup_printf (_("Card surcharge %s, billed on its own invoice: %s "
                                        "charged to the card"),
                                      s, all);
              gtk_label_set_text (self->surcharge_label, text);
              gtk_widget_set_visible (GTK_WIDGET (self->surcharge_label), TRUE);
            }
          if (warning != NULL && *warning != '\0')
            {
              gtk_label_set_text (self->warning_label, warning);
              gtk_widget_set_visible (GTK_WIDGET (self->warning_label), TRUE);
            }
        }
    }

  gtk_label_set_text (self->error_label, first_error != NULL ? first_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), first_error != NULL && !amount_empty);
  ok = ok && self->client_id != 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.record", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.allocate",
                                 amount > 0
                                 && settle_allocation_list_get_n_rows (self->allocations) > 0);
  return ok;
}

static void
changed_cb (SettlePaymentDialog *self)
{
  if (!self->syncing)
    update (self);
}

/* What a ticked row may take: the payment's amount. */
static gint64
amount_to_allocate (gpointer data)
{
  SettlePaymentDialog *self = data;
  gint64 amount = 0;

  parse_money (self, gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &amount, NULL);
  return amount;
}

static void
allocations_changed_cb (gpointer data)
{
  update (data);
}

static void
load_invoices (SettlePaymentDialog *self)
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
      g_autofree char *due = settle_date_to_iso (&item->due_date);
      g_autofree char *bal = money_text (self, item->balance);
      g_autofree char *subtitle = NULL;

      if (item->pending > 0)
        {
          g_autofree char *pending = money_text (self, item->pending);

          /* Translators: "Due 2026-01-31 · balance $1,250.00 · $500.00 payment pending" */
          subtitle = g_strdup_printf (_("Due %s · balance %s · %s payment pending"), due, bal,
                                      pending);
        }
      else
        /* Translators: "Due 2026-01-31 · balance $1,250.00" */
        subtitle = g_strdup_printf (_("Due %s · balance %s"), due, bal);

      settle_allocation_list_add (self->allocations, item, subtitle);
    }
  if (open->len == 0)
    adw_preferences_group_set_description (self->invoices_group,
                                           _("This client has no open invoice: the payment "
                                             "becomes credit."));
  else
    adw_preferences_group_set_description (self->invoices_group,
                                           _("Tick the invoices this payment pays and how much "
                                             "of each."));
}

static void
client_changed_cb (SettlePaymentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->client_row);
  SettleClient *client = NULL;

  if (self->book == NULL)
    return;
  if (self->clients != NULL && selected < self->clients->len)
    client = g_ptr_array_index (self->clients, selected);
  self->client_id = client != NULL ? client->id : 0;
  g_strlcpy (self->currency, client != NULL ? client->currency : "USD", sizeof self->currency);
  settle_allocation_list_set_currency (self->allocations, self->currency);
  load_invoices (self);
  update (self);
}

static void
allocate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SettlePaymentDialog *self = SETTLE_PAYMENT_DIALOG (widget);
  gint64 left = 0;

  parse_money (self, gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &left, NULL);
  settle_allocation_list_fill (self->allocations, left);
  update (self);
}

static gboolean
record (SettlePaymentDialog *self,
        SettleId            *payment_id,
        gint64              *amount_recorded,
        GError             **error)
{
  g_autoptr(SettlePayment) p = settle_payment_new ();
  g_autoptr(GArray) split = g_array_new (FALSE, FALSE, sizeof (SettleAllocation));
  g_autoptr(GArray) shares = settle_allocation_list_get_shares (self->allocations);
  g_autofree char *warning = NULL;

  p->client_id = self->client_id;
  g_strlcpy (p->currency, self->currency, sizeof p->currency);
  p->method = current_method (self);
  settle_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &p->date);
  parse_money (self, gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &p->amount, NULL);
  parse_money (self, gtk_editable_get_text (GTK_EDITABLE (self->fee_row)), &p->fee, NULL);
  g_free (p->reference);
  p->reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
  if (p->method == SETTLE_PAYMENT_ACH && gtk_switch_get_active (self->pending_switch))
    p->status = SETTLE_PAYMENT_PENDING;
  for (guint i = 0; i < shares->len; i++)
    {
      const SettleAllocationShare *share = &g_array_index (shares, SettleAllocationShare, i);
      SettleAllocation a = { share->invoice_id, share->amount };

      g_array_append_val (split, a);
    }

  if (!settle_book_begin (self->book, error))
    return FALSE;
  if (p->method == SETTLE_PAYMENT_CARD)
    {
      SettleCardFunding funding = gtk_switch_get_active (self->credit_card_switch)
                                  ? SETTLE_CARD_FUNDING_CREDIT : SETTLE_CARD_FUNDING_DEBIT;

      if (!settle_payment_record_card (self->book, p, funding, NULL, &warning, error))
        goto fail;
    }
  else if (!settle_payment_record (self->book, p, error))
    goto fail;
  if (split->len > 0
      && !settle_payment_allocate_manual (self->book, p->id, (SettleAllocation *) split->data,
                                          split->len, error))
    goto fail;
  if (!settle_book_commit (self->book, error))
    return FALSE;
  *payment_id = p->id;
  *amount_recorded = p->amount;
  return TRUE;

fail:
  settle_book_rollback (self->book);
  return FALSE;
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SettlePaymentDialog *self = SETTLE_PAYMENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  SettleId payment_id = 0;
  gint64 amount = 0;

  if (!update (self))
    return;
  if (!record (self, &payment_id, &amount, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  if (parent != NULL && SETTLE_IS_WINDOW (parent))
    {
      g_autofree char *money = money_text (self, amount);
      /* Translators: "Payment of $120.00 recorded" */
      g_autofree char *title = g_strdup_printf (_("Payment of %s recorded"), money);

      settle_window_add_toast (SETTLE_WINDOW (parent), adw_toast_new (title));
    }
  settle_book_notify_changed (self->book);
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, (gint64) payment_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
settle_payment_dialog_dispose (GObject *object)
{
  SettlePaymentDialog *self = SETTLE_PAYMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_PAYMENT_DIALOG);
  G_OBJECT_CLASS (settle_payment_dialog_parent_class)->dispose (object);
}

static void
settle_payment_dialog_finalize (GObject *object)
{
  SettlePaymentDialog *self = SETTLE_PAYMENT_DIALOG (object);

  g_clear_pointer (&self->allocations, settle_allocation_list_free);
  g_clear_pointer (&self->clients, g_ptr_array_unref);
  g_clear_object (&self->book);
  G_OBJECT_CLASS (settle_payment_dialog_parent_class)->finalize (object);
}

static void
settle_payment_dialog_class_init (SettlePaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_payment_dialog_dispose;
  object_class->finalize = settle_payment_dialog_finalize;

  /* The id of the payment just recorded. */
  signals[SIGNAL_RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, pending_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, pending_switch);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, credit_card_row);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, credit_card_switch);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, surcharge_label);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, invoices_group);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SettlePaymentDialog, record_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_changed_cb);

  gtk_widget_class_install_action (widget_class, "payment.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "payment.allocate", NULL, allocate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "payment.record", NULL);
}

static void
settle_payment_dialog_init (SettlePaymentDialog *self)
{
  strcpy (self->currency, "USD");
  /* The template's signals fire while it is built: hold them until new () is done. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->allocations = settle_allocation_list_new (self->invoices_group, amount_to_allocate,
                                                  allocations_changed_cb, self);
}

SettlePaymentDialog *
settle_payment_dialog_new (GtkWindow  *parent,
                           SettleBook *book,
                           SettleId    client_id,
                           GError    **error)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  SettlePaymentDialog *self;
  GPtrArray *clients;
  guint selected = 0;
  GDate today;
  g_autofree char *today_text = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  clients = settle_payment_list_payers (book, error);
  if (clients == NULL)
    return NULL;
  /* A client who owes nothing may still pay in advance: add the one asked for. */
  if (client_id != 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < clients->len && !found; i++)
        found = ((SettleClient *) g_ptr_array_index (clients, i))->id == client_id;
      if (!found)
        {
          SettleClient *c = settle_client_load (book, client_id, error);

          if (c == NULL)
            {
              g_ptr_array_unref (clients);
              return NULL;
            }
          g_ptr_array_insert (clients, 0, c);
        }
    }
  for (guint i = 0; i < clients->len; i++)
    {
      SettleClient *c = g_ptr_array_index (clients, i);

      gtk_string_list_append (names, c->name);
      if (c->id == client_id)
        selected = i;
    }

  self = g_object_new (SETTLE_TYPE_PAYMENT_DIALOG, NULL);
  self->book = g_object_ref (book);
  self->clients = clients;
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  settle_today (&today);
  today_text = settle_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  adw_combo_row_set_model (self->client_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->client_row, selected);
  self->syncing = FALSE;
  client_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  return self;
}

SettleId
settle_payment_dialog_get_client_id (SettlePaymentDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_PAYMENT_DIALOG (self), 0);
  return self->client_id;
}
