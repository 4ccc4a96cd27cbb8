/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-reconcile-line-item.h"
#include "settle-reconcile-suggestion-row.h"
#include "settle-reconcile-view.h"

G_BEGIN_DECLS

/* What settle-reconcile-view.c (lines, the selected line's details),
 * settle-reconcile-view-account.c (the account, its threshold and balance) and
 * settle-reconcile-view-actions.c (import, reconcile, accept, skip, undo, export)
 * share. */

struct _SettleReconcileView
{
  AdwBin               parent_instance;

  SettleBook          *book;
  gulong               changed_id;
  GPtrArray           *accounts;      /* SettleBankAccount* */
  SettleId             account_id;
  GListStore          *store;         /* SettleReconcileLineItem */
  GtkSingleSelection  *selection;
  GHashTable          *matched_to;    /* match id -> "INV-0042 (Acme)" */
  GPtrArray           *suggestions;   /* SettleMatchSuggestion* of the selected line */
  GArray              *undo_stack;    /* SettleId: matches accepted here, last on top */
  SettleId             keep_line;     /* select it again after a reload */
  gboolean             advance;       /* after a reload, go to the next open line */
  guint                keep_position;
  GPtrArray           *pending;       /* items still to go into the list */
  guint                pending_at;
  guint                fill_id;
  GCancellable        *cancellable;
  guint                loading : 1;
  guint                load_again : 1;
  guint                working : 1;   /* an import or a reconcile run */
  guint                syncing : 1;   /* the view itself sets the widgets */
  guint                stale : 1;     /* the book changed while the page was hidden */

  GtkDropDown         *account_dropdown;
  GtkMenuButton       *auto_button;
  GtkSwitch           *auto_switch;
  GtkSpinButton       *auto_spin;
  GtkMenuButton       *export_button;
  GtkLabel            *balance_label;
  GtkProgressBar      *progress_bar;
  GtkDropDown         *filter_dropdown;
  GtkSpinner          *spinner;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  AdwStatusPage       *empty_page;
  GtkColumnView       *lines_view;
  GtkStack            *detail_stack;
  GtkStack            *state_stack;
  GtkLabel            *line_amount;
  GtkLabel            *line_title;
  GtkLabel            *line_meta;
  GtkListBox          *suggestions_list;
  GtkLabel            *suggestions_empty;
  GtkLabel            *matched_label;
};

/* settle-reconcile-view.c */
SettleReconcileLineItem *settle_reconcile_view_selected_item (SettleReconcileView *self);
void settle_reconcile_view_reload          (SettleReconcileView *self);
void settle_reconcile_view_scroll_to       (SettleReconcileView *self,
                                            guint                position);
void settle_reconcile_view_load_accounts   (SettleReconcileView *self,
                                            SettleId             select_id);
void settle_reconcile_view_set_working     (SettleReconcileView *self,
                                            gboolean             working,
                                            const char          *text);
void settle_reconcile_view_progress        (guint                done,
                                            guint                total,
                                            gpointer             user_data);
void settle_reconcile_view_toast           (SettleReconcileView *self,
                                            AdwToast            *toast);
void settle_reconcile_view_show_error      (SettleReconcileView *self,
                                            const char          *heading,
                                            const GError        *error);

/* settle-reconcile-view-account.c */
void settle_reconcile_view_init_account    (SettleReconcileView *self);

/* settle-reconcile-view-actions.c */
void settle_reconcile_view_class_init_actions (GtkWidgetClass      *widget_class);
void settle_reconcile_view_init_actions       (SettleReconcileView *self);
void settle_reconcile_view_update_actions     (SettleReconcileView *self);
void settle_reconcile_view_accept_nth         (SettleReconcileView *self,
                                               guint                n);

G_END_DECLS
