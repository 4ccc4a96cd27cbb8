/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-import.h"
#include "settle-reconcile-csv.h"
#include "settle-reconcile-manual-dialog.h"
#include "settle-reconcile-pdf.h"
#include "settle-reconcile-view-private.h"
#include "settle-save-chooser.h"
#include "settle-window.h"

/* ---- messages -------------------------------------------------------------------- */

void
settle_reconcile_view_toast (SettleReconcileView *self,
                             AdwToast            *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SETTLE_TYPE_WINDOW);

  if (window != NULL)
    settle_window_add_toast (SETTLE_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
settle_reconcile_view_show_error (SettleReconcileView *self,
                                  const char          *heading,
                                  const GError        *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- progress of an import or a reconcile run -------------------------------------- */

void
settle_reconcile_view_set_working (SettleReconcileView *self,
                                   gboolean             working,
                                   const char          *text)
{
  self->working = !!working;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), working);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  settle_reconcile_view_update_actions (self);
  g_object_notify (G_OBJECT (self), "busy");
}

void
settle_reconcile_view_progress (guint    done,
                                guint    total,
                                gpointer user_data)
{
  SettleReconcileView *self = user_data;
  g_autofree char *text = NULL;

  if (!self->working)
    return;
  /* Translators: import or matching progress, "1,200 of 4,000 lines". */
  text = g_strdup_printf (_("%'u of %'u lines"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
}

/* ---- what can be done now ------------------------------------------------------------ */

void
settle_reconcile_view_update_actions (SettleReconcileView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  SettleReconcileLineItem *item = settle_reconcile_view_selected_item (self);
  const char *status = item != NULL ? settle_reconcile_line_item_get_status (item) : NULL;
  gboolean ready = self->book != NULL && !self->working;
  gboolean open = ready && g_strcmp0 (status, "open") == 0;
  gboolean money_in = open && settle_reconcile_line_item_get_row (item)->amount > 0;

  gtk_widget_action_set_enabled (widget, "reconcile.import", ready);
  gtk_widget_action_set_enabled (widget, "reconcile.import-file", ready);
  gtk_widget_action_set_enabled (widget, "reconcile.run", ready && self->account_id != 0);
  gtk_widget_action_set_enabled (widget, "reconcile.accept",
                                 money_in && self->suggestions->len > 0);
  gtk_widget_action_set_enabled (widget, "reconcile.accept-best",
                                 money_in && self->suggestions->len > 0);
  gtk_widget_action_set_enabled (widget, "reconcile.manual", money_in);
  gtk_widget_action_set_enabled (widget, "reconcile.skip",
                                 ready && (open || g_strcmp0 (status, "skipped") == 0));
  gtk_widget_action_set_enabled (widget, "reconcile.undo", ready && self->undo_stack->len > 0);
  gtk_widget_action_set_enabled (widget, "reconcile.undo-line",
                                 ready && g_strcmp0 (status, "matched") == 0);
  gtk_widget_action_set_enabled (widget, "reconcile.export", ready && self->account_id != 0);
  gtk_widget_action_set_enabled (widget, "reconcile.export-to", ready && self->account_id != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->auto_button), ready && self->account_id != 0);
}

/* After an accept or a skip the list moves on to the next open line. */
static void
advance_after_change (SettleReconcileView *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  self->advance = TRUE;
  self->keep_line = 0;
  self->keep_position = position != GTK_INVALID_LIST_POSITION ? position : 0;
  settle_book_notify_changed (self->book);
}

/* ---- import ----------------------------------------------------------------------- */

static void
import_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SettleReconcileView) self = user_data;
  g_autoptr(GError) error = NULL;
  SettleImportResult out = { 0 };
  g_autofree char *imported = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *title = NULL;

  if (!settle_import_file_finish (SETTLE_BOOK (source_object), result, &out, &error))
    {
      /* Cancelled when the book was closed: nothing to show. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || SETTLE_BOOK (source_object) != self->book)
        return;
      settle_reconcile_view_set_working (self, FALSE, NULL);
      settle_reconcile_view_show_error (self, _("Cannot Import the Statement"), error);
      return;
    }
  if (SETTLE_BOOK (source_object) != self->book)
    {
      settle_import_result_clear (&out);
      return;
    }
  settle_reconcile_view_set_working (self, FALSE, NULL);

  if (out.kind == SETTLE_IMPORT_KIND_CHARGES)
    imported = g_strdup_printf (ngettext ("%'u processor charge imported",
                                          "%'u processor charges imported", out.imported),
                                out.imported);
  else
    imported = g_strdup_printf (ngettext ("%'u line imported", "%'u lines imported",
                                          out.imported),
                                out.imported);
  if (out.duplicates > 0)
    {
      duplicates = g_strdup_printf (ngettext ("%'u already in the book",
                                              "%'u already in the book", out.duplicates),
                                    out.duplicates);
      /* Translators: "42 lines imported, 3 already in the book". */
      title = g_strdup_printf (_("%s, %s"), imported, duplicates);
    }
  settle_reconcile_view_toast (self, adw_toast_new (title != NULL ? title : imported));

  if (out.kind == SETTLE_IMPORT_KIND_STATEMENT && out.bank_account_id != 0)
    {
      self->account_id = out.bank_account_id;
      self->keep_line = 0;
      self->keep_position = 0;
    }
  settle_import_result_clear (&out);
  settle_book_notify_changed (self->book);
}

static void
start_import (SettleReconcileView *self,
              const char          *path,
              const char          *profile)
{
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: "Importing checking.ofx…" */
  g_autofree char *text = g_strdup_printf (_("Importing %s…"), name);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  settle_reconcile_view_set_working (self, TRUE, text);
  settle_import_file_async (self->book, path, profile, 0, settle_reconcile_view_progress, self,
                            self->cancellable, import_done, g_object_ref (self));
}

static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  start_import (SETTLE_RECONCILE_VIEW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
import_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    SettleReconcileView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *profile;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  profile = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "profile");
  if (path != NULL && self->book != NULL && !self->working)
    start_import (self, path, g_strcmp0 (profile, "auto") == 0 ? NULL : profile);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  va_list patterns;
  const char *pattern;

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  va_start (patterns, mime_type);
  while ((pattern = va_arg (patterns, const char *)) != NULL)
    gtk_file_filter_add_suffix (filter, pattern);
  va_end (patterns);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_auto(GStrv) names = settle_csv_profile_list_names ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  chooser = gtk_file_chooser_native_new (_("Import Bank Statement"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Bank statements (CSV, OFX, QFX, CAMT.053)"), NULL,
              "csv", "CSV", "txt", "ofx", "OFX", "qfx", "QFX", "xml", "XML", "053", NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV files"), "text/csv", "csv", "CSV", NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("OFX and QFX files"), NULL,
              "ofx", "OFX", "qfx", "QFX", NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("CAMT.053 XML files"), NULL, "xml", "XML", "053",
              NULL);

  /* CSV layouts differ from bank to bank: the profile is detected unless chosen. */
  g_ptr_array_add (ids, (gpointer) "auto");
  g_ptr_array_add (labels, (gpointer) _("Detect the CSV layout"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_ptr_array_add (ids, names[i]);
      g_ptr_array_add (labels, names[i]);
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "profile", _("CSV layout"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "profile", "auto");

  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- reconcile ------------------------------------------------------------------------ */

static void
run_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SettleReconcileView) self = user_data;
  g_autoptr(GError) error = NULL;
  SettleReconcileSummary summary = { 0 };
  g_autofree char *matched = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *unmatched = NULL;
  g_autofree char *title = NULL;

  if (!settle_reconcile_run_finish (SETTLE_BOOK (source_object), result, &summary, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || SETTLE_BOOK (source_object) != self->book)
        return;
      settle_reconcile_view_set_working (self, FALSE, NULL);
      settle_reconcile_view_show_error (self, _("Cannot Reconcile"), error);
      return;
    }
  if (SETTLE_BOOK (source_object) != self->book)
    return;
  settle_reconcile_view_set_working (self, FALSE, NULL);

  matched = g_strdup_printf (ngettext ("%'u matched automatically", "%'u matched automatically",
                                       summary.auto_accepted),
                             summary.auto_accepted);
  suggested = g_strdup_printf (ngettext ("%'u suggestion", "%'u suggestions", summary.suggested),
                               summary.suggested);
  unmatched = g_strdup_printf (ngettext ("%'u unmatched", "%'u unmatched", summary.unmatched),
                               summary.unmatched);
  /* Translators: "12 matched automatically, 5 suggestions, 3 unmatched". */
  title = g_strdup_printf (_("%s, %s, %s"), matched, suggested, unmatched);
  settle_reconcile_view_toast (self, adw_toast_new (title));
  settle_book_notify_changed (self->book);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  settle_reconcile_view_set_working (self, TRUE, _("Matching lines to invoices…"));
  settle_reconcile_run_async (self->book, self->account_id, TRUE, settle_reconcile_view_progress,
                              self, self->cancellable, run_done, g_object_ref (self));
}

/* ---- accept, skip, undo ------------------------------------------------------------ */

static void undo_match (SettleReconcileView *self,
                        SettleId             match_id);

static void
toast_undo_cb (AdwToast            *toast,
               SettleReconcileView *self)
{
  SettleId *match_id = g_object_get_data (G_OBJECT (toast), "match-id");

  /* Only in the book the match was made in. */
  if (match_id != NULL && self->book != NULL
      && g_object_get_data (G_OBJECT (toast), "book") == (gpointer) self->book)
    undo_match (self, *match_id);
}

static void
matched (SettleReconcileView *self,
         SettleId             match_id,
         const char          *what)
{
  AdwToast *toast;
  g_autofree char *title = NULL;

  g_array_append_val (self->undo_stack, match_id);
  /* Translators: the toast after a match, "Matched to Acme Corp: INV-0042". */
  title = g_strdup_printf (_("Matched to %s"), what);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Matches come one key press after the other: each toast shows at once. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "match-id",
                          g_memdup2 (&match_id, sizeof match_id), g_free);
  g_object_set_data (G_OBJECT (toast), "book", self->book);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self, 0);
  settle_reconcile_view_toast (self, toast);
  advance_after_change (self);
}

void
settle_reconcile_view_accept_nth (SettleReconcileView *self,
                                  guint                n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  const SettleMatchSuggestion *s;
  SettleId match_id = 0;

  if (!gtk_widget_is_sensitive (GTK_WIDGET (self)) || self->book == NULL || self->working
      || n == 0 || n > self->suggestions->len)
    return;
  s = g_ptr_array_index (self->suggestions, n - 1);
  if (!settle_reconcile_accept (self->book, s, FALSE, &match_id, &error))
    {
      settle_reconcile_view_show_error (self, _("Cannot Accept the Match"), error);
      return;
    }
  what = settle_reconcile_suggestion_title (s);
  matched (self, match_id, what);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  settle_reconcile_view_accept_nth (SETTLE_RECONCILE_VIEW (widget),
                                    g_variant_get_uint32 (parameter));
}

static void
accept_best_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  settle_reconcile_view_accept_nth (SETTLE_RECONCILE_VIEW (widget), 1);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (widget);
  SettleReconcileLineItem *item = settle_reconcile_view_selected_item (self);
  g_autoptr(GError) error = NULL;
  gboolean skip;

  if (item == NULL)
    return;
  skip = g_strcmp0 (settle_reconcile_line_item_get_status (item), "skipped") != 0;
  if (!settle_reconcile_skip (self->book, settle_reconcile_line_item_get_id (item), skip, &error))
    {
      settle_reconcile_view_show_error (self, _("Cannot Skip the Line"), error);
      return;
    }
  if (skip)
    advance_after_change (self);
  else
    settle_book_notify_changed (self->book);
}

static void
undo_match (SettleReconcileView *self,
            SettleId             match_id)
{
  g_autoptr(GError) error = NULL;

  if (!settle_reconcile_undo (self->book, match_id, &error))
    {
      settle_reconcile_view_show_error (self, _("Cannot Undo the Match"), error);
      return;
    }
  for (guint i = self->undo_stack->len; i > 0; i--)
    if (g_array_index (self->undo_stack, SettleId, i - 1) == match_id)
      g_array_remove_index (self->undo_stack, i - 1);
  settle_reconcile_view_toast (self, adw_toast_new (_("Match undone: the line is open again")));
  settle_book_notify_changed (self->book);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (widget);

  if (self->undo_stack->len == 0)
    return;
  undo_match (self, g_array_index (self->undo_stack, SettleId, self->undo_stack->len - 1));
}

static void
undo_line_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (widget);
  SettleReconcileLineItem *item = settle_reconcile_view_selected_item (self);

  if (item == NULL || settle_reconcile_line_item_get_row (item)->match_id == 0)
    return;
  self->keep_line = settle_reconcile_line_item_get_id (item);
  undo_match (self, settle_reconcile_line_item_get_row (item)->match_id);
}

static void
manual_matched_cb (SettleReconcileView *self,
                   gint64               match_id,
                   const char          *what)
{
  if (self->book != NULL)
    matched (self, match_id, what);
}

static void
manual_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (widget);
  SettleReconcileLineItem *item = settle_reconcile_view_selected_item (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  SettleReconcileManualDialog *dialog;
  SettleId client_id = 0;

  if (item == NULL)
    return;
  /* The best suggestion's client is the likeliest start. */
  if (self->suggestions->len > 0)
    client_id = ((SettleMatchSuggestion *) g_ptr_array_index (self->suggestions, 0))->client_id;
  dialog = settle_reconcile_manual_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               self->book,
                                               settle_reconcile_line_item_get_row (item),
                                               client_id, &error);
  if (dialog == NULL)
    {
      settle_reconcile_view_show_error (self, _("Cannot Match by Hand"), error);
      return;
    }
  g_signal_connect_object (dialog, "matched", G_CALLBACK (manual_matched_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- moving between lines ---------------------------------------------------------- */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint position = gtk_single_selection_get_selected (self->selection);
  int step = g_variant_get_int32 (parameter);

  if (n == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    position = step > 0 ? 0 : n - 1;
  else if (step < 0)
    position = position > 0 ? position - 1 : 0;
  else
    position = MIN (position + 1, n - 1);
  gtk_single_selection_set_selected (self->selection, position);
  settle_reconcile_view_scroll_to (self, position);
}

/* ---- the report ---------------------------------------------------------------------- */

typedef struct
{
  SettleBook *book;
  SettleId    account_id;
  char       *path;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->book);
  g_free (request->path);
  g_free (request);
}

static gboolean
is_csv_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv");
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportRequest *request = task_data;
  g_autoptr(SettleBook) conn = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  conn = settle_book_open_worker (request->book, &error);
  if (conn != NULL && is_csv_path (request->path))
    {
      g_autofree char *csv = settle_reconcile_to_csv (conn, request->account_id, &error);

      ok = csv != NULL && g_file_set_contents (request->path, csv, -1, &error);
    }
  else if (conn != NULL)
    ok = settle_reconcile_write_pdf (conn, request->account_id, request->path, &error);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (source_object);
  ExportRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (request->path);
  g_autofree char *title = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (request->book != self->book)
    return;
  settle_reconcile_view_set_working (self, FALSE, NULL);
  if (!ok)
    {
      settle_reconcile_view_show_error (self, _("Cannot Export the Report"), error);
      return;
    }
  /* Translators: "Report saved as reconciliation.pdf". */
  title = g_strdup_printf (_("Report saved as %s"), name);
  settle_reconcile_view_toast (self, adw_toast_new (title));
}

static void
start_export (SettleReconcileView *self,
              const char          *path)
{
  g_autoptr(GTask) task = NULL;
  ExportRequest *request = g_new0 (ExportRequest, 1);

  request->book = g_object_ref (self->book);
  request->account_id = self->account_id;
  request->path = g_strdup (path);
  settle_reconcile_view_set_working (self, TRUE, _("Writing the report…"));
  gtk_progress_bar_pulse (self->progress_bar);
  task = g_task_new (self, NULL, export_done, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, request, (GDestroyNotify) export_request_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  start_export (SETTLE_RECONCILE_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
export_chosen (GtkWidget  *owner,
               const char *path,
               gpointer    user_data)
{
  SettleReconcileView *self = SETTLE_RECONCILE_VIEW (owner);

  if (self->book != NULL && !self->working)
    start_export (self, path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gboolean csv = g_strcmp0 (g_variant_get_string (parameter, NULL), "csv") == 0;

  settle_save_chooser_show (widget,
                            csv ? _("Export Reconciliation as CSV")
                                : _("Export Reconciliation as PDF"),
                            _("_Export"), csv ? SETTLE_SAVE_CSV : SETTLE_SAVE_PDF,
                            /* Translators: the suggested file name of the report. */
                            csv ? _("reconciliation.csv") : _("reconciliation.pdf"),
                            export_chosen, NULL, NULL);
}

/* ---- set-up ------------------------------------------------------------------------- */

void
settle_reconcile_view_class_init_actions (GtkWidgetClass *widget_class)
{
  static const guint number_keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  static const guint keypad_keys[] = { GDK_KEY_KP_1, GDK_KEY_KP_2, GDK_KEY_KP_3, GDK_KEY_KP_4,
                                       GDK_KEY_KP_5 };

  gtk_widget_class_install_action (widget_class, "reconcile.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "reconcile.import-file", "s",
                                   import_file_action);
  gtk_widget_class_install_action (widget_class, "reconcile.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "reconcile.accept", "u", accept_action);
  gtk_widget_class_install_action (widget_class, "reconcile.accept-best", NULL,
                                   accept_best_action);
  gtk_widget_class_install_action (widget_class, "reconcile.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "reconcile.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "reconcile.undo-line", NULL, undo_line_action);
  gtk_widget_class_install_action (widget_class, "reconcile.manual", NULL, manual_action);
  gtk_widget_class_install_action (widget_class, "reconcile.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "reconcile.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "reconcile.export-to", "s", export_to_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "reconcile.accept-best", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "reconcile.accept-best", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "reconcile.accept-best", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "reconcile.accept-best", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (number_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, number_keys[i], 0,
                                           "reconcile.accept", "u", i + 1);
      gtk_widget_class_add_binding_action (widget_class, keypad_keys[i], 0,
                                           "reconcile.accept", "u", i + 1);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "reconcile.skip", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "reconcile.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "reconcile.manual", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "reconcile.manual", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "reconcile.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "reconcile.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "reconcile.import", NULL);
}

/* The report menu: PDF and CSV through the reconciliation report's writers. */
void
settle_reconcile_view_init_actions (SettleReconcileView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  g_menu_append (menu, _("Export Report as _PDF…"), "reconcile.export::pdf");
  g_menu_append (menu, _("Export Report as _CSV…"), "reconcile.export::csv");
  gtk_menu_button_set_menu_model (self->export_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), TRUE);
}
