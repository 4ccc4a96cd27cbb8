/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-proration.h"
#include "settle-terms.h"

G_BEGIN_DECLS

typedef struct
{
  SettleId id;
  int      position;
  SettleId item_id;        /* catalogue item, 0 = free line */
  char    *description;
  gint64   quantity_milli; /* ignored for usage lines: the quantity comes from usage entries */
  gint64   unit_price;     /* minor units */
  int      tax_rate_bp;
  gboolean usage;          /* billed in arrears from the usage entered for each period */
  GDate    start_date;     /* invalid = from the agreement's start */
  GDate    end_date;       /* invalid = open */
} SettleAgreementLine;

typedef struct
{
  SettleId        id;
  SettleId        client_id;
  char           *client_name; /* read-only, filled by load */
  char           *name;
  SettleCycle     cycle;
  SettleAlignment alignment;
  int             billing_day; /* 1–28: first day of each period with calendar alignment */
  GDate           start_date;
  GDate           end_date;    /* invalid = open */
  char            currency[4];
  gboolean        auto_issue;  /* issue the invoices of a run, else leave them as drafts */
  gboolean        has_terms;   /* FALSE: the client's terms */
  SettleTerms     terms;
  char           *po_number;
  char           *notes;
  GPtrArray      *lines;       /* SettleAgreementLine* */
} SettleAgreement;

SettleAgreement     *settle_agreement_new        (SettleId               client_id,
                                                  const char            *currency);
void                 settle_agreement_free       (SettleAgreement       *agreement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleAgreement, settle_agreement_free)

/* Appends a line in force over the whole agreement (dates invalid). */
SettleAgreementLine *settle_agreement_add_line   (SettleAgreement       *agreement,
                                                  const char            *description,
                                                  gint64                 quantity_milli,
                                                  gint64                 unit_price,
                                                  int                    tax_rate_bp,
                                                  gboolean               usage);

/* The rules that need no book: name, dates, billing day, currency, lines. */
gboolean             settle_agreement_validate   (const SettleAgreement *agreement,
                                                  GError               **error);
/* Validates (also the tax rates against the book's), then inserts or updates the
 * agreement with its lines in one transaction. A line that usage was entered for,
 * or the start of an agreement already billed, cannot be changed away. */
gboolean             settle_agreement_save       (SettleBook            *book,
                                                  SettleAgreement       *agreement,
                                                  GError               **error);
SettleAgreement     *settle_agreement_load       (SettleBook            *book,
                                                  SettleId               agreement_id,
                                                  GError               **error);
/* By client name then id. client_id 0 = all clients. */
GPtrArray           *settle_agreement_list       (SettleBook            *book,
                                                  SettleId               client_id,
                                                  GError               **error);

/* The schedule that cuts the agreement's periods. */
void                 settle_agreement_get_schedule (const SettleAgreement *agreement,
                                                    SettleSchedule        *schedule);

/* Records the usage of a usage line in the period that starts on period_start
 * (replacing an earlier entry). Refused once that usage has been billed. */
gboolean             settle_agreement_set_usage  (SettleBook            *book,
                                                  SettleId               agreement_line_id,
                                                  const GDate           *period_start,
                                                  gint64                 quantity_milli,
                                                  GError               **error);
/* The usage entered, 0 when none. */
gboolean             settle_agreement_get_usage  (SettleBook            *book,
                                                  SettleId               agreement_line_id,
                                                  const GDate           *period_start,
                                                  gint64                *quantity_milli,
                                                  GError               **error);
/* The usage line of an agreement of client (by name, case-insensitive) whose catalogue
 * item has this SKU, for usage imports. */
SettleId             settle_agreement_find_usage_line (SettleBook       *book,
                                                       const char       *client_name,
                                                       const char       *sku,
                                                       GError          **error);

G_END_DECLS
