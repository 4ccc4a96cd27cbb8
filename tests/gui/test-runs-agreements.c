/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include "settle-agreement.h"
#include "settle-agreements-window.h"
#include "settle-invoice.h"
#include "settle-list-query.h"
#include "settle-project.h"
#include "settle-projects-window.h"
#include "test-runs.h"

/* The agreements and projects windows, on the demo book test-runs.c opened. */

/* ---- agreements ----------------------------------------------------------------- */

void
test_agreements (void)
{
  g_autoptr(SettleBook) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(SettleAgreement) extra = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  SettleClientQuery query = { 0 };
  SettleClientSummary *client;
  SettleAgreementsWindow *list;
  GtkWidget *editor = NULL;
  GtkWidget *first;
  GListModel *toplevels;
  guint n_rows;

  if (settle_gui_test_skip_without_display ())
    return;

  writer = settle_gui_test_open_book (book_path);
  before = settle_agreement_list (writer, 0, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.agreements", NULL));
  list = settle_gui_test_need_toplevel (SETTLE_TYPE_AGREEMENTS_WINDOW);
  n_rows = settle_agreements_window_get_n_rows (list);
  g_assert_cmpuint (n_rows, ==, before->len);
  g_assert_cmpuint (n_rows, >=, N_AGREEMENTS);
  settle_gui_test_save_png (GTK_WIDGET (list), "runs-11-agreements.png");

  /* A row opens the agreement in the per-client editor. */
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (list),
                                                                                                  SETTLE_TYPE_AGREEMENTS_WINDOW,
                                                                                                  "list")),
                                                     0));
  g_signal_emit_by_name (first, "activated");
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && editor == NULL; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (list))
        editor = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (editor);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (editor), ==, "SettleAgreementEditor");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* The list follows the book: an agreement made elsewhere appears. */
  clients = settle_client_query_page (writer, &query, NULL, 0, 1, &error);
  g_assert_no_error (error);
  client = g_ptr_array_index (clients, 0);
  extra = settle_agreement_new (client->id, client->currency);
  g_free (extra->name);
  extra->name = g_strdup ("Offsite backup");
  extra->billing_day = 1;
  g_date_set_dmy (&extra->start_date, 1, G_DATE_JULY, 2025);
  settle_agreement_add_line (extra, "Backup storage, 500 GB", 1000, 8000, 0, FALSE);
  g_assert_true (settle_agreement_save (writer, extra, &error));
  g_assert_no_error (error);
  settle_book_notify_changed (settle_window_get_book (window));
  SETTLE_GUI_TEST_WAIT_FOR (settle_agreements_window_get_n_rows (list) == n_rows + 1);

  gtk_window_destroy (GTK_WINDOW (list));
  g_object_unref (list);
}

/* ---- projects ------------------------------------------------------------------- */

void
test_projects (void)
{
  g_autoptr(SettleBook) writer = NULL;
  g_autoptr(SettleProject) project = NULL;
  g_autoptr(SettleInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  SettleClientQuery query = { 0 };
  SettleClientSummary *client;
  SettleProjectsWindow *projects;
  SettleMilestone *design;
  SettleId invoice_id;
  GDate due;

  if (settle_gui_test_skip_without_display ())
    return;

  writer = settle_gui_test_open_book (book_path);
  clients = settle_client_query_page (writer, &query, NULL, 0, 1, &error);
  g_assert_no_error (error);
  client = g_ptr_array_index (clients, 0);
  project = settle_project_new (client->id, client->currency);
  g_free (project->name);
  project->name = g_strdup ("Network refresh");
  project->budget = 1200000;
  g_date_set_dmy (&due, 15, G_DATE_JULY, 2025);
  design = settle_project_add_milestone (project, "Design and survey", 300000, &due);
  settle_project_add_milestone (project, "Installation", 900000, NULL);
  g_assert_true (settle_project_save (writer, project, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.projects", NULL));
  projects = settle_gui_test_need_toplevel (SETTLE_TYPE_PROJECTS_WINDOW);
  g_assert_cmpuint (settle_projects_window_get_n_projects (projects), >=, 1);

  /* Completing drafts the invoice; twice is refused with a reason. */
  invoice_id = settle_projects_window_complete (projects, design->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice_id, >, 0);
  invoice = settle_invoice_load (writer, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice->status, ==, SETTLE_INVOICE_DRAFT);
  g_assert_cmpint (invoice->total, >=, 300000);
  g_assert_cmpint (settle_projects_window_complete (projects, design->id, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_test_message ("Twice: %s", error->message);
  settle_gui_test_save_png (GTK_WIDGET (projects), "runs-13-projects.png");
  gtk_window_destroy (GTK_WINDOW (projects));
  g_object_unref (projects);
}

