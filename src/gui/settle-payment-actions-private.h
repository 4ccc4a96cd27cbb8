/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* Small form windows shared by the collections actions: a transient, modal
 * AdwWindow with a header bar (Cancel / confirm), a preferences group to add rows
 * to and an error label under it. */
typedef struct _SettleForm SettleForm;

typedef gboolean (*SettleFormConfirm) (SettleForm *form,
                                       gpointer    user_data,
                                       GError    **error);

struct _SettleForm
{
  GtkWidget           *window;
  AdwPreferencesGroup *group;
  GtkBox              *content;
  GtkLabel            *error_label;
  GtkWidget           *confirm;
  SettleBook          *book;
  SettleFormConfirm    on_confirm;
  gpointer             user_data;
  GDestroyNotify       destroy;
};

SettleForm *settle_form_new          (GtkWidget         *parent,
                                      SettleBook        *book,
                                      const char        *name,
                                      const char        *title,
                                      const char        *confirm_label,
                                      gboolean           destructive,
                                      SettleFormConfirm  on_confirm,
                                      gpointer           user_data,
                                      GDestroyNotify     destroy);
void        settle_form_present      (SettleForm        *form);
GtkWidget  *settle_form_add_entry    (SettleForm        *form,
                                      const char        *name,
                                      const char        *title,
                                      const char        *text);
GtkWidget  *settle_form_add_combo    (SettleForm        *form,
                                      const char        *name,
                                      const char        *title,
                                      const char *const *items,
                                      guint              selected);
GtkWidget  *settle_form_add_switch   (SettleForm        *form,
                                      const char        *name,
                                      const char        *title,
                                      const char        *subtitle,
                                      gboolean           active);
void        settle_form_add_note     (SettleForm        *form,
                                      const char        *text);
/* Shows message under the rows, and marks field (may be NULL) with the error style. */
void        settle_form_set_error    (SettleForm        *form,
                                      GtkWidget         *field,
                                      const char        *message);
void        settle_form_clear_errors (SettleForm        *form);

const char *settle_form_text         (GtkWidget         *entry);
/* Parses a date typed in a field; FALSE with a message naming the field. */
gboolean    settle_form_parse_date   (GtkWidget         *entry,
                                      const char        *field,
                                      GDate             *date,
                                      GError           **error);
/* Money in currency; empty = 0 when allow_empty. */
gboolean    settle_form_parse_money  (GtkWidget         *entry,
                                      const char        *field,
                                      const char        *currency,
                                      gboolean           allow_empty,
                                      gint64            *amount,
                                      GError           **error);
/* A percentage ("1.5") as basis points; empty = 0. */
gboolean    settle_form_parse_rate   (GtkWidget         *entry,
                                      const char        *field,
                                      int               *rate_bp,
                                      GError           **error);
gboolean    settle_form_parse_int    (GtkWidget         *entry,
                                      const char        *field,
                                      int                min,
                                      int                max,
                                      int               *value,
                                      GError           **error);

/* Opens the reason form of an invoice action (dispute, pause, waive, cancel plan). */
void        settle_payment_actions_reverse_dialog (GtkWidget  *parent,
                                                   SettleBook *book,
                                                   SettleId    payment_id,
                                                   const char *currency);
void        settle_payment_actions_settle_dialog  (GtkWidget  *parent,
                                                   SettleBook *book,
                                                   SettleId    payment_id);

G_END_DECLS
