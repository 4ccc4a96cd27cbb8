/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Suggestions for one line, and the run over all open lines (optionally accepting
 * the sure ones), in the caller's thread or in a worker. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-reconcile-private.h"

#define MAX_SUGGESTIONS 5

GPtrArray *
settle_reconcile_suggest (SettleBook *book,
                          SettleId    line_id,
                          GError    **error)
{
  g_autoptr(SettleMatcher) matcher = NULL;
  SettleMatchLine line = { 0, };
  GPtrArray *out;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  if (!settle_reconcile_load_line (book, line_id, &line, error))
    return NULL;
  if (strcmp (line.status, "open") != 0 || line.amount <= 0)
    {
      settle_match_line_clear (&line);
      return g_ptr_array_new_with_free_func ((GDestroyNotify) settle_match_suggestion_free);
    }
  matcher = settle_matcher_new_for_line (book, &line, error);
  if (matcher == NULL)
    {
      settle_match_line_clear (&line);
      return NULL;
    }
  out = settle_matcher_suggest (matcher, &line, MAX_SUGGESTIONS);
  settle_match_line_clear (&line);
  return out;
}

static int
threshold_of (SettleBook *book,
              GHashTable *thresholds,
              SettleId    account_id)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (thresholds, &account_id, NULL, &value))
    {
      g_autoptr(SettleBankAccount) account = settle_bank_account_load (book, account_id, NULL);
      int score = account ? account->auto_accept_score : SETTLE_BANK_AUTO_ACCEPT_NEVER;

      value = GINT_TO_POINTER (score);
      g_hash_table_insert (thresholds, g_memdup2 (&account_id, sizeof account_id), value);
    }
  return GPOINTER_TO_INT (value);
}

static gboolean
run_currency (SettleBook             *book,
              GArray                 *lines,
              const char             *currency,
              gboolean                auto_accept,
              GHashTable             *thresholds,
              SettleReconcileSummary *summary,
              GHashTable             *suggestions,
              guint                  *done,
              SettleProgressFunc      progress,
              gpointer                progress_data,
              GCancellable           *cancellable,
              GError                **error)
{
  g_autoptr(SettleMatcher) matcher = NULL;
  guint32 first = G_MAXUINT32, last = 0;
  gint64 started;

  for (guint i = 0; i < lines->len; i++)
    {
      SettleMatchLine *line = &g_array_index (lines, SettleMatchLine, i);

      if (strcmp (line->currency, currency) == 0)
        {
          first = MIN (first, line->julian);
          last = MAX (last, line->julian);
        }
    }
  started = g_get_monotonic_time ();
  matcher = settle_matcher_new (book, currency, first, last, error);
  if (matcher == NULL)
    return FALSE;
  g_debug ("Reconcile %s: indexes built in %.1f ms", currency,
           (g_get_monotonic_time () - started) / 1000.0);
  started = g_get_monotonic_time ();

  for (guint i = 0; i < lines->len; i++)
    {
      SettleMatchLine *line = &g_array_index (lines, SettleMatchLine, i);
      g_autoptr(GPtrArray) found = NULL;
      SettleMatchSuggestion *best;
      gboolean accepted = FALSE;

      if (strcmp (line->currency, currency) != 0)
        continue;
      /* What was accepted before stays accepted: each line is its own transaction. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      found = settle_matcher_suggest (matcher, line, 1);
      best = found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
      summary->lines++;
      if (best != NULL && auto_accept
          && best->score >= threshold_of (book, thresholds, line->bank_account_id))
        {
          g_autoptr(GError) local = NULL;

          accepted = settle_reconcile_accept (book, best, TRUE, NULL, &local);
          if (accepted)
            settle_matcher_consume (matcher, best);
          else
            /* The book changed under the suggestion: it stays a suggestion. */
            g_debug ("Line %" G_GINT64_FORMAT " not accepted: %s", line->id, local->message);
        }
      if (accepted)
        summary->auto_accepted++;
      else if (best != NULL)
        summary->suggested++;
      else
        summary->unmatched++;
      if (suggestions != NULL && best != NULL)
        g_hash_table_insert (suggestions, g_memdup2 (&line->id, sizeof line->id),
                             g_ptr_array_steal_index (found, 0));
      (*done)++;
      if (progress != NULL)
        progress (*done, lines->len, progress_data);
    }
  g_debug ("Reconcile %s: lines matched in %.1f ms", currency,
           (g_get_monotonic_time () - started) / 1000.0);
  return TRUE;
}

static gboolean
run_cancellable (SettleBook             *book,
                 SettleId                bank_account_id,
                 gboolean                auto_accept,
                 SettleReconcileSummary *summary,
                 GHashTable            **suggestions,
                 SettleProgressFunc      progress,
                 gpointer                progress_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GHashTable) best = NULL;
  g_autoptr(GHashTable) thresholds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) currencies = g_hash_table_new (g_str_hash, g_str_equal);
  SettleReconcileSummary sum = { 0, };
  guint done = 0;
  gint64 started;

  started = g_get_monotonic_time ();
  lines = settle_reconcile_load_open_lines (book, bank_account_id, error);
  if (lines == NULL)
    return FALSE;
  g_debug ("Reconcile: %u open lines read in %.1f ms", lines->len,
           (g_get_monotonic_time () - started) / 1000.0);
  if (suggestions != NULL)
    best = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                  (GDestroyNotify) settle_match_suggestion_free);
  for (guint i = 0; i < lines->len; i++)
    {
      SettleMatchLine *line = &g_array_index (lines, SettleMatchLine, i);

      if (!g_hash_table_add (currencies, line->currency))
        continue;
      if (!run_currency (book, lines, line->currency, auto_accept, thresholds, &sum, best, &done,
                         progress, progress_data, cancellable, error))
        {
          if (summary != NULL)
            *summary = sum;
          return FALSE;
        }
    }
  if (summary != NULL)
    *summary = sum;
  if (suggestions != NULL)
    *suggestions = g_steal_pointer (&best);
  return TRUE;
}

gboolean
settle_reconcile_run (SettleBook             *book,
                      SettleId                bank_account_id,
                      gboolean                auto_accept,
                      SettleReconcileSummary *summary,
                      GHashTable            **suggestions,
                      SettleProgressFunc      progress,
                      gpointer                progress_data,
                      GError                **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  return run_cancellable (book, bank_account_id, auto_accept, summary, suggestions, progress,
                          progress_data, NULL, error);
}

typedef struct
{
  SettleId                bank_account_id;
  gboolean                auto_accept;
  SettleProgressRelay    *relay;
  SettleReconcileSummary  summary;
  GHashTable             *suggestions;
} RunData;

static void
run_data_free (RunData *data)
{
  settle_progress_relay_free (data->relay);
  g_clear_pointer (&data->suggestions, g_hash_table_unref);
  g_free (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SettleBook *book = source_object;
  RunData *data = task_data;
  g_autoptr(SettleBook) worker = NULL;
  GError *error = NULL;

  worker = settle_book_open_worker (book, &error);
  if (worker == NULL
      || !run_cancellable (worker, data->bank_account_id, data->auto_accept, &data->summary,
                           &data->suggestions, settle_progress_relay_report, data->relay, cancellable,
                           &error))
    {
      if (data->summary.auto_accepted > 0)
        settle_book_notify_changed (book);
      g_task_return_error (task, error);
      return;
    }
  if (data->summary.auto_accepted > 0)
    settle_book_notify_changed (book);
  g_task_return_boolean (task, TRUE);
}

void
settle_reconcile_run_async (SettleBook         *book,
                            SettleId            bank_account_id,
                            gboolean            auto_accept,
                            SettleProgressFunc  progress,
                            gpointer            progress_data,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (SETTLE_IS_BOOK (book));

  data = g_new0 (RunData, 1);
  data->bank_account_id = bank_account_id;
  data->auto_accept = auto_accept;
  data->relay = settle_progress_relay_new (progress, progress_data);
  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, settle_reconcile_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  /* A cancelled run still reports what it accepted: the summary is in the data. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_thread);
}

gboolean
settle_reconcile_run_finish (SettleBook             *book,
                             GAsyncResult           *result,
                             SettleReconcileSummary *summary,
                             GHashTable            **suggestions,
                             GError                **error)
{
  RunData *data;

  g_return_val_if_fail (g_task_is_valid (result, book), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == settle_reconcile_run_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (summary != NULL)
    *summary = data->summary;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (suggestions != NULL)
    *suggestions = g_steal_pointer (&data->suggestions);
  return TRUE;
}
