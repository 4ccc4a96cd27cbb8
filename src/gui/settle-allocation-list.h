/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-payment.h"

G_BEGIN_DECLS

/* The open invoices of a client as rows of a preferences group, each with a check to
 * include the invoice and an entry for the amount it gets, kept in step: ticking a row
 * fills in what is left to allocate (at most its balance), typing an amount ticks it.
 * The payment dialog and the reconciliation's manual match share it. */
typedef struct _SettleAllocationList SettleAllocationList;

/* A ticked row: the amount typed for the invoice (0 when it does not parse). */
typedef struct
{
  SettleId    invoice_id;
  const char *number;   /* the list's */
  gint64      amount;
} SettleAllocationShare;

/* The money there is to allocate, asked when a ticked row fills itself in. */
typedef gint64 (*SettleAllocationAmountFunc)  (gpointer owner);
/* After every change the user makes to a row. */
typedef void   (*SettleAllocationChangedFunc) (gpointer owner);

SettleAllocationList *settle_allocation_list_new       (AdwPreferencesGroup        *group,
                                                        SettleAllocationAmountFunc  amount_func,
                                                        SettleAllocationChangedFunc changed_func,
                                                        gpointer                    owner);
void                  settle_allocation_list_free      (SettleAllocationList *list);
void                  settle_allocation_list_set_currency (SettleAllocationList *list,
                                                           const char           *currency);
void                  settle_allocation_list_clear     (SettleAllocationList *list);
/* A row named "invoice-NUMBER" (check "check", entry "amount") at the end. */
void                  settle_allocation_list_add       (SettleAllocationList    *list,
                                                        const SettleOpenInvoice *item,
                                                        const char              *subtitle);
guint                 settle_allocation_list_get_n_rows (SettleAllocationList *list);
/* Marks the ticked rows whose amount is not between 0.01 and the balance, the first of
 * them in *first_error unless that is set already, and clears *ok when there is one.
 * Returns the sum ticked, too much on an invoice included so the total shows it. */
gint64                settle_allocation_list_validate  (SettleAllocationList *list,
                                                        char                **first_error,
                                                        gboolean             *ok);
/* "Oldest First": amount over the rows in their order, each at most its balance, the
 * rest unticked. The changed function is not called. */
void                  settle_allocation_list_fill      (SettleAllocationList *list,
                                                        gint64                amount);
/* The ticked rows, SettleAllocationShare. */
GArray               *settle_allocation_list_get_shares (SettleAllocationList *list);

/* Money typed in currency: empty text is 0 (and *empty TRUE); unparsable text FALSE. */
gboolean              settle_allocation_parse_money    (const char *text,
                                                        const char *currency,
                                                        gint64     *amount,
                                                        gboolean   *empty);
/* The "error" style class on or off. */
void                  settle_allocation_set_error_style (GtkWidget *widget,
                                                         gboolean   bad);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleAllocationList, settle_allocation_list_free)

G_END_DECLS
