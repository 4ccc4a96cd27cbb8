/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <locale.h>
#include <string.h>

#include "settle-dunning-ladder.h"
#include "settle-test-util.h"

#define DEFAULT_TEXT                                                                     \
  "-3:email:friendly;0:email:due-today;3:email:polite;10:email:firm;"                  \
  "30:letter:final-notice:fee;45:email:account-hold:hold;60:phone-task:collections:collections"

static void
test_default_ladder (void)
{
  g_autoptr(SettleDunningLadder) ladder = settle_dunning_ladder_new_default ();
  g_autoptr(SettleDunningLadder) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = settle_dunning_ladder_to_string (ladder);
  g_autofree char *again = NULL;
  static const int offsets[] = { -3, 0, 3, 10, 30, 45, 60 };

  g_assert_true (settle_dunning_ladder_validate (ladder, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, DEFAULT_TEXT);
  g_assert_cmpuint (settle_dunning_ladder_get_n_steps (ladder), ==, G_N_ELEMENTS (offsets));
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    g_assert_cmpint (settle_dunning_ladder_get_step (ladder, i)->offset_days, ==, offsets[i]);
  g_assert_true (settle_dunning_ladder_get_step (ladder, 4)->fee);
  g_assert_cmpint (settle_dunning_ladder_get_step (ladder, 4)->channel, ==,
                   SETTLE_DUNNING_CHANNEL_LETTER);
  g_assert_cmpint (settle_dunning_ladder_get_step (ladder, 5)->action, ==,
                   SETTLE_DUNNING_ACTION_HOLD);
  g_assert_cmpint (settle_dunning_ladder_get_step (ladder, 6)->action, ==,
                   SETTLE_DUNNING_ACTION_COLLECTIONS);

  parsed = settle_dunning_ladder_parse (text, &error);
  g_assert_no_error (error);
  again = settle_dunning_ladder_to_string (parsed);
  g_assert_cmpstr (again, ==, text);
  g_assert_cmpstr (settle_dunning_channel_label (SETTLE_DUNNING_CHANNEL_PHONE_TASK), ==, "Phone call");
}

static void
test_invalid_ladders (void)
{
  static const struct
  {
    const char *text;
    const char *message_part;
  } bad[] = {
    { "", "add at least one step" },
    { "3:email", "not understood" },
    { "x:email:polite", "not understood" },
    { "3:fax:polite", "not understood" },
    { "3:email:polite:fee:fee", "not understood" },
    { "3:email:polite:hold:fee", "not understood" },
    { "0:email:due;0:email:again", "step 2: each step must come later" },
    { "10:email:firm;3:email:polite", "step 2: each step must come later" },
    { "10:email:Firm Notice", "step 1: the template name" },
    { "30:email:a:hold;45:email:b:hold", "step 2: only one step may put" },
    { "30:email:a:collections;45:email:b", "step 1: handing to collections must be the last" },
    { "-400:email:early", "step 1: the day must be" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SettleDunningLadder) ladder = settle_dunning_ladder_parse (bad[i].text, &error);

      g_test_message ("“%s”: %s", bad[i].text, error ? error->message : "(no error)");
      g_assert_null (ladder);
      g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].message_part));
    }

  {
    g_autoptr(SettleDunningLadder) empty = settle_dunning_ladder_new ();
    g_autoptr(GError) error = NULL;

    g_assert_false (settle_dunning_ladder_validate (empty, &error));
    g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  }
}

static void
test_single_evaluations (void)
{
  g_autoptr(SettleDunningLadder) ladder = settle_dunning_ladder_new_default ();
  GDate due = settle_test_date ("2026-03-10");
  GDate day;
  GDate done_on;
  SettleDunningNext next;

  /* Before the first step's day: nothing. On it: step 0, on time. */
  day = settle_test_date ("2026-03-06");
  g_assert_false (settle_dunning_ladder_next_step (ladder, &due, SETTLE_DUNNING_STEP_NONE, NULL,
                                                   SETTLE_DUNNING_PAUSE_NONE, &day, &next));
  day = settle_test_date ("2026-03-07");
  g_assert_true (settle_dunning_ladder_next_step (ladder, &due, SETTLE_DUNNING_STEP_NONE, NULL,
                                                  SETTLE_DUNNING_PAUSE_NONE, &day, &next));
  g_assert_cmpint (next.step, ==, 0);
  g_assert_false (next.catching_up);

  /* 40 days late with nothing sent: only step 0 now, marked as catching up. */
  day = settle_test_date ("2026-04-19");
  g_assert_true (settle_dunning_ladder_next_step (ladder, &due, SETTLE_DUNNING_STEP_NONE, NULL,
                                                  SETTLE_DUNNING_PAUSE_NONE, &day, &next));
  g_assert_cmpint (next.step, ==, 0);
  g_assert_true (next.catching_up);
  /* Step 0 carried out that day: nothing more the same day, step 1 the next day. */
  done_on = day;
  g_assert_false (settle_dunning_ladder_next_step (ladder, &due, 0, &done_on,
                                                   SETTLE_DUNNING_PAUSE_NONE, &day, &next));
  g_date_add_days (&day, 1);
  g_assert_true (settle_dunning_ladder_next_step (ladder, &due, 0, &done_on,
                                                  SETTLE_DUNNING_PAUSE_NONE, &day, &next));
  g_assert_cmpint (next.step, ==, 1);

  /* Every pause holds the item; the last step done means the ladder is over. */
  for (guint flag = SETTLE_DUNNING_PAUSE_DISPUTED; flag <= SETTLE_DUNNING_PAUSE_OPTED_OUT; flag <<= 1)
    g_assert_false (settle_dunning_ladder_next_step (ladder, &due, 0, &done_on, flag, &day, &next));
  g_assert_false (settle_dunning_ladder_next_step (ladder, &due, 6, &done_on,
                                                   SETTLE_DUNNING_PAUSE_NONE, &day, &next));
}

/* One simulated item: its due date, the days it is paused, the first day the
 * runner looks at it, and the schedule expected, written by hand from the default
 * ladder (−3, 0, +3, +10, +30, +45, +60) and the rule: the next step in order, on
 * or after its date, at most one step a day, none while paused. */
typedef struct
{
  const char        *name;
  const char        *due;
  const char        *pause_from;  /* NULL = never paused */
  const char        *pause_until; /* paused through this day */
  SettleDunningPause pause;
  const char        *first_run;   /* NULL = every day of the simulation */
  const char        *expected[7]; /* the day each step is carried out; NULL = not within 120 days */
} SimItem;

static const SimItem sim_items[] = {
  /* On time: each step on its own date. 01-10 −3 = 01-07; +30 = 02-09; +45 = 02-24;
   * +60 = 03-11. */
  { "on time", "2026-01-10", NULL, NULL, 0, NULL,
    { "2026-01-07", "2026-01-10", "2026-01-13", "2026-01-20", "2026-02-09", "2026-02-24",
      "2026-03-11" } },
  /* Found 40 days late on 01-01 with nothing sent: steps 0–4 (dates 11-19 … 12-22,
   * all past) come one a day from 01-01; step 5 (+45 = 01-06) is on time on 01-06;
   * step 6 waits for its date, 01-21. */
  { "found 40 days late", "2025-11-22", NULL, NULL, 0, NULL,
    { "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05", "2026-01-06",
      "2026-01-21" } },
  /* Disputed 01-25..02-14: step 3 (+10 = 01-30) waits for 02-15; step 4 (+30 = 02-19)
   * is back on schedule. */
  { "disputed for three weeks", "2026-01-20", "2026-01-25", "2026-02-14",
    SETTLE_DUNNING_PAUSE_DISPUTED, NULL,
    { "2026-01-17", "2026-01-20", "2026-01-23", "2026-02-15", "2026-02-19", "2026-03-06",
      "2026-03-21" } },
  /* The runner is down until 02-28: on 03-01 every step up to +45 (02-19) is past
   * and +60 (03-06) is past by 03-07, so one step a day from 03-01 to 03-07. */
  { "runner down for two months", "2026-01-05", NULL, NULL, 0, "2026-03-01",
    { "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06",
      "2026-03-07" } },
  /* Opted out for the whole window: nothing. */
  { "opted out", "2026-01-15", "2026-01-01", "2026-04-30", SETTLE_DUNNING_PAUSE_OPTED_OUT, NULL,
    { NULL } },
  /* AutoPay would charge on 02-20 (paused before it); the charge failed, so steps
   * 0–2 (02-12, 02-15, 02-18) catch up from 02-20; +10 = 02-25, +30 = 03-17,
   * +45 = 04-01, +60 = 04-16 on time. */
  { "autopay charge failed", "2026-02-15", "2026-01-01", "2026-02-19",
    SETTLE_DUNNING_PAUSE_AUTOPAY, NULL,
    { "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-25", "2026-03-17", "2026-04-01",
      "2026-04-16" } },
  /* On a payment plan for the whole window: nothing. */
  { "on a plan", "2026-03-01", "2026-01-01", "2026-04-30", SETTLE_DUNNING_PAUSE_ON_PLAN, NULL,
    { NULL } },
  /* Due near the end: +30 (05-20) falls after the window. */
  { "due late in the window", "2026-04-20", NULL, NULL, 0, NULL,
    { "2026-04-17", "2026-04-20", "2026-04-23", "2026-04-30", NULL } },
};

/* 120 days, 2026-01-01 to 2026-04-30, two runs a day (the second must send nothing). */
static void
test_simulated_120_days (void)
{
  g_autoptr(SettleDunningLadder) ladder = settle_dunning_ladder_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (sim_items); i++)
    {
      const SimItem *item = &sim_items[i];
      GDate due = settle_test_date (item->due);
      GDate day = settle_test_date ("2026-01-01");
      GDate last_day = settle_test_date ("2026-04-30");
      GDate done_on[7];
      int last_done = SETTLE_DUNNING_STEP_NONE;
      guint n_days = 0;

      g_test_message ("item “%s”", item->name);
      for (; g_date_compare (&day, &last_day) <= 0; g_date_add_days (&day, 1), n_days++)
        {
          SettleDunningPause pauses = SETTLE_DUNNING_PAUSE_NONE;

          if (item->first_run != NULL)
            {
              GDate first = settle_test_date (item->first_run);
              if (g_date_compare (&day, &first) < 0)
                continue;
            }
          if (item->pause_from != NULL)
            {
              GDate from = settle_test_date (item->pause_from);
              GDate until = settle_test_date (item->pause_until);
              if (g_date_compare (&day, &from) >= 0 && g_date_compare (&day, &until) <= 0)
                pauses = item->pause;
            }
          for (int run = 0; run < 2; run++)
            {
              SettleDunningNext next;
              const GDate *last_on = last_done >= 0 ? &done_on[last_done] : NULL;

              if (!settle_dunning_ladder_next_step (ladder, &due, last_done, last_on, pauses,
                                                    &day, &next))
                continue;
              g_assert_cmpint (run, ==, 0);
              g_assert_cmpint (next.step, ==, last_done + 1);
              last_done = next.step;
              done_on[last_done] = day;
            }
        }
      g_assert_cmpuint (n_days, ==, 120);

      for (int s = 0; s < 7; s++)
        {
          if (item->expected[s] == NULL)
            {
              g_assert_cmpint (last_done, ==, s - 1);
              break;
            }
          else
            {
              g_autofree char *got = NULL;

              g_assert_cmpint (last_done, >=, s);
              got = settle_date_to_iso (&done_on[s]);
              g_assert_cmpstr (got, ==, item->expected[s]);
            }
        }
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dunning-ladder/default", test_default_ladder);
  g_test_add_func ("/dunning-ladder/invalid", test_invalid_ladders);
  g_test_add_func ("/dunning-ladder/single-evaluations", test_single_evaluations);
  g_test_add_func ("/dunning-ladder/simulated-120-days", test_simulated_120_days);
  return g_test_run ();
}
