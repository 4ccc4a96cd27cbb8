/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-run-dialog.h"
#include "settle-window.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_BILLING_DIALOG_PREVIEW, /* choosing the date; the preview is computed in a worker */
  SETTLE_BILLING_DIALOG_RUNNING,
  SETTLE_BILLING_DIALOG_DONE,
} SettleBillingDialogState;

#define SETTLE_TYPE_BILLING_DIALOG (settle_billing_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SettleBillingDialog, settle_billing_dialog, SETTLE, BILLING_DIALOG, SettleRunDialog)

/* The billing run: a date (today by default), a preview of what a run as of it
 * would make (computed on a worker connection, so the window never waits), then
 * the run itself in a worker with progress and Cancel. At the end the window
 * shows a toast ("42 invoices made") and its lists refresh. */
SettleBillingDialog      *settle_billing_dialog_new         (SettleWindow        *window);
/* Sets the date field and computes the preview again. */
void                      settle_billing_dialog_set_date    (SettleBillingDialog *self,
                                                             const GDate         *date);
/* Runs as the Run button does; nothing when the preview is not ready. */
void                      settle_billing_dialog_run         (SettleBillingDialog *self);
SettleBillingDialogState  settle_billing_dialog_get_state   (SettleBillingDialog *self);
/* TRUE while a preview or a run is being computed. */
gboolean                  settle_billing_dialog_get_busy    (SettleBillingDialog *self);
/* The preview's text ("42 invoices, $31,480.00" or "Nothing to bill…"), or the
 * outcome once done. */
const char               *settle_billing_dialog_get_summary (SettleBillingDialog *self);
/* The message shown in red (run lock held elsewhere, bad date…), or NULL. */
const char               *settle_billing_dialog_get_error   (SettleBillingDialog *self);
/* The number of items the preview lists (capped rows aside). */
guint                     settle_billing_dialog_get_n_items (SettleBillingDialog *self);

G_END_DECLS
