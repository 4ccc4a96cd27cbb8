/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include "settle-payment.h"
#include "test-client-timeline-book.h"

void
timeline_book_pay (SettleBook  *book,
                   SettleId     client_id,
                   SettleId     invoice_id,
                   gint64       amount,
                   const GDate *date)
{
  g_autoptr(SettlePayment) payment = settle_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->client_id = client_id;
  payment->date = *date;
  payment->amount = amount;
  payment->method = SETTLE_PAYMENT_CHECK;
  g_assert_true (settle_payment_record (book, payment, &error));
  g_assert_no_error (error);
  g_assert_true (settle_payment_apply (book, payment->id, invoice_id, amount, NULL, &error));
  g_assert_no_error (error);
}
