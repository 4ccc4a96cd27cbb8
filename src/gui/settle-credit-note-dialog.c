/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-credit-note-dialog.h"
#include "settle-credit-note.h"
#include "settle-format.h"
#include "settle-invoice.h"

struct _SettleCreditNoteDialog
{
  AdwWindow        parent_instance;

  SettleBook      *book;
  SettleInvoice   *invoice;
  GPtrArray       *entries;     /* GtkEntry*, one per invoice line */
  SettleInvoice   *credit;      /* the lines chosen, totalled; NULL = whole balance or invalid */
  gboolean         valid;

  AdwWindowTitle  *window_title;
  AdwActionRow    *full_row;
  GtkCheckButton  *full_check;
  GtkCheckButton  *lines_check;
  AdwPreferencesGroup *lines_group;
  AdwEntryRow     *reason_row;
  AdwEntryRow     *date_row;
  GtkLabel        *summary_label;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (SettleCreditNoteDialog, settle_credit_note_dialog, ADW_TYPE_WINDOW)

enum {
  ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (SettleCreditNoteDialog *self,
            const char             *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The chosen lines as a credit, or NULL with an error naming the line. */
static SettleInvoice *
read_lines (SettleCreditNoteDialog *self,
            GError                **error)
{
  g_autoptr(SettleInvoice) credit = NULL;
  gboolean bad = FALSE;

  credit = settle_invoice_new (self->invoice->client_id, self->invoice->currency);
  credit->rounding = self->invoice->rounding;
  credit->tax_rounding = self->invoice->tax_rounding;
  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (self->entries, i);
      const SettleInvoiceLine *line = g_ptr_array_index (self->invoice->lines, i);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
      g_autofree char *trimmed = g_strstrip (g_strdup (text));
      SettleInvoiceLine *copy;
      gint64 quantity = 0;

      gtk_widget_remove_css_class (entry, "error");
      if (bad || *trimmed == '\0')
        continue;
      if (!settle_invoice_parse_quantity (trimmed, &quantity, NULL))
        {
          gtk_widget_add_css_class (entry, "error");
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Line %u: quantity “%s” is not a number"), i + 1, text);
          bad = TRUE;
          continue;
        }
      if (quantity < 0 || quantity > line->quantity_milli)
        {
          g_autofree char *invoiced = settle_format_quantity (line->quantity_milli);

          gtk_widget_add_css_class (entry, "error");
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Line %u: credit between 0 and the %s invoiced"), i + 1, invoiced);
          bad = TRUE;
          continue;
        }
      if (quantity == 0)
        continue;
      copy = settle_invoice_add_line (credit, line->description, quantity, line->unit_price,
                                      line->tax_rate_bp);
      copy->item_id = line->item_id;
      copy->discount_bp = line->discount_bp;
    }
  if (bad)
    return NULL;
  if (credit->lines->len == 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Enter the quantity to credit on at least one line"));
      return NULL;
    }
  if (!settle_invoice_compute_totals (credit, error))
    return NULL;
  return g_steal_pointer (&credit);
}

static void
update (SettleCreditNoteDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gboolean by_lines = gtk_check_button_get_active (self->lines_check);
  g_autofree char *amount = NULL;
  g_autofree char *summary = NULL;
  GDate date;

  gtk_widget_set_sensitive (GTK_WIDGET (self->lines_group), by_lines);
  g_clear_pointer (&self->credit, settle_invoice_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  if (by_lines)
    self->credit = read_lines (self, &error);
  if (error == NULL && !settle_date_parse (date_text, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      g_set_error (&error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Date: “%s” is not a date like 2026-03-31"), date_text);
    }
  if (error == NULL && *reason == '\0')
    g_set_error_literal (&error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                         _("Reason: say why the invoice is credited; it is printed on the credit note"));

  if (by_lines && self->credit != NULL)
    {
      amount = settle_format_money (self->credit->total, self->credit->currency);
      /* Translators: the amount of a credit note for chosen lines, tax included. */
      summary = g_strdup_printf (_("Credit %s, tax included"), amount);
    }
  else if (!by_lines)
    {
      amount = settle_format_money (settle_invoice_get_balance (self->invoice),
                                    self->invoice->currency);
      /* Translators: the amount of a credit note for the whole open balance. */
      summary = g_strdup_printf (_("Credit %s, the open balance"), amount);
    }
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
  self->valid = error == NULL;
  show_error (self, error != NULL ? error->message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credit.issue", self->valid);
}

static void
changed_cb (SettleCreditNoteDialog *self)
{
  if (self->invoice != NULL)
    update (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SettleCreditNoteDialog *self = SETTLE_CREDIT_NOTE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  SettleId id;
  GDate date;

  update (self);
  if (!self->valid)
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  settle_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date);
  id = settle_credit_note_issue (self->book, self->invoice->id,
                                 self->credit != NULL ? self->credit->lines : NULL, &date, reason,
                                 &error);
  if (id == SETTLE_ID_NONE)
    {
      show_error (self, error->message);
      return;
    }
  settle_book_notify_changed (self->book);
  g_signal_emit (self, signals[ISSUED], 0, (gint64) id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
settle_credit_note_dialog_dispose (GObject *object)
{
  SettleCreditNoteDialog *self = SETTLE_CREDIT_NOTE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SETTLE_TYPE_CREDIT_NOTE_DIALOG);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (settle_credit_note_dialog_parent_class)->dispose (object);
}

static void
settle_credit_note_dialog_finalize (GObject *object)
{
  SettleCreditNoteDialog *self = SETTLE_CREDIT_NOTE_DIALOG (object);

  g_clear_pointer (&self->invoice, settle_invoice_free);
  g_clear_pointer (&self->credit, settle_invoice_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (settle_credit_note_dialog_parent_class)->finalize (object);
}

static void
settle_credit_note_dialog_class_init (SettleCreditNoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_credit_note_dialog_dispose;
  object_class->finalize = settle_credit_note_dialog_finalize;

  /* The credit note was issued: its id. */
  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-credit-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleCreditNoteDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SettleCreditNoteDialog, full_row);
  gtk_widget_class_bind_template_child (widget_class, SettleCreditNoteDialog, full_check);
  gtk_widget_class_bind_template_child (widget_class, SettleCreditNoteDialog, lines_check);
  gtk_widget_class_bind_template_child (widget_class, SettleCreditNoteDialog, lines_group);
  gtk_widget_class_bind_template_child (widget_class, SettleCreditNoteDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SettleCreditNoteDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SettleCreditNoteDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SettleCreditNoteDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "credit.issue", NULL, issue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
settle_credit_note_dialog_init (SettleCreditNoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new ();
}

static void
add_line_row (SettleCreditNoteDialog  *self,
              guint                    position,
              const SettleInvoiceLine *line)
{
  g_autofree char *quantity = settle_format_quantity (line->quantity_milli);
  g_autofree char *price = settle_format_money (line->unit_price, self->invoice->currency);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  /* Translators: under a line in the credit-note dialog: invoiced quantity × price. */
  subtitle = g_strdup_printf (_("Invoiced %s × %s"), quantity, price);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->description);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_name (entry, "credit-quantity");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "0");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  label = g_strdup_printf (_("Quantity to credit on line %u"), position);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);

  g_ptr_array_add (self->entries, entry);
  adw_preferences_group_add (self->lines_group, row);
}

SettleCreditNoteDialog *
settle_credit_note_dialog_new (GtkWindow  *parent,
                               SettleBook *book,
                               SettleId    invoice_id,
                               GError    **error)
{
  SettleCreditNoteDialog *self;
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autofree char *title = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  invoice = settle_invoice_load (book, invoice_id, error);
  if (invoice == NULL)
    return NULL;
  if (invoice->kind != SETTLE_INVOICE_KIND_INVOICE
      || (invoice->status != SETTLE_INVOICE_ISSUED && invoice->status != SETTLE_INVOICE_PARTIAL
          && invoice->status != SETTLE_INVOICE_PAID))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Only an issued invoice can be credited; %s is %s"),
                   invoice->number != NULL ? invoice->number : _("this draft"),
                   settle_invoice_status_label (invoice->status));
      return NULL;
    }

  self = g_object_new (SETTLE_TYPE_CREDIT_NOTE_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->book = g_object_ref (book);
  self->invoice = g_steal_pointer (&invoice);

  /* Translators: the credit-note dialog's title: "Credit INV-2026-000042". */
  title = g_strdup_printf (_("Credit %s"), self->invoice->number);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, self->invoice->client_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  balance = settle_format_money (settle_invoice_get_balance (self->invoice), self->invoice->currency);
  adw_action_row_set_subtitle (self->full_row, balance);
  /* A paid invoice has no balance to credit; its lines still can be, as client credit. */
  if (settle_invoice_get_balance (self->invoice) <= 0)
    {
      gtk_check_button_set_active (self->lines_check, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->full_row), FALSE);
    }

  for (guint i = 0; i < self->invoice->lines->len; i++)
    add_line_row (self, i + 1, g_ptr_array_index (self->invoice->lines, i));

  settle_today (&today);
  today_text = settle_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  update (self);
  return self;
}

SettleId
settle_credit_note_dialog_get_invoice_id (SettleCreditNoteDialog *self)
{
  g_return_val_if_fail (SETTLE_IS_CREDIT_NOTE_DIALOG (self), SETTLE_ID_NONE);
  return self->invoice->id;
}
