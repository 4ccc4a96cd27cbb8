/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-agreement.h"
#include "settle-book-private.h"
#include "settle-demo-agreements.h"
#include "settle-project.h"

static gboolean
add_agreement (SettleBook  *book,
               GRand       *rand,
               SettleId     client_id,
               const char  *currency,
               const GDate *today,
               GError     **error)
{
  g_autoptr(SettleAgreement) ag = settle_agreement_new (client_id, currency);
  int roll = g_rand_int_range (rand, 0, 100);
  GDate start = *today;

  g_free (ag->name);
  g_date_set_day (&start, 1);
  if (roll < 65)
    ag->name = g_strdup (_("Managed services"));
  else if (roll < 80)
    {
      ag->name = g_strdup (_("Firewall and security monitoring"));
      ag->cycle = SETTLE_CYCLE_QUARTERLY;
      g_date_set_month (&start, (g_date_get_month (today) - 1) / 3 * 3 + 1);
    }
  else if (roll < 92)
    {
      ag->name = g_strdup (_("Microsoft 365 licences"));
      ag->cycle = SETTLE_CYCLE_YEARLY;
      ag->alignment = SETTLE_ALIGN_ANNIVERSARY;
      start = *today;
      g_date_subtract_days (&start, g_rand_int_range (rand, 0, 20));
    }
  else
    {
      /* Signed, starting next month: nothing to bill yet. */
      ag->name = g_strdup (_("Managed services"));
      g_date_add_months (&start, 1);
    }
  ag->start_date = start;
  ag->auto_issue = g_rand_int_range (rand, 0, 100) < 70;
  ag->billing_day = 1;

  if (ag->cycle == SETTLE_CYCLE_YEARLY)
    settle_agreement_add_line (ag, _("Microsoft 365 Business Premium, per user"),
                               g_rand_int_range (rand, 5, 60) * 1000, 26400, 0, FALSE);
  else if (ag->cycle == SETTLE_CYCLE_QUARTERLY)
    settle_agreement_add_line (ag, _("Managed firewall"), 1000,
                               g_rand_int_range (rand, 3, 12) * 15000, 0, FALSE);
  else
    {
      settle_agreement_add_line (ag, _("Managed workstation"),
                                 g_rand_int_range (rand, 5, 80) * 1000,
                                 (95 + g_rand_int_range (rand, 0, 8) * 10) * 100, 0, FALSE);
      if (g_rand_int_range (rand, 0, 100) < 50)
        settle_agreement_add_line (ag, _("Managed server"), g_rand_int_range (rand, 1, 4) * 1000,
                                   29900, 0, FALSE);
      if (g_rand_int_range (rand, 0, 100) < 40)
        settle_agreement_add_line (ag, _("Cloud backup, per GB"), 0, 12, 0, TRUE);
    }
  return settle_agreement_save (book, ag, error);
}

static gboolean
add_project (SettleBook  *book,
             GRand       *rand,
             SettleId     client_id,
             const char  *currency,
             const GDate *today,
             GError     **error)
{
  static const char * const names[] = {
    N_("Office move"), N_("Server migration"), N_("Network refresh"), N_("Cloud migration"),
  };
  g_autoptr(SettleProject) p = settle_project_new (client_id, currency);
  GDate due = *today;
  gint64 total = 0;

  g_free (p->name);
  p->name = g_strdup (_(names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]));
  for (int i = 0; i < 3; i++)
    {
      static const char * const steps[] = { N_("Planning"), N_("Implementation"),
                                            N_("Handover") };
      gint64 amount = g_rand_int_range (rand, 10, 80) * 10000;

      g_date_add_days (&due, 14 + g_rand_int_range (rand, 0, 30));
      settle_project_add_milestone (p, _(steps[i]), amount, &due);
      total += amount;
    }
  p->budget = total + total / 10;
  return settle_project_save (book, p, error);
}

gboolean
settle_demo_add_agreements (SettleBook              *book,
                            const SettleDemoOptions *options,
                            GError                 **error)
{
  g_autoptr(GArray) clients = g_array_new (FALSE, FALSE, sizeof (SettleId));
  GRand *rand;
  sqlite3_stmt *stmt;
  GDate today;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (g_date_valid (&options->today))
    today = options->today;
  else
    settle_today (&today);
  stmt = settle_book_prepare (book, "SELECT id FROM clients ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (clients, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);

  rand = g_rand_new_with_seed (options->seed ^ 0x41475245u);
  if (!settle_book_begin (book, error))
    {
      g_rand_free (rand);
      return FALSE;
    }
  for (guint i = 0; i < clients->len && ok; i++)
    {
      SettleId id = g_array_index (clients, SettleId, i);

      if (i % 3 == 0)
        ok = add_agreement (book, rand, id, options->currency, &today, error);
      if (ok && i % 10 == 5)
        ok = add_project (book, rand, id, options->currency, &today, error);
    }
  g_rand_free (rand);
  if (!ok)
    {
      settle_book_rollback (book);
      return FALSE;
    }
  return settle_book_commit (book, error);
}
