/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-payment.h"

G_BEGIN_DECLS

/* Client credit paid back to the client. */
typedef struct
{
  SettleId            id;
  SettleId            client_id;
  GDate               date;
  gint64              amount;   /* minor units, > 0 */
  char                currency[4];
  SettlePaymentMethod method;
  char               *reference;
} SettleRefund;

SettleRefund *settle_refund_new    (void);
void          settle_refund_free   (SettleRefund *refund);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleRefund, settle_refund_free)

/* Pays back client credit: takes it from the payments and credit notes that carry
 * it (dated on or before the refund), oldest first. Refuses more than that credit. */
gboolean      settle_refund_record (SettleBook   *book,
                                    SettleRefund *refund,
                                    GError      **error);
/* The client's refunds, oldest first (SettleRefund*). */
GPtrArray    *settle_refund_list   (SettleBook   *book,
                                    SettleId      client_id,
                                    GError      **error);

G_END_DECLS
