/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-format.h"
#include "settle-invoice.h"
#include "settle-list-query.h"
#include "settle-template-editor.h"

/* How many open invoices the preview offers, and how many of the largest balances
 * are looked at to find them. */
#define MAX_SAMPLES 12
#define SAMPLE_SCAN 300

typedef enum
{
  FIELD_SUBJECT,
  FIELD_TEXT,
  FIELD_HTML,
  N_FIELDS
} Field;

typedef struct
{
  SettleId    id;
  char       *label;
  GHashTable *values;  /* placeholder -> text, as settle_template_preview makes them */
} Sample;

struct _SettleTemplateEditor
{
  GtkBox          parent_instance;

  SettleBook     *book;
  GCancellable   *cancellable;
  char           *template_id;
  GPtrArray      *samples;        /* Sample*; NULL until loaded */
  Field           last_focus;
  gboolean        loading;        /* filling the fields: no ::changed */
  char           *errors[N_FIELDS];
  char           *preview_subject;
  char           *preview_text;

  GtkBox         *fields_box;
  GtkMenuButton  *placeholder_button;
  GtkEntry       *subject_entry;
  GtkLabel       *subject_error;
  GtkTextView    *text_view;
  GtkLabel       *text_error;
  GtkTextView    *html_view;
  GtkLabel       *html_error;
  GtkDropDown    *sample_dropdown;
  GtkLabel       *sample_note;
  GtkLabel       *preview_subject_label;
  GtkLabel       *preview_text_label;
  GtkLabel       *preview_html_label;
};

G_DEFINE_FINAL_TYPE (SettleTemplateEditor, settle_template_editor, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sample_free (Sample *sample)
{
  g_free (sample->label);
  g_clear_pointer (&sample->values, g_hash_table_unref);
  g_free (sample);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ---- validation and preview ------------------------------------------------------- */

/* Checks one field alone, so the message goes under the field it is about. */
static char *
field_error (const char *template_id,
             Field       field,
             const char *text)
{
  g_autoptr(SettleTemplate) tmpl = settle_template_new (template_id);
  g_autoptr(GError) error = NULL;
  char **slot[] = { &tmpl->subject, &tmpl->body_text, &tmpl->body_html };

  g_free (tmpl->subject);
  g_free (tmpl->body_text);
  g_free (tmpl->body_html);
  tmpl->subject = g_strdup ("-");
  tmpl->body_text = g_strdup ("-");
  tmpl->body_html = g_strdup ("");
  g_free (*slot[field]);
  *slot[field] = g_strdup (text);
  if (settle_template_validate (tmpl, &error))
    return NULL;
  return g_strdup (error->message);
}

static const Sample *
current_sample (SettleTemplateEditor *self)
{
  guint selected;

  if (self->samples == NULL)
    return NULL;
  selected = gtk_drop_down_get_selected (self->sample_dropdown);
  return selected < self->samples->len ? g_ptr_array_index (self->samples, selected) : NULL;
}

static void
set_preview (SettleTemplateEditor *self,
             const char           *subject,
             const char           *text,
             const char           *html)
{
  g_free (self->preview_subject);
  g_free (self->preview_text);
  self->preview_subject = g_strdup (subject != NULL ? subject : "");
  self->preview_text = g_strdup (text != NULL ? text : "");
  gtk_label_set_text (self->preview_subject_label, self->preview_subject);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_subject_label), *self->preview_subject != '\0');
  gtk_label_set_text (self->preview_text_label, self->preview_text);
  gtk_label_set_text (self->preview_html_label,
                      html != NULL && *html != '\0' ? html : _("No HTML body: the email goes out as plain text."));
}

static void
update_preview (SettleTemplateEditor *self)
{
  g_autoptr(SettleTemplate) tmpl = settle_template_editor_get_template (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  const Sample *sample = current_sample (self);

  if (tmpl == NULL)
    {
      set_preview (self, NULL, _("A phone call has no message."), NULL);
      return;
    }
  if (self->samples == NULL)
    {
      set_preview (self, NULL, _("Looking for an invoice to preview with…"), NULL);
      return;
    }
  if (sample == NULL)
    {
      set_preview (self, NULL, _("The book has no open invoice to preview with."), NULL);
      return;
    }
  if (!settle_template_editor_is_valid (self))
    {
      set_preview (self, NULL, _("Correct the template to see the preview."), NULL);
      return;
    }
  if (!settle_template_render (tmpl, sample->values, &subject, &text, &html, &error))
    {
      set_preview (self, NULL, error->message, NULL);
      return;
    }
  set_preview (self, subject, text, html);
}

static void
show_field_error (GtkWidget *field,
                  GtkLabel  *label,
                  const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

static void
revalidate (SettleTemplateEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  const char *id = self->template_id != NULL ? self->template_id : "";

  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->errors[i], g_free);
  if (self->template_id != NULL)
    {
      text = buffer_text (self->text_view);
      html = buffer_text (self->html_view);
      self->errors[FIELD_SUBJECT] =
        field_error (id, FIELD_SUBJECT, gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
      self->errors[FIELD_TEXT] = field_error (id, FIELD_TEXT, text);
      self->errors[FIELD_HTML] = field_error (id, FIELD_HTML, html);
    }
  show_field_error (GTK_WIDGET (self->subject_entry), self->subject_error,
                    self->errors[FIELD_SUBJECT]);
  show_field_error (GTK_WIDGET (self->text_view), self->text_error, self->errors[FIELD_TEXT]);
  show_field_error (GTK_WIDGET (self->html_view), self->html_error, self->errors[FIELD_HTML]);
  update_preview (self);
}

static void
field_changed_cb (SettleTemplateEditor *self)
{
  revalidate (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- sample invoices ---------------------------------------------------------------- */

static void
samples_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SettleBook *book = task_data;
  g_autoptr(SettleBook) conn = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) sample_free);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  SettleInvoiceQuery query = { 0 };
  GError *error = NULL;
  GDate today;

  settle_today (&today);
  conn = settle_book_open_worker (book, &error);
  if (conn == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The largest balances first: the invoices a reminder is most likely about. */
  query.sort = SETTLE_INVOICE_SORT_BALANCE;
  query.descending = TRUE;
  page = settle_invoice_query_page (conn, &query, NULL, 0, SAMPLE_SCAN, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Overdue ones first; open but not yet due ones only when nothing is overdue. */
  for (int pass = 0; pass < 2 && open->len == 0; pass++)
    for (guint i = 0; i < page->len && open->len < MAX_SAMPLES; i++)
      {
        SettleInvoiceSummary *row = g_ptr_array_index (page, i);

        if (row->number == NULL || row->kind != SETTLE_INVOICE_KIND_INVOICE || row->balance <= 0
            || !g_date_valid (&row->due_date))
          continue;
        if (pass == 0 && g_date_compare (&row->due_date, &today) >= 0)
          continue;
        g_ptr_array_add (open, row);
      }

  for (guint i = 0; i < open->len; i++)
    {
      SettleInvoiceSummary *row = g_ptr_array_index (open, i);
      g_autoptr(SettleInvoice) inv = NULL;
      g_autofree char *amount = NULL;
      Sample *sample;
      int overdue;

      if (g_task_return_error_if_cancelled (task))
        return;
      inv = settle_invoice_load (conn, row->id, &error);
      if (inv == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      sample = g_new0 (Sample, 1);
      sample->id = row->id;
      sample->values = settle_template_values_for_invoice (conn, row->id, &today, NULL,
                                                           settle_invoice_get_balance (inv),
                                                           &error);
      if (sample->values == NULL)
        {
          sample_free (sample);
          g_task_return_error (task, error);
          return;
        }
      amount = settle_format_money (row->balance, row->currency);
      overdue = (int) g_date_get_julian (&today) - (int) g_date_get_julian (&row->due_date);
      if (overdue > 0)
        /* Translators: a sample invoice for the preview: number, client, amount due,
         * days overdue. */
        sample->label = g_strdup_printf (ngettext ("%s — %s, %s, %d day overdue",
                                                   "%s — %s, %s, %d days overdue", overdue),
                                         row->number, row->client_name, amount, overdue);
      else
        /* Translators: a sample invoice for the preview: number, client, amount due. */
        sample->label = g_strdup_printf (_("%s — %s, %s, not yet due"), row->number,
                                         row->client_name, amount);
      g_ptr_array_add (samples, sample);
    }
  g_task_return_pointer (task, g_steal_pointer (&samples), (GDestroyNotify) g_ptr_array_unref);
}

static void
samples_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SettleTemplateEditor *self = SETTLE_TEMPLATE_EDITOR (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *samples = g_task_propagate_pointer (G_TASK (result), &error);

  if (samples == NULL)
    {
      g_autofree char *note = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      samples = g_ptr_array_new_with_free_func ((GDestroyNotify) sample_free);
      /* Translators: %s says why the book could not be read. */
      note = g_strdup_printf (_("Cannot find an invoice to preview with: %s"), error->message);
      gtk_label_set_text (self->sample_note, note);
    }
  else
    gtk_label_set_text (self->sample_note,
                        _("Shown as it would go out today for this invoice. Nothing is sent."));
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  self->samples = samples;
  for (guint i = 0; i < samples->len; i++)
    gtk_string_list_append (labels, ((Sample *) g_ptr_array_index (samples, i))->label);
  gtk_drop_down_set_model (self->sample_dropdown, G_LIST_MODEL (labels));
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_dropdown), samples->len > 0);
  update_preview (self);
}

static void
sample_selected_cb (SettleTemplateEditor *self)
{
  update_preview (self);
}

/* A sample's label is long ("INV-000017 — Redwood Engineering Inc., $6,270.00, 487
 * days overdue"): ellipsized, so it does not widen the window. */
static void
sample_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_list_item_set_child (list_item, label);
}

static void
sample_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (item));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (item));
}

/* ---- placeholders --------------------------------------------------------------------- */

static const char *
placeholder_label (const char *name)
{
  static const struct
  {
    const char *name;
    const char *label;
  } labels[] = {
    { "client", N_("Client") },
    { "contact", N_("Contact") },
    { "invoice_number", N_("Invoice number") },
    { "amount_due", N_("Amount due") },
    { "due_date", N_("Due date") },
    { "days_overdue", N_("Days overdue") },
    { "pay_link", N_("Pay link") },
    { "company", N_("Your company") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, name))
      return _(labels[i].label);
  return name;
}

static GMenuModel *
placeholder_menu_new (void)
{
  const char * const *names = settle_template_placeholders ();
  GMenu *menu = g_menu_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s  {%s}", placeholder_label (names[i]), names[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "template.insert", "s", names[i]);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

void
settle_template_editor_insert_placeholder (SettleTemplateEditor *self,
                                           const char           *name)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (name != NULL);

  if (self->template_id == NULL)
    return;
  text = g_strdup_printf ("{%s}", name);
  if (self->last_focus == FIELD_SUBJECT)
    {
      GtkEditable *editable = GTK_EDITABLE (self->subject_entry);
      int position = gtk_editable_get_position (editable);

      gtk_editable_insert_text (editable, text, -1, &position);
      gtk_editable_set_position (editable, position);
      gtk_widget_grab_focus (GTK_WIDGET (self->subject_entry));
    }
  else
    {
      GtkTextView *view = self->last_focus == FIELD_TEXT ? self->text_view : self->html_view;

      gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), text, -1);
      gtk_widget_grab_focus (GTK_WIDGET (view));
    }
}

static void
insert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  settle_template_editor_insert_placeholder (SETTLE_TEMPLATE_EDITOR (widget),
                                             g_variant_get_string (parameter, NULL));
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                SettleTemplateEditor    *self)
{
  self->last_focus = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (controller), "settle-field"));
}

static void
track_focus (SettleTemplateEditor *self,
             GtkWidget            *widget,
             Field                 field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (controller), "settle-field", GINT_TO_POINTER (field));
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (widget, controller);
}

/* ---- the type ------------------------------------------------------------------------- */

static void
settle_template_editor_dispose (GObject *object)
{
  SettleTemplateEditor *self = SETTLE_TEMPLATE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_TEMPLATE_EDITOR);

  G_OBJECT_CLASS (settle_template_editor_parent_class)->dispose (object);
}

static void
settle_template_editor_finalize (GObject *object)
{
  SettleTemplateEditor *self = SETTLE_TEMPLATE_EDITOR (object);

  g_clear_object (&self->book);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_free (self->template_id);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->errors[i]);
  g_free (self->preview_subject);
  g_free (self->preview_text);

  G_OBJECT_CLASS (settle_template_editor_parent_class)->finalize (object);
}

static void
settle_template_editor_class_init (SettleTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_template_editor_dispose;
  object_class->finalize = settle_template_editor_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, fields_box);
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, placeholder_button);
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, subject_error);
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, text_error);
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, html_view);
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, html_error);
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, sample_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SettleTemplateEditor, sample_note);
  gtk_widget_class_bind_template_child_full (widget_class, "preview_subject", FALSE,
                                             G_STRUCT_OFFSET (SettleTemplateEditor,
                                                              preview_subject_label));
  gtk_widget_class_bind_template_child_full (widget_class, "preview_text", FALSE,
                                             G_STRUCT_OFFSET (SettleTemplateEditor,
                                                              preview_text_label));
  gtk_widget_class_bind_template_child_full (widget_class, "preview_html", FALSE,
                                             G_STRUCT_OFFSET (SettleTemplateEditor,
                                                              preview_html_label));
  gtk_widget_class_install_action (widget_class, "template.insert", "s", insert_action);
}

static void
settle_template_editor_init (SettleTemplateEditor *self)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (sample_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (sample_bind_cb), NULL);
  gtk_drop_down_set_factory (self->sample_dropdown, factory);

  menu = placeholder_menu_new ();
  gtk_menu_button_set_menu_model (self->placeholder_button, menu);
  track_focus (self, GTK_WIDGET (self->subject_entry), FIELD_SUBJECT);
  track_focus (self, GTK_WIDGET (self->text_view), FIELD_TEXT);
  track_focus (self, GTK_WIDGET (self->html_view), FIELD_HTML);
  g_signal_connect_swapped (self->subject_entry, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->html_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->sample_dropdown, "notify::selected",
                            G_CALLBACK (sample_selected_cb), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_dropdown), FALSE);
  settle_template_editor_set_template (self, NULL);
}

SettleTemplateEditor *
settle_template_editor_new (void)
{
  return g_object_new (SETTLE_TYPE_TEMPLATE_EDITOR, NULL);
}

void
settle_template_editor_set_book (SettleTemplateEditor *self,
                                 SettleBook           *book)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (SETTLE_IS_BOOK (book));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->book, book);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  gtk_label_set_text (self->sample_note, _("Looking for an overdue invoice…"));
  update_preview (self);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, samples_done, NULL);
  g_task_set_source_tag (task, settle_template_editor_set_book);
  g_task_set_task_data (task, g_object_ref (book), g_object_unref);
  g_task_run_in_thread (task, samples_thread);
}

void
settle_template_editor_set_template (SettleTemplateEditor *self,
                                     const SettleTemplate *tmpl)
{
  g_return_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self));

  self->loading = TRUE;
  g_free (self->template_id);
  self->template_id = tmpl != NULL ? g_strdup (tmpl->template_id) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->subject_entry),
                         tmpl != NULL && tmpl->subject != NULL ? tmpl->subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            tmpl != NULL && tmpl->body_text != NULL ? tmpl->body_text : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->html_view),
                            tmpl != NULL && tmpl->body_html != NULL ? tmpl->body_html : "", -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_box), tmpl != NULL);
  self->last_focus = FIELD_SUBJECT;
  self->loading = FALSE;
  revalidate (self);
}

SettleTemplate *
settle_template_editor_get_template (SettleTemplateEditor *self)
{
  SettleTemplate *tmpl;

  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), NULL);

  if (self->template_id == NULL)
    return NULL;
  tmpl = settle_template_new (self->template_id);
  g_free (tmpl->subject);
  g_free (tmpl->body_text);
  g_free (tmpl->body_html);
  tmpl->subject = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
  tmpl->body_text = buffer_text (self->text_view);
  tmpl->body_html = buffer_text (self->html_view);
  return tmpl;
}

gboolean
settle_template_editor_is_valid (SettleTemplateEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), FALSE);
  return settle_template_editor_get_error (self) == NULL;
}

const char *
settle_template_editor_get_error (SettleTemplateEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->errors[i] != NULL)
      return self->errors[i];
  return NULL;
}

GtkEditable *
settle_template_editor_get_subject_entry (SettleTemplateEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), NULL);
  return GTK_EDITABLE (self->subject_entry);
}

GtkTextBuffer *
settle_template_editor_get_text_buffer (SettleTemplateEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

GtkTextBuffer *
settle_template_editor_get_html_buffer (SettleTemplateEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), NULL);
  return gtk_text_view_get_buffer (self->html_view);
}

gboolean
settle_template_editor_get_samples_loaded (SettleTemplateEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), FALSE);
  return self->samples != NULL;
}

SettleId
settle_template_editor_get_sample_invoice (SettleTemplateEditor *self)
{
  const Sample *sample;

  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), SETTLE_ID_NONE);
  sample = current_sample (self);
  return sample != NULL ? sample->id : SETTLE_ID_NONE;
}

void
settle_template_editor_set_sample_invoice (SettleTemplateEditor *self,
                                           SettleId              invoice_id)
{
  g_return_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self));

  for (guint i = 0; self->samples != NULL && i < self->samples->len; i++)
    if (((Sample *) g_ptr_array_index (self->samples, i))->id == invoice_id)
      gtk_drop_down_set_selected (self->sample_dropdown, i);
}

const char *
settle_template_editor_get_preview_subject (SettleTemplateEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), NULL);
  return self->preview_subject;
}

const char *
settle_template_editor_get_preview_text (SettleTemplateEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_TEMPLATE_EDITOR (self), NULL);
  return self->preview_text;
}
