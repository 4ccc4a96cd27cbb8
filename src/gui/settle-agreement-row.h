/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-agreement.h"

G_BEGIN_DECLS

/* One recurring agreement in the client details: name, cycle, the next invoice
 * and whether it is active. */

#define SETTLE_TYPE_AGREEMENT_ROW (settle_agreement_row_get_type ())
G_DECLARE_FINAL_TYPE (SettleAgreementRow, settle_agreement_row, SETTLE, AGREEMENT_ROW, AdwActionRow)

GtkWidget *settle_agreement_row_new              (const SettleAgreement *agreement,
                                                  const GDate           *today);
SettleId   settle_agreement_row_get_agreement_id (SettleAgreementRow    *self);

/* The period the next invoice after today would bill (the first period when the
 * agreement has not started yet) and the net of its fixed lines, prorated by the
 * days in force as billing runs do (usage lines are billed in arrears and left
 * out). FALSE when the agreement has ended by then or the net overflows. */
gboolean   settle_agreement_next_invoice         (const SettleAgreement *agreement,
                                                  const GDate           *today,
                                                  SettlePeriod          *period,
                                                  gint64                *net);
/* "Next invoice: 1 Dec 2026 – 31 Dec 2026, $1,250.00", or why there is none. */
char      *settle_agreement_describe_next        (const SettleAgreement *agreement,
                                                  const GDate           *today);

G_END_DECLS
