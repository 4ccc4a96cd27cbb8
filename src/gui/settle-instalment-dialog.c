/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-format.h"
#include "settle-instalment-dialog.h"
#include "settle-instalment-plan.h"
#include "settle-invoice.h"
#include "settle-payment-actions-private.h"

typedef struct
{
  SettleId    invoice_id;
  gint64      balance;
  char        currency[4];
  SettleForm *form;
  GtkWidget  *count;
  GtkWidget  *first;
  GtkWidget  *interval;
  GtkWidget  *every;
  GtkWidget  *remainder;
  GtkWidget  *table;
} PlanData;

typedef struct
{
  guint                    n;
  GDate                    first;
  SettleInstalmentInterval interval;
  int                      every_days;
  SettleRemainderRule      remainder;
} PlanInput;

static gboolean
read_input (PlanData  *d,
            PlanInput *in,
            GError   **error)
{
  int n = 0;
  guint interval = adw_combo_row_get_selected (ADW_COMBO_ROW (d->interval));
  guint remainder = adw_combo_row_get_selected (ADW_COMBO_ROW (d->remainder));

  settle_form_clear_errors (d->form);
  if (!settle_form_parse_int (d->count, _("Number of instalments"), 1, 360, &n, error))
    return FALSE;
  in->n = (guint) n;
  if (!settle_form_parse_date (d->first, _("First due"), &in->first, error))
    return FALSE;
  in->interval = interval == 1 ? SETTLE_INSTALMENTS_EVERY_N_DAYS : SETTLE_INSTALMENTS_MONTHLY;
  in->every_days = 0;
  gtk_widget_set_visible (d->every, in->interval == SETTLE_INSTALMENTS_EVERY_N_DAYS);
  if (in->interval == SETTLE_INSTALMENTS_EVERY_N_DAYS
      && !settle_form_parse_int (d->every, _("Every (days)"), 1, 365, &in->every_days, error))
    return FALSE;
  in->remainder = remainder == 1 ? SETTLE_REMAINDER_FIRST
                  : remainder == 2 ? SETTLE_REMAINDER_SPREAD : SETTLE_REMAINDER_LAST;
  return TRUE;
}

static void
update (PlanData *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) split = NULL;
  GtkWidget *row;
  PlanInput in;

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (d->table), 0))) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (d->table), row);
  if (read_input (d, &in, &error))
    split = settle_instalments_split (d->balance, in.n, &in.first, in.interval, in.every_days,
                                      in.remainder, &error);
  gtk_widget_set_sensitive (d->form->confirm, split != NULL);
  if (split == NULL)
    {
      settle_form_set_error (d->form, NULL, error->message);
      return;
    }
  for (guint i = 0; i < split->len; i++)
    {
      const SettleInstalment *inst = &g_array_index (split, SettleInstalment, i);
      g_autofree char *due = settle_format_date_long (&inst->due_date);
      g_autofree char *amount = settle_format_money (inst->amount, d->currency);
      g_autofree char *title = g_strdup_printf (_("Instalment %d"), inst->number);
      GtkWidget *label = gtk_label_new (amount);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), due);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (GTK_LIST_BOX (d->table), row);
    }
}

static void
changed_cb (GObject    *object,
            GParamSpec *pspec,
            PlanData   *d)
{
  update (d);
}

static gboolean
plan_confirm (SettleForm *form,
              gpointer    user_data,
              GError    **error)
{
  PlanData *d = user_data;
  PlanInput in;
  GDate today;

  if (!read_input (d, &in, error))
    return FALSE;
  settle_today (&today);
  return settle_instalment_plan_create (form->book, d->invoice_id, in.n, &in.first, in.interval,
                                        in.every_days, in.remainder, &today, error) != 0;
}

GtkWidget *
settle_instalment_dialog_new (GtkWindow  *parent,
                              SettleBook *book,
                              SettleId    invoice_id)
{
  const char *intervals[] = { _("Monthly"), _("Every N days"), NULL };
  const char *remainders[] = { _("On the last instalment"), _("On the first instalment"),
                               _("Spread over the first ones"), NULL };
  g_autoptr(SettleInvoice) invoice = settle_invoice_load (book, invoice_id, NULL);
  PlanData *d = g_new0 (PlanData, 1);
  g_autofree char *first = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *title = NULL;
  GtkWidget *heading;
  GDate date;

  d->invoice_id = invoice_id;
  if (invoice != NULL)
    {
      d->balance = settle_invoice_get_balance (invoice);
      g_strlcpy (d->currency, invoice->currency, sizeof d->currency);
    }
  settle_today (&date);
  g_date_add_months (&date, 1);
  first = settle_date_to_iso (&date);

  d->form = settle_form_new (parent != NULL ? GTK_WIDGET (parent) : NULL, book, "instalment-dialog",
                             _("Payment Plan"), _("C_reate Plan"), FALSE, plan_confirm, d, g_free);
  balance = settle_format_money (d->balance, d->currency);
  /* Translators: the invoice number and what is open on it. */
  title = g_strdup_printf (_("%s: %s open"), invoice != NULL && invoice->number != NULL ? invoice->number : "",
                           balance);
  adw_preferences_group_set_title (d->form->group, title);
  d->count = settle_form_add_entry (d->form, "count", _("Number of instalments"), "3");
  d->first = settle_form_add_entry (d->form, "first-due", _("First due"), first);
  d->interval = settle_form_add_combo (d->form, "interval", _("Interval"), intervals, 0);
  d->every = settle_form_add_entry (d->form, "every-days", _("Every (days)"), "14");
  d->remainder = settle_form_add_combo (d->form, "remainder", _("Cents that do not divide evenly"),
                                        remainders, 0);

  heading = gtk_label_new (_("Instalments"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (d->form->content, heading);
  d->table = gtk_list_box_new ();
  gtk_widget_set_name (d->table, "instalments");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (d->table), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (d->table, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Instalments"), -1);
  gtk_box_append (d->form->content, d->table);

  g_signal_connect (d->count, "notify::text", G_CALLBACK (changed_cb), d);
  g_signal_connect (d->first, "notify::text", G_CALLBACK (changed_cb), d);
  g_signal_connect (d->every, "notify::text", G_CALLBACK (changed_cb), d);
  g_signal_connect (d->interval, "notify::selected", G_CALLBACK (changed_cb), d);
  g_signal_connect (d->remainder, "notify::selected", G_CALLBACK (changed_cb), d);
  update (d);
  return d->form->window;
}
