/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-reconcile-suggestion-row.h"

char *
settle_reconcile_suggestion_title (const SettleMatchSuggestion *s)
{
  GString *numbers;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (s != NULL, NULL);

  numbers = g_string_new (NULL);

  for (guint i = 0; s->allocations != NULL && i < s->allocations->len; i++)
    {
      const SettleMatchAllocation *a = &g_array_index (s->allocations, SettleMatchAllocation, i);

      if (numbers->len > 0)
        g_string_append (numbers, ", ");
      g_string_append (numbers, a->number);
    }
  joined = g_string_free (numbers, FALSE);

  switch (s->kind)
    {
    case SETTLE_MATCH_PAYOUT:
      /* Translators: a processor payout, "Payout of 14 charges". */
      return g_strdup_printf (ngettext ("Payout of %u charge", "Payout of %u charges",
                                        s->charge_ids != NULL ? s->charge_ids->len : 0),
                              s->charge_ids != NULL ? s->charge_ids->len : 0);
    case SETTLE_MATCH_PAYMENT:
      /* Translators: "Acme Corp: payment already recorded". */
      return g_strdup_printf (_("%s: payment already recorded"),
                              s->client_name != NULL ? s->client_name : "");
    case SETTLE_MATCH_INVOICES:
    default:
      /* Translators: "Acme Corp: INV-0042, INV-0043". */
      return g_strdup_printf (_("%s: %s"), s->client_name != NULL ? s->client_name : "", joined);
    }
}

GtkWidget *
settle_reconcile_suggestion_row_new (const SettleMatchSuggestion *s,
                                     guint                        n)
{
  g_autofree char *name = g_strdup_printf ("suggestion-%u", n);
  g_autofree char *title = settle_reconcile_suggestion_title (s);
  g_autofree char *key = g_strdup_printf ("%u", n);
  g_autofree char *score = g_strdup_printf ("%d", s->score);
  /* Translators: accessible text of a suggestion's score bar, "Score 92 of 100". */
  g_autofree char *score_text = g_strdup_printf (_("Score %d of 100"), s->score);
  /* Translators: the accessible name of suggestion N's accept button. */
  g_autofree char *accept_text = g_strdup_printf (_("Accept suggestion %u"), n);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *score_label = gtk_label_new (score);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
  GtkWidget *accept = gtk_button_new_with_label (_("Accept"));

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->reasons != NULL ? s->reasons : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_widget_add_css_class (key_label, "numeric");
  gtk_widget_set_tooltip_text (key_label, _("Press this number to accept"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), key_label);

  gtk_widget_set_name (score_label, "score");
  gtk_widget_add_css_class (score_label, "numeric");
  gtk_widget_add_css_class (score_label, "caption-heading");
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (s->score, 0, 100));
  gtk_widget_set_size_request (bar, 56, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, score_text,
                                  -1);
  gtk_widget_set_tooltip_text (box, score_text);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), score_label);
  gtk_box_append (GTK_BOX (box), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  gtk_widget_set_name (accept, "accept");
  gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (accept), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accept_text, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "reconcile.accept");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (accept), "u", n);
  if (n == 1)
    gtk_widget_add_css_class (accept, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
  return row;
}
