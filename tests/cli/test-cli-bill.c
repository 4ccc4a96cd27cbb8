/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built settle-cli bill and usage-import on a temporary book. */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-agreement.h"
#include "settle-catalog.h"
#include "settle-cli-test.h"
#include "settle-test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  SettleId    usage_line;
  SettleId    client;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(SettleBook) book = settle_test_new_book (&f->dir);
  g_autoptr(SettleAgreement) ag = NULL;
  g_autoptr(SettleCatalogItem) item = settle_catalog_item_new ();
  g_autoptr(GError) error = NULL;
  SettleAgreementLine *line;

  f->path = g_strdup (settle_book_get_path (book));
  f->client = settle_test_add_client (book, "Northwind Traders", 30);

  g_free (item->sku);
  item->sku = g_strdup ("BACKUP-GB");
  g_free (item->name);
  item->name = g_strdup ("Backup storage");
  item->unit_price = 25;
  item->kind = SETTLE_ITEM_USAGE;
  settle_catalog_item_save (book, item, &error);
  g_assert_no_error (error);

  /* Monthly from Jan 1, $250.00 fixed and backup by the GB in arrears, issued. */
  ag = settle_agreement_new (f->client, "USD");
  g_free (ag->name);
  ag->name = g_strdup ("Managed services");
  ag->start_date = settle_test_date ("2026-01-01");
  ag->auto_issue = TRUE;
  settle_agreement_add_line (ag, "Managed workstations", 10000, 2500, 0, FALSE);
  line = settle_agreement_add_line (ag, "Backup storage", 0, 25, 0, TRUE);
  line->item_id = item->id;
  settle_agreement_save (book, ag, &error);
  g_assert_no_error (error);
  f->usage_line = line->id;
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_bill (Fixture      *f,
           gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* Usage errors: exit 2, nothing written. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "bill", f->path, "--as-of", "2026-02-30", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "--as-of"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "bill", f->path, "--format", "xml", NULL), ==,
                   2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* A missing book: exit 1 with a message. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "bill", "/nonexistent/book.settle", NULL), ==,
                   1);
  g_assert_true (g_str_has_prefix (err, "settle-cli: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Dry run as of Mar 31: Jan, Feb, Mar at $250.00 = $750.00. */
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "bill", f->path, "--as-of", "2026-03-31", "--dry-run", NULL),
    ==, 0);
  g_assert_nonnull (strstr (out, "Billing run as of 2026-03-31: 3 invoices, "));
  g_assert_nonnull (strstr (out, "750.00"));
  g_assert_nonnull (strstr (out, "2026-02-01  2026-02-01–2026-02-28  Northwind Traders"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "bill", f->path, "--as-of", "2026-03-31",
                                        "--dry-run", "--format", "json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "\"invoices\" : 3"));
  g_assert_nonnull (strstr (out, "\"USD\" : \"750.00\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The real run, then again: nothing more. */
  g_assert_cmpint (settle_cli_test_run (&out, &err, "bill", f->path, "--as-of", "2026-03-31", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "3 invoices made, 3 of them issued"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (settle_cli_test_run (&out, &err, "bill", f->path, "--as-of", "2026-03-31",
                                        "--format", "json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "\"created\" : 0"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
    settle_cli_test_run (&out, &err, "bill", f->path, "--as-of", "2026-03-31", "--dry-run", NULL),
    ==, 0);
  g_assert_nonnull (strstr (out, ": 0 invoices"));
}

static void
test_usage_import (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "usage.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *by_id = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GError) error = NULL;
  GDate jan = settle_test_date ("2026-01-01"), feb = settle_test_date ("2026-02-01");
  gint64 q;

  /* Row 3 has a bad quantity: nothing is imported, the message names the place. */
  g_assert_true (g_file_set_contents (csv, "sku,client,period_start,quantity\r\n"
                                           "BACKUP-GB,\"Northwind Traders\",2026-01-01,120\r\n"
                                           "BACKUP-GB,Northwind Traders,2026-02-01,12,5\r\n",
                                      -1, NULL));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "usage-import", f->path, csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "usage.csv, line 3: 5 fields, but the header has 4"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_set_contents (csv, "sku,client,period_start,quantity\n"
                                           "BACKUP-GB,Northwind Traders,2026-01-01,120\n"
                                           "BACKUP-GB,Northwind Traders,2026-02-01,lots\n",
                                      -1, NULL));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "usage-import", f->path, csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "usage.csv, line 3, column 4 (quantity): “lots”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* An unknown SKU is found only against the book: still nothing imported. */
  g_assert_true (g_file_set_contents (csv, "sku,client,period_start,quantity\n"
                                           "BACKUP-GB,Northwind Traders,2026-01-01,120\n"
                                           "NOPE,Northwind Traders,2026-02-01,1\n",
                                      -1, NULL));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "usage-import", f->path, csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "usage.csv, line 3: "));
  g_assert_nonnull (strstr (err, "Nothing was imported"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  book = settle_book_open (f->path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (settle_agreement_get_usage (book, f->usage_line, &jan, &q, &error));
  g_assert_cmpint (q, ==, 0);

  by_id = g_strdup_printf ("line_id,period_start,quantity\n"
                           "%" G_GINT64_FORMAT ",2026-01-01,120\n"
                           "%" G_GINT64_FORMAT ",2026-02-01,80.5\n",
                           f->usage_line, f->usage_line);
  g_assert_true (g_file_set_contents (csv, by_id, -1, NULL));
  g_assert_cmpint (settle_cli_test_run (&out, &err, "usage-import", f->path, csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 2 usage entries from usage.csv"));
  g_assert_true (settle_agreement_get_usage (book, f->usage_line, &jan, &q, &error));
  g_assert_cmpint (q, ==, 120000);
  g_assert_true (settle_agreement_get_usage (book, f->usage_line, &feb, &q, &error));
  g_assert_cmpint (q, ==, 80500);
}

int
main (int argc, char **argv)
{
  settle_cli_test_init (&argc, &argv, "2026-11-23");
  g_test_add ("/cli/bill", Fixture, NULL, fixture_set_up, test_bill, fixture_tear_down);
  g_test_add ("/cli/usage-import", Fixture, NULL, fixture_set_up, test_usage_import,
              fixture_tear_down);
  return g_test_run ();
}
