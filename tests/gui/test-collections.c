/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "settle-aging-item.h"
#include "settle-client.h"
#include "settle-dunning-dialog.h"
#include "settle-dunning.h"
#include "settle-email-preferences.h"
#include "settle-fake-smtp.h"
#include "settle-gui.h"
#include "settle-invoice.h"
#include "settle-ladder-editor.h"
#include "settle-outbox-window.h"
#include "settle-outbox.h"
#include "settle-smtp.h"
#include "settle-template.h"
#include "settle-window.h"
#include "settle-gui-test.h"

/* Collections from the real window on a demo book: the reminder ladder and
 * template editor with its live preview, the dunning run dialog, the outbox
 * window and the email settings. Screenshots go to
 * $G_TEST_BUILDDIR/gui/screenshots. */

#define DEMO_TODAY "2025-06-30"
#define FIRM_SUBJECT "Invoice {invoice_number} is {days_overdue} days overdue"

static GtkApplication *app;
static char           *tmp_dir;
static char           *book_path;
static SettleWindow   *window;

static void
test_open (void)
{
  if (settle_gui_test_skip_without_display ())
    return;

  window = settle_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle_window_open (window, book_path, FALSE);
  SETTLE_GUI_TEST_WAIT_FOR (settle_window_get_state (window) == SETTLE_WINDOW_OPEN);
}

/* ---- ladder and templates ------------------------------------------------------ */

static void
test_templates (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleLadderEditor) editor = NULL;
  g_autoptr(SettleInvoice) sample = NULL;
  g_autoptr(SettleTemplate) current = NULL;
  g_autoptr(SettleTemplate) saved = NULL;
  g_autoptr(SettleDunningLadder) ladder = NULL;
  g_autoptr(SettleDunningLadder) default_ladder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *core_subject = NULL;
  g_autofree char *saved_ladder = NULL;
  g_autofree char *expected_ladder = NULL;
  SettleTemplateEditor *tmpl_editor;
  GtkEditable *subject;
  GDate today;
  SettleId sample_id;
  int firm, overdue;

  if (settle_gui_test_skip_without_display ())
    return;

  reader = settle_gui_test_open_book (book_path);
  settle_today (&today);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dunning-settings", NULL));
  editor = settle_gui_test_need_toplevel (SETTLE_TYPE_LADDER_EDITOR);
  tmpl_editor = settle_ladder_editor_get_template_editor (editor);

  /* The default ladder, with its steps in order; the "firm" step is selected. */
  g_assert_cmpuint (settle_dunning_ladder_get_n_steps (settle_ladder_editor_get_ladder (editor)),
                    ==, 7);
  firm = settle_ladder_editor_find_step (editor, "firm");
  g_assert_cmpint (firm, >=, 0);
  settle_ladder_editor_select_step (editor, firm);
  g_assert_cmpint (settle_ladder_editor_get_selected (editor), ==, firm);
  g_assert_null (settle_ladder_editor_get_error (editor));
  g_assert_true (settle_ladder_editor_get_can_save (editor));

  /* The preview is written for an overdue invoice the worker found. */
  SETTLE_GUI_TEST_WAIT_FOR (settle_template_editor_get_samples_loaded (tmpl_editor));
  sample_id = settle_template_editor_get_sample_invoice (tmpl_editor);
  g_assert_cmpint (sample_id, !=, SETTLE_ID_NONE);
  sample = settle_invoice_load (reader, sample_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sample->number);
  overdue = (int) g_date_get_julian (&today) - (int) g_date_get_julian (&sample->due_date);
  g_assert_cmpint (overdue, >, 0);

  /* Typing into the subject updates the preview at once. */
  subject = settle_template_editor_get_subject_entry (tmpl_editor);
  gtk_editable_set_text (subject, FIRM_SUBJECT);
  expected = g_strdup_printf ("Invoice %s is %d days overdue", sample->number, overdue);
  g_assert_cmpstr (settle_template_editor_get_preview_subject (tmpl_editor), ==, expected);
  /* … and says what the core's preview says for that invoice. */
  current = settle_template_editor_get_template (tmpl_editor);
  g_assert_true (settle_template_preview (reader, current, NULL, sample_id, &today, &core_subject,
                                          NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (core_subject, ==, expected);
  g_assert_nonnull (strstr (settle_template_editor_get_preview_text (tmpl_editor), sample->number));

  /* The placeholder menu inserts at the cursor. */
  gtk_editable_set_position (subject, -1);
  settle_template_editor_insert_placeholder (tmpl_editor, "client");
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (subject), "{client}"));
  gtk_editable_set_text (subject, FIRM_SUBJECT);
  settle_gui_test_save_png (GTK_WIDGET (editor), "collections-template-preview.png");

  /* An unknown placeholder: a message naming it, no preview, no Save. */
  gtk_editable_set_text (subject, FIRM_SUBJECT " {foo}");
  g_assert_nonnull (settle_template_editor_get_error (tmpl_editor));
  g_assert_nonnull (strstr (settle_template_editor_get_error (tmpl_editor), "{foo}"));
  g_assert_nonnull (strstr (settle_template_editor_get_error (tmpl_editor), "subject"));
  g_assert_false (settle_template_editor_is_valid (tmpl_editor));
  g_assert_nonnull (strstr (settle_ladder_editor_get_error (editor), "{foo}"));
  g_assert_false (settle_ladder_editor_get_can_save (editor));
  g_assert_cmpstr (settle_template_editor_get_preview_subject (tmpl_editor), ==, "");
  g_assert_false (settle_ladder_editor_save (editor, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  settle_gui_test_save_png (GTK_WIDGET (editor), "collections-template-error.png");

  /* A step out of order is the ladder's error, naming the step. */
  gtk_editable_set_text (subject, FIRM_SUBJECT);
  g_assert_true (settle_ladder_editor_get_can_save (editor));
  settle_ladder_editor_set_offset (editor, 0);
  g_assert_false (settle_ladder_editor_get_can_save (editor));
  g_assert_nonnull (strstr (settle_ladder_editor_get_error (editor), "step 4"));
  settle_ladder_editor_set_offset (editor, 10);
  g_assert_null (settle_ladder_editor_get_error (editor));

  /* A new step needs its own template before it can be saved; removing it undoes that. */
  settle_ladder_editor_add_step (editor);
  g_assert_cmpuint (settle_dunning_ladder_get_n_steps (settle_ladder_editor_get_ladder (editor)),
                    ==, 8);
  g_assert_false (settle_ladder_editor_get_can_save (editor));
  settle_ladder_editor_remove_step (editor);
  g_assert_true (settle_ladder_editor_get_can_save (editor));

  /* Saved through the core, as typed; the ladder is the default one. */
  g_assert_true (settle_ladder_editor_save (editor, &error));
  g_assert_no_error (error);
  saved = settle_template_load (reader, "firm", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->subject, ==, FIRM_SUBJECT);
  ladder = settle_dunning_ladder_load (reader, &error);
  g_assert_no_error (error);
  default_ladder = settle_dunning_ladder_new_default ();
  saved_ladder = settle_dunning_ladder_to_string (ladder);
  expected_ladder = settle_dunning_ladder_to_string (default_ladder);
  g_assert_cmpstr (saved_ladder, ==, expected_ladder);
  /* Untouched templates keep following the built-in text. */
  {
    g_autoptr(SettleTemplate) polite = settle_template_load (reader, "polite", &error);
    g_autoptr(SettleTemplate) builtin = settle_template_get_default ("polite");

    g_assert_no_error (error);
    g_assert_cmpstr (polite->subject, ==, builtin->subject);
  }
  SETTLE_GUI_TEST_WAIT_FOR (settle_gui_test_find_toplevel (SETTLE_TYPE_LADDER_EDITOR) == NULL);
}

/* ---- the dunning run ----------------------------------------------------------- */

static gboolean
dunning_idle (SettleDunningDialog *dialog)
{
  return !settle_run_dialog_get_busy (SETTLE_RUN_DIALOG (dialog));
}

static void
test_dunning_run (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleBook) holder = NULL;
  g_autoptr(SettleDunningDialog) dialog = NULL;
  g_autoptr(SettleDunningPlan) plan = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  GDate today;
  g_autoptr(GHashTable) firm_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_firm = 0, n_firm_jobs = 0, n_firm_seen = 0;

  if (settle_gui_test_skip_without_display ())
    return;

  reader = settle_gui_test_open_book (book_path);
  settle_today (&today);
  plan = settle_dunning_plan (reader, &today, &error);
  g_assert_no_error (error);
  described = settle_dunning_plan_describe (plan);
  g_assert_cmpuint (plan->items->len, >, 0);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const SettleDunningItem *item = g_ptr_array_index (plan->items, i);

      if (g_strcmp0 (item->template_id, "firm") == 0 && item->has_email)
        n_firm++;
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dunning-run", NULL));
  dialog = settle_gui_test_need_toplevel (SETTLE_TYPE_DUNNING_DIALOG);
  SETTLE_GUI_TEST_WAIT_FOR (dunning_idle (dialog));
  g_assert_null (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)));
  g_assert_cmpstr (settle_run_dialog_get_summary (SETTLE_RUN_DIALOG (dialog)), ==, described);
  g_assert_cmpuint (settle_run_dialog_get_n_items (SETTLE_RUN_DIALOG (dialog)), ==, plan->items->len);
  settle_gui_test_save_png (GTK_WIDGET (dialog), "collections-dunning-preview.png");

  /* Another run holds the book: nothing is done, and the dialog says why. */
  holder = settle_gui_test_open_book (book_path);
  g_assert_true (settle_book_lock (holder, SETTLE_BOOK_LOCK_RUN, &error));
  g_assert_no_error (error);
  settle_run_dialog_run (SETTLE_RUN_DIALOG (dialog));
  SETTLE_GUI_TEST_WAIT_FOR (dunning_idle (dialog));
  g_assert_cmpint (settle_run_dialog_get_state (SETTLE_RUN_DIALOG (dialog)), ==, SETTLE_RUN_DIALOG_PREVIEW);
  g_assert_nonnull (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)));
  g_assert_nonnull (strstr (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)), "Another run"));
  jobs = settle_outbox_list (reader, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 0);
  g_clear_pointer (&jobs, g_ptr_array_unref);
  settle_book_unlock (holder, SETTLE_BOOK_LOCK_RUN);

  settle_run_dialog_run (SETTLE_RUN_DIALOG (dialog));
  SETTLE_GUI_TEST_WAIT_FOR (settle_run_dialog_get_state (SETTLE_RUN_DIALOG (dialog)) == SETTLE_RUN_DIALOG_DONE);
  g_assert_null (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)));
  settle_gui_test_save_png (GTK_WIDGET (dialog), "collections-dunning-done.png");

  /* The reminders wait in the outbox, the "firm" ones with the edited subject. */
  jobs = settle_outbox_list (reader, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, >, 0);
  g_assert_cmpint (settle_outbox_count (reader, SETTLE_OUTBOX_QUEUED, &error), ==, jobs->len);
  g_assert_no_error (error);
  for (guint i = 0; i < jobs->len; i++)
    {
      const SettleOutboxJob *job = g_ptr_array_index (jobs, i);

      if (g_str_has_prefix (job->subject, "Invoice ") && strstr (job->subject, " days overdue"))
        n_firm_jobs++;
    }
  g_assert_cmpuint (n_firm_jobs, ==, n_firm);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&dialog);
  g_clear_pointer (&jobs, g_ptr_array_unref);

  /* An item climbs one step a day: two more days in the core, then the dialog on the
   * third reaches the "firm" step, which goes out with the subject typed above. */
  for (int day = 0; day < 2; day++)
    {
      SettleDunningResult result = { 0 };

      g_date_add_days (&today, 1);
      g_assert_true (settle_dunning_run (reader, &today, NULL, NULL, NULL, &result, &error));
      g_assert_no_error (error);
    }
  g_date_add_days (&today, 1);
  g_clear_pointer (&plan, settle_dunning_plan_free);
  plan = settle_dunning_plan (reader, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const SettleDunningItem *item = g_ptr_array_index (plan->items, i);

      if (g_strcmp0 (item->template_id, "firm") == 0 && item->has_email)
        {
          g_autofree char *key = g_strdup_printf ("dunning:%" G_GINT64_FORMAT ":%d",
                                                  (gint64) item->invoice_id, item->step);

          g_hash_table_add (firm_keys, g_steal_pointer (&key));
        }
    }
  g_assert_cmpuint (g_hash_table_size (firm_keys), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dunning-run", NULL));
  dialog = settle_gui_test_need_toplevel (SETTLE_TYPE_DUNNING_DIALOG);
  settle_run_dialog_set_date (SETTLE_RUN_DIALOG (dialog), &today);
  SETTLE_GUI_TEST_WAIT_FOR (dunning_idle (dialog));
  g_assert_cmpuint (settle_run_dialog_get_n_items (SETTLE_RUN_DIALOG (dialog)), ==, plan->items->len);
  settle_run_dialog_run (SETTLE_RUN_DIALOG (dialog));
  SETTLE_GUI_TEST_WAIT_FOR (settle_run_dialog_get_state (SETTLE_RUN_DIALOG (dialog)) == SETTLE_RUN_DIALOG_DONE);
  g_assert_null (settle_run_dialog_get_error (SETTLE_RUN_DIALOG (dialog)));
  jobs = settle_outbox_list (reader, NULL, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < jobs->len; i++)
    {
      const SettleOutboxJob *job = g_ptr_array_index (jobs, i);

      if (g_hash_table_contains (firm_keys, job->idempotency_key))
        {
          g_autoptr(SettleInvoice) inv = settle_invoice_load (reader, job->entity_id, &error);
          g_autofree char *expected = NULL;

          g_assert_no_error (error);
          expected = g_strdup_printf ("Invoice %s is %d days overdue", inv->number,
                                      (int) g_date_get_julian (&today)
                                        - (int) g_date_get_julian (&inv->due_date));
          g_assert_cmpstr (job->subject, ==, expected);
          n_firm_seen++;
        }
    }
  g_assert_cmpuint (n_firm_seen, ==, g_hash_table_size (firm_keys));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- the outbox and the email settings ----------------------------------------------- */

static gboolean
outbox_idle (SettleOutboxWindow *outbox)
{
  return !settle_outbox_window_get_busy (outbox);
}

static void
test_outbox (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(SettleOutboxWindow) outbox = NULL;
  g_autoptr(SettleEmailPreferences) prefs = NULL;
  g_autoptr(SettleSmtpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleOutboxJob) refused = NULL;
  SettleFakeSmtp *smtp;
  GtkWidget *resend;
  gint64 n_queued;

  if (settle_gui_test_skip_without_display ())
    return;

  reader = settle_gui_test_open_book (book_path);
  n_queued = settle_outbox_count (reader, SETTLE_OUTBOX_QUEUED, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.outbox", NULL));
  outbox = settle_gui_test_need_toplevel (SETTLE_TYPE_OUTBOX_WINDOW);
  SETTLE_GUI_TEST_WAIT_FOR (outbox_idle (outbox) && settle_outbox_window_get_n_jobs (outbox) > 0);
  g_assert_cmpint (settle_outbox_window_get_n_jobs (outbox), ==, n_queued);
  g_assert_cmpstr (settle_outbox_window_get_status_text (outbox, 0), ==,
                   settle_outbox_status_label (SETTLE_OUTBOX_QUEUED));
  g_assert_cmpstr (settle_outbox_window_get_status_text (outbox, 0), ==, "Queued");
  /* The demo book has no mail server: the bar says so. */
  g_assert_false (settle_outbox_window_get_configured (outbox));
  settle_gui_test_save_png (GTK_WIDGET (outbox), "collections-outbox.png");

  /* The email settings: each field says what is wrong; nothing is written until
   * every field is right. */
  /* GTK owns a window's first reference: this one is the test's. */
  prefs = g_object_ref (settle_email_preferences_new (GTK_WINDOW (outbox),
                                                      settle_window_get_book (window)));
  gtk_window_present (GTK_WINDOW (prefs));
  settle_email_preferences_save (prefs);
  g_assert_nonnull (settle_email_preferences_get_error (prefs));
  g_assert_nonnull (strstr (settle_email_preferences_get_error (prefs), "SMTP server"));
  {
    GType type = SETTLE_TYPE_EMAIL_PREFERENCES;
    GObject *host = gtk_widget_get_template_child (GTK_WIDGET (prefs), type, "host_row");
    GObject *port = gtk_widget_get_template_child (GTK_WIDGET (prefs), type, "port_row");
    GObject *from = gtk_widget_get_template_child (GTK_WIDGET (prefs), type, "from_row");

    g_assert_true (ADW_IS_ENTRY_ROW (host));
    g_assert_true (ADW_IS_ENTRY_ROW (port));
    g_assert_true (ADW_IS_ENTRY_ROW (from));
    gtk_editable_set_text (GTK_EDITABLE (host), "smtp.example.com");
    gtk_editable_set_text (GTK_EDITABLE (port), "99999");
    g_assert_nonnull (strstr (settle_email_preferences_get_error (prefs), "Port"));
    gtk_editable_set_text (GTK_EDITABLE (port), "");
    gtk_editable_set_text (GTK_EDITABLE (from), "billing at example");
    g_assert_nonnull (strstr (settle_email_preferences_get_error (prefs), "From address"));
    settle_gui_test_save_png (GTK_WIDGET (prefs), "collections-email-settings-error.png");
    settings = settle_smtp_settings_load (reader, &error);
    g_assert_null (settings);
    g_clear_error (&error);
    gtk_editable_set_text (GTK_EDITABLE (from), "billing@example.com");
    g_assert_null (settle_email_preferences_get_error (prefs));
  }
  settle_email_preferences_save (prefs);
  g_assert_null (settle_email_preferences_get_error (prefs));
  settings = settle_smtp_settings_load (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (settings->host, ==, "smtp.example.com");
  g_assert_cmpstr (settings->from_address, ==, "billing@example.com");

  /* The outbox follows the book: the bar goes once email is set up. */
  SETTLE_GUI_TEST_WAIT_FOR (outbox_idle (outbox) && settle_outbox_window_get_configured (outbox));

  /* Send Now, to a real SMTP server on loopback: every job goes out and says so. */
  smtp = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, NULL, NULL);
  g_free (settings->host);
  settings->host = g_strdup ("127.0.0.1");
  settings->port = smtp->port;
  settings->security = SETTLE_SMTP_SECURITY_NONE;
  g_assert_true (settle_smtp_settings_save (reader, settings, &error));
  g_assert_no_error (error);
  settle_book_notify_changed (settle_window_get_book (window));
  SETTLE_GUI_TEST_WAIT_FOR (outbox_idle (outbox));
  settle_outbox_window_send_now (outbox);
  SETTLE_GUI_TEST_WAIT_FOR (outbox_idle (outbox) &&
                            g_strcmp0 (settle_outbox_window_get_status_text (outbox, 0),
                                       settle_outbox_status_label (SETTLE_OUTBOX_SENT)) == 0);
  g_assert_null (settle_outbox_window_get_error (outbox));
  g_assert_cmpuint (settle_fake_smtp_count (smtp), ==, n_queued);
  g_assert_cmpint (settle_outbox_count (reader, SETTLE_OUTBOX_SENT, &error), ==, n_queued);
  g_assert_no_error (error);
  for (guint i = 0; i < settle_outbox_window_get_n_jobs (outbox); i++)
    g_assert_cmpstr (settle_outbox_window_get_status_text (outbox, i), ==, "Sent");
  settle_gui_test_save_png (GTK_WIDGET (outbox), "collections-outbox-sent.png");
  settle_fake_smtp_stop (smtp);

  /* Refused for good: the status and the server's reply show, and Resend queues the
   * job again. */
  smtp = settle_fake_smtp_start (SETTLE_FAKE_SMTP_PLAIN, "rcpt", "550 5.1.1 No such user here");
  refused = settle_outbox_job_new ("test:refused");
  g_free (refused->to);
  g_free (refused->subject);
  g_free (refused->body_text);
  refused->to = g_strdup ("nobody@example.com");
  refused->subject = g_strdup ("A refused email");
  refused->body_text = g_strdup ("Hello");
  g_assert_cmpint (settle_outbox_enqueue (reader, refused, &error), >, 0);
  g_assert_no_error (error);
  settings->port = smtp->port;
  g_assert_true (settle_smtp_settings_save (reader, settings, &error));
  g_assert_no_error (error);
  settle_book_notify_changed (settle_window_get_book (window));
  SETTLE_GUI_TEST_WAIT_FOR (
    outbox_idle (outbox) &&
    g_strcmp0 (settle_outbox_window_get_status_text (outbox, 0), "Queued") == 0);
  settle_outbox_window_send_now (outbox);
  SETTLE_GUI_TEST_WAIT_FOR (
    outbox_idle (outbox) &&
    g_strcmp0 (settle_outbox_window_get_status_text (outbox, 0), "Failed") == 0);
  g_assert_nonnull (strstr (settle_outbox_window_get_details (outbox, 0),
                            "No such user here"));
  settle_gui_test_save_png (GTK_WIDGET (outbox), "collections-outbox-failed.png");
  resend = settle_gui_test_find_button (
    GTK_WIDGET (gtk_widget_get_first_child (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (outbox), SETTLE_TYPE_OUTBOX_WINDOW, "jobs_list")))),
    "_Resend");
  g_assert_nonnull (resend);
  g_signal_emit_by_name (resend, "clicked");
  SETTLE_GUI_TEST_WAIT_FOR (
    outbox_idle (outbox) &&
    g_strcmp0 (settle_outbox_window_get_status_text (outbox, 0), "Queued") == 0);
  settle_fake_smtp_stop (smtp);
  gtk_window_destroy (GTK_WINDOW (outbox));
}

/* ---- hold everywhere ---------------------------------------------------------------- */

/* 1: the client's row is marked on hold, 0: it is shown unmarked, -1: not shown. */
static int
aging_hold_mark (SettleAgingView *aging,
                 SettleId         client_id)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (aging),
                                                                        SETTLE_TYPE_AGING_VIEW,
                                                                        "client_view"));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SettleAgingItem) item = g_list_model_get_item (model, i);

      if (settle_aging_item_get_client_id (item) == client_id)
        return settle_aging_item_get_on_hold (item) ? 1 : 0;
    }
  return -1;
}

static void
test_hold (void)
{
  g_autoptr(SettleBook) reader = NULL;
  g_autoptr(GError) error = NULL;
  SettleAgingView *aging;
  const SettleAgingRow *row;
  SettleId client_id;

  if (settle_gui_test_skip_without_display ())
    return;

  reader = settle_gui_test_open_book (book_path);
  aging = settle_window_get_aging_view (window);
  settle_window_set_view (window, "aging");
  SETTLE_GUI_TEST_WAIT_FOR (!settle_aging_view_get_busy (aging) &&
                            settle_aging_view_get_report (aging) != NULL);
  g_assert_cmpuint (settle_aging_view_get_report (aging)->rows->len, >, 0);
  row = g_ptr_array_index (settle_aging_view_get_report (aging)->rows, 0);
  client_id = row->client_id;
  g_assert_cmpint (aging_hold_mark (aging, client_id), ==, 0);

  /* Put on hold elsewhere (a run, another window): the table follows the book. */
  g_assert_true (settle_client_set_hold (reader, client_id, TRUE, "test", &error));
  g_assert_no_error (error);
  settle_book_notify_changed (settle_window_get_book (window));
  SETTLE_GUI_TEST_WAIT_FOR (aging_hold_mark (aging, client_id) == 1);
  settle_gui_test_save_png (GTK_WIDGET (window), "collections-aging-hold.png");

  g_assert_true (settle_client_set_hold (reader, client_id, FALSE, "test", &error));
  g_assert_no_error (error);
  settle_book_notify_changed (settle_window_get_book (window));
  SETTLE_GUI_TEST_WAIT_FOR (aging_hold_mark (aging, client_id) == 0);
  settle_window_set_view (window, "invoices");
}

/* ---- set-up ------------------------------------------------------------------------ */

static void
make_demo_book (void)
{
  g_autoptr(SettleBook) book = NULL;

  book = settle_gui_test_demo_book_new ("settle-collections-XXXXXX", 20, 300, 11, DEMO_TODAY,
                                        &tmp_dir, &book_path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  settle_gui_test_set_timeout (120);
  if (settle_gui_test_init (&argc, &argv, DEMO_TODAY))
    {
      app = settle_gui_test_app_new ();
      make_demo_book ();
    }

  g_test_add_func ("/gui/collections/open", test_open);
  g_test_add_func ("/gui/collections/templates", test_templates);
  g_test_add_func ("/gui/collections/dunning-run", test_dunning_run);
  g_test_add_func ("/gui/collections/outbox", test_outbox);
  g_test_add_func ("/gui/collections/hold", test_hold);

  status = g_test_run ();

  settle_gui_test_finish (window, &app, &tmp_dir, &book_path);
  return status;
}
