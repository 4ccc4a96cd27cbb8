/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

#define SETTLE_TYPE_CATALOG_EDITOR (settle_catalog_editor_get_type ())
G_DECLARE_FINAL_TYPE (SettleCatalogEditor, settle_catalog_editor, SETTLE, CATALOG_EDITOR, AdwWindow)

/* Adds (item_id 0) or edits a catalogue item. Each field is checked as it is
 * typed, Save stays off while one is wrong, and the row says what is expected.
 * Emits ::saved after a successful save, then closes. Deactivating is the
 * "Offered on new invoices" switch: items are never deleted, old invoices
 * refer to them. */
SettleCatalogEditor *settle_catalog_editor_new  (GtkWindow           *parent,
                                                 SettleBook          *book,
                                                 SettleId             item_id);
/* Saves as the Save button does; FALSE (and the window stays) when invalid. */
gboolean             settle_catalog_editor_save (SettleCatalogEditor *self,
                                                 GError             **error);

G_END_DECLS
