/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "settle-invoice.h"

G_BEGIN_DECLS

/* How the window shows an invoice's state. Overdue is not stored: it is an open
 * invoice whose due date has passed. */
typedef enum
{
  SETTLE_DISPLAY_DRAFT,
  SETTLE_DISPLAY_OPEN,
  SETTLE_DISPLAY_PARTIAL,
  SETTLE_DISPLAY_OVERDUE,
  SETTLE_DISPLAY_PAID,
  SETTLE_DISPLAY_VOID,
  SETTLE_DISPLAY_CREDIT_NOTE,
} SettleDisplayStatus;

char                *settle_format_date           (const GDate         *date);
char                *settle_format_date_long      (const GDate         *date);
char                *settle_format_timestamp      (const char          *iso8601);
char                *settle_format_money          (gint64               amount,
                                                   const char          *currency);
char                *settle_format_quantity       (gint64               quantity_milli);
char                *settle_format_rate           (int                  rate_bp);
const char          *settle_format_activity_label (const char          *action);

SettleDisplayStatus  settle_display_status        (SettleInvoiceStatus  status,
                                                   const GDate         *due_date,
                                                   const GDate         *today);
const char          *settle_display_status_label  (SettleDisplayStatus  status);
/* NULL-terminated, static: the CSS classes of the status pill. */
const char * const  *settle_display_status_classes (SettleDisplayStatus status);

G_END_DECLS
