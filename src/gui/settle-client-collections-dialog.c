/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-client-collections-dialog.h"
#include "settle-client.h"
#include "settle-collections-preferences.h"
#include "settle-dunning.h"
#include "settle-invoice-collections.h"
#include "settle-late-fee-store.h"
#include "settle-payment-actions-private.h"

typedef struct
{
  SettleForm          *form;
  SettleId             client_id;
  char                 currency[4];
  SettleDunningLadder *ladder;  /* the client's, else a copy of the book's */
  GtkWidget           *opt_out;
  GtkWidget           *own_ladder;
  GPtrArray           *offsets; /* GtkWidget* entry rows, one per step */
  GtkWidget           *fee_mode;
  GtkWidget           *fee_policy;
  GtkWidget           *fee_sentence;
} ClientData;

static void
client_data_free (ClientData *d)
{
  g_clear_pointer (&d->ladder, settle_dunning_ladder_free);
  g_clear_pointer (&d->offsets, g_ptr_array_unref);
  g_free (d);
}

/* The ladder with the typed offsets; NULL with a message naming the step. */
static SettleDunningLadder *
read_ladder (ClientData *d,
             GError    **error)
{
  g_autoptr(SettleDunningLadder) ladder = settle_dunning_ladder_new ();

  for (guint i = 0; i < settle_dunning_ladder_get_n_steps (d->ladder); i++)
    {
      const SettleDunningStep *step = settle_dunning_ladder_get_step (d->ladder, i);
      GtkWidget *entry = g_ptr_array_index (d->offsets, i);
      g_autofree char *field = g_strdup_printf (_("Step %u, days after due"), i + 1);
      int offset = 0;

      if (!settle_form_parse_int (entry, field, -365, 3650, &offset, error))
        return NULL;
      settle_dunning_ladder_add_step (ladder, offset, step->channel, step->template_id, step->fee,
                                      step->action);
    }
  if (!settle_dunning_ladder_validate (ladder, error))
    return NULL;
  return g_steal_pointer (&ladder);
}

static gboolean
read_fee (ClientData          *d,
          char               **text,
          GError             **error)
{
  guint mode = adw_combo_row_get_selected (ADW_COMBO_ROW (d->fee_mode));
  g_autofree char *typed = g_strstrip (g_strdup (settle_form_text (d->fee_policy)));
  SettleLateFeePolicy p;

  gtk_widget_set_visible (d->fee_policy, mode == 2);
  *text = NULL;
  if (mode == 0)
    return TRUE;
  if (mode == 1)
    {
      *text = g_strdup ("");
      return TRUE;
    }
  if (!settle_late_fee_policy_parse (typed, &p, error))
    {
      gtk_widget_add_css_class (d->fee_policy, "error");
      g_prefix_error (error, _("Late-fee policy: "));
      return FALSE;
    }
  *text = settle_late_fee_policy_to_string (&p);
  return TRUE;
}

static void
update (ClientData *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleDunningLadder) ladder = NULL;
  g_autofree char *fee = NULL;
  gboolean own = gtk_switch_get_active (GTK_SWITCH (d->own_ladder));
  gboolean ok = TRUE;

  settle_form_clear_errors (d->form);
  for (guint i = 0; i < d->offsets->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (d->offsets, i), own);
  if (own && (ladder = read_ladder (d, &error)) == NULL)
    ok = FALSE;
  if (ok && !read_fee (d, &fee, &error))
    ok = FALSE;
  gtk_label_set_label (GTK_LABEL (d->fee_sentence), "");
  if (ok && fee != NULL && *fee != '\0')
    {
      SettleLateFeePolicy p;
      g_autofree char *sentence = NULL;

      if (settle_late_fee_policy_parse (fee, &p, NULL))
        sentence = settle_late_fee_policy_sentence (&p, d->currency);
      gtk_label_set_label (GTK_LABEL (d->fee_sentence), sentence != NULL ? sentence : "");
    }
  if (!ok)
    settle_form_set_error (d->form, NULL, error->message);
  gtk_widget_set_sensitive (d->form->confirm, ok);
}

static void
changed_cb (GObject    *object,
            GParamSpec *pspec,
            ClientData *d)
{
  update (d);
}

static gboolean
client_confirm (SettleForm *form,
                gpointer    user_data,
                GError    **error)
{
  ClientData *d = user_data;
  g_autoptr(SettleDunningLadder) ladder = NULL;
  g_autofree char *fee = NULL;
  gboolean own = gtk_switch_get_active (GTK_SWITCH (d->own_ladder));

  /* Everything is checked before anything is written. */
  if (own && (ladder = read_ladder (d, error)) == NULL)
    return FALSE;
  if (ladder != NULL && !settle_dunning_ladder_check (form->book, ladder, error))
    return FALSE;
  if (!read_fee (d, &fee, error))
    return FALSE;
  /* All three or none. */
  if (!settle_book_begin (form->book, error))
    return FALSE;
  if (!settle_dunning_set_client_opt_out (form->book, d->client_id,
                                          gtk_switch_get_active (GTK_SWITCH (d->opt_out)), error)
      || !settle_dunning_set_client_ladder (form->book, d->client_id, ladder, error)
      || !settle_late_fee_store_set_client (form->book, d->client_id, fee, error))
    {
      settle_book_rollback (form->book);
      return FALSE;
    }
  return settle_book_commit (form->book, error);
}

GtkWidget *
settle_client_collections_dialog_new (GtkWindow  *parent,
                                      SettleBook *book,
                                      SettleId    client_id)
{
  const char *modes[] = { _("The book's policy"), _("No late fees"), _("Own policy"), NULL };
  g_autoptr(SettleClient) client = settle_client_load (book, client_id, NULL);
  ClientData *d = g_new0 (ClientData, 1);
  g_autofree char *ladder_text = NULL;
  g_autofree char *fee_text = NULL;
  g_autofree char *book_fee = settle_late_fee_store_get_default (book);
  gboolean opt_out = FALSE;
  GtkWidget *group;

  d->client_id = client_id;
  d->offsets = g_ptr_array_new ();
  if (client != NULL)
    g_strlcpy (d->currency, client->currency, sizeof d->currency);
  settle_client_get_collections (book, client_id, &opt_out, &ladder_text, &fee_text, NULL);
  if (ladder_text != NULL)
    d->ladder = settle_dunning_ladder_parse (ladder_text, NULL);
  if (d->ladder == NULL)
    d->ladder = settle_dunning_ladder_load (book, NULL);
  if (d->ladder == NULL)
    d->ladder = settle_dunning_ladder_new_default ();

  d->form = settle_form_new (parent != NULL ? GTK_WIDGET (parent) : NULL, book, "client-collections",
                             _("Client Reminders & Fees"), _("_Save"), FALSE, client_confirm, d,
                             (GDestroyNotify) client_data_free);
  gtk_window_set_default_size (GTK_WINDOW (d->form->window), 520, 720);
  adw_preferences_group_set_title (d->form->group, client != NULL ? client->name : "");
  d->opt_out = settle_form_add_switch (d->form, "opt-out", _("No reminders"),
                                       _("The client opted out of reminder emails and letters"), opt_out);
  d->own_ladder = settle_form_add_switch (d->form, "own-ladder", _("Own reminder schedule"),
                                          _("Otherwise the book's schedule applies"), ladder_text != NULL);
  d->fee_mode = settle_form_add_combo (d->form, "late-fee", _("Late fees"), modes,
                                       fee_text == NULL ? 0 : *fee_text == '\0' ? 1 : 2);
  d->fee_policy = settle_form_add_entry (d->form, "late-fee-policy", _("Policy (percent:150;grace:5;freq:monthly)"),
                                         fee_text != NULL && *fee_text != '\0' ? fee_text
                                         : book_fee != NULL ? book_fee : "flat:2500");
  d->fee_sentence = gtk_label_new (NULL);
  gtk_widget_set_name (d->fee_sentence, "late-fee-summary");
  gtk_label_set_wrap (GTK_LABEL (d->fee_sentence), TRUE);
  gtk_label_set_xalign (GTK_LABEL (d->fee_sentence), 0);
  gtk_box_insert_child_after (d->form->content, d->fee_sentence, GTK_WIDGET (d->form->group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Reminder Schedule"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Days after the due date (negative = before) of each step."));
  for (guint i = 0; i < settle_dunning_ladder_get_n_steps (d->ladder); i++)
    {
      const SettleDunningStep *step = settle_dunning_ladder_get_step (d->ladder, i);
      g_autofree char *name = g_strdup_printf ("offset-%u", i + 1);
      /* Translators: a reminder step: number, channel and template ("Step 2: Email · polite"). */
      g_autofree char *title = g_strdup_printf (_("Step %u: %s · %s"), i + 1,
                                                settle_dunning_channel_label (step->channel),
                                                step->template_id);
      g_autofree char *offset = g_strdup_printf ("%d", step->offset_days);
      GtkWidget *row = adw_entry_row_new ();

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), offset);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (d->offsets, row);
      g_signal_connect (row, "notify::text", G_CALLBACK (changed_cb), d);
    }
  gtk_box_append (d->form->content, group);

  g_signal_connect (d->own_ladder, "notify::active", G_CALLBACK (changed_cb), d);
  g_signal_connect (d->fee_mode, "notify::selected", G_CALLBACK (changed_cb), d);
  g_signal_connect (d->fee_policy, "notify::text", G_CALLBACK (changed_cb), d);
  update (d);
  return d->form->window;
}
