/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-dunning.h"
#include "settle-ladder-editor.h"

struct _SettleLadderEditor
{
  AdwWindow             parent_instance;

  SettleBook           *book;
  SettleDunningLadder  *ladder;
  GHashTable           *templates;  /* template id -> SettleTemplate*, as edited */
  GHashTable           *edited;     /* template ids the bookkeeper changed */
  int                   selected;
  gboolean              filling;    /* showing a step: no edits */
  char                 *error;

  AdwToastOverlay      *toast_overlay;
  GtkButton            *save_button;
  GtkLabel             *error_label;
  GtkListBox           *steps_list;
  GtkButton            *remove_button;
  GtkBox               *step_box;
  GtkSpinButton        *offset_spin;
  GtkDropDown          *channel_dropdown;
  GtkEntry             *template_entry;
  GtkDropDown          *action_dropdown;
  GtkCheckButton       *fee_check;
  GtkLabel             *attachments_label;
  SettleTemplateEditor *template_editor;
};

G_DEFINE_FINAL_TYPE (SettleLadderEditor, settle_ladder_editor, ADW_TYPE_WINDOW)

static const SettleDunningChannel channels[] = {
  SETTLE_DUNNING_CHANNEL_EMAIL,
  SETTLE_DUNNING_CHANNEL_LETTER,
  SETTLE_DUNNING_CHANNEL_PHONE_TASK,
};

static const struct
{
  SettleDunningAction action;
  const char         *label;
} actions[] = {
  { SETTLE_DUNNING_ACTION_NONE, N_("Nothing more") },
  { SETTLE_DUNNING_ACTION_HOLD, N_("Put the account on hold") },
  { SETTLE_DUNNING_ACTION_COLLECTIONS, N_("Hand to collections") },
};

static SettleDunningStep *
step_at (SettleLadderEditor *self,
         int                 index)
{
  if (index < 0 || (guint) index >= self->ladder->steps->len)
    return NULL;
  return &g_array_index (self->ladder->steps, SettleDunningStep, index);
}

/* The bookkeeper's edit, else the book's text (its edit or the built-in one), else a
 * blank template to write. */
static SettleTemplate *
template_for (SettleLadderEditor *self,
              const char         *template_id)
{
  SettleTemplate *tmpl = g_hash_table_lookup (self->templates, template_id);

  if (tmpl == NULL)
    {
      tmpl = settle_template_load (self->book, template_id, NULL);
      if (tmpl == NULL)
        tmpl = settle_template_new (template_id);
      g_hash_table_insert (self->templates, g_strdup (template_id), tmpl);
    }
  return tmpl;
}

/* ---- validation --------------------------------------------------------------------- */

static void
revalidate (SettleLadderEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = settle_dunning_ladder_validate (self->ladder, &error);
  for (guint i = 0; ok && i < self->ladder->steps->len; i++)
    {
      const SettleDunningStep *step = step_at (self, i);

      if (step->channel == SETTLE_DUNNING_CHANNEL_PHONE_TASK)
        continue;
      if (!settle_template_validate (template_for (self, step->template_id), &error))
        {
          g_autofree char *message = g_strdup_printf (_("Dunning ladder, step %u: %s"), i + 1,
                                                      error->message);

          g_free (error->message);
          error->message = g_steal_pointer (&message);
          ok = FALSE;
        }
    }
  g_free (self->error);
  self->error = ok ? NULL : g_strdup (error->message);
  gtk_label_set_text (self->error_label, ok ? "" : self->error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !ok);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok);
}

/* ---- the list ------------------------------------------------------------------------ */

static char *
step_title (const SettleDunningStep *step)
{
  if (step->offset_days < 0)
    return g_strdup_printf (ngettext ("%d day before the due date", "%d days before the due date",
                                      -step->offset_days), -step->offset_days);
  if (step->offset_days == 0)
    return g_strdup (_("On the due date"));
  return g_strdup_printf (ngettext ("%d day after the due date", "%d days after the due date",
                                    step->offset_days), step->offset_days);
}

static char *
step_subtitle (const SettleDunningStep *step)
{
  GString *text = g_string_new (settle_dunning_channel_label (step->channel));

  if (step->channel != SETTLE_DUNNING_CHANNEL_PHONE_TASK && step->template_id != NULL
      && *step->template_id != '\0')
    g_string_append_printf (text, " · %s", step->template_id);
  if (step->fee)
    g_string_append_printf (text, " · %s", _("late fee"));
  if (step->action == SETTLE_DUNNING_ACTION_HOLD)
    g_string_append_printf (text, " · %s", _("account hold"));
  else if (step->action == SETTLE_DUNNING_ACTION_COLLECTIONS)
    g_string_append_printf (text, " · %s", _("collections"));
  return g_string_free (text, FALSE);
}

static void
update_row (SettleLadderEditor *self,
            int                 index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, index);
  const SettleDunningStep *step = step_at (self, index);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (row == NULL || step == NULL)
    return;
  title = step_title (step);
  subtitle = step_subtitle (step);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
rebuild_list (SettleLadderEditor *self)
{
  GtkWidget *child;
  int selected = self->selected;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  for (guint i = 0; i < self->ladder->steps->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_append (self->steps_list, row);
      update_row (self, i);
    }
  self->filling = FALSE;
  settle_ladder_editor_select_step (self, MIN (selected, (int) self->ladder->steps->len - 1));
}

/* What goes with the message: the run attaches the invoice, its late-fee invoices
 * and, to a letter, a statement of account. */
static void
show_attachments (SettleLadderEditor      *self,
                  const SettleDunningStep *step)
{
  const char *text = "";

  if (step == NULL)
    text = "";
  else if (step->channel == SETTLE_DUNNING_CHANNEL_PHONE_TASK)
    text = _("A task for someone to call the client: nothing is sent.");
  else if (step->channel == SETTLE_DUNNING_CHANNEL_LETTER)
    text = _("Attached: the invoice and any late-fee invoices as PDFs, and a statement of "
             "account.");
  else
    text = _("Attached: the invoice and any late-fee invoices as PDFs.");
  gtk_label_set_text (self->attachments_label, text);
}

static void
show_step (SettleLadderEditor *self)
{
  const SettleDunningStep *step = step_at (self, self->selected);

  self->filling = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->step_box), step != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), step != NULL);
  if (step != NULL)
    {
      gtk_spin_button_set_value (self->offset_spin, step->offset_days);
      for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
        if (channels[i] == step->channel)
          gtk_drop_down_set_selected (self->channel_dropdown, i);
      for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
        if (actions[i].action == step->action)
          gtk_drop_down_set_selected (self->action_dropdown, i);
      gtk_check_button_set_active (self->fee_check, step->fee);
      gtk_editable_set_text (GTK_EDITABLE (self->template_entry),
                             step->template_id != NULL ? step->template_id : "");
    }
  settle_template_editor_set_template (self->template_editor,
                                       step != NULL && step->channel != SETTLE_DUNNING_CHANNEL_PHONE_TASK
                                         ? template_for (self, step->template_id) : NULL);
  show_attachments (self, step);
  self->filling = FALSE;
}

static void
row_selected_cb (SettleLadderEditor *self,
                 GtkListBoxRow      *row)
{
  if (self->filling)
    return;
  self->selected = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  show_step (self);
}

/* ---- editing ------------------------------------------------------------------------- */

static void
step_field_changed_cb (SettleLadderEditor *self)
{
  SettleDunningStep *step = step_at (self, self->selected);
  SettleDunningChannel old_channel;
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  guint action = gtk_drop_down_get_selected (self->action_dropdown);

  if (self->filling || step == NULL)
    return;
  old_channel = step->channel;
  step->offset_days = gtk_spin_button_get_value_as_int (self->offset_spin);
  if (channel < G_N_ELEMENTS (channels))
    step->channel = channels[channel];
  if (action < G_N_ELEMENTS (actions))
    step->action = actions[action].action;
  step->fee = gtk_check_button_get_active (self->fee_check);
  update_row (self, self->selected);
  show_attachments (self, step);
  /* A phone call has no message; an email or a letter has one. */
  if ((old_channel == SETTLE_DUNNING_CHANNEL_PHONE_TASK)
      != (step->channel == SETTLE_DUNNING_CHANNEL_PHONE_TASK))
    show_step (self);
  revalidate (self);
}

static void
template_id_changed_cb (SettleLadderEditor *self)
{
  SettleDunningStep *step = step_at (self, self->selected);
  g_autofree char *id = NULL;

  if (self->filling || step == NULL)
    return;
  id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->template_entry))));
  g_free (step->template_id);
  step->template_id = g_steal_pointer (&id);
  update_row (self, self->selected);
  /* The fields follow the template the step now names. */
  settle_template_editor_set_template (self->template_editor,
                                       step->channel != SETTLE_DUNNING_CHANNEL_PHONE_TASK
                                         ? template_for (self, step->template_id) : NULL);
  revalidate (self);
}

static void
template_changed_cb (SettleLadderEditor *self)
{
  SettleTemplate *tmpl;

  if (self->filling)
    return;
  tmpl = settle_template_editor_get_template (self->template_editor);
  if (tmpl == NULL)
    return;
  g_hash_table_add (self->edited, g_strdup (tmpl->template_id));
  g_hash_table_replace (self->templates, g_strdup (tmpl->template_id), tmpl);
  revalidate (self);
}

void
settle_ladder_editor_add_step (SettleLadderEditor *self)
{
  guint n;
  int offset = 7;

  g_return_if_fail (SETTLE_IS_LADDER_EDITOR (self));

  n = self->ladder->steps->len;
  if (n > 0)
    offset = step_at (self, n - 1)->offset_days + 7;
  /* A new last step goes before a collections hand-over, which must stay last. */
  if (n > 0 && step_at (self, n - 1)->action == SETTLE_DUNNING_ACTION_COLLECTIONS)
    {
      SettleDunningStep step = { 0 };
      int before = n > 1 ? step_at (self, n - 2)->offset_days : -365;
      int last = step_at (self, n - 1)->offset_days;

      step.offset_days = last - before > 1 ? before + (last - before) / 2 : last;
      step.channel = SETTLE_DUNNING_CHANNEL_EMAIL;
      step.template_id = g_strdup ("reminder");
      g_array_insert_val (self->ladder->steps, n - 1, step);
      self->selected = n - 1;
    }
  else
    {
      settle_dunning_ladder_add_step (self->ladder, offset, SETTLE_DUNNING_CHANNEL_EMAIL,
                                      "reminder", FALSE, SETTLE_DUNNING_ACTION_NONE);
      self->selected = n;
    }
  rebuild_list (self);
  revalidate (self);
}

void
settle_ladder_editor_remove_step (SettleLadderEditor *self)
{
  g_return_if_fail (SETTLE_IS_LADDER_EDITOR (self));

  if (step_at (self, self->selected) == NULL)
    return;
  g_array_remove_index (self->ladder->steps, self->selected);
  rebuild_list (self);
  revalidate (self);
}

static void
add_clicked_cb (SettleLadderEditor *self)
{
  settle_ladder_editor_add_step (self);
}

static void
remove_clicked_cb (SettleLadderEditor *self)
{
  settle_ladder_editor_remove_step (self);
}

gboolean
settle_ladder_editor_save (SettleLadderEditor *self,
                           GError            **error)
{
  g_autoptr(GHashTable) saved = NULL;

  g_return_val_if_fail (SETTLE_IS_LADDER_EDITOR (self), FALSE);

  revalidate (self);
  if (self->error != NULL)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, self->error);
      return FALSE;
    }
  /* Only the templates the bookkeeper changed are stored: the others keep
   * following the built-in (translated) text. */
  saved = g_hash_table_new (g_str_hash, g_str_equal);
  if (!settle_book_begin (self->book, error))
    return FALSE;
  for (guint i = 0; i < self->ladder->steps->len; i++)
    {
      const SettleDunningStep *step = step_at (self, i);

      if (step->channel == SETTLE_DUNNING_CHANNEL_PHONE_TASK
          || g_hash_table_contains (saved, step->template_id)
          || !g_hash_table_contains (self->edited, step->template_id))
        continue;
      g_hash_table_add (saved, step->template_id);
      if (!settle_template_save (self->book, template_for (self, step->template_id), error))
        goto fail;
    }
  if (!settle_dunning_ladder_save (self->book, self->ladder, error) ||
      !settle_book_commit (self->book, error))
    goto fail;
  settle_book_notify_changed (self->book);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;

fail:
  settle_book_rollback (self->book);
  return FALSE;
}

static void
save_clicked_cb (SettleLadderEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!settle_ladder_editor_save (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

/* ---- the type ------------------------------------------------------------------------- */

static void
settle_ladder_editor_dispose (GObject *object)
{
  SettleLadderEditor *self = SETTLE_LADDER_EDITOR (object);

  /* The list box deselects its rows as it goes: nothing to show any more. */
  self->filling = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (object), SETTLE_TYPE_LADDER_EDITOR);

  G_OBJECT_CLASS (settle_ladder_editor_parent_class)->dispose (object);
}

static void
settle_ladder_editor_finalize (GObject *object)
{
  SettleLadderEditor *self = SETTLE_LADDER_EDITOR (object);

  g_clear_object (&self->book);
  g_clear_pointer (&self->ladder, settle_dunning_ladder_free);
  g_clear_pointer (&self->templates, g_hash_table_unref);
  g_clear_pointer (&self->edited, g_hash_table_unref);
  g_free (self->error);

  G_OBJECT_CLASS (settle_ladder_editor_parent_class)->finalize (object);
}

static void
settle_ladder_editor_class_init (SettleLadderEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_ladder_editor_dispose;
  object_class->finalize = settle_ladder_editor_finalize;

  g_type_ensure (SETTLE_TYPE_TEMPLATE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-ladder-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, step_box);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, offset_spin);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, template_entry);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, fee_check);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, attachments_label);
  gtk_widget_class_bind_template_child (widget_class, SettleLadderEditor, template_editor);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_ladder_editor_init (SettleLadderEditor *self)
{
  g_autoptr(GtkStringList) channel_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) action_labels = gtk_string_list_new (NULL);

  self->selected = -1;
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) settle_template_free);
  self->edited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (channel_labels, settle_dunning_channel_label (channels[i]));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_string_list_append (action_labels, _(actions[i].label));
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channel_labels));
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (action_labels));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->channel_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("How"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->action_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Action"), -1);
  self->filling = FALSE;
}

SettleLadderEditor *
settle_ladder_editor_new (GtkWindow  *parent,
                          SettleBook *book)
{
  SettleLadderEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  self = g_object_new (SETTLE_TYPE_LADDER_EDITOR, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  settle_template_editor_set_book (self->template_editor, book);
  self->ladder = settle_dunning_ladder_load (book, &error);
  if (self->ladder == NULL)
    {
      /* Translators: %s says what is wrong with the stored ladder. */
      g_autofree char *message =
        g_strdup_printf (_("The book’s reminder ladder cannot be read (%s); showing the default ladder."),
                         error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      self->ladder = settle_dunning_ladder_new_default ();
    }
  self->selected = self->ladder->steps->len > 0 ? 0 : -1;
  rebuild_list (self);
  revalidate (self);
  return self;
}

const SettleDunningLadder *
settle_ladder_editor_get_ladder (SettleLadderEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_LADDER_EDITOR (self), NULL);
  return self->ladder;
}

void
settle_ladder_editor_select_step (SettleLadderEditor *self,
                                  int                 index)
{
  g_return_if_fail (SETTLE_IS_LADDER_EDITOR (self));

  self->selected = step_at (self, index) != NULL ? index : -1;
  self->filling = TRUE;
  gtk_list_box_select_row (self->steps_list,
                           self->selected >= 0
                             ? gtk_list_box_get_row_at_index (self->steps_list, self->selected)
                             : NULL);
  self->filling = FALSE;
  show_step (self);
}

int
settle_ladder_editor_get_selected (SettleLadderEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_LADDER_EDITOR (self), -1);
  return self->selected;
}

int
settle_ladder_editor_find_step (SettleLadderEditor *self,
                                const char         *template_id)
{
  g_return_val_if_fail (SETTLE_IS_LADDER_EDITOR (self), -1);

  for (guint i = 0; i < self->ladder->steps->len; i++)
    if (g_strcmp0 (step_at (self, i)->template_id, template_id) == 0)
      return i;
  return -1;
}

void
settle_ladder_editor_set_offset (SettleLadderEditor *self,
                                 int                 offset_days)
{
  g_return_if_fail (SETTLE_IS_LADDER_EDITOR (self));
  gtk_spin_button_set_value (self->offset_spin, offset_days);
}

SettleTemplateEditor *
settle_ladder_editor_get_template_editor (SettleLadderEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_LADDER_EDITOR (self), NULL);
  return self->template_editor;
}

const char *
settle_ladder_editor_get_error (SettleLadderEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_LADDER_EDITOR (self), NULL);
  return self->error;
}

gboolean
settle_ladder_editor_get_can_save (SettleLadderEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_LADDER_EDITOR (self), FALSE);
  return gtk_widget_get_sensitive (GTK_WIDGET (self->save_button));
}
