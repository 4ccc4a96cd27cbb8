/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-instalment-plan.h"
#include "settle-invoice.h"

void
settle_instalment_plan_free (SettleInstalmentPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->instalments, g_array_unref);
  g_free (plan);
}

SettleId
settle_instalment_plan_create (SettleBook               *book,
                               SettleId                  invoice_id,
                               guint                     n,
                               const GDate              *first_due,
                               SettleInstalmentInterval  interval,
                               int                       every_days,
                               SettleRemainderRule       remainder,
                               const GDate              *date,
                               GError                  **error)
{
  g_autoptr(SettleInvoice) inv = NULL;
  g_autoptr(GArray) parts = NULL;
  g_autoptr(SettleInstalmentPlan) existing = NULL;
  g_autofree char *now = settle_timestamp_now ();
  g_autofree char *detail = NULL;
  g_autofree char *plain = NULL;
  sqlite3_stmt *stmt;
  SettleId plan_id;
  gint64 balance;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  if (!settle_book_begin (book, error))
    return 0;
  inv = settle_invoice_load (book, invoice_id, error);
  if (inv == NULL)
    goto fail;
  if (inv->kind != SETTLE_INVOICE_KIND_INVOICE ||
      (inv->status != SETTLE_INVOICE_ISSUED && inv->status != SETTLE_INVOICE_PARTIAL))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Only an open invoice can be put on a payment plan; %s is not open"),
                   inv->number ? inv->number : _("the draft"));
      goto fail;
    }
  existing = settle_instalment_plan_load_active (book, invoice_id, error);
  if (existing != NULL)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                   _("Invoice %s already has a payment plan; cancel it first"), inv->number);
      goto fail;
    }
  if (error != NULL && *error != NULL)
    goto fail;
  balance = settle_invoice_get_balance (inv);
  parts = settle_instalments_split (balance, n, first_due, interval, every_days, remainder, error);
  if (parts == NULL)
    goto fail;

  stmt = settle_book_prepare (book,
                              "INSERT INTO instalment_plans (invoice_id, created_on, interval, "
                              "every_days, remainder, paid_before, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  settle_bind_date (stmt, 2, date);
  settle_bind_text (stmt, 3, interval == SETTLE_INSTALMENTS_MONTHLY ? "monthly" : "days");
  sqlite3_bind_int (stmt, 4, interval == SETTLE_INSTALMENTS_MONTHLY ? 0 : every_days);
  settle_bind_text (stmt, 5, settle_remainder_rule_to_string (remainder));
  sqlite3_bind_int64 (stmt, 6, inv->amount_paid);
  settle_bind_text (stmt, 7, now);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  plan_id = sqlite3_last_insert_rowid (settle_book_get_db (book));

  for (guint i = 0; i < parts->len; i++)
    {
      const SettleInstalment *part = &g_array_index (parts, SettleInstalment, i);

      stmt = settle_book_prepare (book, "INSERT INTO instalments (plan_id, number, due_date, "
                                        "amount) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int (stmt, 2, part->number);
      settle_bind_date (stmt, 3, &part->due_date);
      sqlite3_bind_int64 (stmt, 4, part->amount);
      if (!settle_book_step_done (book, stmt, error))
        goto fail;
    }
  plain = settle_money_to_plain (settle_money_init (balance, inv->currency));
  /* Stored data, not translated: the timeline formats it. */
  detail = g_strdup_printf ("%s / %u", plain, n);
  if (!settle_activity_log (book, "invoice", invoice_id, "plan created", detail, NULL, error))
    goto fail;
  if (!settle_book_commit (book, error))
    return 0;
  return plan_id;

fail:
  settle_book_rollback (book);
  return 0;
}

SettleInstalmentPlan *
settle_instalment_plan_load_active (SettleBook *book,
                                    SettleId    invoice_id,
                                    GError    **error)
{
  g_autoptr(SettleInstalmentPlan) plan = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT id, created_on, interval, every_days, remainder, paid_before "
                              "FROM instalment_plans WHERE invoice_id = ?1 AND status = 'active'",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      plan = g_new0 (SettleInstalmentPlan, 1);
      plan->id = sqlite3_column_int64 (stmt, 0);
      plan->invoice_id = invoice_id;
      settle_column_date (stmt, 1, &plan->created_on);
      plan->interval = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "monthly") == 0
                       ? SETTLE_INSTALMENTS_MONTHLY : SETTLE_INSTALMENTS_EVERY_N_DAYS;
      plan->every_days = sqlite3_column_int (stmt, 3);
      settle_remainder_rule_from_string ((const char *) sqlite3_column_text (stmt, 4),
                                         &plan->remainder);
      plan->paid_before = sqlite3_column_int64 (stmt, 5);
      plan->active = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  plan->instalments = g_array_new (FALSE, FALSE, sizeof (SettleInstalment));
  stmt = settle_book_prepare (book, "SELECT number, due_date, amount FROM instalments "
                                    "WHERE plan_id = ?1 ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleInstalment part = { 0 };

      part.number = sqlite3_column_int (stmt, 0);
      settle_column_date (stmt, 1, &part.due_date);
      part.amount = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (plan->instalments, part);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&plan);
}

gboolean
settle_instalment_plan_paid (SettleBook                 *book,
                             const SettleInstalmentPlan *plan,
                             gint64                     *paid,
                             GError                    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (plan != NULL && paid != NULL, FALSE);

  stmt = settle_book_prepare (book, "SELECT amount_paid FROM invoices WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *paid = MAX (0, sqlite3_column_int64 (stmt, 0) - plan->paid_before);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

gboolean
settle_instalment_plan_cancel (SettleBook *book,
                               SettleId    plan_id,
                               const char *reason,
                               GError    **error)
{
  sqlite3_stmt *stmt;
  SettleId invoice_id = 0;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  stmt = settle_book_prepare (book, "SELECT invoice_id FROM instalment_plans WHERE id = ?1 "
                                    "AND status = 'active'", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    invoice_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                           _("That payment plan does not exist or has already ended"));
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      settle_book_set_error (book, rc, error);
      goto fail;
    }
  stmt = settle_book_prepare (book, "UPDATE instalment_plans SET status = 'cancelled' "
                                    "WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (!settle_book_step_done (book, stmt, error) ||
      !settle_activity_log (book, "invoice", invoice_id, "plan cancelled", reason, NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}
