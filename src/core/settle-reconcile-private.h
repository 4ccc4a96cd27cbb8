/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book-private.h"
#include "settle-reconcile.h"

G_BEGIN_DECLS

/* A bank line as the matcher reads it. */
typedef struct
{
  SettleId id;
  SettleId bank_account_id;
  GDate    date;
  guint32  julian;
  gint64   amount;
  char     currency[4];
  char    *payer_name;
  char    *payer_account;
  char    *reference;
  char    *description;
  char    *kind;
  char    *status;
} SettleMatchLine;

void      settle_match_line_clear (SettleMatchLine *line);
gboolean  settle_reconcile_load_line (SettleBook      *book,
                                      SettleId         line_id,
                                      SettleMatchLine *line,
                                      GError         **error);
/* Open money-in lines (account 0 = all), oldest first. */
GArray   *settle_reconcile_load_open_lines (SettleBook *book,
                                            SettleId    bank_account_id,
                                            GError    **error);

/* Indexes over the open invoices, untied payments and unpaid charges of one currency,
 * built once and then asked for each line. */
typedef struct _SettleMatcher SettleMatcher;

SettleMatcher *settle_matcher_new    (SettleBook            *book,
                                      const char            *currency,
                                      guint32                first_julian,
                                      guint32                last_julian,
                                      GError               **error);
void           settle_matcher_free   (SettleMatcher         *matcher);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleMatcher, settle_matcher_free)
/* Indexes for one line only: the open invoices of its amount, those its text
 * numbers, and those of the clients it names or whose payer it is; a few queries
 * instead of reading every open invoice (for the view's suggestions). */
SettleMatcher *settle_matcher_new_for_line (SettleBook            *book,
                                            const SettleMatchLine *line,
                                            GError               **error);
/* Best first, at most max_results (SettleMatchSuggestion*). */
GPtrArray     *settle_matcher_suggest (SettleMatcher        *matcher,
                                       const SettleMatchLine *line,
                                       guint                 max_results);
/* Takes what an accepted suggestion used out of the indexes, so later lines of the
 * same run do not match it again. */
void           settle_matcher_consume (SettleMatcher              *matcher,
                                       const SettleMatchSuggestion *suggestion);

/* Text helpers shared by the matcher and accept (hint keys). */
char          *settle_reconcile_normalise_name (const char *text);
char          *settle_reconcile_normalise_account (const char *text);

/* Resolving a processor charge to the invoice or client it pays. */
gboolean       settle_payout_resolve_charge (SettleBook *book,
                                             SettleId    charge_id,
                                             SettleId   *client_id,
                                             SettleId   *invoice_id,
                                             GError    **error);

G_END_DECLS
