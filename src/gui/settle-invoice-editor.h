/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* The invoice editor: a window of its own beside the main window, so the list
 * and the details stay in view (and several drafts can be open at once) while a
 * bookkeeper types an invoice. A draft can be changed, saved, issued or deleted;
 * an issued invoice is shown read-only. */

#define SETTLE_TYPE_INVOICE_EDITOR (settle_invoice_editor_get_type ())
G_DECLARE_FINAL_TYPE (SettleInvoiceEditor, settle_invoice_editor, SETTLE, INVOICE_EDITOR, AdwWindow)

/* invoice_id 0: a new invoice, which first asks for the client. NULL with error
 * when the invoice cannot be loaded. */
SettleInvoiceEditor *settle_invoice_editor_new            (SettleBook          *book,
                                                           SettleId             invoice_id,
                                                           GError             **error);
/* Starts the new invoice for this client: its currency, its terms (or the
 * book's). The client cannot be changed after that. */
gboolean             settle_invoice_editor_set_client     (SettleInvoiceEditor *self,
                                                           SettleId             client_id,
                                                           GError             **error);
/* 0 until the draft is first saved. */
SettleId             settle_invoice_editor_get_invoice_id (SettleInvoiceEditor *self);
SettleBook          *settle_invoice_editor_get_book       (SettleInvoiceEditor *self);
gboolean             settle_invoice_editor_get_read_only  (SettleInvoiceEditor *self);
/* FALSE while something typed does not parse or the invoice does not validate. */
gboolean             settle_invoice_editor_get_valid      (SettleInvoiceEditor *self);

G_END_DECLS
