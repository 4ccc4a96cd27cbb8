/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-reconcile-view.h"
#include "settle-window.h"

G_BEGIN_DECLS

/* What settle-window.c (the book, its views, settings) and
 * settle-window-actions.c (the win.* actions and their shortcuts) share. */

struct _SettleWindow
{
  AdwApplicationWindow  parent_instance;

  SettleWindowState     state;
  SettleBook           *book;
  char                 *path;
  GCancellable         *open_cancellable;
  guint                 poll_id;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  AdwViewStack         *view_stack;
  SettleInvoicesView   *invoices_view;
  SettleClientsView    *clients_view;
  SettleAgingView      *aging_view;
  SettleReconcileView  *reconciliation_view;
};

void settle_window_class_init_actions (GtkWidgetClass *widget_class);
void settle_window_init_actions       (SettleWindow   *self);
/* Enables what makes sense now: export needs an open book and a shown invoice. */
void settle_window_update_actions     (SettleWindow   *self);

G_END_DECLS
