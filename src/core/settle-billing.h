/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* One invoice a billing run would make: an agreement's period. */
typedef struct
{
  SettleId agreement_id;
  SettleId client_id;
  char    *client_name;
  char    *agreement_name;
  GDate    period_start;
  GDate    period_end;
  GDate    invoice_date;  /* the later of the period start and the agreement start */
  char     currency[4];
  gint64   total;
  guint    n_lines;       /* 0: nothing to bill; the period is only marked as done */
} SettleBillingItem;

typedef struct
{
  GDate       as_of;
  GPtrArray  *items;              /* SettleBillingItem*, in the order they would be made */
  guint       n_invoices;         /* items with at least one line */
  GHashTable *totals_by_currency; /* "USD" -> gint64* */
} SettleBillingPlan;

void               settle_billing_item_free     (SettleBillingItem       *item);
void               settle_billing_plan_free     (SettleBillingPlan       *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleBillingPlan, settle_billing_plan_free)

/* Translated: "42 invoices, $31,480.00" (several currencies joined by ", "). */
char              *settle_billing_plan_describe (const SettleBillingPlan *plan);
/* The dry run: what a run as of as_of would make. Writes nothing. */
SettleBillingPlan *settle_billing_plan          (SettleBook              *book,
                                                 const GDate             *as_of,
                                                 GError                 **error);

/* The dry run in a worker thread on its own connection, for the window's preview. */
void               settle_billing_plan_async    (SettleBook              *book,
                                                 const GDate             *as_of,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
SettleBillingPlan *settle_billing_plan_finish   (SettleBook              *book,
                                                 GAsyncResult            *result,
                                                 GError                 **error);

/* Called from the running thread (settle_billing_run) or on the caller's main
 * context (settle_billing_run_async). */
typedef void (*SettleBillingProgress) (guint    done,
                                       guint    total,
                                       gpointer user_data);

typedef struct
{
  guint  n_created;
  guint  n_issued;
  guint  n_skipped; /* periods with nothing to bill */
  gint64 run_id;
} SettleBillingResult;

/* Makes every invoice of the plan. Takes the book's RUN lock; each invoice and its
 * billed-period row go in the same transaction, committed in batches, so a crash
 * leaves whole invoices and a later run makes only what is missing. Cancelling
 * keeps what was made and returns G_IO_ERROR_CANCELLED. */
gboolean           settle_billing_run           (SettleBook              *book,
                                                 const GDate             *as_of,
                                                 SettleBillingProgress    progress,
                                                 gpointer                 user_data,
                                                 GCancellable            *cancellable,
                                                 SettleBillingResult     *result,
                                                 GError                 **error);
/* The same in a worker thread on its own connection; progress is delivered on the
 * thread-default main context of the caller, and the book emits ::changed at the end. */
void               settle_billing_run_async     (SettleBook              *book,
                                                 const GDate             *as_of,
                                                 SettleBillingProgress    progress,
                                                 gpointer                 progress_data,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
gboolean           settle_billing_run_finish    (SettleBook              *book,
                                                 GAsyncResult            *result,
                                                 SettleBillingResult     *billing_result,
                                                 GError                 **error);

/* Invoices in the book made by billing runs for the agreement, for tests and views. */
guint              settle_billing_count_billed  (SettleBook              *book,
                                                 SettleId                 agreement_id,
                                                 GError                 **error);

/* The invoices billing runs made for the agreement, by period (SettleId each). */
GArray            *settle_billing_list_invoices (SettleBook              *book,
                                                 SettleId                 agreement_id,
                                                 GError                 **error);

G_END_DECLS
