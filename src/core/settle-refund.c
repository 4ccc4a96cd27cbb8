/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-money.h"
#include "settle-payment-private.h"
#include "settle-refund.h"

SettleRefund *
settle_refund_new (void)
{
  SettleRefund *r = g_new0 (SettleRefund, 1);

  g_date_clear (&r->date, 1);
  strcpy (r->currency, "USD");
  r->method = SETTLE_PAYMENT_CHECK;
  r->reference = g_strdup ("");
  return r;
}

void
settle_refund_free (SettleRefund *r)
{
  if (r == NULL)
    return;
  g_free (r->reference);
  g_free (r);
}

static gboolean
insert_part (SettleBook               *book,
             SettleId                  refund_id,
             const SettleCreditSource *src,
             gint64                    amount,
             GError                  **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book,
                                            "INSERT INTO refund_parts (refund_id, payment_id, "
                                            "credit_note_id, amount) VALUES (?1, ?2, ?3, ?4)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, refund_id);
  if (src->is_credit_note)
    sqlite3_bind_int64 (stmt, 3, src->id);
  else
    sqlite3_bind_int64 (stmt, 2, src->id);
  sqlite3_bind_int64 (stmt, 4, amount);
  return settle_book_step_done (book, stmt, error);
}

gboolean
settle_refund_record (SettleBook   *book,
                      SettleRefund *r,
                      GError      **error)
{
  g_autoptr(GArray) sources = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *now = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  gint64 available = 0;
  gint64 left;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (r != NULL && r->id == 0, FALSE);

  if (r->amount <= 0)
    return settle_payment_fail_invalid (error, _("Amount: a refund must be more than zero"));
  if (!g_date_valid (&r->date))
    return settle_payment_fail_invalid (error, _("Date: a refund needs a date"));
  if (r->method > SETTLE_PAYMENT_FINANCING)
    return settle_payment_fail_invalid (error, _("Method: unknown payment method"));
  if (!settle_book_begin (book, error))
    return FALSE;
  currency = settle_payment_client_currency (book, r->client_id, error);
  if (currency == NULL)
    goto fail;
  if (strcmp (currency, r->currency) != 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Currency: the client is billed in %s, the refund is in %s"), currency,
                   r->currency);
      goto fail;
    }
  sources = settle_credit_sources (book, r->client_id, &r->date, error);
  if (sources == NULL)
    goto fail;
  for (guint i = 0; i < sources->len; i++)
    available += g_array_index (sources, SettleCreditSource, i).rest;
  if (r->amount > available)
    {
      g_autofree char *want = settle_money_format (settle_money_init (r->amount, currency));
      g_autofree char *have = settle_money_format (settle_money_init (available, currency));

      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Amount: %s is more than the client's credit of %s on that date"), want,
                   have);
      goto fail;
    }

  stmt = settle_book_prepare (book,
                              "INSERT INTO refunds (client_id, date, amount, currency, method, "
                              "reference, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    goto fail;
  now = settle_timestamp_now ();
  sqlite3_bind_int64 (stmt, 1, r->client_id);
  settle_bind_date (stmt, 2, &r->date);
  sqlite3_bind_int64 (stmt, 3, r->amount);
  settle_bind_text (stmt, 4, r->currency);
  settle_bind_text (stmt, 5, settle_payment_method_to_string (r->method));
  settle_bind_text (stmt, 6, r->reference ? r->reference : "");
  settle_bind_text (stmt, 7, now);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  r->id = sqlite3_last_insert_rowid (settle_book_get_db (book));

  left = r->amount;
  for (guint i = 0; i < sources->len && left > 0; i++)
    {
      SettleCreditSource *src = &g_array_index (sources, SettleCreditSource, i);
      gint64 share = MIN (left, src->rest);

      if (!insert_part (book, r->id, src, share, error))
        goto fail;
      left -= share;
    }
  stmt = settle_book_prepare (book, "UPDATE clients SET credit = credit - ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, r->amount);
  sqlite3_bind_int64 (stmt, 2, r->client_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  detail = settle_money_to_plain (settle_money_init (r->amount, r->currency));
  if (!settle_activity_log (book, "client", r->client_id, "refunded", detail, NULL, error))
    goto fail;
  if (!settle_book_commit (book, error))
    {
      r->id = 0;
      return FALSE;
    }
  return TRUE;

fail:
  r->id = 0;
  settle_book_rollback (book);
  return FALSE;
}

GPtrArray *
settle_refund_list (SettleBook *book,
                    SettleId    client_id,
                    GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_refund_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT id, client_id, date, amount, currency, method, reference "
                              "FROM refunds WHERE client_id = ?1 ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleRefund *r = settle_refund_new ();

      r->id = sqlite3_column_int64 (stmt, 0);
      r->client_id = sqlite3_column_int64 (stmt, 1);
      settle_column_date (stmt, 2, &r->date);
      r->amount = sqlite3_column_int64 (stmt, 3);
      g_strlcpy (r->currency, (const char *) sqlite3_column_text (stmt, 4), sizeof r->currency);
      settle_payment_method_from_string ((const char *) sqlite3_column_text (stmt, 5), &r->method);
      g_free (r->reference);
      r->reference = settle_column_dup (stmt, 6);
      g_ptr_array_add (list, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
