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
#define SETTLE_AGING_N_EDGES   (SETTLE_AGING_N_BUCKETS - 2)
/* Bounds of a bucket edge, in days. */
#define SETTLE_AGING_EDGE_MIN  1
#define SETTLE_AGING_EDGE_MAX  3650

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

/* Age of an open item in days: as_of − due date (basis due) or as_of − issue date
 * (basis invoice). Bucket 0 holds days <= 0 (not yet due, or issued on as_of);
 * bucket 1 holds 1..edges[0], bucket k holds edges[k-2]+1..edges[k-1], the last
 * bucket edges[N_EDGES-1]+1 and more. Edges: the last day of buckets 1–30, 31–60,
 * 61–90 by default; strictly ascending, SETTLE_AGING_EDGE_MIN..SETTLE_AGING_EDGE_MAX. */
typedef struct
{
  GDate            as_of;
  SettleAgingBasis basis;
  int              edges[SETTLE_AGING_N_BUCKETS - 2];
  char             currency[4];   /* "" = the book's currency */
} SettleAgingOptions;

/* as_of (NULL = today), and the book's saved basis and edges (settings "aging.basis"
 * = "due"|"invoice", "aging.edges" = "30,60,90"), else the defaults (also when book
 * is NULL, or a saved value does not parse: that one is ignored with a warning). */
void               settle_aging_options_init  (SettleAgingOptions       *options,
                                               SettleBook               *book,
                                               const GDate              *as_of);
/* Validates and saves basis + edges as the book's defaults. INVALID names the problem. */
gboolean           settle_aging_options_save  (SettleBook               *book,
                                               const SettleAgingOptions *options,
                                               GError                  **error);
/* "30,60,90" -> edges; FALSE with a readable error ("Bucket edges must go up: 60 after
 * 90"). Spaces around the numbers are allowed. */
gboolean           settle_aging_parse_edges   (const char               *text,
                                               int                       edges[SETTLE_AGING_N_BUCKETS - 2],
                                               GError                  **error);
/* The bucket (0..SETTLE_AGING_N_BUCKETS-1) of an item days old under edges. */
int                settle_aging_bucket_for_days (const int               edges[SETTLE_AGING_N_BUCKETS - 2],
                                                 int                     days);

SettleAgingReport *settle_aging_compute_with  (SettleBook               *book,
                                               const SettleAgingOptions *options,
                                               GError                  **error);

/* One open invoice in a cell of the report (drill-down). */
typedef struct
{
  SettleId invoice_id;
  char    *number;
  SettleId client_id;
  char    *client_name;
  GDate    issue_date;
  GDate    due_date;
  int      days;      /* past due (basis due) or since issue (basis invoice); <= 0 = current */
  int      bucket;    /* 0..SETTLE_AGING_N_BUCKETS-1 */
  gint64   total;
  gint64   open;      /* open on as_of */
} SettleAgingEntry;

void               settle_aging_entry_free    (SettleAgingEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleAgingEntry, settle_aging_entry_free)

/* Open invoices on options->as_of; client_id 0 = all clients; bucket -1 = all buckets.
 * Sorted oldest due first. Their open amounts sum to the report's cell. */
GPtrArray         *settle_aging_list_entries  (SettleBook               *book,
                                               const SettleAgingOptions *options,
                                               SettleId                  client_id,
                                               int                       bucket,
                                               GError                  **error);

/* Translated bucket headings: "Current", "1–30"… */
char              *settle_aging_bucket_label  (const SettleAgingReport *report,
                                               int                      bucket);

/* What was open on as_of: invoices issued on or before it, less what was applied
 * on or before it; credits are payments on or before it not yet applied then.
 * currency NULL = the book's currency. The default edges (30, 60, 90) whatever the
 * book saved: settle_aging_compute_with with options takes those. */
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
