/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-late-fee.h"

void
settle_late_fee_policy_init (SettleLateFeePolicy *policy)
{
  g_return_if_fail (policy != NULL);

  memset (policy, 0, sizeof *policy);
  policy->kind = SETTLE_LATE_FEE_FLAT;
  policy->frequency = SETTLE_LATE_FEE_ONCE;
  policy->rounding = SETTLE_ROUND_HALF_UP;
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
kind_uses_flat (SettleLateFeeKind kind)
{
  return kind == SETTLE_LATE_FEE_FLAT || kind == SETTLE_LATE_FEE_FLAT_THEN_PERCENT;
}

static gboolean
kind_uses_rate (SettleLateFeeKind kind)
{
  return kind != SETTLE_LATE_FEE_FLAT;
}

/* Interest kinds accrue over a period and are charged when it ends. */
static gboolean
kind_in_arrears (SettleLateFeeKind kind)
{
  return kind == SETTLE_LATE_FEE_DAILY_INTEREST || kind == SETTLE_LATE_FEE_PERIOD_RATE;
}

gboolean
settle_late_fee_policy_validate (const SettleLateFeePolicy *policy,
                                 GError                   **error)
{
  g_return_val_if_fail (policy != NULL, FALSE);

  if (policy->kind < SETTLE_LATE_FEE_FLAT || policy->kind > SETTLE_LATE_FEE_PERIOD_RATE)
    return invalid (error, _("Late fee: unknown kind of fee"));
  if (kind_uses_flat (policy->kind) && policy->flat <= 0)
    return invalid (error, _("Late fee: the flat amount must be more than zero"));
  if (kind_uses_rate (policy->kind) && (policy->rate_bp <= 0 || policy->rate_bp > 10000))
    return invalid (error, _("Late fee: the rate must be more than 0 % and at most 100 %"));
  if (policy->grace_days < 0 || policy->grace_days > 365)
    return invalid (error, _("Late fee: the grace period must be between 0 and 365 days"));
  if (policy->frequency < SETTLE_LATE_FEE_ONCE || policy->frequency > SETTLE_LATE_FEE_EVERY_N_DAYS)
    return invalid (error, _("Late fee: unknown frequency"));
  if (policy->frequency == SETTLE_LATE_FEE_EVERY_N_DAYS
      && (policy->every_days < 1 || policy->every_days > 366))
    return invalid (error, _("Late fee: the period must be between 1 and 366 days"));
  if (policy->frequency == SETTLE_LATE_FEE_ONCE && kind_in_arrears (policy->kind))
    return invalid (error, _("Late fee: interest needs a period (monthly or every N days), not once"));
  if (policy->minimum < 0 || policy->cap_per_period < 0 || policy->cap_per_invoice < 0)
    return invalid (error, _("Late fee: the minimum and the caps cannot be negative"));
  if (policy->cap_per_period > 0 && policy->minimum > policy->cap_per_period)
    return invalid (error, _("Late fee: the minimum is larger than the cap per period"));
  if (policy->cap_per_invoice > 0 && policy->minimum > policy->cap_per_invoice)
    return invalid (error, _("Late fee: the minimum is larger than the cap per invoice"));
  if (policy->max_periods < 0)
    return invalid (error, _("Late fee: the number of periods cannot be negative"));
  if (policy->rounding != SETTLE_ROUND_HALF_UP && policy->rounding != SETTLE_ROUND_HALF_EVEN)
    return invalid (error, _("Late fee: unknown rounding rule"));
  return TRUE;
}

char *
settle_late_fee_policy_to_string (const SettleLateFeePolicy *policy)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (policy != NULL, NULL);

  switch (policy->kind)
    {
    case SETTLE_LATE_FEE_FLAT:
      g_string_append_printf (s, "flat:%" G_GINT64_FORMAT, policy->flat);
      break;
    case SETTLE_LATE_FEE_PERCENT:
      g_string_append_printf (s, "percent:%d", policy->rate_bp);
      break;
    case SETTLE_LATE_FEE_FLAT_THEN_PERCENT:
      g_string_append_printf (s, "flat-then-percent:%" G_GINT64_FORMAT ":%d",
                              policy->flat, policy->rate_bp);
      break;
    case SETTLE_LATE_FEE_DAILY_INTEREST:
      g_string_append_printf (s, "daily:%d", policy->rate_bp);
      break;
    case SETTLE_LATE_FEE_PERIOD_RATE:
    default:
      g_string_append_printf (s, "period:%d", policy->rate_bp);
      break;
    }
  if (policy->grace_days > 0)
    g_string_append_printf (s, ";grace:%d", policy->grace_days);
  if (policy->frequency == SETTLE_LATE_FEE_MONTHLY)
    g_string_append (s, ";freq:monthly");
  else if (policy->frequency == SETTLE_LATE_FEE_EVERY_N_DAYS)
    g_string_append_printf (s, ";freq:days:%d", policy->every_days);
  if (policy->minimum > 0)
    g_string_append_printf (s, ";min:%" G_GINT64_FORMAT, policy->minimum);
  if (policy->cap_per_period > 0)
    g_string_append_printf (s, ";cap:%" G_GINT64_FORMAT, policy->cap_per_period);
  if (policy->cap_per_invoice > 0)
    g_string_append_printf (s, ";invoice-cap:%" G_GINT64_FORMAT, policy->cap_per_invoice);
  if (policy->max_periods > 0)
    g_string_append_printf (s, ";stop:%d", policy->max_periods);
  if (policy->compound)
    g_string_append (s, ";compound");
  if (policy->rounding != SETTLE_ROUND_HALF_UP)
    g_string_append_printf (s, ";rounding:%s", settle_rounding_to_string (policy->rounding));
  return g_string_free (s, FALSE);
}

static gboolean
parse_int64 (const char *text,
             gint64     *out)
{
  return text != NULL && *text != '\0'
         && g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, out, NULL);
}

static gboolean
parse_int (const char *text,
           int        *out)
{
  gint64 v;

  if (!parse_int64 (text, &v) || v > G_MAXINT)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
bad_text (GError    **error,
          const char *text,
          const char *part)
{
  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
               _("Late fee: “%s” in “%s” is not understood; expected for example "
                 "“percent:150;grace:5;freq:monthly;cap:5000”"),
               part, text);
  return FALSE;
}

gboolean
settle_late_fee_policy_parse (const char          *text,
                              SettleLateFeePolicy *policy,
                              GError             **error)
{
  g_auto(GStrv) parts = NULL;
  SettleLateFeePolicy p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  settle_late_fee_policy_init (&p);
  parts = g_strsplit (text, ";", -1);
  if (parts[0] == NULL)
    return bad_text (error, text, text);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_strstrip (parts[i]), ":", -1);
      guint n = g_strv_length (f);
      gboolean ok = FALSE;

      if (n == 0)
        return bad_text (error, text, parts[i]);
      if (i == 0)
        {
          if (g_str_equal (f[0], "flat") && n == 2)
            {
              p.kind = SETTLE_LATE_FEE_FLAT;
              ok = parse_int64 (f[1], &p.flat);
            }
          else if (g_str_equal (f[0], "percent") && n == 2)
            {
              p.kind = SETTLE_LATE_FEE_PERCENT;
              ok = parse_int (f[1], &p.rate_bp);
            }
          else if (g_str_equal (f[0], "flat-then-percent") && n == 3)
            {
              p.kind = SETTLE_LATE_FEE_FLAT_THEN_PERCENT;
              ok = parse_int64 (f[1], &p.flat) && parse_int (f[2], &p.rate_bp);
            }
          else if (g_str_equal (f[0], "daily") && n == 2)
            {
              p.kind = SETTLE_LATE_FEE_DAILY_INTEREST;
              ok = parse_int (f[1], &p.rate_bp);
            }
          else if (g_str_equal (f[0], "period") && n == 2)
            {
              p.kind = SETTLE_LATE_FEE_PERIOD_RATE;
              ok = parse_int (f[1], &p.rate_bp);
            }
        }
      else if (g_str_equal (f[0], "grace") && n == 2)
        ok = parse_int (f[1], &p.grace_days);
      else if (g_str_equal (f[0], "freq") && n == 2 && g_str_equal (f[1], "once"))
        ok = (p.frequency = SETTLE_LATE_FEE_ONCE, TRUE);
      else if (g_str_equal (f[0], "freq") && n == 2 && g_str_equal (f[1], "monthly"))
        ok = (p.frequency = SETTLE_LATE_FEE_MONTHLY, TRUE);
      else if (g_str_equal (f[0], "freq") && n == 3 && g_str_equal (f[1], "days"))
        {
          p.frequency = SETTLE_LATE_FEE_EVERY_N_DAYS;
          ok = parse_int (f[2], &p.every_days);
        }
      else if (g_str_equal (f[0], "min") && n == 2)
        ok = parse_int64 (f[1], &p.minimum);
      else if (g_str_equal (f[0], "cap") && n == 2)
        ok = parse_int64 (f[1], &p.cap_per_period);
      else if (g_str_equal (f[0], "invoice-cap") && n == 2)
        ok = parse_int64 (f[1], &p.cap_per_invoice);
      else if (g_str_equal (f[0], "stop") && n == 2)
        ok = parse_int (f[1], &p.max_periods);
      else if (g_str_equal (f[0], "compound") && n == 1)
        ok = (p.compound = TRUE, TRUE);
      else if (g_str_equal (f[0], "rounding") && n == 2)
        ok = settle_rounding_from_string (f[1], &p.rounding);
      if (!ok)
        return bad_text (error, text, parts[i]);
    }
  if (!settle_late_fee_policy_validate (&p, error))
    return FALSE;
  *policy = p;
  return TRUE;
}

void
settle_late_fee_free (SettleLateFee *fee)
{
  if (fee == NULL)
    return;
  g_free (fee->explanation);
  g_free (fee);
}

void
settle_late_fee_first_day (const SettleLateFeePolicy *policy,
                           const GDate               *due_date,
                           GDate                     *first_day)
{
  g_return_if_fail (policy != NULL && due_date != NULL && first_day != NULL);
  g_return_if_fail (g_date_valid (due_date));

  *first_day = *due_date;
  g_date_add_days (first_day, (guint) policy->grace_days + 1);
}

/* Period k (1-based) runs from start to end inclusive. Monthly periods are counted
 * from the first day each time, so a period starting on the 31st keeps coming back
 * to the 31st (or the month's last day) instead of drifting. */
static void
period_bounds (const SettleLateFeePolicy *policy,
               const GDate               *first_day,
               int                        k,
               GDate                     *start,
               GDate                     *end)
{
  *start = *first_day;
  switch (policy->frequency)
    {
    case SETTLE_LATE_FEE_MONTHLY:
      g_date_add_months (start, (guint) k - 1);
      *end = *first_day;
      g_date_add_months (end, (guint) k);
      g_date_subtract_days (end, 1);
      break;
    case SETTLE_LATE_FEE_EVERY_N_DAYS:
      g_date_add_days (start, (guint) (k - 1) * (guint) policy->every_days);
      *end = *start;
      g_date_add_days (end, (guint) policy->every_days - 1);
      break;
    case SETTLE_LATE_FEE_ONCE:
    default:
      g_date_clear (end, 1);
      break;
    }
}

static gint64
balance_on (const SettleLateFeeItem *item,
            const GDate             *day)
{
  gint64 balance = item->history[0].balance;

  for (guint i = 0; i < item->n_history; i++)
    {
      if (g_date_compare (&item->history[i].date, day) > 0)
        break;
      balance = item->history[i].balance;
    }
  return balance;
}

static gboolean
overflow (GError **error)
{
  return invalid (error, _("Late fee: the amounts are too large to compute"));
}

static const SettleLateFeeCharged *
find_charged (const SettleLateFeeCharged *charged,
              guint                       n_charged,
              int                         period)
{
  for (guint i = 0; i < n_charged; i++)
    if (charged[i].period == period)
      return &charged[i];
  return NULL;
}

/* Sum of the fees of periods before k (recorded ones and ones found in this run). */
static gint64
fees_before (const SettleLateFeeCharged *charged,
             guint                       n_charged,
             GPtrArray                  *found,
             int                         k)
{
  gint64 sum = 0;

  /* Bounded: the same amounts were summed with overflow checks into the invoice total. */
  for (guint i = 0; i < n_charged; i++)
    if (charged[i].period < k)
      sum += charged[i].amount;
  for (guint i = 0; i < found->len; i++)
    {
      const SettleLateFee *fee = g_ptr_array_index (found, i);
      if (fee->period < k)
        sum += fee->amount;
    }
  return sum;
}

static char *
explain (const SettleLateFeePolicy *policy,
         const SettleLateFeeItem   *item,
         int                        k,
         const GDate               *start,
         const GDate               *last,
         gint64                     base)
{
  g_autofree char *start_iso = settle_date_to_iso (start);
  g_autofree char *last_iso = last ? settle_date_to_iso (last) : NULL;
  g_autofree char *rate = settle_format_fixed (policy->rate_bp, 2, TRUE);
  g_autofree char *amount = NULL;

  switch (policy->kind)
    {
    case SETTLE_LATE_FEE_FLAT:
      amount = settle_format_fixed (policy->flat, item->exponent, FALSE);
      return g_strdup_printf (_("Late fee %s, period %d from %s"), amount, k, start_iso);
    case SETTLE_LATE_FEE_FLAT_THEN_PERCENT:
      if (k == 1)
        {
          amount = settle_format_fixed (policy->flat, item->exponent, FALSE);
          return g_strdup_printf (_("Late fee %s, period %d from %s"), amount, k, start_iso);
        }
      G_GNUC_FALLTHROUGH;
    case SETTLE_LATE_FEE_PERCENT:
      amount = settle_format_fixed (base, item->exponent, FALSE);
      return g_strdup_printf (_("Late fee %s %% of %s overdue on %s (period %d)"),
                              rate, amount, start_iso, k);
    case SETTLE_LATE_FEE_DAILY_INTEREST:
      return g_strdup_printf (_("Interest at %s %% a year on the overdue balance from %s to %s "
                                "(period %d)"),
                              rate, start_iso, last_iso, k);
    case SETTLE_LATE_FEE_PERIOD_RATE:
    default:
      return g_strdup_printf (_("Interest at %s %% a period on the overdue balance from %s to %s "
                                "(period %d)"),
                              rate, start_iso, last_iso, k);
    }
}

/* The raw fee of an arrears (interest) period: the balance carried on each day from
 * start to last, times the rate, rounded once for the whole period. */
static gboolean
interest_for_period (const SettleLateFeePolicy *policy,
                     const SettleLateFeeItem   *item,
                     const GDate               *start,
                     const GDate               *end,
                     const GDate               *last,
                     gint64                     compound_extra,
                     gint64                    *raw,
                     GError                   **error)
{
  gint64 balance_days = 0;
  gint64 denominator;
  GDate day = *start;

  while (g_date_compare (&day, last) <= 0)
    {
      gint64 b = balance_on (item, &day);

      if (b > 0 && !settle_checked_add (b, compound_extra, &b))
        return overflow (error);
      if (!settle_checked_add (balance_days, b, &balance_days))
        return overflow (error);
      g_date_add_days (&day, 1);
    }
  if (policy->kind == SETTLE_LATE_FEE_DAILY_INTEREST)
    denominator = (gint64) 10000 * 365; /* annual rate × days ÷ 365, leap years too */
  else
    denominator = (gint64) 10000 * (g_date_days_between (start, end) + 1);
  if (!settle_round_mul_div (balance_days, policy->rate_bp, denominator, policy->rounding, raw))
    return overflow (error);
  return TRUE;
}

GPtrArray *
settle_late_fee_compute (const SettleLateFeePolicy  *policy,
                         const SettleLateFeeItem    *item,
                         const SettleLateFeeCharged *charged,
                         guint                       n_charged,
                         const GDate                *as_of,
                         GError                    **error)
{
  g_autoptr(GPtrArray) found = NULL;
  gint64 total = 0;
  GDate first_day;

  g_return_val_if_fail (policy != NULL && item != NULL && as_of != NULL, NULL);
  g_return_val_if_fail (charged != NULL || n_charged == 0, NULL);

  if (!settle_late_fee_policy_validate (policy, error))
    return NULL;
  if (!g_date_valid (&item->due_date) || !g_date_valid (as_of))
    {
      invalid (error, _("Late fee: the due date or the as-of date is missing"));
      return NULL;
    }
  if (item->history == NULL || item->n_history == 0)
    {
      invalid (error, _("Late fee: the item has no balance"));
      return NULL;
    }

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_late_fee_free);
  if (item->disputed || item->on_plan)
    return g_steal_pointer (&found);

  for (guint i = 0; i < n_charged; i++)
    {
      if (charged[i].amount < 0 || charged[i].period < 1)
        {
          invalid (error, _("Late fee: a recorded fee has a negative amount or no period"));
          return NULL;
        }
      if (!settle_checked_add (total, charged[i].amount, &total))
        {
          overflow (error);
          return NULL;
        }
    }

  settle_late_fee_first_day (policy, &item->due_date, &first_day);
  for (int k = 1; ; k++)
    {
      SettleLateFee *fee;
      GDate start, end, last;
      gint64 base = 0, raw = 0, amount, extra = 0;

      if (policy->frequency == SETTLE_LATE_FEE_ONCE && k > 1)
        break;
      if (policy->max_periods > 0 && k > policy->max_periods)
        break;
      period_bounds (policy, &first_day, k, &start, &end);
      if (g_date_compare (&start, as_of) > 0)
        break;
      if (find_charged (charged, n_charged, k) != NULL)
        continue;
      if (policy->compound)
        extra = fees_before (charged, n_charged, found, k);

      if (kind_in_arrears (policy->kind))
        {
          /* Charged when the period is over, or earlier when the item is paid off. */
          gboolean over = g_date_compare (&end, as_of) <= 0;

          if (!over && balance_on (item, as_of) > 0)
            break;
          last = over ? end : *as_of;
          if (!interest_for_period (policy, item, &start, &end, &last, extra, &raw, error))
            return NULL;
        }
      else
        {
          base = balance_on (item, &start);
          if (base <= 0)
            continue;
          if (!settle_checked_add (base, extra, &base))
            {
              overflow (error);
              return NULL;
            }
          if (policy->kind == SETTLE_LATE_FEE_FLAT
              || (policy->kind == SETTLE_LATE_FEE_FLAT_THEN_PERCENT && k == 1))
            raw = policy->flat;
          else if (!settle_round_mul_div (base, policy->rate_bp, 10000, policy->rounding, &raw))
            {
              overflow (error);
              return NULL;
            }
        }
      if (raw <= 0)
        continue;

      amount = raw;
      if (policy->minimum > 0 && amount < policy->minimum)
        amount = policy->minimum;
      if (policy->cap_per_period > 0 && amount > policy->cap_per_period)
        amount = policy->cap_per_period;
      if (policy->cap_per_invoice > 0)
        amount = MIN (amount, policy->cap_per_invoice - total);
      if (amount <= 0)
        continue;
      if (!settle_checked_add (total, amount, &total))
        {
          overflow (error);
          return NULL;
        }

      fee = g_new0 (SettleLateFee, 1);
      fee->period = k;
      fee->start = start;
      fee->end = end;
      fee->amount = amount;
      {
        g_autofree char *text = explain (policy, item, k, &start,
                                         kind_in_arrears (policy->kind) ? &last : NULL, base);
        if (amount > raw)
          fee->explanation = g_strdup_printf (_("%s, raised to the minimum fee"), text);
        else if (amount < raw)
          fee->explanation = g_strdup_printf (_("%s, limited by the cap"), text);
        else
          fee->explanation = g_steal_pointer (&text);
      }
      g_ptr_array_add (found, fee);
    }
  return g_steal_pointer (&found);
}

static int
compare_payments (gconstpointer a,
                  gconstpointer b)
{
  return g_date_compare (&((const SettleLateFeePayment *) a)->date,
                         &((const SettleLateFeePayment *) b)->date);
}

GArray *
settle_late_fee_history_from_payments (gint64                      current_balance,
                                       const GDate                *opened,
                                       const SettleLateFeePayment *payments,
                                       guint                       n_payments,
                                       GError                    **error)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (SettleLateFeePayment),
                                                n_payments);
  g_autoptr(GArray) history = g_array_new (FALSE, FALSE, sizeof (SettleBalancePoint));
  SettleBalancePoint point;
  gint64 balance = current_balance;

  g_return_val_if_fail (opened != NULL && g_date_valid (opened), NULL);
  g_return_val_if_fail (payments != NULL || n_payments == 0, NULL);

  if (current_balance < 0)
    {
      invalid (error, _("Late fee: the current balance cannot be negative"));
      return NULL;
    }
  g_array_append_vals (sorted, payments, n_payments);
  /* g_array_sort is a stable merge sort: payments of one day keep their order. */
  g_array_sort (sorted, compare_payments);
  for (guint i = 0; i < n_payments; i++)
    {
      const SettleLateFeePayment *p = &g_array_index (sorted, SettleLateFeePayment, i);

      if (!g_date_valid (&p->date) || g_date_compare (&p->date, opened) < 0)
        {
          invalid (error, _("Late fee: a payment is dated before the item was opened"));
          return NULL;
        }
      if (!settle_checked_add (balance, p->amount, &balance))
        {
          overflow (error);
          return NULL;
        }
    }

  point.date = *opened;
  point.balance = balance;
  g_array_append_val (history, point);
  for (guint i = 0; i < n_payments; i++)
    {
      const SettleLateFeePayment *p = &g_array_index (sorted, SettleLateFeePayment, i);
      SettleBalancePoint *last = &g_array_index (history, SettleBalancePoint, history->len - 1);

      balance -= p->amount;
      if (balance < 0)
        {
          g_autofree char *iso = settle_date_to_iso (&p->date);
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Late fee: the payments would take the balance below zero on %s"),
                       iso);
          return NULL;
        }
      if (g_date_compare (&last->date, &p->date) == 0)
        last->balance = balance;
      else
        {
          point.date = p->date;
          point.balance = balance;
          g_array_append_val (history, point);
        }
    }
  return g_steal_pointer (&history);
}

void
settle_late_fee_exclude_waived (GPtrArray *fees,
                                const int *waived_periods,
                                guint      n_waived)
{
  g_return_if_fail (fees != NULL);
  g_return_if_fail (waived_periods != NULL || n_waived == 0);

  for (guint i = fees->len; i > 0; i--)
    {
      const SettleLateFee *fee = g_ptr_array_index (fees, i - 1);

      for (guint w = 0; w < n_waived; w++)
        if (waived_periods[w] == fee->period)
          {
            g_ptr_array_remove_index (fees, i - 1);
            break;
          }
    }
}
