/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_STATEMENT_INVOICE,     /* debit: an invoice issued */
  SETTLE_STATEMENT_PAYMENT,     /* credit: money received */
  SETTLE_STATEMENT_CREDIT_NOTE, /* credit: a credit note issued */
  SETTLE_STATEMENT_REVERSAL,    /* debit: a payment reversed (returned ACH, chargeback) */
  SETTLE_STATEMENT_VOID,        /* credit: an invoice voided (or debit: a credit note voided) */
  SETTLE_STATEMENT_REFUND,      /* debit: client credit paid back */
} SettleStatementKind;

typedef struct
{
  GDate  date;
  int    kind;        /* SettleStatementKind */
  char  *reference;   /* invoice or credit note number, payment reference */
  char  *description; /* translated: "Invoice", "Payment — Check", "Voided"… */
  gint64 debit;
  gint64 credit;
  gint64 balance;     /* running, after this line */
} SettleStatementLine;

typedef struct
{
  SettleId   client_id;
  char      *client_name;
  char      *client_address;
  GDate      from;
  GDate      to;
  char       currency[4];
  gint64     opening_balance; /* what the client owed at the end of the day before from */
  gint64     closing_balance; /* ... at the end of to: opening + debits − credits */
  GPtrArray *lines;           /* SettleStatementLine*, by date */
  gint64     aging[5];        /* open invoices as of to by days past due: current,
                               * 1-30, 31-60, 61-90, 90+ */
  gint64     unapplied_credit; /* payments and credit notes not applied as of to */
} SettleStatement;

void             settle_statement_free         (SettleStatement *statement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleStatement, settle_statement_free)
const char      *settle_statement_kind_label   (SettleStatementKind kind);

/* Everything that moved the client's balance between from and to, inclusive.
 * from invalid = the client's first entry; to invalid = today. The closing balance
 * is aging − unapplied credit, and when to is today equals the client's balance
 * less its credit. Fails with SETTLE_BOOK_ERROR_INVALID when to is before from. */
SettleStatement *settle_statement_load         (SettleBook      *book,
                                                SettleId         client_id,
                                                const GDate     *from,
                                                const GDate     *to,
                                                GError         **error);

G_END_DECLS
