/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-money.h"
#include "settle-terms.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_INVOICE_DRAFT,
  SETTLE_INVOICE_ISSUED,  /* open, nothing paid */
  SETTLE_INVOICE_PARTIAL, /* open, partly paid */
  SETTLE_INVOICE_PAID,
  SETTLE_INVOICE_VOID,
} SettleInvoiceStatus;

typedef enum
{
  SETTLE_INVOICE_KIND_INVOICE,
  SETTLE_INVOICE_KIND_CREDIT_NOTE, /* issued against an invoice; never an open receivable */
} SettleInvoiceKind;

typedef struct
{
  SettleId id;
  int      position;
  char    *description;
  gint64   quantity_milli; /* 1.5 hours = 1500 */
  gint64   unit_price;     /* minor units */
  int      tax_rate_bp;    /* 8.25 % = 825; must be one of the book's tax rates */
  gint64   net;            /* computed: quantity × price less the discount, rounded by the
                            * invoice's rule */
  gint64   tax;            /* computed; 0 on every line when tax is rounded per invoice */
  SettleId item_id;        /* catalogue item, 0 = free line */
  int      discount_bp;    /* line discount, 0 to 10000 (100 %) */
  gint64   discount;       /* computed: the amount the discount takes off */
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
  int                 terms_days;  /* kept for older readers: due − issue in days */
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
  SettleInvoiceKind   kind;
  SettleTerms         terms;        /* gives the due date at issue */
  SettleId            original_id;  /* credit note: the invoice it credits, else 0 */
  char               *original_number; /* read-only, filled by load */
  char               *pay_link;     /* URL, "" = none */
  SettleId            agreement_id; /* read-only, filled by load; 0 = none */
  gint64              discount_total; /* computed: sum of the line discounts */
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
const char        *settle_invoice_kind_to_string   (SettleInvoiceKind   kind);
gboolean           settle_invoice_kind_from_string (const char         *text,
                                                    SettleInvoiceKind  *kind);

gint64             settle_invoice_get_balance      (const SettleInvoice *invoice);

/* Fills each line's net and tax and the invoice totals by the invoice's rounding
 * rules. Pure: touches no book. */
gboolean           settle_invoice_compute_totals   (SettleInvoice      *invoice,
                                                    GError            **error);

/* Checks a draft against the book: currency, terms, and each line's description,
 * tax rate (one of the book's), discount and catalogue item. The message names the
 * line and field: "Line 3: tax rate 7.5 % is not in the book's tax rates". */
gboolean           settle_invoice_validate         (SettleBook          *book,
                                                    const SettleInvoice *invoice,
                                                    GError             **error);
/* "1.5" -> 1500; "." and the locale's decimal point are accepted, at most three
 * decimals. */
gboolean           settle_invoice_parse_quantity   (const char         *text,
                                                    gint64             *quantity_milli,
                                                    GError            **error);

/* A new draft for a client in the client's currency, with the client's terms
 * (its own, else the book default). */
SettleInvoice     *settle_invoice_new_for_client   (SettleBook         *book,
                                                    SettleId            client_id,
                                                    GError            **error);

/* Validates, then inserts or updates a draft with its lines. An issued invoice is
 * refused. For older callers: a draft whose terms are still the default Net 30
 * but whose terms_days was changed gets Net terms_days. */
gboolean           settle_invoice_save_draft       (SettleBook         *book,
                                                    SettleInvoice      *invoice,
                                                    GError            **error);
/* Numbers the draft from the "invoice" series, dates it, sets the due date from
 * its terms and freezes it, in one transaction. */
gboolean           settle_invoice_issue            (SettleBook         *book,
                                                    SettleId            invoice_id,
                                                    const GDate        *issue_date,
                                                    GError            **error);
/* Deletes a draft and its lines. An issued invoice is refused. */
gboolean           settle_invoice_delete_draft     (SettleBook         *book,
                                                    SettleId            invoice_id,
                                                    GError            **error);
/* Voids an issued invoice that has no payments or credit notes applied. Credit
 * notes cannot be voided. */
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
