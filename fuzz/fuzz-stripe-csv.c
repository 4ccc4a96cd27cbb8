/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stripe charges exports: a fixed header row, then the fuzzer's rows. */
#include "config.h"

#include <string.h>

#include "settle-statement-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char header[] =
    "id,description,created,amount,amount_refunded,currency,fee,status,customer_email,"
    "customer_description,invoice_id\n";
  g_autoptr(GString) file = g_string_new_len (header, sizeof header - 1);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *used = NULL;
  gboolean charges = FALSE;
  gsize length = 0;

  g_string_append_len (file, (const char *) data, size);
  text = settle_csv_to_utf8 (file->str, file->len, &length, NULL);
  if (text == NULL)
    return 0;
  result = settle_statement_csv_parse (text, length, "charges.csv", NULL, &used, &charges, &error);
  g_assert ((result == NULL) != (error == NULL));
  return 0;
}
