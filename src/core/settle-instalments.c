/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-instalments.h"

#define MAX_INSTALMENTS 360

static const char *const rule_names[] = { "last", "first", "spread" };

const char *
settle_remainder_rule_to_string (SettleRemainderRule rule)
{
  g_return_val_if_fail (rule <= SETTLE_REMAINDER_SPREAD, "last");
  return rule_names[rule];
}

gboolean
settle_remainder_rule_from_string (const char          *text,
                                   SettleRemainderRule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    if (g_strcmp0 (text, rule_names[i]) == 0)
      {
        *rule = (SettleRemainderRule) i;
        return TRUE;
      }
  return FALSE;
}

static GArray *
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return NULL;
}

GArray *
settle_instalments_split (gint64                   balance,
                          guint                    n,
                          const GDate             *first_due,
                          SettleInstalmentInterval interval,
                          int                      every_days,
                          SettleRemainderRule      rule,
                          GError                 **error)
{
  g_autoptr(GArray) plan = NULL;
  gint64 base, remainder;

  if (balance <= 0)
    return invalid (error, _("Instalment plan: the balance must be more than zero"));
  if (n < 1 || n > MAX_INSTALMENTS)
    return invalid (error, _("Instalment plan: the number of instalments must be between 1 and 360"));
  if ((guint64) balance < n)
    return invalid (error, _("Instalment plan: the balance is too small for that many instalments"));
  if (first_due == NULL || !g_date_valid (first_due))
    return invalid (error, _("Instalment plan: the first due date is missing"));
  if (interval != SETTLE_INSTALMENTS_MONTHLY && interval != SETTLE_INSTALMENTS_EVERY_N_DAYS)
    return invalid (error, _("Instalment plan: unknown interval"));
  if (interval == SETTLE_INSTALMENTS_EVERY_N_DAYS && (every_days < 1 || every_days > 366))
    return invalid (error, _("Instalment plan: the days between instalments must be between 1 and 366"));
  if (rule > SETTLE_REMAINDER_SPREAD)
    return invalid (error, _("Instalment plan: unknown rule for the remainder"));

  base = balance / (gint64) n;
  remainder = balance % (gint64) n;
  plan = g_array_sized_new (FALSE, TRUE, sizeof (SettleInstalment), n);
  for (guint i = 0; i < n; i++)
    {
      SettleInstalment inst = { (int) i + 1 };

      /* Counted from the first date each time, so the 31st stays the month's end. */
      inst.due_date = *first_due;
      if (interval == SETTLE_INSTALMENTS_MONTHLY)
        g_date_add_months (&inst.due_date, i);
      else
        g_date_add_days (&inst.due_date, i * (guint) every_days);
      if (!g_date_valid (&inst.due_date))
        return invalid (error, _("Instalment plan: the last instalment is too far in the future"));

      inst.amount = base;
      switch (rule)
        {
        case SETTLE_REMAINDER_FIRST:
          if (i == 0)
            inst.amount += remainder;
          break;
        case SETTLE_REMAINDER_SPREAD:
          if ((gint64) i < remainder)
            inst.amount += 1;
          break;
        case SETTLE_REMAINDER_LAST:
        default:
          if (i == n - 1)
            inst.amount += remainder;
          break;
        }
      g_array_append_val (plan, inst);
    }
  return g_steal_pointer (&plan);
}

gboolean
settle_instalments_next_due (const GArray *instalments,
                             gint64        paid,
                             GDate        *due_date,
                             int          *number,
                             gint64       *owed)
{
  gint64 covered = 0;

  g_return_val_if_fail (instalments != NULL, FALSE);
  g_return_val_if_fail (paid >= 0, FALSE);

  for (guint i = 0; i < instalments->len; i++)
    {
      const SettleInstalment *inst = &g_array_index (instalments, SettleInstalment, i);

      /* The plan's amounts sum to a gint64 balance, so this cannot overflow. */
      covered += inst->amount;
      if (paid < covered)
        {
          if (due_date != NULL)
            *due_date = inst->due_date;
          if (number != NULL)
            *number = inst->number;
          if (owed != NULL)
            *owed = covered - MAX (paid, covered - inst->amount);
          return TRUE;
        }
    }
  return FALSE;
}
