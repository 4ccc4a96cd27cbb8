/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-window.h"

G_BEGIN_DECLS

/* What the window's win.new-invoice, win.edit-invoice, win.void-invoice and
 * win.credit-note actions do. Results are shown in the invoices view's details. */

void settle_invoice_editor_window_new_invoice     (SettleWindow *window);
/* Brings up the editor of that invoice (read-only once issued), or opens one. */
void settle_invoice_editor_window_edit            (SettleWindow *window,
                                                   SettleId      invoice_id);
/* Asks for a reason, then voids. */
void settle_invoice_editor_window_void            (SettleWindow *window,
                                                   SettleId      invoice_id);
void settle_invoice_editor_window_credit          (SettleWindow *window,
                                                   SettleId      invoice_id);
/* Enables the four actions by the book and the invoice in the details pane. */
void settle_invoice_editor_window_update_actions  (SettleWindow *window);
/* Enter or a double click on a draft in the list opens its editor. */
void settle_invoice_editor_window_attach          (SettleWindow *window);

G_END_DECLS
