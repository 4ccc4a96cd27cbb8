/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-client.h"
#include "settle-format.h"
#include "settle-payment-actions-private.h"
#include "settle-payment-actions.h"
#include "settle-payment.h"
#include "settle-refund.h"

static char *
today_iso (void)
{
  GDate today;

  settle_today (&today);
  return settle_date_to_iso (&today);
}

/* ---- Mark settled ---------------------------------------------------------- */

typedef struct
{
  SettleId   payment_id;
  GtkWidget *date;
} SettleData;

static gboolean
settle_confirm (SettleForm *form,
                gpointer    user_data,
                GError    **error)
{
  SettleData *d = user_data;
  GDate date;

  if (!settle_form_parse_date (d->date, _("Settled on"), &date, error))
    return FALSE;
  return settle_payment_mark_settled (form->book, d->payment_id, &date, error);
}

void
settle_payment_actions_settle_dialog (GtkWidget  *parent,
                                      SettleBook *book,
                                      SettleId    payment_id)
{
  SettleData *d = g_new0 (SettleData, 1);
  g_autofree char *today = today_iso ();
  SettleForm *form;

  d->payment_id = payment_id;
  form = settle_form_new (parent, book, "settle-dialog", _("Mark Payment Settled"), _("Mark _Settled"),
                          FALSE, settle_confirm, d, g_free);
  d->date = settle_form_add_entry (form, "date", _("Settled on"), today);
  settle_form_add_note (form, _("The payment becomes money on this date and is applied to the invoices "
                                "it was planned for; what cannot be applied any more stays as the "
                                "client's credit."));
  settle_form_present (form);
}

/* ---- Reverse ----------------------------------------------------------------- */

typedef struct
{
  SettleId   payment_id;
  char       currency[4];
  GtkWidget *date;
  GtkWidget *reason;
  GtkWidget *detail;
  GtkWidget *fee;
} ReverseData;

static const char *const reverse_reasons[] = {
  N_("Bounced check"),
  N_("Returned ACH"),
  N_("Card chargeback"),
  N_("Other"),
  NULL,
};

static gboolean
reverse_confirm (SettleForm *form,
                 gpointer    user_data,
                 GError    **error)
{
  ReverseData *d = user_data;
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (d->reason));
  g_autofree char *detail = g_strstrip (g_strdup (settle_form_text (d->detail)));
  g_autofree char *reason = NULL;
  SettleId nsf_invoice = 0;
  gint64 fee = 0;
  GDate date;

  if (!settle_form_parse_date (d->date, _("Date"), &date, error))
    return FALSE;
  if (selected >= G_N_ELEMENTS (reverse_reasons) - 1)
    selected = G_N_ELEMENTS (reverse_reasons) - 2;
  if (selected == G_N_ELEMENTS (reverse_reasons) - 2 && *detail == '\0')
    {
      gtk_widget_add_css_class (d->detail, "error");
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Details: say what happened to the payment."));
      return FALSE;
    }
  if (!settle_form_parse_money (d->fee, _("Returned payment fee"), d->currency, TRUE, &fee, error))
    return FALSE;
  if (*detail != '\0')
    /* Translators: a reversal reason and its details: "Returned ACH: R01". */
    reason = g_strdup_printf (_("%s: %s"), _(reverse_reasons[selected]), detail);
  else
    reason = g_strdup (_(reverse_reasons[selected]));
  return settle_payment_reverse (form->book, d->payment_id, &date, reason, fee, &nsf_invoice, error);
}

void
settle_payment_actions_reverse_dialog (GtkWidget  *parent,
                                       SettleBook *book,
                                       SettleId    payment_id,
                                       const char *currency)
{
  ReverseData *d = g_new0 (ReverseData, 1);
  g_autofree char *today = today_iso ();
  const char *reasons[G_N_ELEMENTS (reverse_reasons)];
  SettleForm *form;

  for (guint i = 0; i < G_N_ELEMENTS (reverse_reasons); i++)
    reasons[i] = reverse_reasons[i] != NULL ? _(reverse_reasons[i]) : NULL;
  d->payment_id = payment_id;
  g_strlcpy (d->currency, currency, sizeof d->currency);
  form = settle_form_new (parent, book, "reverse-dialog", _("Reverse Payment"), _("_Reverse"), TRUE,
                          reverse_confirm, d, g_free);
  d->date = settle_form_add_entry (form, "date", _("Date"), today);
  d->reason = settle_form_add_combo (form, "reason", _("Reason"), reasons, 1);
  d->detail = settle_form_add_entry (form, "detail", _("Details (return code, note)"), NULL);
  d->fee = settle_form_add_entry (form, "nsf-fee", _("Returned payment fee (optional)"), NULL);
  settle_form_add_note (form, _("The payment stops being money from this date and the invoices it "
                                "paid open again. A returned payment fee is billed on its own invoice."));
  settle_form_present (form);
}

/* ---- Client credit: apply and refund -------------------------------------- */

typedef struct
{
  SettleBook *book;
  gboolean    refund;
  GPtrArray  *clients;  /* SettleClient*, when asked */
  GPtrArray  *invoices; /* SettleOpenInvoice* of the client */
  SettleId    client_id;
  char        currency[4];
  GtkWidget  *client;
  GtkWidget  *available;
  GtkWidget  *invoice;
  GtkWidget  *amount;
  GtkWidget  *method;
  GtkWidget  *reference;
  GtkWidget  *date;
} CreditData;

static void
credit_data_free (CreditData *d)
{
  g_clear_pointer (&d->clients, g_ptr_array_unref);
  g_clear_pointer (&d->invoices, g_ptr_array_unref);
  g_free (d);
}

static void
credit_show_client (CreditData *d)
{
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 credit = 0;

  d->currency[0] = '\0';
  client = d->client_id != 0 ? settle_client_load (d->book, d->client_id, &error) : NULL;
  if (client != NULL)
    g_strlcpy (d->currency, client->currency, sizeof d->currency);
  if (client == NULL || !settle_client_get_available_credit (d->book, d->client_id, &credit, &error))
    text = g_strdup (error != NULL ? error->message : "");
  else
    text = settle_format_money (credit, d->currency);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (d->available), text);

  if (d->invoice != NULL)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      g_clear_pointer (&d->invoices, g_ptr_array_unref);
      d->invoices = d->client_id != 0 ? settle_payment_list_open_invoices (d->book, d->client_id, NULL) : NULL;
      gtk_string_list_append (model, _("Open invoices, oldest due first"));
      for (guint i = 0; d->invoices != NULL && i < d->invoices->len; i++)
        {
          const SettleOpenInvoice *inv = g_ptr_array_index (d->invoices, i);
          g_autofree char *balance = settle_format_money (inv->balance, d->currency);
          /* Translators: an open invoice to apply credit to: number — balance. */
          g_autofree char *label = g_strdup_printf (_("%s — %s open"), inv->number, balance);

          gtk_string_list_append (model, label);
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (d->invoice), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (d->invoice), 0);
    }
}

static void
credit_client_selected_cb (GObject    *row,
                           GParamSpec *pspec,
                           CreditData *d)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  d->client_id = 0;
  if (d->clients != NULL && selected < d->clients->len)
    d->client_id = ((SettleClient *) g_ptr_array_index (d->clients, selected))->id;
  credit_show_client (d);
}

static gboolean
credit_confirm (SettleForm *form,
                gpointer    user_data,
                GError    **error)
{
  CreditData *d = user_data;
  gint64 amount = 0;
  GDate date;

  if (d->client_id == 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Client: choose whose credit it is."));
      return FALSE;
    }
  if (!settle_form_parse_money (d->amount, _("Amount"), d->currency, !d->refund, &amount, error))
    return FALSE;
  if (d->refund && amount == 0)
    {
      gtk_widget_add_css_class (d->amount, "error");
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Amount: enter how much is paid back."));
      return FALSE;
    }
  if (!settle_form_parse_date (d->date, _("Date"), &date, error))
    return FALSE;
  if (d->refund)
    {
      g_autoptr(SettleRefund) refund = settle_refund_new ();
      guint method = adw_combo_row_get_selected (ADW_COMBO_ROW (d->method));

      refund->client_id = d->client_id;
      refund->date = date;
      refund->amount = amount;
      g_strlcpy (refund->currency, d->currency, sizeof refund->currency);
      refund->method = method <= SETTLE_PAYMENT_FINANCING ? (SettlePaymentMethod) method : SETTLE_PAYMENT_CHECK;
      g_free (refund->reference);
      refund->reference = g_strstrip (g_strdup (settle_form_text (d->reference)));
      return settle_refund_record (form->book, refund, error);
    }
  else
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (d->invoice));
      SettleId invoice_id = 0;
      gint64 applied = 0;

      if (selected > 0 && d->invoices != NULL && selected - 1 < d->invoices->len)
        invoice_id = ((SettleOpenInvoice *) g_ptr_array_index (d->invoices, selected - 1))->id;
      if (!settle_client_apply_credit (form->book, d->client_id, invoice_id, amount, &date, &applied, error))
        return FALSE;
      if (applied == 0)
        {
          g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                               _("Nothing was applied: the client has no credit or no open invoice."));
          return FALSE;
        }
      return TRUE;
    }
}

void
settle_payment_actions_credit_dialog (GtkWidget  *parent,
                                      SettleBook *book,
                                      SettleId    client_id,
                                      gboolean    refund)
{
  CreditData *d = g_new0 (CreditData, 1);
  g_autofree char *today = today_iso ();
  SettleForm *form;

  d->book = book;
  d->refund = refund;
  d->client_id = client_id;
  form = settle_form_new (parent, book, refund ? "refund-credit-dialog" : "apply-credit-dialog",
                          refund ? _("Refund Client Credit") : _("Apply Client Credit"),
                          refund ? _("_Refund") : _("_Apply"), FALSE, credit_confirm, d,
                          (GDestroyNotify) credit_data_free);
  if (client_id == 0)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      d->clients = settle_payment_list_payers (book, NULL);
      for (guint i = 0; d->clients != NULL && i < d->clients->len; i++)
        gtk_string_list_append (names, ((SettleClient *) g_ptr_array_index (d->clients, i))->name);
      d->client = settle_form_add_combo (form, "client", _("Client"), NULL, 0);
      adw_combo_row_set_model (ADW_COMBO_ROW (d->client), G_LIST_MODEL (names));
      if (d->clients != NULL && d->clients->len > 0)
        d->client_id = ((SettleClient *) g_ptr_array_index (d->clients, 0))->id;
    }
  else
    {
      g_autoptr(SettleClient) client = settle_client_load (book, client_id, NULL);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Client"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), client != NULL ? client->name : "");
      adw_preferences_group_add (form->group, row);
    }
  d->available = adw_action_row_new ();
  gtk_widget_set_name (d->available, "available");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->available), _("Available credit"));
  adw_preferences_group_add (form->group, d->available);
  if (!refund)
    d->invoice = settle_form_add_combo (form, "invoice", _("Apply to"), NULL, 0);
  d->amount = settle_form_add_entry (form, "amount",
                                     refund ? _("Amount") : _("Amount (empty = as much as possible)"),
                                     NULL);
  if (refund)
    {
      const char *methods[] = {
        settle_payment_method_label (SETTLE_PAYMENT_ACH), settle_payment_method_label (SETTLE_PAYMENT_CARD),
        settle_payment_method_label (SETTLE_PAYMENT_CHECK), settle_payment_method_label (SETTLE_PAYMENT_WIRE),
        settle_payment_method_label (SETTLE_PAYMENT_CASH),
        settle_payment_method_label (SETTLE_PAYMENT_FINANCING), NULL,
      };

      d->method = settle_form_add_combo (form, "method", _("Method"), methods, SETTLE_PAYMENT_CHECK);
      d->reference = settle_form_add_entry (form, "reference", _("Reference"), NULL);
    }
  d->date = settle_form_add_entry (form, "date", _("Date"), today);
  credit_show_client (d);
  if (d->client != NULL)
    g_signal_connect (d->client, "notify::selected", G_CALLBACK (credit_client_selected_cb), d);
  settle_form_present (form);
}
