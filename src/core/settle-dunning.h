/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-dunning-ladder.h"
#include "settle-late-fee.h"

G_BEGIN_DECLS

/* The dunning run: which reminders, late fees, holds and collections hand-overs are
 * due on a date (the plan, which writes nothing), and carrying them out (the run).
 *
 * - The ladder is the book's (setting "dunning.ladder", else the built-in default),
 *   or the client's own; a client may opt out, an invoice may be disputed or paused.
 * - Each step is carried out at most once per item: the send log has a unique key
 *   (invoice, instalment, step), the email job the key "dunning:INVOICE:STEP"
 *   ("dunning:INVOICE:iN:STEP" for instalment N), and every change of one item (log
 *   row, email job, fee invoices, hold, collections packet record, activity) is one
 *   transaction: a crash leaves an item's step whole or absent, and a rerun carries
 *   out only what is missing.
 * - Late fees follow the client's policy (settle-late-fee-store.h), from the day the
 *   item's ladder reaches its fee step; a ladder without a fee step charges none.
 * - An invoice on an instalment plan is paused on its own ladder; the next unpaid
 *   instalment is reminded instead, with the ladder's plain email steps (no fee, no
 *   action), following the instalment's due date.
 * - Fee invoices themselves are not dunned (no fees on fees unless the policy
 *   compounds); they are listed in the statement and the collections packet.
 * - Channels: an email step writes an outbox email with the invoice PDF (and the fee
 *   invoices charged with it); a letter step too, with the statement PDF, since there
 *   is no postal channel (the letter can be printed from it); a phone-task step logs
 *   "phone task" on the invoice's timeline. A client without a valid billing email
 *   gets the step logged and "reminder not sent" on the timeline, not an email.
 * - A hold step puts the client on hold (settle_client_set_hold); a collections step
 *   records a collections packet, written after the commit by
 *   settle_collections_packet_write_pending() (settle-collections-packet.h). */

typedef struct
{
  SettleId             invoice_id;
  char                *invoice_number;
  SettleId             client_id;
  char                *client_name;
  char                 currency[4];
  int                  instalment;  /* 0 = the invoice itself */
  GDate                due_date;    /* the date the ladder follows */
  gint64               amount_due;  /* the invoice's balance, or what is owed on the instalment */
  int                  step;        /* index in the ladder; SETTLE_DUNNING_STEP_NONE: fees only */
  GDate                scheduled;
  gboolean             catching_up;
  char                *template_id;
  SettleDunningChannel channel;
  SettleDunningAction  action;
  gboolean             has_email;   /* the client has a billing email to send to */
  GPtrArray           *fees;        /* SettleLateFee*, by period */
} SettleDunningItem;

typedef struct
{
  GDate      as_of;
  GPtrArray *items;        /* SettleDunningItem*, in the order the run takes them */
  guint      n_reminders;  /* emails and letters */
  guint      n_fees;
  guint      n_holds;
  guint      n_collections;
  guint      n_phone_tasks;
} SettleDunningPlan;

typedef struct
{
  guint n_items;           /* items carried out */
  guint n_steps;           /* steps logged */
  guint n_emails;          /* outbox jobs written */
  guint n_fees;            /* fee invoices issued */
  guint n_holds;
  guint n_packets;         /* collections packets recorded */
  guint n_skipped;         /* found already done by another run */
} SettleDunningResult;

typedef void (*SettleDunningProgress) (guint    done,
                                       guint    total,
                                       gpointer user_data);

void                 settle_dunning_item_free          (SettleDunningItem *item);
void                 settle_dunning_plan_free          (SettleDunningPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleDunningPlan, settle_dunning_plan_free)

/* The book default ladder (the built-in one until the bookkeeper saves one). */
SettleDunningLadder *settle_dunning_ladder_load        (SettleBook                *book,
                                                        GError                   **error);
/* Validates the ladder and that every email and letter step has a template (the
 * book's or a built-in one); the message names the step. */
gboolean             settle_dunning_ladder_check       (SettleBook                *book,
                                                        const SettleDunningLadder *ladder,
                                                        GError                   **error);
gboolean             settle_dunning_ladder_save        (SettleBook                *book,
                                                        const SettleDunningLadder *ladder,
                                                        GError                   **error);
/* The client's ladder: its override, else the book's. */
SettleDunningLadder *settle_dunning_ladder_for_client  (SettleBook                *book,
                                                        SettleId                   client_id,
                                                        GError                   **error);
/* ladder NULL = back to the book's. */
gboolean             settle_dunning_set_client_ladder  (SettleBook                *book,
                                                        SettleId                   client_id,
                                                        const SettleDunningLadder *ladder,
                                                        GError                   **error);
gboolean             settle_dunning_set_client_opt_out (SettleBook                *book,
                                                        SettleId                   client_id,
                                                        gboolean                   opt_out,
                                                        GError                   **error);
/* A disputed invoice gets no reminders and no fees until the dispute is resolved.
 * Logs "disputed" / "dispute resolved" with the reason. */
gboolean             settle_dunning_set_disputed       (SettleBook                *book,
                                                        SettleId                   invoice_id,
                                                        gboolean                   disputed,
                                                        const char                *reason,
                                                        GError                   **error);
/* Pauses (or resumes) the ladder for one invoice. Logs "paused" / "resumed". */
gboolean             settle_dunning_set_paused         (SettleBook                *book,
                                                        SettleId                   invoice_id,
                                                        gboolean                   paused,
                                                        const char                *reason,
                                                        GError                   **error);

/* What a run on as_of would do. Writes nothing. */
SettleDunningPlan   *settle_dunning_plan               (SettleBook                *book,
                                                        const GDate               *as_of,
                                                        GError                   **error);
/* Translated: "12 reminders, 3 late fees, 1 hold" (only the parts that are not zero),
 * or "Nothing is due". */
char                *settle_dunning_plan_describe      (const SettleDunningPlan   *plan);

/* Takes the RUN lock (LOCKED when another run holds it), plans under the lock and
 * carries out each item in its own transaction. Idempotent. On error or
 * cancellation, the items done so far stay done and result says how many. */
gboolean             settle_dunning_run                (SettleBook                *book,
                                                        const GDate               *as_of,
                                                        SettleDunningProgress      progress,
                                                        gpointer                   progress_data,
                                                        GCancellable              *cancellable,
                                                        SettleDunningResult       *result,
                                                        GError                   **error);
/* The run in a worker thread with its own connection; progress is delivered on the
 * caller's thread-default main context. */
void                 settle_dunning_run_async          (SettleBook                *book,
                                                        const GDate               *as_of,
                                                        SettleDunningProgress      progress,
                                                        gpointer                   progress_data,
                                                        GCancellable              *cancellable,
                                                        GAsyncReadyCallback        callback,
                                                        gpointer                   user_data);
gboolean             settle_dunning_run_finish         (SettleBook                *book,
                                                        GAsyncResult              *result,
                                                        SettleDunningResult       *dunning_result,
                                                        GError                   **error);
void                 settle_dunning_plan_async         (SettleBook                *book,
                                                        const GDate               *as_of,
                                                        GCancellable              *cancellable,
                                                        GAsyncReadyCallback        callback,
                                                        gpointer                   user_data);
SettleDunningPlan   *settle_dunning_plan_finish        (SettleBook                *book,
                                                        GAsyncResult              *result,
                                                        GError                   **error);

G_END_DECLS
