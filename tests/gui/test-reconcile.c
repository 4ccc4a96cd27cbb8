/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <adwaita.h>
#include <string.h>

#include "settle-aging.h"
#include "settle-bank.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment.h"
#include "settle-reconcile-line-item.h"
#include "settle-reconcile-manual-dialog.h"
#include "settle-reconcile-view.h"
#include "settle-reconcile.h"
#include "settle-window.h"
#include "settle-gui-test.h"

/* The reconciliation view on a demo book: an OFX statement written here, with two
 * deposits that pay known open invoices and a bank fee, imported through the view's
 * import action (what the Import button does after its file chooser); the suggestion
 * for a deposit names its invoice; key 1 accepts it and the invoice is paid; Ctrl+Z
 * undoes it and invoice and line are open again; the other deposit is split by hand;
 * the report is exported. PNGs in $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"

static GtkApplication *app;
static char           *tmp_dir;
static char           *book_path;

typedef struct
{
  SettleId id;
  char    *number;
  char    *client_name;
  SettleId client_id;
  gint64   balance;
} Target;

static void
target_clear (Target *t)
{
  g_free (t->number);
  g_free (t->client_name);
}

/* Two clients, each with an open invoice nothing was paid on yet. */
static void
find_targets (SettleBook *book,
              Target     *targets,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payers = settle_payment_list_payers (book, &error);
  guint found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < payers->len && found < n; i++)
    {
      SettleClient *c = g_ptr_array_index (payers, i);
      g_autoptr(GPtrArray) items = settle_payment_list_open_invoices (book, c->id, &error);

      g_assert_no_error (error);
      for (guint j = 0; j < items->len; j++)
        {
          SettleOpenInvoice *item = g_ptr_array_index (items, j);

          if (item->balance != item->total || item->balance < 10000)
            continue;
          targets[found].id = item->id;
          targets[found].number = g_strdup (item->number);
          targets[found].client_name = g_strdup (c->name);
          targets[found].client_id = c->id;
          targets[found].balance = item->balance;
          found++;
          break;
        }
    }
  g_assert_cmpuint (found, ==, n);
}

static char *
plain (gint64 amount)
{
  return settle_money_to_plain (settle_money_init (amount, "USD"));
}

/* OFX 1.02 as banks write it: deposits naming the payer and the invoice, a fee. */
static char *
write_statement (const Target *a,
                 const Target *b)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *amount_a = plain (a->balance);
  g_autofree char *amount_b = plain (b->balance);
  g_autofree char *closing = plain (a->balance + b->balance - 500);
  g_autofree char *text = NULL;
  char *path = g_build_filename (tmp_dir, "checking.ofx", NULL);

  text = g_strdup_printf (
    "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
    "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
    "<OFX>\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
    "<DTSERVER>20250630120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\n"
    "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
    "<STMTRS><CURDEF>USD\n"
    "<BANKACCTFROM><BANKID>121000248<ACCTID>99001234<ACCTTYPE>CHECKING</BANKACCTFROM>\n"
    "<BANKTRANLIST><DTSTART>20250601<DTEND>20250630\n"
    "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250627<TRNAMT>%s<FITID>T-1001"
    "<NAME>%s<MEMO>Payment invoice %s</STMTTRN>\n"
    "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250628<TRNAMT>%s<FITID>T-1002"
    "<NAME>%s<MEMO>Thank you</STMTTRN>\n"
    "<STMTTRN><TRNTYPE>FEE<DTPOSTED>20250630<TRNAMT>-5.00<FITID>T-1003"
    "<NAME>MONTHLY SERVICE FEE</STMTTRN>\n"
    "</BANKTRANLIST>\n"
    "<LEDGERBAL><BALAMT>%s<DTASOF>20250630</LEDGERBAL>\n"
    "</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n",
    amount_a, a->client_name, a->number, amount_b, b->client_name, closing);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

static SettleReconcileView *
reconcile_view (SettleWindow *window)
{
  return SETTLE_RECONCILE_VIEW (settle_gui_test_template_child (window, SETTLE_TYPE_WINDOW,
                                                                "reconciliation_view"));
}

static guint
n_lines (SettleReconcileView *view)
{
  return g_list_model_get_n_items (settle_reconcile_view_get_lines (view));
}

/* The position of the line of that amount in the list, or fails. */
static guint
line_position (SettleReconcileView *view,
               gint64               amount)
{
  GListModel *lines = settle_reconcile_view_get_lines (view);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SettleReconcileLineItem) item = g_list_model_get_item (lines, i);

      if (settle_reconcile_line_item_get_row (item)->amount == amount)
        return i;
    }
  g_error ("No statement line of %" G_GINT64_FORMAT " in the list", amount);
  return 0;
}

static SettleInvoiceStatus
invoice_status (SettleBook *book,
                SettleId    id,
                gint64     *paid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleInvoice) invoice = settle_invoice_load (book, id, &error);

  g_assert_no_error (error);
  *paid = invoice->amount_paid;
  return invoice->status;
}

static const char *
line_status (SettleBook *book,
             SettleId    line_id)
{
  static char status[16];
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = settle_reconcile_list_lines (book, 0, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      SettleStatementLineRow *row = g_ptr_array_index (lines, i);

      if (row->id == line_id)
        {
          g_strlcpy (status, row->status, sizeof status);
          return status;
        }
    }
  g_error ("No statement line %" G_GINT64_FORMAT, line_id);
  return NULL;
}

static void
test_import_accept_undo (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_text = NULL;
  Target targets[2] = { { 0 } };
  SettleWindow *window;
  SettleReconcileView *view;
  SettleReconcileManualDialog *dialog;
  GtkWidget *row;
  SettleId line_a;
  gint64 paid = 0;

  if (settle_gui_test_skip_without_display ())
    return;

  reader = settle_gui_test_open_book (book_path);
  find_targets (reader, targets, 2);
  statement = write_statement (&targets[0], &targets[1]);

  window = settle_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);
  settle_window_set_view (window, "reconciliation");
  view = reconcile_view (window);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view));
  g_assert_cmpuint (n_lines (view), ==, 0);

  /* What the Import button does once a file is chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reconcile.import-file", "s",
                                             statement));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view) && n_lines (view) == 3);
  g_assert_null (settle_gui_test_find_dialog_for (GTK_WINDOW (window)));
  g_assert_cmpuint (settle_reconcile_view_get_account_id (view), !=, 0);
  g_assert_cmpstr (settle_gui_test_named_text (GTK_WIDGET (view), "count"), ==, "3 lines");
  /* No opening balance in OFX: the book's balance is the sum of the lines, which is
   * the bank's closing balance. */
  g_assert_true (g_str_has_prefix (settle_gui_test_named_text (GTK_WIDGET (view), "balance"),
                                   "Balanced"));
  settle_gui_test_save_png (GTK_WIDGET (window), "reconcile-imported.png");

  /* The same file again: everything is already in the book. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reconcile.import-file", "s",
                                             statement));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view));
  g_assert_null (settle_gui_test_find_dialog_for (GTK_WINDOW (window)));
  g_assert_cmpuint (n_lines (view), ==, 3);

  /* The threshold popover saves to the account: 95, then off (never), then on again. */
  {
    SettleId account_id = settle_reconcile_view_get_account_id (view);
    GtkWidget *spin = settle_gui_test_need_named (GTK_WIDGET (view), "auto-score");
    GtkWidget *on = settle_gui_test_need_named (GTK_WIDGET (view), "auto-switch");
    g_autoptr(SettleBankAccount) a = NULL;
    g_autoptr(SettleBankAccount) b = NULL;
    g_autoptr(SettleBankAccount) c = NULL;

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 95);
    a = settle_bank_account_load (reader, account_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (a->auto_accept_score, ==, 95);
    gtk_switch_set_active (GTK_SWITCH (on), FALSE);
    b = settle_bank_account_load (reader, account_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (b->auto_accept_score, ==, SETTLE_BANK_AUTO_ACCEPT_NEVER);
    g_assert_false (gtk_widget_get_sensitive (spin));
    gtk_switch_set_active (GTK_SWITCH (on), TRUE);
    c = settle_bank_account_load (reader, account_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (c->auto_accept_score, ==, 95);
  }

  /* Down and Up move between the lines. */
  g_assert_true (settle_reconcile_view_select (view, 0));
  {
    SettleId first = settle_reconcile_view_get_selected_line (view);

    g_assert_true (settle_gui_test_activate_shortcut (GTK_WIDGET (view), GDK_KEY_Down, 0));
    g_assert_cmpuint (settle_reconcile_view_get_selected_line (view), !=, first);
    g_assert_true (settle_gui_test_activate_shortcut (GTK_WIDGET (view), GDK_KEY_Up, 0));
    g_assert_cmpuint (settle_reconcile_view_get_selected_line (view), ==, first);
  }

  /* The first deposit: its best suggestion names the invoice it pays. */
  g_assert_true (settle_reconcile_view_select (view, line_position (view, targets[0].balance)));
  line_a = settle_reconcile_view_get_selected_line (view);
  row = settle_gui_test_need_named (GTK_WIDGET (view), "suggestion-1");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            targets[0].number));
  settle_gui_test_save_png (GTK_WIDGET (window), "reconcile-suggestions.png");

  /* Key 1 accepts it: the invoice is paid, the line leaves the open ones. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (settle_gui_test_activate_shortcut (GTK_WIDGET (view), GDK_KEY_1, 0));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view) && n_lines (view) == 2);
  g_assert_null (settle_gui_test_find_dialog_for (GTK_WINDOW (window)));
  g_assert_cmpint (invoice_status (reader, targets[0].id, &paid), ==, SETTLE_INVOICE_PAID);
  g_assert_cmpint (paid, ==, targets[0].balance);
  g_assert_cmpstr (line_status (reader, line_a), ==, "matched");
  /* The next open line is selected, ready for the next key. */
  g_assert_cmpuint (settle_reconcile_view_get_selected_line (view), !=, 0);
  g_assert_cmpuint (settle_reconcile_view_get_selected_line (view), !=, line_a);
  settle_gui_test_save_png (GTK_WIDGET (window), "reconcile-accepted.png");

  /* Ctrl+Z undoes it: invoice and line open again. */
  g_assert_true (settle_gui_test_activate_shortcut (GTK_WIDGET (view), GDK_KEY_z,
                                                    GDK_CONTROL_MASK));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view) && n_lines (view) == 3);
  g_assert_null (settle_gui_test_find_dialog_for (GTK_WINDOW (window)));
  g_assert_cmpint (invoice_status (reader, targets[0].id, &paid), !=, SETTLE_INVOICE_PAID);
  g_assert_cmpint (paid, ==, 0);
  g_assert_cmpstr (line_status (reader, line_a), ==, "open");
  g_assert_true (settle_book_check_invariants (reader, &error));
  g_assert_no_error (error);

  /* Return accepts the best suggestion too; Ctrl+Z again. */
  g_assert_true (settle_reconcile_view_select (view, line_position (view, targets[0].balance)));
  g_assert_true (settle_gui_test_activate_shortcut (GTK_WIDGET (view), GDK_KEY_Return, 0));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view) && n_lines (view) == 2);
  g_assert_cmpstr (line_status (reader, line_a), ==, "matched");
  g_assert_true (settle_gui_test_activate_shortcut (GTK_WIDGET (view), GDK_KEY_z,
                                                    GDK_CONTROL_MASK));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view) && n_lines (view) == 3);
  g_assert_cmpstr (line_status (reader, line_a), ==, "open");
  g_assert_cmpint (invoice_status (reader, targets[0].id, &paid), !=, SETTLE_INVOICE_PAID);

  /* The second deposit by hand (F): its client, its invoice less $20.00, the rest credit. */
  g_assert_true (settle_reconcile_view_select (view, line_position (view, targets[1].balance)));
  g_assert_true (settle_gui_test_activate_shortcut (GTK_WIDGET (view), GDK_KEY_f, 0));
  SETTLE_GUI_TEST_WAIT_FOR (
    (dialog = (SettleReconcileManualDialog *) settle_gui_test_find_visible_toplevel (
       SETTLE_TYPE_RECONCILE_MANUAL_DIALOG, NULL)) != NULL);
  g_assert_true (settle_reconcile_manual_dialog_set_client_id (dialog, targets[1].client_id));
  {
    g_autofree char *row_name = g_strdup_printf ("invoice-%s", targets[1].number);
    g_autofree char *part = plain (targets[1].balance - 2000);
    g_autofree char *credit = settle_money_format (settle_money_init (2000, "USD"));
    g_autofree char *expect = g_strdup_printf ("%s will become credit", credit);
    GtkWidget *invoice_row = settle_gui_test_need_named (GTK_WIDGET (dialog), row_name);

    gtk_editable_set_text (GTK_EDITABLE (settle_gui_test_need_named (invoice_row, "amount")),
                           part);
    g_assert_true (gtk_check_button_get_active (
      GTK_CHECK_BUTTON (settle_gui_test_need_named (invoice_row, "check"))));
    g_assert_cmpstr (settle_gui_test_named_text (GTK_WIDGET (dialog), "remaining"), ==, expect);
  }
  gtk_widget_set_size_request (GTK_WIDGET (dialog), 600, 640);
  settle_gui_test_save_png (GTK_WIDGET (dialog), "reconcile-manual.png");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "manual.match", NULL));
  SETTLE_GUI_TEST_WAIT_FOR (dialog == NULL);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view) && n_lines (view) == 2);
  g_assert_cmpint (invoice_status (reader, targets[1].id, &paid), ==, SETTLE_INVOICE_PARTIAL);
  g_assert_cmpint (paid, ==, targets[1].balance - 2000);
  g_assert_true (settle_book_check_invariants (reader, &error));
  g_assert_no_error (error);

  /* All lines: the split one says what it paid, with its Undo button. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (settle_gui_test_need_named (GTK_WIDGET (view),
                                                                         "filter")), 3);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view) && n_lines (view) == 3);
  g_assert_true (settle_reconcile_view_select (view, line_position (view, targets[1].balance)));
  g_assert_nonnull (strstr (settle_gui_test_named_text (GTK_WIDGET (view), "matched-to"),
                            targets[1].number));
  g_assert_true (gtk_widget_get_sensitive (settle_gui_test_need_named (GTK_WIDGET (view),
                                                                       "undo-match")));
  settle_gui_test_save_png (GTK_WIDGET (window), "reconcile-matched.png");

  /* The report, as CSV and PDF. */
  csv = g_build_filename (tmp_dir, "reconciliation.csv", NULL);
  /* Kept beside the screenshots, to be looked at. */
  pdf = settle_gui_test_screenshot_path ("reconcile-report.pdf");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reconcile.export-to", "s", csv));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reconcile.export-to", "s", pdf));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view));
  g_assert_null (settle_gui_test_find_dialog_for (GTK_WINDOW (window)));
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv_text, targets[1].number));
  g_assert_cmpint (settle_gui_test_pdf_pages (pdf), >=, 1);

  /* The split undone with its line's Undo Match button: all of it is open again. */
  g_assert_true (settle_reconcile_view_select (view, line_position (view, targets[1].balance)));
  {
    SettleId line_b = settle_reconcile_view_get_selected_line (view);

    settle_gui_test_click_named (GTK_WIDGET (view), "undo-match");
    SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view)
                              && g_strcmp0 (line_status (reader, line_b), "open") == 0);
    g_assert_cmpint (invoice_status (reader, targets[1].id, &paid), !=, SETTLE_INVOICE_PAID);
    g_assert_cmpint (paid, ==, 0);
    g_assert_true (settle_book_check_invariants (reader, &error));
    g_assert_no_error (error);
  }

  /* S skips the bank fee: it leaves the open lines. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (settle_gui_test_need_named (GTK_WIDGET (view),
                                                                         "filter")), 0);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view) && n_lines (view) == 3);
  g_assert_true (settle_reconcile_view_select (view, line_position (view, -500)));
  {
    SettleId fee = settle_reconcile_view_get_selected_line (view);

    g_assert_true (settle_gui_test_activate_shortcut (GTK_WIDGET (view), GDK_KEY_s, 0));
    SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view) && n_lines (view) == 2);
    g_assert_cmpstr (line_status (reader, fee), ==, "skipped");
  }

  /* Reconcile runs in a worker and leaves the window usable. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reconcile.run", NULL));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view));
  g_assert_null (settle_gui_test_find_dialog_for (GTK_WINDOW (window)));
  /* The deposit naming its invoice with the exact amount is a sure match (the
   * account's threshold is 90 by default): accepted automatically. */
  g_assert_cmpstr (line_status (reader, line_a), ==, "matched");
  g_assert_cmpint (invoice_status (reader, targets[0].id, &paid), ==, SETTLE_INVOICE_PAID);
  g_assert_true (settle_book_check_invariants (reader, &error));
  g_assert_no_error (error);

  target_clear (&targets[0]);
  target_clear (&targets[1]);
  /* Workers still reading hold the book (and its session lock) for a moment after the
   * window is gone: the next test opens it again only once it is released. */
  {
    SettleBook *book = settle_window_get_book (window);

    g_object_add_weak_pointer (G_OBJECT (book), (gpointer *) &book);
    gtk_window_destroy (GTK_WINDOW (window));
    SETTLE_GUI_TEST_WAIT_FOR (book == NULL);
  }
}

/* ---- 10,000 lines: the list makes widgets only for what is on screen ----------------- */

#define BIG_LINES 10000

typedef struct
{
  gint64 last;
  gint64 max_gap;
} Gaps;

static gboolean
gap_tick_cb (gpointer data)
{
  Gaps *gaps = data;
  gint64 now = g_get_monotonic_time ();

  if (gaps->last != 0)
    gaps->max_gap = MAX (gaps->max_gap, now - gaps->last);
  gaps->last = now;
  return G_SOURCE_CONTINUE;
}

static char *
write_big_statement (void)
{
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);
  char *path = g_build_filename (tmp_dir, "big.ofx", NULL);
  GRand *rand = g_rand_new_with_seed (42);

  g_string_append (text,
                   "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
                   "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
                   "<OFX>\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
                   "<DTSERVER>20250630120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\n"
                   "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
                   "<STMTRS><CURDEF>USD\n"
                   "<BANKACCTFROM><BANKID>121000248<ACCTID>77000001<ACCTTYPE>CHECKING"
                   "</BANKACCTFROM>\n<BANKTRANLIST><DTSTART>20250101<DTEND>20250630\n");
  for (guint i = 0; i < BIG_LINES; i++)
    {
      GDate date;
      int cents = g_rand_int_range (rand, 1000, 5000000);

      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2025);
      g_date_add_days (&date, i % 180);
      g_string_append_printf (text,
                              "<STMTTRN><TRNTYPE>%s<DTPOSTED>%04d%02d%02d<TRNAMT>%s%d.%02d"
                              "<FITID>B-%06u<NAME>Payer %u<MEMO>Transfer %u</STMTTRN>\n",
                              i % 7 == 0 ? "DEBIT" : "CREDIT", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date),
                              i % 7 == 0 ? "-" : "", cents / 100, cents % 100, i, i % 500, i);
    }
  g_string_append (text, "</BANKTRANLIST>\n</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  g_string_free (text, TRUE);
  g_rand_free (rand);
  return path;
}

static guint
count_row_widgets (GtkWidget *column_view)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (column_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      for (GtkWidget *row = gtk_widget_get_first_child (child); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        n++;
  return n;
}

static void
test_ten_thousand_lines (void)
{
  g_autofree char *statement = NULL;
  SettleWindow *window;
  SettleReconcileView *view;
  Gaps gaps = { 0 };
  gint64 start;
  double import_s, reload_s, select_s, run_s;
  guint tick, widgets;

  if (settle_gui_test_skip_without_display ())
    return;

  statement = write_big_statement ();
  window = settle_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);
  settle_window_set_view (window, "reconciliation");
  view = reconcile_view (window);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view));

  /* Import in a worker: the main loop keeps turning (its longest pause is printed). */
  tick = g_timeout_add (5, gap_tick_cb, &gaps);
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reconcile.import-file", "s",
                                             statement));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view)
                            && n_lines (view) == BIG_LINES);
  import_s = (g_get_monotonic_time () - start) / 1e6;
  g_source_remove (tick);
  g_assert_null (settle_gui_test_find_dialog_for (GTK_WINDOW (window)));
  settle_gui_test_frames (GTK_WIDGET (window), 3);

  /* A page of row widgets, not ten thousand. */
  widgets = count_row_widgets (settle_gui_test_need_named (GTK_WIDGET (view), "lines"));
  g_assert_cmpuint (widgets, >, 0);
  g_assert_cmpuint (widgets, <, 500);

  /* A reload of all lines (filter All), then the selection of a line far down. */
  start = g_get_monotonic_time ();
  gtk_drop_down_set_selected (GTK_DROP_DOWN (settle_gui_test_need_named (GTK_WIDGET (view),
                                                                         "filter")), 3);
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view)
                            && n_lines (view) >= BIG_LINES);
  reload_s = (g_get_monotonic_time () - start) / 1e6;
  start = g_get_monotonic_time ();
  g_assert_true (settle_reconcile_view_select (view, BIG_LINES - 2));
  select_s = (g_get_monotonic_time () - start) / 1e6;
  settle_gui_test_save_png (GTK_WIDGET (window), "reconcile-10k.png");

  /* Reconcile over them in a worker. */
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reconcile.run", NULL));
  SETTLE_GUI_TEST_WAIT_FOR (!settle_reconcile_view_get_busy (view));
  run_s = (g_get_monotonic_time () - start) / 1e6;
  g_assert_null (settle_gui_test_find_dialog_for (GTK_WINDOW (window)));

  g_test_message ("10,000-line OFX: import shown in %.2f s (longest main-loop pause %.0f ms), "
                  "%u row widgets, reload of all lines %.2f s, selecting line 9,998 with its "
                  "suggestions %.3f s, reconcile run %.2f s",
                  import_s, gaps.max_gap / 1e3, widgets, reload_s, select_s, run_s);
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
      book = settle_gui_test_demo_book_new ("settle-gui-reconcile-XXXXXX", 12, 200, 11,
                                            DEMO_TODAY, &tmp_dir, &book_path);
    }

  g_test_add_func ("/gui/reconcile/import-accept-undo", test_import_accept_undo);
  g_test_add_func ("/gui/reconcile/ten-thousand-lines", test_ten_thousand_lines);
  status = g_test_run ();

  settle_gui_test_finish (NULL, &app, &tmp_dir, &book_path);
  return status;
}
