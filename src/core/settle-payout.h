/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* A processor charge (Stripe charges export, one row each). */
typedef struct
{
  char      *charge_id;        /* "ch_…", the dedupe key */
  GDateTime *created;          /* UTC */
  gint64     amount, refunded, fee;   /* minor units, >= 0 */
  char       currency[4];
  char      *description;      /* "Invoice 396BEA86-0001" */
  char      *customer_email, *customer_name, *processor_invoice_id;
  char      *status;           /* "Paid", "Failed", "Refunded"… as exported */
} SettleProcessorCharge;

SettleProcessorCharge *settle_processor_charge_new  (void);
void                   settle_processor_charge_free (SettleProcessorCharge *charge);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleProcessorCharge, settle_processor_charge_free)

/* Stores the charges in one transaction; a charge already in the book (same processor
 * and charge id) is skipped and counted as a duplicate. Only charges whose money can
 * reach a payout are matched later: status "Paid"/"Succeeded"/"Refunded" (partly). */
gboolean settle_processor_charges_store (SettleBook  *book,
                                         const char  *processor,
                                         GPtrArray   *charges,
                                         guint       *imported,
                                         guint       *duplicates,
                                         GError     **error);
/* What a charge brings to a payout: amount − refunded − fee (may be negative). */
gint64   settle_processor_charge_net    (const SettleProcessorCharge *charge);

G_END_DECLS
