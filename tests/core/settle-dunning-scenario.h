/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-collections-packet.h"

G_BEGIN_DECLS

/* The collections scenario shared by the dunning test and the crash test: 20 clients
 * over 120 days (2026-01-01 to 2026-04-30) and the schedule written out by hand. */

#define SCENARIO_N_CLIENTS 20
#define SCENARIO_FIRST_DAY "2026-01-01"
#define SCENARIO_N_DAYS    120

typedef struct
{
  SettleBook *book;
  char       *dir;
  char       *packets;  /* collections.folder */
  SettleId    clients[SCENARIO_N_CLIENTS + 1];  /* 1-based */
  SettleId    invoices[SCENARIO_N_CLIENTS + 1][2];
} DunningScenario;

DunningScenario *dunning_scenario_new          (void);
void             dunning_scenario_free         (DunningScenario *scenario);
/* Payments, disputes, plans and waivers of the day, before the day's runs. */
void             dunning_scenario_apply_events (DunningScenario *scenario,
                                                const GDate     *day);
/* Everything carried out matches the expected schedule exactly: steps, fees, emails
 * (outbox jobs), holds and collections packets (written by settle-render), and the
 * book's invariants hold. */
void             dunning_scenario_check        (DunningScenario *scenario);

extern const SettleCollectionsRenderer dunning_scenario_renderer;

G_END_DECLS
