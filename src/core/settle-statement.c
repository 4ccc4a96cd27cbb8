/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-payment.h"
#include "settle-statement.h"

/* A statement is the ledger of one client seen from outside: what was billed
 * (invoices, reversed payments) against what was settled (payments, credit notes,
 * voids). Applications only move money between those and do not appear. */

static void
statement_line_free (SettleStatementLine *line)
{
  g_free (line->reference);
  g_free (line->description);
  g_free (line);
}

void
settle_statement_free (SettleStatement *statement)
{
  if (statement == NULL)
    return;
  g_free (statement->client_name);
  g_free (statement->client_address);
  g_clear_pointer (&statement->lines, g_ptr_array_unref);
  g_free (statement);
}

const char *
settle_statement_kind_label (SettleStatementKind kind)
{
  switch (kind)
    {
    case SETTLE_STATEMENT_INVOICE:
      return _("Invoice");
    case SETTLE_STATEMENT_PAYMENT:
      return _("Payment");
    case SETTLE_STATEMENT_CREDIT_NOTE:
      return _("Credit note");
    case SETTLE_STATEMENT_REVERSAL:
      return _("Payment reversed");
    case SETTLE_STATEMENT_VOID:
      return _("Voided");
    case SETTLE_STATEMENT_REFUND:
      return _("Refund");
    default:
      g_return_val_if_reached ("");
    }
}

/* Owed at the end of a day: invoices issued and not voided by then, less credit
 * notes likewise, less payments received and not reversed by then. */
static gboolean
balance_on (SettleBook  *book,
            SettleId     client_id,
            const char  *date,
            gint64      *balance,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = settle_book_prepare (book,
                              "SELECT "
                              " COALESCE ((SELECT SUM (CASE WHEN kind = 'credit-note' THEN -total "
                              "   ELSE total END) FROM invoices WHERE client_id = ?1 "
                              "   AND status <> 'draft' AND issue_date <= ?2 "
                              "   AND NOT (status = 'void' AND closed_on <= ?2)), 0) - "
                              " COALESCE ((SELECT SUM (amount) FROM payments WHERE client_id = ?1 "
                              "   AND date <= ?2 AND status <> 'pending' "
                              "   AND (status <> 'reversed' OR reversed_on > ?2)), 0) + "
                              " COALESCE ((SELECT SUM (amount) FROM refunds WHERE client_id = ?1 "
                              "   AND date <= ?2), 0)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  settle_bind_text (stmt, 2, date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *balance = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

static char *
describe (SettleStatementKind kind,
          const char         *extra)
{
  switch (kind)
    {
    case SETTLE_STATEMENT_PAYMENT:
    case SETTLE_STATEMENT_REVERSAL:
    case SETTLE_STATEMENT_REFUND:
      {
        SettlePaymentMethod method;

        if (extra != NULL && settle_payment_method_from_string (extra, &method))
          /* Translators: "Payment — Check", "Payment reversed — ACH" */
          return g_strdup_printf (_("%s — %s"), settle_statement_kind_label (kind),
                                  settle_payment_method_label (method));
        return g_strdup (settle_statement_kind_label (kind));
      }
    case SETTLE_STATEMENT_CREDIT_NOTE:
      if (extra != NULL && *extra != '\0')
        /* Translators: %s is the number of the invoice a credit note credits */
        return g_strdup_printf (_("Credit note for %s"), extra);
      return g_strdup (settle_statement_kind_label (kind));
    case SETTLE_STATEMENT_VOID:
      return g_strdup (g_strcmp0 (extra, "credit-note") == 0 ? _("Credit note voided")
                                                             : _("Invoice voided"));
    case SETTLE_STATEMENT_INVOICE:
    default:
      return g_strdup (settle_statement_kind_label (kind));
    }
}

static gboolean
load_lines (SettleBook      *book,
            SettleStatement *st,
            const char      *from,
            const char      *to,
            GError         **error)
{
  /* kind codes are SettleStatementKind, which also orders a day's lines. */
  sqlite3_stmt *stmt = settle_book_prepare (book,
    "SELECT issue_date, CASE WHEN kind = 'credit-note' THEN 2 ELSE 0 END, number, "
    "  (SELECT o.number FROM invoices o WHERE o.id = invoices.original_id), total, id "
    " FROM invoices WHERE client_id = ?1 AND status <> 'draft' "
    "  AND issue_date >= ?2 AND issue_date <= ?3 "
    "UNION ALL "
    "SELECT closed_on, 4, number, kind, total, id FROM invoices "
    " WHERE client_id = ?1 AND status = 'void' AND closed_on >= ?2 AND closed_on <= ?3 "
    "UNION ALL "
    "SELECT date, 1, reference, method, amount, id FROM payments "
    " WHERE client_id = ?1 AND status <> 'pending' AND date >= ?2 AND date <= ?3 "
    "UNION ALL "
    "SELECT reversed_on, 3, reference, method, amount, id FROM payments "
    " WHERE client_id = ?1 AND status = 'reversed' AND reversed_on >= ?2 AND reversed_on <= ?3 "
    "UNION ALL "
    "SELECT date, 5, reference, method, amount, id FROM refunds "
    " WHERE client_id = ?1 AND date >= ?2 AND date <= ?3 "
    "ORDER BY 1, 2, 6",
    error);
  gint64 balance = st->opening_balance;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, st->client_id);
  settle_bind_text (stmt, 2, from);
  settle_bind_text (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleStatementLine *line = g_new0 (SettleStatementLine, 1);
      SettleStatementKind kind = sqlite3_column_int (stmt, 1);
      const char *extra = (const char *) sqlite3_column_text (stmt, 3);
      gint64 amount = sqlite3_column_int64 (stmt, 4);
      gboolean is_debit;

      settle_column_date (stmt, 0, &line->date);
      line->kind = kind;
      line->reference = settle_column_dup (stmt, 2);
      line->description = describe (kind, extra);
      switch (kind)
        {
        case SETTLE_STATEMENT_INVOICE:
        case SETTLE_STATEMENT_REVERSAL:
        case SETTLE_STATEMENT_REFUND:
          is_debit = TRUE;
          break;
        case SETTLE_STATEMENT_VOID:
          /* Voiding a credit note gives back what it had taken off. */
          is_debit = g_strcmp0 (extra, "credit-note") == 0;
          break;
        case SETTLE_STATEMENT_PAYMENT:
        case SETTLE_STATEMENT_CREDIT_NOTE:
        default:
          is_debit = FALSE;
          break;
        }
      if (is_debit)
        line->debit = amount;
      else
        line->credit = amount;
      balance += line->debit - line->credit;
      line->balance = balance;
      g_ptr_array_add (st->lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  st->closing_balance = balance;
  return TRUE;
}

/* What was open on to, by days past due, and the credit not yet applied then. */
static gboolean
load_aging (SettleBook      *book,
            SettleStatement *st,
            const char      *to,
            GError         **error)
{
  sqlite3_stmt *stmt;
  guint32 to_julian = g_date_get_julian (&st->to);
  int rc;

  stmt = settle_book_prepare (book,
    "SELECT i.due_date, i.total - COALESCE ((SELECT SUM (a.amount) FROM applications a "
    "  WHERE a.invoice_id = i.id AND a.date <= ?2 "
    "  AND (a.reversed_on IS NULL OR a.reversed_on > ?2)), 0) "
    " FROM invoices i WHERE i.client_id = ?1 AND i.kind = 'invoice' AND i.status <> 'draft' "
    "  AND i.issue_date <= ?2 AND (i.closed_on IS NULL OR i.closed_on > ?2)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, st->client_id);
  settle_bind_text (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate due;
      gint64 open = sqlite3_column_int64 (stmt, 1);
      gint64 late = 0;
      int bucket;

      settle_column_date (stmt, 0, &due);
      if (g_date_valid (&due))
        late = (gint64) to_julian - (gint64) g_date_get_julian (&due);
      bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
      st->aging[bucket] += open;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);

  stmt = settle_book_prepare (book,
    "SELECT "
    " COALESCE ((SELECT SUM (amount) FROM payments WHERE client_id = ?1 AND date <= ?2 "
    "   AND status <> 'pending' AND (status <> 'reversed' OR reversed_on > ?2)), 0) + "
    " COALESCE ((SELECT SUM (total) FROM invoices WHERE client_id = ?1 AND kind = 'credit-note' "
    "   AND status <> 'draft' AND issue_date <= ?2 "
    "   AND NOT (status = 'void' AND closed_on <= ?2)), 0) - "
    " COALESCE ((SELECT SUM (amount) FROM applications WHERE client_id = ?1 AND date <= ?2 "
    "   AND (reversed_on IS NULL OR reversed_on > ?2)), 0) - "
    " COALESCE ((SELECT SUM (amount) FROM refunds WHERE client_id = ?1 AND date <= ?2), 0)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, st->client_id);
  settle_bind_text (stmt, 2, to);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    st->unapplied_credit = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

SettleStatement *
settle_statement_load (SettleBook  *book,
                       SettleId     client_id,
                       const GDate *from,
                       const GDate *to,
                       GError     **error)
{
  g_autoptr(SettleStatement) st = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autofree char *before_iso = NULL;
  GDate before;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  client = settle_client_load (book, client_id, error);
  if (client == NULL)
    return NULL;

  st = g_new0 (SettleStatement, 1);
  st->client_id = client_id;
  st->client_name = g_strdup (client->name);
  st->client_address = g_strdup (client->address ? client->address : "");
  g_strlcpy (st->currency, client->currency, sizeof st->currency);
  st->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) statement_line_free);

  if (to != NULL && g_date_valid (to))
    st->to = *to;
  else
    settle_today (&st->to);
  if (from != NULL && g_date_valid (from))
    {
      if (g_date_compare (from, &st->to) > 0)
        {
          g_autofree char *a = settle_date_to_iso (from);
          g_autofree char *b = settle_date_to_iso (&st->to);

          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       /* Translators: both %s are dates */
                       _("Statement period: the start %s is after the end %s"), a, b);
          return NULL;
        }
      st->from = *from;
      before = *from;
      from_iso = settle_date_to_iso (from);
      g_date_subtract_days (&before, 1);
      before_iso = settle_date_to_iso (&before);
    }
  else
    from_iso = g_strdup ("0001-01-01");
  to_iso = settle_date_to_iso (&st->to);

  if (before_iso != NULL && !balance_on (book, client_id, before_iso, &st->opening_balance, error))
    return NULL;
  if (!load_lines (book, st, from_iso, to_iso, error))
    return NULL;
  if (!load_aging (book, st, to_iso, error))
    return NULL;

  /* Without a start, the statement starts at the client's first entry. */
  if (!g_date_valid (&st->from))
    {
      if (st->lines->len > 0)
        st->from = ((SettleStatementLine *) g_ptr_array_index (st->lines, 0))->date;
      else
        st->from = st->to;
    }

  return g_steal_pointer (&st);
}
