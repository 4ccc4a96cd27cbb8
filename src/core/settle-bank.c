/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "settle-bank.h"
#include "settle-book-private.h"
#include "settle-money.h"

SettleBankLine *
settle_bank_line_new (void)
{
  SettleBankLine *line = g_new0 (SettleBankLine, 1);

  g_date_clear (&line->date, 1);
  g_date_clear (&line->value_date, 1);
  return line;
}

void
settle_bank_line_free (SettleBankLine *line)
{
  if (line == NULL)
    return;
  g_free (line->dedupe_key);
  g_free (line->payer_name);
  g_free (line->payer_account);
  g_free (line->reference);
  g_free (line->description);
  g_free (line->kind);
  g_free (line);
}

SettleBankStatement *
settle_bank_statement_new (void)
{
  SettleBankStatement *st = g_new0 (SettleBankStatement, 1);

  g_date_clear (&st->start, 1);
  g_date_clear (&st->end, 1);
  g_date_clear (&st->closing_date, 1);
  st->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_line_free);
  return st;
}

void
settle_bank_statement_free (SettleBankStatement *st)
{
  if (st == NULL)
    return;
  g_free (st->format);
  g_free (st->account_id);
  g_free (st->account_name);
  g_clear_pointer (&st->lines, g_ptr_array_unref);
  g_free (st);
}

void
settle_bank_line_set_hash_key (SettleBankLine *line,
                               guint           nth_identical)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hex = NULL;

  g_return_if_fail (line != NULL);

  date = g_date_valid (&line->date) ? settle_date_to_iso (&line->date) : g_strdup ("");
  text = g_strdup_printf ("%s|%" PRId64 "|%s|%s|%s|%u", date, line->amount, line->currency,
                          line->payer_name ? line->payer_name : "",
                          line->description ? line->description : "", nth_identical);
  hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_free (line->dedupe_key);
  line->dedupe_key = g_strconcat ("hash:", hex, NULL);
}

void
settle_bank_account_free (SettleBankAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account->account_id);
  g_free (account->csv_profile);
  g_free (account);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return FALSE;
}

char *
settle_bank_account_fingerprint (const char *account)
{
  g_autoptr(GString) norm = g_string_new (NULL);
  g_autofree char *digest = NULL;

  for (const char *p = account ? account : ""; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (norm, g_ascii_toupper (*p));
  if (norm->len == 0)
    return NULL;
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, norm->str, -1);
  return g_strconcat ("sha256:", digest, NULL);
}

/* Bank account numbers are never stored or shown whole (DESIGN.md): every run of
 * five or more digits in a name becomes ••••1234, as on a card. */
static char *
mask_digits (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if (q - p >= 5)
        {
          g_string_append (out, "••••");
          g_string_append_len (out, q - 4, 4);
          p = q;
        }
      else if (q > p)
        {
          g_string_append_len (out, p, q - p);
          p = q;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static gboolean
find_account (SettleBook *book,
              const char *account_id,
              const char *name,
              SettleId   *id,
              GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (account_id != NULL)
    {
      stmt = settle_book_prepare (book, "SELECT id FROM bank_accounts WHERE account_id = ?1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      settle_bind_text (stmt, 1, account_id);
    }
  else
    {
      stmt = settle_book_prepare (book,
                                  "SELECT id FROM bank_accounts WHERE account_id IS NULL "
                                  "AND name = ?1 ORDER BY id LIMIT 1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      settle_bind_text (stmt, 1, name);
    }
  *id = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

SettleId
settle_bank_account_ensure (SettleBook *book,
                            const char *account_id,
                            const char *name,
                            const char *currency,
                            GError    **error)
{
  g_autofree char *now = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  SettleId id = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), 0);

  if (account_id != NULL && *account_id == '\0')
    account_id = NULL;
  if (currency == NULL || strlen (currency) != 3)
    {
      invalid (error, _("Currency: expected a three-letter code such as USD"));
      return 0;
    }
  if (name != NULL && *name != '\0')
    shown = mask_digits (name);
  else if (account_id != NULL && strlen (account_id) > 4)
    /* Only the last four characters are shown, as on a card. */
    shown = g_strdup_printf (_("Account ••••%s"), account_id + strlen (account_id) - 4);
  else if (account_id != NULL)
    shown = g_strdup_printf (_("Account %s"), account_id);
  else
    shown = g_strdup (_("Imported statements"));
  key = settle_bank_account_fingerprint (account_id);

  if (!settle_book_begin (book, error))
    return 0;
  if (!find_account (book, key, shown, &id, error))
    goto fail;
  if (id != 0)
    {
      if (!settle_book_commit (book, error))
        return 0;
      return id;
    }
  stmt = settle_book_prepare (book,
                              "INSERT INTO bank_accounts (name, account_id, currency, created_at) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    goto fail;
  now = settle_timestamp_now ();
  settle_bind_text (stmt, 1, shown);
  settle_bind_text (stmt, 2, key);
  upper = g_ascii_strup (currency, -1);
  settle_bind_text (stmt, 3, upper);
  settle_bind_text (stmt, 4, now);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  if (!settle_book_commit (book, error))
    return 0;
  return id;

fail:
  settle_book_rollback (book);
  return 0;
}

#define ACCOUNT_COLUMNS "id, name, account_id, currency, csv_profile, auto_accept_score"

static SettleBankAccount *
account_from_row (sqlite3_stmt *stmt)
{
  SettleBankAccount *a = g_new0 (SettleBankAccount, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->name = settle_column_dup (stmt, 1);
  a->account_id = settle_column_dup (stmt, 2);
  g_strlcpy (a->currency, (const char *) sqlite3_column_text (stmt, 3), sizeof a->currency);
  a->csv_profile = settle_column_dup (stmt, 4);
  a->auto_accept_score = sqlite3_column_int (stmt, 5);
  return a;
}

SettleBankAccount *
settle_bank_account_load (SettleBook *book,
                          SettleId    id,
                          GError    **error)
{
  SettleBankAccount *a = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book, "SELECT " ACCOUNT_COLUMNS " FROM bank_accounts WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    a = account_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("There is no bank account with id %" PRId64), id);
  else if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return a;
}

GPtrArray *
settle_bank_account_list (SettleBook *book,
                          GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_bank_account_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT " ACCOUNT_COLUMNS " FROM bank_accounts ORDER BY name, id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, account_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
update_account (SettleBook *book,
                const char *sql,
                SettleId    id,
                const char *text,
                int         number,
                GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    settle_bind_text (stmt, 2, text);
  else
    sqlite3_bind_int (stmt, 2, number);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  if (sqlite3_changes (settle_book_get_db (book)) == 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no bank account with id %" PRId64), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_bank_account_set_csv_profile (SettleBook *book,
                                     SettleId    id,
                                     const char *profile,
                                     GError    **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (profile == NULL)
    return update_account (book, "UPDATE bank_accounts SET csv_profile = NULLIF (?2, 0) "
                                 "WHERE id = ?1", id, NULL, 0, error);
  return update_account (book, "UPDATE bank_accounts SET csv_profile = ?2 WHERE id = ?1", id,
                         profile, 0, error);
}

gboolean
settle_bank_account_set_auto_accept (SettleBook *book,
                                     SettleId    id,
                                     int         score,
                                     GError    **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (score < 0 || score > SETTLE_BANK_AUTO_ACCEPT_NEVER)
    return invalid (error, _("Auto-accept score: expected a score from 0 to 100, or never"));
  return update_account (book, "UPDATE bank_accounts SET auto_accept_score = ?2 WHERE id = ?1",
                         id, NULL, score, error);
}

static void
bind_optional_date (sqlite3_stmt *stmt,
                    int           index,
                    const GDate  *date)
{
  if (date != NULL && g_date_valid (date))
    settle_bind_date (stmt, index, date);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
check_line (const char           *file_name,
            const SettleBankLine *line,
            const char           *currency,
            GError              **error)
{
  const char *what = NULL;

  if (!g_date_valid (&line->date))
    what = _("a date");
  else if (line->dedupe_key == NULL || *line->dedupe_key == '\0')
    what = _("a transaction id or hash");
  else if (strlen (line->currency) != 3 && strlen (currency) != 3)
    what = _("a three-letter currency");
  if (what == NULL)
    return TRUE;
  /* Translators: "statement.csv, line 12: expected a date" */
  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, _("%s, line %u: expected %s"),
               file_name ? file_name : "", line->source_line, what);
  return FALSE;
}

static gboolean
store_statement (SettleBook                *book,
                 SettleId                   bank_account_id,
                 const char                *account_currency,
                 const char                *file_name,
                 const SettleBankStatement *st,
                 const char                *now,
                 guint                     *imported,
                 guint                     *duplicates,
                 SettleId                  *statement_id,
                 GError                   **error)
{
  sqlite3_stmt *stmt;
  SettleId sid;

  stmt = settle_book_prepare (book,
                              "INSERT INTO bank_statements (bank_account_id, file_name, format, "
                              "start_date, end_date, opening_balance, closing_balance, closing_date, "
                              "imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bank_account_id);
  settle_bind_text (stmt, 2, file_name ? file_name : "");
  settle_bind_text (stmt, 3, st->format ? st->format : "");
  bind_optional_date (stmt, 4, &st->start);
  bind_optional_date (stmt, 5, &st->end);
  if (st->has_opening)
    sqlite3_bind_int64 (stmt, 6, st->opening_balance);
  if (st->has_closing)
    sqlite3_bind_int64 (stmt, 7, st->closing_balance);
  bind_optional_date (stmt, 8, &st->closing_date);
  settle_bind_text (stmt, 9, now);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  sid = sqlite3_last_insert_rowid (settle_book_get_db (book));
  if (statement_id != NULL)
    *statement_id = sid;

  for (guint i = 0; i < st->lines->len; i++)
    {
      const SettleBankLine *line = g_ptr_array_index (st->lines, i);
      const char *currency = strlen (line->currency) == 3 ? line->currency
                             : strlen (st->currency) == 3 ? st->currency : account_currency;
      g_autofree char *upper = NULL;
      g_autofree char *payer_account = settle_bank_account_fingerprint (line->payer_account);

      if (!check_line (file_name, line, currency, error))
        return FALSE;
      stmt = settle_book_prepare (book,
                                  "INSERT INTO bank_lines (bank_account_id, statement_id, source_line, "
                                  "date, value_date, amount, currency, dedupe_key, payer_name, "
                                  "payer_account, reference, description, kind) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                                  "ON CONFLICT (bank_account_id, dedupe_key) DO NOTHING",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, bank_account_id);
      sqlite3_bind_int64 (stmt, 2, sid);
      sqlite3_bind_int (stmt, 3, line->source_line);
      settle_bind_date (stmt, 4, &line->date);
      bind_optional_date (stmt, 5, &line->value_date);
      sqlite3_bind_int64 (stmt, 6, line->amount);
      upper = g_ascii_strup (currency, -1);
      settle_bind_text (stmt, 7, upper);
      settle_bind_text (stmt, 8, line->dedupe_key);
      settle_bind_text (stmt, 9, line->payer_name);
      settle_bind_text (stmt, 10, payer_account);
      settle_bind_text (stmt, 11, line->reference);
      settle_bind_text (stmt, 12, line->description);
      settle_bind_text (stmt, 13, line->kind);
      if (!settle_book_step_done (book, stmt, error))
        return FALSE;
      if (sqlite3_changes (settle_book_get_db (book)) > 0)
        (*imported)++;
      else
        (*duplicates)++;
    }
  return TRUE;
}

gboolean
settle_bank_statements_store (SettleBook *book,
                              SettleId    bank_account_id,
                              const char *file_name,
                              GPtrArray  *statements,
                              guint      *imported,
                              guint      *duplicates,
                              SettleId   *statement_id,
                              GError    **error)
{
  g_autoptr(SettleBankAccount) account = NULL;
  g_autofree char *now = NULL;
  guint n_imported = 0, n_duplicates = 0;
  SettleId last = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (statements != NULL, FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  account = settle_bank_account_load (book, bank_account_id, error);
  if (account == NULL)
    goto fail;
  now = settle_timestamp_now ();
  for (guint i = 0; i < statements->len; i++)
    if (!store_statement (book, bank_account_id, account->currency, file_name,
                          g_ptr_array_index (statements, i), now, &n_imported, &n_duplicates,
                          &last, error))
      goto fail;
  if (!settle_book_commit (book, error))
    return FALSE;
  if (imported != NULL)
    *imported = n_imported;
  if (duplicates != NULL)
    *duplicates = n_duplicates;
  if (statement_id != NULL)
    *statement_id = last;
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}

gboolean
settle_bank_account_balance (SettleBook  *book,
                             SettleId     bank_account_id,
                             const GDate *as_of,
                             gint64      *balance,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (balance != NULL, FALSE);

  stmt = settle_book_prepare (book,
                              "SELECT COALESCE ((SELECT opening_balance FROM bank_statements "
                              "                  WHERE bank_account_id = ?1 "
                              "                  AND opening_balance IS NOT NULL "
                              "                  ORDER BY id LIMIT 1), 0) "
                              "     + COALESCE ((SELECT SUM (amount) FROM bank_lines "
                              "                  WHERE bank_account_id = ?1 "
                              "                  AND (?2 IS NULL OR date <= ?2)), 0)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bank_account_id);
  bind_optional_date (stmt, 2, as_of);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *balance = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

gboolean
settle_bank_account_last_closing (SettleBook *book,
                                  SettleId    bank_account_id,
                                  gboolean   *has_closing,
                                  gint64     *closing_balance,
                                  GDate      *closing_date,
                                  GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  *has_closing = FALSE;
  *closing_balance = 0;
  g_date_clear (closing_date, 1);
  stmt = settle_book_prepare (book,
                              "SELECT closing_balance, COALESCE (closing_date, end_date) "
                              "FROM bank_statements WHERE bank_account_id = ?1 "
                              "AND closing_balance IS NOT NULL "
                              "ORDER BY COALESCE (closing_date, end_date) DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bank_account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *has_closing = TRUE;
      *closing_balance = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        settle_column_date (stmt, 1, closing_date);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}
