/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-run-dialog.h"
#include "settle-window.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_DUNNING_DIALOG_PREVIEW, /* choosing the date; the plan is computed in a worker */
  SETTLE_DUNNING_DIALOG_RUNNING,
  SETTLE_DUNNING_DIALOG_DONE,
} SettleDunningDialogState;

#define SETTLE_TYPE_DUNNING_DIALOG (settle_dunning_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SettleDunningDialog, settle_dunning_dialog, SETTLE, DUNNING_DIALOG, SettleRunDialog)

/* The dunning run: a date (today by default), the plan for it ("12 reminders,
 * 3 late fees, 1 hold" and one row per item) computed on a worker connection,
 * then the run in a worker with progress and Cancel; a toast at the end, and the
 * window's lists refresh. Emails are queued in the outbox, not sent here. */
SettleDunningDialog      *settle_dunning_dialog_new         (SettleWindow        *window);
void                      settle_dunning_dialog_set_date    (SettleDunningDialog *self,
                                                             const GDate         *date);
/* Runs as the Run button does; nothing when the preview is not ready. */
void                      settle_dunning_dialog_run         (SettleDunningDialog *self);
SettleDunningDialogState  settle_dunning_dialog_get_state   (SettleDunningDialog *self);
gboolean                  settle_dunning_dialog_get_busy    (SettleDunningDialog *self);
/* The plan's description, or the outcome once done. */
const char               *settle_dunning_dialog_get_summary (SettleDunningDialog *self);
/* The message shown in red (run lock held elsewhere, bad date…), or NULL. */
const char               *settle_dunning_dialog_get_error   (SettleDunningDialog *self);
guint                     settle_dunning_dialog_get_n_items (SettleDunningDialog *self);

G_END_DECLS
