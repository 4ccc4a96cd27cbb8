/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-billing-dialog.h"
#include "settle-billing.h"
#include "settle-format.h"
#include "settle-run-dialog.h"

/* The preview, the run in a worker, the lock and Cancel are SettleRunDialog's; this
 * file says what a billing plan and its outcome look like. */

struct _SettleBillingDialog
{
  SettleRunDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (SettleBillingDialog, settle_billing_dialog, SETTLE_TYPE_RUN_DIALOG)

static GPtrArray *
plan_items (gconstpointer plan)
{
  return ((const SettleBillingPlan *) plan)->items;
}

static char *
plan_describe (SettleRunDialog *dialog,
               gconstpointer    data)
{
  const SettleBillingPlan *plan = data;
  g_autofree char *date = NULL;

  if (plan->items->len > 0)
    return settle_billing_plan_describe (plan);
  date = settle_format_date (&plan->as_of);
  /* Translators: %s is the date of the run. */
  return g_strdup_printf (_("Nothing to bill as of %s"), date);
}

static GtkWidget *
item_row_new (gconstpointer plan,
              gconstpointer data)
{
  const SettleBillingItem *item = data;
  g_autofree char *title = NULL;
  g_autofree char *start = settle_format_date (&item->period_start);
  g_autofree char *end = settle_format_date (&item->period_end);
  g_autofree char *period = NULL;
  g_autofree char *amount = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  /* Translators: a client, then the agreement billed: "Acme Ltd — Managed services". */
  title = g_strdup_printf (_("%s — %s"), item->client_name, item->agreement_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (item->n_lines == 0)
    /* Translators: a billing period with nothing to bill; %s–%s are its dates. */
    period = g_strdup_printf (_("%s – %s, nothing to bill"), start, end);
  else
    /* Translators: a billing period, "Jul 1, 2025 – Jul 31, 2025". */
    period = g_strdup_printf (_("%s – %s"), start, end);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), period);

  amount = settle_format_money (item->total, item->currency);
  label = gtk_label_new (amount);
  gtk_widget_add_css_class (label, "money");
  if (item->n_lines == 0)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static gboolean
run_finish (SettleRunDialog *dialog,
            GAsyncResult    *result,
            char           **title,
            char           **description,
            GError         **error)
{
  SettleBillingResult billing = { 0 };
  gboolean ok;

  ok = settle_billing_run_finish (settle_run_dialog_get_book (dialog), result, &billing, error);
  if (ok || g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      *title = g_strdup_printf (ngettext ("%u invoice made", "%u invoices made", billing.n_created),
                                billing.n_created);
      if (!ok)
        *description = g_strdup (_("Billing was cancelled. The invoices made so far are kept; "
                                   "running again makes the rest."));
      else if (billing.n_skipped == 0 && billing.n_issued == billing.n_created)
        *description = g_strdup (ngettext ("It is issued and in the invoice list.",
                                           "They are issued and in the invoice list.",
                                           billing.n_created));
      else if (billing.n_skipped == 0)
        /* Translators: after a billing run; the rest were left as drafts. */
        *description = g_strdup_printf (ngettext ("%u issued, the others left as drafts to check.",
                                                  "%u issued, the others left as drafts to check.",
                                                  billing.n_issued),
                                        billing.n_issued);
      else
        /* Translators: after a billing run. */
        *description = g_strdup_printf (ngettext ("%u issued. %u period had nothing to bill.",
                                                  "%u issued. %u periods had nothing to bill.",
                                                  billing.n_skipped),
                                        billing.n_issued, billing.n_skipped);
    }
  else
    {
      *title = g_strdup (_("Billing Stopped"));
      /* Translators: why the run stopped; the invoices made before stay. */
      *description = g_strdup_printf (_("%s. The invoices made before the problem are kept; "
                                        "running again makes the rest."), (*error)->message);
    }
  return ok;
}

static const SettleRunDialogKind billing_kind = {
  .looking = N_("Looking for periods to bill…"),
  .locked_hint = N_("Wait for the other run (another window or settle-cli) to finish, then "
                    "run again."),
  .plan_async = settle_billing_plan_async,
  .plan_finish = (SettleRunDialogPlanFinish) settle_billing_plan_finish,
  .plan_free = (GDestroyNotify) settle_billing_plan_free,
  .plan_items = plan_items,
  .plan_describe = plan_describe,
  .item_row_new = item_row_new,
  .run_async = settle_billing_run_async,
  .run_finish = run_finish,
};

static void
settle_billing_dialog_class_init (SettleBillingDialogClass *klass)
{
  settle_run_dialog_class_set_template (GTK_WIDGET_CLASS (klass),
                                        "/io/github/settle/Settle/ui/settle-billing-dialog.ui");
}

static void
settle_billing_dialog_init (SettleBillingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SettleBillingDialog *
settle_billing_dialog_new (SettleWindow *window)
{
  SettleBillingDialog *self;

  g_return_val_if_fail (SETTLE_IS_WINDOW (window), NULL);
  g_return_val_if_fail (settle_window_get_book (window) != NULL, NULL);

  self = g_object_new (SETTLE_TYPE_BILLING_DIALOG, "transient-for", window, NULL);
  settle_run_dialog_setup (SETTLE_RUN_DIALOG (self), window, &billing_kind);
  return self;
}
