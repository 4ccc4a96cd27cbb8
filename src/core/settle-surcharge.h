/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-money.h"
#include "settle-payment.h"

G_BEGIN_DECLS

/* Card surcharges: a pure engine (no SQL). Visa lowered its US/US-territory cap
 * from 4 % to 3 % on 2023-04-15 (Visa Rules update; restated by processors, e.g.
 * https://paya.helpjuice.com/visa-updates/updates-to-visas-surcharge-rules-in-canada-the-us-and-us-territories),
 * and no network allows surcharging debit or prepaid cards, even run as credit.
 * The per-state rules are in data/surcharge-states.tsv (with a source per row). */
#define SETTLE_SURCHARGE_US_NETWORK_CAP_BP 300

typedef enum
{
  SETTLE_SURCHARGE_ALLOWED,
  SETTLE_SURCHARGE_RESTRICTED, /* allowed with conditions: see the note */
  SETTLE_SURCHARGE_PROHIBITED,
} SettleSurchargeStatus;

/* How the card is funded, as the processor reports it (BIN lookup). */
typedef enum
{
  SETTLE_CARD_FUNDING_UNKNOWN, /* treated as not surchargeable */
  SETTLE_CARD_FUNDING_CREDIT,
  SETTLE_CARD_FUNDING_DEBIT,
  SETTLE_CARD_FUNDING_PREPAID,
} SettleCardFunding;

typedef struct
{
  int            rate_bp;  /* the surcharge, basis points of the amount paid */
  int            cap_bp;   /* the network cap; SETTLE_SURCHARGE_US_NETWORK_CAP_BP by default */
  SettleRounding rounding;
} SettleSurchargePolicy;

typedef struct
{
  char                  code[3];
  SettleSurchargeStatus status;
  int                   max_bp; /* the state's own limit; 0 = none */
  const char           *note;   /* English, from the data file */
  const char           *source; /* URL */
  const char           *as_of;  /* "YYYY-MM-DD": when the source was read */
} SettleSurchargeStateRule;

void      settle_surcharge_policy_init     (SettleSurchargePolicy       *policy);
gboolean  settle_surcharge_policy_validate (const SettleSurchargePolicy *policy,
                                            GError                     **error);

/* TRUE when code is a US state, DC or a US territory ("CT", "pr"). */
gboolean  settle_surcharge_is_us_state     (const char                  *code);
/* The table's row for the state, or NULL when the table has none (allowed). */
const SettleSurchargeStateRule *
          settle_surcharge_state_rule      (const char                  *code);
/* status and a translated warning for people (NULL when allowed); FALSE with an
 * error for a code that is not a US state or territory. */
gboolean  settle_surcharge_check_state     (const char                  *code,
                                            SettleSurchargeStatus       *status,
                                            char                       **warning,
                                            GError                     **error);

/* The surcharge line's amount for a payment of amount (minor units): 0 for
 * anything but a credit card; FALSE with an error when the rate is above the cap
 * or the state's limit, or the state (NULL = not checked) prohibits surcharges. */
gboolean  settle_surcharge_compute         (const SettleSurchargePolicy *policy,
                                            gint64                       amount,
                                            SettlePaymentMethod          method,
                                            SettleCardFunding            funding,
                                            const char                  *state_code,
                                            gint64                      *surcharge,
                                            GError                     **error);

G_END_DECLS
