/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-agreement-editor.h"
#include "settle-agreement.h"

G_BEGIN_DECLS

struct _SettleAgreementEditor
{
  AdwWindow        parent_instance;

  SettleBook      *book;
  SettleAgreement *agreement;    /* as loaded (or new): id, client, currency, line ids */
  GArray          *rates;        /* int basis points, in the tax drop-downs' order */
  GtkStringList   *rate_labels;
  GArray          *terms;        /* SettleTerms, after "Client's terms" in terms_row */
  GPtrArray       *catalog;      /* SettleCatalogItem*, in catalog_list's order */
  char            *problem;
  gboolean         touched;      /* a new agreement shows no error before the first edit */
  gboolean         loading;

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkScrolledWindow *scroller;
  AdwEntryRow     *name_row;
  AdwComboRow     *cycle_row;
  AdwComboRow     *alignment_row;
  AdwEntryRow     *billing_day_row;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  AdwComboRow     *terms_row;
  GtkSwitch       *auto_issue_switch;
  AdwEntryRow     *po_row;
  AdwEntryRow     *notes_row;
  GtkLabel        *agreement_error_label;
  GtkLabel        *preview_label;
  GtkMenuButton   *catalog_button;
  GtkListBox      *catalog_list;
  GtkButton       *add_line_button;
  GtkListBox      *lines_list;
  GtkLabel        *lines_error_label;
};

/* The widgets of one line, kept on its row. */
typedef struct
{
  SettleId        id;
  SettleId        item_id;
  GtkWidget      *row;
  GtkEntry       *description;
  GtkEntry       *quantity;
  GtkEntry       *price;
  GtkDropDown    *tax;
  GtkCheckButton *usage;
  GtkEntry       *start;
  GtkEntry       *end;
  GtkButton      *remove;
} SettleAgreementLineWidgets;

void        settle_agreement_editor_revalidate (SettleAgreementEditor       *self);
GtkWidget  *settle_agreement_editor_line_new   (SettleAgreementEditor       *self,
                                                const SettleAgreementLine   *line);
SettleAgreementLineWidgets *
            settle_agreement_editor_line_get   (GtkWidget                   *row);
/* Appends line n (1-based, for messages) to agreement; on a parse error names the
 * line and field and points *bad at the widget. */
gboolean    settle_agreement_editor_line_read  (SettleAgreementEditor       *self,
                                                SettleAgreementLineWidgets  *lw,
                                                guint                        n,
                                                SettleAgreement             *agreement,
                                                GtkWidget                  **bad,
                                                GError                     **error);
void        settle_agreement_editor_fill_catalog (SettleAgreementEditor     *self);
/* "", or a date parsed strictly; the message names field. */
gboolean    settle_agreement_editor_parse_date (const char                  *text,
                                                const char                  *field,
                                                GDate                       *date,
                                                GError                     **error);

G_END_DECLS
