/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "settle-agreement.h"
#include "settle-book-private.h"

/* Usage entries. The usage of the period starting on P is billed by the invoice of the
 * next period, so it can be entered or corrected until that period is billed. */

static gboolean
load_usage_line (SettleBook           *book,
                 SettleId              line_id,
                 SettleAgreement     **agreement,
                 SettleAgreementLine **line,
                 GError              **error)
{
  sqlite3_stmt *stmt;
  SettleId agreement_id = 0;
  int rc;

  stmt = settle_book_prepare (book, "SELECT agreement_id FROM agreement_lines WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    agreement_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no agreement line with id %" PRId64), line_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  *agreement = settle_agreement_load (book, agreement_id, error);
  if (*agreement == NULL)
    return FALSE;
  for (guint i = 0; i < (*agreement)->lines->len; i++)
    {
      SettleAgreementLine *l = g_ptr_array_index ((*agreement)->lines, i);

      if (l->id == line_id)
        *line = l;
    }
  if (!(*line)->usage)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Agreement line %" PRId64 " (“%s”) is not a usage line"),
                   line_id, (*line)->description);
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_agreement_set_usage (SettleBook  *book,
                            SettleId     agreement_line_id,
                            const GDate *period_start,
                            gint64       quantity_milli,
                            GError     **error)
{
  g_autoptr(SettleAgreement) ag = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *next_iso = NULL;
  g_autofree char *now = NULL;
  SettleAgreementLine *line = NULL;
  SettleSchedule schedule;
  SettlePeriod period, next, first;
  sqlite3_stmt *stmt;
  gint64 billed;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (period_start != NULL && g_date_valid (period_start), FALSE);

  if (quantity_milli < 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Quantity: usage cannot be negative"));
      return FALSE;
    }
  if (!load_usage_line (book, agreement_line_id, &ag, &line, error))
    return FALSE;

  settle_agreement_get_schedule (ag, &schedule);
  settle_period_containing (&schedule, period_start, &period);
  settle_period_containing (&schedule, &ag->start_date, &first);
  start_iso = settle_date_to_iso (period_start);
  if (g_date_compare (&period.start, period_start) != 0)
    {
      g_autofree char *expected = settle_date_to_iso (&period.start);

      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Period start: %s is not the start of a billing period of “%s” (the "
                     "period holding it starts on %s)"), start_iso, ag->name, expected);
      return FALSE;
    }
  if (g_date_compare (&period.start, &first.start) < 0 ||
      (g_date_valid (&ag->end_date) && g_date_compare (&period.start, &ag->end_date) > 0))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Period start: “%s” is not in force in the period from %s"), ag->name,
                   start_iso);
      return FALSE;
    }

  settle_period_next (&schedule, &period, &next);
  next_iso = settle_date_to_iso (&next.start);
  stmt = settle_book_prepare (book, "SELECT count(*) FROM billed_periods "
                                    "WHERE agreement_id = ?1 AND period_start = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ag->id);
  settle_bind_text (stmt, 2, next_iso);
  rc = sqlite3_step (stmt);
  billed = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  if (billed > 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("The usage of “%s” for the period from %s was already billed"),
                   line->description, start_iso);
      return FALSE;
    }

  now = settle_timestamp_now ();
  stmt = settle_book_prepare (book,
                              "INSERT INTO usage_entries (agreement_line_id, period_start, "
                              "quantity_milli, updated_at) VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT (agreement_line_id, period_start) DO UPDATE "
                              "SET quantity_milli = excluded.quantity_milli, "
                              "updated_at = excluded.updated_at",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agreement_line_id);
  settle_bind_text (stmt, 2, start_iso);
  sqlite3_bind_int64 (stmt, 3, quantity_milli);
  settle_bind_text (stmt, 4, now);
  return settle_book_step_done (book, stmt, error);
}

gboolean
settle_agreement_get_usage (SettleBook  *book,
                            SettleId     agreement_line_id,
                            const GDate *period_start,
                            gint64      *quantity_milli,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (quantity_milli != NULL, FALSE);

  stmt = settle_book_prepare (book, "SELECT quantity_milli FROM usage_entries "
                                    "WHERE agreement_line_id = ?1 AND period_start = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agreement_line_id);
  settle_bind_date (stmt, 2, period_start);
  rc = sqlite3_step (stmt);
  *quantity_milli = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

SettleId
settle_agreement_find_usage_line (SettleBook *book,
                                  const char *client_name,
                                  const char *sku,
                                  GError    **error)
{
  sqlite3_stmt *stmt;
  SettleId id = 0;
  int rc, n = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), 0);
  g_return_val_if_fail (client_name != NULL && sku != NULL, 0);

  stmt = settle_book_prepare (book,
                              "SELECT l.id FROM agreement_lines l "
                              "JOIN agreements a ON a.id = l.agreement_id "
                              "JOIN clients c ON c.id = a.client_id "
                              "JOIN catalogue_items i ON i.id = l.item_id "
                              "WHERE l.usage = 1 AND i.sku = ?1 "
                              "AND c.name = ?2 COLLATE NOCASE ORDER BY l.id LIMIT 2",
                              error);
  if (stmt == NULL)
    return 0;
  settle_bind_text (stmt, 1, sku);
  settle_bind_text (stmt, 2, client_name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ == 0)
        id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return 0;
    }
  if (n == 0)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("Client “%s” has no agreement with a usage line for SKU “%s”"),
                 client_name, sku);
  else if (n > 1)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Client “%s” has several usage lines for SKU “%s”; give the agreement "
                     "line id instead"), client_name, sku);
      id = 0;
    }
  return id;
}
