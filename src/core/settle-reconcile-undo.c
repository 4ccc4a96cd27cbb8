/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoing a match, and finding whom a processor charge pays. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-payment-private.h"
#include "settle-reconcile-private.h"

typedef struct
{
  SettleId invoice_id;
  SettleId client_id;
  gint64   amount;
} Application;

/* Takes back a payment the match recorded: its applications (invoice and client
 * caches as before them), its credit, the payment itself. */
static gboolean
delete_payment (SettleBook *book,
                SettleId    payment_id,
                GArray     *invoices,
                GError    **error)
{
  g_autoptr(GArray) apps = g_array_new (FALSE, FALSE, sizeof (Application));
  sqlite3_stmt *stmt;
  SettleId client_id = 0;
  gint64 amount = 0;
  gboolean refunded = FALSE, settled = FALSE;
  int rc;

  stmt = settle_book_prepare (book,
                              "SELECT client_id, amount, status = 'settled', "
                              "EXISTS (SELECT 1 FROM refund_parts r WHERE r.payment_id = p.id) "
                              "OR EXISTS (SELECT 1 FROM applications a WHERE a.payment_id = p.id "
                              "           AND a.reversed_on IS NOT NULL) "
                              "FROM payments p WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      client_id = sqlite3_column_int64 (stmt, 0);
      amount = sqlite3_column_int64 (stmt, 1);
      settled = sqlite3_column_int (stmt, 2) != 0;
      refunded = sqlite3_column_int (stmt, 3) != 0;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no payment with id %" PRId64), payment_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  if (refunded || !settled)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Payment %" PRId64 " was refunded or reversed after the match: "
                     "undo that first"), payment_id);
      return FALSE;
    }

  stmt = settle_book_prepare (book,
                              "SELECT invoice_id, client_id, amount FROM applications "
                              "WHERE payment_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Application a = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                        sqlite3_column_int64 (stmt, 2) };

      g_array_append_val (apps, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);

  for (guint i = 0; i < apps->len; i++)
    {
      Application *a = &g_array_index (apps, Application, i);

      /* The reverse of settle_payment_apply: an invoice it paid is open again. */
      if (!settle_payment_invoice_reopen (book, a->invoice_id, a->amount, error)
          || !settle_payment_client_applied (book, a->client_id, -a->amount, error))
        return FALSE;
      g_array_append_val (invoices, a->invoice_id);
    }
  return settle_payment_exec (book, "DELETE FROM applications WHERE payment_id = ?1 AND ?2 = ?2",
                              payment_id, 0, error) &&
         settle_payment_exec (book, "UPDATE clients SET credit = credit - ?2 WHERE id = ?1",
                              client_id, amount, error) &&
         settle_payment_exec (
           book,
           "UPDATE processor_charges SET payment_id = NULL WHERE payment_id = ?1 "
           "AND ?2 = ?2",
           payment_id, 0, error) &&
         settle_payment_exec (book, "DELETE FROM reconcile_ties WHERE payment_id = ?1 AND ?2 = ?2",
                              payment_id, 0, error) &&
         settle_payment_exec (book, "DELETE FROM payments WHERE id = ?1 AND ?2 = ?2", payment_id, 0,
                              error);
}

static gboolean
uncount_hint (SettleBook *book,
              const char *key,
              SettleId    client_id,
              GError    **error)
{
  sqlite3_stmt *stmt;

  if (key == NULL)
    return TRUE;
  stmt = settle_book_prepare (book,
                              "UPDATE reconcile_hints SET count = count - 1 "
                              "WHERE key = ?1 AND client_id = ?2 AND count > 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, client_id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  if (sqlite3_changes (settle_book_get_db (book)) > 0)
    return TRUE;
  stmt = settle_book_prepare (book, "DELETE FROM reconcile_hints WHERE key = ?1 AND client_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, client_id);
  return settle_book_step_done (book, stmt, error);
}

typedef struct
{
  SettleId payment_id;
  gboolean created;
} Tie;

static gboolean
undo_in_transaction (SettleBook *book,
                     SettleId    match_id,
                     GError    **error)
{
  g_autoptr(GArray) ties = g_array_new (FALSE, FALSE, sizeof (Tie));
  g_autoptr(GArray) invoices = g_array_new (FALSE, FALSE, sizeof (SettleId));
  g_autofree char *hint_name = NULL;
  g_autofree char *hint_account = NULL;
  g_autofree char *now = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  SettleId line_id = 0, client_id = 0;
  gboolean undone = FALSE;
  int rc;

  stmt = settle_book_prepare (book,
                              "SELECT line_id, COALESCE (client_id, 0), undone_at IS NOT NULL, "
                              "hint_name, hint_account FROM reconcile_matches WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, match_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      line_id = sqlite3_column_int64 (stmt, 0);
      client_id = sqlite3_column_int64 (stmt, 1);
      undone = sqlite3_column_int (stmt, 2) != 0;
      hint_name = settle_column_dup (stmt, 3);
      hint_account = settle_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no match with id %" PRId64), match_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  if (undone)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                           _("This match was already undone"));
      return FALSE;
    }

  stmt = settle_book_prepare (book,
                              "SELECT payment_id, created FROM reconcile_ties WHERE match_id = ?1 "
                              "ORDER BY payment_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, match_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Tie t = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) != 0 };

      g_array_append_val (ties, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);

  detail = g_strdup_printf ("bank-line %" PRId64, line_id);
  for (guint i = 0; i < ties->len; i++)
    {
      Tie *t = &g_array_index (ties, Tie, i);

      if (!settle_activity_log (book, "payment", t->payment_id, "reconciliation undone", detail,
                                NULL, error))
        return FALSE;
      if (t->created ? !delete_payment (book, t->payment_id, invoices, error)
                     : !settle_payment_exec (
                         book, "DELETE FROM reconcile_ties WHERE payment_id = ?1 AND ?2 = ?2",
                         t->payment_id, 0, error))
        return FALSE;
    }
  for (guint i = 0; i < invoices->len; i++)
    if (!settle_activity_log (book, "invoice", g_array_index (invoices, SettleId, i),
                              "reconciliation undone", detail, NULL, error))
      return FALSE;

  now = settle_timestamp_now ();
  stmt = settle_book_prepare (book, "UPDATE reconcile_matches SET undone_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, match_id);
  settle_bind_text (stmt, 2, now);
  return settle_book_step_done (book, stmt, error) &&
         settle_payment_exec (
           book,
           "UPDATE processor_charges SET payout_line_id = NULL, payment_id = NULL "
           "WHERE payout_line_id = ?1 AND ?2 = ?2",
           line_id, 0, error) &&
         uncount_hint (book, hint_name, client_id, error) &&
         uncount_hint (book, hint_account, client_id, error) &&
         settle_payment_exec (book,
                              "UPDATE bank_lines SET status = 'open', match_id = NULL "
                              "WHERE id = ?1 AND match_id = ?2",
                              line_id, match_id, error);
}

gboolean
settle_reconcile_undo (SettleBook *book,
                       SettleId    match_id,
                       GError    **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  if (!undo_in_transaction (book, match_id, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

static gboolean
first_id (SettleBook *book,
          const char *sql,
          const char *text,
          SettleId   *a,
          SettleId   *b,
          GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, text);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *a = sqlite3_column_int64 (stmt, 0);
      if (b != NULL)
        *b = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || settle_book_set_error (book, rc, error);
}

/* The invoice a charge names (processor invoice id, or a number in its description),
 * else the client by the customer's email or name. */
gboolean
settle_payout_resolve_charge (SettleBook *book,
                              SettleId    charge_id,
                              SettleId   *client_id,
                              SettleId   *invoice_id,
                              GError    **error)
{
  g_autofree char *description = NULL;
  g_autofree char *invoice_ref = NULL;
  g_autofree char *email = NULL;
  g_autofree char *name = NULL;
  g_autofree char *charge = NULL;
  g_auto(GStrv) words = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *client_id = 0;
  *invoice_id = 0;
  stmt = settle_book_prepare (book,
                              "SELECT description, processor_invoice_id, customer_email, "
                              "customer_name, charge_id FROM processor_charges WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, charge_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      description = settle_column_dup (stmt, 0);
      invoice_ref = settle_column_dup (stmt, 1);
      email = settle_column_dup (stmt, 2);
      name = settle_column_dup (stmt, 3);
      charge = settle_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no processor charge with id %" PRId64), charge_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);

  words = g_strsplit_set (description ? description : "", " \t,;:()#", -1);
  if (invoice_ref != NULL && *invoice_ref != '\0'
      && !first_id (book, "SELECT id, client_id FROM invoices WHERE number = ?1 AND kind = 'invoice'",
                    invoice_ref, invoice_id, client_id, error))
    return FALSE;
  for (guint i = 0; *invoice_id == 0 && words[i] != NULL; i++)
    if (*words[i] != '\0'
        && !first_id (book, "SELECT id, client_id FROM invoices WHERE number = ?1 AND kind = 'invoice'",
                      words[i], invoice_id, client_id, error))
      return FALSE;
  if (*client_id == 0 && email != NULL && *email != '\0'
      && !first_id (book,
                    "SELECT id, 0 FROM clients WHERE lower (email) = lower (?1) "
                    "UNION ALL SELECT client_id, 0 FROM contacts WHERE lower (email) = lower (?1) LIMIT 1",
                    email, client_id, NULL, error))
    return FALSE;
  if (*client_id == 0 && name != NULL && *name != '\0'
      && !first_id (book, "SELECT id, 0 FROM clients WHERE lower (name) = lower (?1) LIMIT 1", name,
                    client_id, NULL, error))
    return FALSE;
  if (*client_id == 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("Charge %s names no invoice and no known customer: record it by hand"), charge);
      return FALSE;
    }
  return TRUE;
}
