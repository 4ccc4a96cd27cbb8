/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-agreement-editor-private.h"
#include "settle-agreement-row.h"
#include "settle-catalog.h"
#include "settle-client.h"
#include "settle-line-rows.h"
#include "settle-terms.h"

G_DEFINE_FINAL_TYPE (SettleAgreementEditor, settle_agreement_editor, ADW_TYPE_WINDOW)

/* The terms offered besides the client's own; an agreement saved with others
 * gets them added to the list. */
static const char * const terms_presets[] = {
  "receipt", "net:7", "net:15", "net:30", "net:45", "net:60", "eom:0", "eom:15",
};

static void
set_problem (SettleAgreementEditor *self,
             GtkWidget             *bad,
             gboolean               in_lines,
             const char            *message)
{
  gboolean show = message != NULL && self->touched;

  g_free (self->problem);
  self->problem = g_strdup (message);

  if (bad != NULL && show)
    settle_line_rows_mark (bad, message);
  gtk_label_set_label (self->agreement_error_label, show && !in_lines ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_error_label), show && !in_lines);
  gtk_label_set_label (self->lines_error_label, show && in_lines ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lines_error_label), show && in_lines);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), message == NULL);
}

static void
clear_marks (SettleAgreementEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->billing_day_row),
    GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row), GTK_WIDGET (self->add_line_button),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    settle_line_rows_unmark (fields[i]);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      SettleAgreementLineWidgets *lw = settle_agreement_editor_line_get (row);
      GtkWidget *entries[] = {
        GTK_WIDGET (lw->description), GTK_WIDGET (lw->quantity), GTK_WIDGET (lw->price),
        GTK_WIDGET (lw->start), GTK_WIDGET (lw->end), GTK_WIDGET (lw->tax),
      };

      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        settle_line_rows_unmark (entries[i]);
    }
}

/* Which widget a rule of settle_agreement_validate () broke: the same checks in
 * the same order, so the message lands on its field whatever its language. */
static GtkWidget *
locate_problem (SettleAgreementEditor *self,
                const SettleAgreement *ag,
                gboolean              *in_lines)
{
  g_autofree char *name = g_strstrip (g_strdup (ag->name != NULL ? ag->name : ""));

  *in_lines = FALSE;
  if (*name == '\0')
    return GTK_WIDGET (self->name_row);
  if (ag->billing_day < 1 || ag->billing_day > 28)
    return GTK_WIDGET (self->billing_day_row);
  if (!g_date_valid (&ag->start_date))
    return GTK_WIDGET (self->start_row);
  if (g_date_valid (&ag->end_date) && g_date_compare (&ag->end_date, &ag->start_date) < 0)
    return GTK_WIDGET (self->end_row);

  *in_lines = TRUE;
  if (ag->lines->len == 0)
    return GTK_WIDGET (self->add_line_button);
  for (guint i = 0; i < ag->lines->len; i++)
    {
      const SettleAgreementLine *line = g_ptr_array_index (ag->lines, i);
      SettleAgreementLineWidgets *lw = settle_line_rows_nth (self->lines_list, i);
      g_autofree char *description = g_strstrip (g_strdup (line->description));

      if (lw == NULL)
        break;
      if (*description == '\0')
        return GTK_WIDGET (lw->description);
      if (!line->usage && line->quantity_milli <= 0)
        return GTK_WIDGET (lw->quantity);
      if (!settle_tax_rate_is_known (self->book, line->tax_rate_bp))
        return GTK_WIDGET (lw->tax);
      if (g_date_valid (&line->start_date) && g_date_valid (&line->end_date)
          && g_date_compare (&line->end_date, &line->start_date) < 0)
        return GTK_WIDGET (lw->end);
      if (g_date_valid (&line->end_date)
          && g_date_compare (&line->end_date, &ag->start_date) < 0)
        return GTK_WIDGET (lw->end);
    }
  return NULL;
}

/* The agreement as the fields say; NULL with the message and the widget to mark
 * when a field cannot be read. */
static SettleAgreement *
read_agreement (SettleAgreementEditor *self,
                GtkWidget            **bad,
                gboolean              *in_lines,
                GError               **error)
{
  g_autoptr(SettleAgreement) ag = settle_agreement_new (self->agreement->client_id,
                                                        self->agreement->currency);
  g_autofree char *day = NULL;
  guint terms_index;
  gint64 value;
  guint n = 0;

  *bad = NULL;
  *in_lines = FALSE;
  ag->id = self->agreement->id;
  g_free (ag->name);
  ag->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  ag->cycle = adw_combo_row_get_selected (self->cycle_row);
  ag->alignment = adw_combo_row_get_selected (self->alignment_row);

  day = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->billing_day_row))));
  if (!g_ascii_string_to_signed (day, 10, 1, 28, &value, NULL))
    {
      *bad = GTK_WIDGET (self->billing_day_row);
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Billing day: “%s” is not a day between 1 and 28"), day);
      return NULL;
    }
  ag->billing_day = value;

  if (!settle_agreement_editor_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->start_row)),
                                           _("Start date"), &ag->start_date, error))
    {
      *bad = GTK_WIDGET (self->start_row);
      return NULL;
    }
  if (!settle_agreement_editor_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->end_row)),
                                           _("End date"), &ag->end_date, error))
    {
      *bad = GTK_WIDGET (self->end_row);
      return NULL;
    }

  terms_index = adw_combo_row_get_selected (self->terms_row);
  ag->has_terms = terms_index > 0 && terms_index <= self->terms->len;
  if (ag->has_terms)
    ag->terms = g_array_index (self->terms, SettleTerms, terms_index - 1);
  ag->auto_issue = gtk_switch_get_active (self->auto_issue_switch);
  g_free (ag->po_number);
  ag->po_number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->po_row))));
  g_free (ag->notes);
  ag->notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row))));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!settle_agreement_editor_line_read (self, settle_agreement_editor_line_get (row), ++n,
                                              ag, bad, error))
        {
          *in_lines = TRUE;
          return NULL;
        }
    }

  if (!settle_agreement_validate (ag, error))
    {
      *bad = locate_problem (self, ag, in_lines);
      return NULL;
    }
  return g_steal_pointer (&ag);
}

void
settle_agreement_editor_revalidate (SettleAgreementEditor *self)
{
  g_autoptr(SettleAgreement) ag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  GtkWidget *bad = NULL;
  gboolean in_lines = FALSE;
  GDate today;

  if (self->loading)
    return;

  clear_marks (self);
  ag = read_agreement (self, &bad, &in_lines, &error);
  set_problem (self, bad, in_lines, error != NULL ? error->message : NULL);

  settle_today (&today);
  if (ag != NULL)
    preview = settle_agreement_describe_next (ag, &today);
  gtk_label_set_label (self->preview_label, preview != NULL ? preview : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_label), preview != NULL);
}

static void
field_changed_cb (SettleAgreementEditor *self)
{
  self->touched = TRUE;
  settle_agreement_editor_revalidate (self);
}

gboolean
settle_agreement_editor_save (SettleAgreementEditor *self,
                              GError               **error)
{
  g_autoptr(SettleAgreement) ag = NULL;
  g_autoptr(GError) local = NULL;
  GtkWidget *bad = NULL;
  gboolean in_lines = FALSE;

  g_return_val_if_fail (SETTLE_IS_AGREEMENT_EDITOR (self), FALSE);

  self->touched = TRUE;
  clear_marks (self);
  ag = read_agreement (self, &bad, &in_lines, &local);
  if (ag == NULL || !settle_agreement_save (self->book, ag, &local))
    {
      if (bad == NULL && ag != NULL)
        bad = locate_problem (self, ag, &in_lines);
      set_problem (self, bad, in_lines, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  self->agreement->id = ag->id;
  settle_book_notify_changed (self->book);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (SettleAgreementEditor *self)
{
  settle_agreement_editor_save (self, NULL);
}

static void
cancel_clicked_cb (SettleAgreementEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_line_clicked_cb (SettleAgreementEditor *self)
{
  GtkWidget *row = settle_agreement_editor_add_line (self);

  gtk_widget_grab_focus (GTK_WIDGET (settle_agreement_editor_line_get (row)->description));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  add_line_clicked_cb (SETTLE_AGREEMENT_EDITOR (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  settle_agreement_editor_save (SETTLE_AGREEMENT_EDITOR (widget), NULL);
}

static void
settle_agreement_editor_dispose (GObject *object)
{
  SettleAgreementEditor *self = SETTLE_AGREEMENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_AGREEMENT_EDITOR);
  G_OBJECT_CLASS (settle_agreement_editor_parent_class)->dispose (object);
}

static void
settle_agreement_editor_finalize (GObject *object)
{
  SettleAgreementEditor *self = SETTLE_AGREEMENT_EDITOR (object);

  g_clear_object (&self->book);
  g_clear_pointer (&self->agreement, settle_agreement_free);
  g_clear_pointer (&self->rates, g_array_unref);
  g_clear_object (&self->rate_labels);
  g_clear_pointer (&self->terms, g_array_unref);
  g_clear_pointer (&self->catalog, g_ptr_array_unref);
  g_free (self->problem);

  G_OBJECT_CLASS (settle_agreement_editor_parent_class)->finalize (object);
}

static void
settle_agreement_editor_class_init (SettleAgreementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_agreement_editor_dispose;
  object_class->finalize = settle_agreement_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-agreement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, alignment_row);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, billing_day_row);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, terms_row);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, auto_issue_switch);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, po_row);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, agreement_error_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, preview_label);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, catalog_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, catalog_list);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, add_line_button);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, lines_list);
  gtk_widget_class_bind_template_child (widget_class, SettleAgreementEditor, lines_error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_line_clicked_cb);

  gtk_widget_class_install_action (widget_class, "agreement.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "agreement.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "agreement.add-line", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "agreement.add-line", NULL);
}

static void
settle_agreement_editor_init (SettleAgreementEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rates = g_array_new (FALSE, FALSE, sizeof (int));
  self->rate_labels = gtk_string_list_new (NULL);
  self->terms = g_array_new (FALSE, FALSE, sizeof (SettleTerms));
}

static void
fill_rates (SettleAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rates = settle_tax_rate_list (self->book, &error);
  int none = 0;

  g_array_append_val (self->rates, none);
  gtk_string_list_append (self->rate_labels, _("No tax"));
  if (rates == NULL)
    {
      g_warning ("Cannot list the tax rates: %s", error->message);
      return;
    }
  for (guint i = 0; i < rates->len; i++)
    {
      const SettleTaxRate *rate = g_ptr_array_index (rates, i);
      g_autofree char *percent = NULL;
      g_autofree char *label = NULL;

      if (rate->rate_bp == 0)
        continue;
      percent = settle_tax_rate_format (rate->rate_bp);
      /* Names often hold the rate already: "Sales tax 8.25 %". */
      if (strstr (rate->name, percent) != NULL)
        label = g_strdup (rate->name);
      else
        /* Translators: a tax rate's name and rate: "Sales tax (8.25 %)". */
        label = g_strdup_printf (_("%s (%s)"), rate->name, percent);
      g_array_append_val (self->rates, rate->rate_bp);
      gtk_string_list_append (self->rate_labels, label);
    }
}

static void
fill_terms (SettleAgreementEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (labels, _("The client's terms"));
  for (guint i = 0; i < G_N_ELEMENTS (terms_presets); i++)
    {
      SettleTerms terms;
      g_autofree char *label = NULL;

      if (!settle_terms_parse (terms_presets[i], &terms, NULL))
        continue;
      label = settle_terms_describe (&terms);
      g_array_append_val (self->terms, terms);
      gtk_string_list_append (labels, label);
    }
  if (self->agreement->has_terms)
    {
      for (guint i = 0; i < self->terms->len && selected == 0; i++)
        if (settle_terms_equal (&g_array_index (self->terms, SettleTerms, i),
                                &self->agreement->terms))
          selected = i + 1;
      if (selected == 0)
        {
          g_autofree char *label = settle_terms_describe (&self->agreement->terms);

          g_array_append_val (self->terms, self->agreement->terms);
          gtk_string_list_append (labels, label);
          selected = self->terms->len;
        }
    }
  adw_combo_row_set_model (self->terms_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->terms_row, selected);
}

static void
fill_fields (SettleAgreementEditor *self)
{
  const SettleAgreement *ag = self->agreement;
  g_autofree char *day = g_strdup_printf ("%d", ag->billing_day);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ag->name != NULL ? ag->name : "");
  adw_combo_row_set_selected (self->cycle_row, ag->cycle);
  adw_combo_row_set_selected (self->alignment_row, ag->alignment);
  gtk_editable_set_text (GTK_EDITABLE (self->billing_day_row), day);
  settle_line_rows_show_date (GTK_EDITABLE (self->start_row), &ag->start_date);
  settle_line_rows_show_date (GTK_EDITABLE (self->end_row), &ag->end_date);
  gtk_switch_set_active (self->auto_issue_switch, ag->auto_issue);
  gtk_editable_set_text (GTK_EDITABLE (self->po_row), ag->po_number != NULL ? ag->po_number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), ag->notes != NULL ? ag->notes : "");
  for (guint i = 0; i < ag->lines->len; i++)
    settle_agreement_editor_line_new (self, g_ptr_array_index (ag->lines, i));
}

SettleAgreementEditor *
settle_agreement_editor_new (GtkWindow  *parent,
                             SettleBook *book,
                             SettleId    client_id,
                             SettleId    agreement_id,
                             GError    **error)
{
  SettleAgreementEditor *self;
  g_autoptr(SettleClient) client = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (client_id != SETTLE_ID_NONE, NULL);

  client = settle_client_load (book, client_id, error);
  if (client == NULL)
    return NULL;

  /* Owned by GTK's list of toplevels, as every window is. */
  self = g_object_new (SETTLE_TYPE_AGREEMENT_EDITOR, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  if (agreement_id != SETTLE_ID_NONE)
    {
      self->agreement = settle_agreement_load (book, agreement_id, error);
      if (self->agreement == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
    }
  else
    {
      GDate today;

      self->agreement = settle_agreement_new (client_id, client->currency);
      settle_today (&today);
      self->agreement->start_date = today;
    }
  settle_line_rows_set_title (self->window_title,
                              agreement_id != SETTLE_ID_NONE ? _("Edit Agreement")
                                                             : _("New Agreement"),
                              client->name, self->agreement->currency);

  fill_rates (self);
  fill_terms (self);
  settle_agreement_editor_fill_catalog (self);
  fill_fields (self);
  if (agreement_id == SETTLE_ID_NONE)
    settle_agreement_editor_add_line (self);
  self->touched = agreement_id != SETTLE_ID_NONE;
  self->loading = FALSE;
  settle_agreement_editor_revalidate (self);

  return self;
}

SettleId
settle_agreement_editor_get_agreement_id (SettleAgreementEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_AGREEMENT_EDITOR (self), SETTLE_ID_NONE);
  return self->agreement->id;
}

const char *
settle_agreement_editor_get_problem (SettleAgreementEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_AGREEMENT_EDITOR (self), NULL);
  return self->problem;
}

GtkWidget *
settle_agreement_editor_add_line (SettleAgreementEditor *self)
{
  GtkWidget *row;

  g_return_val_if_fail (SETTLE_IS_AGREEMENT_EDITOR (self), NULL);

  row = settle_agreement_editor_line_new (self, NULL);
  if (!self->loading)
    settle_agreement_editor_revalidate (self);
  return row;
}

guint
settle_agreement_editor_get_n_lines (SettleAgreementEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (SETTLE_IS_AGREEMENT_EDITOR (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

GtkWidget *
settle_agreement_editor_get_line_field (SettleAgreementEditor *self,
                                        guint                  index,
                                        const char            *field)
{
  static const SettleLineRowsField fields[] = {
    { "description", G_STRUCT_OFFSET (SettleAgreementLineWidgets, description) },
    { "quantity", G_STRUCT_OFFSET (SettleAgreementLineWidgets, quantity) },
    { "price", G_STRUCT_OFFSET (SettleAgreementLineWidgets, price) },
    { "tax", G_STRUCT_OFFSET (SettleAgreementLineWidgets, tax) },
    { "usage", G_STRUCT_OFFSET (SettleAgreementLineWidgets, usage) },
    { "start", G_STRUCT_OFFSET (SettleAgreementLineWidgets, start) },
    { "end", G_STRUCT_OFFSET (SettleAgreementLineWidgets, end) },
    { "remove", G_STRUCT_OFFSET (SettleAgreementLineWidgets, remove) },
  };

  g_return_val_if_fail (SETTLE_IS_AGREEMENT_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return settle_line_rows_find_field (self->lines_list, index, fields, G_N_ELEMENTS (fields),
                                      field);
}
