/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-aging.h"
#include "settle-book.h"

G_BEGIN_DECLS

/* The aging dashboard: headline figures, the bucket chart and a per-client table.
 * The report is computed in a worker on its own connection, when the view is
 * shown and again whenever the book changes while it is. */

#define SETTLE_TYPE_AGING_VIEW (settle_aging_view_get_type ())
G_DECLARE_FINAL_TYPE (SettleAgingView, settle_aging_view, SETTLE, AGING_VIEW, AdwBin)

void                     settle_aging_view_set_book   (SettleAgingView *self,
                                                       SettleBook      *book);
/* The report on screen, or NULL before the first one is in. */
const SettleAgingReport *settle_aging_view_get_report (SettleAgingView *self);
/* TRUE while a report is being computed or waits to be. */
gboolean                 settle_aging_view_get_busy   (SettleAgingView *self);
GtkWidget               *settle_aging_view_get_chart  (SettleAgingView *self);

G_END_DECLS
