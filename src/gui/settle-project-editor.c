/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-client.h"
#include "settle-format.h"
#include "settle-line-rows.h"
#include "settle-money.h"
#include "settle-project-editor.h"
#include "settle-project.h"

struct _SettleProjectEditor
{
  AdwWindow       parent_instance;

  SettleBook     *book;
  SettleProject  *project;   /* as loaded (or new): id, client, currency, milestone ids */
  char           *problem;
  gboolean        touched;
  gboolean        loading;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *budget_row;
  GtkButton      *add_button;
  GtkListBox     *milestones_list;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (SettleProjectEditor, settle_project_editor, ADW_TYPE_WINDOW)

/* One milestone's widgets, kept on its row. */
typedef struct
{
  const SettleMilestone *loaded; /* in self->project, NULL for a new one */
  GtkEntry              *name;
  GtkEntry              *amount;
  GtkEntry              *due;
  GtkButton             *remove;
} MilestoneWidgets;

static void revalidate (SettleProjectEditor *self);

static void
changed_cb (SettleProjectEditor *self)
{
  self->touched = TRUE;
  revalidate (self);
}

static GtkWidget *
milestone_row_new (SettleProjectEditor   *self,
                   const SettleMilestone *milestone)
{
  MilestoneWidgets *mw = g_new0 (MilestoneWidgets, 1);
  GtkWidget *box = settle_line_rows_box (GTK_ORIENTATION_HORIZONTAL);

  mw->name = settle_line_rows_add_entry (box, _("Milestone"), _("Milestone name"), 14, TRUE);
  mw->amount = settle_line_rows_add_entry (box, _("Amount"), _("Milestone amount"), 9, FALSE);
  gtk_entry_set_alignment (mw->amount, 1);
  mw->due = settle_line_rows_add_entry (box, _("Due (YYYY-MM-DD)"), _("Milestone due date"), 11,
                                        FALSE);
  mw->remove = settle_line_rows_add_remove (box, _("Remove Milestone"), _("Remove milestone"));

  if (milestone != NULL)
    {
      SettleMoney money = settle_money_init (milestone->amount, self->project->currency);
      g_autofree char *amount = settle_money_format_number (money);

      mw->loaded = milestone;
      gtk_editable_set_text (GTK_EDITABLE (mw->name), milestone->name);
      gtk_editable_set_text (GTK_EDITABLE (mw->amount), amount);
      settle_line_rows_show_date (GTK_EDITABLE (mw->due), &milestone->due_date);
      if (g_date_valid (&milestone->completed_on))
        {
          gtk_widget_set_sensitive (box, FALSE);
          gtk_widget_set_tooltip_text (box, _("Completed and invoiced: it cannot be changed"));
        }
    }

  settle_line_rows_watch (G_CALLBACK (changed_cb), self, mw->name, mw->amount, mw->due,
                          mw->remove, NULL);
  return settle_line_rows_append (self->milestones_list, box, mw);
}

/* Points *bad at widget and sets message (taken); NULL, for read_project to return. */
static gpointer
problem (GError    **error,
         GtkWidget **bad,
         gpointer    widget,
         char       *message)
{
  *bad = GTK_WIDGET (widget);
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  g_free (message);
  return NULL;
}

static gboolean
parse_amount (const char *text,
              const char *currency,
              gint64     *amount,
              GError    **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  SettleMoney money;

  *amount = 0;
  if (*stripped == '\0')
    return TRUE;
  if (!settle_money_parse (stripped, currency, &money, error))
    return FALSE;
  *amount = money.amount;
  return TRUE;
}

/* The project as the fields say, checked as settle_project_save () will. */
static SettleProject *
read_project (SettleProjectEditor *self,
              GtkWidget          **bad,
              GError             **error)
{
  g_autoptr(SettleProject) project = settle_project_new (self->project->client_id,
                                                         self->project->currency);
  g_autoptr(GError) local = NULL;
  guint n = 0;

  project->id = self->project->id;
  g_free (project->name);
  project->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*project->name == '\0')
    return problem (error, bad, self->name_row, g_strdup (_("Name: a project needs a name")));
  if (!parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->budget_row)), project->currency,
                     &project->budget, &local))
    return problem (error, bad, self->budget_row,
                    g_strdup_printf (_("Budget: %s"), local->message));
  if (project->budget < 0)
    return problem (error, bad, self->budget_row, g_strdup (_("Budget: cannot be negative")));

  for (MilestoneWidgets *mw; (mw = settle_line_rows_nth (self->milestones_list, n)) != NULL;)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (mw->name))));
      g_autofree char *due_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (mw->due))));
      SettleMilestone *milestone;
      gint64 amount;
      GDate due;

      n++;
      g_date_clear (&due, 1);
      if (*name == '\0')
        return problem (error, bad, mw->name,
                        g_strdup_printf (_("Milestone %u: a milestone needs a name"), n));
      if (!parse_amount (gtk_editable_get_text (GTK_EDITABLE (mw->amount)), project->currency,
                         &amount, &local))
        return problem (error, bad, mw->amount,
                        g_strdup_printf (_("Milestone %u, amount: %s"), n, local->message));
      if (amount < 0)
        return problem (error, bad, mw->amount,
                        g_strdup_printf (_("Milestone %u: the amount cannot be negative"), n));
      if (*due_text != '\0' && !settle_date_parse (due_text, &due))
        return problem (error, bad, mw->due,
                        g_strdup_printf (_("Milestone %u, due date: “%s” is not a date; write it "
                                           "as YYYY-MM-DD"), n, due_text));

      milestone = settle_project_add_milestone (project, name, amount,
                                                g_date_valid (&due) ? &due : NULL);
      if (mw->loaded != NULL)
        {
          milestone->id = mw->loaded->id;
          milestone->completed_on = mw->loaded->completed_on;
          milestone->invoice_id = mw->loaded->invoice_id;
        }
    }
  return g_steal_pointer (&project);
}

static void
show_problem (SettleProjectEditor *self,
              GtkWidget           *bad,
              const char          *message)
{
  gboolean show = message != NULL && self->touched;

  g_free (self->problem);
  self->problem = g_strdup (message);
  if (bad != NULL && show)
    settle_line_rows_mark (bad, message);
  gtk_label_set_label (self->error_label, show ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), show);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), message == NULL);
}

static void
clear_marks (SettleProjectEditor *self)
{
  MilestoneWidgets *mw;

  settle_line_rows_unmark (GTK_WIDGET (self->name_row));
  settle_line_rows_unmark (GTK_WIDGET (self->budget_row));
  for (guint i = 0; (mw = settle_line_rows_nth (self->milestones_list, i)) != NULL; i++)
    {
      settle_line_rows_unmark (GTK_WIDGET (mw->name));
      settle_line_rows_unmark (GTK_WIDGET (mw->amount));
      settle_line_rows_unmark (GTK_WIDGET (mw->due));
    }
}

static void
revalidate (SettleProjectEditor *self)
{
  g_autoptr(SettleProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bad = NULL;

  if (self->loading)
    return;
  clear_marks (self);
  project = read_project (self, &bad, &error);
  show_problem (self, bad, error != NULL ? error->message : NULL);
}

gboolean
settle_project_editor_save (SettleProjectEditor *self,
                            GError             **error)
{
  g_autoptr(SettleProject) project = NULL;
  g_autoptr(GError) local = NULL;
  GtkWidget *bad = NULL;

  g_return_val_if_fail (SETTLE_IS_PROJECT_EDITOR (self), FALSE);

  self->touched = TRUE;
  clear_marks (self);
  project = read_project (self, &bad, &local);
  if (project == NULL || !settle_project_save (self->book, project, &local))
    {
      show_problem (self, bad, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  self->project->id = project->id;
  settle_book_notify_changed (self->book);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (SettleProjectEditor *self)
{
  settle_project_editor_save (self, NULL);
}

static void
cancel_clicked_cb (SettleProjectEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_clicked_cb (SettleProjectEditor *self)
{
  GtkWidget *row = settle_project_editor_add_milestone (self);
  MilestoneWidgets *mw = settle_line_rows_get (row);

  gtk_widget_grab_focus (GTK_WIDGET (mw->name));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  add_clicked_cb (SETTLE_PROJECT_EDITOR (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  settle_project_editor_save (SETTLE_PROJECT_EDITOR (widget), NULL);
}

static void
settle_project_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SETTLE_TYPE_PROJECT_EDITOR);
  G_OBJECT_CLASS (settle_project_editor_parent_class)->dispose (object);
}

static void
settle_project_editor_finalize (GObject *object)
{
  SettleProjectEditor *self = SETTLE_PROJECT_EDITOR (object);

  g_clear_object (&self->book);
  g_clear_pointer (&self->project, settle_project_free);
  g_free (self->problem);
  G_OBJECT_CLASS (settle_project_editor_parent_class)->finalize (object);
}

static void
settle_project_editor_class_init (SettleProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_project_editor_dispose;
  object_class->finalize = settle_project_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleProjectEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SettleProjectEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SettleProjectEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SettleProjectEditor, budget_row);
  gtk_widget_class_bind_template_child (widget_class, SettleProjectEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, SettleProjectEditor, milestones_list);
  gtk_widget_class_bind_template_child (widget_class, SettleProjectEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_install_action (widget_class, "project.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "project.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "project.add-milestone", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "project.add-milestone", NULL);
}

static void
settle_project_editor_init (SettleProjectEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

SettleProjectEditor *
settle_project_editor_new (GtkWindow  *parent,
                           SettleBook *book,
                           SettleId    client_id,
                           SettleId    project_id,
                           GError    **error)
{
  SettleProjectEditor *self;
  g_autoptr(SettleClient) client = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (client_id != SETTLE_ID_NONE, NULL);

  client = settle_client_load (book, client_id, error);
  if (client == NULL)
    return NULL;

  self = g_object_new (SETTLE_TYPE_PROJECT_EDITOR, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  if (project_id != SETTLE_ID_NONE)
    {
      self->project = settle_project_load (book, project_id, error);
      if (self->project == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
    }
  else
    self->project = settle_project_new (client_id, client->currency);
  settle_line_rows_set_title (self->window_title,
                              project_id != SETTLE_ID_NONE ? _("Edit Project") : _("New Project"),
                              client->name, self->project->currency);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         self->project->name != NULL ? self->project->name : "");
  if (project_id != SETTLE_ID_NONE)
    {
      SettleMoney budget = settle_money_init (self->project->budget, self->project->currency);
      g_autofree char *text = settle_money_format_number (budget);

      gtk_editable_set_text (GTK_EDITABLE (self->budget_row), text);
    }
  for (guint i = 0; i < self->project->milestones->len; i++)
    milestone_row_new (self, g_ptr_array_index (self->project->milestones, i));

  self->touched = project_id != SETTLE_ID_NONE;
  self->loading = FALSE;
  revalidate (self);
  return self;
}

SettleId
settle_project_editor_get_project_id (SettleProjectEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_PROJECT_EDITOR (self), SETTLE_ID_NONE);
  return self->project->id;
}

const char *
settle_project_editor_get_problem (SettleProjectEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_PROJECT_EDITOR (self), NULL);
  return self->problem;
}

GtkWidget *
settle_project_editor_add_milestone (SettleProjectEditor *self)
{
  GtkWidget *row;

  g_return_val_if_fail (SETTLE_IS_PROJECT_EDITOR (self), NULL);

  row = milestone_row_new (self, NULL);
  revalidate (self);
  return row;
}

GtkWidget *
settle_project_editor_get_field (SettleProjectEditor *self,
                                 guint                index,
                                 const char          *field)
{
  static const SettleLineRowsField fields[] = {
    { "name", G_STRUCT_OFFSET (MilestoneWidgets, name) },
    { "amount", G_STRUCT_OFFSET (MilestoneWidgets, amount) },
    { "due", G_STRUCT_OFFSET (MilestoneWidgets, due) },
    { "remove", G_STRUCT_OFFSET (MilestoneWidgets, remove) },
  };

  g_return_val_if_fail (SETTLE_IS_PROJECT_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return settle_line_rows_find_field (self->milestones_list, index, fields,
                                      G_N_ELEMENTS (fields), field);
}
