/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* A gapless number series. prefix may hold "{YYYY}", replaced by the issue year:
 * "INV-{YYYY}-" + 6 digits -> INV-2026-000001. With yearly_reset the counter
 * restarts at 1 on the first issue in a later year than the last number given.
 * Series names: "invoice", "credit-note". */
typedef struct
{
  char    *name;
  char    *prefix;
  int      width;        /* digits, zero-padded: 1 to 12 */
  gboolean yearly_reset;
  gint64   next_value;   /* >= 1 */
  int      year;         /* year of the last number given, 0 = none yet */
} SettleSeries;

SettleSeries *settle_series_new     (const char         *name);
void          settle_series_free    (SettleSeries       *series);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleSeries, settle_series_free)

SettleSeries *settle_series_load    (SettleBook         *book,
                                     const char         *name,
                                     GError            **error);
/* Inserts or updates; validates prefix, width and next value, and refuses a next
 * number that is already used. */
gboolean      settle_series_save    (SettleBook         *book,
                                     const SettleSeries *series,
                                     GError            **error);
/* The next number it would give for a document dated date. Pure. */
char         *settle_series_preview (const SettleSeries *series,
                                     const GDate        *date);
/* Takes the next number for a document dated date and advances the series. Must
 * be called inside the caller's transaction, so a rollback gives the number back. */
char         *settle_series_take    (SettleBook         *book,
                                     const char         *name,
                                     const GDate        *date,
                                     GError            **error);

G_END_DECLS
