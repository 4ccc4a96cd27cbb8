/* SPDX-License-Identifier: GPL-3.0-or-later */
/* OFX 1.x and 2.x: our structure scan, then libofx, for any bytes. */
#include "config.h"

#include "settle-statement-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;

  result = settle_ofx_parse ((const char *) data, size, "fuzz.ofx", &error);
  g_assert ((result == NULL) != (error == NULL));
  return 0;
}
