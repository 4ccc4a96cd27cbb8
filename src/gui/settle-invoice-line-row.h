/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "settle-invoice.h"

G_BEGIN_DECLS

/* One editable line of the invoice editor: description, quantity, unit price,
 * discount, tax rate and the line's total. It parses what was typed but keeps no
 * invoice: the editor reads every row into a copy to total it. */

/* The columns a row shares with the editor's header, through size groups. */
typedef enum
{
  SETTLE_LINE_COLUMN_QUANTITY,
  SETTLE_LINE_COLUMN_PRICE,
  SETTLE_LINE_COLUMN_DISCOUNT,
  SETTLE_LINE_COLUMN_TAX,
  SETTLE_LINE_COLUMN_TOTAL,
  SETTLE_LINE_COLUMN_BUTTONS,
  SETTLE_LINE_N_COLUMNS,
} SettleLineColumn;

#define SETTLE_TYPE_INVOICE_LINE_ROW (settle_invoice_line_row_get_type ())
G_DECLARE_FINAL_TYPE (SettleInvoiceLineRow, settle_invoice_line_row, SETTLE, INVOICE_LINE_ROW,
                      GtkListBoxRow)

/* tax_rates: SettleTaxRate*, the book's rates; the row offers "No tax" and these. */
SettleInvoiceLineRow *settle_invoice_line_row_new          (const char              *currency,
                                                            GPtrArray               *tax_rates);
void                  settle_invoice_line_row_set_line     (SettleInvoiceLineRow    *self,
                                                            const SettleInvoiceLine *line);
/* Parses the row into line (description, quantity, price, discount, rate,
 * item). On failure marks the entry with the "error" class and says, naming the
 * line by position, what was expected. */
gboolean              settle_invoice_line_row_get_line     (SettleInvoiceLineRow    *self,
                                                            SettleInvoiceLine       *line,
                                                            GError                 **error);
void                  settle_invoice_line_row_set_position (SettleInvoiceLineRow    *self,
                                                            guint                    position,
                                                            guint                    n_lines);
void                  settle_invoice_line_row_set_total    (SettleInvoiceLineRow    *self,
                                                            gint64                   net);
void                  settle_invoice_line_row_set_editable (SettleInvoiceLineRow    *self,
                                                            gboolean                 editable);
/* groups: SETTLE_LINE_N_COLUMNS horizontal size groups, in SettleLineColumn order. */
void                  settle_invoice_line_row_join_columns (SettleInvoiceLineRow    *self,
                                                            GtkSizeGroup           **groups);
void                  settle_invoice_line_row_focus        (SettleInvoiceLineRow    *self);

G_END_DECLS
