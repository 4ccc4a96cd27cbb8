/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* The reconciliation page: a bank account's statement lines on one side, what the
 * selected line may pay on the other; import, reconcile, accept, skip, split and
 * undo, all from the keyboard. */

#define SETTLE_TYPE_RECONCILE_VIEW (settle_reconcile_view_get_type ())
G_DECLARE_FINAL_TYPE (SettleReconcileView, settle_reconcile_view, SETTLE, RECONCILE_VIEW, AdwBin)

void      settle_reconcile_view_set_book        (SettleReconcileView *self,
                                                 SettleBook          *book);
/* The account shown (0 when the book has none). */
SettleId  settle_reconcile_view_get_account_id  (SettleReconcileView *self);
/* The line selected, 0 when none. */
SettleId  settle_reconcile_view_get_selected_line (SettleReconcileView *self);
/* Selects the line at position of the list; FALSE when there is none there. */
gboolean  settle_reconcile_view_select          (SettleReconcileView *self,
                                                 guint                position);
/* Lines shown / loading, import or reconcile under way (tests wait on "busy"). */
GListModel *settle_reconcile_view_get_lines     (SettleReconcileView *self);
gboolean  settle_reconcile_view_get_busy        (SettleReconcileView *self);

G_END_DECLS
