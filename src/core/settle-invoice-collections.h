/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-payment.h"

G_BEGIN_DECLS

/* Read-only views of an invoice's collections state, for the details pane. */

/* One payment that touches an invoice: applied (settled or reversed) or planned
 * (a pending ACH payment). */
typedef struct
{
  SettleId            payment_id;
  GDate               date;
  SettlePaymentMethod method;
  char               *reference;
  SettlePaymentStatus status;
  gint64              amount;          /* to this invoice (planned while pending) */
  GDate               reversed_on;     /* invalid = not reversed */
  char               *reversal_reason;
} SettleInvoicePayment;

void       settle_invoice_payment_free     (SettleInvoicePayment *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleInvoicePayment, settle_invoice_payment_free)

/* Payments of the invoice, oldest first (SettleInvoicePayment*). Credit notes are
 * not in it (settle_invoice_list_applications has them). */
GPtrArray *settle_invoice_list_payments    (SettleBook  *book,
                                            SettleId     invoice_id,
                                            GError     **error);

/* The invoice's dispute and pause flags. */
gboolean   settle_invoice_get_flags        (SettleBook  *book,
                                            SettleId     invoice_id,
                                            gboolean    *disputed,
                                            gboolean    *paused,
                                            GError     **error);

/* A late-fee invoice charged on an overdue invoice. */
typedef struct
{
  SettleId id;
  char    *number;
  int      period;
  GDate    issue_date;
  gint64   total;
  gint64   balance;
  gboolean voided;
} SettleLateFeeInvoice;

void       settle_late_fee_invoice_free    (SettleLateFeeInvoice *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleLateFeeInvoice, settle_late_fee_invoice_free)

/* The late-fee invoices of invoice_id, by period (SettleLateFeeInvoice*). */
GPtrArray *settle_invoice_list_late_fees   (SettleBook  *book,
                                            SettleId     invoice_id,
                                            GError     **error);

/* The client's own collections settings: opt-out, ladder text (NULL = the book's)
 * and late-fee policy text (NULL = the book's, "" = none). */
gboolean   settle_client_get_collections   (SettleBook  *book,
                                            SettleId     client_id,
                                            gboolean    *opt_out,
                                            char       **ladder,
                                            char       **late_fee_policy,
                                            GError     **error);

G_END_DECLS
