/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <adwaita.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-gui.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment-dialog.h"
#include "settle-window.h"
#include "settle-gui-test.h"
#include "test-payments-book.h"

/* The window on a demo book: "Record payment…" for a client with open invoices,
 * an amount covering the first and part of the second, checked in the book. The
 * dialog is saved as PNGs in $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"

static GtkApplication    *app;
static char              *tmp_dir;
static char              *book_path;

static char *
plain (gint64 amount)
{
  return settle_money_to_plain (settle_money_init (amount, "USD"));
}

static void
test_record_across_two (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) first = NULL;
  g_autoptr(SettleInvoice) second = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *first_row_name = NULL;
  g_autofree char *second_row_name = NULL;
  g_autofree char *credit_text = NULL;
  g_autofree char *expect = NULL;
  SettleWindow *window;
  SettlePaymentDialog *dialog;
  GtkWidget *row1, *row2, *remaining;
  SettleId client_id = 0, first_id = 0, second_id = 0;
  guint client_index = 0;
  gint64 part;

  if (settle_gui_test_skip_without_display ())
    return;

  /* A client with at least two open invoices, nothing paid on them yet. */
  reader = settle_gui_test_open_book (book_path);
  g_assert_true (test_payments_find_client (reader, &client_id, &client_index, &first_id,
                                            &second_id));
  first = settle_invoice_load (reader, first_id, &error);
  second = settle_invoice_load (reader, second_id, &error);
  g_assert_no_error (error);
  part = second->total / 2;

  window = settle_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);

  /* The window's action (Ctrl+Shift+P) opens the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record-payment", NULL));
  SETTLE_GUI_TEST_WAIT_FOR (
    (dialog = (SettlePaymentDialog *) settle_gui_test_find_visible_toplevel (
       SETTLE_TYPE_PAYMENT_DIALOG, NULL)) != NULL);
  adw_combo_row_set_selected (
    ADW_COMBO_ROW (settle_gui_test_need_named (GTK_WIDGET (dialog), "client")), client_index);
  g_assert_cmpint (settle_payment_dialog_get_client_id (dialog), ==, client_id);

  first_row_name = g_strdup_printf ("invoice-%s", first->number);
  second_row_name = g_strdup_printf ("invoice-%s", second->number);
  row1 = settle_gui_test_need_named (GTK_WIDGET (dialog), first_row_name);
  row2 = settle_gui_test_need_named (GTK_WIDGET (dialog), second_row_name);
  remaining = settle_gui_test_need_named (GTK_WIDGET (dialog), "remaining");

  amount_text = plain (first->total + part);
  gtk_editable_set_text (GTK_EDITABLE (settle_gui_test_need_named (GTK_WIDGET (dialog), "amount")),
                         amount_text);
  gtk_editable_set_text (
    GTK_EDITABLE (settle_gui_test_need_named (GTK_WIDGET (dialog), "reference")), "1042");

  /* Only the first ticked: the rest is shown as credit to be. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (settle_gui_test_need_named (row1, "check")), TRUE);
  credit_text = settle_money_format (settle_money_init (part, "USD"));
  expect = g_strdup_printf ("%s will become credit", credit_text);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (remaining)), ==, expect);
  g_assert_false (
    gtk_check_button_get_active (GTK_CHECK_BUTTON (settle_gui_test_need_named (row2, "check"))));

  /* Oldest first: all of the first, the rest on the second. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.allocate", NULL));
  g_assert_true (
    gtk_check_button_get_active (GTK_CHECK_BUTTON (settle_gui_test_need_named (row2, "check"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (remaining)), ==, "All of the payment is allocated");
  gtk_widget_set_size_request (GTK_WIDGET (dialog), 640, 860);
  settle_gui_test_save_png (GTK_WIDGET (dialog), "payment-dialog-before.png");

  /* Too much on the second: inline error, Record disabled. */
  {
    GtkWidget       *entry2 = settle_gui_test_need_named (row2, "amount");
    g_autofree char *saved = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry2)));
    g_autofree char *too_much = plain (second->total + 100);

    gtk_editable_set_text (GTK_EDITABLE (entry2), too_much);
    g_assert_true (gtk_widget_has_css_class (entry2, "error"));
    g_assert_true (gtk_widget_has_css_class (remaining, "error"));
    g_assert_false (
      gtk_widget_get_sensitive (settle_gui_test_need_named (GTK_WIDGET (dialog), "record")));
    settle_gui_test_save_png (GTK_WIDGET (dialog), "payment-dialog-error.png");
    gtk_editable_set_text (GTK_EDITABLE (entry2), saved);
    g_assert_true (
      gtk_widget_get_sensitive (settle_gui_test_need_named (GTK_WIDGET (dialog), "record")));
  }

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.record", NULL));
  SETTLE_GUI_TEST_WAIT_FOR (dialog == NULL);

  /* In the book: the first paid, the second partly. */
  {
    g_autoptr(SettleInvoice) a = settle_invoice_load (reader, first->id, &error);
    g_autoptr(SettleInvoice) b = settle_invoice_load (reader, second->id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (a->status, ==, SETTLE_INVOICE_PAID);
    g_assert_cmpint (a->amount_paid, ==, first->total);
    g_assert_cmpint (b->status, ==, SETTLE_INVOICE_PARTIAL);
    g_assert_cmpint (b->amount_paid, ==, part);
    g_assert_true (settle_book_check_invariants (reader, &error));
    g_assert_no_error (error);
  }

  /* Again for the same client: the first is gone, the second shows what is left. */
  dialog = settle_payment_dialog_new (GTK_WINDOW (window), settle_window_get_book (window),
                                      client_id, &error);
  g_assert_no_error (error);
  gtk_widget_set_size_request (GTK_WIDGET (dialog), 640, 860);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_null (settle_gui_test_find_named (GTK_WIDGET (dialog), first_row_name));
  g_assert_nonnull (settle_gui_test_find_named (GTK_WIDGET (dialog), second_row_name));
  settle_gui_test_save_png (GTK_WIDGET (dialog), "payment-dialog-after.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A credit card in New York with a 3 % surcharge: its own line, and the state's rules. */
  test_payments_set_surcharge (reader, client_id, 300, "NY");
  dialog = settle_payment_dialog_new (GTK_WINDOW (window), settle_window_get_book (window),
                                      client_id, &error);
  g_assert_no_error (error);
  gtk_widget_set_size_request (GTK_WIDGET (dialog), 640, 980);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_combo_row_set_selected (
    ADW_COMBO_ROW (settle_gui_test_need_named (GTK_WIDGET (dialog), "method")), 1);
  gtk_editable_set_text (GTK_EDITABLE (settle_gui_test_need_named (GTK_WIDGET (dialog), "amount")),
                         "100.00");
  {
    GtkWidget *surcharge = settle_gui_test_need_named (GTK_WIDGET (dialog), "surcharge");
    GtkWidget *warning = settle_gui_test_need_named (GTK_WIDGET (dialog), "warning");

    g_assert_true (gtk_widget_get_visible (surcharge));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (surcharge)), "$3.00"));
    g_assert_true (gtk_widget_get_visible (warning));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "NY"));
    settle_gui_test_save_png (GTK_WIDGET (dialog), "payment-dialog-card.png");
    /* A debit card never carries one. */
    gtk_switch_set_active (
      GTK_SWITCH (settle_gui_test_need_named (GTK_WIDGET (dialog), "credit-card")), FALSE);
    g_assert_false (gtk_widget_get_visible (surcharge));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (settle_gui_test_init (&argc, &argv, DEMO_TODAY))
    {
      g_autoptr(SettleBook) book = NULL;

      app = settle_gui_test_app_new ();
      book = settle_gui_test_demo_book_new ("settle-gui-pay-XXXXXX", 20, 400, 7, DEMO_TODAY,
                                            &tmp_dir, &book_path);
    }

  g_test_add_func ("/gui/payments/record-across-two", test_record_across_two);
  status = g_test_run ();

  settle_gui_test_finish (NULL, &app, &tmp_dir, &book_path);
  return status;
}
