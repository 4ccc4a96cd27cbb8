/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include "settle-demo.h"
#include "settle-list-query.h"
#include "settle-test-util.h"

static SettleBook *book;
static char *dir;

static int
compare_key (const SettleInvoiceSummary *a, const SettleInvoiceSummary *b, SettleInvoiceSort sort)
{
  switch (sort)
    {
    case SETTLE_INVOICE_SORT_NUMBER:
      return g_strcmp0 (a->number, b->number);
    case SETTLE_INVOICE_SORT_CLIENT:
      return g_ascii_strcasecmp (a->client_name, b->client_name);
    case SETTLE_INVOICE_SORT_ISSUE_DATE:
      if (!g_date_valid (&a->issue_date) || !g_date_valid (&b->issue_date))
        return g_date_valid (&a->issue_date) - g_date_valid (&b->issue_date);
      return g_date_compare (&a->issue_date, &b->issue_date);
    case SETTLE_INVOICE_SORT_DUE_DATE:
      if (!g_date_valid (&a->due_date) || !g_date_valid (&b->due_date))
        return g_date_valid (&a->due_date) - g_date_valid (&b->due_date);
      return g_date_compare (&a->due_date, &b->due_date);
    case SETTLE_INVOICE_SORT_TOTAL:
      return (a->total > b->total) - (a->total < b->total);
    case SETTLE_INVOICE_SORT_BALANCE:
      return ((a->total - a->amount_paid) > (b->total - b->amount_paid)) -
             ((a->total - a->amount_paid) < (b->total - b->amount_paid));
    case SETTLE_INVOICE_SORT_STATUS:
      return g_strcmp0 (settle_invoice_status_to_string (a->status),
                        settle_invoice_status_to_string (b->status));
    default:
      g_assert_not_reached ();
    }
}

/* Paging by keyset and by offset yields the same rows, every row once, in order. */
static void
test_invoice_paging (void)
{
  for (int sort = SETTLE_INVOICE_SORT_NUMBER; sort <= SETTLE_INVOICE_SORT_STATUS; sort++)
    for (int desc = 0; desc <= 1; desc++)
      {
        SettleInvoiceQuery q = { .sort = sort, .descending = desc };
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) keyset = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_invoice_summary_free);
        g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
        guint n = 0, offset = 0;

        g_assert_true (settle_invoice_query_count (book, &q, &n, &error));
        g_assert_cmpuint (n, ==, 1500);
        for (;;)
          {
            const SettleInvoiceSummary *after = keyset->len ? keyset->pdata[keyset->len - 1] : NULL;
            g_autoptr(GPtrArray) page = settle_invoice_query_page (book, &q, after, 0, 97, &error);
            g_autoptr(GPtrArray) by_offset = settle_invoice_query_page (book, &q, NULL, offset, 97,
                                                                        &error);
            g_assert_no_error (error);
            g_assert_cmpuint (page->len, ==, by_offset->len);
            for (guint i = 0; i < page->len; i++)
              g_assert_cmpint (((SettleInvoiceSummary *) page->pdata[i])->id, ==,
                               ((SettleInvoiceSummary *) by_offset->pdata[i])->id);
            if (page->len == 0)
              break;
            offset += page->len;
            for (guint i = 0; i < page->len; i++)
              g_ptr_array_add (keyset, g_steal_pointer (&page->pdata[i]));
            page->len = 0;
          }
        g_assert_cmpuint (keyset->len, ==, n);
        for (guint i = 0; i < keyset->len; i++)
          {
            SettleInvoiceSummary *row = keyset->pdata[i];
            g_assert_false (g_hash_table_contains (seen, &row->id));
            g_hash_table_add (seen, &row->id);
            if (i > 0)
              {
                int cmp = compare_key (keyset->pdata[i - 1], row, sort);
                if (sort != SETTLE_INVOICE_SORT_CLIENT) /* collation differs from ASCII folding */
                  g_assert_cmpint (desc ? -cmp : cmp, <=, 0);
              }
          }
      }
}

static void
test_invoice_search (void)
{
  g_autoptr(GError) error = NULL;
  SettleInvoiceQuery q = { .sort = SETTLE_INVOICE_SORT_NUMBER, .search = (char *) "INV-00001" };
  g_autoptr(GPtrArray) page = NULL;
  guint n = 0;

  g_assert_true (settle_invoice_query_count (book, &q, &n, &error));
  g_assert_cmpuint (n, ==, 10); /* INV-000010 … INV-000019 */
  page = settle_invoice_query_page (book, &q, NULL, 0, 100, &error);
  g_assert_cmpuint (page->len, ==, 10);
  g_assert_cmpstr (((SettleInvoiceSummary *) page->pdata[0])->number, ==, "INV-000010");

  /* Wildcards typed by the user are literal. */
  q.search = (char *) "%";
  g_assert_true (settle_invoice_query_count (book, &q, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_client_paging (void)
{
  for (int sort = SETTLE_CLIENT_SORT_NAME; sort <= SETTLE_CLIENT_SORT_TERMS; sort++)
    {
      SettleClientQuery q = { .sort = sort, .descending = sort == SETTLE_CLIENT_SORT_BALANCE };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) all = settle_client_query_page (book, &q, NULL, 0, 1000, &error);
      g_autoptr(GPtrArray) first = settle_client_query_page (book, &q, NULL, 0, 7, &error);
      g_autoptr(GPtrArray) next = settle_client_query_page (book, &q, first->pdata[6], 0, 7, &error);
      guint n = 0;

      g_assert_true (settle_client_query_count (book, &q, &n, &error));
      g_assert_cmpuint (n, ==, 20);
      g_assert_cmpuint (all->len, ==, 20);
      for (guint i = 0; i < 7; i++)
        g_assert_cmpint (((SettleClientSummary *) next->pdata[i])->id, ==,
                         ((SettleClientSummary *) all->pdata[7 + i])->id);
      if (sort == SETTLE_CLIENT_SORT_BALANCE)
        for (guint i = 1; i < all->len; i++)
          g_assert_cmpint (((SettleClientSummary *) all->pdata[i - 1])->balance, >=,
                           ((SettleClientSummary *) all->pdata[i])->balance);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  SettleDemoOptions opt;
  int rc;

  g_test_init (&argc, &argv, NULL);
  book = settle_test_new_book (&dir);
  settle_demo_options_init (&opt);
  opt.n_clients = 20;
  opt.n_invoices = 1500;
  opt.today = settle_test_date ("2026-11-23");
  g_assert_true (settle_demo_generate (book, &opt, NULL, NULL, &error));

  g_test_add_func ("/list-query/invoice-paging", test_invoice_paging);
  g_test_add_func ("/list-query/invoice-search", test_invoice_search);
  g_test_add_func ("/list-query/client-paging", test_client_paging);
  rc = g_test_run ();
  g_clear_object (&book);
  settle_test_remove_dir (dir);
  g_free (dir);
  return rc;
}
