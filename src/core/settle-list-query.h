/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-invoice.h"

G_BEGIN_DECLS

/* Paged reads for the window's big lists. Sorting and searching happen in SQL;
 * a page is fetched by keyset (after the last row of the page before) when that
 * row is known, by offset otherwise. */

typedef enum
{
  SETTLE_INVOICE_SORT_NUMBER,
  SETTLE_INVOICE_SORT_CLIENT,
  SETTLE_INVOICE_SORT_ISSUE_DATE,
  SETTLE_INVOICE_SORT_DUE_DATE,
  SETTLE_INVOICE_SORT_TOTAL,
  SETTLE_INVOICE_SORT_BALANCE,
  SETTLE_INVOICE_SORT_STATUS,
} SettleInvoiceSort;

typedef enum
{
  SETTLE_CLIENT_SORT_NAME,
  SETTLE_CLIENT_SORT_BALANCE,
  SETTLE_CLIENT_SORT_TERMS,
} SettleClientSort;

/* One row of the invoice list: what the columns show, nothing more. */
typedef struct
{
  SettleId            id;
  char               *number;      /* NULL for drafts */
  SettleId            client_id;
  char               *client_name;
  gboolean            client_on_hold;
  SettleInvoiceStatus status;
  SettleInvoiceKind   kind;
  GDate               issue_date;
  GDate               due_date;
  char                currency[4];
  gint64              total;
  gint64              amount_paid;
  gint64              balance;     /* 0 for drafts and void invoices */
} SettleInvoiceSummary;

typedef struct
{
  SettleId id;
  char    *name;
  char    *email;
  int      terms_days;
  SettleTerms terms;     /* the client's own, or the book's default */
  char     currency[4];
  gboolean on_hold;
  gint64   balance;
  gint64   credit;
} SettleClientSummary;

typedef struct
{
  SettleInvoiceSort sort;
  gboolean          descending;
  char             *search;    /* matches number prefix or client name; NULL = all */
  SettleId          client_id; /* 0 = every client */
} SettleInvoiceQuery;

typedef struct
{
  SettleClientSort sort;
  gboolean         descending;
  char            *search;
} SettleClientQuery;

void       settle_invoice_summary_free (SettleInvoiceSummary *row);
void       settle_client_summary_free  (SettleClientSummary  *row);

/* How many rows the query matches. Can take long on a big book with a search:
 * call it from a worker. */
gboolean   settle_invoice_query_count  (SettleBook               *book,
                                        const SettleInvoiceQuery *query,
                                        guint                    *n_rows,
                                        GError                  **error);
/* Up to limit rows. after = the last row of the previous page (keyset), or NULL
 * to start at offset. */
GPtrArray *settle_invoice_query_page   (SettleBook                 *book,
                                        const SettleInvoiceQuery   *query,
                                        const SettleInvoiceSummary *after,
                                        guint                       offset,
                                        guint                       limit,
                                        GError                    **error);

gboolean   settle_client_query_count   (SettleBook              *book,
                                        const SettleClientQuery *query,
                                        guint                   *n_rows,
                                        GError                 **error);
GPtrArray *settle_client_query_page    (SettleBook                *book,
                                        const SettleClientQuery   *query,
                                        const SettleClientSummary *after,
                                        guint                      offset,
                                        guint                      limit,
                                        GError                   **error);

G_END_DECLS
