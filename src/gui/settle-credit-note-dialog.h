/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* Credits an issued invoice: the whole open balance, or chosen lines and
 * quantities; with a reason and a date. Emits ::issued with the credit note's id
 * and closes; an error is shown in the dialog and nothing is written. */

#define SETTLE_TYPE_CREDIT_NOTE_DIALOG (settle_credit_note_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SettleCreditNoteDialog, settle_credit_note_dialog, SETTLE, CREDIT_NOTE_DIALOG,
                      AdwWindow)

/* NULL with an error when the invoice cannot be loaded or is not an issued invoice. */
SettleCreditNoteDialog *settle_credit_note_dialog_new            (GtkWindow              *parent,
                                                                  SettleBook             *book,
                                                                  SettleId                invoice_id,
                                                                  GError                **error);
SettleId                settle_credit_note_dialog_get_invoice_id (SettleCreditNoteDialog *self);

G_END_DECLS
