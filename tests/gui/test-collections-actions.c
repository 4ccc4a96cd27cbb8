/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "settle-client.h"
#include "settle-collections-packet.h"
#include "settle-dunning.h"
#include "settle-demo.h"
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
#include "test-collections-actions.h"

/* The collections actions on a demo book, through the window: a pending ACH payment
 * marked settled in the details pane, then reversed with a returned-payment fee, a
 * dispute, a 3-instalment plan, the book's late-fee policy, a client's settings, and
 * client credit applied and refunded. Each is checked in the book; the dialogs are
 * saved as PNGs in $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"
#define TIMEOUT_SECONDS 60

static gboolean        have_display;
static GtkApplication *app;
static char           *tmp_dir;
static char           *book_path;

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

#define WAIT_FOR(cond)                                                                  \
  G_STMT_START                                                                          \
  {                                                                                     \
    gint64 wait_end_ = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;      \
    guint wait_tick_ = g_timeout_add (10, tick_cb, NULL);                               \
    while (!(cond) && g_get_monotonic_time () < wait_end_)                              \
      g_main_context_iteration (NULL, TRUE);                                            \
    g_source_remove (wait_tick_);                                                       \
    if (!(cond))                                                                        \
      g_error ("Timed out after %d s waiting for %s", TIMEOUT_SECONDS, #cond);          \
  }                                                                                     \
  G_STMT_END

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static void
settle_frames (GtkWidget *widget,
               guint      n_frames)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, frame_cb, &frames, NULL);

  WAIT_FOR (frames >= n_frames);
  gtk_widget_remove_tick_callback (widget, id);
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  int width, height;

  settle_frames (widget, 30);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        settle_frames (widget, 1);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (build_dir != NULL ? build_dir : ".", "gui", "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s (%d×%d)", path, width, height);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
must_find (GtkWidget  *root,
           const char *name)
{
  GtkWidget *w = find_named (root, name);

  if (w == NULL)
    g_error ("No widget named %s", name);
  return w;
}

/* A visible toplevel named name, or NULL. */
static GtkWidget *
find_window (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (w)), name) == 0
          && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static GtkWidget *
wait_window (const char *name)
{
  GtkWidget *w;

  WAIT_FOR ((w = find_window (name)) != NULL);
  return w;
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (must_find (root, name)), text);
}

static void
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = must_find (root, name);

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Clicks confirm and waits for the window to go. */
static void
confirm (GtkWidget *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  click (window, "confirm");
  if (window != NULL && gtk_widget_get_visible (must_find (window, "error")))
    g_error ("The form refused: %s", gtk_label_get_text (GTK_LABEL (must_find (window, "error"))));
  WAIT_FOR (window == NULL);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

static SettleBook *
open_reader (void)
{
  g_autoptr(GError) error = NULL;
  SettleBook *book = settle_book_open (book_path, SETTLE_BOOK_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return book;
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

  if (!have_display)
    {
      g_test_skip ("No display (run under xvfb-run; set CI to make this a failure)");
      return;
    }

  reader = open_reader ();
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
  WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);

  /* The pane: "Pending" pill, the pending fact, Mark settled. */
  detail = show (window, first_id);
  name = g_strdup_printf ("payment-%" G_GINT64_FORMAT, ach->id);
  row = must_find (GTK_WIDGET (detail), name);
  {
    g_autofree char *pending = settle_money_format (settle_money_init (first->total, first->currency));
    GtkWidget *fact = must_find (GTK_WIDGET (detail), "pending-fact");
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
  save_png (GTK_WIDGET (window), "collections-pending-payment.png");
  g_free (name);
  name = g_strdup_printf ("mark-settled-%" G_GINT64_FORMAT, ach->id);
  click (GTK_WIDGET (detail), name);
  dialog = wait_window ("settle-dialog");
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
  WAIT_FOR (find_named (GTK_WIDGET (detail), name) != NULL);
  click (GTK_WIDGET (detail), name);
  dialog = wait_window ("reverse-dialog");
  set_text (dialog, "detail", "R01 insufficient funds");
  set_text (dialog, "nsf-fee", "abc");
  click (dialog, "confirm");
  g_assert_true (gtk_widget_get_visible (must_find (dialog, "error")));
  g_assert_true (gtk_widget_has_css_class (must_find (dialog, "nsf-fee"), "error"));
  set_text (dialog, "nsf-fee", "25.00");
  gtk_widget_set_size_request (dialog, 520, -1);
  save_png (dialog, "collections-reverse-dialog.png");
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
  WAIT_FOR (find_named (GTK_WIDGET (detail), "dispute") != NULL);
  click (GTK_WIDGET (detail), "dispute");
  dialog = wait_window ("dispute-dialog");
  click (dialog, "confirm");
  g_assert_true (gtk_widget_has_css_class (must_find (dialog, "reason"), "error"));
  set_text (dialog, "reason", "Client says the work was not done");
  confirm (dialog);
  {
    gboolean disputed = FALSE, paused = TRUE;

    g_assert_true (settle_invoice_get_flags (reader, first_id, &disputed, &paused, &error));
    g_assert_no_error (error);
    g_assert_true (disputed);
    g_assert_false (paused);
  }
  WAIT_FOR (find_named (GTK_WIDGET (detail), "dispute-banner") != NULL);
  g_assert_true (gtk_widget_is_visible (must_find (GTK_WIDGET (detail), "dispute-banner")));
  save_png (GTK_WIDGET (window), "collections-disputed.png");

  /* A 3-instalment plan on the second invoice. */
  second = settle_invoice_load (reader, second_id, &error);
  g_assert_no_error (error);
  detail = show (window, second_id);
  click (GTK_WIDGET (detail), "payment-plan");
  dialog = wait_window ("instalment-dialog");
  set_text (dialog, "count", "3");
  set_text (dialog, "first-due", "2025-07-15");
  g_assert_cmpuint (count_rows (must_find (dialog, "instalments")), ==, 3);
  set_text (dialog, "count", "0");
  g_assert_cmpuint (count_rows (must_find (dialog, "instalments")), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (must_find (dialog, "confirm")));
  set_text (dialog, "count", "3");
  gtk_widget_set_size_request (dialog, 520, -1);
  save_png (dialog, "collections-instalment-dialog.png");
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
  WAIT_FOR (find_named (GTK_WIDGET (detail), "plan-instalments") != NULL);
  g_assert_cmpuint (count_rows (must_find (GTK_WIDGET (detail), "plan-instalments")), ==, 3);
  save_png (GTK_WIDGET (window), "collections-plan.png");

  /* Reminders paused: no reason needed; the banner shows. */
  click (GTK_WIDGET (detail), "pause");
  confirm (wait_window ("pause-dialog"));
  {
    gboolean disputed = TRUE, paused = FALSE;

    g_assert_true (settle_invoice_get_flags (reader, second_id, &disputed, &paused, &error));
    g_assert_no_error (error);
    g_assert_false (disputed);
    g_assert_true (paused);
  }
  WAIT_FOR (find_named (GTK_WIDGET (detail), "pause-banner") != NULL);

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
    WAIT_FOR (find_named (GTK_WIDGET (detail), "waive-1") != NULL);
    g_assert_cmpuint (count_rows (must_find (GTK_WIDGET (detail), "late-fees")), ==, 1);
    click (GTK_WIDGET (detail), "waive-1");
    dialog = wait_window ("waive-dialog");
    set_text (dialog, "reason", "Goodwill");
    confirm (dialog);
    fee_invoice = settle_invoice_load (reader, fee_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (fee_invoice->status, ==, SETTLE_INVOICE_VOID);
    WAIT_FOR (find_named (GTK_WIDGET (detail), "waive-1") == NULL);
    check_invariants (reader);
  }

  /* The book's late-fee policy, with its sentence. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.collections-preferences", NULL));
  dialog = wait_window ("collections-preferences");
  adw_combo_row_set_selected (ADW_COMBO_ROW (must_find (dialog, "kind")), 2);
  set_text (dialog, "rate", "1.5");
  set_text (dialog, "grace", "5");
  adw_combo_row_set_selected (ADW_COMBO_ROW (must_find (dialog, "frequency")), 1);
  set_text (dialog, "cap", "abc");
  g_assert_false (gtk_widget_get_sensitive (must_find (dialog, "confirm")));
  g_assert_true (gtk_widget_has_css_class (must_find (dialog, "cap"), "error"));
  set_text (dialog, "cap", "50.00");
  g_assert_true (gtk_widget_get_sensitive (must_find (dialog, "confirm")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (must_find (dialog, "policy-summary"))),
                            "each month"));
  save_png (dialog, "collections-preferences.png");
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
  dialog = wait_window ("client-collections");
  gtk_switch_set_active (GTK_SWITCH (must_find (dialog, "opt-out")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (must_find (dialog, "late-fee")), 2);
  set_text (dialog, "late-fee-policy", "flat:0");
  g_assert_false (gtk_widget_get_sensitive (must_find (dialog, "confirm")));
  set_text (dialog, "late-fee-policy", "flat:1500;grace:10");
  g_assert_true (gtk_widget_get_sensitive (must_find (dialog, "confirm")));
  save_png (dialog, "collections-client-settings.png");
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
    dialog = wait_window ("apply-credit-dialog");
    adw_combo_row_set_selected (ADW_COMBO_ROW (must_find (dialog, "invoice")), position);
    set_text (dialog, "amount", "40.00");
    confirm (dialog);
    after = settle_invoice_load (reader, second_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (after->amount_paid, ==, second->amount_paid + 4000);
    g_assert_cmpint (credit_of (reader, client_id), ==, before + 6000);
    check_invariants (reader);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refund-credit", NULL));
    dialog = wait_window ("refund-credit-dialog");
    rest = settle_money_to_plain (settle_money_init (before + 6000, first->currency));
    set_text (dialog, "amount", rest);
    set_text (dialog, "reference", "Check 5521");
    confirm (dialog);
    g_assert_cmpint (credit_of (reader, client_id), ==, 0);
    check_invariants (reader);
  }

  /* Nothing keeps the window's book (and its session lock) alive. */
  {
    SettleBook *book = settle_window_get_book (window);

    g_object_add_weak_pointer (G_OBJECT (book), (gpointer *) &book);
    gtk_window_destroy (GTK_WINDOW (window));
    WAIT_FOR (book == NULL);
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

  if (!have_display)
    {
      g_test_skip ("No display (run under xvfb-run; set CI to make this a failure)");
      return;
    }

  reader = open_reader ();
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
  WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);
  settle_payment_actions_write_packets (settle_window_get_book (window), GTK_WINDOW (window));
  WAIT_FOR (n_pending_packets (reader) == 0);

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

static void
make_demo_book (void)
{
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  SettleDemoOptions options;

  tmp_dir = g_dir_make_tmp ("settle-gui-coll-XXXXXX", &error);
  g_assert_no_error (error);
  book_path = g_build_filename (tmp_dir, "demo.settle", NULL);
  book = settle_book_open (book_path, SETTLE_BOOK_OPEN_CREATE, &error);
  g_assert_no_error (error);
  settle_demo_options_init (&options);
  options.n_clients = 20;
  options.n_invoices = 400;
  options.seed = 7;
  g_assert_true (settle_date_parse (DEMO_TODAY, &options.today));
  g_assert_true (settle_demo_generate (book, &options, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("SETTLE_TODAY", DEMO_TODAY, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (!have_display && g_getenv ("CI") != NULL)
    g_error ("No display, but CI is set: GUI tests must run (use xvfb-run)");
  if (have_display)
    {
      adw_init ();
      settle_gui_init ();
      app = test_collections_actions_app_new ();
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
      make_demo_book ();
    }

  g_test_add_func ("/gui/collections-actions/all", test_collections_actions);
  g_test_add_func ("/gui/collections-actions/packets", test_collections_packets);
  status = g_test_run ();

  g_clear_object (&app);
  if (tmp_dir != NULL)
    remove_tree (tmp_dir);
  g_free (book_path);
  g_free (tmp_dir);
  return status;
}
