/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-book.h"
#include "settle-money.h"
#include "settle-usage-csv.h"

enum { COL_LINE_ID, COL_SKU, COL_CLIENT, COL_PERIOD, COL_QUANTITY, N_COLS };

static const char * const column_names[N_COLS] = {
  "line_id", "sku", "client", "period_start", "quantity",
};

void
settle_usage_row_free (SettleUsageRow *row)
{
  if (row == NULL)
    return;
  g_free (row->sku);
  g_free (row->client);
  g_free (row);
}

GPtrArray *
settle_usage_csv_parse (const char *data,
                        gsize       length,
                        const char *name,
                        GError    **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int col[N_COLS];
  SettleCsvRecord *header;
  guint n_header;

  g_return_val_if_fail (name != NULL, NULL);

  records = settle_csv_parse (data, length, name, error);
  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_HEADER,
                   _("%s: the file is empty; expected a header row "
                     "“line_id,period_start,quantity” or “sku,client,period_start,quantity”"),
                   name);
      return NULL;
    }
  header = g_ptr_array_index (records, 0);
  n_header = g_strv_length (header->fields);
  for (int c = 0; c < N_COLS; c++)
    {
      col[c] = -1;
      for (guint i = 0; i < n_header; i++)
        {
          g_autofree char *h = g_strstrip (g_ascii_strdown (header->fields[i], -1));

          if (strcmp (h, column_names[c]) == 0)
            col[c] = i;
        }
    }
  if (col[COL_PERIOD] < 0 || col[COL_QUANTITY] < 0 ||
      (col[COL_LINE_ID] < 0 && (col[COL_SKU] < 0 || col[COL_CLIENT] < 0)))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_HEADER,
                   _("%s, line %u: the header needs the columns period_start, quantity, and "
                     "line_id or both sku and client"), name, header->line);
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_usage_row_free);
  for (guint r = 1; r < records->len; r++)
    {
      SettleCsvRecord *rec = g_ptr_array_index (records, r);
      guint n = g_strv_length (rec->fields);
      g_autoptr(GError) local = NULL;
      SettleUsageRow *row;
      const char *text;

      if (n != n_header)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                       _("%s, line %u: %u fields, but the header has %u"), name, rec->line, n,
                       n_header);
          return NULL;
        }
      row = g_new0 (SettleUsageRow, 1);
      g_ptr_array_add (rows, row);
      row->line = rec->line;

      if (col[COL_LINE_ID] >= 0 && *(text = g_strstrip (rec->fields[col[COL_LINE_ID]])) != '\0')
        {
          char *endp;
          gint64 id = g_ascii_strtoll (text, &endp, 10);

          if (*endp != '\0' || id <= 0)
            {
              g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                           _("%s, line %u, column %d (line_id): “%s” is not an agreement line "
                             "id (a whole number)"), name, rec->line, col[COL_LINE_ID] + 1, text);
              return NULL;
            }
          row->line_id = id;
        }
      else
        {
          if (col[COL_SKU] < 0 || col[COL_CLIENT] < 0)
            {
              g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                           _("%s, line %u, column %d (line_id): the agreement line id is empty"),
                           name, rec->line, col[COL_LINE_ID] + 1);
              return NULL;
            }
          row->sku = g_strdup (g_strstrip (rec->fields[col[COL_SKU]]));
          row->client = g_strdup (g_strstrip (rec->fields[col[COL_CLIENT]]));
          if (*row->sku == '\0' || *row->client == '\0')
            {
              int c = *row->sku == '\0' ? COL_SKU : COL_CLIENT;

              g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                           _("%s, line %u, column %d (%s): empty; give the SKU and the client's "
                             "name, or the agreement line id"), name, rec->line, col[c] + 1,
                           column_names[c]);
              return NULL;
            }
        }

      text = g_strstrip (rec->fields[col[COL_PERIOD]]);
      if (!settle_date_parse (text, &row->period_start))
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                       _("%s, line %u, column %d (period_start): “%s” is not a date like "
                         "2026-01-31"), name, rec->line, col[COL_PERIOD] + 1, text);
          return NULL;
        }
      text = g_strstrip (rec->fields[col[COL_QUANTITY]]);
      if (!settle_parse_fixed (text, 3, &row->quantity_milli, &local) || row->quantity_milli < 0)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                       _("%s, line %u, column %d (quantity): “%s” is not a quantity like 12.5 "
                         "(zero or more, at most three decimals)"), name, rec->line,
                       col[COL_QUANTITY] + 1, text);
          return NULL;
        }
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
settle_usage_csv_read (const char *path,
                       GError    **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_IO, _("%s: %s"), name,
                   local->message);
      return NULL;
    }
  return settle_usage_csv_parse (data, length, name, error);
}
