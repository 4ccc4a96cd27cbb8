/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Aging options: custom bucket edges and the invoice-date basis worked out by hand
 * on a small book, the drill-down of its cells, the saved defaults, and every way
 * edges can be written wrong. */
#define G_LOG_DOMAIN "settle-test"

#include "settle-aging.h"
#include "settle-test-util.h"

static void
assert_labels (const SettleAgingReport *r, const char * const *expected)
{
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autofree char *label = settle_aging_bucket_label (r, b);
      g_assert_cmpstr (label, ==, expected[b]);
    }
}

static gint64
entries_sum (GPtrArray *entries)
{
  gint64 sum = 0;

  for (guint i = 0; i < entries->len; i++)
    sum += ((SettleAgingEntry *) entries->pdata[i])->open;
  return sum;
}

/* Every cell of every row, and the totals row, equals its drill-down. */
static void
assert_cells_drill_down (SettleBook *book, const SettleAgingOptions *o, const SettleAgingReport *r)
{
  g_autoptr(GError) error = NULL;

  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autoptr(GPtrArray) all = settle_aging_list_entries (book, o, 0, b, &error);

      g_assert_no_error (error);
      g_assert_cmpint (entries_sum (all), ==, r->totals.buckets[b]);
      for (guint i = 0; i < r->rows->len; i++)
        {
          SettleAgingRow *row = r->rows->pdata[i];
          g_autoptr(GPtrArray) cell = settle_aging_list_entries (book, o, row->client_id, b, &error);

          g_assert_no_error (error);
          g_assert_cmpint (entries_sum (cell), ==, row->buckets[b]);
        }
    }
}

/* The hand-computed book of test-aging.c, plus client B's items on the custom
 * edges. A has terms net 30 (due = issue + 30):
 *   inv1 issued 06-01, due 07-01, $100
 *   inv2 issued 05-31, due 06-30, $200
 *   inv3 issued 05-30, due 06-29, $300
 *   inv4 issued 04-01, due 05-01, $400, $150 paid 06-15 ($250 open)
 *   inv5 issued 03-01, due 03-31, $500
 *   inv6 issued 03-02, due 04-01, $600
 *   inv7 issued 05-01, due 05-31, $700, paid in full 07-01
 * B, net 30: a $50 payment on 06-20 applied to nothing (credit), and
 *   inv8  issued 07-05, due 08-04, $80 (after 06-30)
 *   inv9  issued 05-16, due 06-15, $10
 *   inv10 issued 05-15, due 06-14, $20
 *   inv11 issued 01-30, due 03-01, $40
 *   inv12 issued 01-31, due 03-02, $80
 *   inv13 issued 06-30, due 07-30, $5 */
static SettleBook *
hand_book (char **dir, SettleId *a_out, SettleId *b_out, SettleId *inv)
{
  SettleBook *book = settle_test_new_book (dir);
  SettleId a = settle_test_add_client (book, "A Dental", 30);
  SettleId b = settle_test_add_client (book, "B Realty", 30);

  inv[1] = settle_test_add_invoice (book, a, "2026-06-01", 10000);
  inv[2] = settle_test_add_invoice (book, a, "2026-05-31", 20000);
  inv[3] = settle_test_add_invoice (book, a, "2026-05-30", 30000);
  inv[4] = settle_test_add_invoice (book, a, "2026-04-01", 40000);
  inv[5] = settle_test_add_invoice (book, a, "2026-03-01", 50000);
  inv[6] = settle_test_add_invoice (book, a, "2026-03-02", 60000);
  inv[7] = settle_test_add_invoice (book, a, "2026-05-01", 70000);
  settle_test_pay (book, a, "2026-06-15", 15000, inv[4], 15000);
  settle_test_pay (book, a, "2026-07-01", 70000, inv[7], 70000);
  settle_test_pay (book, b, "2026-06-20", 5000, 0, 0);
  inv[8] = settle_test_add_invoice (book, b, "2026-07-05", 8000);
  inv[9] = settle_test_add_invoice (book, b, "2026-05-16", 1000);
  inv[10] = settle_test_add_invoice (book, b, "2026-05-15", 2000);
  inv[11] = settle_test_add_invoice (book, b, "2026-01-30", 4000);
  inv[12] = settle_test_add_invoice (book, b, "2026-01-31", 8000);
  inv[13] = settle_test_add_invoice (book, b, "2026-06-30", 500);
  settle_test_assert_invariants (book);
  *a_out = a;
  *b_out = b;
  return book;
}

static void
test_custom_edges (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  SettleId a, b, inv[14];
  g_autoptr(SettleBook) book = hand_book (&dir, &a, &b, inv);
  SettleAgingOptions o;
  GDate d = settle_test_date ("2026-06-30");

  settle_aging_options_init (&o, book, &d);
  o.edges[0] = 15;
  o.edges[1] = 45;
  o.edges[2] = 120;

  /* 06-30 by due date, edges 15, 45, 120 (days past due = 06-30 − due):
   *   Current (<= 0): inv1 −1 $100, inv2 0 $200, inv13 −30 $5            = 305
   *   1–15:   inv3 1 $300, inv9 15 $10 (the edge itself)                  = 310
   *   16–45:  inv7 30 $700 (paid the day after), inv10 16 $20             = 720
   *   46–120: inv4 60 $250, inv5 91 $500, inv6 90 $600, inv12 120 $80     = 1430
   *   121+:   inv11 121 $40                                               = 40
   * credit $50; balance 305 + 310 + 720 + 1430 + 40 − 50 = 2755. Historical path
   * (inv7's payment and inv8 are later). */
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute_with (book, &o, &error);
    const char *labels[] = { "Current", "1–15", "16–45", "46–120", "121+" };

    g_assert_no_error (error);
    settle_test_assert_aging_totals (r, 30500, 31000, 72000, 143000, 4000, 5000, 275500);
    settle_test_assert_aging_matches_ledger (book, r);
    assert_labels (r, labels);
    g_assert_cmpuint (r->rows->len, ==, 2);
    assert_cells_drill_down (book, &o, r);
  }
  /* The drill-down of A's 46–120 cell: inv5 (due 03-31), inv6 (04-01), inv4 (05-01),
   * oldest due first, with their days and what was open on 06-30. */
  {
    g_autoptr(GPtrArray) e = settle_aging_list_entries (book, &o, a, 3, &error);
    SettleAgingEntry *e0, *e2;

    g_assert_no_error (error);
    g_assert_cmpuint (e->len, ==, 3);
    e0 = e->pdata[0];
    e2 = e->pdata[2];
    g_assert_cmpint (e0->invoice_id, ==, inv[5]);
    g_assert_cmpint (((SettleAgingEntry *) e->pdata[1])->invoice_id, ==, inv[6]);
    g_assert_cmpint (e2->invoice_id, ==, inv[4]);
    g_assert_cmpint (e0->days, ==, 91);
    g_assert_cmpint (e2->days, ==, 60);
    g_assert_cmpint (e2->bucket, ==, 3);
    g_assert_cmpint (e2->total, ==, 40000);
    g_assert_cmpint (e2->open, ==, 25000);
    g_assert_cmpint (e2->client_id, ==, a);
    g_assert_cmpstr (e2->client_name, ==, "A Dental");
    g_assert_nonnull (e2->number);
    g_assert_cmpint (g_date_get_day (&e2->due_date), ==, 1);
    g_assert_cmpint (g_date_get_month (&e2->due_date), ==, 5);
    g_assert_cmpint (g_date_get_month (&e2->issue_date), ==, 4);
  }
  /* All of B, every bucket: inv11 (due 03-01) first, inv13 (07-30) last; inv8 is
   * not issued yet on 06-30. */
  {
    g_autoptr(GPtrArray) e = settle_aging_list_entries (book, &o, b, -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (e->len, ==, 5);
    g_assert_cmpint (((SettleAgingEntry *) e->pdata[0])->invoice_id, ==, inv[11]);
    g_assert_cmpint (((SettleAgingEntry *) e->pdata[0])->days, ==, 121);
    g_assert_cmpint (((SettleAgingEntry *) e->pdata[0])->bucket, ==, 4);
    g_assert_cmpint (((SettleAgingEntry *) e->pdata[4])->invoice_id, ==, inv[13]);
    g_assert_cmpint (((SettleAgingEntry *) e->pdata[4])->days, ==, -30);
    g_assert_cmpint (entries_sum (e), ==, 15500);
  }

  /* By invoice date, the same edges (days since issue = 06-30 − issue):
   *   Today (0): inv13 0 $5                                               = 5
   *   1–15:   nothing                                                     = 0
   *   16–45:  inv1 29 $100, inv2 30 $200, inv3 31 $300, inv9 45 $10       = 610
   *   46–120: inv4 90 $250, inv6 120 $600, inv7 60 $700, inv10 46 $20     = 1570
   *   121+:   inv5 121 $500, inv11 151 $40, inv12 150 $80                 = 620 */
  o.basis = SETTLE_AGING_BY_INVOICE_DATE;
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute_with (book, &o, &error);
    g_autoptr(GPtrArray) today = NULL;
    const char *labels[] = { "Today", "1–15", "16–45", "46–120", "121+" };

    g_assert_no_error (error);
    settle_test_assert_aging_totals (r, 500, 0, 61000, 157000, 62000, 5000, 275500);
    settle_test_assert_aging_matches_ledger (book, r);
    assert_labels (r, labels);
    assert_cells_drill_down (book, &o, r);
    today = settle_aging_list_entries (book, &o, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (today->len, ==, 1);
    g_assert_cmpint (((SettleAgingEntry *) today->pdata[0])->invoice_id, ==, inv[13]);
    g_assert_cmpint (((SettleAgingEntry *) today->pdata[0])->days, ==, 0);
  }

  /* 07-10, nothing later: the cached balances, by due date:
   *   Current: inv8 due 08-04 $80, inv13 due 07-30 $5                    = 85
   *   1–15:   inv1 9 $100, inv2 10 $200, inv3 11 $300                     = 600
   *   16–45:  inv9 25 $10, inv10 26 $20                                   = 30
   *   46–120: inv4 70 $250, inv5 101 $500, inv6 100 $600                  = 1350
   *   121+:   inv11 131 $40, inv12 130 $80                                = 120
   * inv7 paid; credit $50; balance 2185 − 50 = 2135. */
  o.basis = SETTLE_AGING_BY_DUE_DATE;
  o.as_of = settle_test_date ("2026-07-10");
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute_with (book, &o, &error);

    g_assert_no_error (error);
    settle_test_assert_aging_totals (r, 8500, 60000, 3000, 135000, 12000, 5000, 213500);
    settle_test_assert_aging_matches_ledger (book, r);
    assert_cells_drill_down (book, &o, r);
  }
  /* The old entry point keeps 30/60/90: 1–30: 600 + 30; 61–90: 250; 91+: 1100 + 120. */
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute (book, &o.as_of,
                                                           SETTLE_AGING_BY_DUE_DATE, NULL, &error);

    g_assert_no_error (error);
    settle_test_assert_aging_totals (r, 8500, 63000, 0, 25000, 122000, 5000, 213500);
    g_assert_cmpint (r->edges[0], ==, 30);
    g_assert_cmpint (r->edges[2], ==, 90);
  }
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_bucket_for_days (void)
{
  const int edges[] = { 15, 45, 120 };
  const struct { int days, bucket; } cases[] = {
    { -400, 0 }, { -1, 0 }, { 0, 0 }, { 1, 1 }, { 15, 1 }, { 16, 2 }, { 45, 2 },
    { 46, 3 }, { 120, 3 }, { 121, 4 }, { 5000, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (settle_aging_bucket_for_days (edges, cases[i].days), ==, cases[i].bucket);
}

static void
test_saved_options (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  SettleAgingOptions o, back;
  GDate d = settle_test_date ("2026-03-15"), today;

  /* A new book: due date, 30/60/90, the book's currency, today. */
  settle_aging_options_init (&o, book, NULL);
  settle_today (&today);
  g_assert_cmpint (g_date_compare (&o.as_of, &today), ==, 0);
  g_assert_cmpint (o.basis, ==, SETTLE_AGING_BY_DUE_DATE);
  g_assert_cmpint (o.edges[0], ==, 30);
  g_assert_cmpint (o.edges[1], ==, 60);
  g_assert_cmpint (o.edges[2], ==, 90);
  g_assert_cmpstr (o.currency, ==, "");

  o.basis = SETTLE_AGING_BY_INVOICE_DATE;
  o.edges[0] = 7;
  o.edges[1] = 14;
  o.edges[2] = 3650;
  g_assert_true (settle_aging_options_save (book, &o, &error));
  g_assert_no_error (error);
  {
    g_autofree char *basis = settle_book_get_setting (book, "aging.basis");
    g_autofree char *edges = settle_book_get_setting (book, "aging.edges");

    g_assert_cmpstr (basis, ==, "invoice");
    g_assert_cmpstr (edges, ==, "7,14,3650");
  }
  settle_aging_options_init (&back, book, &d);
  g_assert_cmpint (g_date_compare (&back.as_of, &d), ==, 0);
  g_assert_cmpint (back.basis, ==, SETTLE_AGING_BY_INVOICE_DATE);
  g_assert_cmpint (back.edges[0], ==, 7);
  g_assert_cmpint (back.edges[1], ==, 14);
  g_assert_cmpint (back.edges[2], ==, 3650);
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute_with (book, &back, &error);
    const char *labels[] = { "Today", "1–7", "8–14", "15–3650", "3651+" };

    g_assert_no_error (error);
    assert_labels (r, labels);
  }

  /* Refused edges leave the saved ones alone. */
  o.edges[1] = 7;
  g_assert_false (settle_aging_options_save (book, &o, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Bucket edges must go up: 7 after 7");
  g_clear_error (&error);
  {
    g_autoptr(SettleAgingReport) r = settle_aging_compute_with (book, &o, &error);

    g_assert_null (r);
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(GPtrArray) e = settle_aging_list_entries (book, &o, 0, -1, &error);

    g_assert_null (e);
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
    g_clear_error (&error);
  }
  settle_aging_options_init (&back, book, &d);
  g_assert_cmpint (back.edges[1], ==, 14);

  /* A setting damaged by hand falls back to the default, with a warning. */
  g_assert_true (settle_book_set_setting (book, "aging.edges", "30,sixty,90", &error));
  g_assert_true (settle_book_set_setting (book, "aging.basis", "sideways", &error));
  g_assert_no_error (error);
  g_test_expect_message ("settle-core", G_LOG_LEVEL_WARNING, "*aging.basis*sideways*");
  g_test_expect_message ("settle-core", G_LOG_LEVEL_WARNING, "*aging.edges*sixty*");
  settle_aging_options_init (&back, book, &d);
  g_test_assert_expected_messages ();
  g_assert_cmpint (back.basis, ==, SETTLE_AGING_BY_DUE_DATE);
  g_assert_cmpint (back.edges[0], ==, 30);
  g_assert_cmpint (back.edges[1], ==, 60);
  g_assert_cmpint (back.edges[2], ==, 90);

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_parse_edges (void)
{
  const struct
  {
    const char *text;
    const char *message; /* NULL = parses */
    int         edges[3];
  } cases[] = {
    { "30,60,90", NULL, { 30, 60, 90 } },
    { " 15 , 45 ,120 ", NULL, { 15, 45, 120 } },
    { "1,2,3650", NULL, { 1, 2, 3650 } },
    { "007,14,21", NULL, { 7, 14, 21 } },
    { "", "No bucket edges given: write 3 numbers of days, like “30,60,90”", { 0 } },
    { "  ", "No bucket edges given: write 3 numbers of days, like “30,60,90”", { 0 } },
    { "30,60", "Bucket edges need 3 numbers of days, like “30,60,90”; “30,60” has 2", { 0 } },
    { "30,60,90,120", "Bucket edges need 3 numbers of days, like “30,60,90”; “30,60,90,120” has 4",
      { 0 } },
    { "30;60;90", "Bucket edges need 3 numbers of days, like “30,60,90”; “30;60;90” has 1", { 0 } },
    { "30,,90", "A bucket edge is missing in “30,,90”", { 0 } },
    { "30,abc,90", "Bucket edge “abc” is not a whole number of days", { 0 } },
    { "30,-5,90", "Bucket edge “-5” is not a whole number of days", { 0 } },
    { "30,60.5,90", "Bucket edge “60.5” is not a whole number of days", { 0 } },
    { "30,+60,90", "Bucket edge “+60” is not a whole number of days", { 0 } },
    { "30d,60,90", "Bucket edge “30d” is not a whole number of days", { 0 } },
    { "0,60,90", "Bucket edge 0 is out of range: use 1 to 3650 days", { 0 } },
    { "30,60,3651", "Bucket edge 3651 is out of range: use 1 to 3650 days", { 0 } },
    { "30,60,99999999999999999999", "Bucket edge 99999999999999999999 is out of range: use 1 to 3650 days",
      { 0 } },
    { "30,90,60", "Bucket edges must go up: 60 after 90", { 0 } },
    { "30,30,90", "Bucket edges must go up: 30 after 30", { 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int edges[3] = { -1, -1, -1 };
      gboolean ok = settle_aging_parse_edges (cases[i].text, edges, &error);

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          for (int e = 0; e < 3; e++)
            g_assert_cmpint (edges[e], ==, cases[i].edges[e]);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, cases[i].message);
          /* Nothing written on failure. */
          for (int e = 0; e < 3; e++)
            g_assert_cmpint (edges[e], ==, -1);
        }
    }
  {
    g_autoptr(GError) error = NULL;
    int edges[3];

    g_assert_false (settle_aging_parse_edges (NULL, edges, &error));
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/aging-options/custom-edges", test_custom_edges);
  g_test_add_func ("/aging-options/bucket-for-days", test_bucket_for_days);
  g_test_add_func ("/aging-options/saved", test_saved_options);
  g_test_add_func ("/aging-options/parse-edges", test_parse_edges);
  return g_test_run ();
}
