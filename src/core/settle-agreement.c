/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-agreement.h"
#include "settle-book-rows-private.h"
#include "settle-catalog.h"
#include "settle-client.h"
#include "settle-money.h"

/* settle-book-rows-private.h reads a record's and a child's id as its first member. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (SettleAgreement, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (SettleAgreementLine, id) == 0);

static void
line_free (SettleAgreementLine *line)
{
  g_free (line->description);
  g_free (line);
}

SettleAgreement *
settle_agreement_new (SettleId    client_id,
                      const char *currency)
{
  SettleAgreement *ag = g_new0 (SettleAgreement, 1);

  g_return_val_if_fail (currency != NULL && strlen (currency) == 3, ag);

  ag->client_id = client_id;
  ag->name = g_strdup ("");
  ag->cycle = SETTLE_CYCLE_MONTHLY;
  ag->alignment = SETTLE_ALIGN_CALENDAR;
  ag->billing_day = 1;
  g_date_clear (&ag->start_date, 1);
  g_date_clear (&ag->end_date, 1);
  memcpy (ag->currency, currency, 4);
  ag->po_number = g_strdup ("");
  ag->notes = g_strdup ("");
  ag->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  return ag;
}

void
settle_agreement_free (SettleAgreement *ag)
{
  if (ag == NULL)
    return;
  g_free (ag->client_name);
  g_free (ag->name);
  g_free (ag->po_number);
  g_free (ag->notes);
  g_ptr_array_unref (ag->lines);
  g_free (ag);
}

SettleAgreementLine *
settle_agreement_add_line (SettleAgreement *ag,
                           const char      *description,
                           gint64           quantity_milli,
                           gint64           unit_price,
                           int              tax_rate_bp,
                           gboolean         usage)
{
  SettleAgreementLine *line = g_new0 (SettleAgreementLine, 1);

  g_return_val_if_fail (ag != NULL, line);

  line->position = ag->lines->len + 1;
  line->description = g_strdup (description ? description : "");
  line->quantity_milli = quantity_milli;
  line->unit_price = unit_price;
  line->tax_rate_bp = tax_rate_bp;
  line->usage = usage;
  g_date_clear (&line->start_date, 1);
  g_date_clear (&line->end_date, 1);
  g_ptr_array_add (ag->lines, line);
  return line;
}

void
settle_agreement_get_schedule (const SettleAgreement *ag,
                               SettleSchedule        *schedule)
{
  schedule->cycle = ag->cycle;
  schedule->alignment = ag->alignment;
  schedule->billing_day = ag->billing_day;
  schedule->anchor = ag->start_date;
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

gboolean
settle_agreement_validate (const SettleAgreement *ag,
                           GError               **error)
{
  g_return_val_if_fail (ag != NULL, FALSE);

  if (ag->client_id == 0)
    return invalid (error, _("Client: an agreement needs a client"));
  if (settle_text_is_blank (ag->name))
    return invalid (error, _("Name: an agreement needs a name"));
  if (!settle_currency_is_known (ag->currency))
    return invalid (error, _("Currency: “%s” is not a known ISO 4217 code"), ag->currency);
  if (ag->cycle > SETTLE_CYCLE_YEARLY)
    return invalid (error, _("Cycle: choose monthly, quarterly or yearly"));
  if (ag->alignment > SETTLE_ALIGN_ANNIVERSARY)
    return invalid (error, _("Alignment: choose calendar or anniversary"));
  if (ag->billing_day < 1 || ag->billing_day > 28)
    return invalid (error, _("Billing day: %d is not a day between 1 and 28"), ag->billing_day);
  if (!g_date_valid (&ag->start_date))
    return invalid (error, _("Start date: an agreement needs a start date"));
  if (g_date_valid (&ag->end_date) && g_date_compare (&ag->end_date, &ag->start_date) < 0)
    {
      g_autofree char *start = settle_date_to_iso (&ag->start_date);
      g_autofree char *end = settle_date_to_iso (&ag->end_date);

      return invalid (error, _("End date: the agreement ends on %s, before it starts on %s"),
                      end, start);
    }
  if (ag->lines->len == 0)
    return invalid (error, _("Lines: an agreement needs at least one line"));
  for (guint i = 0; i < ag->lines->len; i++)
    {
      const SettleAgreementLine *line = g_ptr_array_index (ag->lines, i);

      if (settle_text_is_blank (line->description))
        return invalid (error, _("Line %u: a line needs a description"), i + 1);
      if (!line->usage && line->quantity_milli <= 0)
        return invalid (error, _("Line %u: the quantity must be more than zero"), i + 1);
      if (line->tax_rate_bp < 0 || line->tax_rate_bp > 100000)
        return invalid (error, _("Line %u: a tax rate must be between 0 %% and 1000 %%"), i + 1);
      if (g_date_valid (&line->start_date) && g_date_valid (&line->end_date) &&
          g_date_compare (&line->end_date, &line->start_date) < 0)
        return invalid (error, _("Line %u: the end date is before the start date"), i + 1);
      if (g_date_valid (&line->end_date) && g_date_compare (&line->end_date, &ag->start_date) < 0)
        return invalid (error, _("Line %u: the line ends before the agreement starts"), i + 1);
    }
  return TRUE;
}

static gboolean
check_book_rules (SettleBook            *book,
                  const SettleAgreement *ag,
                  GError               **error)
{
  for (guint i = 0; i < ag->lines->len; i++)
    {
      const SettleAgreementLine *line = g_ptr_array_index (ag->lines, i);

      if (!settle_tax_rate_is_known (book, line->tax_rate_bp))
        {
          g_autofree char *rate = settle_format_fixed (line->tax_rate_bp, 2, TRUE);

          return invalid (error, _("Line %u: tax rate %s %% is not in the book's tax rates"),
                          i + 1, rate);
        }
    }
  return TRUE;
}

static gboolean
query_count (SettleBook *book,
             const char *sql,
             SettleId    id,
             gint64     *count,
             GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

/* What may not change once an agreement was billed: its start (the periods already
 * billed would shift) and lines that usage was entered for (deleted below). */
static gboolean
check_billed (SettleBook            *book,
              const SettleAgreement *ag,
              GError               **error)
{
  sqlite3_stmt *stmt;
  GDate stored;
  gint64 billed;
  int rc;

  if (!query_count (book, "SELECT count(*) FROM billed_periods WHERE agreement_id = ?1",
                    ag->id, &billed, error))
    return FALSE;
  if (billed == 0)
    return TRUE;
  stmt = settle_book_prepare (book, "SELECT start_date FROM agreements WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ag->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    settle_column_date (stmt, 0, &stored);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                     _("There is no agreement with id %" PRId64), ag->id);
      else
        settle_book_set_error (book, rc, error);
      return FALSE;
    }
  if (g_date_compare (&stored, &ag->start_date) != 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                           _("Start date: the agreement has been billed, so its start "
                             "can no longer change"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_lines (SettleBook      *book,
            SettleAgreement *ag,
            GError         **error)
{
  g_autoptr(GHashTable) keep = settle_book_rows_stored_ids (ag->lines);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (SettleId));
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book, "SELECT id FROM agreement_lines WHERE agreement_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ag->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (keep, &id))
        g_array_append_val (stale, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);

  for (guint i = 0; i < stale->len; i++)
    {
      SettleId id = g_array_index (stale, SettleId, i);
      gint64 used;

      if (!query_count (book, "SELECT count(*) FROM usage_entries WHERE agreement_line_id = ?1",
                        id, &used, error))
        return FALSE;
      if (used > 0)
        {
          g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                               _("Lines: a usage line with usage entered cannot be removed; "
                                 "give it an end date instead"));
          return FALSE;
        }
      stmt = settle_book_prepare (book, "DELETE FROM agreement_lines WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!settle_book_step_done (book, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < ag->lines->len; i++)
    {
      SettleAgreementLine *line = g_ptr_array_index (ag->lines, i);

      line->position = i + 1;
      if (line->id != 0)
        stmt = settle_book_prepare (book,
                                    "UPDATE agreement_lines SET position = ?2, item_id = ?3, "
                                    "description = ?4, quantity_milli = ?5, unit_price = ?6, "
                                    "tax_rate_bp = ?7, usage = ?8, start_date = ?9, end_date = ?10 "
                                    "WHERE id = ?11 AND agreement_id = ?1",
                                    error);
      else
        stmt = settle_book_prepare (book,
                                    "INSERT INTO agreement_lines (agreement_id, position, item_id, "
                                    "description, quantity_milli, unit_price, tax_rate_bp, usage, "
                                    "start_date, end_date) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ag->id);
      sqlite3_bind_int (stmt, 2, line->position);
      if (line->item_id != 0)
        sqlite3_bind_int64 (stmt, 3, line->item_id);
      settle_bind_text (stmt, 4, line->description);
      sqlite3_bind_int64 (stmt, 5, line->usage ? 0 : line->quantity_milli);
      sqlite3_bind_int64 (stmt, 6, line->unit_price);
      sqlite3_bind_int (stmt, 7, line->tax_rate_bp);
      sqlite3_bind_int (stmt, 8, line->usage ? 1 : 0);
      settle_bind_date (stmt, 9, &line->start_date);
      settle_bind_date (stmt, 10, &line->end_date);
      if (line->id != 0)
        sqlite3_bind_int64 (stmt, 11, line->id);
      if (!settle_book_step_done (book, stmt, error))
        return FALSE;
      if (line->id == 0)
        line->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
      else if (sqlite3_changes (settle_book_get_db (book)) == 0)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                       _("Line %u: the line is not part of this agreement"), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_agreement (SettleBook *book,
                 gpointer    record,
                 gboolean    inserting,
                 GError    **error)
{
  SettleAgreement *ag = record;
  g_autofree char *terms = ag->has_terms ? settle_terms_to_string (&ag->terms) : NULL;
  sqlite3_stmt *stmt;

  if (!inserting)
    {
      if (!check_billed (book, ag, error))
        return FALSE;
      stmt = settle_book_prepare (book,
                                  "UPDATE agreements SET client_id = ?1, name = ?2, cycle = ?3, "
                                  "alignment = ?4, billing_day = ?5, start_date = ?6, "
                                  "end_date = ?7, currency = ?8, auto_issue = ?9, terms = ?10, "
                                  "po_number = ?11, notes = ?12 WHERE id = ?14",
                                  error);
    }
  else
    stmt = settle_book_prepare (book,
                                "INSERT INTO agreements (client_id, name, cycle, alignment, "
                                "billing_day, start_date, end_date, currency, auto_issue, terms, "
                                "po_number, notes, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ag->client_id);
  settle_bind_text (stmt, 2, ag->name);
  settle_bind_text (stmt, 3, settle_cycle_to_string (ag->cycle));
  settle_bind_text (stmt, 4, settle_alignment_to_string (ag->alignment));
  sqlite3_bind_int (stmt, 5, ag->billing_day);
  settle_bind_date (stmt, 6, &ag->start_date);
  settle_bind_date (stmt, 7, &ag->end_date);
  settle_bind_text (stmt, 8, ag->currency);
  sqlite3_bind_int (stmt, 9, ag->auto_issue ? 1 : 0);
  settle_bind_text (stmt, 10, terms);
  settle_bind_text (stmt, 11, ag->po_number ? ag->po_number : "");
  settle_bind_text (stmt, 12, ag->notes ? ag->notes : "");
  if (inserting)
    {
      g_autofree char *now = settle_timestamp_now ();
      settle_bind_text (stmt, 13, now);
    }
  else
    sqlite3_bind_int64 (stmt, 14, ag->id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  if (inserting)
    ag->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  else if (sqlite3_changes (settle_book_get_db (book)) == 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no agreement with id %" PRId64), ag->id);
      return FALSE;
    }
  return save_lines (book, ag, error)
         && settle_activity_log (book, "agreement", ag->id, inserting ? "created" : "changed",
                                 ag->name, NULL, error);
}

gboolean
settle_agreement_save (SettleBook      *book,
                       SettleAgreement *ag,
                       GError         **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (ag != NULL, FALSE);

  if (!settle_agreement_validate (ag, error) || !check_book_rules (book, ag, error))
    return FALSE;
  return settle_book_rows_save (book, ag, ag->lines, write_agreement, error);
}

#define AGREEMENT_COLUMNS \
  "a.id, a.client_id, c.name, a.name, a.cycle, a.alignment, a.billing_day, a.start_date, " \
  "a.end_date, a.currency, a.auto_issue, a.terms, a.po_number, a.notes "

static gpointer
agreement_from_row (sqlite3_stmt *stmt)
{
  SettleAgreement *ag = settle_agreement_new (sqlite3_column_int64 (stmt, 1),
                                              (const char *) sqlite3_column_text (stmt, 9));
  const char *terms;

  ag->id = sqlite3_column_int64 (stmt, 0);
  ag->client_name = settle_column_dup (stmt, 2);
  g_free (ag->name);
  ag->name = settle_column_dup (stmt, 3);
  settle_cycle_from_string ((const char *) sqlite3_column_text (stmt, 4), &ag->cycle);
  settle_alignment_from_string ((const char *) sqlite3_column_text (stmt, 5), &ag->alignment);
  ag->billing_day = sqlite3_column_int (stmt, 6);
  settle_column_date (stmt, 7, &ag->start_date);
  settle_column_date (stmt, 8, &ag->end_date);
  ag->auto_issue = sqlite3_column_int (stmt, 10) != 0;
  terms = (const char *) sqlite3_column_text (stmt, 11);
  if (terms != NULL)
    {
      g_autoptr(GError) local = NULL;

      ag->has_terms = settle_terms_parse (terms, &ag->terms, &local);
      if (!ag->has_terms)
        g_warning ("Agreement %" G_GINT64_FORMAT ": stored terms “%s” unreadable: %s",
                   ag->id, terms, local->message);
    }
  g_free (ag->po_number);
  ag->po_number = settle_column_dup (stmt, 12);
  g_free (ag->notes);
  ag->notes = settle_column_dup (stmt, 13);
  return ag;
}

static gboolean
load_lines (SettleBook *book,
            gpointer    record,
            GError    **error)
{
  SettleAgreement *ag = record;
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book,
                              "SELECT id, position, item_id, description, quantity_milli, "
                              "unit_price, tax_rate_bp, usage, start_date, end_date "
                              "FROM agreement_lines WHERE agreement_id = ?1 ORDER BY position",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ag->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleAgreementLine *line = g_new0 (SettleAgreementLine, 1);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->position = sqlite3_column_int (stmt, 1);
      line->item_id = sqlite3_column_int64 (stmt, 2);
      line->description = settle_column_dup (stmt, 3);
      line->quantity_milli = sqlite3_column_int64 (stmt, 4);
      line->unit_price = sqlite3_column_int64 (stmt, 5);
      line->tax_rate_bp = sqlite3_column_int (stmt, 6);
      line->usage = sqlite3_column_int (stmt, 7) != 0;
      settle_column_date (stmt, 8, &line->start_date);
      settle_column_date (stmt, 9, &line->end_date);
      g_ptr_array_add (ag->lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

SettleAgreement *
settle_agreement_load (SettleBook *book,
                       SettleId    agreement_id,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT " AGREEMENT_COLUMNS "FROM agreements a "
                              "JOIN clients c ON c.id = a.client_id WHERE a.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  return settle_book_rows_load_one (book, stmt, agreement_from_row, load_lines,
                                    (GDestroyNotify) settle_agreement_free, error,
                                    _("There is no agreement with id %" PRId64), agreement_id);
}

GPtrArray *
settle_agreement_list (SettleBook *book,
                       SettleId    client_id,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT " AGREEMENT_COLUMNS "FROM agreements a "
                              "JOIN clients c ON c.id = a.client_id "
                              "WHERE ?1 = 0 OR a.client_id = ?1 "
                              "ORDER BY c.name COLLATE NOCASE, a.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  return settle_book_rows_load_all (book, stmt, agreement_from_row, load_lines,
                                    (GDestroyNotify) settle_agreement_free, error);
}
