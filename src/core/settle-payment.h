/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_PAYMENT_ACH,
  SETTLE_PAYMENT_CARD,
  SETTLE_PAYMENT_CHECK,
  SETTLE_PAYMENT_WIRE,
  SETTLE_PAYMENT_CASH,
  SETTLE_PAYMENT_FINANCING,
} SettlePaymentMethod;

typedef enum
{
  SETTLE_PAYMENT_PENDING, /* an ACH debit not yet settled */
  SETTLE_PAYMENT_SETTLED,
  SETTLE_PAYMENT_REVERSED,
} SettlePaymentStatus;

typedef struct
{
  SettleId            id;
  SettleId            client_id;
  GDate               date;
  gint64              amount;   /* minor units, > 0 */
  char                currency[4];
  SettlePaymentMethod method;
  char               *reference;
  gint64              fee;      /* processor fee, minor units */
  SettlePaymentStatus status;
  gint64              applied;  /* read-only, filled by load */
} SettlePayment;

/* One payment's share of one invoice. */
typedef struct
{
  SettleId id;
  SettleId payment_id;
  SettleId invoice_id;
  GDate    date;
  gint64   amount;
  SettlePaymentMethod method;
  char    *reference;
} SettleApplication;

SettlePayment *settle_payment_new                 (void);
void           settle_payment_free                (SettlePayment      *payment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettlePayment, settle_payment_free)
void           settle_application_free            (SettleApplication  *application);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleApplication, settle_application_free)

const char    *settle_payment_method_to_string    (SettlePaymentMethod method);
gboolean       settle_payment_method_from_string  (const char         *text,
                                                   SettlePaymentMethod *method);
const char    *settle_payment_method_label        (SettlePaymentMethod method);

/* Records money received; it is the client's credit until applied. */
gboolean       settle_payment_record              (SettleBook         *book,
                                                   SettlePayment      *payment,
                                                   GError            **error);
SettlePayment *settle_payment_load                (SettleBook         *book,
                                                   SettleId            payment_id,
                                                   GError            **error);
/* Applies part of a payment to one invoice of the same client. date NULL = the
 * payment's date. */
gboolean       settle_payment_apply               (SettleBook         *book,
                                                   SettleId            payment_id,
                                                   SettleId            invoice_id,
                                                   gint64              amount,
                                                   const GDate        *date,
                                                   GError            **error);
/* Applies what is left of a payment to the client's open invoices, oldest due
 * first. What remains after all are paid stays as credit. */
gboolean       settle_payment_allocate            (SettleBook         *book,
                                                   SettleId            payment_id,
                                                   GError            **error);
GPtrArray     *settle_invoice_list_applications   (SettleBook         *book,
                                                   SettleId            invoice_id,
                                                   GError            **error);

G_END_DECLS
