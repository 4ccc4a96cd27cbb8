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
  SettlePaymentStatus status;   /* PENDING only for ACH; REVERSED only by settle_payment_reverse */
  gint64              applied;  /* read-only, filled by load: applications not reversed */
  gint64              refunded; /* read-only, filled by load: refunded from this payment */
  GDate               reversed_on;  /* read-only, filled by load; invalid = not reversed */
  char               *reversal_reason; /* read-only, filled by load */
  SettleId            nsf_invoice_id;  /* read-only: the returned-payment fee invoice, 0 = none */
  SettleId            surcharge_invoice_id; /* read-only: the card surcharge invoice, 0 = none */
} SettlePayment;

/* One invoice's share in a manual allocation. */
typedef struct
{
  SettleId invoice_id;
  gint64   amount;
} SettleAllocation;

/* One payment's (or one credit note's) share of one invoice. */
typedef struct
{
  SettleId id;
  SettleId payment_id;     /* 0 when a credit note settled it */
  SettleId credit_note_id; /* 0 when a payment settled it */
  SettleId invoice_id;
  GDate    date;
  gint64   amount;
  SettlePaymentMethod method; /* meaningful only for payments */
  char    *reference;      /* the payer's reference, or the credit note's number */
} SettleApplication;

SettlePayment *settle_payment_new                 (void);
void           settle_payment_free                (SettlePayment      *payment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettlePayment, settle_payment_free)
void           settle_application_free            (SettleApplication  *application);
/* Translated: the payment method ("Check"), or "Credit note". */
const char    *settle_application_label           (const SettleApplication *application);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleApplication, settle_application_free)

const char    *settle_payment_method_to_string    (SettlePaymentMethod method);
gboolean       settle_payment_method_from_string  (const char         *text,
                                                   SettlePaymentMethod *method);
/* "pending", "settled", "reversed". */
gboolean       settle_payment_status_from_string  (const char         *text,
                                                   SettlePaymentStatus *status);
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
/* Applications not reversed, oldest first. */
GPtrArray     *settle_invoice_list_applications   (SettleBook         *book,
                                                   SettleId            invoice_id,
                                                   GError            **error);

/* An open invoice as a payment form shows it. */
typedef struct
{
  SettleId id;
  char    *number;
  GDate    issue_date;
  GDate    due_date;
  gint64   total;
  gint64   balance;
  gint64   pending;  /* planned by pending ACH payments */
} SettleOpenInvoice;

void       settle_open_invoice_free          (SettleOpenInvoice *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleOpenInvoice, settle_open_invoice_free)
/* The client's open invoices, oldest due first (SettleOpenInvoice*). */
GPtrArray *settle_payment_list_open_invoices (SettleBook        *book,
                                              SettleId           client_id,
                                              GError           **error);
/* Clients who owe something or hold credit, by name (SettleClient* with id, name,
 * currency, state, balance and credit filled). */
GPtrArray *settle_payment_list_payers        (SettleBook        *book,
                                              GError           **error);

/* The invoices a payment is applied to (not reversed), by id (SettleId). */
GArray        *settle_payment_list_invoices       (SettleBook         *book,
                                                   SettleId            payment_id,
                                                   GError            **error);

/* Money still free on a payment: amount − applications − refunds (0 while pending
 * or reversed). */
gint64         settle_payment_get_unapplied       (const SettlePayment *payment);

/* Applies a payment to several invoices in one transaction (for a pending ACH
 * payment: stores the split, applied when it settles). Refuses, naming the invoice,
 * more than an invoice's balance, and more in all than the payment has left;
 * nothing is applied then. */
gboolean       settle_payment_allocate_manual     (SettleBook         *book,
                                                   SettleId            payment_id,
                                                   const SettleAllocation *allocations,
                                                   guint               n_allocations,
                                                   GError            **error);
/* A pending ACH payment settled on date: it becomes money on that date and is
 * applied (dated then) as planned at entry, what cannot be applied any more (an
 * invoice paid meanwhile) oldest due first, the rest staying as credit. */
gboolean       settle_payment_mark_settled        (SettleBook         *book,
                                                   SettleId            payment_id,
                                                   const GDate        *date,
                                                   GError            **error);
/* What pending ACH payments are planned to pay on an invoice ("payment pending"). */
gboolean       settle_invoice_get_pending         (SettleBook         *book,
                                                   SettleId            invoice_id,
                                                   gint64             *pending,
                                                   GError            **error);

/* A bounced check, returned ACH or card chargeback on date: the payment stops
 * being money from that date, its applications are marked reversed so the
 * invoices it paid open again (aging as of an earlier date still sees them paid).
 * nsf_fee > 0 issues a "Returned payment fee" invoice dated date, linked to the
 * payment (its id in *nsf_invoice_id). A payment with refunds is refused. */
gboolean       settle_payment_reverse             (SettleBook         *book,
                                                   SettleId            payment_id,
                                                   const GDate        *date,
                                                   const char         *reason,
                                                   gint64              nsf_fee,
                                                   SettleId           *nsf_invoice_id,
                                                   GError            **error);

/* The client's credit that can be applied or refunded today: unapplied money of
 * settled payments and issued credit notes. */
gboolean       settle_client_get_available_credit (SettleBook         *book,
                                                   SettleId            client_id,
                                                   gint64             *credit,
                                                   GError            **error);
/* Applies client credit on date, taking it from the payments and credit notes that
 * carry it, oldest first. invoice_id 0 = the client's open invoices oldest due
 * first; amount 0 = as much as the credit and the balances allow. *applied (may be
 * NULL) gets what was applied. */
gboolean       settle_client_apply_credit         (SettleBook         *book,
                                                   SettleId            client_id,
                                                   SettleId            invoice_id,
                                                   gint64              amount,
                                                   const GDate        *date,
                                                   gint64             *applied,
                                                   GError            **error);

G_END_DECLS
