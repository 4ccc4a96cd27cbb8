/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-bank.h"
#include "settle-format.h"
#include "settle-reconcile-view-private.h"

/* The bank account shown: its choice, its auto-accept threshold and the balance check. */

/* ---- the bank account ------------------------------------------------------------- */

static SettleBankAccount *
current_account (SettleReconcileView *self)
{
  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    {
      SettleBankAccount *account = g_ptr_array_index (self->accounts, i);

      if (account->id == self->account_id)
        return account;
    }
  return NULL;
}

static void
update_auto_accept (SettleReconcileView *self)
{
  SettleBankAccount *account = current_account (self);
  int score = account != NULL ? account->auto_accept_score : 90;
  gboolean on = score <= 100;
  g_autofree char *label = NULL;

  self->syncing = TRUE;
  gtk_switch_set_active (self->auto_switch, on);
  if (on)
    gtk_spin_button_set_value (self->auto_spin, score);
  gtk_widget_set_sensitive (GTK_WIDGET (self->auto_spin), on);
  self->syncing = FALSE;

  if (on)
    /* Translators: the automatic-matching button, "Auto-accept from 90". */
    label = g_strdup_printf (_("Auto-accept from %d"), score);
  else
    label = g_strdup (_("Auto-accept off"));
  gtk_menu_button_set_label (self->auto_button, label);
}

static void
auto_accept_changed_cb (SettleReconcileView *self)
{
  g_autoptr(GError) error = NULL;
  SettleBankAccount *account = current_account (self);
  gboolean on = gtk_switch_get_active (self->auto_switch);
  int score = on ? gtk_spin_button_get_value_as_int (self->auto_spin) : 101;

  if (self->syncing || account == NULL)
    return;
  if (!settle_bank_account_set_auto_accept (self->book, account->id, score, &error))
    {
      settle_reconcile_view_show_error (self, _("Cannot Save the Setting"), error);
      update_auto_accept (self);
      return;
    }
  account->auto_accept_score = score;
  update_auto_accept (self);
}

/* The statement's closing balance against the book's, for the account shown. */
static void
update_balance (SettleReconcileView *self)
{
  g_autoptr(GError) error = NULL;
  SettleBankAccount *account = current_account (self);
  g_autofree char *text = NULL;
  g_autofree char *book_text = NULL;
  g_autofree char *tooltip = NULL;
  gint64 book_balance = 0, closing = 0;
  gboolean has_closing = FALSE;
  GDate date;

  g_date_clear (&date, 1);

  gtk_widget_remove_css_class (GTK_WIDGET (self->balance_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->balance_label), "success");
  if (account == NULL)
    {
      gtk_label_set_label (self->balance_label, "");
      return;
    }
  if (!settle_bank_account_balance (self->book, account->id, NULL, &book_balance, &error))
    {
      gtk_label_set_label (self->balance_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->balance_label), "warning");
      return;
    }
  if (!settle_bank_account_last_closing (self->book, account->id, &has_closing, &closing, &date,
                                         &error))
    {
      gtk_label_set_label (self->balance_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->balance_label), "warning");
      return;
    }
  book_text = settle_format_money (book_balance, account->currency);
  if (!has_closing)
    {
      /* Translators: "Book balance $12,345.67". */
      text = g_strdup_printf (_("Book balance %s"), book_text);
      tooltip = g_strdup (_("The statement gives no closing balance to compare with."));
    }
  else
    {
      g_autofree char *closing_text = settle_format_money (closing, account->currency);
      g_autofree char *date_text = g_date_valid (&date) ? settle_format_date (&date)
                                                       : g_strdup ("");

      /* Translators: the tooltip of the balance check. */
      tooltip = g_strdup_printf (_("Bank’s closing balance %s on %s; book balance of the "
                                   "imported lines %s"),
                                 closing_text, date_text, book_text);
      if (closing == book_balance)
        {
          text = g_strdup_printf (_("Balanced: %s"), closing_text);
          gtk_widget_add_css_class (GTK_WIDGET (self->balance_label), "success");
        }
      else
        {
          g_autofree char *diff = settle_format_money (ABS (closing - book_balance),
                                                       account->currency);

          /* Translators: the bank's closing balance is not the book's,
           * "Differs by $12.30". */
          text = g_strdup_printf (_("Differs by %s"), diff);
          gtk_widget_add_css_class (GTK_WIDGET (self->balance_label), "warning");
        }
    }
  gtk_label_set_label (self->balance_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->balance_label), tooltip);
}

void
settle_reconcile_view_load_accounts (SettleReconcileView *self,
                                     SettleId             select_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  if (self->book != NULL)
    {
      self->accounts = settle_bank_account_list (self->book, &error);
      if (self->accounts == NULL)
        g_warning ("Cannot list the bank accounts: %s", error->message);
    }
  if (select_id == 0)
    select_id = self->account_id;
  self->account_id = 0;
  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    {
      SettleBankAccount *account = g_ptr_array_index (self->accounts, i);

      gtk_string_list_append (names, account->name);
      if (account->id == select_id || i == 0)
        {
          selected = i;
          self->account_id = account->id;
        }
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->account_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->account_dropdown, selected);
  self->syncing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->account_dropdown),
                          self->accounts != NULL && self->accounts->len > 0);
  update_auto_accept (self);
  update_balance (self);
  settle_reconcile_view_update_actions (self);
}

static void
account_changed_cb (SettleReconcileView *self)
{
  guint selected = gtk_drop_down_get_selected (self->account_dropdown);

  if (self->syncing || self->accounts == NULL || selected >= self->accounts->len)
    return;
  self->account_id = ((SettleBankAccount *) g_ptr_array_index (self->accounts, selected))->id;
  g_array_set_size (self->undo_stack, 0);
  self->keep_line = 0;
  update_auto_accept (self);
  update_balance (self);
  settle_reconcile_view_reload (self);
}

void
settle_reconcile_view_init_account (SettleReconcileView *self)
{
  g_signal_connect_object (self->account_dropdown, "notify::selected",
                           G_CALLBACK (account_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->auto_switch, "notify::active",
                           G_CALLBACK (auto_accept_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->auto_spin, "value-changed",
                           G_CALLBACK (auto_accept_changed_cb), self, G_CONNECT_SWAPPED);
}
