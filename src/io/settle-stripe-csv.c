/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "settle-statement-private.h"

/* The Stripe dashboard's charges export, in its API-name form ("amount_refunded") and
 * its display form ("Amount Refunded", "Created (UTC)"). */
enum { COL_ID, COL_CREATED, COL_AMOUNT, COL_REFUNDED, COL_CURRENCY, COL_FEE, COL_STATUS,
       COL_DESCRIPTION, COL_EMAIL, COL_NAME, COL_INVOICE, N_COLS };

static const char *const col_names[N_COLS] = {
  "id", "created|createdutc", "amount", "amountrefunded", "currency", "fee", "status",
  "description", "customeremail", "customerdescription|customername", "invoiceid",
};

static char *
fold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

static void
find_columns (const GStrv fields, int columns[N_COLS])
{
  for (guint k = 0; k < N_COLS; k++)
    {
      g_auto(GStrv) names = g_strsplit (col_names[k], "|", -1);

      columns[k] = -1;
      for (guint c = 0; fields[c] != NULL && columns[k] < 0; c++)
        {
          g_autofree char *folded = fold (fields[c]);

          if (g_strv_contains ((const char *const *) names, folded))
            columns[k] = c;
        }
    }
}

gboolean
settle_stripe_csv_is_header (const GStrv fields)
{
  int columns[N_COLS];

  find_columns (fields, columns);
  return columns[COL_ID] >= 0 && columns[COL_CREATED] >= 0 && columns[COL_AMOUNT] >= 0
         && columns[COL_REFUNDED] >= 0 && columns[COL_FEE] >= 0 && columns[COL_STATUS] >= 0;
}

static const char *
get (const SettleCsvRecord *record, const int columns[N_COLS], int k)
{
  if (columns[k] < 0 || (guint) columns[k] >= g_strv_length (record->fields))
    return NULL;
  return record->fields[columns[k]];
}

static char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

GPtrArray *
settle_stripe_csv_parse (GPtrArray   *records,
                         guint        header_index,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(GPtrArray) charges = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 settle_processor_charge_free);
  SettleCsvRecord *header = g_ptr_array_index (records, header_index);
  guint n_header = g_strv_length (header->fields);
  int columns[N_COLS];

  find_columns (header->fields, columns);
  if (columns[COL_CURRENCY] < 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_HEADER,
                   _("%s: the Stripe export has no currency column"), name);
      return NULL;
    }
  for (guint i = header_index + 1; i < records->len; i++)
    {
      SettleCsvRecord *record = g_ptr_array_index (records, i);
      g_autoptr(SettleProcessorCharge) charge = g_new0 (SettleProcessorCharge, 1);
      const char *id = get (record, columns, COL_ID);
      const char *created = get (record, columns, COL_CREATED);
      const char *currency = get (record, columns, COL_CURRENCY);
      const int money[] = { COL_AMOUNT, COL_REFUNDED, COL_FEE };
      gint64 *targets[] = { &charge->amount, &charge->refunded, &charge->fee };
      int y, mo, d, h = 0, mi = 0, sec = 0;
      guint n = g_strv_length (record->fields);

      if (n != n_header)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s, line %u: %u fields where the header has %u",
                                    "%s, line %u: %u fields where the header has %u", n),
                       name, record->line, n, n_header);
          return NULL;
        }
      if (id == NULL || *id == '\0')
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                       _("%s, line %u: the charge has no id"), name, record->line);
          return NULL;
        }
      if (currency == NULL || strlen (currency) != 3)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                       _("%s, line %u: currency “%s” is not a currency code"), name,
                       record->line, currency != NULL ? currency : "");
          return NULL;
        }
      for (guint c = 0; c < 3; c++)
        charge->currency[c] = g_ascii_toupper (currency[c]);
      if (created == NULL
          || sscanf (created, "%4d-%2d-%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) < 5
          || (charge->created = g_date_time_new_utc (y, mo, d, h, mi, sec)) == NULL)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                       _("%s, line %u: created “%s” is not a date and time"), name,
                       record->line, created != NULL ? created : "");
          return NULL;
        }
      for (guint k = 0; k < G_N_ELEMENTS (money); k++)
        {
          const char *text = get (record, columns, money[k]);
          g_autofree char *why = NULL;

          if (text == NULL || *text == '\0')
            continue;   /* an empty refund or fee column is zero */
          if (!settle_statement_parse_amount (text, '.',
                                              settle_statement_currency_exponent (charge->currency),
                                              targets[k], &why)
              || *targets[k] < 0)
            {
              g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                           _("%s, line %u: %s “%s” %s"), name, record->line,
                           header->fields[columns[money[k]]], text,
                           why != NULL ? why : _("is negative"));
              return NULL;
            }
        }
      charge->charge_id = g_strdup (id);
      charge->description = nonempty (get (record, columns, COL_DESCRIPTION));
      charge->customer_email = nonempty (get (record, columns, COL_EMAIL));
      charge->customer_name = nonempty (get (record, columns, COL_NAME));
      charge->processor_invoice_id = nonempty (get (record, columns, COL_INVOICE));
      charge->status = nonempty (get (record, columns, COL_STATUS));
      g_ptr_array_add (charges, g_steal_pointer (&charge));
    }
  if (charges->len == 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                   _("%s: the file has a header row but no charges"), name);
      return NULL;
    }
  return g_steal_pointer (&charges);
}
