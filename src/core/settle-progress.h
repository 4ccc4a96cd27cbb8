/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How far a long run is: done of total items. */
typedef void (*SettleProgressFunc) (guint    done,
                                    guint    total,
                                    gpointer user_data);

/* Carries a worker thread's progress to the main context of whoever started the
 * work, at most about 200 times per run so a big run does not flood the loop. */
typedef struct _SettleProgressRelay SettleProgressRelay;

/* Delivers on the calling thread's default main context. func may be NULL. */
SettleProgressRelay *settle_progress_relay_new    (SettleProgressFunc   func,
                                                   gpointer             user_data);
void                 settle_progress_relay_free   (SettleProgressRelay *relay);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleProgressRelay, settle_progress_relay_free)

/* A SettleProgressFunc for the worker: pass the relay as its user_data. */
void                 settle_progress_relay_report (guint                done,
                                                   guint                total,
                                                   gpointer             relay);

G_END_DECLS
