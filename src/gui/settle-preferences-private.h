/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-branding.h"
#include "settle-preferences-window.h"
#include "settle-series.h"
#include "settle-terms.h"

G_BEGIN_DECLS

/* What settle-preferences-window.c (the window, the Company page) and
 * settle-preferences-invoicing.c (terms, series, tax rates, catalogue) share. */

typedef struct
{
  const char          *name;          /* "invoice", "credit-note" */
  AdwPreferencesGroup *group;
  AdwEntryRow         *prefix_row;
  AdwEntryRow         *width_row;
  GtkSwitch           *reset_switch;
  AdwActionRow        *preview_row;
  SettleSeries        *saved;
} SettlePreferencesSeries;

struct _SettlePreferencesWindow
{
  AdwPreferencesWindow     parent_instance;

  SettleBook              *book;
  SettleBranding          *branding;     /* as last saved */
  char                    *logo_path;    /* as chosen, valid */
  char                    *logo_error;
  SettleTerms              terms;        /* as last saved */
  guint                    save_id;
  gboolean                 loading;
  gboolean                 close_warned;

  /* Company */
  AdwPreferencesGroup     *company_group;
  AdwEntryRow             *name_row;
  AdwEntryRow             *tax_id_row;
  AdwEntryRow             *email_row;
  AdwEntryRow             *phone_row;
  GtkTextView             *address_view;
  AdwActionRow            *logo_row;
  GtkPicture              *logo_preview;
  GtkButton               *clear_logo_button;
  GtkColorButton          *accent_button;
  GtkTextView             *remit_to_view;
  GtkTextView             *payment_view;
  GtkTextView             *terms_text_view;
  GtkTextView             *footer_view;

  /* Invoicing */
  AdwPreferencesGroup     *terms_group;
  AdwComboRow             *terms_kind_row;
  AdwEntryRow             *terms_days_row;
  AdwEntryRow             *terms_day_row;
  AdwEntryRow             *terms_cutoff_row;
  AdwEntryRow             *terms_discount_days_row;
  AdwEntryRow             *terms_discount_row;
  SettlePreferencesSeries  invoice;
  SettlePreferencesSeries  credit;
  AdwPreferencesGroup     *tax_group;
  AdwPreferencesGroup     *catalog_group;
  GtkToggleButton         *show_inactive_button;
  GPtrArray               *tax_rows;     /* widgets added to tax_group */
  GPtrArray               *catalog_rows; /* widgets added to catalog_group */
};

/* Marks a row invalid (message != NULL: the row's title becomes the message,
 * which names the field) or valid again (its own title back). */
void     settle_preferences_set_row_error   (GtkWidget               *row,
                                             const char              *message);
void     settle_preferences_schedule_save   (SettlePreferencesWindow *self);

void     settle_preferences_invoicing_init  (SettlePreferencesWindow *self);
void     settle_preferences_invoicing_load  (SettlePreferencesWindow *self);
void     settle_preferences_invoicing_update (SettlePreferencesWindow *self);
/* FALSE when a field is invalid; saves the valid sections that changed. */
gboolean settle_preferences_invoicing_save  (SettlePreferencesWindow *self);
void     settle_preferences_invoicing_clear (SettlePreferencesWindow *self);
void     settle_preferences_invoicing_class_init (GtkWidgetClass     *widget_class);

G_END_DECLS
