/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "settle-catalog.h"
#include "settle-client.h"
#include "settle-format.h"
#include "settle-invoice-editor-private.h"
#include "settle-invoice-line-row.h"
#include "settle-series.h"
#include "settle-terms.h"

G_DEFINE_FINAL_TYPE (SettleInvoiceEditor, settle_invoice_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (SettleInvoiceEditor *self);

gboolean
settle_invoice_editor_is_draft (SettleInvoiceEditor *self)
{
  return self->invoice != NULL && self->invoice->status == SETTLE_INVOICE_DRAFT;
}

void
settle_invoice_editor_emit_saved (SettleInvoiceEditor *self)
{
  g_signal_emit (self, signals[SAVED], 0, (gint64) self->invoice->id);
}

static GPtrArray *
line_rows (SettleInvoiceEditor *self)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->lines_list, i)) != NULL; i++)
    g_ptr_array_add (rows, row);
  return rows;
}

static void
renumber (SettleInvoiceEditor *self)
{
  g_autoptr(GPtrArray) rows = line_rows (self);

  for (guint i = 0; i < rows->len; i++)
    settle_invoice_line_row_set_position (g_ptr_array_index (rows, i), i + 1, rows->len);
}

/* ---- Terms ---------------------------------------------------------------- */

static void
set_terms_widgets (SettleInvoiceEditor *self,
                   const SettleTerms   *terms)
{
  g_autofree char *percent = NULL;

  gtk_drop_down_set_selected (self->terms_kind, terms->kind);
  gtk_spin_button_set_value (self->terms_days,
                             terms->kind == SETTLE_TERMS_PROXIMO ? terms->day_of_month
                                                                 : terms->days);
  gtk_spin_button_set_value (self->terms_cutoff, terms->cutoff_day);
  if (terms->discount_bp != 0)
    percent = settle_format_fixed (terms->discount_bp, 2, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->early_percent), percent != NULL ? percent : "");
  gtk_spin_button_set_value (self->early_days, terms->discount_days);
}

static gboolean
read_terms (SettleInvoiceEditor *self,
            SettleTerms         *terms,
            GError             **error)
{
  const char *percent = gtk_editable_get_text (GTK_EDITABLE (self->early_percent));
  g_autofree char *trimmed = g_strstrip (g_strdup (percent));
  int value = gtk_spin_button_get_value_as_int (self->terms_days);
  gint64 discount = 0;

  memset (terms, 0, sizeof *terms);
  terms->kind = gtk_drop_down_get_selected (self->terms_kind);
  if (terms->kind > SETTLE_TERMS_PROXIMO)
    terms->kind = SETTLE_TERMS_NET;
  if (terms->kind == SETTLE_TERMS_PROXIMO)
    {
      terms->day_of_month = value;
      terms->cutoff_day = gtk_spin_button_get_value_as_int (self->terms_cutoff);
    }
  else if (terms->kind != SETTLE_TERMS_DUE_ON_RECEIPT)
    terms->days = value;

  gtk_widget_remove_css_class (GTK_WIDGET (self->early_percent), "error");
  if (*trimmed != '\0'
      && (!settle_parse_fixed (trimmed, 2, &discount, NULL) || discount < 0 || discount >= 10000))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->early_percent), "error");
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Early-payment discount: “%s” is not a percentage below 100"), percent);
      return FALSE;
    }
  terms->discount_bp = (int) discount;
  terms->discount_days = discount != 0 ? gtk_spin_button_get_value_as_int (self->early_days) : 0;
  return settle_terms_validate (terms, error);
}

static void
update_terms_row (SettleInvoiceEditor *self,
                  const SettleTerms   *terms)
{
  SettleTermsKind kind = gtk_drop_down_get_selected (self->terms_kind);
  g_autofree char *described = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *subtitle = NULL;
  GDate today, due;

  gtk_widget_set_visible (GTK_WIDGET (self->terms_days), kind != SETTLE_TERMS_DUE_ON_RECEIPT);
  gtk_widget_set_visible (GTK_WIDGET (self->terms_cutoff), kind == SETTLE_TERMS_PROXIMO);
  gtk_widget_set_visible (self->cutoff_caption, kind == SETTLE_TERMS_PROXIMO);
  if (terms == NULL)
    return;

  described = settle_terms_describe (terms);
  if (settle_invoice_editor_is_draft (self))
    {
      settle_today (&today);
      settle_terms_due_date (terms, &today, &due);
      due_text = settle_format_date_long (&due);
      /* Translators: terms, then the due date an invoice issued today gets. */
      subtitle = g_strdup_printf (_("%s · due %s if issued today"), described, due_text);
    }
  else
    {
      due_text = settle_format_date_long (&self->invoice->due_date);
      /* Translators: terms, then the invoice's due date. */
      subtitle = g_strdup_printf (_("%s · due %s"), described, due_text);
    }
  adw_action_row_set_subtitle (self->terms_row, subtitle);
}

/* ---- Reading the form into an invoice -------------------------------------- */

static char *
notes_text (SettleInvoiceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A copy of the invoice with what the form holds now, totalled. Nothing is
 * written: saving takes this copy only when all of it is valid. */
SettleInvoice *
settle_invoice_editor_read (SettleInvoiceEditor *self,
                            GError             **error)
{
  g_autoptr(SettleInvoice) copy = NULL;
  g_autoptr(GPtrArray) rows = line_rows (self);
  const SettleInvoice *inv = self->invoice;

  copy = settle_invoice_new (inv->client_id, inv->currency);
  copy->id = inv->id;
  copy->kind = inv->kind;
  copy->status = inv->status;
  copy->rounding = inv->rounding;
  copy->tax_rounding = inv->tax_rounding;
  copy->terms_days = inv->terms_days;
  copy->original_id = inv->original_id;
  g_free (copy->client_name);
  copy->client_name = g_strdup (inv->client_name);
  g_free (copy->po_number);
  copy->po_number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->po_row))));
  g_free (copy->pay_link);
  copy->pay_link = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pay_link_row))));
  g_free (copy->notes);
  copy->notes = notes_text (self);

  for (guint i = 0; i < rows->len; i++)
    {
      SettleInvoiceLine *line = settle_invoice_add_line (copy, "", 0, 0, 0);

      if (!settle_invoice_line_row_get_line (g_ptr_array_index (rows, i), line, error))
        return NULL;
    }
  if (!read_terms (self, &copy->terms, error))
    return NULL;
  if (copy->terms.kind == SETTLE_TERMS_NET)
    copy->terms_days = copy->terms.days;
  else if (copy->terms.kind == SETTLE_TERMS_DUE_ON_RECEIPT)
    copy->terms_days = 0;

  if (!settle_invoice_compute_totals (copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* ---- Totals ---------------------------------------------------------------- */

static void
add_total (SettleInvoiceEditor *self,
           int                  row,
           const char          *caption,
           gint64               amount,
           gboolean             strong)
{
  g_autofree char *text = settle_format_money (amount, self->invoice->currency);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_widget_add_css_class (value_label, "money");
  gtk_widget_add_css_class (caption_label, strong ? "heading" : "dim-label");
  if (strong)
    {
      gtk_widget_add_css_class (value_label, "heading");
      gtk_widget_set_name (value_label, "total");
    }
  gtk_grid_attach (self->totals_grid, caption_label, 0, row, 1, 1);
  gtk_grid_attach (self->totals_grid, value_label, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption_label, NULL, -1);
}

static int
compare_rates (gconstpointer a,
               gconstpointer b)
{
  return GPOINTER_TO_INT (*(gpointer *) a) - GPOINTER_TO_INT (*(gpointer *) b);
}

/* Tax per rate, rounded the way compute_totals rounds it, so the rows add up to
 * the invoice's tax total. */
static void
fill_totals (SettleInvoiceEditor *self,
             const SettleInvoice *inv)
{
  g_autoptr(GHashTable) net_by_rate = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) tax_by_rate = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) rates = g_ptr_array_new ();
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->totals_grid))) != NULL)
    gtk_grid_remove (self->totals_grid, child);

  for (guint i = 0; i < inv->lines->len; i++)
    {
      const SettleInvoiceLine *line = g_ptr_array_index (inv->lines, i);
      gpointer key = GINT_TO_POINTER (line->tax_rate_bp);
      gint64 *net = g_hash_table_lookup (net_by_rate, key);
      gint64 *tax = g_hash_table_lookup (tax_by_rate, key);

      if (line->tax_rate_bp == 0)
        continue;
      if (net == NULL)
        {
          net = g_new0 (gint64, 1);
          tax = g_new0 (gint64, 1);
          g_hash_table_insert (net_by_rate, key, net);
          g_hash_table_insert (tax_by_rate, key, tax);
          g_ptr_array_add (rates, key);
        }
      /* compute_totals succeeded, so these sums cannot overflow. */
      *net += line->net;
      *tax += line->tax;
    }
  g_ptr_array_sort (rates, compare_rates);

  add_total (self, row++, _("Subtotal"), inv->subtotal + inv->discount_total, FALSE);
  if (inv->discount_total != 0)
    add_total (self, row++, _("Discounts"), -inv->discount_total, FALSE);
  for (guint i = 0; i < rates->len; i++)
    {
      int rate_bp = GPOINTER_TO_INT (g_ptr_array_index (rates, i));
      gint64 tax = *(gint64 *) g_hash_table_lookup (tax_by_rate, GINT_TO_POINTER (rate_bp));
      g_autofree char *percent = settle_format_rate (rate_bp);
      g_autofree char *caption = NULL;

      if (inv->tax_rounding == SETTLE_TAX_ROUND_PER_INVOICE)
        settle_round_mul_div (*(gint64 *) g_hash_table_lookup (net_by_rate, GINT_TO_POINTER (rate_bp)),
                              rate_bp, 10000, inv->rounding, &tax);
      /* Translators: a totals row, the tax at one rate: "Tax 8.25 %". */
      caption = g_strdup_printf (_("Tax %s"), percent);
      add_total (self, row++, caption, tax, FALSE);
    }
  if (rates->len == 0)
    add_total (self, row++, _("Tax"), inv->tax_total, FALSE);
  add_total (self, row++, _("Total"), inv->total, TRUE);
}

/* ---- State ----------------------------------------------------------------- */

void
settle_invoice_editor_show_error (SettleInvoiceEditor *self,
                                  const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
settle_invoice_editor_update_actions (SettleInvoiceEditor *self)
{
  gboolean draft = settle_invoice_editor_is_draft (self);
  gboolean has_lines = gtk_list_box_get_row_at_index (self->lines_list, 0) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", draft && self->valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.issue",
                                 draft && self->valid && has_lines);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete",
                                 draft && self->invoice->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-line", draft);
  gtk_widget_set_visible (self->delete_button, draft && self->invoice->id != 0);
  gtk_widget_set_visible (self->header_buttons, draft);
  /* The column captions only mean something over lines. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->header_quantity), has_lines);
  gtk_widget_set_visible (self->issue_button, draft);
  gtk_widget_set_visible (self->save_button, draft);
}

static void
update (SettleInvoiceEditor *self)
{
  g_autoptr(SettleInvoice) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SettleTerms terms;

  if (self->invoice == NULL || self->filling)
    return;

  copy = settle_invoice_editor_read (self, &error);
  if (copy != NULL && settle_invoice_editor_is_draft (self) && !settle_invoice_validate (self->book, copy, &error))
    g_clear_pointer (&copy, settle_invoice_free);

  self->valid = copy != NULL;
  /* Totals of what no longer parses would be stale: dim them until it does. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->totals_grid), self->valid);
  settle_invoice_editor_show_error (self, error != NULL ? error->message : NULL);
  update_terms_row (self, read_terms (self, &terms, NULL) ? &terms : NULL);
  if (copy != NULL)
    {
      rows = line_rows (self);
      for (guint i = 0; i < rows->len && i < copy->lines->len; i++)
        {
          const SettleInvoiceLine *line = g_ptr_array_index (copy->lines, i);

          settle_invoice_line_row_set_total (g_ptr_array_index (rows, i), line->net);
        }
      fill_totals (self, copy);
    }
  settle_invoice_editor_update_actions (self);
}

static void
changed (SettleInvoiceEditor *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  update (self);
}

static void
field_changed_cb (SettleInvoiceEditor *self)
{
  changed (self);
}

static void
terms_changed_cb (SettleInvoiceEditor *self)
{
  changed (self);
}

static void
row_remove_cb (SettleInvoiceLineRow *row,
               SettleInvoiceEditor  *self)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkListBoxRow *next;

  gtk_list_box_remove (self->lines_list, GTK_WIDGET (row));
  renumber (self);
  next = gtk_list_box_get_row_at_index (self->lines_list, MAX (index - 1, 0));
  if (next != NULL)
    settle_invoice_line_row_focus (SETTLE_INVOICE_LINE_ROW (next));
  else
    gtk_widget_grab_focus (self->add_line_button);
  changed (self);
}

static void
row_move_cb (SettleInvoiceLineRow *row,
             int                   delta,
             SettleInvoiceEditor  *self)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int target = index + delta;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (target < 0 || gtk_list_box_get_row_at_index (self->lines_list, target) == NULL)
    return;
  g_object_ref (row);
  gtk_list_box_remove (self->lines_list, GTK_WIDGET (row));
  gtk_list_box_insert (self->lines_list, GTK_WIDGET (row), target);
  g_object_unref (row);
  renumber (self);
  /* The keyboard stays on the line it moved. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
    gtk_widget_grab_focus (focus);
  else
    settle_invoice_line_row_focus (row);
  changed (self);
}

void
settle_invoice_editor_add_line (SettleInvoiceEditor     *self,
                                const SettleInvoiceLine *line)
{
  SettleInvoiceLineRow *row = settle_invoice_line_row_new (self->invoice->currency,
                                                           self->tax_rates);

  if (line != NULL)
    settle_invoice_line_row_set_line (row, line);
  settle_invoice_line_row_set_editable (row, settle_invoice_editor_is_draft (self));
  settle_invoice_line_row_join_columns (row, self->columns);
  g_signal_connect_object (row, "changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self, 0);
  g_signal_connect_object (row, "move", G_CALLBACK (row_move_cb), self, 0);
  gtk_list_box_append (self->lines_list, GTK_WIDGET (row));
  renumber (self);
  changed (self);
}

static void
set_read_only_widgets (SettleInvoiceEditor *self,
                       gboolean             editable)
{
  g_autoptr(GPtrArray) rows = line_rows (self);

  gtk_widget_set_sensitive (self->terms_box, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->early_percent), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->early_days), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->po_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->pay_link_row), editable);
  gtk_text_view_set_editable (self->notes_view, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->catalog_button), editable);
  gtk_widget_set_visible (self->add_line_button, editable);
  for (guint i = 0; i < rows->len; i++)
    settle_invoice_line_row_set_editable (g_ptr_array_index (rows, i), editable);
}

void
settle_invoice_editor_fill (SettleInvoiceEditor *self)
{
  const SettleInvoice *inv = self->invoice;
  gboolean draft = settle_invoice_editor_is_draft (self);
  gboolean notes_shown;
  GtkListBoxRow *row;
  g_autofree char *title = NULL;
  g_autofree char *banner = NULL;

  self->filling = TRUE;
  while ((row = gtk_list_box_get_row_at_index (self->lines_list, 0)) != NULL)
    gtk_list_box_remove (self->lines_list, GTK_WIDGET (row));

  if (inv->number != NULL)
    title = g_strdup (inv->number);
  else if (inv->kind == SETTLE_INVOICE_KIND_CREDIT_NOTE)
    title = g_strdup (_("Draft Credit Note"));
  else
    title = g_strdup (inv->id != 0 ? _("Draft Invoice") : _("New Invoice"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, inv->client_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (!draft)
    {
      g_autofree char *issued = settle_format_date_long (&inv->issue_date);

      if (inv->kind == SETTLE_INVOICE_KIND_CREDIT_NOTE && inv->original_number != NULL)
        /* Translators: the banner of a read-only credit note: issue date, invoice number. */
        banner = g_strdup_printf (_("Credit note issued on %s for invoice %s. Issued documents "
                                    "cannot be changed."),
                                  issued, inv->original_number);
      else
        /* Translators: the banner of a read-only invoice: issue date, status. */
        banner = g_strdup_printf (_("Issued on %s · %s. An issued invoice cannot be changed: "
                                    "correct it with a credit note."),
                                  issued, settle_invoice_status_label (inv->status));
    }
  gtk_label_set_label (self->banner_label, banner != NULL ? banner : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_label), banner != NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row),
                                 inv->client_name != NULL ? inv->client_name : "");
  adw_action_row_set_subtitle (self->client_row, _("Client"));
  gtk_label_set_label (self->currency_label, inv->currency);
  set_terms_widgets (self, &inv->terms);
  gtk_editable_set_text (GTK_EDITABLE (self->po_row), inv->po_number != NULL ? inv->po_number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->pay_link_row),
                         inv->pay_link != NULL ? inv->pay_link : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            inv->notes != NULL ? inv->notes : "", -1);
  for (guint i = 0; i < inv->lines->len; i++)
    settle_invoice_editor_add_line (self, g_ptr_array_index (inv->lines, i));
  set_read_only_widgets (self, draft);
  /* Read-only, an empty field is only noise. */
  gtk_widget_set_visible (GTK_WIDGET (self->po_row),
                          draft || (inv->po_number != NULL && *inv->po_number != '\0'));
  gtk_widget_set_visible (GTK_WIDGET (self->pay_link_row),
                          draft || (inv->pay_link != NULL && *inv->pay_link != '\0'));
  gtk_widget_set_visible (GTK_WIDGET (self->discount_row), draft || inv->terms.discount_bp != 0);
  notes_shown = draft || (inv->notes != NULL && *inv->notes != '\0');
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->notes_view))),
                          notes_shown);
  /* The totals stay at the right edge, under the amounts, notes or not. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->totals_grid), !notes_shown);
  gtk_stack_set_visible_child_name (self->stack, "invoice");
  self->filling = FALSE;
  self->dirty = FALSE;
  update (self);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
settle_invoice_editor_dispose (GObject *object)
{
  SettleInvoiceEditor *self = SETTLE_INVOICE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_INVOICE_EDITOR);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (settle_invoice_editor_parent_class)->dispose (object);
}

static void
settle_invoice_editor_finalize (GObject *object)
{
  SettleInvoiceEditor *self = SETTLE_INVOICE_EDITOR (object);

  g_clear_pointer (&self->invoice, settle_invoice_free);
  g_clear_pointer (&self->tax_rates, g_ptr_array_unref);
  g_clear_pointer (&self->catalog, g_ptr_array_unref);
  for (guint i = 0; i < SETTLE_LINE_N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);

  G_OBJECT_CLASS (settle_invoice_editor_parent_class)->finalize (object);
}

static void
settle_invoice_editor_class_init (SettleInvoiceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_invoice_editor_dispose;
  object_class->finalize = settle_invoice_editor_finalize;

  /* The invoice was saved, issued or deleted: its id. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (SETTLE_TYPE_INVOICE_LINE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-invoice-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, issue_button);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, client_search);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, client_list);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, client_row);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, currency_label);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, terms_row);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, terms_box);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, terms_kind);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, terms_days);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, cutoff_caption);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, terms_cutoff);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, discount_row);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, early_percent);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, early_days);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, po_row);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, pay_link_row);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, catalog_button);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, catalog_popover);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, catalog_search);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, catalog_list);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, add_line_button);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, lines_list);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, header_quantity);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, header_price);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, header_discount);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, header_tax);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, header_total);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, header_buttons);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceEditor, totals_grid);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, terms_changed_cb);
  settle_invoice_editor_bind_pickers (widget_class);

  settle_invoice_editor_class_init_actions (widget_class);
}

static void
settle_invoice_editor_init (SettleInvoiceEditor *self)
{
  GtkWidget *headers[SETTLE_LINE_N_COLUMNS];
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  headers[SETTLE_LINE_COLUMN_QUANTITY] = self->header_quantity;
  headers[SETTLE_LINE_COLUMN_PRICE] = self->header_price;
  headers[SETTLE_LINE_COLUMN_DISCOUNT] = self->header_discount;
  headers[SETTLE_LINE_COLUMN_TAX] = self->header_tax;
  headers[SETTLE_LINE_COLUMN_TOTAL] = self->header_total;
  headers[SETTLE_LINE_COLUMN_BUTTONS] = self->header_buttons;
  for (guint i = 0; i < SETTLE_LINE_N_COLUMNS; i++)
    {
      self->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
      gtk_size_group_add_widget (self->columns[i], headers[i]);
    }

  placeholder = gtk_label_new (_("No lines yet: add a free line, or pick a product or service "
                                 "from the catalogue."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->lines_list, placeholder);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.issue", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-line", FALSE);
  gtk_widget_set_visible (self->delete_button, FALSE);
  gtk_widget_set_visible (self->issue_button, FALSE);
  gtk_widget_set_visible (self->save_button, FALSE);
}

SettleInvoiceEditor *
settle_invoice_editor_new (SettleBook *book,
                           SettleId    invoice_id,
                           GError    **error)
{
  SettleInvoiceEditor *self;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* GTK owns toplevels: gtk_window_destroy() drops it. */
  self = g_object_new (SETTLE_TYPE_INVOICE_EDITOR, NULL);
  self->book = g_object_ref (book);
  self->tax_rates = settle_tax_rate_list (book, error);
  if (self->tax_rates == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  if (invoice_id == SETTLE_ID_NONE)
    {
      gtk_stack_set_visible_child_name (self->stack, "client");
      settle_invoice_editor_fill_clients (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->client_search));
      return self;
    }

  self->invoice = settle_invoice_load (book, invoice_id, error);
  if (self->invoice == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  settle_invoice_editor_fill (self);
  return self;
}

gboolean
settle_invoice_editor_set_client (SettleInvoiceEditor *self,
                                  SettleId             client_id,
                                  GError             **error)
{
  g_autoptr(SettleInvoice) invoice = NULL;

  g_return_val_if_fail (SETTLE_IS_INVOICE_EDITOR (self), FALSE);
  g_return_val_if_fail (self->invoice == NULL, FALSE);

  /* The client's currency and terms (its own, else the book's). */
  invoice = settle_invoice_new_for_client (self->book, client_id, error);
  if (invoice == NULL)
    return FALSE;
  if (invoice->client_name == NULL)
    {
      g_autoptr(SettleClient) client = settle_client_load (self->book, client_id, error);

      if (client == NULL)
        return FALSE;
      invoice->client_name = g_strdup (client->name);
    }
  self->invoice = g_steal_pointer (&invoice);
  settle_invoice_editor_fill (self);
  gtk_widget_grab_focus (self->add_line_button);
  return TRUE;
}

SettleId
settle_invoice_editor_get_invoice_id (SettleInvoiceEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_INVOICE_EDITOR (self), SETTLE_ID_NONE);
  return self->invoice != NULL ? self->invoice->id : SETTLE_ID_NONE;
}

SettleBook *
settle_invoice_editor_get_book (SettleInvoiceEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_INVOICE_EDITOR (self), NULL);
  return self->book;
}

gboolean
settle_invoice_editor_get_read_only (SettleInvoiceEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_INVOICE_EDITOR (self), FALSE);
  return self->invoice != NULL && !settle_invoice_editor_is_draft (self);
}

gboolean
settle_invoice_editor_get_valid (SettleInvoiceEditor *self)
{
  g_return_val_if_fail (SETTLE_IS_INVOICE_EDITOR (self), FALSE);
  return self->valid;
}
