/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-dunning-ladder.h"

#define MIN_OFFSET (-365)
#define MAX_OFFSET 3650

static void
step_clear (gpointer data)
{
  SettleDunningStep *step = data;

  g_clear_pointer (&step->template_id, g_free);
}

SettleDunningLadder *
settle_dunning_ladder_new (void)
{
  SettleDunningLadder *ladder = g_new0 (SettleDunningLadder, 1);

  ladder->steps = g_array_new (FALSE, TRUE, sizeof (SettleDunningStep));
  g_array_set_clear_func (ladder->steps, step_clear);
  return ladder;
}

SettleDunningLadder *
settle_dunning_ladder_new_default (void)
{
  SettleDunningLadder *ladder = settle_dunning_ladder_new ();

  settle_dunning_ladder_add_step (ladder, -3, SETTLE_DUNNING_CHANNEL_EMAIL, "friendly",
                                  FALSE, SETTLE_DUNNING_ACTION_NONE);
  settle_dunning_ladder_add_step (ladder, 0, SETTLE_DUNNING_CHANNEL_EMAIL, "due-today",
                                  FALSE, SETTLE_DUNNING_ACTION_NONE);
  settle_dunning_ladder_add_step (ladder, 3, SETTLE_DUNNING_CHANNEL_EMAIL, "polite",
                                  FALSE, SETTLE_DUNNING_ACTION_NONE);
  settle_dunning_ladder_add_step (ladder, 10, SETTLE_DUNNING_CHANNEL_EMAIL, "firm",
                                  FALSE, SETTLE_DUNNING_ACTION_NONE);
  settle_dunning_ladder_add_step (ladder, 30, SETTLE_DUNNING_CHANNEL_LETTER, "final-notice",
                                  TRUE, SETTLE_DUNNING_ACTION_NONE);
  settle_dunning_ladder_add_step (ladder, 45, SETTLE_DUNNING_CHANNEL_EMAIL, "account-hold",
                                  FALSE, SETTLE_DUNNING_ACTION_HOLD);
  settle_dunning_ladder_add_step (ladder, 60, SETTLE_DUNNING_CHANNEL_PHONE_TASK, "collections",
                                  FALSE, SETTLE_DUNNING_ACTION_COLLECTIONS);
  return ladder;
}

void
settle_dunning_ladder_free (SettleDunningLadder *ladder)
{
  if (ladder == NULL)
    return;
  g_array_unref (ladder->steps);
  g_free (ladder);
}

void
settle_dunning_ladder_add_step (SettleDunningLadder *ladder,
                                int                  offset_days,
                                SettleDunningChannel channel,
                                const char          *template_id,
                                gboolean             fee,
                                SettleDunningAction  action)
{
  SettleDunningStep step = { offset_days, channel, g_strdup (template_id), fee, action };

  g_return_if_fail (ladder != NULL);
  g_array_append_val (ladder->steps, step);
}

guint
settle_dunning_ladder_get_n_steps (const SettleDunningLadder *ladder)
{
  g_return_val_if_fail (ladder != NULL, 0);
  return ladder->steps->len;
}

const SettleDunningStep *
settle_dunning_ladder_get_step (const SettleDunningLadder *ladder,
                                guint                      index)
{
  g_return_val_if_fail (ladder != NULL, NULL);
  g_return_val_if_fail (index < ladder->steps->len, NULL);
  return &g_array_index (ladder->steps, SettleDunningStep, index);
}

static const char *const channel_names[] = { "email", "letter", "phone-task" };
static const char *const action_names[] = { "none", "hold", "collections" };

const char *
settle_dunning_channel_to_string (SettleDunningChannel channel)
{
  g_return_val_if_fail (channel <= SETTLE_DUNNING_CHANNEL_PHONE_TASK, "email");
  return channel_names[channel];
}

gboolean
settle_dunning_channel_from_string (const char           *text,
                                    SettleDunningChannel *channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (channel_names); i++)
    if (g_strcmp0 (text, channel_names[i]) == 0)
      {
        *channel = (SettleDunningChannel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
settle_dunning_channel_label (SettleDunningChannel channel)
{
  switch (channel)
    {
    case SETTLE_DUNNING_CHANNEL_LETTER:
      return _("Letter");
    case SETTLE_DUNNING_CHANNEL_PHONE_TASK:
      return _("Phone call");
    case SETTLE_DUNNING_CHANNEL_EMAIL:
    default:
      return _("Email");
    }
}

const char *
settle_dunning_action_to_string (SettleDunningAction action)
{
  g_return_val_if_fail (action <= SETTLE_DUNNING_ACTION_COLLECTIONS, "none");
  return action_names[action];
}

static gboolean
template_id_ok (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_'))
      return FALSE;
  return TRUE;
}

static gboolean
step_error (GError    **error,
            guint       index,
            const char *message)
{
  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
               _("Dunning ladder, step %u: %s"), index + 1, message);
  return FALSE;
}

gboolean
settle_dunning_ladder_validate (const SettleDunningLadder *ladder,
                                GError                   **error)
{
  int hold_at = -1, collections_at = -1;

  g_return_val_if_fail (ladder != NULL, FALSE);

  if (ladder->steps->len == 0)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Dunning ladder: add at least one step"));
      return FALSE;
    }
  for (guint i = 0; i < ladder->steps->len; i++)
    {
      const SettleDunningStep *step = &g_array_index (ladder->steps, SettleDunningStep, i);

      if (step->offset_days < MIN_OFFSET || step->offset_days > MAX_OFFSET)
        return step_error (error, i, _("the day must be between 365 days before and "
                                       "3650 days after the due date"));
      if (i > 0 && step->offset_days
                   <= g_array_index (ladder->steps, SettleDunningStep, i - 1).offset_days)
        return step_error (error, i, _("each step must come later than the one before it"));
      if (step->channel > SETTLE_DUNNING_CHANNEL_PHONE_TASK)
        return step_error (error, i, _("unknown channel; expected email, letter or phone task"));
      if (!template_id_ok (step->template_id))
        return step_error (error, i, _("the template name must be lower-case letters, digits, "
                                       "“-” or “_”"));
      if (step->action > SETTLE_DUNNING_ACTION_COLLECTIONS)
        return step_error (error, i, _("unknown action; expected none, hold or collections"));
      if (step->action == SETTLE_DUNNING_ACTION_HOLD)
        {
          if (hold_at >= 0)
            return step_error (error, i, _("only one step may put the account on hold"));
          hold_at = (int) i;
        }
      if (step->action == SETTLE_DUNNING_ACTION_COLLECTIONS)
        {
          if (collections_at >= 0)
            return step_error (error, i, _("only one step may hand the item to collections"));
          collections_at = (int) i;
        }
    }
  if (collections_at >= 0 && collections_at != (int) ladder->steps->len - 1)
    return step_error (error, (guint) collections_at,
                       _("handing to collections must be the last step"));
  return TRUE;
}

char *
settle_dunning_ladder_to_string (const SettleDunningLadder *ladder)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (ladder != NULL, NULL);

  for (guint i = 0; i < ladder->steps->len; i++)
    {
      const SettleDunningStep *step = &g_array_index (ladder->steps, SettleDunningStep, i);

      if (i > 0)
        g_string_append_c (s, ';');
      g_string_append_printf (s, "%d:%s:%s", step->offset_days,
                              settle_dunning_channel_to_string (step->channel),
                              step->template_id ? step->template_id : "");
      if (step->fee)
        g_string_append (s, ":fee");
      if (step->action != SETTLE_DUNNING_ACTION_NONE)
        g_string_append_printf (s, ":%s", settle_dunning_action_to_string (step->action));
    }
  return g_string_free (s, FALSE);
}

SettleDunningLadder *
settle_dunning_ladder_parse (const char *text,
                             GError    **error)
{
  g_autoptr(SettleDunningLadder) ladder = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  ladder = settle_dunning_ladder_new ();
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_strstrip (parts[i]), ":", -1);
      guint n = g_strv_length (f);
      SettleDunningChannel channel;
      SettleDunningAction action = SETTLE_DUNNING_ACTION_NONE;
      gboolean fee = FALSE, ok;
      gint64 offset;

      ok = n >= 3 && n <= 5
           && g_ascii_string_to_signed (f[0], 10, G_MININT, G_MAXINT, &offset, NULL)
           && settle_dunning_channel_from_string (f[1], &channel);
      for (guint j = 3; ok && j < n; j++)
        {
          if (g_str_equal (f[j], "fee") && !fee && action == SETTLE_DUNNING_ACTION_NONE)
            fee = TRUE;
          else if (g_str_equal (f[j], "hold") && action == SETTLE_DUNNING_ACTION_NONE)
            action = SETTLE_DUNNING_ACTION_HOLD;
          else if (g_str_equal (f[j], "collections") && action == SETTLE_DUNNING_ACTION_NONE)
            action = SETTLE_DUNNING_ACTION_COLLECTIONS;
          else
            ok = FALSE;
        }
      if (!ok)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Dunning ladder, step %u: “%s” is not understood; expected "
                         "DAYS:CHANNEL:TEMPLATE[:fee][:hold|:collections], for example "
                         "“30:letter:final-notice:fee”"),
                       i + 1, parts[i]);
          return NULL;
        }
      settle_dunning_ladder_add_step (ladder, (int) offset, channel, f[2], fee, action);
    }
  if (!settle_dunning_ladder_validate (ladder, error))
    return NULL;
  return g_steal_pointer (&ladder);
}

gboolean
settle_dunning_ladder_next_step (const SettleDunningLadder *ladder,
                                 const GDate               *due_date,
                                 int                        last_done,
                                 const GDate               *last_done_on,
                                 SettleDunningPause         pauses,
                                 const GDate               *as_of,
                                 SettleDunningNext         *next)
{
  const SettleDunningStep *step;
  GDate scheduled;
  int n;

  g_return_val_if_fail (ladder != NULL, FALSE);
  g_return_val_if_fail (due_date != NULL && g_date_valid (due_date), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (last_done >= SETTLE_DUNNING_STEP_NONE, FALSE);

  if (pauses != SETTLE_DUNNING_PAUSE_NONE)
    return FALSE;
  n = last_done + 1;
  if (n >= (int) ladder->steps->len)
    return FALSE;
  /* At most one step per item per day: a second run on the same day sends nothing,
   * and an item behind the ladder moves on by one step on each later day. */
  if (last_done != SETTLE_DUNNING_STEP_NONE && last_done_on != NULL && g_date_valid (last_done_on)
      && g_date_compare (as_of, last_done_on) <= 0)
    return FALSE;

  step = &g_array_index (ladder->steps, SettleDunningStep, n);
  scheduled = *due_date;
  if (step->offset_days >= 0)
    g_date_add_days (&scheduled, (guint) step->offset_days);
  else
    g_date_subtract_days (&scheduled, (guint) -step->offset_days);
  if (g_date_compare (&scheduled, as_of) > 0)
    return FALSE;

  if (next != NULL)
    {
      next->step = n;
      next->scheduled = scheduled;
      next->catching_up = g_date_compare (&scheduled, as_of) < 0;
    }
  return TRUE;
}
