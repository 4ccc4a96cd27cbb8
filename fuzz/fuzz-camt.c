/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CAMT.053 through libxml2, for any bytes. */
#include "config.h"

#include "settle-statement-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;

  result = settle_camt_parse ((const char *) data, size, "fuzz.xml", &error);
  g_assert ((result == NULL) != (error == NULL));
  return 0;
}
