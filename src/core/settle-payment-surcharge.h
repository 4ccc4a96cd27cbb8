/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-payment.h"
#include "settle-surcharge.h"

G_BEGIN_DECLS

/* The book's card surcharge policy, from the settings "surcharge.rate_bp" and
 * "surcharge.cap_bp" (rate 0 = no surcharge). */
gboolean settle_payment_surcharge_policy_load (SettleBook                  *book,
                                               SettleSurchargePolicy       *policy,
                                               GError                     **error);
gboolean settle_payment_surcharge_policy_save (SettleBook                  *book,
                                               const SettleSurchargePolicy *policy,
                                               GError                     **error);

/* The surcharge a payment of amount (toward invoices) would carry for this client,
 * and a translated warning for people (NULL when there is nothing to say): where
 * the client's state prohibits surcharges, or the rate is above its limit, the
 * surcharge is 0 and the warning says why; where it restricts them, the surcharge
 * is computed and the warning says to check the rules. Never on debit, prepaid,
 * unknown funding, ACH or anything but a card. */
gboolean settle_payment_surcharge_preview     (SettleBook                  *book,
                                               SettleId                     client_id,
                                               gint64                       amount,
                                               SettlePaymentMethod          method,
                                               SettleCardFunding            funding,
                                               gint64                      *surcharge,
                                               char                       **warning,
                                               GError                     **error);

/* Records a card payment: payment->amount is what goes toward invoices. When a
 * surcharge applies it is billed on its own invoice (one line "Card surcharge",
 * dated the payment's date, paid by this payment) and payment->amount grows by it,
 * so the payment is what was charged to the card. *surcharge_invoice_id gets that
 * invoice (0 = none); *warning as for the preview. */
gboolean settle_payment_record_card           (SettleBook                  *book,
                                               SettlePayment               *payment,
                                               SettleCardFunding            funding,
                                               SettleId                    *surcharge_invoice_id,
                                               char                       **warning,
                                               GError                     **error);

G_END_DECLS
