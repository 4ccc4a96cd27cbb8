/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-csv.h"
#include "settle-usage-csv.h"

static GPtrArray *
parse (const char *text,
       GError    **error)
{
  return settle_csv_parse (text, strlen (text), "t.csv", error);
}

static void
test_rfc4180 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SettleCsvRecord *r;

  /* BOM, CRLF, quoted commas, doubled quotes, a newline inside quotes, a blank line,
   * an empty last field, no final line end. */
  rows = parse ("\xef\xbb\xbf" "a,b,c\r\n"
                "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
                "\r\n"
                "1,,\n"
                "last,\"\",z", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  r = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (r->line, ==, 1);
  g_assert_cmpstr (r->fields[0], ==, "a");
  r = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_cmpstr (r->fields[0], ==, "x, y");
  g_assert_cmpstr (r->fields[1], ==, "say \"hi\"");
  g_assert_cmpstr (r->fields[2], ==, "two\nlines");
  r = g_ptr_array_index (rows, 2);
  g_assert_cmpuint (r->line, ==, 5); /* the quoted newline and the blank line count */
  g_assert_cmpuint (g_strv_length (r->fields), ==, 3);
  g_assert_cmpstr (r->fields[2], ==, "");
  r = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (r->fields[1], ==, "");
  g_assert_cmpstr (r->fields[2], ==, "z");
}

static void
test_syntax_errors (void)
{
  struct { const char *text; const char *message; } cases[] = {
    { "a,b\n\"open,c\n", "t.csv, line 2, column 1: the quoted field never ends" },
    { "a,b\nx\"y,1\n", "t.csv, line 2, column 1: a quote inside a field that does not start "
                       "with one" },
    { "a,b\n1,\"q\"z\n", "t.csv, line 2, column 2: text after the closing quote of a field" },
    { "a,\xff\n", "t.csv: the file is not UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = parse (cases[i].text, &error);

      g_assert_null (rows);
      g_assert_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_usage_rows (void)
{
  static const char text[] = "Period_Start, quantity ,line_id,sku,client\n"
                             "2026-01-01,12.5,7,,\n"
                             "2026-02-01,0.001,,BACKUP-GB,\"Acme, Inc.\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = settle_usage_csv_parse (text, strlen (text), "u.csv", &error);
  SettleUsageRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->line_id, ==, 7);
  g_assert_cmpint (row->quantity_milli, ==, 12500);
  g_assert_cmpuint (g_date_get_month (&row->period_start), ==, 1);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpint (row->line_id, ==, 0);
  g_assert_cmpstr (row->sku, ==, "BACKUP-GB");
  g_assert_cmpstr (row->client, ==, "Acme, Inc.");
  g_assert_cmpint (row->quantity_milli, ==, 1);
}

static void
test_usage_errors (void)
{
  struct { const char *text; int code; const char *message; } cases[] = {
    { "", SETTLE_IMPORT_ERROR_HEADER, NULL },
    { "sku,period_start,quantity\n", SETTLE_IMPORT_ERROR_HEADER,
      "u.csv, line 1: the header needs the columns period_start, quantity, and line_id or both "
      "sku and client" },
    { "line_id,period_start,quantity\n3,2026-02-30,1\n", SETTLE_IMPORT_ERROR_VALUE,
      "u.csv, line 2, column 2 (period_start): “2026-02-30” is not a date like 2026-01-31" },
    { "line_id,period_start,quantity\n3,2026-02-01,1.2345\n", SETTLE_IMPORT_ERROR_VALUE,
      "u.csv, line 2, column 3 (quantity): “1.2345” is not a quantity like 12.5 (zero or more, "
      "at most three decimals)" },
    { "line_id,period_start,quantity\n3,2026-02-01,-1\n", SETTLE_IMPORT_ERROR_VALUE, NULL },
    { "line_id,period_start,quantity\nthree,2026-02-01,1\n", SETTLE_IMPORT_ERROR_VALUE,
      "u.csv, line 2, column 1 (line_id): “three” is not an agreement line id (a whole number)" },
    { "line_id,period_start,quantity\n,2026-02-01,1\n", SETTLE_IMPORT_ERROR_VALUE, NULL },
    { "sku,client,period_start,quantity\nX,,2026-02-01,1\n", SETTLE_IMPORT_ERROR_VALUE,
      "u.csv, line 2, column 2 (client): empty; give the SKU and the client's name, or the "
      "agreement line id" },
    { "line_id,period_start,quantity\n3,2026-02-01\n", SETTLE_IMPORT_ERROR_SYNTAX,
      "u.csv, line 2: 2 fields, but the header has 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = settle_usage_csv_parse (cases[i].text, strlen (cases[i].text),
                                                          "u.csv", &error);

      g_assert_null (rows);
      g_assert_error (error, SETTLE_IMPORT_ERROR, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_read_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = settle_usage_csv_read ("/nonexistent/usage.csv", &error);

  g_assert_null (rows);
  g_assert_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "usage.csv: "));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/rfc4180", test_rfc4180);
  g_test_add_func ("/csv/syntax-errors", test_syntax_errors);
  g_test_add_func ("/usage-csv/rows", test_usage_rows);
  g_test_add_func ("/usage-csv/errors", test_usage_errors);
  g_test_add_func ("/usage-csv/read-missing", test_read_missing);
  return g_test_run ();
}
