/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reconciliation: reading lines and matches, skipping, and the value types. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "settle-reconcile-private.h"

static const char * const kind_names[] = {
  [SETTLE_MATCH_INVOICES] = "invoices",
  [SETTLE_MATCH_PAYOUT] = "payout",
  [SETTLE_MATCH_PAYMENT] = "payment",
};

const char *
settle_match_kind_to_string (SettleMatchKind kind)
{
  g_return_val_if_fail (kind <= SETTLE_MATCH_PAYMENT, "invoices");
  return kind_names[kind];
}

void
settle_match_allocation_clear (SettleMatchAllocation *a)
{
  g_clear_pointer (&a->number, g_free);
}

SettleMatchSuggestion *
settle_match_suggestion_new (SettleId        line_id,
                             SettleMatchKind kind)
{
  SettleMatchSuggestion *s = g_new0 (SettleMatchSuggestion, 1);

  s->line_id = line_id;
  s->kind = kind;
  s->allocations = g_array_new (FALSE, TRUE, sizeof (SettleMatchAllocation));
  g_array_set_clear_func (s->allocations, (GDestroyNotify) settle_match_allocation_clear);
  s->charge_ids = g_array_new (FALSE, TRUE, sizeof (SettleId));
  return s;
}

SettleMatchSuggestion *
settle_match_suggestion_copy (const SettleMatchSuggestion *s)
{
  SettleMatchSuggestion *copy;

  g_return_val_if_fail (s != NULL, NULL);

  copy = settle_match_suggestion_new (s->line_id, s->kind);
  copy->client_id = s->client_id;
  copy->client_name = g_strdup (s->client_name);
  for (guint i = 0; s->allocations != NULL && i < s->allocations->len; i++)
    {
      SettleMatchAllocation a = g_array_index (s->allocations, SettleMatchAllocation, i);

      a.number = g_strdup (a.number);
      g_array_append_val (copy->allocations, a);
    }
  if (s->charge_ids != NULL)
    g_array_append_vals (copy->charge_ids, s->charge_ids->data, s->charge_ids->len);
  copy->payment_id = s->payment_id;
  copy->fees = s->fees;
  copy->score = s->score;
  copy->reasons = g_strdup (s->reasons);
  return copy;
}

void
settle_match_suggestion_free (SettleMatchSuggestion *s)
{
  if (s == NULL)
    return;
  g_free (s->client_name);
  g_clear_pointer (&s->allocations, g_array_unref);
  g_clear_pointer (&s->charge_ids, g_array_unref);
  g_free (s->reasons);
  g_free (s);
}

void
settle_statement_line_row_free (SettleStatementLineRow *row)
{
  if (row == NULL)
    return;
  g_free (row->payer_name);
  g_free (row->reference);
  g_free (row->description);
  g_free (row->status);
  g_free (row->payer_account);
  g_free (row->dedupe_key);
  g_free (row);
}

void
settle_match_record_free (SettleMatchRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->line_text);
  g_free (r->matched_to);
  g_free (r->accepted_at);
  g_free (r->undone_at);
  g_free (r);
}

void
settle_match_line_clear (SettleMatchLine *line)
{
  g_clear_pointer (&line->payer_name, g_free);
  g_clear_pointer (&line->payer_account, g_free);
  g_clear_pointer (&line->reference, g_free);
  g_clear_pointer (&line->description, g_free);
  g_clear_pointer (&line->kind, g_free);
  g_clear_pointer (&line->status, g_free);
}

#define LINE_COLUMNS "id, bank_account_id, date, amount, currency, payer_name, payer_account, " \
                     "reference, description, kind, status, COALESCE (match_id, 0)"

static void
match_line_from_row (sqlite3_stmt    *stmt,
                     SettleMatchLine *line)
{
  memset (line, 0, sizeof *line);
  line->id = sqlite3_column_int64 (stmt, 0);
  line->bank_account_id = sqlite3_column_int64 (stmt, 1);
  settle_column_date (stmt, 2, &line->date);
  line->julian = g_date_valid (&line->date) ? g_date_get_julian (&line->date) : 0;
  line->amount = sqlite3_column_int64 (stmt, 3);
  g_strlcpy (line->currency, (const char *) sqlite3_column_text (stmt, 4), sizeof line->currency);
  line->payer_name = settle_column_dup (stmt, 5);
  line->payer_account = settle_column_dup (stmt, 6);
  line->reference = settle_column_dup (stmt, 7);
  line->description = settle_column_dup (stmt, 8);
  line->kind = settle_column_dup (stmt, 9);
  line->status = settle_column_dup (stmt, 10);
}

gboolean
settle_reconcile_load_line (SettleBook      *book,
                            SettleId         line_id,
                            SettleMatchLine *line,
                            GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book, "SELECT " LINE_COLUMNS " FROM bank_lines WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    match_line_from_row (stmt, line);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no bank statement line with id %" PRId64), line_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

GArray *
settle_reconcile_load_open_lines (SettleBook *book,
                                  SettleId    bank_account_id,
                                  GError    **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (SettleMatchLine));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (lines, (GDestroyNotify) settle_match_line_clear);
  stmt = settle_book_prepare (book,
                              "SELECT " LINE_COLUMNS " FROM bank_lines "
                              "WHERE status = 'open' AND amount > 0 "
                              "AND (?1 = 0 OR bank_account_id = ?1) ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bank_account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleMatchLine line;

      match_line_from_row (stmt, &line);
      g_array_append_val (lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&lines);
}

GPtrArray *
settle_reconcile_list_lines (SettleBook *book,
                             SettleId    bank_account_id,
                             const char *status,
                             GError    **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_statement_line_row_free);
  stmt = settle_book_prepare (book,
                              "SELECT " LINE_COLUMNS ", dedupe_key FROM bank_lines "
                              "WHERE (?1 = 0 OR bank_account_id = ?1) "
                              "AND (?2 IS NULL OR status = ?2) ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bank_account_id);
  settle_bind_text (stmt, 2, status);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleStatementLineRow *row = g_new0 (SettleStatementLineRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->bank_account_id = sqlite3_column_int64 (stmt, 1);
      settle_column_date (stmt, 2, &row->date);
      row->amount = sqlite3_column_int64 (stmt, 3);
      g_strlcpy (row->currency, (const char *) sqlite3_column_text (stmt, 4), sizeof row->currency);
      row->payer_name = settle_column_dup (stmt, 5);
      row->payer_account = settle_column_dup (stmt, 6);
      row->reference = settle_column_dup (stmt, 7);
      row->description = settle_column_dup (stmt, 8);
      row->status = settle_column_dup (stmt, 10);
      row->match_id = sqlite3_column_int64 (stmt, 11);
      row->dedupe_key = settle_column_dup (stmt, 12);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
settle_reconcile_skip (SettleBook *book,
                       SettleId    line_id,
                       gboolean    skip,
                       GError    **error)
{
  SettleMatchLine line;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!settle_reconcile_load_line (book, line_id, &line, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  ok = strcmp (line.status, "matched") != 0;
  settle_match_line_clear (&line);
  if (!ok)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                           _("This statement line is matched: undo the match before skipping it"));
      settle_book_rollback (book);
      return FALSE;
    }
  stmt = settle_book_prepare (book, "UPDATE bank_lines SET status = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    {
      settle_book_rollback (book);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, line_id);
  settle_bind_text (stmt, 2, skip ? "skipped" : "open");
  if (!settle_book_step_done (book, stmt, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

GPtrArray *
settle_reconcile_list_matches (SettleBook *book,
                               SettleId    bank_account_id,
                               GError    **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_match_record_free);
  stmt = settle_book_prepare (book,
                              "SELECT m.id, l.id, l.date, l.amount, "
                              "TRIM (COALESCE (l.payer_name, '') || ' ' || COALESCE (l.description, '')), "
                              "m.matched_to, m.score, m.automatic, m.accepted_at, m.undone_at, l.currency "
                              "FROM reconcile_matches m JOIN bank_lines l ON l.id = m.line_id "
                              "WHERE (?1 = 0 OR l.bank_account_id = ?1) ORDER BY m.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bank_account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleMatchRecord *r = g_new0 (SettleMatchRecord, 1);

      r->match_id = sqlite3_column_int64 (stmt, 0);
      r->line_id = sqlite3_column_int64 (stmt, 1);
      settle_column_date (stmt, 2, &r->line_date);
      r->line_amount = sqlite3_column_int64 (stmt, 3);
      r->line_text = settle_column_dup (stmt, 4);
      r->matched_to = settle_column_dup (stmt, 5);
      r->score = sqlite3_column_int (stmt, 6);
      r->automatic = sqlite3_column_int (stmt, 7) != 0;
      r->accepted_at = settle_column_dup (stmt, 8);
      r->undone_at = settle_column_dup (stmt, 9);
      g_strlcpy (r->currency, (const char *) sqlite3_column_text (stmt, 10), sizeof r->currency);
      g_ptr_array_add (rows, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
