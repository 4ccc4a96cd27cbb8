/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-aging.h"
#include "settle-catalog.h"
#include "settle-client.h"
#include "settle-core-resources.h"
#include "settle-credit-note.h"
#include "settle-invoice.h"
#include "settle-payment.h"
#include "settle-series.h"
#include "settle-test-util.h"

typedef struct
{
  char       *dir;
  SettleBook *book;
  SettleId    client;
} Fixture;

static void
setup (Fixture      *f,
       gconstpointer data)
{
  f->book = settle_test_new_book (&f->dir);
  f->client = settle_test_add_client (f->book, "Cedar Family Law PC", 30);
}

static void
teardown (Fixture      *f,
          gconstpointer data)
{
  settle_test_assert_invariants (f->book);
  g_clear_object (&f->book);
  settle_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gint64
count_rows (SettleBook *book,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (settle_book_get_path (book), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static SettleId
issue (SettleBook    *book,
       SettleInvoice *inv,
       const char    *date)
{
  g_autoptr(GError) error = NULL;
  GDate d = settle_test_date (date);

  g_assert_true (settle_invoice_save_draft (book, inv, &error));
  g_assert_no_error (error);
  g_assert_true (settle_invoice_issue (book, inv->id, &d, &error));
  g_assert_no_error (error);
  return inv->id;
}

static char *
number_of (SettleBook *book,
           SettleId    id)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_load (book, id, NULL);

  g_assert_nonnull (inv);
  return g_strdup (inv->number);
}

/* ---- migration from a version-1 book ---- */

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("settle-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.settle", NULL);
  g_autoptr(GBytes) v1 = NULL;
  g_autofree char *v1_sql = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(SettleInvoice) inv = NULL;
  g_autoptr(SettleInvoice) draft = NULL;
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *terms = NULL;
  SettleTerms client_terms;
  gboolean has = FALSE;
  gboolean has_105 = FALSE;
  sqlite3 *db;
  GDate d;

  v1 = g_resource_lookup_data (settle_core_get_resource (),
                               "/io/github/settle/Settle/core/migrations/0001-initial.sql", 0,
                               &error);
  g_assert_no_error (error);
  v1_sql = g_strndup (g_bytes_get_data (v1, NULL), g_bytes_get_size (v1));

  /* A book as version 1 wrote it: a client on Net 45, an invoice with a 10.5 % line,
   * partly paid. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_ok (db, "PRAGMA application_id = 1398033477");
  exec_ok (db, "BEGIN");
  exec_ok (db, v1_sql);
  exec_ok (db,
           "INSERT INTO clients (id, name, terms_days, balance, credit, created_at) "
           "  VALUES (1, 'Harbor Clinic', 45, 26525, 0, '2025-01-01T00:00:00Z');"
           "INSERT INTO clients (id, name, terms_days, created_at) "
           "  VALUES (2, 'Pine Street Bakery', 30, '2025-01-01T00:00:00Z');"
           "INSERT INTO invoices (id, client_id, number, status, issue_date, due_date, terms_days, "
           "  currency, subtotal, tax_total, total, amount_paid, created_at) VALUES "
           "  (1, 1, 'INV-000001', 'partial', '2025-03-01', '2025-04-15', 45, 'USD', 30000, 3150, "
           "   33150, 6625, '2025-03-01T00:00:00Z');"
           "INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, "
           "  unit_price, tax_rate_bp, net, tax) VALUES "
           "  (1, 1, 'Firewall appliance', 1000, 30000, 1050, 30000, 3150);"
           "INSERT INTO payments (id, client_id, date, amount, currency, method, created_at) "
           "  VALUES (1, 1, '2025-03-20', 6625, 'USD', 'check', '2025-03-20T00:00:00Z');"
           "INSERT INTO applications (payment_id, invoice_id, client_id, date, amount) "
           "  VALUES (1, 1, 1, '2025-03-20', 6625);"
           "UPDATE number_series SET next_value = 2 WHERE name = 'invoice';"
           "PRAGMA user_version = 1;");
  exec_ok (db, "COMMIT");
  sqlite3_close (db);

  book = settle_book_open (path, SETTLE_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (settle_book_get_schema_version (book), ==, settle_book_latest_schema_version ());
  settle_test_assert_invariants (book);

  inv = settle_invoice_load (book, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inv->number, ==, "INV-000001");
  g_assert_cmpint (inv->status, ==, SETTLE_INVOICE_PARTIAL);
  g_assert_cmpint (inv->kind, ==, SETTLE_INVOICE_KIND_INVOICE);
  g_assert_cmpint (inv->total, ==, 33150);
  g_assert_cmpint (inv->amount_paid, ==, 6625);
  terms = settle_terms_to_string (&inv->terms);
  g_assert_cmpstr (terms, ==, "net:45");
  g_assert_cmpint (inv->lines->len, ==, 1);
  g_assert_cmpint (((SettleInvoiceLine *) inv->lines->pdata[0])->tax_rate_bp, ==, 1050);
  g_assert_cmpint (((SettleInvoiceLine *) inv->lines->pdata[0])->discount_bp, ==, 0);
  g_assert_cmpstr (inv->pay_link, ==, "");
  g_assert_cmpint (inv->agreement_id, ==, 0);
  apps = settle_invoice_list_applications (book, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (apps->len, ==, 1);

  /* The client on other terms than the book's kept them as an override. */
  g_assert_true (settle_terms_for_client (book, 1, &client_terms, &error));
  g_assert_cmpint (client_terms.kind, ==, SETTLE_TERMS_NET);
  g_assert_cmpint (client_terms.days, ==, 45);
  g_assert_true (settle_terms_client_has_override (book, 2, &has, &error));
  g_assert_false (has);

  /* The rate the book already used stays valid. */
  rates = settle_tax_rate_list (book, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rates->len; i++)
    has_105 |= ((SettleTaxRate *) rates->pdata[i])->rate_bp == 1050;
  g_assert_true (has_105);

  /* And the book goes on: the next invoice continues the series, a credit note
   * starts its own. */
  draft = settle_invoice_new_for_client (book, 2, &error);
  g_assert_no_error (error);
  settle_invoice_add_line (draft, "Backup monitoring", 1000, 5000, 1050);
  issue (book, draft, "2025-04-01");
  g_clear_pointer (&terms, g_free);
  terms = number_of (book, draft->id);
  g_assert_cmpstr (terms, ==, "INV-000002");
  d = settle_test_date ("2025-04-02");
  g_assert_cmpint (settle_credit_note_issue (book, 1, NULL, &d, "Returned appliance", &error), >, 0);
  g_assert_no_error (error);
  settle_test_assert_invariants (book);

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

/* ---- number series ---- */

static void
test_series_yearly (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(SettleSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  const char *dates[] = { "2026-11-30", "2026-12-31", "2027-01-02", "2027-01-03" };
  const char *expected[] = { "INV-2026-0001", "INV-2026-0002", "INV-2027-0001", "INV-2027-0002" };
  GDate d;

  series = settle_series_load (f->book, "invoice", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (series->prefix, ==, "INV-");
  g_free (series->prefix);
  series->prefix = g_strdup ("INV-{YYYY}-");
  series->width = 4;
  series->yearly_reset = TRUE;
  g_assert_true (settle_series_save (f->book, series, &error));
  g_assert_no_error (error);

  d = settle_test_date ("2026-11-30");
  preview = settle_series_preview (series, &d);
  g_assert_cmpstr (preview, ==, "INV-2026-0001");

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_new (f->client, "USD");
      g_autofree char *number = NULL;

      settle_invoice_add_line (inv, "Managed services", 1000, 10000, 0);
      issue (f->book, inv, dates[i]);
      number = number_of (f->book, inv->id);
      g_assert_cmpstr (number, ==, expected[i]);
    }

  /* The preview of a reloaded series follows the year. */
  g_clear_pointer (&series, settle_series_free);
  series = settle_series_load (f->book, "invoice", &error);
  g_assert_cmpint (series->year, ==, 2027);
  g_assert_cmpint (series->next_value, ==, 3);
  g_clear_pointer (&preview, g_free);
  d = settle_test_date ("2028-02-01");
  preview = settle_series_preview (series, &d);
  g_assert_cmpstr (preview, ==, "INV-2028-0001");
}

static void
test_series_validation (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(SettleSeries) series = NULL;
  g_autoptr(SettleInvoice) inv = settle_invoice_new (f->client, "USD");
  g_autoptr(GError) error = NULL;

  settle_invoice_add_line (inv, "Managed services", 1000, 10000, 0);
  issue (f->book, inv, "2026-03-01");

  series = settle_series_load (f->book, "invoice", &error);
  series->yearly_reset = TRUE;
  g_assert_false (settle_series_save (f->book, series, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Prefix:"));
  g_clear_error (&error);

  series->yearly_reset = FALSE;
  series->width = 0;
  g_assert_false (settle_series_save (f->book, series, &error));
  g_assert_true (g_str_has_prefix (error->message, "Digits:"));
  g_clear_error (&error);

  /* Going back to a number already given is refused. */
  series->width = 6;
  series->next_value = 1;
  g_assert_false (settle_series_save (f->book, series, &error));
  g_assert_true (g_str_has_prefix (error->message, "Next number:"));
  g_assert_nonnull (strstr (error->message, "INV-000001"));
  g_clear_error (&error);

  g_clear_pointer (&series, settle_series_free);
  g_assert_null (settle_series_load (f->book, "no-such-series", &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);
}

/* A number taken in a transaction that rolls back is given back: no gap. */
static void
test_series_rollback (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(SettleInvoice) a = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleInvoice) empty = settle_invoice_new (f->client, "USD");
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *taken = NULL;
  GDate d = settle_test_date ("2026-05-01");

  settle_invoice_add_line (a, "Managed services", 1000, 10000, 0);
  g_assert_true (settle_invoice_save_draft (f->book, a, &error));
  g_assert_no_error (error);

  /* Issued inside an outer transaction that is then rolled back. */
  g_assert_true (settle_book_begin (f->book, &error));
  g_assert_true (settle_invoice_issue (f->book, a->id, &d, &error));
  g_assert_no_error (error);
  taken = settle_series_take (f->book, "credit-note", &d, &error);
  g_assert_cmpstr (taken, ==, "CN-000001");
  settle_book_rollback (f->book);

  /* A failed issue (no lines) takes nothing either. */
  g_assert_true (settle_invoice_save_draft (f->book, empty, &error));
  g_assert_false (settle_invoice_issue (f->book, empty->id, &d, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (settle_invoice_issue (f->book, a->id, &d, &error));
  g_assert_no_error (error);
  number = number_of (f->book, a->id);
  g_assert_cmpstr (number, ==, "INV-000001");
  {
    g_autoptr(SettleSeries) cn = settle_series_load (f->book, "credit-note", &error);
    g_assert_cmpint (cn->next_value, ==, 1);
  }
}

/* ---- catalogue and tax rates ---- */

static void
test_catalog (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(SettleCatalogItem) item = settle_catalog_item_new ();
  g_autoptr(SettleCatalogItem) dup = settle_catalog_item_new ();
  g_autoptr(SettleCatalogItem) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SettleTaxRate rate = { 0, (char *) "Reduced 7.5 %", 750 };
  SettleTaxRate again = { 0, (char *) "Duplicate", 825 };

  g_free (item->sku);
  item->sku = g_strdup ("  MS-ENDPOINT ");
  g_free (item->name);
  item->name = g_strdup ("Endpoint management");
  item->unit_price = 1250;
  item->tax_rate_bp = 750;
  item->kind = SETTLE_ITEM_SERVICE;

  /* 7.5 % is not a rate of a new book. */
  g_assert_false (settle_catalog_item_save (f->book, item, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Tax rate: 7.5 % is not in the book's tax rates");
  g_clear_error (&error);
  g_assert_cmpint (item->id, ==, 0);
  g_assert_cmpint (count_rows (f->book, "catalogue_items"), ==, 0);

  g_assert_true (settle_tax_rate_save (f->book, &rate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rate.id, >, 0);
  g_assert_true (settle_tax_rate_is_known (f->book, 750));
  g_assert_true (settle_tax_rate_is_known (f->book, 0));
  g_assert_false (settle_tax_rate_is_known (f->book, 751));
  g_assert_false (settle_tax_rate_save (f->book, &again, &error));
  g_assert_cmpstr (error->message, ==, "Rate: 8.25 % is already in the book's tax rates");
  g_clear_error (&error);

  g_assert_true (settle_catalog_item_save (f->book, item, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (item->sku, ==, "MS-ENDPOINT");

  g_free (dup->sku);
  dup->sku = g_strdup ("MS-ENDPOINT");
  g_free (dup->name);
  dup->name = g_strdup ("Another");
  g_assert_false (settle_catalog_item_save (f->book, dup, &error));
  g_assert_cmpstr (error->message, ==, "SKU: “MS-ENDPOINT” is already used by another item");
  g_clear_error (&error);
  g_free (dup->sku);
  dup->sku = g_strdup ("HW-FW-60F");
  g_free (dup->name);
  dup->name = g_strdup ("   ");
  g_assert_false (settle_catalog_item_save (f->book, dup, &error));
  g_assert_true (g_str_has_prefix (error->message, "Name:"));
  g_clear_error (&error);
  g_free (dup->name);
  dup->name = g_strdup ("Firewall 60F");
  dup->kind = SETTLE_ITEM_HARDWARE;
  dup->unit_price = 69900;
  dup->tax_rate_bp = 825;
  dup->active = FALSE;
  g_assert_true (settle_catalog_item_save (f->book, dup, &error));
  g_assert_no_error (error);

  loaded = settle_catalog_item_load_by_sku (f->book, "HW-FW-60F", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, dup->id);
  g_assert_cmpint (loaded->kind, ==, SETTLE_ITEM_HARDWARE);
  g_assert_cmpint (loaded->unit_price, ==, 69900);
  g_assert_false (loaded->active);

  list = settle_catalog_list (f->book, NULL, FALSE, &error);
  g_assert_cmpint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = settle_catalog_list (f->book, NULL, TRUE, &error);
  g_assert_cmpint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = settle_catalog_list (f->book, "firewall", TRUE, &error);
  g_assert_cmpint (list->len, ==, 1);
  g_assert_cmpstr (((SettleCatalogItem *) list->pdata[0])->sku, ==, "HW-FW-60F");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = settle_catalog_list (f->book, "%", TRUE, &error);
  g_assert_cmpint (list->len, ==, 0);

  g_assert_cmpstr (settle_item_kind_label (SETTLE_ITEM_USAGE), ==, "Usage");
}

/* ---- invoice validation, discounts, terms ---- */

static void
test_unknown_tax_rate (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new (f->client, "USD");
  g_autoptr(GError) error = NULL;

  settle_invoice_add_line (inv, "Managed services", 1000, 10000, 825);
  settle_invoice_add_line (inv, "Cabling", 2000, 500, 0);
  settle_invoice_add_line (inv, "Switch", 1000, 20000, 750);
  g_assert_false (settle_invoice_save_draft (f->book, inv, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Line 3: tax rate 7.5 % is not in the book's tax rates");
  g_clear_error (&error);
  g_assert_cmpint (inv->id, ==, 0);
  g_assert_cmpint (count_rows (f->book, "invoices"), ==, 0);
  g_assert_cmpint (count_rows (f->book, "invoice_lines"), ==, 0);

  ((SettleInvoiceLine *) inv->lines->pdata[2])->tax_rate_bp = 825;
  ((SettleInvoiceLine *) inv->lines->pdata[1])->discount_bp = 10001;
  g_assert_false (settle_invoice_save_draft (f->book, inv, &error));
  g_assert_cmpstr (error->message, ==, "Line 2: the discount must be between 0 % and 100 %");
  g_clear_error (&error);

  ((SettleInvoiceLine *) inv->lines->pdata[1])->discount_bp = 0;
  ((SettleInvoiceLine *) inv->lines->pdata[1])->item_id = 42;
  g_assert_false (settle_invoice_save_draft (f->book, inv, &error));
  g_assert_cmpstr (error->message, ==, "Line 2: the catalogue item no longer exists");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->book, "invoices"), ==, 0);
}

/* Line A: 1 × 10.05 less 50 %; line B: 2.5 × 1.01 less 10 %; both at 5 % tax.
 *   half-up:   A gross 1005, discount 502.5 → 503, net 502;
 *              B gross 252.5 → 253, discount 25.3 → 25, net 228.
 *   half-even: A discount 502.5 → 502, net 503;
 *              B gross 252.5 → 252, discount 25.2 → 25, net 227.
 * Subtotal 730 either way; discounts 528 (half-up) and 527 (half-even).
 *   per line:    tax 502 × 5 % = 25.1 → 25 and 228 × 5 % = 11.4 → 11 (half-up);
 *                503 × 5 % = 25.15 → 25 and 227 × 5 % = 11.35 → 11 (half-even): 36.
 *   per invoice: 730 × 5 % = 36.5 → 37 (half-up), 36 (half-even). */
static void
test_discount_rounding (Fixture      *f,
                        gconstpointer data)
{
  static const struct
  {
    SettleRounding    rounding;
    SettleTaxRounding tax_rounding;
    gint64            net_a, net_b, discount_total, tax_total, total;
  } cases[] = {
    { SETTLE_ROUND_HALF_UP, SETTLE_TAX_ROUND_PER_LINE, 502, 228, 528, 36, 766 },
    { SETTLE_ROUND_HALF_EVEN, SETTLE_TAX_ROUND_PER_LINE, 503, 227, 527, 36, 766 },
    { SETTLE_ROUND_HALF_UP, SETTLE_TAX_ROUND_PER_INVOICE, 502, 228, 528, 37, 767 },
    { SETTLE_ROUND_HALF_EVEN, SETTLE_TAX_ROUND_PER_INVOICE, 503, 227, 527, 36, 766 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_new (f->client, "USD");
      g_autoptr(SettleInvoice) back = NULL;
      g_autoptr(GError) error = NULL;
      SettleInvoiceLine *a, *b;

      inv->rounding = cases[i].rounding;
      inv->tax_rounding = cases[i].tax_rounding;
      a = settle_invoice_add_line (inv, "Onboarding, half price", 1000, 1005, 500);
      a->discount_bp = 5000;
      b = settle_invoice_add_line (inv, "Storage, GB", 2500, 101, 500);
      b->discount_bp = 1000;
      g_assert_true (settle_invoice_save_draft (f->book, inv, &error));
      g_assert_no_error (error);
      g_test_message ("case %u", i);
      g_assert_cmpint (a->net, ==, cases[i].net_a);
      g_assert_cmpint (b->net, ==, cases[i].net_b);
      g_assert_cmpint (inv->subtotal, ==, 730);
      g_assert_cmpint (inv->discount_total, ==, cases[i].discount_total);
      g_assert_cmpint (inv->tax_total, ==, cases[i].tax_total);
      g_assert_cmpint (inv->total, ==, cases[i].total);

      /* Loading gives the same, discounts included. */
      back = settle_invoice_load (f->book, inv->id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (back->total, ==, cases[i].total);
      g_assert_cmpint (back->discount_total, ==, cases[i].discount_total);
      g_assert_cmpint (((SettleInvoiceLine *) back->lines->pdata[0])->discount_bp, ==, 5000);
      g_assert_cmpint (((SettleInvoiceLine *) back->lines->pdata[0])->discount, ==,
                       a->discount);
    }
}

static void
test_terms_on_issue (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(SettleInvoice) eom = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleInvoice) legacy = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleInvoice) from_client = NULL;
  g_autoptr(SettleInvoice) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *terms = NULL;
  SettleTerms proximo;

  /* The invoice's own terms decide the due date. */
  g_assert_true (settle_terms_parse ("eom:15;discount:10:200", &eom->terms, NULL));
  settle_invoice_add_line (eom, "Managed services", 1000, 10000, 0);
  g_free (eom->pay_link);
  eom->pay_link = g_strdup ("https://pay.example.com/i/42");
  issue (f->book, eom, "2026-01-31");
  back = settle_invoice_load (f->book, eom->id, &error);
  due = settle_date_to_iso (&back->due_date);
  g_assert_cmpstr (due, ==, "2026-02-15");
  g_assert_cmpint (back->terms_days, ==, 15);
  terms = settle_terms_to_string (&back->terms);
  g_assert_cmpstr (terms, ==, "eom:15;discount:10:200");
  g_assert_cmpstr (back->pay_link, ==, "https://pay.example.com/i/42");

  /* Callers that only set terms_days still get what they asked for. */
  legacy->terms_days = 0;
  settle_invoice_add_line (legacy, "Managed services", 1000, 10000, 0);
  issue (f->book, legacy, "2026-03-03");
  g_clear_pointer (&back, settle_invoice_free);
  back = settle_invoice_load (f->book, legacy->id, &error);
  g_assert_cmpint (g_date_compare (&back->due_date, &back->issue_date), ==, 0);

  /* A client's override becomes a new invoice's terms. */
  g_assert_true (settle_terms_parse ("proximo:10:25", &proximo, NULL));
  g_assert_true (settle_terms_set_for_client (f->book, f->client, &proximo, &error));
  from_client = settle_invoice_new_for_client (f->book, f->client, &error);
  g_assert_no_error (error);
  g_assert_true (settle_terms_equal (&from_client->terms, &proximo));
  g_assert_cmpstr (from_client->currency, ==, "USD");
  settle_invoice_add_line (from_client, "Managed services", 1000, 10000, 0);
  issue (f->book, from_client, "2026-12-28");
  g_clear_pointer (&back, settle_invoice_free);
  back = settle_invoice_load (f->book, from_client->id, &error);
  g_clear_pointer (&due, g_free);
  due = settle_date_to_iso (&back->due_date);
  g_assert_cmpstr (due, ==, "2027-02-10");

  /* A bad pay link is refused with the field named. */
  g_clear_pointer (&back, settle_invoice_free);
  back = settle_invoice_new (f->client, "USD");
  g_free (back->pay_link);
  back->pay_link = g_strdup ("javascript:alert(1)");
  settle_invoice_add_line (back, "Managed services", 1000, 10000, 0);
  g_assert_false (settle_invoice_save_draft (f->book, back, &error));
  g_assert_true (g_str_has_prefix (error->message, "Pay link:"));
}

static void
test_delete_draft (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleInvoice) issued = settle_invoice_new (f->client, "USD");
  g_autoptr(GError) error = NULL;

  settle_invoice_add_line (draft, "Managed services", 1000, 10000, 0);
  g_assert_true (settle_invoice_save_draft (f->book, draft, &error));
  settle_invoice_add_line (issued, "Managed services", 1000, 10000, 0);
  issue (f->book, issued, "2026-02-02");

  g_assert_true (settle_invoice_delete_draft (f->book, draft->id, &error));
  g_assert_no_error (error);
  g_assert_null (settle_invoice_load (f->book, draft->id, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (settle_invoice_delete_draft (f->book, issued->id, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_assert_cmpint (count_rows (f->book, "invoice_lines"), ==, 1);
}

static void
test_parse_quantity (void)
{
  static const struct
  {
    const char *text;
    gint64      milli;
  } good[] = {
    { "1.5", 1500 }, { "2", 2000 }, { " 0.125 ", 125 }, { "-1", -1000 }, { "10.", 10000 },
  };
  static const char * const bad[] = { "", "abc", "1.2345", "1,5,5", "1.5h", "--1" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 v = 0;

      g_assert_true (settle_invoice_parse_quantity (good[i].text, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpint (v, ==, good[i].milli);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 v = 7;

      g_test_message ("“%s”", bad[i]);
      g_assert_false (settle_invoice_parse_quantity (bad[i], &v, &error));
      g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Quantity:"));
      g_assert_cmpint (v, ==, 7);
    }
}

/* ---- credit notes ---- */

/* Aging on a date agrees with the ledger's receivables balance, and has the
 * given balance and credit. */
static void
assert_aging (SettleBook *book,
              const char *as_of,
              gint64      balance,
              gint64      credit)
{
  g_autoptr(SettleAgingReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GDate d = settle_test_date (as_of);
  gint64 ledger = 0;

  g_test_message ("aging as of %s", as_of);
  report = settle_aging_compute (book, &d, SETTLE_AGING_BY_DUE_DATE, "USD", &error);
  g_assert_no_error (error);
  g_assert_true (settle_receivables_balance (book, &d, "USD", &ledger, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->totals.balance, ==, balance);
  g_assert_cmpint (report->totals.credit, ==, credit);
  g_assert_cmpint (ledger, ==, balance);
}

static void
assert_actions (SettleBook *book,
                SettleId    id,
                const char *expected)
{
  g_autoptr(GPtrArray) log = settle_activity_list (book, "invoice", id, NULL);
  g_autoptr(GString) actions = g_string_new (NULL);

  for (guint i = 0; i < log->len; i++)
    g_string_append_printf (actions, "%s%s", i ? " " : "",
                            ((SettleActivity *) log->pdata[i])->action);
  g_assert_cmpstr (actions->str, ==, expected);
}

static void
test_credit_full (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleInvoice) note = NULL;
  g_autoptr(SettleInvoice) original = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  GDate d = settle_test_date ("2026-01-20");
  SettleId note_id;
  gint64 credited = 0;

  settle_invoice_add_line (inv, "Server migration", 1000, 80000, 825);
  settle_invoice_add_line (inv, "Travel", 1000, 3400, 0);
  issue (f->book, inv, "2026-01-10");
  assert_aging (f->book, "2026-01-15", 90000, 0);

  note_id = settle_credit_note_issue (f->book, inv->id, NULL, &d, "Issued to the wrong client",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpint (note_id, >, 0);
  settle_test_assert_invariants (f->book);

  note = settle_invoice_load (f->book, note_id, &error);
  g_assert_cmpint (note->kind, ==, SETTLE_INVOICE_KIND_CREDIT_NOTE);
  g_assert_cmpstr (note->number, ==, "CN-000001");
  g_assert_cmpint (note->original_id, ==, inv->id);
  g_assert_cmpstr (note->original_number, ==, "INV-000001");
  g_assert_cmpint (note->lines->len, ==, 2);
  g_assert_cmpint (note->total, ==, 90000);
  g_assert_cmpint (note->tax_total, ==, 6600);
  g_assert_cmpstr (note->notes, ==, "Issued to the wrong client");
  g_assert_cmpint (settle_invoice_get_balance (note), ==, 0);

  original = settle_invoice_load (f->book, inv->id, &error);
  g_assert_cmpint (original->status, ==, SETTLE_INVOICE_PAID);
  g_assert_cmpint (settle_invoice_get_balance (original), ==, 0);
  client = settle_client_load (f->book, f->client, &error);
  g_assert_cmpint (client->balance, ==, 0);
  g_assert_cmpint (client->credit, ==, 0);
  g_assert_true (settle_credit_note_credited (f->book, inv->id, &credited, &error));
  g_assert_cmpint (credited, ==, 90000);
  notes = settle_credit_note_list_for (f->book, inv->id, &error);
  g_assert_cmpint (notes->len, ==, 1);

  /* Before the credit note the invoice was open; from its date on, nothing is. */
  assert_aging (f->book, "2026-01-15", 90000, 0);
  assert_aging (f->book, "2026-01-19", 90000, 0);
  assert_aging (f->book, "2026-01-20", 0, 0);
  assert_aging (f->book, "2026-06-30", 0, 0);

  assert_actions (f->book, note_id, "created issued");
  assert_actions (f->book, inv->id, "created issued credited");

  /* Neither can be voided now, and there is nothing left to credit in full. */
  g_assert_false (settle_invoice_void (f->book, note_id, &d, "x", &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (settle_invoice_void (f->book, inv->id, &d, "x", &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (settle_credit_note_issue (f->book, inv->id, NULL, &d, NULL, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  /* A credit note is not credited, and not edited. */
  g_assert_cmpint (settle_credit_note_issue (f->book, note_id, NULL, &d, NULL, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (settle_invoice_save_draft (f->book, note, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
}

/* 10 h × $150.00 at 8.25 % + $500.00 untaxed = $2,000.00 + $123.75 tax = $2,123.75.
 * $500.00 paid; 2 h credited = $300.00 + $24.75 = $324.75; then the rest in full. */
static void
test_credit_partial (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleInvoice) original = NULL;
  g_autoptr(SettleInvoice) note = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  SettleInvoiceLine *two_hours;
  GDate d = settle_test_date ("2026-02-10");
  GDate later = settle_test_date ("2026-02-20");
  SettleId note_id, rest_id;

  settle_invoice_add_line (inv, "Engineering, hours", 10000, 15000, 825);
  settle_invoice_add_line (inv, "Firewall", 1000, 50000, 0);
  issue (f->book, inv, "2026-02-01");
  g_assert_cmpint (inv->total, ==, 212375);
  settle_test_pay (f->book, f->client, "2026-02-05", 50000, inv->id, 50000);

  two_hours = g_new0 (SettleInvoiceLine, 1);
  *two_hours = *(SettleInvoiceLine *) inv->lines->pdata[0];
  two_hours->description = (char *) "Engineering, hours not worked";
  two_hours->quantity_milli = 2000;
  g_ptr_array_add (lines, two_hours);
  note_id = settle_credit_note_issue (f->book, inv->id, lines, &d, "Hours billed twice", &error);
  g_assert_no_error (error);
  settle_test_assert_invariants (f->book);

  note = settle_invoice_load (f->book, note_id, &error);
  g_assert_cmpint (note->total, ==, 32475);
  g_assert_cmpint (note->lines->len, ==, 1);
  g_assert_cmpstr (((SettleInvoiceLine *) note->lines->pdata[0])->description, ==,
                   "Engineering, hours not worked");
  original = settle_invoice_load (f->book, inv->id, &error);
  g_assert_cmpint (original->status, ==, SETTLE_INVOICE_PARTIAL);
  g_assert_cmpint (settle_invoice_get_balance (original), ==, 212375 - 50000 - 32475);

  assert_aging (f->book, "2026-02-03", 212375, 0);
  assert_aging (f->book, "2026-02-07", 162375, 0);
  assert_aging (f->book, "2026-02-10", 129900, 0);

  /* The rest in full: one line for the open balance. */
  rest_id = settle_credit_note_issue (f->book, inv->id, NULL, &later, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&note, settle_invoice_free);
  note = settle_invoice_load (f->book, rest_id, &error);
  g_assert_cmpstr (note->number, ==, "CN-000002");
  g_assert_cmpint (note->total, ==, 129900);
  /* Split like the invoice: $500.00 of $2,123.75 untaxed, the rest at 8.25 %.
   * Untaxed share: 129900 × 50000 / 212375 = 30583.2 → 30583. Taxed share 99317:
   * net 99317 / 1.0825 = 91747.8 → 91748, tax 7569.2 → 7569; 30583 + 91748 + 7569 =
   * 129900, so no rounding line. */
  g_assert_cmpint (note->lines->len, ==, 2);
  g_assert_cmpint (((SettleInvoiceLine *) note->lines->pdata[0])->tax_rate_bp, ==, 0);
  g_assert_cmpint (((SettleInvoiceLine *) note->lines->pdata[0])->net, ==, 30583);
  g_assert_cmpint (((SettleInvoiceLine *) note->lines->pdata[1])->tax_rate_bp, ==, 825);
  g_assert_cmpint (((SettleInvoiceLine *) note->lines->pdata[1])->net, ==, 91748);
  g_assert_cmpint (note->tax_total, ==, 7569);
  g_clear_pointer (&original, settle_invoice_free);
  original = settle_invoice_load (f->book, inv->id, &error);
  g_assert_cmpint (original->status, ==, SETTLE_INVOICE_PAID);
  assert_aging (f->book, "2026-02-15", 129900, 0);
  assert_aging (f->book, "2026-02-20", 0, 0);
}

/* $108.25 with 8.25 % tax, $107.13 paid: $1.12 left. $1.12 / 1.0825 = 103.5 → net 103,
 * tax 8.5 → 8 (half-up): 111, so one cent goes on an untaxed rounding line. */
static void
test_credit_rounding_line (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleInvoice) note = NULL;
  g_autoptr(SettleInvoice) original = NULL;
  g_autoptr(GError) error = NULL;
  GDate d = settle_test_date ("2026-07-10");
  SettleId note_id;

  settle_invoice_add_line (inv, "Managed services", 1000, 10000, 825);
  issue (f->book, inv, "2026-07-01");
  g_assert_cmpint (inv->total, ==, 10825);
  settle_test_pay (f->book, f->client, "2026-07-05", 10713, inv->id, 10713);
  note_id = settle_credit_note_issue (f->book, inv->id, NULL, &d, NULL, &error);
  g_assert_no_error (error);
  note = settle_invoice_load (f->book, note_id, &error);
  g_assert_cmpint (note->total, ==, 112);
  g_assert_cmpint (note->tax_total, ==, 8);
  g_assert_cmpint (note->lines->len, ==, 2);
  g_assert_cmpstr (((SettleInvoiceLine *) note->lines->pdata[1])->description, ==, "Rounding");
  g_assert_cmpint (((SettleInvoiceLine *) note->lines->pdata[1])->net, ==, 1);
  original = settle_invoice_load (f->book, inv->id, &error);
  g_assert_cmpint (original->status, ==, SETTLE_INVOICE_PAID);
  assert_aging (f->book, "2026-07-10", 0, 0);
}

/* $1,000.00 invoiced, $800.00 paid, $500.00 credited: $200.00 closes the invoice,
 * $300.00 becomes the client's credit. */
static void
test_credit_excess (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleInvoice) original = NULL;
  g_autoptr(SettleInvoice) draft = settle_invoice_new (f->client, "USD");
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  SettleInvoiceLine *refund;
  GDate d = settle_test_date ("2026-04-15");
  gint64 invoices_before;

  settle_invoice_add_line (inv, "Onboarding", 1000, 100000, 0);
  issue (f->book, inv, "2026-04-01");
  settle_test_pay (f->book, f->client, "2026-04-10", 80000, inv->id, 80000);

  refund = g_new0 (SettleInvoiceLine, 1);
  refund->description = (char *) "Onboarding, half refunded";
  refund->quantity_milli = 1000;
  refund->unit_price = 50000;
  g_ptr_array_add (lines, refund);
  g_assert_cmpint (settle_credit_note_issue (f->book, inv->id, lines, &d, NULL, &error), >, 0);
  g_assert_no_error (error);
  settle_test_assert_invariants (f->book);

  original = settle_invoice_load (f->book, inv->id, &error);
  g_assert_cmpint (original->status, ==, SETTLE_INVOICE_PAID);
  g_assert_cmpint (original->amount_paid, ==, 100000);
  client = settle_client_load (f->book, f->client, &error);
  g_assert_cmpint (client->balance, ==, 0);
  g_assert_cmpint (client->credit, ==, 30000);

  assert_aging (f->book, "2026-04-12", 20000, 0);
  assert_aging (f->book, "2026-04-15", -30000, 30000);
  assert_aging (f->book, "2026-05-01", -30000, 30000);

  /* No more than what was invoiced can be credited, and nothing half-way is kept. */
  invoices_before = count_rows (f->book, "invoices");
  refund->unit_price = 60000;
  g_assert_cmpint (settle_credit_note_issue (f->book, inv->id, lines, &d, NULL, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at most $500.00"));
  g_clear_error (&error);
  refund->unit_price = 50000;
  refund->quantity_milli = 0;
  g_assert_cmpint (settle_credit_note_issue (f->book, inv->id, lines, &d, NULL, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Line 1: the quantity to credit must be more than zero");
  g_clear_error (&error);
  refund->quantity_milli = 1000;
  refund->tax_rate_bp = 750;
  g_assert_cmpint (settle_credit_note_issue (f->book, inv->id, lines, &d, NULL, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Line 1: tax rate 7.5 % is not in the book's tax rates");
  g_clear_error (&error);
  /* Not before the invoice, and not of a draft. */
  refund->tax_rate_bp = 0;
  d = settle_test_date ("2026-03-31");
  g_assert_cmpint (settle_credit_note_issue (f->book, inv->id, lines, &d, NULL, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Date:"));
  g_clear_error (&error);
  settle_invoice_add_line (draft, "Managed services", 1000, 10000, 0);
  g_assert_true (settle_invoice_save_draft (f->book, draft, &error));
  g_assert_cmpint (settle_credit_note_issue (f->book, draft->id, NULL, &d, NULL, &error), ==, 0);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE);
  g_assert_cmpint (count_rows (f->book, "invoices"), ==, invoices_before + 1);
  {
    g_autoptr(SettleSeries) cn = settle_series_load (f->book, "credit-note", NULL);
    g_assert_cmpint (cn->next_value, ==, 2);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("SETTLE_TODAY", "2026-06-01", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/invoicing/migrate-v1", test_migrate_v1);
  g_test_add ("/invoicing/series-yearly", Fixture, NULL, setup, test_series_yearly, teardown);
  g_test_add ("/invoicing/series-validation", Fixture, NULL, setup, test_series_validation,
              teardown);
  g_test_add ("/invoicing/series-rollback", Fixture, NULL, setup, test_series_rollback, teardown);
  g_test_add ("/invoicing/catalog", Fixture, NULL, setup, test_catalog, teardown);
  g_test_add ("/invoicing/unknown-tax-rate", Fixture, NULL, setup, test_unknown_tax_rate, teardown);
  g_test_add ("/invoicing/discount-rounding", Fixture, NULL, setup, test_discount_rounding,
              teardown);
  g_test_add ("/invoicing/terms-on-issue", Fixture, NULL, setup, test_terms_on_issue, teardown);
  g_test_add ("/invoicing/delete-draft", Fixture, NULL, setup, test_delete_draft, teardown);
  g_test_add_func ("/invoicing/parse-quantity", test_parse_quantity);
  g_test_add ("/invoicing/credit-full", Fixture, NULL, setup, test_credit_full, teardown);
  g_test_add ("/invoicing/credit-partial", Fixture, NULL, setup, test_credit_partial, teardown);
  g_test_add ("/invoicing/credit-rounding-line", Fixture, NULL, setup, test_credit_rounding_line,
              teardown);
  g_test_add ("/invoicing/credit-excess", Fixture, NULL, setup, test_credit_excess, teardown);
  return g_test_run ();
}
