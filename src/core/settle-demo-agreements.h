/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-demo.h"

G_BEGIN_DECLS

/* Gives about a third of the demo book's clients a recurring agreement (most monthly
 * from the first of the current month, some quarterly or on an anniversary, some
 * with a usage line, a few starting next month) and every tenth client a project
 * with milestones, so that a billing run as of today has something to show. */
gboolean settle_demo_add_agreements (SettleBook              *book,
                                     const SettleDemoOptions *options,
                                     GError                 **error);

G_END_DECLS
