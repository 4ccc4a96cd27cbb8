/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-agreement-editor.h"
#include "settle-agreement-row.h"
#include "settle-client-detail.h"
#include "settle-terms.h"
#include "settle-client-timeline.h"
#include "settle-client.h"
#include "settle-format.h"
#include "settle-project-editor.h"
#include "settle-project.h"
#include "settle-save-chooser.h"
#include "settle-statement-export.h"

struct _SettleClientDetail
{
  AdwBin      parent_instance;

  SettleBook *book;
  gulong      changed_id;
  SettleId    client_id;

  GtkStack   *stack;
  GtkLabel   *name_label;
  GtkLabel   *hold_label;
  GtkWidget  *email_warning;
  GtkLabel   *email_warning_label;
  GtkLabel   *balance_label;
  GtkLabel   *credit_label;
  GtkGrid    *facts_grid;
  GtkLabel   *notes_label;
  GtkButton  *statement_button;
  GtkButton  *new_agreement_button;
  GtkListBox *agreements_list;
  GtkButton  *new_project_button;
  GtkListBox *projects_list;
  SettleClientTimeline *timeline;

  GDate       statement_from;    /* the range asked for, while the file is chosen */
  GDate       statement_to;
  GHashTable *milestone_buttons; /* SettleId* -> GtkButton* (unowned), the open milestones */
  char       *client_name;
};

G_DEFINE_FINAL_TYPE (SettleClientDetail, settle_client_detail, ADW_TYPE_BIN)

enum {
  SIGNAL_STATEMENT_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_toast (SettleClientDetail *self,
           AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static void
reload_agreements (SettleClientDetail *self,
                   const GDate        *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agreements = NULL;

  clear_list (self->agreements_list);
  agreements = settle_agreement_list (self->book, self->client_id, &error);
  if (agreements == NULL)
    {
      g_warning ("Cannot list the agreements of client %" G_GINT64_FORMAT ": %s",
                 self->client_id, error->message);
      return;
    }
  for (guint i = 0; i < agreements->len; i++)
    gtk_list_box_append (self->agreements_list,
                         settle_agreement_row_new (g_ptr_array_index (agreements, i), today));
}

static void
complete_clicked_cb (GtkButton          *button,
                     SettleClientDetail *self)
{
  SettleId milestone_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                "settle-milestone-id"));

  settle_client_detail_complete_milestone (self, milestone_id, NULL);
}

static void
edit_project_clicked_cb (GtkButton          *button,
                         SettleClientDetail *self)
{
  SettleId project_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                              "settle-project-id"));
  g_autoptr(GError) error = NULL;
  SettleProjectEditor *editor;

  editor = settle_project_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      self->book, self->client_id, project_id, &error);
  if (editor == NULL)
    add_toast (self, adw_toast_new (error->message));
  else
    gtk_window_present (GTK_WINDOW (editor));
}

static GtkWidget *
milestone_row_new (SettleClientDetail    *self,
                   const SettleProject   *project,
                   const SettleMilestone *milestone)
{
  g_autofree char *amount = settle_format_money (milestone->amount, project->currency);
  g_autofree char *title = g_markup_escape_text (milestone->name, -1);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (g_date_valid (&milestone->completed_on))
    {
      g_autofree char *done = settle_format_date_long (&milestone->completed_on);
      GtkWidget *pill = gtk_label_new (_("Completed"));

      /* Translators: the milestone's amount, then the day it was completed. */
      subtitle = g_strdup_printf (_("%s · completed %s"), amount, done);
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pill, "status-pill");
      gtk_widget_add_css_class (pill, "success");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Complete"));
      g_autofree char *accessible = NULL;

      if (g_date_valid (&milestone->due_date))
        {
          g_autofree char *due = settle_format_date_long (&milestone->due_date);

          /* Translators: the milestone's amount, then its due date. */
          subtitle = g_strdup_printf (_("%s · due %s"), amount, due);
        }
      else
        subtitle = g_strdup (amount);

      /* Translators: %s is the milestone's name. */
      accessible = g_strdup_printf (_("Complete “%s” and draft its invoice"), milestone->name);
      gtk_widget_set_tooltip_text (button, _("Mark as done and draft its invoice"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "settle-milestone-id",
                         GSIZE_TO_POINTER ((gsize) milestone->id));
      g_signal_connect (button, "clicked", G_CALLBACK (complete_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_hash_table_insert (self->milestone_buttons, g_memdup2 (&milestone->id, sizeof (SettleId)),
                           button);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
reload_projects (SettleClientDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;

  clear_list (self->projects_list);
  g_hash_table_remove_all (self->milestone_buttons);
  projects = settle_project_list (self->book, self->client_id, &error);
  if (projects == NULL)
    {
      g_warning ("Cannot list the projects of client %" G_GINT64_FORMAT ": %s",
                 self->client_id, error->message);
      return;
    }

  for (guint i = 0; i < projects->len; i++)
    {
      const SettleProject *project = g_ptr_array_index (projects, i);
      g_autofree char *title = g_markup_escape_text (project->name, -1);
      g_autofree char *budget = settle_format_money (project->budget, project->currency);
      g_autofree char *subtitle = NULL;
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *edit;
      gint64 invoiced = 0, remaining = 0;
      gboolean open = FALSE;

      if (!settle_project_get_invoiced (self->book, project->id, &invoiced, &remaining, &error))
        {
          g_warning ("Cannot total project %" G_GINT64_FORMAT ": %s", project->id,
                     error->message);
          g_clear_error (&error);
        }
      {
        g_autofree char *done = settle_format_money (invoiced, project->currency);
        g_autofree char *left = settle_format_money (ABS (remaining), project->currency);

        if (remaining >= 0)
          /* Translators: budget, amount invoiced, amount left of the budget. */
          subtitle = g_strdup_printf (_("Budget %s · invoiced %s · %s left"), budget, done, left);
        else
          /* Translators: budget, amount invoiced, amount over the budget. */
          subtitle = g_strdup_printf (_("Budget %s · invoiced %s · %s over"), budget, done, left);
      }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, _("Edit Project"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit project"), -1);
      g_object_set_data (G_OBJECT (edit), "settle-project-id",
                         GSIZE_TO_POINTER ((gsize) project->id));
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_project_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), edit);

      for (guint j = 0; j < project->milestones->len; j++)
        {
          const SettleMilestone *milestone = g_ptr_array_index (project->milestones, j);

          open |= !g_date_valid (&milestone->completed_on);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    milestone_row_new (self, project, milestone));
        }
      /* What is left to do is what people come here for. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), open);
      gtk_list_box_append (self->projects_list, expander);
    }
}

static void
add_fact (SettleClientDetail *self,
          int                *row,
          const char         *caption,
          const char         *value)
{
  GtkWidget *caption_label;
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return;

  caption_label = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_yalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (caption_label, "dim-label");

  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption_label, NULL,
                                  -1);

  gtk_grid_attach (self->facts_grid, caption_label, 0, *row, 1, 1);
  gtk_grid_attach (self->facts_grid, value_label, 1, *row, 1, 1);
  (*row)++;
}

/* The dunning run skips the emails of a client whose address the outbox would
 * refuse (settle-dunning-run.c); say so where the client is looked at. */
static void
show_email_warning (SettleClientDetail *self,
                    const char         *email)
{
  g_autofree char *text = NULL;

  if (email == NULL || *email == '\0')
    text = g_strdup (_("Reminders cannot be emailed: the client has no email address"));
  else if (!settle_email_is_valid (email))
    /* Translators: %s is the client's email address as stored. */
    text = g_strdup_printf (_("Reminders cannot be emailed: the address “%s” is not valid"),
                            email);
  gtk_widget_set_visible (self->email_warning, text != NULL);
  gtk_label_set_label (self->email_warning_label, text != NULL ? text : "");
}

static void
reload (SettleClientDetail *self)
{
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *region = NULL;
  GtkWidget *child;
  GDate today;
  int row = 0;

  if (self->book == NULL || self->client_id == SETTLE_ID_NONE)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      settle_client_timeline_show_client (self->timeline, SETTLE_ID_NONE);
      return;
    }

  client = settle_client_load (self->book, self->client_id, &error);
  if (client == NULL)
    {
      if (!g_error_matches (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND))
        g_warning ("Cannot load client %" G_GINT64_FORMAT ": %s", self->client_id,
                   error->message);
      self->client_id = SETTLE_ID_NONE;
      gtk_label_set_label (self->name_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      settle_client_timeline_show_client (self->timeline, SETTLE_ID_NONE);
      return;
    }

  g_free (self->client_name);
  self->client_name = g_strdup (client->name);
  gtk_label_set_label (self->name_label, client->name);
  gtk_widget_set_visible (GTK_WIDGET (self->hold_label), client->on_hold);
  show_email_warning (self, client->email);
  balance = settle_format_money (client->balance, client->currency);
  credit = settle_format_money (client->credit, client->currency);
  gtk_label_set_label (self->balance_label, balance);
  gtk_label_set_label (self->credit_label, credit);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);

  {
    SettleTerms client_terms;

    /* The client's own terms, or the book's default: what its invoices will get. */
    if (settle_terms_for_client (self->book, client->id, &client_terms, NULL))
      terms = settle_terms_describe (&client_terms);
  }
  if (client->state != NULL && *client->state != '\0' && client->country != NULL)
    region = g_strdup_printf ("%s, %s", client->state, client->country);
  else
    region = g_strdup (client->country);

  add_fact (self, &row, _("Contact"), client->contact_name);
  add_fact (self, &row, _("Email"), client->email);
  add_fact (self, &row, _("Phone"), client->phone);
  add_fact (self, &row, _("Address"), client->address);
  add_fact (self, &row, _("Region"), region);
  add_fact (self, &row, _("Terms"), terms);
  add_fact (self, &row, _("Currency"), client->currency);
  add_fact (self, &row, _("Tax ID"), client->tax_id);

  gtk_label_set_label (self->notes_label, client->notes != NULL ? client->notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label),
                          client->notes != NULL && *client->notes != '\0');

  settle_today (&today);
  reload_agreements (self, &today);
  reload_projects (self);
  settle_client_timeline_show_client (self->timeline, self->client_id);
  gtk_stack_set_visible_child_name (self->stack, "client");
}

static void
book_changed_cb (SettleClientDetail *self)
{
  reload (self);
}

static GtkWindow *
parent_window (SettleClientDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_agreement_editor (SettleClientDetail *self,
                       SettleId            agreement_id)
{
  g_autoptr(GError) error = NULL;
  SettleAgreementEditor *editor;

  if (self->book == NULL || self->client_id == SETTLE_ID_NONE)
    return;
  editor = settle_agreement_editor_new (parent_window (self), self->book, self->client_id,
                                        agreement_id, &error);
  if (editor == NULL)
    add_toast (self, adw_toast_new (error->message));
  else
    gtk_window_present (GTK_WINDOW (editor));
}

static void
new_agreement_clicked_cb (SettleClientDetail *self)
{
  open_agreement_editor (self, SETTLE_ID_NONE);
}

static void
agreement_activated_cb (SettleClientDetail *self,
                        GtkListBoxRow      *row)
{
  if (SETTLE_IS_AGREEMENT_ROW (row))
    open_agreement_editor (self, settle_agreement_row_get_agreement_id (SETTLE_AGREEMENT_ROW (row)));
}

static void
new_project_clicked_cb (SettleClientDetail *self)
{
  g_autoptr(GError) error = NULL;
  SettleProjectEditor *editor;

  if (self->book == NULL || self->client_id == SETTLE_ID_NONE)
    return;
  editor = settle_project_editor_new (parent_window (self), self->book, self->client_id, 0,
                                      &error);
  if (editor == NULL)
    add_toast (self, adw_toast_new (error->message));
  else
    gtk_window_present (GTK_WINDOW (editor));
}

typedef struct
{
  SettleClientDetail *self;
  char               *path;
} StatementData;

static void
open_file_cb (AdwToast *toast,
              GtkWidget *widget)
{
  const char *path = g_object_get_data (G_OBJECT (toast), "settle-path");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
statement_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  StatementData *data = user_data;
  g_autoptr(SettleClientDetail) self = data->self;
  g_autofree char *path = data->path;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_free (data);

  if (!settle_statement_export_finish (result, &error))
    {
      /* Translators: %s is the file name, then why it failed. */
      title = g_strdup_printf (_("Cannot save “%s”: %s"), name, error->message);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
    }
  else
    {
      /* Translators: %s is the file name. */
      title = g_strdup_printf (_("Statement saved as “%s”"), name);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "settle-path", g_strdup (path), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_file_cb), self, 0);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (self, toast);
  if (error == NULL)
    g_signal_emit (self, signals[SIGNAL_STATEMENT_SAVED], 0, path);
}

void
settle_client_detail_export_statement_to (SettleClientDetail *self,
                                          const char         *path,
                                          const GDate        *from,
                                          const GDate        *to)
{
  StatementData *data;
  GDate today, default_from, default_to;

  g_return_if_fail (SETTLE_IS_CLIENT_DETAIL (self));
  g_return_if_fail (path != NULL);

  if (self->book == NULL || self->client_id == SETTLE_ID_NONE)
    return;

  settle_today (&today);
  settle_statement_default_range (&today, &default_from, &default_to);
  data = g_new0 (StatementData, 1);
  data->self = g_object_ref (self);
  data->path = g_strdup (path);
  settle_statement_export_async (self->book, self->client_id,
                                 from != NULL ? from : &default_from,
                                 to != NULL ? to : &default_to,
                                 path, NULL, statement_done, data);
}

static void
statement_chosen (GtkWidget  *owner,
                  const char *path,
                  gpointer    user_data)
{
  SettleClientDetail *self = SETTLE_CLIENT_DETAIL (owner);

  settle_client_detail_export_statement_to (self, path, &self->statement_from,
                                            &self->statement_to);
}

static void
choose_statement_file (SettleClientDetail *self)
{
  g_autofree char *name = NULL;
  g_autofree char *iso = NULL;

  iso = settle_date_to_iso (&self->statement_to);
  /* Translators: the suggested file name: client name and the statement's last day. */
  name = g_strdup_printf (_("Statement %s %s.pdf"), self->client_name, iso);
  g_strdelimit (name, "/\\", '-');
  settle_save_chooser_show (GTK_WIDGET (self), _("Save Statement as PDF"), _("_Save"),
                            SETTLE_SAVE_PDF, name, statement_chosen, NULL, NULL);
}

static void
range_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   SettleClientDetail *self)
{
  if (g_str_equal (response, "save")
      && settle_statement_range_dialog_get_range (dialog, &self->statement_from,
                                                  &self->statement_to)
      && self->book != NULL && self->client_id != SETTLE_ID_NONE)
    choose_statement_file (self);
}

static void
statement_clicked_cb (SettleClientDetail *self)
{
  AdwMessageDialog *dialog;
  GDate today;

  if (self->book == NULL || self->client_id == SETTLE_ID_NONE)
    return;

  settle_today (&today);
  dialog = settle_statement_range_dialog_new (parent_window (self), self->client_name, &today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (range_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

SettleId
settle_client_detail_complete_milestone (SettleClientDetail *self,
                                         SettleId            milestone_id,
                                         GError            **error)
{
  g_autoptr(GError) local = NULL;
  SettleId invoice_id;
  AdwToast *toast;
  GDate today;

  g_return_val_if_fail (SETTLE_IS_CLIENT_DETAIL (self), SETTLE_ID_NONE);
  g_return_val_if_fail (self->book != NULL, SETTLE_ID_NONE);

  settle_today (&today);
  invoice_id = settle_milestone_complete (self->book, milestone_id, &today, &local);
  if (invoice_id == SETTLE_ID_NONE)
    {
      toast = adw_toast_new (local->message);
      adw_toast_set_timeout (toast, 0);
      add_toast (self, toast);
      g_propagate_error (error, g_steal_pointer (&local));
      return SETTLE_ID_NONE;
    }
  add_toast (self, adw_toast_new (_("Draft invoice made")));
  settle_book_notify_changed (self->book);
  return invoice_id;
}

GtkWidget *
settle_client_detail_get_milestone_button (SettleClientDetail *self,
                                           SettleId            milestone_id)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_DETAIL (self), NULL);
  return g_hash_table_lookup (self->milestone_buttons, &milestone_id);
}

static void
settle_client_detail_dispose (GObject *object)
{
  SettleClientDetail *self = SETTLE_CLIENT_DETAIL (object);

  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_clear_object (&self->book);
  if (self->milestone_buttons != NULL)
    g_hash_table_remove_all (self->milestone_buttons);

  G_OBJECT_CLASS (settle_client_detail_parent_class)->dispose (object);
}

static void
settle_client_detail_finalize (GObject *object)
{
  SettleClientDetail *self = SETTLE_CLIENT_DETAIL (object);

  g_clear_pointer (&self->milestone_buttons, g_hash_table_unref);
  g_free (self->client_name);

  G_OBJECT_CLASS (settle_client_detail_parent_class)->finalize (object);
}

static void
settle_client_detail_class_init (SettleClientDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_client_detail_dispose;
  object_class->finalize = settle_client_detail_finalize;

  /* A statement was written to the path (the argument), after the toast. */
  signals[SIGNAL_STATEMENT_SAVED] = g_signal_new ("statement-saved", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SETTLE_TYPE_CLIENT_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-client-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, hold_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, email_warning);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, email_warning_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, timeline);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, balance_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, credit_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, notes_label);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, statement_button);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, new_agreement_button);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, agreements_list);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, new_project_button);
  gtk_widget_class_bind_template_child (widget_class, SettleClientDetail, projects_list);
  gtk_widget_class_bind_template_callback (widget_class, statement_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_agreement_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, agreement_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_project_clicked_cb);
}

static void
settle_client_detail_init (SettleClientDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->milestone_buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_list_box_set_placeholder (self->agreements_list,
                                placeholder_new (_("No recurring agreements")));
  gtk_list_box_set_placeholder (self->projects_list, placeholder_new (_("No projects")));
}

void
settle_client_detail_set_book (SettleClientDetail *self,
                               SettleBook         *book)
{
  g_return_if_fail (SETTLE_IS_CLIENT_DETAIL (self));
  g_return_if_fail (book == NULL || SETTLE_IS_BOOK (book));

  if (self->book == book)
    return;
  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_set_object (&self->book, book);
  if (book != NULL)
    self->changed_id = g_signal_connect_object (book, "changed", G_CALLBACK (book_changed_cb),
                                                self, G_CONNECT_SWAPPED);
  self->client_id = SETTLE_ID_NONE;
  settle_client_timeline_set_book (self->timeline, book);
  reload (self);
}

void
settle_client_detail_show_client (SettleClientDetail *self,
                                  SettleId            client_id)
{
  g_return_if_fail (SETTLE_IS_CLIENT_DETAIL (self));

  if (self->client_id == client_id)
    return;
  self->client_id = client_id;
  reload (self);
}

SettleId
settle_client_detail_get_client_id (SettleClientDetail *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_DETAIL (self), SETTLE_ID_NONE);
  return self->client_id;
}

const char *
settle_client_detail_get_title (SettleClientDetail *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_DETAIL (self), NULL);
  return gtk_label_get_label (self->name_label);
}

SettleClientTimeline *
settle_client_detail_get_timeline (SettleClientDetail *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_DETAIL (self), NULL);
  return self->timeline;
}

GtkWidget *
settle_client_detail_get_email_warning (SettleClientDetail *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_DETAIL (self), NULL);
  return self->email_warning;
}
