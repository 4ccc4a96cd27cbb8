/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-dunning.h"
#include "settle-format.h"
#include "settle-instalment-dialog.h"
#include "settle-instalment-plan.h"
#include "settle-invoice-collections.h"
#include "settle-late-fee-store.h"
#include "settle-payment-actions-private.h"
#include "settle-payment-actions.h"
#include "settle-payment.h"

/* What a button of the pane acts on. */
typedef struct
{
  SettleBook *book;
  SettleId    invoice_id;
  SettleId    other_id; /* payment, plan */
  int         period;   /* late fee */
  char        currency[4];
} Target;

static void
target_free (Target *t)
{
  g_clear_object (&t->book);
  g_free (t);
}

static void
target_closure_free (gpointer  data,
                     GClosure *closure)
{
  target_free (data);
}

static Target *
target_new (SettleBook *book,
            SettleId    invoice_id,
            SettleId    other_id,
            const char *currency)
{
  Target *t = g_new0 (Target, 1);

  t->book = g_object_ref (book);
  t->invoice_id = invoice_id;
  t->other_id = other_id;
  g_strlcpy (t->currency, currency != NULL ? currency : "", sizeof t->currency);
  return t;
}

static GtkWidget *
pill (const char *text,
      const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "status-pill");
  gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
button_for (const char *label,
            const char *name,
            const char *tooltip,
            GCallback   callback,
            Target     *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_data (button, "clicked", callback, target, target_closure_free, 0);
  return button;
}

static GtkWidget *
money_label (gint64      amount,
             const char *currency)
{
  g_autofree char *text = settle_format_money (amount, currency);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "money");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

/* ---- Payments ---------------------------------------------------------- */

static void
mark_settled_clicked_cb (GtkButton *button,
                         Target    *t)
{
  settle_payment_actions_settle_dialog (GTK_WIDGET (button), t->book, t->other_id);
}

static void
reverse_clicked_cb (GtkButton *button,
                    Target    *t)
{
  settle_payment_actions_reverse_dialog (GTK_WIDGET (button), t->book, t->other_id, t->currency);
}

void
settle_payment_actions_fill_payments (GtkListBox          *list,
                                      SettleBook          *book,
                                      const SettleInvoice *invoice)
{
  g_autoptr(GPtrArray) applications = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;

  applications = settle_invoice_list_applications (book, invoice->id, &error);
  if (applications != NULL)
    payments = settle_invoice_list_payments (book, invoice->id, &error);
  if (payments == NULL)
    {
      g_warning ("Cannot list the payments of invoice %" G_GINT64_FORMAT ": %s",
                 invoice->id, error->message);
      return;
    }

  /* Credit notes first: they have no status of their own. */
  for (guint i = 0; i < applications->len; i++)
    {
      const SettleApplication *app = g_ptr_array_index (applications, i);
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (app->payment_id != 0)
        continue;
      date = settle_format_date_long (&app->date);
      /* Translators: a payment: method · the payer's reference. */
      title = g_strdup_printf (_("%s · %s"), settle_application_label (app),
                               app->reference != NULL ? app->reference : "");
      row = plain_row (title, date);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), money_label (app->amount, invoice->currency));
      gtk_list_box_append (list, row);
    }

  for (guint i = 0; i < payments->len; i++)
    {
      const SettleInvoicePayment *p = g_ptr_array_index (payments, i);
      g_autofree char *date = settle_format_date_long (&p->date);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *name = NULL;
      GtkWidget *row;

      if (p->reference != NULL && *p->reference != '\0')
        /* Translators: a payment: method · the payer's reference. */
        title = g_strdup_printf (_("%s · %s"), settle_payment_method_label (p->method), p->reference);
      else
        title = g_strdup (settle_payment_method_label (p->method));

      if (p->status == SETTLE_PAYMENT_REVERSED && g_date_valid (&p->reversed_on))
        {
          g_autofree char *on = settle_format_date_long (&p->reversed_on);

          /* Translators: a reversed payment: its date, when it was reversed and why. */
          subtitle = g_strdup_printf (_("%s · reversed on %s: %s"), date, on,
                                      p->reversal_reason != NULL ? p->reversal_reason : "");
        }
      else if (p->status == SETTLE_PAYMENT_PENDING)
        /* Translators: a pending ACH payment: the day it was entered. */
        subtitle = g_strdup_printf (_("Entered %s · not settled yet"), date);
      else
        subtitle = g_strdup (date);

      row = plain_row (title, subtitle);
      name = g_strdup_printf ("payment-%" G_GINT64_FORMAT, p->payment_id);
      gtk_widget_set_name (row, name);
      if (p->status == SETTLE_PAYMENT_PENDING)
        {
          g_autofree char *button_name = g_strdup_printf ("mark-settled-%" G_GINT64_FORMAT, p->payment_id);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill (_("Pending"), "warning"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     button_for (_("Mark _Settled…"), button_name,
                                                 _("The bank has settled this ACH debit"),
                                                 G_CALLBACK (mark_settled_clicked_cb),
                                                 target_new (book, invoice->id, p->payment_id,
                                                             invoice->currency)));
        }
      else if (p->status == SETTLE_PAYMENT_REVERSED)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill (_("Reversed"), "error"));
      else
        {
          g_autofree char *button_name = g_strdup_printf ("reverse-%" G_GINT64_FORMAT, p->payment_id);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     button_for (_("_Reverse…"), button_name,
                                                 _("A bounced check, returned ACH or chargeback"),
                                                 G_CALLBACK (reverse_clicked_cb),
                                                 target_new (book, invoice->id, p->payment_id,
                                                             invoice->currency)));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), money_label (p->amount, invoice->currency));
      gtk_list_box_append (list, row);
    }
}

/* ---- Reason forms: dispute, pause, waive, cancel plan --------------------- */

typedef enum
{
  REASON_DISPUTE,
  REASON_PAUSE,
  REASON_WAIVE,
  REASON_CANCEL_PLAN,
} ReasonKind;

typedef struct
{
  Target     *target;
  ReasonKind  kind;
  GtkWidget  *reason;
} ReasonData;

static void
reason_data_free (ReasonData *d)
{
  target_free (d->target);
  g_free (d);
}

static gboolean
reason_confirm (SettleForm *form,
                gpointer    user_data,
                GError    **error)
{
  ReasonData *d = user_data;
  Target *t = d->target;
  g_autofree char *reason = g_strstrip (g_strdup (settle_form_text (d->reason)));
  GDate today;

  if (*reason == '\0' && d->kind != REASON_PAUSE)
    {
      gtk_widget_add_css_class (d->reason, "error");
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Reason: say why, for the invoice's history."));
      return FALSE;
    }
  settle_today (&today);
  switch (d->kind)
    {
    case REASON_DISPUTE:
      return settle_dunning_set_disputed (t->book, t->invoice_id, TRUE, reason, error);
    case REASON_PAUSE:
      return settle_dunning_set_paused (t->book, t->invoice_id, TRUE, reason, error);
    case REASON_WAIVE:
      return settle_late_fee_store_waive (t->book, t->invoice_id, t->period, reason, &today, error);
    case REASON_CANCEL_PLAN:
    default:
      return settle_instalment_plan_cancel (t->book, t->other_id, reason, error);
    }
}

static void
open_reason_form (GtkWidget  *parent,
                  Target     *source,
                  ReasonKind  kind)
{
  static const struct
  {
    const char *name;
    const char *title;
    const char *confirm;
    const char *note;
  } forms[] = {
    { "dispute-dialog", N_("Dispute Invoice"), N_("_Dispute"),
      N_("A disputed invoice gets no reminders and no late fees until the dispute is resolved.") },
    { "pause-dialog", N_("Pause Reminders"), N_("_Pause"),
      N_("No reminders go out for this invoice until they are resumed.") },
    { "waive-dialog", N_("Waive Late Fee"), N_("_Waive"),
      N_("The fee of this period is not charged; a fee invoice already issued for it is voided.") },
    { "cancel-plan-dialog", N_("Cancel Payment Plan"), N_("Cancel _Plan"),
      N_("The invoice goes back to its own reminder schedule.") },
  };
  ReasonData *d = g_new0 (ReasonData, 1);
  SettleForm *form;

  d->target = target_new (source->book, source->invoice_id, source->other_id, source->currency);
  d->target->period = source->period;
  d->kind = kind;
  form = settle_form_new (parent, source->book, forms[kind].name, _(forms[kind].title),
                          _(forms[kind].confirm), kind == REASON_CANCEL_PLAN || kind == REASON_WAIVE,
                          reason_confirm, d, (GDestroyNotify) reason_data_free);
  d->reason = settle_form_add_entry (form, "reason", _("Reason"), NULL);
  settle_form_add_note (form, _(forms[kind].note));
  settle_form_present (form);
}

static void
dispute_clicked_cb (GtkButton *button,
                    Target    *t)
{
  open_reason_form (GTK_WIDGET (button), t, REASON_DISPUTE);
}

static void
pause_clicked_cb (GtkButton *button,
                  Target    *t)
{
  open_reason_form (GTK_WIDGET (button), t, REASON_PAUSE);
}

static void
waive_clicked_cb (GtkButton *button,
                  Target    *t)
{
  open_reason_form (GTK_WIDGET (button), t, REASON_WAIVE);
}

static void
cancel_plan_clicked_cb (GtkButton *button,
                        Target    *t)
{
  open_reason_form (GTK_WIDGET (button), t, REASON_CANCEL_PLAN);
}

static void
toast_error (GtkWidget    *widget,
             const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                              _("Cannot Change the Invoice"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
resolve_clicked_cb (GtkButton *button,
                    Target    *t)
{
  g_autoptr(GError) error = NULL;

  if (!settle_dunning_set_disputed (t->book, t->invoice_id, FALSE, NULL, &error))
    toast_error (GTK_WIDGET (button), error);
  else
    settle_book_notify_changed (t->book);
}

static void
resume_clicked_cb (GtkButton *button,
                   Target    *t)
{
  g_autoptr(GError) error = NULL;

  if (!settle_dunning_set_paused (t->book, t->invoice_id, FALSE, NULL, &error))
    toast_error (GTK_WIDGET (button), error);
  else
    settle_book_notify_changed (t->book);
}

static void
plan_clicked_cb (GtkButton *button,
                 Target    *t)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_window_present (GTK_WINDOW (settle_instalment_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                 t->book, t->invoice_id)));
}

/* ---- The collections section ---------------------------------------------- */

static GtkWidget *
banner (const char *name,
        const char *text,
        GtkWidget  *button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (box, name);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "collections-banner");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "warning");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_end (button, 8);
  gtk_box_append (GTK_BOX (box), button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return box;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
boxed_list (const char *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return list;
}

static void
add_plan (GtkBox              *box,
          SettleBook          *book,
          const SettleInvoice *invoice,
          SettleInstalmentPlan *plan)
{
  GtkWidget *list = boxed_list (_("Instalments"));
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = heading (_("Payment Plan"));
  gint64 paid = 0;
  gint64 left;

  gtk_widget_set_name (list, "plan-instalments");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (title_box), title);
  gtk_box_append (GTK_BOX (title_box),
                  button_for (_("Cancel _Plan…"), "cancel-plan", NULL,
                              G_CALLBACK (cancel_plan_clicked_cb),
                              target_new (book, invoice->id, plan->id, invoice->currency)));
  gtk_box_append (box, title_box);
  if (!settle_instalment_plan_paid (book, plan, &paid, NULL))
    paid = 0;
  left = paid;
  for (guint i = 0; i < plan->instalments->len; i++)
    {
      const SettleInstalment *inst = &g_array_index (plan->instalments, SettleInstalment, i);
      g_autofree char *due = settle_format_date_long (&inst->due_date);
      g_autofree char *title_text = g_strdup_printf (_("Instalment %d"), inst->number);
      g_autofree char *subtitle = g_strdup_printf (_("Due %s"), due);
      GtkWidget *row = plain_row (title_text, subtitle);

      if (left >= inst->amount)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill (_("Paid"), "success"));
      left = MAX (left - inst->amount, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), money_label (inst->amount, invoice->currency));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (box, list);
}

static void
add_late_fees (GtkBox              *box,
               SettleBook          *book,
               const SettleInvoice *invoice,
               GPtrArray           *fees)
{
  GtkWidget *list = boxed_list (_("Late fees"));

  gtk_widget_set_name (list, "late-fees");
  gtk_box_append (box, heading (_("Late Fees")));
  for (guint i = 0; i < fees->len; i++)
    {
      const SettleLateFeeInvoice *fee = g_ptr_array_index (fees, i);
      g_autofree char *date = settle_format_date_long (&fee->issue_date);
      /* Translators: a late-fee invoice: its number and the fee period. */
      g_autofree char *title = g_strdup_printf (_("%s · period %d"),
                                                fee->number != NULL ? fee->number : "", fee->period);
      GtkWidget *row = plain_row (title, date);

      if (fee->voided)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill (_("Waived"), "dim-label"));
      else
        {
          g_autofree char *name = g_strdup_printf ("waive-%d", fee->period);
          Target *t = target_new (book, invoice->id, fee->id, invoice->currency);

          t->period = fee->period;
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     button_for (_("_Waive…"), name, _("Do not charge this fee"),
                                                 G_CALLBACK (waive_clicked_cb), t));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), money_label (fee->total, invoice->currency));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (box, list);
}

void
settle_payment_actions_fill_collections (GtkBox              *box,
                                         SettleBook          *book,
                                         const SettleInvoice *invoice)
{
  g_autoptr(SettleInstalmentPlan) plan = NULL;
  g_autoptr(GPtrArray) fees = NULL;
  g_autoptr(GError) error = NULL;
  gboolean disputed = FALSE, paused = FALSE;
  gboolean open = invoice->kind == SETTLE_INVOICE_KIND_INVOICE
                  && (invoice->status == SETTLE_INVOICE_ISSUED
                      || invoice->status == SETTLE_INVOICE_PARTIAL);
  GtkWidget *child, *buttons;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  if (invoice->status == SETTLE_INVOICE_DRAFT)
    {
      gtk_widget_set_visible (GTK_WIDGET (box), FALSE);
      return;
    }
  if (!settle_invoice_get_flags (book, invoice->id, &disputed, &paused, &error))
    {
      g_warning ("Cannot read the collections state of invoice %" G_GINT64_FORMAT ": %s",
                 invoice->id, error->message);
      gtk_widget_set_visible (GTK_WIDGET (box), FALSE);
      return;
    }
  plan = settle_instalment_plan_load_active (book, invoice->id, NULL);
  fees = settle_invoice_list_late_fees (book, invoice->id, NULL);

  if (disputed)
    gtk_box_append (box, banner ("dispute-banner", _("Disputed: no reminders and no late fees"),
                                 button_for (_("_Resolve"), "resolve-dispute",
                                             _("The dispute is resolved: reminders and fees resume"),
                                             G_CALLBACK (resolve_clicked_cb),
                                             target_new (book, invoice->id, 0, invoice->currency))));
  if (paused)
    gtk_box_append (box, banner ("pause-banner", _("Reminders are paused for this invoice"),
                                 button_for (_("R_esume"), "resume-reminders", NULL,
                                             G_CALLBACK (resume_clicked_cb),
                                             target_new (book, invoice->id, 0, invoice->currency))));

  /* Wraps in a narrow pane. */
  buttons = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 3);
  if (open && !disputed)
    gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                    button_for (_("_Dispute…"), "dispute",
                                _("The client disputes this invoice: stop reminders and fees"),
                                G_CALLBACK (dispute_clicked_cb),
                                target_new (book, invoice->id, 0, invoice->currency)));
  if (open && !paused)
    gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                    button_for (_("_Pause Reminders…"), "pause",
                                _("Send no reminders for this invoice for now"),
                                G_CALLBACK (pause_clicked_cb),
                                target_new (book, invoice->id, 0, invoice->currency)));
  if (open && plan == NULL)
    gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                    button_for (_("Payment P_lan…"), "payment-plan",
                                _("Split what is open into instalments"),
                                G_CALLBACK (plan_clicked_cb),
                                target_new (book, invoice->id, 0, invoice->currency)));
  if (gtk_widget_get_first_child (buttons) != NULL)
    gtk_box_append (box, buttons);
  else
    g_object_unref (g_object_ref_sink (buttons));

  if (plan != NULL)
    add_plan (box, book, invoice, plan);
  if (fees != NULL && fees->len > 0)
    add_late_fees (box, book, invoice, fees);
  gtk_widget_set_visible (GTK_WIDGET (box), gtk_widget_get_first_child (GTK_WIDGET (box)) != NULL);
}
