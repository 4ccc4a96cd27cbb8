/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-money.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_INVOICE_DRAFT,
  SETTLE_INVOICE_ISSUED,  /* open, nothing paid */
  SETTLE_INVOICE_PARTIAL, /* open, partly paid */
  SETTLE_INVOICE_PAID,
  SETTLE_INVOICE_VOID,
} SettleInvoiceStatus;

typedef struct
{
  SettleId id;
  int      position;
  char    *description;
  gint64   quantity_milli; /* 1.5 hours = 1500 */
  gint64   unit_price;     /* minor units */
  int      tax_rate_bp;    /* 8.25 % = 825 */
  gint64   net;            /* computed: quantity × price, rounded by the invoice's rule */
  gint64   tax;            /* computed; 0 on every line when tax is rounded per invoice */
} SettleInvoiceLine;

typedef struct
{
  SettleId            id;
  SettleId            client_id;
  char               *client_name; /* read-only, filled by load */
  char               *number;      /* NULL while a draft */
  SettleInvoiceStatus status;
  GDate               issue_date;  /* invalid while a draft */
  GDate               due_date;
  int                 terms_days;
  char                currency[4];
  SettleRounding      rounding;
  SettleTaxRounding   tax_rounding;
  gint64              subtotal;
  gint64              tax_total;
  gint64              total;
  gint64              amount_paid;
  char               *po_number;
  char               *notes;
  GPtrArray          *lines;       /* SettleInvoiceLine* */
} SettleInvoice;

SettleInvoice     *settle_invoice_new              (SettleId            client_id,
                                                    const char         *currency);
void               settle_invoice_free             (SettleInvoice      *invoice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleInvoice, settle_invoice_free)

SettleInvoiceLine *settle_invoice_add_line         (SettleInvoice      *invoice,
                                                    const char         *description,
                                                    gint64              quantity_milli,
                                                    gint64              unit_price,
                                                    int                 tax_rate_bp);

const char        *settle_invoice_status_to_string (SettleInvoiceStatus status);
gboolean           settle_invoice_status_from_string (const char       *text,
                                                    SettleInvoiceStatus *status);
/* Translated, for people: "Draft", "Partially paid"… */
const char        *settle_invoice_status_label     (SettleInvoiceStatus status);

gint64             settle_invoice_get_balance      (const SettleInvoice *invoice);

/* Fills each line's net and tax and the invoice totals by the invoice's rounding
 * rules. Pure: touches no book. */
gboolean           settle_invoice_compute_totals   (SettleInvoice      *invoice,
                                                    GError            **error);

/* Inserts or updates a draft with its lines. An issued invoice is refused. */
gboolean           settle_invoice_save_draft       (SettleBook         *book,
                                                    SettleInvoice      *invoice,
                                                    GError            **error);
/* Numbers the draft from the invoice series, dates it and freezes it, in one
 * transaction. */
gboolean           settle_invoice_issue            (SettleBook         *book,
                                                    SettleId            invoice_id,
                                                    const GDate        *issue_date,
                                                    GError            **error);
/* Voids an issued invoice that has no payments applied. */
gboolean           settle_invoice_void             (SettleBook         *book,
                                                    SettleId            invoice_id,
                                                    const GDate        *date,
                                                    const char         *reason,
                                                    GError            **error);

SettleInvoice     *settle_invoice_load             (SettleBook         *book,
                                                    SettleId            invoice_id,
                                                    GError            **error);
SettleInvoice     *settle_invoice_load_by_number   (SettleBook         *book,
                                                    const char         *number,
                                                    GError            **error);

G_END_DECLS
