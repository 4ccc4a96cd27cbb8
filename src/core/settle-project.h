/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

typedef struct
{
  SettleId id;
  SettleId project_id;
  int      position;
  char    *name;
  gint64   amount;       /* minor units, in the project's currency */
  GDate    due_date;     /* invalid = none */
  GDate    completed_on; /* invalid = not yet */
  SettleId invoice_id;   /* the draft made when it was completed, 0 = none */
} SettleMilestone;

typedef struct
{
  SettleId   id;
  SettleId   client_id;
  char      *client_name; /* read-only, filled by load */
  char      *name;
  gint64     budget;
  char       currency[4];
  GPtrArray *milestones;  /* SettleMilestone* */
} SettleProject;

SettleProject   *settle_project_new           (SettleId       client_id,
                                               const char    *currency);
void             settle_project_free          (SettleProject *project);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleProject, settle_project_free)

SettleMilestone *settle_project_add_milestone (SettleProject *project,
                                               const char    *name,
                                               gint64         amount,
                                               const GDate   *due_date);

/* Validates (name, currency, budget and amounts not negative, milestone names), then
 * inserts or updates the project and its milestones in one transaction. A completed
 * milestone cannot be changed or removed. */
gboolean         settle_project_save          (SettleBook    *book,
                                               SettleProject *project,
                                               GError       **error);
SettleProject   *settle_project_load          (SettleBook    *book,
                                               SettleId       project_id,
                                               GError       **error);
/* client_id 0 = all clients. */
GPtrArray       *settle_project_list          (SettleBook    *book,
                                               SettleId       client_id,
                                               GError       **error);

/* Marks the milestone complete on date and drafts its invoice (one line
 * "Project – milestone" at the milestone's amount); returns the invoice's id.
 * Twice is an error (SETTLE_BOOK_ERROR_STATE). */
SettleId         settle_milestone_complete    (SettleBook    *book,
                                               SettleId       milestone_id,
                                               const GDate   *date,
                                               GError       **error);

/* Budget against what was invoiced: the net totals (before tax) of the milestones'
 * invoices that are not void (drafts included), and what remains of the budget
 * (negative = over). */
gboolean         settle_project_get_invoiced  (SettleBook    *book,
                                               SettleId       project_id,
                                               gint64        *invoiced,
                                               gint64        *remaining,
                                               GError       **error);

G_END_DECLS
