/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-statement-private.h"

void
settle_import_result_clear (SettleImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->format, g_free);
  g_clear_pointer (&result->profile, g_free);
  memset (result, 0, sizeof *result);
}

/* The account a CSV profile was last saved on, when exactly one has it. */
static SettleId
account_for_profile (SettleBook *book, const char *profile_name, GError **error)
{
  g_autoptr(GPtrArray) accounts = settle_bank_account_list (book, error);
  SettleId found = 0;

  if (accounts == NULL)
    return -1;
  for (guint i = 0; i < accounts->len; i++)
    {
      SettleBankAccount *account = g_ptr_array_index (accounts, i);
      g_autoptr(SettleCsvProfile) saved = NULL;

      if (account->csv_profile == NULL)
        continue;
      saved = settle_csv_profile_parse (account->csv_profile, NULL);
      if (saved != NULL && g_strcmp0 (saved->name, profile_name) == 0)
        {
          if (found != 0)
            return 0;   /* several: do not guess */
          found = account->id;
        }
    }
  return found;
}

static gboolean
store_statements (SettleBook         *book,
                  const char         *base,
                  GPtrArray          *statements,
                  const char         *profile_used,
                  const SettleCsvProfile *profile_given,
                  SettleId            bank_account_id,
                  SettleImportResult *result,
                  GError            **error)
{
  /* Statements of one account are stored together, in file order. */
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (SettleId));
  SettleId profile_account = 0;

  /* "generic" says nothing about which bank the file came from. */
  if (bank_account_id == 0 && profile_used != NULL && strcmp (profile_used, "generic") != 0)
    {
      profile_account = account_for_profile (book, profile_used, error);
      if (profile_account < 0)
        return FALSE;
    }
  for (guint i = 0; i < statements->len; i++)
    {
      SettleBankStatement *statement = g_ptr_array_index (statements, i);
      SettleId id = bank_account_id;
      guint g;

      if (id == 0 && statement->account_id != NULL)
        id = settle_bank_account_ensure (book, statement->account_id, statement->account_name,
                                         statement->currency, error);
      else if (id == 0 && profile_account != 0)
        id = profile_account;
      else if (id == 0)
        id = settle_bank_account_ensure (book, NULL, NULL, statement->currency, error);
      if (id == 0)
        return FALSE;
      for (g = 0; g < ids->len; g++)
        if (g_array_index (ids, SettleId, g) == id)
          break;
      if (g == ids->len)
        {
          g_array_append_val (ids, id);
          g_ptr_array_add (groups, g_ptr_array_new ());
        }
      g_ptr_array_add (g_ptr_array_index (groups, g), statement);
    }
  for (guint g = 0; g < ids->len; g++)
    {
      SettleId id = g_array_index (ids, SettleId, g), statement_id = 0;
      guint imported = 0, duplicates = 0;

      if (!settle_bank_statements_store (book, id, base, g_ptr_array_index (groups, g),
                                         &imported, &duplicates, &statement_id, error))
        return FALSE;
      result->imported += imported;
      result->duplicates += duplicates;
      result->bank_account_id = id;
      if (statement_id != 0)
        result->statement_id = statement_id;
      if (profile_used != NULL)
        {
          g_autoptr(SettleCsvProfile) builtin = profile_given == NULL
                                                ? settle_csv_profile_lookup (profile_used) : NULL;
          const SettleCsvProfile *profile = profile_given != NULL ? profile_given : builtin;
          g_autofree char *text = profile != NULL ? settle_csv_profile_serialise (profile) : NULL;

          if (text != NULL && !settle_bank_account_set_csv_profile (book, id, text, error))
            return FALSE;
        }
    }
  result->statements = statements->len;
  return TRUE;
}

gboolean
settle_import_file (SettleBook         *book,
                    const char         *path,
                    const char         *profile_name,
                    SettleId            bank_account_id,
                    SettleImportResult *result,
                    SettleProgressFunc  progress,
                    gpointer            progress_data,
                    GError            **error)
{
  g_autofree char *base = NULL, *data = NULL, *format = NULL, *used = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SettleCsvProfile) profile = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  SettleImportResult out = { 0 };
  SettleImportKind kind;
  gsize length = 0;
  guint total = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_IO, "%s: %s", base,
                   local_error->message);
      return FALSE;
    }

  if (profile_name != NULL)
    {
      profile = settle_csv_profile_lookup (profile_name);
      if (profile == NULL)
        {
          g_auto(GStrv) names = settle_csv_profile_list_names ();
          g_autofree char *list = g_strjoinv (", ", names);

          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_PROFILE,
                       _("There is no CSV profile “%s”; the profiles are: %s"), profile_name,
                       list);
          return FALSE;
        }
    }
  else if (bank_account_id != 0)
    {
      /* The layout the last CSV import of this account used. */
      g_autoptr(SettleBankAccount) account = settle_bank_account_load (book, bank_account_id, error);

      if (account == NULL)
        return FALSE;
      if (account->csv_profile != NULL)
        profile = settle_csv_profile_parse (account->csv_profile, NULL);
    }

  if (progress != NULL)
    progress (0, 2, progress_data);
  parsed = settle_statement_parse_full (data, length, base, profile, &kind, &format, &used, error);
  if (parsed == NULL)
    return FALSE;
  if (kind == SETTLE_IMPORT_KIND_STATEMENT)
    for (guint i = 0; i < parsed->len; i++)
      total += ((SettleBankStatement *) g_ptr_array_index (parsed, i))->lines->len;
  else
    total = parsed->len;
  if (progress != NULL)
    progress (1, 2, progress_data);

  out.kind = kind;
  out.format = g_steal_pointer (&format);
  out.profile = g_strdup (used);
  if (!settle_book_begin (book, error))
    {
      settle_import_result_clear (&out);
      return FALSE;
    }
  if (kind == SETTLE_IMPORT_KIND_CHARGES)
    {
      if (!settle_processor_charges_store (book, "stripe", parsed, &out.imported,
                                           &out.duplicates, error))
        goto fail;
    }
  else if (!store_statements (book, base, parsed, used, profile, bank_account_id, &out, error))
    goto fail;
  if (!settle_book_commit (book, error))
    {
      settle_import_result_clear (&out);
      return FALSE;
    }
  g_debug ("%s: %u of %u imported, %u duplicates", base, out.imported, total, out.duplicates);
  if (progress != NULL)
    progress (2, 2, progress_data);
  if (result != NULL)
    *result = out;
  else
    settle_import_result_clear (&out);
  return TRUE;

fail:
  settle_book_rollback (book);
  settle_import_result_clear (&out);
  return FALSE;
}

typedef struct
{
  char                *path;
  char                *profile_name;
  SettleId             bank_account_id;
  SettleProgressRelay *relay;
  SettleImportResult   result;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->path);
  g_free (data->profile_name);
  settle_progress_relay_free (data->relay);
  settle_import_result_clear (&data->result);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SettleBook *book = source_object;
  ImportData *data = task_data;
  g_autoptr(SettleBook) worker = NULL;
  GError *error = NULL;

  worker = settle_book_open_worker (book, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!settle_import_file (worker, data->path, data->profile_name, data->bank_account_id,
                           &data->result, settle_progress_relay_report, data->relay, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->result.imported > 0)
    settle_book_notify_changed (book);
  g_task_return_boolean (task, TRUE);
}

void
settle_import_file_async (SettleBook         *book,
                          const char         *path,
                          const char         *profile_name,
                          SettleId            bank_account_id,
                          SettleProgressFunc  progress,
                          gpointer            progress_data,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (SETTLE_IS_BOOK (book));
  g_return_if_fail (path != NULL);

  data = g_new0 (ImportData, 1);
  data->path = g_strdup (path);
  data->profile_name = g_strdup (profile_name);
  data->bank_account_id = bank_account_id;
  data->relay = settle_progress_relay_new (progress, progress_data);
  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, settle_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
settle_import_file_finish (SettleBook         *book,
                           GAsyncResult       *result,
                           SettleImportResult *out,
                           GError            **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, book), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == settle_import_file_async,
                        FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (out != NULL)
    {
      *out = data->result;
      memset (&data->result, 0, sizeof data->result);
    }
  return TRUE;
}
