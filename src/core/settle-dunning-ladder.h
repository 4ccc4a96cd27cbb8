/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* The dunning ladder: a pure engine (no SQL). The caller keeps the send log (which
 * step was carried out for which item, and when) and asks which step is due now.
 * Semantics, with the catch-up rule, in docs/collections.md. */

typedef enum
{
  SETTLE_DUNNING_CHANNEL_EMAIL,
  SETTLE_DUNNING_CHANNEL_LETTER,     /* a PDF letter */
  SETTLE_DUNNING_CHANNEL_PHONE_TASK, /* a task for a person to call */
} SettleDunningChannel;

typedef enum
{
  SETTLE_DUNNING_ACTION_NONE,
  SETTLE_DUNNING_ACTION_HOLD,        /* put the client's account on hold */
  SETTLE_DUNNING_ACTION_COLLECTIONS, /* hand the item to collections */
} SettleDunningAction;

typedef enum
{
  SETTLE_DUNNING_PAUSE_NONE      = 0,
  SETTLE_DUNNING_PAUSE_DISPUTED  = 1 << 0,
  SETTLE_DUNNING_PAUSE_ON_PLAN   = 1 << 1,
  SETTLE_DUNNING_PAUSE_AUTOPAY   = 1 << 2, /* AutoPay will charge it; its date has not come */
  SETTLE_DUNNING_PAUSE_OPTED_OUT = 1 << 3, /* the client or the invoice opted out */
} SettleDunningPause;

typedef struct
{
  int                  offset_days; /* relative to the due date; negative = before */
  SettleDunningChannel channel;
  char                *template_id; /* [a-z0-9_-]+ */
  gboolean             fee;         /* the step charges the late fee */
  SettleDunningAction  action;
} SettleDunningStep;

typedef struct
{
  GArray *steps; /* SettleDunningStep, in order */
} SettleDunningLadder;

/* No step carried out yet. */
#define SETTLE_DUNNING_STEP_NONE (-1)

typedef struct
{
  int      step;        /* index into the ladder */
  GDate    scheduled;   /* due date + the step's offset */
  gboolean catching_up; /* scheduled before as_of: the item is behind the ladder */
} SettleDunningNext;

SettleDunningLadder *settle_dunning_ladder_new          (void);
/* −3 friendly, due day, +3 polite, +10 firm, +30 final notice with fee,
 * +45 account hold, +60 hand to collections. */
SettleDunningLadder *settle_dunning_ladder_new_default  (void);
void                 settle_dunning_ladder_free         (SettleDunningLadder *ladder);
void                 settle_dunning_ladder_add_step     (SettleDunningLadder *ladder,
                                                         int                  offset_days,
                                                         SettleDunningChannel channel,
                                                         const char          *template_id,
                                                         gboolean             fee,
                                                         SettleDunningAction  action);
guint                settle_dunning_ladder_get_n_steps  (const SettleDunningLadder *ladder);
const SettleDunningStep *
                     settle_dunning_ladder_get_step     (const SettleDunningLadder *ladder,
                                                         guint                      index);

/* Offsets strictly increasing, within −365..3650 days; known channels; template ids
 * given; at most one hold and one collections step, the collections step last and
 * after the hold. The message names the step ("Step 3: …"). */
gboolean             settle_dunning_ladder_validate     (const SettleDunningLadder *ladder,
                                                         GError                   **error);
/* Steps joined by ";", each "OFFSET:CHANNEL:TEMPLATE[:fee][:hold|:collections]":
 * "-3:email:friendly;0:email:due;…;60:phone-task:collections:collections". */
char                *settle_dunning_ladder_to_string    (const SettleDunningLadder *ladder);
SettleDunningLadder *settle_dunning_ladder_parse        (const char                *text,
                                                         GError                   **error);

const char          *settle_dunning_channel_to_string   (SettleDunningChannel channel);
gboolean             settle_dunning_channel_from_string (const char          *text,
                                                         SettleDunningChannel *channel);
/* Translated: "Email", "Letter", "Phone call". */
const char          *settle_dunning_channel_label       (SettleDunningChannel channel);
const char          *settle_dunning_action_to_string    (SettleDunningAction  action);

/* The one step to carry out now for an item, if any: the step after last_done
 * (SETTLE_DUNNING_STEP_NONE when none was), when its date (due + offset) is on or
 * before as_of, the item is not paused, and no step was carried out for it on
 * as_of or later (last_done_on; ignored when last_done is NONE). An item behind
 * the ladder therefore catches up one step per day, in order. */
gboolean             settle_dunning_ladder_next_step    (const SettleDunningLadder *ladder,
                                                         const GDate               *due_date,
                                                         int                        last_done,
                                                         const GDate               *last_done_on,
                                                         SettleDunningPause         pauses,
                                                         const GDate               *as_of,
                                                         SettleDunningNext         *next);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleDunningLadder, settle_dunning_ladder_free)

G_END_DECLS
