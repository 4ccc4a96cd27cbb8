/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-series.h"

SettleSeries *
settle_series_new (const char *name)
{
  SettleSeries *s = g_new0 (SettleSeries, 1);

  s->name = g_strdup (name ? name : "");
  s->prefix = g_strdup ("");
  s->width = 6;
  s->next_value = 1;
  return s;
}

void
settle_series_free (SettleSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->name);
  g_free (series->prefix);
  g_free (series);
}

SettleSeries *
settle_series_load (SettleBook *book,
                    const char *name,
                    GError    **error)
{
  g_autoptr(SettleSeries) s = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = settle_book_prepare (book,
                              "SELECT prefix, width, yearly_reset, next_value, year "
                              "FROM number_series WHERE name = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  settle_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      s = settle_series_new (name);
      g_free (s->prefix);
      s->prefix = settle_column_dup (stmt, 0);
      s->width = sqlite3_column_int (stmt, 1);
      s->yearly_reset = sqlite3_column_int (stmt, 2) != 0;
      s->next_value = sqlite3_column_int64 (stmt, 3);
      s->year = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("There is no number series “%s”"), name);
  else if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return g_steal_pointer (&s);
}

static gint64
value_for (const SettleSeries *s,
           int                 year)
{
  if (s->yearly_reset && s->year != 0 && year > s->year)
    return 1;
  return s->next_value;
}

static char *
format_number (const SettleSeries *s,
               gint64              value,
               int                 year)
{
  g_autofree char *year_text = g_strdup_printf ("%04d", year);
  g_auto(GStrv) parts = g_strsplit (s->prefix, "{YYYY}", -1);
  g_autofree char *prefix = g_strjoinv (year_text, parts);

  return g_strdup_printf ("%s%0*" G_GINT64_FORMAT, prefix, CLAMP (s->width, 1, 12), value);
}

char *
settle_series_preview (const SettleSeries *series,
                       const GDate        *date)
{
  int year;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  year = g_date_get_year (date);
  return format_number (series, value_for (series, year), year);
}

static gboolean
number_used (SettleBook *book,
             const char *number,
             gboolean   *used,
             GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT 1 FROM invoices WHERE number = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, number);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  *used = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

gboolean
settle_series_save (SettleBook         *book,
                    const SettleSeries *series,
                    GError            **error)
{
  g_autofree char *next = NULL;
  sqlite3_stmt *stmt;
  gboolean used = FALSE;
  GDate today;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (series != NULL, FALSE);

  if (settle_text_is_blank (series->name))
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Name: a number series needs a name"));
      return FALSE;
    }
  if (series->prefix == NULL || strchr (series->prefix, '%') != NULL ||
      strlen (series->prefix) > 40)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Prefix: at most 40 characters, without “%”"));
      return FALSE;
    }
  if (series->yearly_reset && strstr (series->prefix, "{YYYY}") == NULL)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Prefix: a series that restarts every year needs {YYYY} in its "
                             "prefix, or its numbers would repeat"));
      return FALSE;
    }
  if (series->width < 1 || series->width > 12)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Digits: the number of digits must be between 1 and 12"));
      return FALSE;
    }
  if (series->next_value < 1 || series->next_value > 999999999999)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Next number: must be between 1 and 999999999999"));
      return FALSE;
    }

  if (!settle_book_begin (book, error))
    return FALSE;
  settle_today (&today);
  next = settle_series_preview (series, &today);
  if (!number_used (book, next, &used, error))
    goto fail;
  if (used)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Next number: %s is already used by another document"), next);
      goto fail;
    }
  stmt = settle_book_prepare (book,
                              "INSERT INTO number_series (name, prefix, width, yearly_reset, "
                              "next_value, year) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                              "ON CONFLICT (name) DO UPDATE SET prefix = ?2, width = ?3, "
                              "yearly_reset = ?4, next_value = ?5, year = ?6",
                              error);
  if (stmt == NULL)
    goto fail;
  settle_bind_text (stmt, 1, series->name);
  settle_bind_text (stmt, 2, series->prefix);
  sqlite3_bind_int (stmt, 3, series->width);
  sqlite3_bind_int (stmt, 4, series->yearly_reset ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, series->next_value);
  sqlite3_bind_int (stmt, 6, series->year);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}

char *
settle_series_take (SettleBook  *book,
                    const char  *name,
                    const GDate *date,
                    GError     **error)
{
  g_autoptr(SettleSeries) s = NULL;
  sqlite3_stmt *stmt;
  gint64 value;
  int year;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (settle_book_in_transaction (book), NULL);

  s = settle_series_load (book, name, error);
  if (s == NULL)
    return NULL;
  year = g_date_get_year (date);
  value = value_for (s, year);
  stmt = settle_book_prepare (book,
                              "UPDATE number_series SET next_value = ?1, year = MAX (year, ?2) "
                              "WHERE name = ?3",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value + 1);
  sqlite3_bind_int (stmt, 2, year);
  settle_bind_text (stmt, 3, name);
  if (!settle_book_step_done (book, stmt, error))
    return NULL;
  return format_number (s, value, year);
}
