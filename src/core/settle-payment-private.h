/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-payment.h"

G_BEGIN_DECLS

/* Money a client can use as credit: what is left of a settled payment or of a
 * credit note. */
typedef struct
{
  gboolean is_credit_note;
  SettleId id;
  gint64   rest;
} SettleCreditSource;

/* Oldest first; date NULL = all, else only sources dated on or before it. */
GArray   *settle_credit_sources         (SettleBook  *book,
                                         SettleId     client_id,
                                         const GDate *date,
                                         GError     **error);
/* Sets an INVALID error with message; returns FALSE. */
gboolean  settle_payment_fail_invalid   (GError     **error,
                                         const char  *message);
/* The client's currency, or NULL with NOT_FOUND. */
char     *settle_payment_client_currency (SettleBook *book,
                                          SettleId    client_id,
                                          GError    **error);
/* Runs sql with ?1 = a and ?2 = b. */
gboolean  settle_payment_exec           (SettleBook  *book,
                                         const char  *sql,
                                         gint64       a,
                                         gint64       b,
                                         GError     **error);
/* The invoice's cached amount_paid and status once amount was applied to it on date
 * (the application row already in place): paid in full, it closes on the date of its
 * last active application, else it is partly paid. */
gboolean  settle_payment_invoice_paid   (SettleBook  *book,
                                         SettleId     invoice_id,
                                         gint64       amount,
                                         const GDate *date,
                                         GError     **error);
/* The same once an application of amount was taken off it: open again, issued when
 * nothing is left paid, else partly paid. */
gboolean  settle_payment_invoice_reopen (SettleBook  *book,
                                         SettleId     invoice_id,
                                         gint64       amount,
                                         GError     **error);
/* The client's cached balance and credit once amount of its unapplied money was
 * applied to its invoices (a negative amount: taken back off them). */
gboolean  settle_payment_client_applied (SettleBook  *book,
                                         SettleId     client_id,
                                         gint64       amount,
                                         GError     **error);

G_END_DECLS
