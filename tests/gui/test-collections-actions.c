/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <adwaita.h>
#include <string.h>

#include "settle-client.h"
#include "settle-collections-packet.h"
#include "settle-dunning.h"
#include "settle-gui.h"
#include "settle-instalment-plan.h"
#include "settle-invoice-collections.h"
#include "settle-invoice-detail.h"
#include "settle-invoice.h"
#include "settle-invoices-view.h"
#include "settle-late-fee-store.h"
#include "settle-money.h"
#include "settle-payment-actions.h"
#include "settle-payment.h"
#include "settle-window.h"
#include "settle-gui-test.h"

/* The collections actions on a demo book, through the window: a pending ACH payment
 * marked settled in the details pane, then reversed with a returned-payment fee, a
 * dispute, a 3-instalment plan, the book's late-fee policy, a client's settings, and
 * client credit applied and refunded. Each is checked in the book; the dialogs are
 * saved as PNGs in $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"

static GtkApplication *app;
static char           *tmp_dir;
static char           *book_path;

/* Clicks confirm and waits for the window to go. */
static void
confirm (GtkWidget *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  settle_gui_test_click_named (window, "confirm");
  if (window != NULL && gtk_widget_get_visible (settle_gui_test_need_named (window, "error")))
    g_error ("The form refused: %s",
             gtk_label_get_text (GTK_LABEL (settle_gui_test_need_named (window, "error"))));
  SETTLE_GUI_TEST_WAIT_FOR (window == NULL);
}

static gint64
credit_of (SettleBook *book,
           SettleId    client_id)
{
  g_autoptr(GError) error = NULL;
  gint64 credit = -1;

  g_assert_true (settle_client_get_available_credit (book, client_id, &credit, &error));
  g_assert_no_error (error);
  return credit;
}

static void
check_invariants (SettleBook *book)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (settle_book_check_invariants (book, &error));
  g_assert_no_error (error);
}

/* A client with two open invoices nothing is paid on yet. */
static void
find_client (SettleBook *book,
             SettleId   *client_id,
             SettleId   *first_id,
             SettleId   *second_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payers = settle_payment_list_payers (book, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < payers->len; i++)
    {
      SettleClient *c = g_ptr_array_index (payers, i);
      g_autoptr(GPtrArray) items = settle_payment_list_open_invoices (book, c->id, &error);
      SettleOpenInvoice *a, *b;

      g_assert_no_error (error);
      if (items->len < 2)
        continue;
      a = g_ptr_array_index (items, 0);
      b = g_ptr_array_index (items, 1);
      if (a->balance != a->total || b->balance != b->total || a->pending != 0 || b->pending != 0)
        continue;
      *client_id = c->id;
      *first_id = a->id;
      *second_id = b->id;
      return;
    }
  g_error ("The demo book has no client with two unpaid invoices");
}

static SettleInvoiceDetail *
show (SettleWindow *window,
      SettleId      invoice_id)
{
  SettleInvoicesView *view = settle_window_get_invoices_view (window);
  SettleInvoiceDetail *detail = settle_invoices_view_get_detail (view);
  GtkWidget *paned = gtk_widget_get_parent (GTK_WIDGET (detail));

  settle_window_set_view (window, "invoices");
  settle_invoice_detail_show_invoice (detail, invoice_id);
  if (GTK_IS_PANED (paned))
    settle_gui_reveal_pane (GTK_PANED (paned), GTK_WIDGET (detail), 560);
  g_assert_cmpint (settle_invoices_view_get_shown_invoice (view), ==, invoice_id);
  return detail;
}

static void
test_collections_actions (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettlePayment) ach = settle_payment_new ();
  g_autoptr(SettleInvoice) first = NULL;
  g_autoptr(SettleInvoice) second = NULL;
  g_autofree char *name = NULL;
  SettleId client_id = 0, first_id = 0, second_id = 0;
  SettleInvoiceDetail *detail;
  SettleWindow *window;
  GtkWidget *dialog, *row;
  SettleAllocation allocation;

  if (settle_gui_test_skip_without_display ())
    return;

  reader = settle_gui_test_open_book (book_path);
  find_client (reader, &client_id, &first_id, &second_id);
  first = settle_invoice_load (reader, first_id, &error);
  g_assert_no_error (error);

  /* A pending ACH debit for the whole first invoice, through the core. */
  ach->client_id = client_id;
  g_assert_true (settle_date_parse (DEMO_TODAY, &ach->date));
  ach->amount = first->total;
  g_strlcpy (ach->currency, first->currency, sizeof ach->currency);
  ach->method = SETTLE_PAYMENT_ACH;
  ach->status = SETTLE_PAYMENT_PENDING;
  g_free (ach->reference);
  ach->reference = g_strdup ("ACH-77");
  g_assert_true (settle_payment_record (reader, ach, &error));
  g_assert_no_error (error);
  allocation.invoice_id = first_id;
  allocation.amount = first->total;
  g_assert_true (settle_payment_allocate_manual (reader, ach->id, &allocation, 1, &error));
  g_assert_no_error (error);

  window = settle_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);

  /* The pane: "Pending" pill, the pending fact, Mark settled. */
  detail = show (window, first_id);
  name = g_strdup_printf ("payment-%" G_GINT64_FORMAT, ach->id);
  row = settle_gui_test_need_named (GTK_WIDGET (detail), name);
  {
    g_autofree char *pending = settle_money_format (settle_money_init (first->total, first->currency));
    GtkWidget *fact = settle_gui_test_need_named (GTK_WIDGET (detail), "pending-fact");
    gboolean has_pill = FALSE;

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (fact)), ==, pending);
    /* The pill is a label "Pending" somewhere in the row. */
    {
      GPtrArray *stack = g_ptr_array_new ();

      g_ptr_array_add (stack, row);
      while (stack->len > 0)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

          if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), "Pending") == 0
              && gtk_widget_has_css_class (w, "status-pill"))
            has_pill = TRUE;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
      g_ptr_array_unref (stack);
    }
    g_assert_true (has_pill);
  }
  settle_gui_test_save_png (GTK_WIDGET (window), "collections-pending-payment.png");
  g_free (name);
  name = g_strdup_printf ("mark-settled-%" G_GINT64_FORMAT, ach->id);
  settle_gui_test_click_named (GTK_WIDGET (detail), name);
  dialog = settle_gui_test_wait_named_window ("settle-dialog");
  confirm (dialog);
  {
    g_autoptr(SettlePayment) p = settle_payment_load (reader, ach->id, &error);
    g_autoptr(SettleInvoice) inv = settle_invoice_load (reader, first_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (p->status, ==, SETTLE_PAYMENT_SETTLED);
    g_assert_cmpint (p->applied, ==, first->total);
    g_assert_cmpint (inv->status, ==, SETTLE_INVOICE_PAID);
    check_invariants (reader);
  }

  /* Reverse it with a returned-payment fee: the invoice opens again. */
  g_free (name);
  name = g_strdup_printf ("reverse-%" G_GINT64_FORMAT, ach->id);
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_named (GTK_WIDGET (detail), name) != NULL);
  settle_gui_test_click_named (GTK_WIDGET (detail), name);
  dialog = settle_gui_test_wait_named_window ("reverse-dialog");
  settle_gui_test_set_named_text (dialog, "detail", "R01 insufficient funds");
  settle_gui_test_set_named_text (dialog, "nsf-fee", "abc");
  settle_gui_test_click_named (dialog, "confirm");
  g_assert_true (gtk_widget_get_visible (settle_gui_test_need_named (dialog, "error")));
  g_assert_true (
    gtk_widget_has_css_class (settle_gui_test_need_named (dialog, "nsf-fee"), "error"));
  settle_gui_test_set_named_text (dialog, "nsf-fee", "25.00");
  gtk_widget_set_size_request (dialog, 520, -1);
  settle_gui_test_save_png (dialog, "collections-reverse-dialog.png");
  confirm (dialog);
  {
    g_autoptr(SettlePayment) p = settle_payment_load (reader, ach->id, &error);
    g_autoptr(SettleInvoice) inv = settle_invoice_load (reader, first_id, &error);
    g_autoptr(SettleInvoice) nsf = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (p->status, ==, SETTLE_PAYMENT_REVERSED);
    g_assert_cmpstr (p->reversal_reason, ==, "Returned ACH: R01 insufficient funds");
    g_assert_cmpint (inv->status, ==, SETTLE_INVOICE_ISSUED);
    g_assert_cmpint (settle_invoice_get_balance (inv), ==, first->total);
    g_assert_cmpint (p->nsf_invoice_id, !=, 0);
    nsf = settle_invoice_load (reader, p->nsf_invoice_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (nsf->total, ==, 2500);
    check_invariants (reader);
  }

  /* Dispute: the flag in the book, the banner in the pane. */
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_named (GTK_WIDGET (detail), "dispute") != NULL);
  settle_gui_test_click_named (GTK_WIDGET (detail), "dispute");
  dialog = settle_gui_test_wait_named_window ("dispute-dialog");
  settle_gui_test_click_named (dialog, "confirm");
  g_assert_true (gtk_widget_has_css_class (settle_gui_test_need_named (dialog, "reason"), "error"));
  settle_gui_test_set_named_text (dialog, "reason", "Client says the work was not done");
  confirm (dialog);
  {
    gboolean disputed = FALSE, paused = TRUE;

    g_assert_true (settle_invoice_get_flags (reader, first_id, &disputed, &paused, &error));
    g_assert_no_error (error);
    g_assert_true (disputed);
    g_assert_false (paused);
  }
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_named (GTK_WIDGET (detail), "dispute-banner") !=
                            NULL);
  g_assert_true (
    gtk_widget_is_visible (settle_gui_test_need_named (GTK_WIDGET (detail), "dispute-banner")));
  settle_gui_test_save_png (GTK_WIDGET (window), "collections-disputed.png");

  /* A 3-instalment plan on the second invoice. */
  second = settle_invoice_load (reader, second_id, &error);
  g_assert_no_error (error);
  detail = show (window, second_id);
  settle_gui_test_click_named (GTK_WIDGET (detail), "payment-plan");
  dialog = settle_gui_test_wait_named_window ("instalment-dialog");
  settle_gui_test_set_named_text (dialog, "count", "3");
  settle_gui_test_set_named_text (dialog, "first-due", "2025-07-15");
  g_assert_cmpuint (settle_gui_test_count_rows (settle_gui_test_need_named (dialog, "instalments")),
                    ==, 3);
  settle_gui_test_set_named_text (dialog, "count", "0");
  g_assert_cmpuint (settle_gui_test_count_rows (settle_gui_test_need_named (dialog, "instalments")),
                    ==, 0);
  g_assert_false (gtk_widget_get_sensitive (settle_gui_test_need_named (dialog, "confirm")));
  settle_gui_test_set_named_text (dialog, "count", "3");
  gtk_widget_set_size_request (dialog, 520, -1);
  settle_gui_test_save_png (dialog, "collections-instalment-dialog.png");
  confirm (dialog);
  {
    g_autoptr(SettleInstalmentPlan) plan = settle_instalment_plan_load_active (reader, second_id, &error);
    gint64 sum = 0;

    g_assert_no_error (error);
    g_assert_nonnull (plan);
    g_assert_cmpuint (plan->instalments->len, ==, 3);
    for (guint i = 0; i < 3; i++)
      sum += g_array_index (plan->instalments, SettleInstalment, i).amount;
    g_assert_cmpint (sum, ==, settle_invoice_get_balance (second));
  }
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_named (GTK_WIDGET (detail), "plan-instalments") !=
                            NULL);
  g_assert_cmpuint (settle_gui_test_count_rows (
                      settle_gui_test_need_named (GTK_WIDGET (detail), "plan-instalments")),
                    ==, 3);
  settle_gui_test_save_png (GTK_WIDGET (window), "collections-plan.png");

  /* Reminders paused: no reason needed; the banner shows. */
  settle_gui_test_click_named (GTK_WIDGET (detail), "pause");
  confirm (settle_gui_test_wait_named_window ("pause-dialog"));
  {
    gboolean disputed = TRUE, paused = FALSE;

    g_assert_true (settle_invoice_get_flags (reader, second_id, &disputed, &paused, &error));
    g_assert_no_error (error);
    g_assert_false (disputed);
    g_assert_true (paused);
  }
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_named (GTK_WIDGET (detail), "pause-banner") !=
                            NULL);

  /* A late fee charged on the second invoice, waived from the pane: voided. */
  {
    g_autoptr(SettleInvoice) fee_invoice = NULL;
    SettleLateFee fee = { 0 };
    SettleId fee_id;
    GDate today;

    g_assert_true (settle_date_parse (DEMO_TODAY, &today));
    fee.period = 1;
    fee.start = today;
    fee.amount = 1234;
    fee.explanation = (char *) "Flat late fee";
    fee_id = settle_late_fee_store_charge (reader, second_id, &fee, &today, &error);
    g_assert_no_error (error);
    g_assert_cmpint (fee_id, !=, 0);
    settle_book_notify_changed (settle_window_get_book (window));
    SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_named (GTK_WIDGET (detail), "waive-1") != NULL);
    g_assert_cmpuint (
      settle_gui_test_count_rows (settle_gui_test_need_named (GTK_WIDGET (detail), "late-fees")),
      ==, 1);
    settle_gui_test_click_named (GTK_WIDGET (detail), "waive-1");
    dialog = settle_gui_test_wait_named_window ("waive-dialog");
    settle_gui_test_set_named_text (dialog, "reason", "Goodwill");
    confirm (dialog);
    fee_invoice = settle_invoice_load (reader, fee_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (fee_invoice->status, ==, SETTLE_INVOICE_VOID);
    SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_named (GTK_WIDGET (detail), "waive-1") == NULL);
    check_invariants (reader);
  }

  /* The book's late-fee policy, with its sentence. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.collections-preferences", NULL));
  dialog = settle_gui_test_wait_named_window ("collections-preferences");
  adw_combo_row_set_selected (ADW_COMBO_ROW (settle_gui_test_need_named (dialog, "kind")), 2);
  settle_gui_test_set_named_text (dialog, "rate", "1.5");
  settle_gui_test_set_named_text (dialog, "grace", "5");
  adw_combo_row_set_selected (ADW_COMBO_ROW (settle_gui_test_need_named (dialog, "frequency")), 1);
  settle_gui_test_set_named_text (dialog, "cap", "abc");
  g_assert_false (gtk_widget_get_sensitive (settle_gui_test_need_named (dialog, "confirm")));
  g_assert_true (gtk_widget_has_css_class (settle_gui_test_need_named (dialog, "cap"), "error"));
  settle_gui_test_set_named_text (dialog, "cap", "50.00");
  g_assert_true (gtk_widget_get_sensitive (settle_gui_test_need_named (dialog, "confirm")));
  g_assert_nonnull (
    strstr (gtk_label_get_text (GTK_LABEL (settle_gui_test_need_named (dialog, "policy-summary"))),
            "each month"));
  settle_gui_test_save_png (dialog, "collections-preferences.png");
  confirm (dialog);
  {
    g_autofree char *text = settle_late_fee_store_get_default (reader);
    SettleLateFeePolicy p;

    g_assert_nonnull (text);
    g_assert_true (settle_late_fee_policy_parse (text, &p, &error));
    g_assert_no_error (error);
    g_assert_cmpint (p.kind, ==, SETTLE_LATE_FEE_PERCENT);
    g_assert_cmpint (p.rate_bp, ==, 150);
    g_assert_cmpint (p.grace_days, ==, 5);
    g_assert_cmpint (p.frequency, ==, SETTLE_LATE_FEE_MONTHLY);
    g_assert_cmpint (p.cap_per_period, ==, 5000);
  }

  /* The client's own settings: opted out, own policy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.client-collections", NULL));
  dialog = settle_gui_test_wait_named_window ("client-collections");
  gtk_switch_set_active (GTK_SWITCH (settle_gui_test_need_named (dialog, "opt-out")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (settle_gui_test_need_named (dialog, "late-fee")), 2);
  settle_gui_test_set_named_text (dialog, "late-fee-policy", "flat:0");
  g_assert_false (gtk_widget_get_sensitive (settle_gui_test_need_named (dialog, "confirm")));
  settle_gui_test_set_named_text (dialog, "late-fee-policy", "flat:1500;grace:10");
  g_assert_true (gtk_widget_get_sensitive (settle_gui_test_need_named (dialog, "confirm")));
  settle_gui_test_save_png (dialog, "collections-client-settings.png");
  confirm (dialog);
  {
    g_autofree char *ladder = NULL;
    g_autofree char *fee = NULL;
    gboolean opt_out = FALSE;

    g_assert_true (settle_client_get_collections (reader, client_id, &opt_out, &ladder, &fee, &error));
    g_assert_no_error (error);
    g_assert_true (opt_out);
    g_assert_null (ladder);
    g_assert_cmpstr (fee, ==, "flat:1500;grace:10");
  }

  /* Client credit: a check not applied, then 40.00 applied to the second invoice and
   * the rest refunded. */
  {
    g_autoptr(SettlePayment) check = settle_payment_new ();
    g_autoptr(GPtrArray) open = NULL;
    g_autoptr(SettleInvoice) after = NULL;
    gint64 before = credit_of (reader, client_id);
    g_autofree char *rest = NULL;
    guint position = 0;

    check->client_id = client_id;
    g_assert_true (settle_date_parse (DEMO_TODAY, &check->date));
    check->amount = 10000;
    g_strlcpy (check->currency, first->currency, sizeof check->currency);
    check->method = SETTLE_PAYMENT_CHECK;
    g_assert_true (settle_payment_record (reader, check, &error));
    g_assert_no_error (error);
    g_assert_cmpint (credit_of (reader, client_id), ==, before + 10000);
    open = settle_payment_list_open_invoices (reader, client_id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < open->len; i++)
      if (((SettleOpenInvoice *) g_ptr_array_index (open, i))->id == second_id)
        position = i + 1;
    g_assert_cmpuint (position, >, 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-credit", NULL));
    dialog = settle_gui_test_wait_named_window ("apply-credit-dialog");
    adw_combo_row_set_selected (ADW_COMBO_ROW (settle_gui_test_need_named (dialog, "invoice")),
                                position);
    settle_gui_test_set_named_text (dialog, "amount", "40.00");
    confirm (dialog);
    after = settle_invoice_load (reader, second_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (after->amount_paid, ==, second->amount_paid + 4000);
    g_assert_cmpint (credit_of (reader, client_id), ==, before + 6000);
    check_invariants (reader);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refund-credit", NULL));
    dialog = settle_gui_test_wait_named_window ("refund-credit-dialog");
    rest = settle_money_to_plain (settle_money_init (before + 6000, first->currency));
    settle_gui_test_set_named_text (dialog, "amount", rest);
    settle_gui_test_set_named_text (dialog, "reference", "Check 5521");
    confirm (dialog);
    g_assert_cmpint (credit_of (reader, client_id), ==, 0);
    check_invariants (reader);
  }

  /* Nothing keeps the window's book (and its session lock) alive. */
  {
    SettleBook *book = settle_window_get_book (window);

    g_object_add_weak_pointer (G_OBJECT (book), (gpointer *) &book);
    gtk_window_destroy (GTK_WINDOW (window));
    SETTLE_GUI_TEST_WAIT_FOR (book == NULL);
  }
}

static guint
n_pending_packets (SettleBook *book)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packets = settle_collections_packet_list (book, TRUE, &error);

  g_assert_no_error (error);
  return packets->len;
}

/* After a reminder run that hands invoices to collections, the packets are written
 * by the window's worker (what the reminder dialog does when its run finishes). */
static void
test_collections_packets (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packets = NULL;
  g_autofree char *folder = NULL;
  SettleDunningResult result = { 0 };
  SettleWindow *window;
  GDate as_of;

  if (settle_gui_test_skip_without_display ())
    return;

  reader = settle_gui_test_open_book (book_path);
  folder = g_build_filename (tmp_dir, "collections", NULL);
  g_assert_true (settle_book_set_setting (reader, "collections.folder", folder, &error));
  g_assert_no_error (error);
  g_assert_true (settle_date_parse (DEMO_TODAY, &as_of));
  /* A one-step ladder: whatever is overdue goes to collections at once. */
  {
    g_autoptr(SettleDunningLadder) ladder = settle_dunning_ladder_parse ("1:phone-task:collections:collections",
                                                                          &error);

    g_assert_no_error (error);
    g_assert_true (settle_dunning_ladder_save (reader, ladder, &error));
    g_assert_no_error (error);
  }
  g_assert_true (settle_dunning_run (reader, &as_of, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_packets, >, 0);
  g_assert_cmpuint (n_pending_packets (reader), >, 0);

  window = settle_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);
  settle_payment_actions_write_packets (settle_window_get_book (window), GTK_WINDOW (window));
  SETTLE_GUI_TEST_WAIT_FOR (n_pending_packets (reader) == 0);

  packets = settle_collections_packet_list (reader, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < packets->len; i++)
    {
      const SettleCollectionsPacket *packet = g_ptr_array_index (packets, i);
      g_autofree char *activity = g_build_filename (packet->folder, "activity.csv", NULL);

      g_assert_true (packet->written);
      g_assert_true (g_str_has_prefix (packet->folder, folder));
      g_assert_true (g_file_test (activity, G_FILE_TEST_IS_REGULAR));
    }
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
      book = settle_gui_test_demo_book_new ("settle-gui-coll-XXXXXX", 20, 400, 7, DEMO_TODAY,
                                            &tmp_dir, &book_path);
    }

  g_test_add_func ("/gui/collections-actions/all", test_collections_actions);
  g_test_add_func ("/gui/collections-actions/packets", test_collections_packets);
  status = g_test_run ();

  settle_gui_test_finish (NULL, &app, &tmp_dir, &book_path);
  return status;
}
