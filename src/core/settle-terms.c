/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "settle-book-private.h"
#include "settle-money.h"
#include "settle-terms.h"

void
settle_terms_init_default (SettleTerms *terms)
{
  g_return_if_fail (terms != NULL);

  memset (terms, 0, sizeof *terms);
  terms->kind = SETTLE_TERMS_NET;
  terms->days = 30;
}

gboolean
settle_terms_equal (const SettleTerms *a,
                    const SettleTerms *b)
{
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  /* Compare what is stored, so fields a kind does not use do not count. */
  sa = settle_terms_to_string (a);
  sb = settle_terms_to_string (b);
  return strcmp (sa, sb) == 0;
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return FALSE;
}

gboolean
settle_terms_validate (const SettleTerms *terms,
                       GError           **error)
{
  g_return_val_if_fail (terms != NULL, FALSE);

  switch (terms->kind)
    {
    case SETTLE_TERMS_NET:
    case SETTLE_TERMS_END_OF_MONTH:
      if (terms->days < 0 || terms->days > 365)
        return invalid (error, _("Terms: the number of days must be between 0 and 365"));
      break;
    case SETTLE_TERMS_DUE_ON_RECEIPT:
      break;
    case SETTLE_TERMS_PROXIMO:
      if (terms->day_of_month < 1 || terms->day_of_month > 31)
        return invalid (error, _("Terms: the day of the month must be between 1 and 31"));
      if (terms->cutoff_day < 0 || terms->cutoff_day > 31)
        return invalid (error, _("Terms: the cutoff day must be between 1 and 31, or none"));
      break;
    default:
      return invalid (error, _("Terms: unknown kind of terms"));
    }
  if (terms->discount_bp < 0 || terms->discount_bp > 10000)
    return invalid (error, _("Terms: an early-payment discount must be between 0 % and 100 %"));
  if (terms->discount_bp > 0 && (terms->discount_days < 0 || terms->discount_days > 365))
    return invalid (error, _("Terms: the discount period must be between 0 and 365 days"));
  return TRUE;
}

char *
settle_terms_to_string (const SettleTerms *terms)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (terms != NULL, g_string_free (s, FALSE));

  switch (terms->kind)
    {
    case SETTLE_TERMS_NET:
      g_string_append_printf (s, "net:%d", terms->days);
      break;
    case SETTLE_TERMS_DUE_ON_RECEIPT:
      g_string_append (s, "receipt");
      break;
    case SETTLE_TERMS_END_OF_MONTH:
      g_string_append_printf (s, "eom:%d", terms->days);
      break;
    case SETTLE_TERMS_PROXIMO:
      g_string_append_printf (s, "proximo:%d", terms->day_of_month);
      if (terms->cutoff_day > 0)
        g_string_append_printf (s, ":%d", terms->cutoff_day);
      break;
    default:
      g_string_append (s, "net:30");
      break;
    }
  if (terms->discount_bp > 0)
    g_string_append_printf (s, ";discount:%d:%d", terms->discount_days, terms->discount_bp);
  return g_string_free (s, FALSE);
}

/* A whole non-negative number, nothing else. */
static gboolean
parse_int (const char *text,
           int        *out)
{
  char *end = NULL;
  gint64 v;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  v = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || v > 100000)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
parse_fail (const char *text,
            GError    **error)
{
  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
               _("Terms: “%s” is not understood; expected net:DAYS, receipt, eom:DAYS or "
                 "proximo:DAY[:CUTOFF], optionally followed by ;discount:DAYS:BASIS-POINTS"),
               text);
  return FALSE;
}

gboolean
settle_terms_parse (const char  *text,
                    SettleTerms *terms,
                    GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) main = NULL;
  g_autofree char *trimmed = NULL;
  SettleTerms t = { 0 };
  guint n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  trimmed = g_strstrip (g_ascii_strdown (text, -1));
  parts = g_strsplit (trimmed, ";", -1);
  n = g_strv_length (parts);
  if (n < 1 || n > 2)
    return parse_fail (text, error);

  main = g_strsplit (g_strstrip (parts[0]), ":", -1);
  if (main[0] == NULL)
    return parse_fail (text, error);
  if (strcmp (main[0], "net") == 0 && g_strv_length (main) == 2)
    {
      t.kind = SETTLE_TERMS_NET;
      if (!parse_int (main[1], &t.days))
        return parse_fail (text, error);
    }
  else if (strcmp (main[0], "receipt") == 0 && g_strv_length (main) == 1)
    t.kind = SETTLE_TERMS_DUE_ON_RECEIPT;
  else if (strcmp (main[0], "eom") == 0 && g_strv_length (main) <= 2)
    {
      t.kind = SETTLE_TERMS_END_OF_MONTH;
      if (main[1] != NULL && !parse_int (main[1], &t.days))
        return parse_fail (text, error);
    }
  else if (strcmp (main[0], "proximo") == 0 && (g_strv_length (main) == 2 ||
                                               g_strv_length (main) == 3))
    {
      t.kind = SETTLE_TERMS_PROXIMO;
      if (!parse_int (main[1], &t.day_of_month) ||
          (main[2] != NULL && !parse_int (main[2], &t.cutoff_day)))
        return parse_fail (text, error);
    }
  else
    return parse_fail (text, error);

  if (n == 2)
    {
      g_auto(GStrv) disc = g_strsplit (g_strstrip (parts[1]), ":", -1);

      if (g_strv_length (disc) != 3 || strcmp (disc[0], "discount") != 0 ||
          !parse_int (disc[1], &t.discount_days) || !parse_int (disc[2], &t.discount_bp))
        return parse_fail (text, error);
      if (t.discount_bp == 0)
        t.discount_days = 0;
    }

  if (!settle_terms_validate (&t, error))
    return FALSE;
  *terms = t;
  return TRUE;
}

static char *
ordinal (int n)
{
  /* Translators: ordinal day numbers; languages without suffixes can use "%d." or "%d". */
  if (n % 100 >= 11 && n % 100 <= 13)
    return g_strdup_printf (C_("ordinal", "%dth"), n);
  switch (n % 10)
    {
    case 1:
      return g_strdup_printf (C_("ordinal", "%dst"), n);
    case 2:
      return g_strdup_printf (C_("ordinal", "%dnd"), n);
    case 3:
      return g_strdup_printf (C_("ordinal", "%drd"), n);
    default:
      return g_strdup_printf (C_("ordinal", "%dth"), n);
    }
}

char *
settle_terms_describe (const SettleTerms *terms)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (terms != NULL, NULL);

  switch (terms->kind)
    {
    case SETTLE_TERMS_NET:
      /* Translators: payment terms, "Net 30" = due 30 days after the invoice date. */
      base = g_strdup_printf (_("Net %d"), terms->days);
      break;
    case SETTLE_TERMS_DUE_ON_RECEIPT:
      base = g_strdup (_("Due on receipt"));
      break;
    case SETTLE_TERMS_END_OF_MONTH:
      if (terms->days == 0)
        base = g_strdup (_("End of month"));
      else
        base = g_strdup_printf (ngettext ("End of month + %d day",
                                  "End of month + %d days", terms->days),
                                terms->days);
      break;
    case SETTLE_TERMS_PROXIMO:
      {
        g_autofree char *day = ordinal (terms->day_of_month);

        if (terms->cutoff_day > 0)
          {
            g_autofree char *cutoff = ordinal (terms->cutoff_day);

            /* Translators: proximo terms with a cutoff, e.g. "10th of next month (after the 25th:
             * the month after)" */
            base = g_strdup_printf (_("%s of next month (after the %s: the month after)"), day,
                                    cutoff);
          }
        else
          /* Translators: proximo terms, e.g. "10th of next month" */
          base = g_strdup_printf (_("%s of next month"), day);
      }
      break;
    default:
      g_return_val_if_reached (g_strdup (""));
    }

  if (terms->discount_bp > 0)
    {
      g_autofree char *pct = settle_format_fixed (terms->discount_bp, 2, TRUE);

      /* Translators: early-payment discount before the terms: "2 % 10, Net 30" = 2 %
       * off when paid within 10 days, else due in 30. */
      return g_strdup_printf (_("%s %% %d, %s"), pct, terms->discount_days, base);
    }
  return g_steal_pointer (&base);
}

static void
set_day_clamped (GDate     *date,
                 GDateYear  year,
                 GDateMonth month,
                 int        day)
{
  int last = g_date_get_days_in_month (month, year);

  g_date_clear (date, 1);
  g_date_set_dmy (date, MIN (day, last), month, year);
}

void
settle_terms_due_date (const SettleTerms *terms,
                       const GDate       *issue,
                       GDate             *due)
{
  g_return_if_fail (terms != NULL);
  g_return_if_fail (issue != NULL && g_date_valid (issue));
  g_return_if_fail (due != NULL);

  switch (terms->kind)
    {
    case SETTLE_TERMS_NET:
      *due = *issue;
      g_date_add_days (due, MAX (terms->days, 0));
      break;
    case SETTLE_TERMS_DUE_ON_RECEIPT:
      *due = *issue;
      break;
    case SETTLE_TERMS_END_OF_MONTH:
      set_day_clamped (due, g_date_get_year (issue), g_date_get_month (issue), 31);
      g_date_add_days (due, MAX (terms->days, 0));
      break;
    case SETTLE_TERMS_PROXIMO:
      {
        GDate first;
        int months = 1;

        if (terms->cutoff_day > 0 && g_date_get_day (issue) > terms->cutoff_day)
          months = 2;
        g_date_clear (&first, 1);
        g_date_set_dmy (&first, 1, g_date_get_month (issue), g_date_get_year (issue));
        g_date_add_months (&first, months);
        set_day_clamped (due, g_date_get_year (&first), g_date_get_month (&first),
                         CLAMP (terms->day_of_month, 1, 31));
      }
      break;
    default:
      g_return_if_reached ();
    }
}

gboolean
settle_terms_discount_date (const SettleTerms *terms,
                            const GDate       *issue,
                            GDate             *until)
{
  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (issue != NULL && g_date_valid (issue), FALSE);

  if (terms->discount_bp <= 0)
    return FALSE;
  if (until != NULL)
    {
      *until = *issue;
      g_date_add_days (until, MAX (terms->discount_days, 0));
    }
  return TRUE;
}

gboolean
settle_terms_get_default (SettleBook  *book,
                          SettleTerms *terms,
                          GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  text = settle_book_get_setting (book, "terms");
  if (text == NULL || *text == '\0')
    {
      settle_terms_init_default (terms);
      return TRUE;
    }
  return settle_terms_parse (text, terms, error);
}

gboolean
settle_terms_set_default (SettleBook        *book,
                          const SettleTerms *terms,
                          GError           **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  if (!settle_terms_validate (terms, error))
    return FALSE;
  text = settle_terms_to_string (terms);
  return settle_book_set_setting (book, "terms", text, error);
}

/* The client's own terms text, NULL when it follows the book, and its terms_days
 * (what older code, and the client editor, set). */
static gboolean
client_terms_text (SettleBook  *book,
                   SettleId     client_id,
                   char       **text,
                   int         *terms_days,
                   GError     **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT terms, terms_days FROM clients "
                                                  "WHERE id = ?1", error);
  int rc;

  *text = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *text = settle_column_dup (stmt, 0);
  if (rc == SQLITE_ROW && terms_days != NULL)
    *terms_days = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("There is no client with id %" PRId64), client_id);
  else
    settle_book_set_error (book, rc, error);
  return FALSE;
}

gboolean
settle_terms_for_client (SettleBook  *book,
                         SettleId     client_id,
                         SettleTerms *terms,
                         GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  if (!client_terms_text (book, client_id, &text, NULL, error))
    return FALSE;
  /* terms_days alone is not an override: every client has one, and a new client's
   * is 30 whatever the book's default. Overrides are set with
   * settle_terms_set_for_client(). */
  if (text != NULL)
    return settle_terms_parse (text, terms, error);
  return settle_terms_get_default (book, terms, error);
}

gboolean
settle_terms_client_has_override (SettleBook *book,
                                  SettleId    client_id,
                                  gboolean   *has_override,
                                  GError    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (has_override != NULL, FALSE);

  if (!client_terms_text (book, client_id, &text, NULL, error))
    return FALSE;
  *has_override = text != NULL;
  return TRUE;
}

gboolean
settle_terms_set_for_client (SettleBook        *book,
                             SettleId           client_id,
                             const SettleTerms *terms,
                             GError           **error)
{
  g_autofree char *text = NULL;
  SettleTerms book_terms;
  int days = -1;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (terms != NULL)
    {
      if (!settle_terms_validate (terms, error))
        return FALSE;
      text = settle_terms_to_string (terms);
      if (terms->kind == SETTLE_TERMS_NET)
        days = terms->days;
    }
  else
    {
      /* Following the book: terms_days follows it too, for older readers. */
      if (!settle_terms_get_default (book, &book_terms, error))
        return FALSE;
      if (book_terms.kind == SETTLE_TERMS_NET)
        days = book_terms.days;
    }
  stmt = settle_book_prepare (book,
                              "UPDATE clients SET terms = ?1, "
                              "terms_days = CASE WHEN ?2 >= 0 THEN ?2 ELSE terms_days END "
                              "WHERE id = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, text);
  sqlite3_bind_int (stmt, 2, days);
  sqlite3_bind_int64 (stmt, 3, client_id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  if (sqlite3_changes (settle_book_get_db (book)) == 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no client with id %" PRId64), client_id);
      return FALSE;
    }
  return TRUE;
}
