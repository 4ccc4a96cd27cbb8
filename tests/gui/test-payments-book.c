/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

/* Book queries for test-payments.c, kept apart: the core's SettleApplication (a
 * payment's share of an invoice) and the GUI's SettleApplication share a name. */

#include "settle-client.h"
#include "settle-payment-surcharge.h"
#include "settle-payment.h"
#include "test-payments-book.h"

gboolean
test_payments_find_client (SettleBook *book,
                           SettleId   *client_id,
                           guint      *client_index,
                           SettleId   *first_id,
                           SettleId   *second_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payers = settle_payment_list_payers (book, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < payers->len; i++)
    {
      SettleClient *c = g_ptr_array_index (payers, i);
      g_autoptr(GPtrArray) items = settle_payment_list_open_invoices (book, c->id, &error);
      SettleOpenInvoice *a, *b;

      g_assert_no_error (error);
      if (items->len < 2)
        continue;
      a = g_ptr_array_index (items, 0);
      b = g_ptr_array_index (items, 1);
      /* Nothing paid on either yet. */
      if (a->balance != a->total || b->balance != b->total)
        continue;
      *client_id = c->id;
      *client_index = i;
      *first_id = a->id;
      *second_id = b->id;
      return TRUE;
    }
  return FALSE;
}

void
test_payments_set_surcharge (SettleBook *book,
                             SettleId    client_id,
                             int         rate_bp,
                             const char *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleClient) client = settle_client_load (book, client_id, &error);
  SettleSurchargePolicy policy;

  g_assert_no_error (error);
  settle_surcharge_policy_init (&policy);
  policy.rate_bp = rate_bp;
  g_assert_true (settle_payment_surcharge_policy_save (book, &policy, &error));
  g_assert_no_error (error);
  g_free (client->state);
  client->state = g_strdup (state);
  g_assert_true (settle_client_save (book, client, &error));
  g_assert_no_error (error);
}
