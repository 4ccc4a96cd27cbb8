/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-activity.h"
#include "settle-client.h"
#include "settle-format.h"
#include "settle-invoice-detail.h"
#include "settle-invoice.h"
#include "settle-payment-actions.h"
#include "settle-payment.h"

struct _SettleInvoiceDetail
{
  AdwBin      parent_instance;

  SettleBook *book;
  gulong      changed_id;
  SettleId    invoice_id;

  GtkStack   *stack;
  GtkLabel   *number_label;
  GtkLabel   *status_label;
  GtkLabel   *client_label;
  GtkLabel   *hold_label;
  GtkBox     *collections_box;
  GtkGrid    *facts_grid;
  GtkListBox *lines_list;
  GtkGrid    *totals_grid;
  GtkListBox *payments_list;
  GtkListBox *activity_list;
  GtkLabel   *notes_label;
};

G_DEFINE_FINAL_TYPE (SettleInvoiceDetail, settle_invoice_detail, ADW_TYPE_BIN)

static void
remove_children (GtkWidget *container)
{
  GtkWidget *child;

  if (GTK_IS_LIST_BOX (container))
    {
      /* Rows only: the placeholder is a child of the list box too. */
      while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (container), 0))))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
    }
  else
    {
      while ((child = gtk_widget_get_first_child (container)) != NULL)
        gtk_grid_remove (GTK_GRID (container), child);
    }
}

static GtkWidget *
caption_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
value_label (const char *text,
             gboolean    money)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), money ? 1 : 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), !money);
  if (money)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "money");
    }
  return label;
}

static void
add_fact (GtkGrid    *grid,
          int         row,
          const char *caption,
          const char *value,
          gboolean    money)
{
  GtkWidget *caption_widget = caption_label (caption);
  GtkWidget *value_widget = value_label (value, money);

  gtk_grid_attach (grid, caption_widget, 0, row, 1, 1);
  gtk_grid_attach (grid, value_widget, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption_widget, NULL,
                                  -1);
}

static GtkWidget *
list_row (const char *title,
          const char *subtitle,
          const char *amount)
{
  GtkWidget *row = adw_action_row_new ();

  /* Descriptions and references are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (amount != NULL)
    {
      GtkWidget *label = value_label (amount, TRUE);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
fill_facts (SettleInvoiceDetail *self,
            const SettleInvoice *invoice)
{
  g_autofree char *issued = settle_format_date_long (&invoice->issue_date);
  g_autofree char *due = settle_format_date_long (&invoice->due_date);
  g_autofree char *terms = settle_terms_describe (&invoice->terms);
  int row = 0;

  remove_children (GTK_WIDGET (self->facts_grid));
  add_fact (self->facts_grid, row++, _("Issued"), issued, FALSE);
  add_fact (self->facts_grid, row++, _("Due"), due, FALSE);
  add_fact (self->facts_grid, row++, _("Terms"), terms, FALSE);
  add_fact (self->facts_grid, row++, _("Currency"), invoice->currency, FALSE);
  if (invoice->po_number != NULL && *invoice->po_number != '\0')
    add_fact (self->facts_grid, row++, _("PO number"), invoice->po_number, FALSE);
  {
    gint64 pending = 0;

    if (settle_invoice_get_pending (self->book, invoice->id, &pending, NULL) && pending > 0)
      {
        g_autofree char *amount = settle_format_money (pending, invoice->currency);

        add_fact (self->facts_grid, row++, _("Payment pending"), amount, FALSE);
        gtk_widget_set_name (gtk_grid_get_child_at (self->facts_grid, 1, row - 1), "pending-fact");
      }
  }
}

static void
fill_lines (SettleInvoiceDetail *self,
            const SettleInvoice *invoice)
{
  remove_children (GTK_WIDGET (self->lines_list));
  for (guint i = 0; invoice->lines != NULL && i < invoice->lines->len; i++)
    {
      const SettleInvoiceLine *line = g_ptr_array_index (invoice->lines, i);
      g_autofree char *quantity = settle_format_quantity (line->quantity_milli);
      g_autofree char *price = settle_format_money (line->unit_price, invoice->currency);
      g_autofree char *rate = settle_format_rate (line->tax_rate_bp);
      g_autofree char *amount = settle_format_money (line->net, invoice->currency);
      g_autofree char *subtitle = NULL;

      if (line->tax_rate_bp != 0)
        /* Translators: an invoice line: quantity × unit price · tax rate. */
        subtitle = g_strdup_printf (_("%s × %s · tax %s"), quantity, price, rate);
      else
        /* Translators: an invoice line without tax: quantity × unit price. */
        subtitle = g_strdup_printf (_("%s × %s"), quantity, price);
      gtk_list_box_append (self->lines_list, list_row (line->description, subtitle, amount));
    }
}

static void
fill_totals (SettleInvoiceDetail *self,
             const SettleInvoice *invoice)
{
  const char *currency = invoice->currency;
  g_autofree char *subtotal = settle_format_money (invoice->subtotal, currency);
  g_autofree char *tax = settle_format_money (invoice->tax_total, currency);
  g_autofree char *total = settle_format_money (invoice->total, currency);
  g_autofree char *paid = settle_format_money (invoice->amount_paid, currency);
  g_autofree char *balance = settle_format_money (settle_invoice_get_balance (invoice), currency);
  GtkWidget *last;

  remove_children (GTK_WIDGET (self->totals_grid));
  add_fact (self->totals_grid, 0, _("Subtotal"), subtotal, TRUE);
  add_fact (self->totals_grid, 1, _("Tax"), tax, TRUE);
  add_fact (self->totals_grid, 2, _("Total"), total, TRUE);
  add_fact (self->totals_grid, 3, _("Paid"), paid, TRUE);
  add_fact (self->totals_grid, 4, _("Balance due"), balance, TRUE);
  for (int column = 0; column < 2; column++)
    {
      last = gtk_grid_get_child_at (self->totals_grid, column, 4);
      gtk_widget_remove_css_class (last, "dim-label");
      gtk_widget_add_css_class (last, "heading");
    }
}

static void
fill_payments (SettleInvoiceDetail *self,
               const SettleInvoice *invoice)
{
  remove_children (GTK_WIDGET (self->payments_list));
  /* With each payment's status: pending, reversed, and its actions. */
  settle_payment_actions_fill_payments (self->payments_list, self->book, invoice);
}

static void
fill_activity (SettleInvoiceDetail *self,
               const SettleInvoice *invoice)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  remove_children (GTK_WIDGET (self->activity_list));
  activities = settle_activity_list (self->book, "invoice", invoice->id, &error);
  if (activities == NULL)
    {
      g_warning ("Cannot list the activity of invoice %" G_GINT64_FORMAT ": %s",
                 invoice->id, error->message);
      return;
    }
  /* Newest on top: what happened last is what a bookkeeper asks about. */
  for (guint i = activities->len; i > 0; i--)
    {
      const SettleActivity *activity = g_ptr_array_index (activities, i - 1);
      g_autofree char *when = settle_format_timestamp (activity->at);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;

      /* "issued" carries the number, which the pane's title already shows. */
      if (activity->detail != NULL && *activity->detail != '\0'
          && g_strcmp0 (activity->detail, invoice->number) != 0)
        title = g_strdup_printf ("%s — %s", settle_format_activity_label (activity->action),
                                 activity->detail);
      else
        title = g_strdup (settle_format_activity_label (activity->action));
      /* Translators: when and who, under an activity: "2024-03-15 14:02 · alice". */
      subtitle = g_strdup_printf (_("%s · %s"), when, activity->actor != NULL ? activity->actor : "");
      gtk_list_box_append (self->activity_list, list_row (title, subtitle, NULL));
    }
}

static void
reload (SettleInvoiceDetail *self)
{
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  SettleDisplayStatus status;
  GDate today;

  if (self->book == NULL || self->invoice_id == SETTLE_ID_NONE)
    {
      gtk_label_set_label (self->number_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  invoice = settle_invoice_load (self->book, self->invoice_id, &error);
  if (invoice == NULL)
    {
      if (!g_error_matches (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND))
        g_warning ("Cannot load invoice %" G_GINT64_FORMAT ": %s", self->invoice_id,
                   error->message);
      self->invoice_id = SETTLE_ID_NONE;
      gtk_label_set_label (self->number_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  settle_today (&today);
  status = settle_display_status (invoice->status, &invoice->due_date, &today);
  gtk_label_set_label (self->number_label, invoice->number != NULL ? invoice->number : _("Draft"));
  gtk_label_set_label (self->status_label, settle_display_status_label (status));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label),
                              (const char **) settle_display_status_classes (status));
  gtk_label_set_label (self->client_label, invoice->client_name != NULL ? invoice->client_name : "");
  /* The hold flag lives on the client, not on the invoice. */
  gtk_widget_set_visible (GTK_WIDGET (self->hold_label), FALSE);
  {
    g_autoptr(SettleClient) client = settle_client_load (self->book, invoice->client_id, NULL);

    if (client != NULL)
      gtk_widget_set_visible (GTK_WIDGET (self->hold_label), client->on_hold);
  }

  fill_facts (self, invoice);
  fill_lines (self, invoice);
  fill_totals (self, invoice);
  fill_payments (self, invoice);
  settle_payment_actions_fill_collections (self->collections_box, self->book, invoice);
  fill_activity (self, invoice);

  gtk_label_set_label (self->notes_label, invoice->notes != NULL ? invoice->notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label),
                          invoice->notes != NULL && *invoice->notes != '\0');
  gtk_stack_set_visible_child_name (self->stack, "invoice");
}

static void
book_changed_cb (SettleInvoiceDetail *self)
{
  reload (self);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  return label;
}

static void
settle_invoice_detail_dispose (GObject *object)
{
  SettleInvoiceDetail *self = SETTLE_INVOICE_DETAIL (object);

  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (settle_invoice_detail_parent_class)->dispose (object);
}

static void
settle_invoice_detail_class_init (SettleInvoiceDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = settle_invoice_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/settle/Settle/ui/settle-invoice-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, number_label);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, client_label);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, hold_label);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, collections_box);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, lines_list);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, totals_grid);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, payments_list);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, activity_list);
  gtk_widget_class_bind_template_child (widget_class, SettleInvoiceDetail, notes_label);
}

static void
settle_invoice_detail_init (SettleInvoiceDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->lines_list, placeholder (_("No lines")));
  gtk_list_box_set_placeholder (self->payments_list, placeholder (_("No payments applied")));
  gtk_list_box_set_placeholder (self->activity_list, placeholder (_("No activity recorded")));
}

void
settle_invoice_detail_set_book (SettleInvoiceDetail *self,
                                SettleBook          *book)
{
  g_return_if_fail (SETTLE_IS_INVOICE_DETAIL (self));
  g_return_if_fail (book == NULL || SETTLE_IS_BOOK (book));

  if (self->book == book)
    return;
  if (self->book != NULL)
    g_clear_signal_handler (&self->changed_id, self->book);
  g_set_object (&self->book, book);
  if (book != NULL)
    self->changed_id = g_signal_connect_object (book, "changed", G_CALLBACK (book_changed_cb),
                                                self, G_CONNECT_SWAPPED);
  self->invoice_id = SETTLE_ID_NONE;
  reload (self);
}

void
settle_invoice_detail_show_invoice (SettleInvoiceDetail *self,
                                    SettleId             invoice_id)
{
  g_return_if_fail (SETTLE_IS_INVOICE_DETAIL (self));

  if (self->invoice_id == invoice_id)
    return;
  self->invoice_id = invoice_id;
  reload (self);
}

SettleId
settle_invoice_detail_get_invoice_id (SettleInvoiceDetail *self)
{
  g_return_val_if_fail (SETTLE_IS_INVOICE_DETAIL (self), SETTLE_ID_NONE);
  return self->invoice_id;
}

const char *
settle_invoice_detail_get_title (SettleInvoiceDetail *self)
{
  g_return_val_if_fail (SETTLE_IS_INVOICE_DETAIL (self), NULL);
  return gtk_label_get_label (self->number_label);
}
