/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_clients;
  guint   n_invoices;
  guint32 seed;
  GDate   today;    /* the last day of the history; invalid = settle_today () */
  char    currency[4];
} SettleDemoOptions;

/* fraction from 0 to 1; called from the generating thread. */
typedef void (*SettleDemoProgressFunc) (double   fraction,
                                        gpointer user_data);

void     settle_demo_options_init (SettleDemoOptions *options);

/* Fills an empty book with a realistic MSP's 18 months: clients with mixed terms
 * and payment habits, recurring, project, hardware and usage invoices, payments
 * on time, late, partial and over, a few voids and drafts. The same options give
 * the same book. */
gboolean settle_demo_generate     (SettleBook              *book,
                                   const SettleDemoOptions *options,
                                   SettleDemoProgressFunc   progress,
                                   gpointer                 user_data,
                                   GError                 **error);

G_END_DECLS
