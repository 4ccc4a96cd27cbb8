/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-bank.h"
#include "settle-payout.h"
#include "settle-progress.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_MATCH_INVOICES,   /* the line pays one or more open invoices of one client */
  SETTLE_MATCH_PAYOUT,     /* the line is a processor payout: a batch of charges − refunds − fees */
  SETTLE_MATCH_PAYMENT,    /* the line is a payment already recorded by hand (same amount, client, near date) */
} SettleMatchKind;

typedef struct
{
  SettleId invoice_id;
  char    *number;
  gint64   amount;           /* applied to this invoice */
} SettleMatchAllocation;

typedef struct
{
  SettleId        line_id;
  SettleMatchKind kind;
  SettleId        client_id;     /* 0 for PAYOUT spanning clients */
  char           *client_name;
  GArray         *allocations;   /* SettleMatchAllocation (INVOICES; per charge's invoice for PAYOUT) */
  GArray         *charge_ids;    /* SettleId of processor charges (PAYOUT) */
  SettleId        payment_id;    /* PAYMENT */
  gint64          fees;          /* PAYOUT: processor fees recorded with it */
  int             score;         /* 0–100 */
  char           *reasons;       /* translated, "; "-separated */
} SettleMatchSuggestion;

typedef struct
{
  SettleId id;
  SettleId bank_account_id;
  GDate    date;
  gint64   amount;
  char     currency[4];
  char    *payer_name, *reference, *description;
  char    *status;               /* "open", "matched", "skipped" */
  SettleId match_id;             /* when matched */
  char    *payer_account;        /* added: IBAN/account when the bank gave one */
  char    *dedupe_key;           /* added: FITID, entry reference or hash */
} SettleStatementLineRow;

typedef struct
{
  guint lines;           /* open money-in lines considered */
  guint auto_accepted;
  guint suggested;       /* best suggestion below the threshold */
  guint unmatched;
} SettleReconcileSummary;

typedef struct
{
  SettleId match_id;
  SettleId line_id;
  GDate    line_date;
  gint64   line_amount;
  char    *line_text;      /* payer + description */
  char    *matched_to;     /* "INV-0042, INV-0043 (Acme)" or "Stripe payout: 14 charges, fees $12.30" */
  int      score;
  gboolean automatic;
  char    *accepted_at;    /* UTC timestamp */
  char    *undone_at;      /* added: UTC timestamp, NULL while the match stands */
  char     currency[4];    /* added: the line's currency */
} SettleMatchRecord;

/* Lines oldest first (date, id). */
GPtrArray *settle_reconcile_list_lines   (SettleBook   *book,
                                          SettleId      bank_account_id,
                                          const char   *status,
                                          GError      **error);
/* Suggestions for one line, best first (at most 5). */
GPtrArray *settle_reconcile_suggest      (SettleBook   *book,
                                          SettleId      line_id,
                                          GError      **error);
/* All open lines in one pass (indexes built once: never all-pairs); auto_accept = accept the
 * best suggestion of each line whose score >= its account's threshold (each in its own
 * transaction). suggestions (nullable out): line_id (SettleId*) -> best SettleMatchSuggestion. */
gboolean   settle_reconcile_run          (SettleBook             *book,
                                          SettleId                bank_account_id,
                                          gboolean                auto_accept,
                                          SettleReconcileSummary *summary,
                                          GHashTable            **suggestions,
                                          SettleProgressFunc      progress,
                                          gpointer                progress_data,
                                          GError                **error);
/* In a worker with its own connection; progress on the caller's main context.
 * Cancelling stops before the next line (lines accepted so far stay accepted; the
 * finish gives G_IO_ERROR_CANCELLED and the summary so far). */
void       settle_reconcile_run_async    (SettleBook             *book,
                                          SettleId                bank_account_id,
                                          gboolean                auto_accept,
                                          SettleProgressFunc      progress,
                                          gpointer                progress_data,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean   settle_reconcile_run_finish   (SettleBook             *book,
                                          GAsyncResult           *result,
                                          SettleReconcileSummary *summary,
                                          GHashTable            **suggestions,
                                          GError                **error);
/* Accepting creates the payment(s) and applications (and the fee record for payouts),
 * marks the line matched, learns the hint, logs activity: one transaction. */
gboolean   settle_reconcile_accept       (SettleBook                  *book,
                                          const SettleMatchSuggestion *suggestion,
                                          gboolean                     automatic,
                                          SettleId                    *match_id,
                                          GError                     **error);
/* Manual match / split: the line's money to these invoices of one client (the rest, if
 * any, becomes client credit). */
gboolean   settle_reconcile_accept_manual(SettleBook   *book,
                                          SettleId      line_id,
                                          SettleId      client_id,
                                          GArray       *allocations,
                                          SettleId     *match_id,
                                          GError      **error);
/* Removes what the match created (payments, applications, fee records, the hint count)
 * and reopens the line: the book is as before the accept, but for the activity log and
 * the match row itself, which stays as history with its undone_at set. */
gboolean   settle_reconcile_undo         (SettleBook   *book,
                                          SettleId      match_id,
                                          GError      **error);
gboolean   settle_reconcile_skip         (SettleBook   *book,
                                          SettleId      line_id,
                                          gboolean      skip,
                                          GError      **error);
/* Every match of the account's lines (0 = all accounts), undone ones included, oldest
 * first. */
GPtrArray *settle_reconcile_list_matches (SettleBook   *book,
                                          SettleId      bank_account_id,
                                          GError      **error);

SettleMatchSuggestion *settle_match_suggestion_new  (SettleId line_id,
                                                     SettleMatchKind kind);
SettleMatchSuggestion *settle_match_suggestion_copy (const SettleMatchSuggestion *s);
void       settle_match_suggestion_free  (SettleMatchSuggestion  *s);
void       settle_statement_line_row_free(SettleStatementLineRow *row);
void       settle_match_record_free      (SettleMatchRecord      *r);
/* Clears the number of an allocation (for GArray clear funcs). */
void       settle_match_allocation_clear (SettleMatchAllocation  *a);
/* "invoices", "payout", "payment". */
const char *settle_match_kind_to_string  (SettleMatchKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleMatchSuggestion, settle_match_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleStatementLineRow, settle_statement_line_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleMatchRecord, settle_match_record_free)

G_END_DECLS
