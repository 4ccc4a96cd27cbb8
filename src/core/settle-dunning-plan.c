/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dunning plan: what a run would do on a date. Reads only. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-dunning-private.h"
#include "settle-instalment-plan.h"
#include "settle-late-fee-store.h"

typedef struct
{
  SettleId  invoice_id;
  char     *number;
  SettleId  client_id;
  char     *client_name;
  char      currency[4];
  GDate     due_date;
  gint64    balance;
  gboolean  disputed;
  gboolean  paused;
  gboolean  opted_out;
  gboolean  has_email;
} OpenItem;

static void
open_item_clear (gpointer data)
{
  OpenItem *row = data;

  g_free (row->number);
  g_free (row->client_name);
}

/* Per client: its ladder and late-fee policy, loaded once. */
typedef struct
{
  SettleId             client_id;
  SettleDunningLadder *ladder;
  SettleDunningLadder *instalments;
  int                  fee_step;   /* index of the first fee step, -1 = none */
  gboolean             has_policy;
  SettleLateFeePolicy  policy;
} ClientRules;

static void
client_rules_clear (ClientRules *rules)
{
  g_clear_pointer (&rules->ladder, settle_dunning_ladder_free);
  g_clear_pointer (&rules->instalments, settle_dunning_ladder_free);
  rules->client_id = 0;
}

static gboolean
client_rules_load (SettleBook  *book,
                   SettleId     client_id,
                   ClientRules *rules,
                   GError     **error)
{
  client_rules_clear (rules);
  rules->ladder = settle_dunning_ladder_for_client (book, client_id, error);
  if (rules->ladder == NULL)
    return FALSE;
  rules->instalments = settle_dunning_instalment_ladder (rules->ladder);
  rules->fee_step = -1;
  for (guint i = 0; i < settle_dunning_ladder_get_n_steps (rules->ladder); i++)
    if (settle_dunning_ladder_get_step (rules->ladder, i)->fee)
      {
        rules->fee_step = i;
        break;
      }
  if (!settle_late_fee_store_for_client (book, client_id, &rules->policy, &rules->has_policy,
                                         error))
    return FALSE;
  rules->client_id = client_id;
  return TRUE;
}

static SettleDunningItem *
item_new (const OpenItem          *row,
          int                      instalment,
          const GDate             *due_date,
          gint64                   amount_due)
{
  SettleDunningItem *item = g_new0 (SettleDunningItem, 1);

  item->invoice_id = row->invoice_id;
  item->invoice_number = g_strdup (row->number);
  item->client_id = row->client_id;
  item->client_name = g_strdup (row->client_name);
  memcpy (item->currency, row->currency, sizeof item->currency);
  item->instalment = instalment;
  item->due_date = *due_date;
  item->amount_due = amount_due;
  item->step = SETTLE_DUNNING_STEP_NONE;
  item->has_email = row->has_email;
  item->fees = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_late_fee_free);
  return item;
}

static void
item_set_step (SettleDunningItem         *item,
               const SettleDunningLadder *ladder,
               const SettleDunningNext   *next)
{
  const SettleDunningStep *step = settle_dunning_ladder_get_step (ladder, next->step);

  item->step = next->step;
  item->scheduled = next->scheduled;
  item->catching_up = next->catching_up;
  item->template_id = g_strdup (step->template_id);
  item->channel = step->channel;
  item->action = step->action;
}

static gboolean
plan_item (SettleBook        *book,
           const OpenItem    *row,
           const ClientRules *rules,
           const GDate       *as_of,
           GPtrArray         *items,
           GError           **error)
{
  g_autoptr(SettleInstalmentPlan) plan = NULL;
  g_autoptr(GError) local = NULL;
  SettleDunningPause pauses = SETTLE_DUNNING_PAUSE_NONE;
  SettleDunningNext next;
  SettleDunningItem *item = NULL;
  GDate last_on;
  int last;
  gboolean found;

  plan = settle_instalment_plan_load_active (book, row->invoice_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (row->disputed)
    pauses |= SETTLE_DUNNING_PAUSE_DISPUTED;
  if (row->paused || row->opted_out)
    pauses |= SETTLE_DUNNING_PAUSE_OPTED_OUT;
  if (plan != NULL)
    pauses |= SETTLE_DUNNING_PAUSE_ON_PLAN;

  if (!settle_dunning_log_last (book, row->invoice_id, 0, &last, &last_on, error))
    return FALSE;
  found = settle_dunning_ladder_next_step (rules->ladder, &row->due_date, last,
                                           g_date_valid (&last_on) ? &last_on : NULL, pauses,
                                           as_of, &next);
  /* Fees only once the ladder has reached its fee step, and never while paused. */
  if (pauses == SETTLE_DUNNING_PAUSE_NONE && rules->has_policy && rules->fee_step >= 0 &&
      (last >= rules->fee_step || (found && next.step >= rules->fee_step)))
    {
      g_autoptr(GPtrArray) fees = settle_late_fee_store_due (book, row->invoice_id, &rules->policy,
                                                             FALSE, FALSE, as_of, error);

      if (fees == NULL)
        return FALSE;
      if (fees->len > 0)
        {
          item = item_new (row, 0, &row->due_date, row->balance);
          g_ptr_array_extend_and_steal (item->fees, g_steal_pointer (&fees));
        }
    }
  if (found)
    {
      if (item == NULL)
        item = item_new (row, 0, &row->due_date, row->balance);
      item_set_step (item, rules->ladder, &next);
    }
  if (item != NULL)
    g_ptr_array_add (items, item);

  /* On a plan: the next unpaid instalment follows the plain email steps. */
  if (plan != NULL && !row->disputed && !row->paused && !row->opted_out)
    {
      GDate due;
      int number;
      gint64 paid = 0, owed;

      if (!settle_instalment_plan_paid (book, plan, &paid, error))
        return FALSE;
      if (!settle_instalments_next_due (plan->instalments, paid, &due, &number, &owed))
        return TRUE;
      if (!settle_dunning_log_last (book, row->invoice_id, number, &last, &last_on, error))
        return FALSE;
      if (settle_dunning_ladder_get_n_steps (rules->instalments) > 0 &&
          settle_dunning_ladder_next_step (rules->instalments, &due, last,
                                           g_date_valid (&last_on) ? &last_on : NULL,
                                           SETTLE_DUNNING_PAUSE_NONE, as_of, &next))
        {
          item = item_new (row, number, &due, owed);
          item_set_step (item, rules->instalments, &next);
          g_ptr_array_add (items, item);
        }
    }
  return TRUE;
}

static void
count_item (SettleDunningPlan       *plan,
            const SettleDunningItem *item)
{
  plan->n_fees += item->fees->len;
  if (item->step == SETTLE_DUNNING_STEP_NONE)
    return;
  if (item->channel == SETTLE_DUNNING_CHANNEL_PHONE_TASK)
    plan->n_phone_tasks++;
  else
    plan->n_reminders++;
  if (item->action == SETTLE_DUNNING_ACTION_HOLD)
    plan->n_holds++;
  else if (item->action == SETTLE_DUNNING_ACTION_COLLECTIONS)
    plan->n_collections++;
}

SettleDunningPlan *
settle_dunning_plan (SettleBook  *book,
                     const GDate *as_of,
                     GError     **error)
{
  g_autoptr(SettleDunningPlan) plan = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (OpenItem));
  ClientRules rules = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  g_array_set_clear_func (rows, open_item_clear);
  plan = g_new0 (SettleDunningPlan, 1);
  plan->as_of = *as_of;
  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_dunning_item_free);

  /* Open invoices (not fee invoices) issued by as_of, client by client. */
  stmt = settle_book_prepare (book,
    "SELECT i.id, i.number, i.client_id, c.name, i.currency, i.due_date, "
    " i.total - i.amount_paid, i.disputed, i.dunning_paused, c.dunning_opt_out, c.email "
    "FROM invoices i JOIN clients c ON c.id = i.client_id "
    "WHERE i.kind = 'invoice' AND i.status IN ('issued', 'partial') "
    " AND i.late_fee_of IS NULL AND i.issue_date <= ?1 AND i.total > i.amount_paid "
    "ORDER BY c.name, c.id, i.due_date, i.id",
    error);
  if (stmt == NULL)
    return NULL;
  settle_bind_date (stmt, 1, as_of);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpenItem row = { 0 };
      const char *code = (const char *) sqlite3_column_text (stmt, 4);
      const char *email = (const char *) sqlite3_column_text (stmt, 10);

      row.invoice_id = sqlite3_column_int64 (stmt, 0);
      row.number = settle_column_dup (stmt, 1);
      row.client_id = sqlite3_column_int64 (stmt, 2);
      row.client_name = settle_column_dup (stmt, 3);
      g_strlcpy (row.currency, code ? code : "", sizeof row.currency);
      settle_column_date (stmt, 5, &row.due_date);
      row.balance = sqlite3_column_int64 (stmt, 6);
      row.disputed = sqlite3_column_int (stmt, 7) != 0;
      row.paused = sqlite3_column_int (stmt, 8) != 0;
      row.opted_out = sqlite3_column_int (stmt, 9) != 0;
      row.has_email = email != NULL && *email != '\0';
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }

  for (guint i = 0; ok && i < rows->len; i++)
    {
      const OpenItem *row = &g_array_index (rows, OpenItem, i);

      if (!g_date_valid (&row->due_date))
        continue;
      if (rules.client_id != row->client_id)
        ok = client_rules_load (book, row->client_id, &rules, error);
      if (ok)
        ok = plan_item (book, row, &rules, as_of, plan->items, error);
    }
  client_rules_clear (&rules);
  if (!ok)
    return NULL;
  for (guint i = 0; i < plan->items->len; i++)
    count_item (plan, g_ptr_array_index (plan->items, i));
  return g_steal_pointer (&plan);
}

char *
settle_dunning_plan_describe (const SettleDunningPlan *plan)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->n_reminders > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u reminder", "%u reminders",
                                                       plan->n_reminders), plan->n_reminders));
  if (plan->n_fees > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u late fee", "%u late fees",
                                                       plan->n_fees), plan->n_fees));
  if (plan->n_holds > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u hold", "%u holds",
                                                       plan->n_holds), plan->n_holds));
  if (plan->n_collections > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u hand-over to collections",
                                                       "%u hand-overs to collections",
                                                       plan->n_collections),
                                             plan->n_collections));
  if (plan->n_phone_tasks > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u call to make", "%u calls to make",
                                                       plan->n_phone_tasks),
                                             plan->n_phone_tasks));
  if (parts->len == 0)
    return g_strdup (_("Nothing is due"));
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: separates the parts of "12 reminders, 3 late fees, 1 hold" */
        g_string_append (text, _(", "));
      g_string_append (text, parts->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
