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

G_END_DECLS
