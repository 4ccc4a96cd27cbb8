/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-late-fee.h"

G_BEGIN_DECLS

/* The book side of late fees: the policy (book default in the setting
 * "late_fee.policy", per-client override), fee invoices and waivers. A fee is its own
 * invoice (kind "invoice", due on receipt, untaxed) linked to the overdue invoice and
 * the fee period; a unique index makes a second fee for one period impossible. */

/* The book default policy text, or NULL for none. */
char      *settle_late_fee_store_get_default (SettleBook          *book);
/* text NULL or "" = no late fees. Validated before it is stored. */
gboolean   settle_late_fee_store_set_default (SettleBook          *book,
                                              const char          *text,
                                              GError             **error);
/* text NULL = the book default; "" = no late fees for this client. */
gboolean   settle_late_fee_store_set_client  (SettleBook          *book,
                                              SettleId             client_id,
                                              const char          *text,
                                              GError             **error);
/* The policy that applies to a client: its override, else the book default.
 * *has_policy FALSE (and TRUE returned) when no fee applies. */
gboolean   settle_late_fee_store_for_client  (SettleBook          *book,
                                              SettleId             client_id,
                                              SettleLateFeePolicy *policy,
                                              gboolean            *has_policy,
                                              GError             **error);

/* The fees due on as_of for an invoice under policy and not yet charged or waived
 * (SettleLateFee*, by period). The balance history comes from the invoice's
 * applications (reversals included). disputed / on_plan are passed to the engine. */
GPtrArray *settle_late_fee_store_due         (SettleBook                *book,
                                              SettleId                   invoice_id,
                                              const SettleLateFeePolicy *policy,
                                              gboolean                   disputed,
                                              gboolean                   on_plan,
                                              const GDate               *as_of,
                                              GError                   **error);

/* Issues the fee invoice for one period of invoice_id, dated date, and logs "fee
 * added" on the overdue invoice. Runs in a savepoint: call it inside the caller's
 * transaction. Returns the fee invoice's id, 0 on error (EXISTS when that period was
 * already charged). */
SettleId   settle_late_fee_store_charge      (SettleBook          *book,
                                              SettleId             invoice_id,
                                              const SettleLateFee *fee,
                                              const GDate         *date,
                                              GError             **error);

/* Waives a period of an invoice: recorded with its reason and logged; a fee already
 * charged for it is voided (refused when money was applied to it). */
gboolean   settle_late_fee_store_waive       (SettleBook          *book,
                                              SettleId             invoice_id,
                                              int                  period,
                                              const char          *reason,
                                              const GDate         *date,
                                              GError             **error);

/* Whether invoice_id is a late-fee invoice, and then for which invoice and period
 * (either may be NULL). */
gboolean   settle_late_fee_store_fee_of      (SettleBook          *book,
                                              SettleId             invoice_id,
                                              SettleId            *overdue_id,
                                              int                 *period,
                                              GError             **error);

/* Number of fee invoices of an invoice (not void). */
gint64     settle_late_fee_store_count       (SettleBook          *book,
                                              SettleId             invoice_id,
                                              GError             **error);

G_END_DECLS
