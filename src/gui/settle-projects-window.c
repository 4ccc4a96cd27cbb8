/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-format.h"
#include "settle-project.h"
#include "settle-projects-window.h"

struct _SettleProjectsWindow
{
  AdwWindow          parent_instance;

  SettleBook        *book;
  GPtrArray         *groups; /* AdwPreferencesGroup* in page */

  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (SettleProjectsWindow, settle_projects_window, ADW_TYPE_WINDOW)

SettleId
settle_projects_window_complete (SettleProjectsWindow *self,
                                 SettleId              milestone_id,
                                 GError              **error)
{
  g_autoptr(GError) local = NULL;
  AdwToast *toast;
  SettleId invoice_id;
  GDate today;

  g_return_val_if_fail (SETTLE_IS_PROJECTS_WINDOW (self), 0);

  settle_today (&today);
  invoice_id = settle_milestone_complete (self->book, milestone_id, &today, &local);
  if (invoice_id == 0)
    {
      toast = adw_toast_new (local->message);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  toast = adw_toast_new (_("Milestone complete: its invoice is drafted in the invoice list"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  settle_projects_window_reload (self);
  settle_book_notify_changed (self->book);
  return invoice_id;
}

static void
complete_clicked_cb (GtkButton            *button,
                     SettleProjectsWindow *self)
{
  settle_projects_window_complete (self,
                                   GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                        "settle-milestone-id")),
                                   NULL);
}

static GtkWidget *
milestone_row_new (SettleProjectsWindow  *self,
                   const SettleProject   *project,
                   const SettleMilestone *milestone)
{
  g_autofree char *amount = settle_format_money (milestone->amount, project->currency);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), milestone->name);
  if (g_date_valid (&milestone->completed_on))
    {
      g_autofree char *done = settle_format_date (&milestone->completed_on);

      /* Translators: an amount, then the date the milestone was completed. */
      subtitle = g_strdup_printf (_("%s · completed on %s, invoice drafted"), amount, done);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("object-select-symbolic"));
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Complete"));

      if (g_date_valid (&milestone->due_date))
        {
          g_autofree char *due = settle_format_date (&milestone->due_date);

          /* Translators: an amount, then the milestone's due date. */
          subtitle = g_strdup_printf (_("%s · due %s"), amount, due);
        }
      else
        subtitle = g_strdup (amount);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Mark the milestone complete and draft its invoice"));
      g_object_set_data (G_OBJECT (button), "settle-milestone-id", GSIZE_TO_POINTER (milestone->id));
      g_signal_connect_object (button, "clicked", G_CALLBACK (complete_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

void
settle_projects_window_reload (SettleProjectsWindow *self)
{
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SETTLE_IS_PROJECTS_WINDOW (self));

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  projects = settle_project_list (self->book, 0, &error);
  if (projects == NULL)
    {
      g_warning ("Cannot list projects: %s", error->message);
      projects = g_ptr_array_new ();
    }
  for (guint i = 0; i < projects->len; i++)
    {
      SettleProject *project = g_ptr_array_index (projects, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      g_autofree char *budget = settle_format_money (project->budget, project->currency);
      gint64 invoiced = 0, remaining = 0;

      /* Translators: a client, then the project. */
      title = g_strdup_printf (_("%s — %s"), project->client_name, project->name);
      adw_preferences_group_set_title (group, title);
      if (settle_project_get_invoiced (self->book, project->id, &invoiced, &remaining, NULL))
        {
          g_autofree char *done = settle_format_money (invoiced, project->currency);
          g_autofree char *left = settle_format_money (remaining, project->currency);

          /* Translators: "Budget $20,000.00 · invoiced $5,000.00 · $15,000.00 left". */
          description = remaining >= 0
                          ? g_strdup_printf (_("Budget %s · invoiced %s · %s left"), budget, done, left)
                          : g_strdup_printf (_("Budget %s · invoiced %s · over budget"), budget, done);
        }
      else
        description = g_strdup_printf (_("Budget %s"), budget);
      adw_preferences_group_set_description (group, description);
      for (guint j = 0; j < project->milestones->len; j++)
        adw_preferences_group_add (group, milestone_row_new (self, project,
                                                             g_ptr_array_index (project->milestones, j)));
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->groups, group);
    }
  gtk_stack_set_visible_child_name (self->stack, self->groups->len > 0 ? "list" : "empty");
}

guint
settle_projects_window_get_n_projects (SettleProjectsWindow *self)
{
  g_return_val_if_fail (SETTLE_IS_PROJECTS_WINDOW (self), 0);
  return self->groups->len;
}

static void
settle_projects_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SETTLE_TYPE_PROJECTS_WINDOW);
  G_OBJECT_CLASS (settle_projects_window_parent_class)->dispose (object);
}

static void
settle_projects_window_finalize (GObject *object)
{
  SettleProjectsWindow *self = SETTLE_PROJECTS_WINDOW (object);

  g_clear_object (&self->book);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (settle_projects_window_parent_class)->finalize (object);
}

static void
settle_projects_window_class_init (SettleProjectsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_projects_window_dispose;
  object_class->finalize = settle_projects_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-projects-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleProjectsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SettleProjectsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SettleProjectsWindow, page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_projects_window_init (SettleProjectsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

SettleProjectsWindow *
settle_projects_window_new (GtkWindow  *parent,
                            SettleBook *book)
{
  SettleProjectsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  self = g_object_new (SETTLE_TYPE_PROJECTS_WINDOW, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  settle_projects_window_reload (self);
  return self;
}
