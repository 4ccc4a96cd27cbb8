/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-application.h"
#include "settle-demo.h"
#include "settle-gui.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment-dialog.h"
#include "settle-window.h"
#include "test-payments-book.h"

/* The window on a demo book: "Record payment…" for a client with open invoices,
 * an amount covering the first and part of the second, checked in the book. The
 * dialog is saved as PNGs in $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"
#define TIMEOUT_SECONDS 60

static gboolean           have_display;
static SettleApplication *app;
static char              *tmp_dir;
static char              *book_path;

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

static SettlePaymentDialog *
find_payment_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (SETTLE_IS_PAYMENT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return SETTLE_PAYMENT_DIALOG (w);
    }
  return NULL;
}

static SettleBook *
open_reader (void)
{
  g_autoptr(GError) error = NULL;
  SettleBook *book = settle_book_open (book_path, SETTLE_BOOK_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return book;
}

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

  if (!have_display)
    {
      g_test_skip ("No display (run under xvfb-run; set CI to make this a failure)");
      return;
    }

  /* A client with at least two open invoices, nothing paid on them yet. */
  reader = open_reader ();
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
  WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);

  /* The window's action (Ctrl+Shift+P) opens the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record-payment", NULL));
  WAIT_FOR ((dialog = find_payment_dialog ()) != NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (must_find (GTK_WIDGET (dialog), "client")),
                              client_index);
  g_assert_cmpint (settle_payment_dialog_get_client_id (dialog), ==, client_id);

  first_row_name = g_strdup_printf ("invoice-%s", first->number);
  second_row_name = g_strdup_printf ("invoice-%s", second->number);
  row1 = must_find (GTK_WIDGET (dialog), first_row_name);
  row2 = must_find (GTK_WIDGET (dialog), second_row_name);
  remaining = must_find (GTK_WIDGET (dialog), "remaining");

  amount_text = plain (first->total + part);
  gtk_editable_set_text (GTK_EDITABLE (must_find (GTK_WIDGET (dialog), "amount")), amount_text);
  gtk_editable_set_text (GTK_EDITABLE (must_find (GTK_WIDGET (dialog), "reference")), "1042");

  /* Only the first ticked: the rest is shown as credit to be. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (must_find (row1, "check")), TRUE);
  credit_text = settle_money_format (settle_money_init (part, "USD"));
  expect = g_strdup_printf ("%s will become credit", credit_text);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (remaining)), ==, expect);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (must_find (row2, "check"))));

  /* Oldest first: all of the first, the rest on the second. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.allocate", NULL));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (must_find (row2, "check"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (remaining)), ==, "All of the payment is allocated");
  gtk_widget_set_size_request (GTK_WIDGET (dialog), 640, 860);
  save_png (GTK_WIDGET (dialog), "payment-dialog-before.png");

  /* Too much on the second: inline error, Record disabled. */
  {
    GtkWidget *entry2 = must_find (row2, "amount");
    g_autofree char *saved = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry2)));
    g_autofree char *too_much = plain (second->total + 100);

    gtk_editable_set_text (GTK_EDITABLE (entry2), too_much);
    g_assert_true (gtk_widget_has_css_class (entry2, "error"));
    g_assert_true (gtk_widget_has_css_class (remaining, "error"));
    g_assert_false (gtk_widget_get_sensitive (must_find (GTK_WIDGET (dialog), "record")));
    save_png (GTK_WIDGET (dialog), "payment-dialog-error.png");
    gtk_editable_set_text (GTK_EDITABLE (entry2), saved);
    g_assert_true (gtk_widget_get_sensitive (must_find (GTK_WIDGET (dialog), "record")));
  }

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.record", NULL));
  WAIT_FOR (dialog == NULL);

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
  g_assert_null (find_named (GTK_WIDGET (dialog), first_row_name));
  g_assert_nonnull (find_named (GTK_WIDGET (dialog), second_row_name));
  save_png (GTK_WIDGET (dialog), "payment-dialog-after.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A credit card in New York with a 3 % surcharge: its own line, and the state's rules. */
  test_payments_set_surcharge (reader, client_id, 300, "NY");
  dialog = settle_payment_dialog_new (GTK_WINDOW (window), settle_window_get_book (window),
                                      client_id, &error);
  g_assert_no_error (error);
  gtk_widget_set_size_request (GTK_WIDGET (dialog), 640, 980);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_combo_row_set_selected (ADW_COMBO_ROW (must_find (GTK_WIDGET (dialog), "method")), 1);
  gtk_editable_set_text (GTK_EDITABLE (must_find (GTK_WIDGET (dialog), "amount")), "100.00");
  {
    GtkWidget *surcharge = must_find (GTK_WIDGET (dialog), "surcharge");
    GtkWidget *warning = must_find (GTK_WIDGET (dialog), "warning");

    g_assert_true (gtk_widget_get_visible (surcharge));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (surcharge)), "$3.00"));
    g_assert_true (gtk_widget_get_visible (warning));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "NY"));
    save_png (GTK_WIDGET (dialog), "payment-dialog-card.png");
    /* A debit card never carries one. */
    gtk_switch_set_active (GTK_SWITCH (must_find (GTK_WIDGET (dialog), "credit-card")), FALSE);
    g_assert_false (gtk_widget_get_visible (surcharge));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
make_demo_book (void)
{
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  SettleDemoOptions options;

  tmp_dir = g_dir_make_tmp ("settle-gui-pay-XXXXXX", &error);
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
      app = settle_application_new (G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
      make_demo_book ();
    }

  g_test_add_func ("/gui/payments/record-across-two", test_record_across_two);
  status = g_test_run ();

  g_clear_object (&app);
  if (tmp_dir != NULL)
    remove_tree (tmp_dir);
  g_free (book_path);
  g_free (tmp_dir);
  return status;
}
