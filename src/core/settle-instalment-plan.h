/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-instalments.h"

G_BEGIN_DECLS

/* The book side of instalment plans. A plan splits what is open on an invoice into
 * scheduled instalments (settle_instalments_split); while it is active, the invoice's
 * own ladder and its late fees are paused, and reminders follow the instalments.
 * Money applied to the invoice after the plan was made pays the instalments, oldest
 * first. */

typedef struct
{
  SettleId                 id;
  SettleId                 invoice_id;
  GDate                    created_on;
  SettleInstalmentInterval interval;
  int                      every_days;
  SettleRemainderRule      remainder;
  gint64                   paid_before; /* applied to the invoice when the plan was made */
  gboolean                 active;
  GArray                  *instalments; /* SettleInstalment */
} SettleInstalmentPlan;

void                  settle_instalment_plan_free   (SettleInstalmentPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleInstalmentPlan, settle_instalment_plan_free)

/* Splits the invoice's open balance into n instalments, the first on first_due, and
 * logs "plan created". Refused for a draft, void or paid invoice, or one that
 * already has an active plan. Returns the plan id, 0 on error. */
SettleId              settle_instalment_plan_create (SettleBook               *book,
                                                     SettleId                  invoice_id,
                                                     guint                     n,
                                                     const GDate              *first_due,
                                                     SettleInstalmentInterval  interval,
                                                     int                       every_days,
                                                     SettleRemainderRule       remainder,
                                                     const GDate              *date,
                                                     GError                  **error);
/* The invoice's active plan; NULL without error when it has none. */
SettleInstalmentPlan *settle_instalment_plan_load_active (SettleBook           *book,
                                                          SettleId              invoice_id,
                                                          GError              **error);
/* Ends the plan: the invoice goes back to its own ladder. Logs "plan cancelled". */
gboolean              settle_instalment_plan_cancel (SettleBook               *book,
                                                     SettleId                  plan_id,
                                                     const char               *reason,
                                                     GError                  **error);
/* What was paid toward the plan (applications to the invoice since it was made). */
gboolean              settle_instalment_plan_paid   (SettleBook               *book,
                                                     const SettleInstalmentPlan *plan,
                                                     gint64                   *paid,
                                                     GError                  **error);

G_END_DECLS
