/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

#define SETTLE_TYPE_AGREEMENTS_WINDOW (settle_agreements_window_get_type ())
G_DECLARE_FINAL_TYPE (SettleAgreementsWindow, settle_agreements_window,
                      SETTLE, AGREEMENTS_WINDOW, AdwWindow)

/* Every recurring agreement of the book, by client, with its cycle, amount and
 * whether runs issue it: the overview before a billing run. A row opens the
 * agreement in the per-client editor (settle-agreement-editor.h); new
 * agreements are made from a client's details. The list follows the book's
 * ::changed. */
SettleAgreementsWindow *settle_agreements_window_new     (GtkWindow              *parent,
                                                          SettleBook             *book);
/* Reads the list again. */
void                    settle_agreements_window_reload  (SettleAgreementsWindow *self);
guint                   settle_agreements_window_get_n_rows (SettleAgreementsWindow *self);

G_END_DECLS
