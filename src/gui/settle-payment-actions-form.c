/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "settle-money.h"
#include "settle-payment-actions-private.h"

static void
form_free (SettleForm *form)
{
  if (form->destroy != NULL)
    form->destroy (form->user_data);
  g_clear_object (&form->book);
  g_free (form);
}

static void
confirm_clicked_cb (GtkButton  *button,
                    SettleForm *form)
{
  g_autoptr(GError) error = NULL;

  settle_form_clear_errors (form);
  if (!form->on_confirm (form, form->user_data, &error))
    {
      if (error != NULL)
        settle_form_set_error (form, NULL, error->message);
      return;
    }
  settle_book_notify_changed (form->book);
  gtk_window_destroy (GTK_WINDOW (form->window));
}

static void
cancel_clicked_cb (GtkButton  *button,
                   SettleForm *form)
{
  gtk_window_destroy (GTK_WINDOW (form->window));
}

SettleForm *
settle_form_new (GtkWidget         *parent,
                 SettleBook        *book,
                 const char        *name,
                 const char        *title,
                 const char        *confirm_label,
                 gboolean           destructive,
                 SettleFormConfirm  on_confirm,
                 gpointer           user_data,
                 GDestroyNotify     destroy)
{
  SettleForm *form = g_new0 (SettleForm, 1);
  GtkWidget *box, *header, *cancel, *scrolled, *clamp;
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  form->book = g_object_ref (book);
  form->on_confirm = on_confirm;
  form->user_data = user_data;
  form->destroy = destroy;

  form->window = adw_window_new ();
  gtk_widget_set_name (form->window, name);
  gtk_window_set_title (GTK_WINDOW (form->window), title);
  gtk_window_set_modal (GTK_WINDOW (form->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (form->window), 480, -1);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (form->window), GTK_WINDOW (root));
  g_object_set_data_full (G_OBJECT (form->window), "settle-form", form, (GDestroyNotify) form_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_name (cancel, "cancel");
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), form);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  form->confirm = gtk_button_new_with_mnemonic (confirm_label);
  gtk_widget_set_name (form->confirm, "confirm");
  gtk_widget_add_css_class (form->confirm, destructive ? "destructive-action" : "suggested-action");
  g_signal_connect (form->confirm, "clicked", G_CALLBACK (confirm_clicked_cb), form);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), form->confirm);
  gtk_window_set_default_widget (GTK_WINDOW (form->window), form->confirm);
  gtk_box_append (GTK_BOX (box), header);

  form->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_start (GTK_WIDGET (form->content), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (form->content), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (form->content), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (form->content), 18);
  form->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_box_append (form->content, GTK_WIDGET (form->group));
  form->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (form->error_label), "error");
  gtk_label_set_wrap (form->error_label, TRUE);
  gtk_label_set_xalign (form->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (form->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (form->error_label), FALSE);
  gtk_box_append (form->content, GTK_WIDGET (form->error_label));

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (form->content));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (form->window), box);
  return form;
}

void
settle_form_present (SettleForm *form)
{
  gtk_window_present (GTK_WINDOW (form->window));
}

/* Typing in a field takes its error away; live checks set it again. */
static void
entry_changed_cb (GtkWidget  *row,
                  GParamSpec *pspec,
                  SettleForm *form)
{
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (form->error_label), FALSE);
}

GtkWidget *
settle_form_add_entry (SettleForm *form,
                       const char *name,
                       const char *title,
                       const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "notify::text", G_CALLBACK (entry_changed_cb), form);
  adw_preferences_group_add (form->group, row);
  return row;
}

GtkWidget *
settle_form_add_combo (SettleForm        *form,
                       const char        *name,
                       const char        *title,
                       const char *const *items,
                       guint              selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (form->group, row);
  return row;
}

GtkWidget *
settle_form_add_switch (SettleForm *form,
                        const char *name,
                        const char *title,
                        const char *subtitle,
                        gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (sw, name);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (form->group, row);
  return sw;
}

void
settle_form_add_note (SettleForm *form,
                      const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_insert_child_after (form->content, label, GTK_WIDGET (form->error_label));
}

static void
clear_error_style (GtkWidget *widget)
{
  gtk_widget_remove_css_class (widget, "error");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    clear_error_style (child);
}

void
settle_form_clear_errors (SettleForm *form)
{
  clear_error_style (GTK_WIDGET (form->group));
  gtk_widget_set_visible (GTK_WIDGET (form->error_label), FALSE);
}

void
settle_form_set_error (SettleForm *form,
                       GtkWidget  *field,
                       const char *message)
{
  if (field != NULL)
    gtk_widget_add_css_class (field, "error");
  gtk_label_set_label (form->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (form->error_label), TRUE);
}

const char *
settle_form_text (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
field_error (GtkWidget  *entry,
             GError    **error,
             const char *message)
{
  gtk_widget_add_css_class (entry, "error");
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return FALSE;
}

gboolean
settle_form_parse_date (GtkWidget  *entry,
                        const char *field,
                        GDate      *date,
                        GError    **error)
{
  g_autofree char *text = g_strstrip (g_strdup (settle_form_text (entry)));
  g_autofree char *message = NULL;

  if (settle_date_parse (text, date))
    return TRUE;
  /* Translators: %s is a field ("Date"). */
  message = g_strdup_printf (_("%s: enter a date as YYYY-MM-DD."), field);
  return field_error (entry, error, message);
}

gboolean
settle_form_parse_money (GtkWidget  *entry,
                         const char *field,
                         const char *currency,
                         gboolean    allow_empty,
                         gint64     *amount,
                         GError    **error)
{
  g_autofree char *text = g_strstrip (g_strdup (settle_form_text (entry)));
  g_autoptr(GError) local = NULL;
  g_autofree char *message = NULL;
  SettleMoney m;

  *amount = 0;
  if (*text == '\0' && allow_empty)
    return TRUE;
  if (*text == '\0')
    /* Translators: %s is a field ("Amount"). */
    message = g_strdup_printf (_("%s: enter an amount."), field);
  else if (!settle_money_parse (text, currency, &m, &local))
    /* Translators: a field ("NSF fee") and why its amount was refused. */
    message = g_strdup_printf (_("%s: %s"), field, local->message);
  else if (m.amount < 0)
    /* Translators: %s is a field ("Amount"). */
    message = g_strdup_printf (_("%s: the amount cannot be negative."), field);
  else
    {
      *amount = m.amount;
      return TRUE;
    }
  return field_error (entry, error, message);
}

gboolean
settle_form_parse_rate (GtkWidget  *entry,
                        const char *field,
                        int        *rate_bp,
                        GError    **error)
{
  g_autofree char *text = g_strstrip (g_strdup (settle_form_text (entry)));
  g_autofree char *message = NULL;
  gint64 value = 0;
  size_t len = strlen (text);

  if (len > 0 && text[len - 1] == '%')
    {
      text[len - 1] = '\0';
      g_strstrip (text);
    }
  *rate_bp = 0;
  if (*text == '\0')
    return TRUE;
  if (settle_parse_fixed (text, 2, &value, NULL) && value >= 0 && value <= 1000000)
    {
      *rate_bp = (int) value;
      return TRUE;
    }
  /* Translators: %s is a field ("Rate"). */
  message = g_strdup_printf (_("%s: enter a percentage such as 1.5."), field);
  return field_error (entry, error, message);
}

gboolean
settle_form_parse_int (GtkWidget  *entry,
                       const char *field,
                       int         min,
                       int         max,
                       int        *value,
                       GError    **error)
{
  g_autofree char *text = g_strstrip (g_strdup (settle_form_text (entry)));
  g_autofree char *message = NULL;
  gint64 parsed = 0;

  if (*text == '\0' && min <= 0)
    {
      *value = 0;
      return TRUE;
    }
  if (g_ascii_string_to_signed (text, 10, min, max, &parsed, NULL))
    {
      *value = (int) parsed;
      return TRUE;
    }
  /* Translators: a field ("Grace days") and the whole numbers it accepts. */
  message = g_strdup_printf (_("%s: enter a whole number from %d to %d."), field, min, max);
  return field_error (entry, error, message);
}
