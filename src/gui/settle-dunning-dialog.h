/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-run-dialog.h"
#include "settle-window.h"

G_BEGIN_DECLS

#define SETTLE_TYPE_DUNNING_DIALOG (settle_dunning_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SettleDunningDialog, settle_dunning_dialog, SETTLE, DUNNING_DIALOG, SettleRunDialog)

/* The dunning run: a date (today by default), the plan for it ("12 reminders,
 * 3 late fees, 1 hold" and one row per item) computed on a worker connection,
 * then the run in a worker with progress and Cancel; a toast at the end, and the
 * window's lists refresh. Emails are queued in the outbox, not sent here. */
SettleDunningDialog      *settle_dunning_dialog_new         (SettleWindow        *window);

/* Driven through SettleRunDialog (settle-run-dialog.h): set_date, run, get_state,
 * get_busy, get_summary, get_error, get_n_items. */

G_END_DECLS
