/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Row ids in the book are SQLite rowids. */
typedef gint64 SettleId;

#define SETTLE_ID_NONE ((SettleId) 0)

G_END_DECLS
