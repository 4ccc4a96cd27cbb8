/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

/* Card surcharges on payments. The surcharge is billed on an invoice of its own
 * rather than as a line added to the invoice being paid: issued invoices are
 * immutable, one payment may pay several invoices, and a separate numbered invoice
 * shows the surcharge as its own line on the client's statement and in reports. */

#include "config.h"

#include <glib/gi18n.h>

#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment-private.h"
#include "settle-payment-surcharge.h"

static gboolean
setting_int (SettleBook *book,
             const char *key,
             int         fallback,
             int        *value,
             GError    **error)
{
  g_autofree char *text = settle_book_get_setting (book, key);
  gint64 v;

  if (text == NULL || *text == '\0')
    {
      *value = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, 0, 10000, &v, NULL))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Setting %s: expected basis points between 0 and 10000, found “%s”"), key,
                   text);
      return FALSE;
    }
  *value = (int) v;
  return TRUE;
}

gboolean
settle_payment_surcharge_policy_load (SettleBook            *book,
                                      SettleSurchargePolicy *policy,
                                      GError               **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  settle_surcharge_policy_init (policy);
  return setting_int (book, "surcharge.rate_bp", 0, &policy->rate_bp, error)
         && setting_int (book, "surcharge.cap_bp", SETTLE_SURCHARGE_US_NETWORK_CAP_BP,
                         &policy->cap_bp, error);
}

gboolean
settle_payment_surcharge_policy_save (SettleBook                  *book,
                                      const SettleSurchargePolicy *policy,
                                      GError                     **error)
{
  g_autofree char *rate = NULL;
  g_autofree char *cap = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_surcharge_policy_validate (policy, error))
    return FALSE;
  rate = g_strdup_printf ("%d", policy->rate_bp);
  cap = g_strdup_printf ("%d", policy->cap_bp);
  if (!settle_book_begin (book, error))
    return FALSE;
  if (!settle_book_set_setting (book, "surcharge.rate_bp", rate, error)
      || !settle_book_set_setting (book, "surcharge.cap_bp", cap, error))
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}

gboolean
settle_payment_surcharge_preview (SettleBook         *book,
                                  SettleId            client_id,
                                  gint64              amount,
                                  SettlePaymentMethod method,
                                  SettleCardFunding   funding,
                                  gint64             *surcharge,
                                  char              **warning,
                                  GError            **error)
{
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *state_warning = NULL;
  SettleSurchargePolicy policy;
  SettleSurchargeStatus status = SETTLE_SURCHARGE_ALLOWED;
  const char *state = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (surcharge != NULL, FALSE);

  *surcharge = 0;
  if (warning != NULL)
    *warning = NULL;
  if (!settle_payment_surcharge_policy_load (book, &policy, error))
    return FALSE;
  if (policy.rate_bp == 0 || method != SETTLE_PAYMENT_CARD)
    return TRUE;
  client = settle_client_load (book, client_id, error);
  if (client == NULL)
    return FALSE;
  if (settle_surcharge_is_us_state (client->state))
    {
      state = client->state;
      if (!settle_surcharge_check_state (state, &status, &state_warning, error))
        return FALSE;
    }
  if (funding != SETTLE_CARD_FUNDING_CREDIT)
    {
      /* Nothing to warn about: no surcharge is taken on debit or prepaid cards. */
      return TRUE;
    }
  if (status == SETTLE_SURCHARGE_PROHIBITED
      || !settle_surcharge_compute (&policy, amount, method, funding, state, surcharge, &local))
    {
      *surcharge = 0;
      if (warning != NULL)
        *warning = state_warning != NULL ? g_steal_pointer (&state_warning)
                                         : g_strdup (local ? local->message : "");
      return TRUE;
    }
  if (warning != NULL)
    *warning = g_steal_pointer (&state_warning);
  return TRUE;
}

static SettleId
issue_surcharge_invoice (SettleBook          *book,
                         const SettlePayment *p,
                         gint64               surcharge,
                         int                  rate_bp,
                         GError             **error)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new_for_client (book, p->client_id, error);
  g_autofree char *rate = settle_format_fixed (rate_bp, 2, TRUE);
  g_autofree char *line = NULL;

  if (inv == NULL)
    return 0;
  /* Translators: %s is a percentage such as "3" or "2.5" */
  line = g_strdup_printf (_("Card surcharge (%s %%)"), rate);
  settle_invoice_add_line (inv, line, 1000, surcharge, 0);
  if (!settle_invoice_save_draft (book, inv, error))
    return 0;
  if (!settle_invoice_issue (book, inv->id, &p->date, error))
    return 0;
  return inv->id;
}

gboolean
settle_payment_record_card (SettleBook        *book,
                            SettlePayment     *p,
                            SettleCardFunding  funding,
                            SettleId          *surcharge_invoice_id,
                            char             **warning,
                            GError           **error)
{
  SettleSurchargePolicy policy;
  gint64 surcharge = 0;
  SettleId inv_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (p != NULL && p->id == 0, FALSE);

  if (surcharge_invoice_id != NULL)
    *surcharge_invoice_id = 0;
  if (warning != NULL)
    *warning = NULL;
  if (p->method != SETTLE_PAYMENT_CARD)
    return settle_payment_fail_invalid (error, _("Method: a card payment was expected"));
  if (p->amount <= 0)
    return settle_payment_fail_invalid (error, _("Amount: a payment must be more than zero"));
  if (!settle_payment_surcharge_policy_load (book, &policy, error))
    return FALSE;
  if (!settle_payment_surcharge_preview (book, p->client_id, p->amount, p->method, funding,
                                         &surcharge, warning, error))
    return FALSE;
  if (!settle_book_begin (book, error))
    return FALSE;
  if (!settle_checked_add (p->amount, surcharge, &p->amount))
    {
      settle_payment_fail_invalid (error, _("Amount: too large"));
      goto fail;
    }
  if (!settle_payment_record (book, p, error))
    goto fail;
  if (surcharge > 0)
    {
      inv_id = issue_surcharge_invoice (book, p, surcharge, policy.rate_bp, error);
      if (inv_id == 0)
        goto fail;
      if (!settle_payment_apply (book, p->id, inv_id, surcharge, NULL, error))
        goto fail;
      stmt = settle_book_prepare (book, "UPDATE payments SET surcharge_invoice_id = ?1 "
                                        "WHERE id = ?2", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, inv_id);
      sqlite3_bind_int64 (stmt, 2, p->id);
      if (!settle_book_step_done (book, stmt, error))
        goto fail;
    }
  if (!settle_book_commit (book, error))
    goto fail_committed;
  if (surcharge_invoice_id != NULL)
    *surcharge_invoice_id = inv_id;
  return TRUE;

fail:
  settle_book_rollback (book);
fail_committed:
  p->id = 0;
  p->amount -= surcharge;
  if (warning != NULL)
    g_clear_pointer (warning, g_free);
  return FALSE;
}
