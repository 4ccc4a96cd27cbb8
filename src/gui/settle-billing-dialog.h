/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-run-dialog.h"
#include "settle-window.h"

G_BEGIN_DECLS

#define SETTLE_TYPE_BILLING_DIALOG (settle_billing_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SettleBillingDialog, settle_billing_dialog, SETTLE, BILLING_DIALOG, SettleRunDialog)

/* The billing run: a date (today by default), a preview of what a run as of it
 * would make (computed on a worker connection, so the window never waits), then
 * the run itself in a worker with progress and Cancel. At the end the window
 * shows a toast ("42 invoices made") and its lists refresh. */
SettleBillingDialog      *settle_billing_dialog_new         (SettleWindow        *window);

/* Driven through SettleRunDialog (settle-run-dialog.h): set_date, run, get_state,
 * get_busy, get_summary, get_error, get_n_items. */

G_END_DECLS
