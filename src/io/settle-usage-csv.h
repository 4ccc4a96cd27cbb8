/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-csv.h"
#include "settle-types.h"

G_BEGIN_DECLS

/* One row of a usage file. Either line_id (an agreement line) or sku and client
 * name say what the usage is for. */
typedef struct
{
  guint    line;           /* in the file, for messages */
  SettleId line_id;        /* 0 = given by sku + client */
  char    *sku;
  char    *client;
  GDate    period_start;
  gint64   quantity_milli;
} SettleUsageRow;

void       settle_usage_row_free  (SettleUsageRow *row);

/* A header row names the columns, in any order, case-insensitive: "period_start",
 * "quantity" (a plain decimal with at most three decimals: "12.5"), and either
 * "line_id" or both "sku" and "client". The whole file is read or an error naming
 * the file, line and column is returned. */
GPtrArray *settle_usage_csv_parse (const char  *data,
                                   gsize        length,
                                   const char  *name,
                                   GError     **error);
GPtrArray *settle_usage_csv_read  (const char  *path,
                                   GError     **error);

G_END_DECLS
