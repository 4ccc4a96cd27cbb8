/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_AGING_BY_DUE_DATE,     /* days past due (default) */
  SETTLE_AGING_BY_INVOICE_DATE, /* days since issue */
} SettleAgingBasis;

/* Current (not yet due), 1–30, 31–60, 61–90, 91+ days past due. */
#define SETTLE_AGING_N_BUCKETS 5

typedef struct
{
  SettleId client_id;   /* 0 for the totals row */
  char    *client_name;
  gint64   buckets[SETTLE_AGING_N_BUCKETS];
  gint64   credit;      /* unapplied payments, a positive number shown as a deduction */
  gint64   balance;     /* sum of buckets − credit */
} SettleAgingRow;

typedef struct
{
  GDate            as_of;
  SettleAgingBasis basis;
  char             currency[4];
  int              edges[SETTLE_AGING_N_BUCKETS - 2]; /* 30, 60, 90 */
  SettleAgingRow   totals;
  GPtrArray       *rows;  /* SettleAgingRow*, one per client with anything open, by name */
} SettleAgingReport;

void               settle_aging_report_free   (SettleAgingReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleAgingReport, settle_aging_report_free)

/* Translated bucket headings: "Current", "1–30"… */
char              *settle_aging_bucket_label  (const SettleAgingReport *report,
                                               int                      bucket);

/* What was open on as_of: invoices issued on or before it, less what was applied
 * on or before it; credits are payments on or before it not yet applied then.
 * currency NULL = the book's currency. */
SettleAgingReport *settle_aging_compute       (SettleBook       *book,
                                               const GDate      *as_of,
                                               SettleAgingBasis  basis,
                                               const char       *currency,
                                               GError          **error);

/* The receivables balance on a date, computed from the ledger itself (invoices
 * issued minus payments received), independent of aging. */
gboolean           settle_receivables_balance (SettleBook       *book,
                                               const GDate      *as_of,
                                               const char       *currency,
                                               gint64           *balance,
                                               GError          **error);

/* Checks every derived cache of the book against the rows it derives from
 * (invoice totals and paid amounts, statuses, client balances and credits).
 * Returns FALSE with a message naming the first broken record. */
gboolean           settle_book_check_invariants (SettleBook     *book,
                                                 GError        **error);

G_END_DECLS
