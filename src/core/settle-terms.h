/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_TERMS_NET,            /* due N days after the invoice date */
  SETTLE_TERMS_DUE_ON_RECEIPT, /* due on the invoice date */
  SETTLE_TERMS_END_OF_MONTH,   /* due N days after the end of the invoice's month */
  SETTLE_TERMS_PROXIMO,        /* due on day D of the next month */
} SettleTermsKind;

typedef struct
{
  SettleTermsKind kind;
  int days;          /* NET: N; END_OF_MONTH: + N days after month end */
  int day_of_month;  /* PROXIMO: due on day D of the next month (clamped to month length) */
  int cutoff_day;    /* PROXIMO: issued after this day of month -> the month after next; 0 = none */
  int discount_days; /* early-payment discount: paid within N days ... */
  int discount_bp;   /* ... gets this discount in basis points (200 = 2 %); 0 = none */
} SettleTerms;

/* Net 30, no discount. */
void      settle_terms_init_default  (SettleTerms       *terms);
gboolean  settle_terms_equal         (const SettleTerms *a,
                                      const SettleTerms *b);
/* Range checks; the message names the field ("Terms: …"). */
gboolean  settle_terms_validate      (const SettleTerms *terms,
                                      GError           **error);

/* Stored as text: "net:30", "receipt", "eom:15", "proximo:10:25" (cutoff optional),
 * each with an optional ";discount:10:200". */
char     *settle_terms_to_string     (const SettleTerms *terms);
gboolean  settle_terms_parse         (const char        *text,
                                      SettleTerms       *terms,
                                      GError           **error);
/* Translated, for people: "Net 30", "2 % 10, Net 30", "Due on receipt",
 * "10th of next month". */
char     *settle_terms_describe      (const SettleTerms *terms);

void      settle_terms_due_date      (const SettleTerms *terms,
                                      const GDate       *issue,
                                      GDate             *due);
/* The last day the early-payment discount applies; FALSE when there is none. */
gboolean  settle_terms_discount_date (const SettleTerms *terms,
                                      const GDate       *issue,
                                      GDate             *until);

/* The book default (setting "terms"; Net 30 when unset). */
gboolean  settle_terms_get_default   (SettleBook        *book,
                                      SettleTerms       *terms,
                                      GError           **error);
gboolean  settle_terms_set_default   (SettleBook        *book,
                                      const SettleTerms *terms,
                                      GError           **error);
/* The client's override, else the book default. */
gboolean  settle_terms_for_client    (SettleBook        *book,
                                      SettleId           client_id,
                                      SettleTerms       *terms,
                                      GError           **error);
/* terms NULL = follow the book default. Net terms also update the client's
 * terms_days for older readers. */
gboolean  settle_terms_set_for_client (SettleBook       *book,
                                       SettleId          client_id,
                                       const SettleTerms *terms,
                                       GError          **error);
/* TRUE when the client has its own terms. */
gboolean  settle_terms_client_has_override (SettleBook  *book,
                                            SettleId     client_id,
                                            gboolean    *has_override,
                                            GError     **error);

G_END_DECLS
