/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-aging.h"
#include "settle-credit-note.h"
#include "settle-dashboard.h"
#include "settle-dunning.h"
#include "settle-instalment-plan.h"
#include "settle-metrics.h"
#include "settle-payment.h"
#include "settle-test-util.h"

/* Dollars in the comments, cents in the code. */
#define USD(x) ((gint64) (x) * 100)

static void
test_round_ratio (void)
{
  /* Half-up = 0.5 away from zero, from the exact product. */
  g_assert_cmpint (settle_metrics_round_ratio (1, 1, 2), ==, 1);
  g_assert_cmpint (settle_metrics_round_ratio (-1, 1, 2), ==, -1);
  g_assert_cmpint (settle_metrics_round_ratio (-3, 1, 2), ==, -2);
  g_assert_cmpint (settle_metrics_round_ratio (1, 1, 3), ==, 0);
  g_assert_cmpint (settle_metrics_round_ratio (2, 1, 3), ==, 1);
  g_assert_cmpint (settle_metrics_round_ratio (-1, 1, 3), ==, 0);
  g_assert_cmpint (settle_metrics_round_ratio (-2, 1, 3), ==, -1);
  g_assert_cmpint (settle_metrics_round_ratio (5, 1, -2), ==, -3);
  g_assert_cmpint (settle_metrics_round_ratio (-7, 100, 2), ==, -350);
  g_assert_cmpint (settle_metrics_round_ratio (0, 12345, 7), ==, 0);
  /* 1,234,567 × 9,100 ÷ 1,600,000 = 7021.5998 */
  g_assert_cmpint (settle_metrics_round_ratio (1234567, 9100, 1600000), ==, 7022);
  /* 6654.375 and 5886.5625 (the DSOs of the hand book below) */
  g_assert_cmpint (settle_metrics_round_ratio (1170000, 9100, 1600000), ==, 6654);
  g_assert_cmpint (settle_metrics_round_ratio (2070000, 9100, 3200000), ==, 5887);
  /* The product does not fit 64 bits, the quotient does. */
  g_assert_cmpint (settle_metrics_round_ratio (G_MAXINT64, G_MAXINT64, G_MAXINT64), ==, G_MAXINT64);
  g_assert_cmpint (settle_metrics_round_ratio (G_MAXINT64, 4, 8), ==, G_MAXINT64 / 2 + 1);
  /* Saturates when the quotient does not fit. */
  g_assert_cmpint (settle_metrics_round_ratio (G_MAXINT64, 2, 1), ==, G_MAXINT64);
  g_assert_cmpint (settle_metrics_round_ratio (G_MININT64, 2, 1), ==, G_MININT64);
  g_assert_cmpint (settle_metrics_round_ratio (G_MAXINT64, -2, 1), ==, G_MININT64);
  g_assert_cmpint (settle_metrics_round_ratio (G_MAXINT64, 2, -1), ==, G_MININT64);
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = settle_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

static void
assert_months_back (const char *from,
                    int         months,
                    const char *expected)
{
  GDate d = settle_test_date (from);

  settle_metrics_months_back (&d, months);
  assert_date (&d, expected);
}

static void
test_period (void)
{
  GDate as_of, start;
  int days;

  /* End-of-month sticky, else the same day clamped. */
  assert_months_back ("2026-06-30", 3, "2026-03-31");
  assert_months_back ("2026-02-28", 3, "2025-11-30");
  assert_months_back ("2026-03-30", 1, "2026-02-28");
  assert_months_back ("2024-03-31", 1, "2024-02-29");
  assert_months_back ("2024-02-28", 12, "2023-02-28");
  assert_months_back ("2024-02-29", 12, "2023-02-28");
  assert_months_back ("2026-05-15", 3, "2026-02-15");
  assert_months_back ("2026-05-31", 1, "2026-04-30");
  assert_months_back ("2026-01-31", 2, "2025-11-30");

  as_of = settle_test_date ("2026-06-30");
  settle_metrics_period (&as_of, 3, &start, &days);
  assert_date (&start, "2026-04-01");
  g_assert_cmpint (days, ==, 91);
  /* Aug 24–31 (8) + Sep (30) + Oct (31) + Nov 1–23 (23) */
  as_of = settle_test_date ("2026-11-23");
  settle_metrics_period (&as_of, 3, &start, &days);
  assert_date (&start, "2026-08-24");
  g_assert_cmpint (days, ==, 92);
  as_of = settle_test_date ("2026-02-28");
  settle_metrics_period (&as_of, 1, &start, &days);
  assert_date (&start, "2026-02-01");
  g_assert_cmpint (days, ==, 28);
}

typedef struct
{
  char       *dir;
  SettleBook *book;
  SettleId    a, b, c, d, e, f;
} HandBook;

static SettleId
invoice (HandBook   *h,
         SettleId    client,
         const char *date,
         gint64      dollars)
{
  return settle_test_add_invoice (h->book, client, date, USD (dollars));
}

static SettleId
pay (HandBook   *h,
     SettleId    client,
     const char *date,
     gint64      dollars,
     SettleId    invoice_id)
{
  return settle_test_pay (h->book, client, date, USD (dollars), invoice_id,
                          invoice_id != 0 ? USD (dollars) : 0);
}

/* The hand book. Six clients, all net 30 (due = issue + 30 days), amounts in dollars.
 * Events in date order:
 *
 *   2025-09-01  B0  Bravo    $1,000 issued (due 10-01)
 *   2025-11-10       Bravo pays B0 (70 days to pay, 40 late)
 *   2026-02-01  A1  Alpha    $1,000 (due 03-03)
 *   2026-02-10  B1  Bravo    $2,000 (due 03-12)
 *   2026-02-15  C1  Charlie  $3,000 (due 03-17)
 *   2026-03-01       Alpha pays A1 (28 days, on time); A2 Alpha $1,000 (due 03-31)
 *   2026-03-05  D1  Delta    $800 (due 04-04)
 *   2026-03-10  B2  Bravo    $2,000 (due 04-09)
 *   2026-03-20  E1  Echo     $1,200 (due 04-19)
 *   2026-03-30       Alpha pays A2 (29 days, on time)
 *   2026-04-01  A3  Alpha    $1,000 (due 05-01); Bravo pays B1 (50 days, 20 late)
 *   2026-04-04       Delta pays D1 by check (closes it)
 *   2026-04-05  D2  Delta    $800 (due 05-05)
 *   2026-04-10  B3  Bravo    $2,000 (due 05-10); credit note CN on E1 for its $1,200
 *                            (E1 settled 04-10: 21 days, on time)
 *   2026-04-15       Charlie pays $1,000 of C1 (partial); C2 Charlie $1,500 (due 05-15)
 *   2026-04-20       Delta's check bounces: D1 open again; E2 Echo $1,200 (due 05-20)
 *   2026-04-29       Bravo pays B2 (50 days, 20 late)
 *   2026-04-30       Alpha pays A3 (29 days, on time)
 *   2026-05-01  A4  Alpha    $1,000 (due 05-31); F2 Foxtrot $400 (due 05-31)
 *   2026-05-04       Delta pays $1,600: D1 (60 days, 30 late) and D2 (29 days, on time)
 *   2026-05-05  D3  Delta    $800 (due 06-04)
 *   2026-05-10  B4  Bravo    $2,000 (due 06-09)
 *   2026-05-15       Charlie pays C2 (30 days, on time, paid on the due date)
 *   2026-05-20  E3  Echo     $1,200 (due 06-19)
 *   2026-05-31       Alpha pays A4 (30 days, on time)
 *   2026-06-01  A5  Alpha    $1,000 (due 07-01)
 *   2026-06-05  F1  Foxtrot  $600 (due 07-05)
 *   2026-06-09       Bravo pays B3 (60 days, 30 late)
 *   2026-06-10  B5  Bravo    $2,000 (due 07-10)
 *   2026-06-15  C3  Charlie  $500 (due 07-15)
 *   2026-06-19       Echo pays E2 (60 days, 30 late)
 *   2026-06-20  E4  Echo     $1,200 (due 07-20)
 *   2026-06-25       Foxtrot pays $100 applied to nothing (credit); F2 is disputed
 */
static void
hand_book_init (HandBook *h)
{
  g_autoptr(GError) error = NULL;
  SettleId b0, a1, a2, a3, a4, b1, b2, b3, c1, c2, d1, d2, e1, e2, f2, check, p;
  GDate on;

  h->book = settle_test_new_book (&h->dir);
  h->a = settle_test_add_client (h->book, "Alpha Dental", 30);
  h->b = settle_test_add_client (h->book, "Bravo Logistics", 30);
  h->c = settle_test_add_client (h->book, "Charlie Law", 30);
  h->d = settle_test_add_client (h->book, "Delta Realty", 30);
  h->e = settle_test_add_client (h->book, "Echo Clinic", 30);
  h->f = settle_test_add_client (h->book, "Foxtrot Farms", 30);

  b0 = invoice (h, h->b, "2025-09-01", 1000);
  pay (h, h->b, "2025-11-10", 1000, b0);
  a1 = invoice (h, h->a, "2026-02-01", 1000);
  b1 = invoice (h, h->b, "2026-02-10", 2000);
  c1 = invoice (h, h->c, "2026-02-15", 3000);
  pay (h, h->a, "2026-03-01", 1000, a1);
  a2 = invoice (h, h->a, "2026-03-01", 1000);
  d1 = invoice (h, h->d, "2026-03-05", 800);
  b2 = invoice (h, h->b, "2026-03-10", 2000);
  e1 = invoice (h, h->e, "2026-03-20", 1200);
  pay (h, h->a, "2026-03-30", 1000, a2);
  a3 = invoice (h, h->a, "2026-04-01", 1000);
  pay (h, h->b, "2026-04-01", 2000, b1);
  check = pay (h, h->d, "2026-04-04", 800, d1);
  d2 = invoice (h, h->d, "2026-04-05", 800);
  b3 = invoice (h, h->b, "2026-04-10", 2000);
  on = settle_test_date ("2026-04-10");
  g_assert_cmpint (settle_credit_note_issue (h->book, e1, NULL, &on, "Service not delivered",
                                             &error), !=, 0);
  g_assert_no_error (error);
  pay (h, h->c, "2026-04-15", 1000, c1);
  c2 = invoice (h, h->c, "2026-04-15", 1500);
  on = settle_test_date ("2026-04-20");
  g_assert_true (settle_payment_reverse (h->book, check, &on, "Bounced check", 0, NULL, &error));
  g_assert_no_error (error);
  e2 = invoice (h, h->e, "2026-04-20", 1200);
  pay (h, h->b, "2026-04-29", 2000, b2);
  pay (h, h->a, "2026-04-30", 1000, a3);
  a4 = invoice (h, h->a, "2026-05-01", 1000);
  f2 = invoice (h, h->f, "2026-05-01", 400);
  p = pay (h, h->d, "2026-05-04", 1600, 0);
  settle_payment_apply (h->book, p, d1, USD (800), NULL, &error);
  g_assert_no_error (error);
  settle_payment_apply (h->book, p, d2, USD (800), NULL, &error);
  g_assert_no_error (error);
  invoice (h, h->d, "2026-05-05", 800);
  invoice (h, h->b, "2026-05-10", 2000);
  pay (h, h->c, "2026-05-15", 1500, c2);
  invoice (h, h->e, "2026-05-20", 1200);
  pay (h, h->a, "2026-05-31", 1000, a4);
  invoice (h, h->a, "2026-06-01", 1000);
  invoice (h, h->f, "2026-06-05", 600);
  pay (h, h->b, "2026-06-09", 2000, b3);
  invoice (h, h->b, "2026-06-10", 2000);
  invoice (h, h->c, "2026-06-15", 500);
  pay (h, h->e, "2026-06-19", 1200, e2);
  invoice (h, h->e, "2026-06-20", 1200);
  pay (h, h->f, "2026-06-25", 100, 0);
  g_assert_true (settle_dunning_set_disputed (h->book, f2, TRUE, "Wrong site", &error));
  g_assert_no_error (error);
  settle_test_assert_invariants (h->book);
}

static void
hand_book_clear (HandBook *h)
{
  g_clear_object (&h->book);
  settle_test_remove_dir (h->dir);
  g_free (h->dir);
}

/* As of 2026-06-30, 3 months: the period is 2026-04-01 to 06-30, 91 days.
 *
 * Open on 06-30 (days past due):
 *   A5 1,000 (current)  B4 2,000 (21)  B5 2,000 (current)  C1 2,000 (105)
 *   C3 500 (current)    D3 800 (26)    E3 1,200 (11)       E4 1,200 (current)
 *   F1 600 (current)    F2 400 (30)
 *   ending AR 11,700; current 1,000+2,000+500+1,200+600 = 5,300; overdue 6,400.
 *   Unapplied credit: Foxtrot's 100.
 * Beginning AR (open at the end of 03-31): B1 2,000, B2 2,000, C1 3,000, D1 800,
 *   E1 1,200 = 9,000.
 * Credit sales 04-01..06-30: April A3 1,000 + B3 2,000 + C2 1,500 + D2 800 + E2 1,200
 *   − the credit note 1,200 = 5,300; May A4 1,000 + F2 400 + D3 800 + B4 2,000 +
 *   E3 1,200 = 5,400; June A5 1,000 + F1 600 + B5 2,000 + C3 500 + E4 1,200 = 5,300;
 *   16,000 in all.
 * DSO simple   = 11,700 ÷ 16,000 × 91 = 66.54375        -> 6654
 * DSO average  = (9,000 + 11,700) ÷ 2 ÷ 16,000 × 91 = 58.865625 -> 5887
 * Best DSO     = 5,300 ÷ 16,000 × 91 = 30.14375          -> 3014
 * ADD          = 6654 − 3014 = 3640
 * ADD weighted = (2,000×21 + 2,000×105 + 800×26 + 1,200×11 + 400×30) ÷ 6,400
 *              = 298,000 ÷ 6,400 = 46.5625               -> 4656
 * Countback: June (30 days) 11,700 > 5,300 -> 6,400 left, 30 days; May (31 days)
 *   6,400 > 5,400 -> 1,000 left, 61 days; April (30 days) 1,000 ÷ 5,300 × 30 =
 *   5.660377 -> 61.00 + 5.66 = 6666
 * CEI = (3×9,000 + 16,000 − 3×11,700) ÷ (3×9,000 + 16,000 − 3×5,300)
 *     = 7,900 ÷ 27,100 = 29.1513 %                       -> 2915 bp */
static void
assert_hand_metrics (const SettleMetrics *m)
{
  assert_date (&m->as_of, "2026-06-30");
  assert_date (&m->period_start, "2026-04-01");
  g_assert_cmpint (m->period_days, ==, 91);
  g_assert_cmpint (m->period_months, ==, 3);
  g_assert_cmpstr (m->currency, ==, "USD");
  g_assert_cmpint (m->beginning_ar, ==, USD (9000));
  g_assert_cmpint (m->ending_ar, ==, USD (11700));
  g_assert_cmpint (m->ending_current_ar, ==, USD (5300));
  g_assert_cmpint (m->ending_overdue_ar, ==, USD (6400));
  g_assert_cmpint (m->unapplied_credit, ==, USD (100));
  g_assert_cmpint (m->credit_sales, ==, USD (16000));
  g_assert_true (m->dso_defined);
  g_assert_cmpint (m->dso_simple_x100, ==, 6654);
  g_assert_cmpint (m->dso_average_x100, ==, 5887);
  g_assert_cmpint (m->dso_countback_x100, ==, 6666);
  g_assert_cmpint (m->best_dso_x100, ==, 3014);
  g_assert_cmpint (m->add_x100, ==, 3640);
  g_assert_true (m->add_weighted_defined);
  g_assert_cmpint (m->add_weighted_x100, ==, 4656);
  g_assert_true (m->cei_defined);
  g_assert_cmpint (m->cei_bp, ==, 2915);
  g_assert_cmpuint (m->open_items, ==, 10);
  g_assert_cmpuint (m->overdue_items, ==, 5);
}

static void
assert_behaviour (const SettleClientBehaviour *b,
                  SettleId client_id, gint64 open, gint64 overdue, int oldest, guint paid,
                  gint64 to_pay, gint64 late, int on_time, gint64 late_6m, int risk,
                  gboolean late_payer, const char *reasons)
{
  g_assert_cmpint (b->client_id, ==, client_id);
  g_assert_cmpint (b->open, ==, open);
  g_assert_cmpint (b->overdue, ==, overdue);
  g_assert_cmpint (b->oldest_days_past_due, ==, oldest);
  g_assert_cmpuint (b->paid_count, ==, paid);
  g_assert_cmpint (b->avg_days_to_pay_x100, ==, to_pay);
  g_assert_cmpint (b->avg_days_late_x100, ==, late);
  g_assert_cmpint (b->avg_days_late_12m_x100, ==, late);
  g_assert_cmpint (b->on_time_bp, ==, on_time);
  g_assert_cmpint (b->avg_days_late_6m_x100, ==, late_6m);
  g_assert_cmpint (b->risk_score, ==, risk);
  g_assert_cmpint (b->late_payer, ==, late_payer);
  if (reasons != NULL)
    g_assert_cmpstr (b->risk_reasons, ==, reasons);
}

/* Per client, invoices settled in full from 2025-06-30 (exclusive) to 2026-06-30;
 * the 6-month trend from 2025-12-31 (exclusive). Weighted by the invoice totals.
 *
 * Bravo: B0 (1,000: 70 days, 40 late), B1, B2 (2,000 each: 50 days, 20 late),
 *   B3 (2,000: 60 days, 30 late). To pay (70,000 + 100,000 + 100,000 + 120,000) ÷
 *   7,000 = 55.714 -> 5571; late (40,000 + 40,000 + 40,000 + 60,000) ÷ 7,000 = 25.714
 *   -> 2571; none on time; 6 months (B0 was paid before): 140,000 ÷ 6,000 = 23.33 ->
 *   2333. Open 4,000, overdue 2,000 (B4, 21 days). Risk: 25 (whole days late) + 30
 *   (4 of 4 late) = 55; late payer (25.71 > 10). Forecast delay: 25.71 -> 26 days.
 * Charlie: C2 (1,500: 30 days, on time; C1 is only part paid). Open 2,500, overdue
 *   2,000 (C1, 105 days, all of it over 60). Risk: 2,000 ÷ 2,500 × 20 = 16. Delay 0.
 * Echo: E1 (settled by the credit note on 04-10: 21 days, on time), E2 (60 days, 30
 *   late), 1,200 each: to pay 40.5 -> 4050, late 15 -> 1500, 1 of 2 on time -> 5000.
 *   Open 2,400, overdue 1,200 (E3, 11 days). Risk 15 + 15 = 30; late payer (15 > 10).
 *   Delay 15.
 * Delta: D1 (paid 04-04, reopened 04-20 by the bounced check, paid 05-04: 60 days,
 *   30 late), D2 (29 days, on time), 800 each: to pay 44.5 -> 4450, late 15 -> 1500,
 *   5000 on time. Open 800 (D3, 26 days). Risk 15 + 15 + 10 (a reversed payment) = 40;
 *   late payer. Delay 15.
 * Foxtrot: nothing paid: no history (-1). Open 1,000, overdue 400 (F2, 30 days, not
 *   over 60). Risk 0. Delay = the book's.
 * Alpha: A1–A4 (28, 29, 29, 30 days, all on time, 1,000 each): to pay 29 -> 2900,
 *   late 0, 10000 on time. Open 1,000, nothing overdue. Risk 0.
 * Most overdue first: Bravo and Charlie (2,000 each; Bravo owes more), Echo, Delta,
 *   Foxtrot, Alpha.
 * The book's delay: Σ total × days late = 180,000 (B) + 24,000 (D) + 36,000 (E) =
 *   240,000 over Σ totals 7,000 + 4,000 (A) + 1,500 (C) + 1,600 (D) + 2,400 (E) = 16,500:
 *   14.55 -> 15 days. */
static void
assert_hand_clients (HandBook  *h,
                     GPtrArray *clients)
{
  g_assert_cmpuint (clients->len, ==, 6);
  for (guint i = 0; i < clients->len; i++)
    {
      const SettleClientBehaviour *b = clients->pdata[i];

      g_test_message ("%s: risk %d%s: %s", b->client_name, b->risk_score,
                      b->late_payer ? ", late payer" : "", b->risk_reasons);
    }
  assert_behaviour (clients->pdata[0], h->b, USD (4000), USD (2000), 21, 4, 5571, 2571, 0, 2333,
                    55, TRUE, "Pays 25.71 days late on average (+25); "
                    "100 % of invoices paid late (+30)");
  assert_behaviour (clients->pdata[1], h->c, USD (2500), USD (2000), 105, 1, 3000, 0, 10000, 0,
                    16, FALSE, NULL);
  g_assert_nonnull (strstr (((SettleClientBehaviour *) clients->pdata[1])->risk_reasons,
                            " more than 60 days past due (+16)"));
  assert_behaviour (clients->pdata[2], h->e, USD (2400), USD (1200), 11, 2, 4050, 1500, 5000, 1500,
                    30, TRUE, "Pays 15 days late on average (+15); "
                    "50 % of invoices paid late (+15)");
  assert_behaviour (clients->pdata[3], h->d, USD (800), USD (800), 26, 2, 4450, 1500, 5000, 1500,
                    40, TRUE, "Pays 15 days late on average (+15); "
                    "50 % of invoices paid late (+15); "
                    "1 payment reversed in the last 12 months (+10)");
  assert_behaviour (clients->pdata[4], h->f, USD (1000), USD (400), 30, 0, -1, -1, -1, -1,
                    0, FALSE, "No invoice paid in the last 12 months");
  assert_behaviour (clients->pdata[5], h->a, USD (1000), 0, 0, 4, 2900, 0, 10000, 0,
                    0, FALSE, "No warning sign in the last 12 months");
  /* Names, the part over 60 days, reversed payments and the forecast's delay, in the
   * same order (Bravo, Charlie, Echo, Delta, Foxtrot, Alpha). */
  {
    static const char * const names[] = {
      "Bravo Logistics", "Charlie Law", "Echo Clinic", "Delta Realty", "Foxtrot Farms",
      "Alpha Dental",
    };
    static const gint64 over_60[] = { 0, 2000, 0, 0, 0, 0 };
    static const guint reversed[] = { 0, 0, 0, 1, 0, 0 };
    static const int delay[] = { 26, 0, 15, 15, 15, 0 };

    for (guint i = 0; i < clients->len; i++)
      {
        const SettleClientBehaviour *b = clients->pdata[i];

        g_assert_cmpstr (b->client_name, ==, names[i]);
        g_assert_cmpint (b->over_60, ==, USD (over_60[i]));
        g_assert_cmpuint (b->reversed_payments, ==, reversed[i]);
        g_assert_cmpint (b->expected_delay_days, ==, delay[i]);
      }
  }
}

/* Trend, month ends 2025-07-31 .. 2026-06-30. AR at each month end from the event list:
 *   Jul, Aug 2025: 0. Sep, Oct: 1,000 (B0). Nov 2025 – Jan 2026: 0.
 *   Feb: A1 + B1 + C1 = 6,000. Mar: 9,000 (the beginning AR above).
 *   Apr: B3 2,000 + C1 2,000 + C2 1,500 + D1 800 (reopened) + D2 800 + E2 1,200 = 8,300.
 *   May: B3 2,000 + B4 2,000 + C1 2,000 + D3 800 + E2 1,200 + E3 1,200 + F2 400 = 9,600.
 *   Jun: 11,700.
 * Sales by month: Sep 2025 1,000; Feb 2026 6,000; Mar A2 + D1 + B2 + E1 = 5,000;
 *   Apr 5,300; May 5,400; Jun 5,300; the other months 0.
 * DSO = AR ÷ the 3 months' sales × their days:
 *   Jul, Aug: no sales (undefined). Sep: 1,000 ÷ 1,000 × 92 (Jul–Sep) = 9200.
 *   Oct: 1,000 ÷ 1,000 × 92 (Aug–Oct) = 9200. Nov: 0 ÷ 1,000 × 91 = 0.
 *   Dec, Jan: undefined. Feb: 6,000 ÷ 6,000 × 90 (Dec–Feb) = 9000.
 *   Mar: 9,000 ÷ 11,000 × 90 (Jan–Mar) = 73.636 -> 7364.
 *   Apr: 8,300 ÷ 16,300 × 89 (Feb–Apr) = 45.319 -> 4532.
 *   May: 9,600 ÷ 15,700 × 92 (Mar–May) = 56.255 -> 5625.
 *   Jun: 6654, the headline DSO. */
static void
assert_hand_trend (const SettleDashboard *d)
{
  static const struct
  {
    const char *end;
    gint64      ar, sales;
    gboolean    defined;
    gint64      dso;
  } expected[SETTLE_TREND_N_MONTHS] = {
    { "2025-07-31", 0, 0, FALSE, 0 },
    { "2025-08-31", 0, 0, FALSE, 0 },
    { "2025-09-30", 1000, 1000, TRUE, 9200 },
    { "2025-10-31", 1000, 0, TRUE, 9200 },
    { "2025-11-30", 0, 0, TRUE, 0 },
    { "2025-12-31", 0, 0, FALSE, 0 },
    { "2026-01-31", 0, 0, FALSE, 0 },
    { "2026-02-28", 6000, 6000, TRUE, 9000 },
    { "2026-03-31", 9000, 5000, TRUE, 7364 },
    { "2026-04-30", 8300, 5300, TRUE, 4532 },
    { "2026-05-31", 9600, 5400, TRUE, 5625 },
    { "2026-06-30", 11700, 5300, TRUE, 6654 },
  };

  for (int k = 0; k < SETTLE_TREND_N_MONTHS; k++)
    {
      const SettleMetricsMonth *m = &d->trend[k];

      assert_date (&m->month_end, expected[k].end);
      g_assert_cmpint (m->ending_ar, ==, USD (expected[k].ar));
      g_assert_cmpint (m->credit_sales, ==, USD (expected[k].sales));
      g_assert_cmpint (m->dso_defined, ==, expected[k].defined);
      g_assert_cmpint (m->dso_x100, ==, expected[k].dso);
    }
}

/* Forecast from 2026-06-30, week w = 06-30 + 7w .. + 6; expected = due + the client's
 * delay (Alpha 0, Bravo 26, Charlie 0, Delta 15, Echo 15, Foxtrot the book's 15), a
 * date before 06-30 counts in week 0:
 *   A5 07-01 (day 1, week 0) 1,000        B4 06-09+26 = 07-05 (day 5, week 0) 2,000 overdue
 *   B5 07-10+26 = 08-05 (day 36, week 5) 2,000
 *   C1 03-17 (past: week 0) 2,000 overdue C3 07-15 (day 15, week 2) 500
 *   D3 06-04+15 = 06-19 (past: week 0) 800 overdue
 *   E3 06-19+15 = 07-04 (day 4, week 0) 1,200 overdue
 *   E4 07-20+15 = 08-04 (day 35, week 5) 1,200
 *   F1 07-05+15 = 07-20 (day 20, week 2) 600
 *   F2 disputed: after the 13 weeks, 400.
 * Week 0: 1,000 + 2,000 + 2,000 + 800 + 1,200 = 7,000, overdue 6,000; week 2: 1,100;
 * week 5: 3,200; later 400. 7,000 + 1,100 + 3,200 + 400 = 11,700 = ending AR. */
static void
assert_hand_forecast (const SettleDashboard *d)
{
  static const gint64 expected[SETTLE_FORECAST_N_WEEKS] = { 7000, 0, 1100, 0, 0, 3200 };
  static const char * const starts[] = { "2026-06-30", "2026-07-07", "2026-07-14" };

  for (int w = 0; w < SETTLE_FORECAST_N_WEEKS; w++)
    {
      GDate start = settle_test_date ("2026-06-30");

      g_date_add_days (&start, 7 * w);
      g_assert_cmpint (g_date_compare (&d->forecast[w].week_start, &start), ==, 0);
      g_assert_cmpint (d->forecast[w].expected, ==, USD (expected[w]));
      g_assert_cmpint (d->forecast[w].overdue_part, ==, w == 0 ? USD (6000) : 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    assert_date (&d->forecast[i].week_start, starts[i]);
  g_assert_cmpint (d->forecast_later, ==, USD (400));
  g_assert_cmpint (d->forecast_disputed, ==, USD (400));
  g_assert_cmpint (d->book_delay_days, ==, 15);
}

static void
test_hand_book (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleDashboard) d = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  SettleAgingOptions options;
  SettleMetrics m;
  HandBook h;
  GDate as_of = settle_test_date ("2026-06-30");
  int delay = 0;
  gint64 sum = 0;

  hand_book_init (&h);
  settle_aging_options_init (&options, h.book, &as_of);
  d = settle_dashboard_compute (h.book, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);

  assert_hand_metrics (&d->metrics);
  assert_hand_clients (&h, d->clients);
  assert_hand_trend (d);
  assert_hand_forecast (d);
  /* The aging in the bundle is the same book on the same date. */
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    sum += d->aging->totals.buckets[b];
  g_assert_cmpint (sum, ==, USD (11700));
  g_assert_cmpint (d->aging->totals.credit, ==, USD (100));

  /* The standalone entry points agree with the bundle. */
  g_assert_true (settle_metrics_compute (h.book, &as_of, 3, NULL, &m, &error));
  g_assert_no_error (error);
  assert_hand_metrics (&m);
  clients = settle_metrics_list_clients (h.book, &as_of, NULL, &delay, &error);
  g_assert_no_error (error);
  assert_hand_clients (&h, clients);
  g_assert_cmpint (delay, ==, 15);

  g_assert_nonnull (strstr (settle_risk_rule_text (), "60 days"));
  hand_book_clear (&h);
}

/* As of 2026-05-31 the history is read (payments after it exist). 3 months: 03-01 to
 * 05-31, 92 days. Ending AR 9,600 (trend above); current (due on or after 05-31):
 * B4 (due 06-09) 2,000, D3 (06-04) 800, E3 (06-19) 1,200, F2 (due 05-31 itself)
 * 400 = 4,400; beginning AR (end of 02-28) 6,000; sales March 5,000 + April 5,300 +
 * May 5,400 = 15,700; credit on 05-31: none (Foxtrot paid later).
 * DSO simple 9,600 ÷ 15,700 × 92 = 56.255 -> 5625; average (6,000 + 9,600) ÷ 2 ÷
 * 15,700 × 92 = 45.707 -> 4571; best 4,400 ÷ 15,700 × 92 = 25.783 -> 2578;
 * CEI (3×6,000 + 15,700 − 3×9,600) ÷ (3×6,000 + 15,700 − 3×4,400) = 4,900 ÷ 20,500
 * = 23.90 % -> 2390. Countback: May 9,600 > 5,400 -> 4,200, 31 days; April 4,200 ≤
 * 5,300: 4,200 ÷ 5,300 × 30 = 23.774 -> 31 + 23.77 = 5477. */
static void
test_hand_book_past (void)
{
  g_autoptr(GError) error = NULL;
  SettleMetrics m;
  HandBook h;
  GDate as_of = settle_test_date ("2026-05-31");

  hand_book_init (&h);
  g_assert_true (settle_metrics_compute (h.book, &as_of, 3, NULL, &m, &error));
  g_assert_no_error (error);
  assert_date (&m.period_start, "2026-03-01");
  g_assert_cmpint (m.period_days, ==, 92);
  g_assert_cmpint (m.ending_ar, ==, USD (9600));
  g_assert_cmpint (m.ending_current_ar, ==, USD (4400));
  g_assert_cmpint (m.beginning_ar, ==, USD (6000));
  g_assert_cmpint (m.credit_sales, ==, USD (15700));
  g_assert_cmpint (m.unapplied_credit, ==, 0);
  g_assert_cmpint (m.dso_simple_x100, ==, 5625);
  g_assert_cmpint (m.dso_average_x100, ==, 4571);
  g_assert_cmpint (m.best_dso_x100, ==, 2578);
  g_assert_cmpint (m.cei_bp, ==, 2390);
  g_assert_cmpint (m.dso_countback_x100, ==, 5477);

  /* The history path of the bundle: F2 (open then, disputed and open today) is not
   * expected within the 13 weeks; the weeks and later add up to the 9,600. */
  {
    g_autoptr(SettleDashboard) d = NULL;
    SettleAgingOptions options;
    SettleMetrics same;
    gint64 sum;

    settle_aging_options_init (&options, h.book, &as_of);
    d = settle_dashboard_compute (h.book, &options, &error);
    g_assert_no_error (error);
    same = d->metrics;

    /* GDate keeps either form of a date: compare the dates, then the rest. */
    g_assert_cmpint (g_date_compare (&same.as_of, &m.as_of), ==, 0);
    g_assert_cmpint (g_date_compare (&same.period_start, &m.period_start), ==, 0);
    same.as_of = m.as_of;
    same.period_start = m.period_start;
    g_assert_cmpmem (&same, sizeof same, &m, sizeof m);
    g_assert_cmpint (d->forecast_disputed, ==, USD (400));
    sum = d->forecast_later;
    for (int w = 0; w < SETTLE_FORECAST_N_WEEKS; w++)
      sum += d->forecast[w].expected;
    g_assert_cmpint (sum, ==, USD (9600));
  }
  hand_book_clear (&h);
}

/* An invoice on a plan is expected by instalments. Golf: $3,000 issued 05-01 (due
 * 05-31); on 06-01 a plan of 3 monthly instalments of $1,000 from 06-15 (06-15, 07-15,
 * 08-15); $1,500 paid 06-20. As of 06-30 $1,500 is open: what was paid went to the
 * first instalments, so the open part is $500 of 07-15 and $1,000 of 08-15. Nobody
 * paid anything in full: the delay is 0. From 06-30: 07-15 is day 15 (week 2), 08-15
 * day 46 (week 6). Neither instalment is past its due date: no overdue part. */
static void
test_forecast_instalments (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(SettleDashboard) d = NULL;
  g_autoptr(GError) error = NULL;
  SettleAgingOptions options;
  SettleId g = settle_test_add_client (book, "Golf Club", 30);
  SettleId inv = settle_test_add_invoice (book, g, "2026-05-01", USD (3000));
  GDate first = settle_test_date ("2026-06-15");
  GDate on = settle_test_date ("2026-06-01");
  GDate as_of = settle_test_date ("2026-06-30");

  g_assert_cmpint (settle_instalment_plan_create (book, inv, 3, &first,
                                                  SETTLE_INSTALMENTS_MONTHLY, 0,
                                                  SETTLE_REMAINDER_LAST, &on, &error), !=, 0);
  g_assert_no_error (error);
  settle_test_pay (book, g, "2026-06-20", USD (1500), inv, USD (1500));

  settle_aging_options_init (&options, book, &as_of);
  d = settle_dashboard_compute (book, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->metrics.ending_ar, ==, USD (1500));
  g_assert_cmpint (d->book_delay_days, ==, 0);
  for (int w = 0; w < SETTLE_FORECAST_N_WEEKS; w++)
    {
      g_assert_cmpint (d->forecast[w].expected, ==, w == 2 ? USD (500) : w == 6 ? USD (1000) : 0);
      g_assert_cmpint (d->forecast[w].overdue_part, ==, 0);
    }
  g_assert_cmpint (d->forecast_later, ==, 0);
  g_clear_pointer (&d, settle_dashboard_free);

  /* As of 05-31 the plan did not exist yet: the invoice is expected on its due date
   * (day 0), and nothing was paid. */
  as_of = settle_test_date ("2026-05-31");
  settle_aging_options_init (&options, book, &as_of);
  d = settle_dashboard_compute (book, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->forecast[0].expected, ==, USD (3000));
  g_assert_cmpint (d->forecast[0].overdue_part, ==, 0);
  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SettleDashboard **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = settle_dashboard_compute_finish (SETTLE_BOOK (source), result, &error);
  g_assert_no_error (error);
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  SettleDashboard *d = settle_dashboard_compute_finish (SETTLE_BOOK (source), result, &error);

  g_assert_null (d);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_async (void)
{
  g_autoptr(SettleDashboard) sync = NULL;
  g_autoptr(SettleDashboard) async = NULL;
  g_autoptr(GError) error = NULL;
  SettleAgingOptions options;
  HandBook h;
  GDate as_of = settle_test_date ("2026-06-30");

  hand_book_init (&h);
  settle_aging_options_init (&options, h.book, &as_of);
  sync = settle_dashboard_compute (h.book, &options, &error);
  g_assert_no_error (error);
  settle_dashboard_compute_async (h.book, &options, NULL, computed_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpmem (&async->metrics, sizeof async->metrics, &sync->metrics, sizeof sync->metrics);
  g_assert_cmpmem (async->trend, sizeof async->trend, sync->trend, sizeof sync->trend);
  g_assert_cmpmem (async->forecast, sizeof async->forecast, sync->forecast, sizeof sync->forecast);
  g_assert_cmpuint (async->clients->len, ==, sync->clients->len);
  assert_hand_metrics (&async->metrics);
  g_clear_pointer (&async, settle_dashboard_free);

  /* A request cancelled (the as-of date changed again) reports only that. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    gboolean done = FALSE;

    settle_dashboard_compute_async (h.book, &options, cancellable, cancelled_cb, &done);
    g_cancellable_cancel (cancellable);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  g_clear_pointer (&sync, settle_dashboard_free);
  hand_book_clear (&h);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metrics/round-ratio", test_round_ratio);
  g_test_add_func ("/metrics/period", test_period);
  g_test_add_func ("/metrics/hand-book", test_hand_book);
  g_test_add_func ("/metrics/hand-book-past", test_hand_book_past);
  g_test_add_func ("/metrics/forecast-instalments", test_forecast_instalments);
  g_test_add_func ("/metrics/async", test_async);
  return g_test_run ();
}
