/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-invoice-editor.h"
#include "settle-invoice-line-row.h"
#include "settle-invoice.h"

G_BEGIN_DECLS

/* What settle-invoice-editor.c (the invoice, its lines and totals) and
 * settle-invoice-editor-actions.c (save, issue, delete) and
 * settle-invoice-editor-pickers.c (choosing the client, the catalogue) share. */

struct _SettleInvoiceEditor
{
  AdwWindow        parent_instance;

  SettleBook      *book;
  SettleInvoice   *invoice;      /* as last loaded or saved; lines are read from the rows */
  GPtrArray       *tax_rates;    /* SettleTaxRate* */
  GPtrArray       *catalog;      /* SettleCatalogItem*, what the popover lists */
  gboolean         filling;      /* setting widgets from the invoice: not an edit */
  gboolean         valid;
  gboolean         dirty;
  GtkSizeGroup    *columns[SETTLE_LINE_N_COLUMNS]; /* line rows and the header line up */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *delete_button;
  GtkWidget       *issue_button;
  GtkWidget       *save_button;
  GtkStack        *stack;
  GtkSearchEntry  *client_search;
  GtkListBox      *client_list;
  GtkLabel        *banner_label;
  AdwActionRow    *client_row;
  GtkLabel        *currency_label;
  AdwActionRow    *terms_row;
  GtkWidget       *terms_box;
  GtkDropDown     *terms_kind;
  GtkSpinButton   *terms_days;
  GtkWidget       *cutoff_caption;
  GtkSpinButton   *terms_cutoff;
  AdwActionRow    *discount_row;
  GtkEntry        *early_percent;
  GtkSpinButton   *early_days;
  AdwEntryRow     *po_row;
  AdwEntryRow     *pay_link_row;
  GtkMenuButton   *catalog_button;
  GtkPopover      *catalog_popover;
  GtkSearchEntry  *catalog_search;
  GtkListBox      *catalog_list;
  GtkWidget       *add_line_button;
  GtkListBox      *lines_list;
  GtkWidget       *header_quantity;
  GtkWidget       *header_price;
  GtkWidget       *header_discount;
  GtkWidget       *header_tax;
  GtkWidget       *header_total;
  GtkWidget       *header_buttons;
  GtkLabel        *error_label;
  GtkTextView     *notes_view;
  GtkGrid         *totals_grid;
};

/* settle-invoice-editor.c */
gboolean       settle_invoice_editor_is_draft       (SettleInvoiceEditor     *self);
/* A copy of the invoice with what the form holds, totalled; NULL with the first
 * problem, naming the line and field. Writes nothing. */
SettleInvoice *settle_invoice_editor_read           (SettleInvoiceEditor     *self,
                                                     GError                 **error);
/* Puts self->invoice into the widgets; read-only unless it is a draft. */
void           settle_invoice_editor_fill           (SettleInvoiceEditor     *self);
void           settle_invoice_editor_update_actions (SettleInvoiceEditor     *self);
void           settle_invoice_editor_emit_saved     (SettleInvoiceEditor     *self);
void settle_invoice_editor_add_line          (SettleInvoiceEditor     *self,
                                              const SettleInvoiceLine *line);
void settle_invoice_editor_show_error        (SettleInvoiceEditor     *self,
                                              const char              *message);

/* settle-invoice-editor-actions.c */
void settle_invoice_editor_class_init_actions (GtkWidgetClass          *widget_class);

/* settle-invoice-editor-pickers.c */
void settle_invoice_editor_bind_pickers      (GtkWidgetClass          *widget_class);
void settle_invoice_editor_fill_clients      (SettleInvoiceEditor     *self);

G_END_DECLS
