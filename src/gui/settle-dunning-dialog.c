/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-dunning-dialog.h"
#include "settle-payment-actions.h"
#include "settle-dunning.h"
#include "settle-format.h"
#include "settle-run-dialog.h"

/* The preview, the run in a worker, the lock and Cancel are SettleRunDialog's; this
 * file says what a dunning plan and its outcome look like. */

struct _SettleDunningDialog
{
  SettleRunDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (SettleDunningDialog, settle_dunning_dialog, SETTLE_TYPE_RUN_DIALOG)

static GPtrArray *
plan_items (gconstpointer plan)
{
  return ((const SettleDunningPlan *) plan)->items;
}

static char *
plan_describe (SettleRunDialog *dialog,
               gconstpointer    plan)
{
  return settle_dunning_plan_describe (plan);
}

static char *
item_subtitle (const SettleDunningItem *item,
               const GDate             *as_of)
{
  GString *text = g_string_new (NULL);
  int overdue = (int) g_date_get_julian (as_of) - (int) g_date_get_julian (&item->due_date);

  if (item->step == SETTLE_DUNNING_STEP_NONE)
    g_string_append (text, _("Late fee only"));
  else
    /* Translators: a ladder step: its number, its template and how it goes out:
     * "Step 4: firm (Email)". */
    g_string_append_printf (text, _("Step %d: %s (%s)"), item->step + 1,
                            item->template_id != NULL ? item->template_id : "",
                            settle_dunning_channel_label (item->channel));
  if (item->instalment > 0)
    g_string_append_printf (text, " · %s", _("instalment"));
  if (overdue > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%d day overdue", "%d days overdue", overdue), overdue);
    }
  if (item->fees != NULL && item->fees->len > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u late fee", "%u late fees", item->fees->len),
                              item->fees->len);
    }
  if (item->action == SETTLE_DUNNING_ACTION_HOLD)
    g_string_append_printf (text, " · %s", _("account hold"));
  else if (item->action == SETTLE_DUNNING_ACTION_COLLECTIONS)
    g_string_append_printf (text, " · %s", _("hand to collections"));
  if (item->step != SETTLE_DUNNING_STEP_NONE && item->channel == SETTLE_DUNNING_CHANNEL_EMAIL
      && !item->has_email)
    g_string_append_printf (text, " · %s", _("no billing email"));
  return g_string_free (text, FALSE);
}

static GtkWidget *
item_row_new (gconstpointer plan,
              gconstpointer data)
{
  const SettleDunningItem *item = data;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = item_subtitle (item, &((const SettleDunningPlan *) plan)->as_of);
  g_autofree char *amount = settle_format_money (item->amount_due, item->currency);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  /* Translators: a client, then the invoice reminded: "Acme Ltd — INV-000123". */
  title = g_strdup_printf (_("%s — %s"), item->client_name,
                           item->invoice_number != NULL ? item->invoice_number : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  label = gtk_label_new (amount);
  gtk_widget_add_css_class (label, "money");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  if (item->action == SETTLE_DUNNING_ACTION_HOLD)
    {
      GtkWidget *pill = gtk_label_new (_("Hold"));

      gtk_widget_add_css_class (pill, "status-pill");
      gtk_widget_add_css_class (pill, "warning");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
    }
  return row;
}

static char *
describe_result (const SettleDunningResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);

  if (result->n_emails > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u email queued in the Outbox",
                                                       "%u emails queued in the Outbox",
                                                       result->n_emails), result->n_emails));
  if (result->n_fees > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u late fee invoiced",
                                                       "%u late fees invoiced",
                                                       result->n_fees), result->n_fees));
  if (result->n_holds > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u account put on hold",
                                                       "%u accounts put on hold",
                                                       result->n_holds), result->n_holds));
  if (result->n_packets > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u hand-over to collections",
                                                       "%u hand-overs to collections",
                                                       result->n_packets), result->n_packets));
  if (result->n_skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u already done by another run",
                                                       "%u already done by another run",
                                                       result->n_skipped), result->n_skipped));
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: separates the parts of the run's outcome. */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  if (parts->len > 0)
    g_string_append (text, ".");
  return g_string_free (text, FALSE);
}

static gboolean
run_finish (SettleRunDialog *dialog,
            GAsyncResult    *result,
            char           **title,
            char           **description,
            GError         **error)
{
  SettleBook *book = settle_run_dialog_get_book (dialog);
  g_autofree char *outcome = NULL;
  SettleDunningResult dunning = { 0 };
  gboolean ok;

  ok = settle_dunning_run_finish (book, result, &dunning, error);
  /* Collections hand-overs: their packets (PDFs) are drawn in a worker. */
  if (ok)
    settle_payment_actions_write_packets (book, GTK_WINDOW (settle_run_dialog_get_window (dialog)));

  outcome = describe_result (&dunning);
  *title = g_strdup_printf (ngettext ("%u invoice reminded", "%u invoices reminded", dunning.n_items),
                            dunning.n_items);
  if (ok)
    *description = g_steal_pointer (&outcome);
  else if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: %s is what was done before the run was cancelled. */
    *description = g_strdup_printf (_("The run was cancelled. %s What was done is kept; running "
                                      "again does the rest."), outcome);
  else
    /* Translators: the error, then what was done before it. */
    *description = g_strdup_printf (_("%s. %s What was done before the problem is kept; running "
                                      "again does the rest."), (*error)->message, outcome);
  return ok;
}

static const SettleRunDialogKind dunning_kind = {
  .looking = N_("Looking for reminders that are due…"),
  .locked_hint = N_("Another run (a billing or reminder run, in another window or "
                    "settle-cli) is writing to this book. Wait for it to finish, then "
                    "run again."),
  .plan_async = settle_dunning_plan_async,
  .plan_finish = (SettleRunDialogPlanFinish) settle_dunning_plan_finish,
  .plan_free = (GDestroyNotify) settle_dunning_plan_free,
  .plan_items = plan_items,
  .plan_describe = plan_describe,
  .item_row_new = item_row_new,
  .run_async = settle_dunning_run_async,
  .run_finish = run_finish,
};

static void
settle_dunning_dialog_class_init (SettleDunningDialogClass *klass)
{
  settle_run_dialog_class_set_template (GTK_WIDGET_CLASS (klass),
                                        "/io/github/settle/Settle/ui/settle-dunning-dialog.ui");
}

static void
settle_dunning_dialog_init (SettleDunningDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SettleDunningDialog *
settle_dunning_dialog_new (SettleWindow *window)
{
  SettleDunningDialog *self;

  g_return_val_if_fail (SETTLE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (settle_window_get_book (window) != NULL, NULL);

  self = g_object_new (SETTLE_TYPE_DUNNING_DIALOG, "transient-for", window, NULL);
  settle_run_dialog_setup (SETTLE_RUN_DIALOG (self), window, &dunning_kind);
  return self;
}
