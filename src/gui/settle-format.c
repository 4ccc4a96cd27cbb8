/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-format.h"
#include "settle-money.h"

/* What an empty cell shows, so a missing date reads as "none" and not as a glitch. */
#define EMPTY_CELL "—"

static char *
format_date_with (const GDate *date,
                  const char  *format)
{
  char buffer[128];

  if (date == NULL || !g_date_valid (date))
    return g_strdup (EMPTY_CELL);
  if (g_date_strftime (buffer, sizeof buffer, format, date) == 0)
    return g_strdup (EMPTY_CELL);
  return g_strdup (buffer);
}

char *
settle_format_date (const GDate *date)
{
  /* Translators: the date format of list columns (strftime). Keep it short and
   * of fixed width, so a column of dates lines up. */
  return format_date_with (date, C_("list date", "%Y-%m-%d"));
}

char *
settle_format_date_long (const GDate *date)
{
  /* Translators: the date format of the invoice details (strftime). */
  return format_date_with (date, C_("long date", "%-d %B %Y"));
}

char *
settle_format_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return g_strdup (EMPTY_CELL);
  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  /* Translators: the format of activity timestamps (g_date_time_format). */
  return g_date_time_format (local, C_("timestamp", "%Y-%m-%d %H:%M"));
}

char *
settle_format_money (gint64      amount,
                     const char *currency)
{
  return settle_money_format (settle_money_init (amount, currency));
}

char *
settle_format_quantity (gint64 quantity_milli)
{
  return settle_format_fixed (quantity_milli, 3, TRUE);
}

char *
settle_format_rate (int rate_bp)
{
  g_autofree char *number = settle_format_fixed (rate_bp, 2, TRUE);

  /* Translators: a tax rate, "8.25 %". */
  return g_strdup_printf (_("%s %%"), number);
}

SettleDisplayStatus
settle_display_status (SettleInvoiceStatus  status,
                       const GDate         *due_date,
                       const GDate         *today)
{
  switch (status)
    {
    case SETTLE_INVOICE_DRAFT:
      return SETTLE_DISPLAY_DRAFT;
    case SETTLE_INVOICE_PAID:
      return SETTLE_DISPLAY_PAID;
    case SETTLE_INVOICE_VOID:
      return SETTLE_DISPLAY_VOID;
    case SETTLE_INVOICE_ISSUED:
    case SETTLE_INVOICE_PARTIAL:
      if (due_date != NULL && today != NULL && g_date_valid (due_date) && g_date_valid (today)
          && g_date_compare (due_date, today) < 0)
        return SETTLE_DISPLAY_OVERDUE;
      return status == SETTLE_INVOICE_PARTIAL ? SETTLE_DISPLAY_PARTIAL : SETTLE_DISPLAY_OPEN;
    default:
      g_return_val_if_reached (SETTLE_DISPLAY_OPEN);
    }
}

const char *
settle_display_status_label (SettleDisplayStatus status)
{
  switch (status)
    {
    case SETTLE_DISPLAY_DRAFT:
      return settle_invoice_status_label (SETTLE_INVOICE_DRAFT);
    case SETTLE_DISPLAY_OPEN:
      return settle_invoice_status_label (SETTLE_INVOICE_ISSUED);
    case SETTLE_DISPLAY_PARTIAL:
      return settle_invoice_status_label (SETTLE_INVOICE_PARTIAL);
    case SETTLE_DISPLAY_OVERDUE:
      return _("Overdue");
    case SETTLE_DISPLAY_PAID:
      return settle_invoice_status_label (SETTLE_INVOICE_PAID);
    case SETTLE_DISPLAY_VOID:
      return settle_invoice_status_label (SETTLE_INVOICE_VOID);
    case SETTLE_DISPLAY_CREDIT_NOTE:
      return _("Credit note");
    default:
      g_return_val_if_reached ("");
    }
}

const char * const *
settle_display_status_classes (SettleDisplayStatus status)
{
  /* Adwaita's own colour classes, so the pills follow the theme and dark mode. */
  static const char * const draft[] = { "status-pill", "status-draft", NULL };
  static const char * const open[] = { "status-pill", "status-open", "accent", NULL };
  static const char * const partial[] = { "status-pill", "status-partial", "warning", NULL };
  static const char * const overdue[] = { "status-pill", "status-overdue", "error", NULL };
  static const char * const paid[] = { "status-pill", "status-paid", "success", NULL };
  static const char * const voided[] = { "status-pill", "status-void", NULL };

  switch (status)
    {
    case SETTLE_DISPLAY_DRAFT:
      return draft;
    case SETTLE_DISPLAY_OPEN:
      return open;
    case SETTLE_DISPLAY_PARTIAL:
      return partial;
    case SETTLE_DISPLAY_OVERDUE:
      return overdue;
    case SETTLE_DISPLAY_PAID:
      return paid;
    case SETTLE_DISPLAY_VOID:
    case SETTLE_DISPLAY_CREDIT_NOTE:
      return voided;
    default:
      g_return_val_if_reached (open);
    }
}

/* The translated label of an action of the activity log; an unknown action
 * shows as it is stored. Lists every action the core logs. */
const char *
settle_format_activity_label (const char *action)
{
  static const struct
  {
    const char *action;
    const char *label;
  } labels[] = {
    { "created", N_("Created") },
    { "issued", N_("Issued") },
    { "sent", N_("Sent") },
    { "viewed", N_("Viewed by the client") },
    { "reminded", N_("Reminder sent") },
    { "escalated", N_("Escalated") },
    { "paid", N_("Paid in full") },
    { "part-paid", N_("Partly paid") },
    { "received", N_("Payment received") },
    { "updated", N_("Changed") },
    { "held", N_("Put on hold") },
    { "released", N_("Hold released") },
    { "payment", N_("Payment received") },
    { "applied", N_("Payment applied") },
    { "voided", N_("Voided") },
    { "synced", N_("Synced") },
    { "deleted", N_("Deleted") },
    { "changed", N_("Changed") },
    { "emailed", N_("Emailed") },
    { "reminder not sent", N_("Reminder not sent") },
    { "phone task", N_("Phone call to make") },
    { "fee added", N_("Late fee added") },
    { "fee waived", N_("Late fee waived") },
    { "collections", N_("Handed to collections") },
    { "disputed", N_("Disputed") },
    { "dispute resolved", N_("Dispute resolved") },
    { "paused", N_("Reminders paused") },
    { "resumed", N_("Reminders resumed") },
    { "plan created", N_("Payment plan created") },
    { "plan cancelled", N_("Payment plan cancelled") },
    { "opted out", N_("Opted out of reminders") },
    { "opted in", N_("Opted in to reminders") },
    { "ladder changed", N_("Reminder schedule changed") },
    { "credited", N_("Credit note issued") },
    { "reversed", N_("Payment reversed") },
    { "reopened", N_("Reopened by a payment reversal") },
    { "refunded", N_("Credit refunded") },
    { "credit-applied", N_("Credit applied") },
    { "pending", N_("Payment pending") },
    { "settled", N_("Payment settled") },
    { "milestone-completed", N_("Milestone completed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].action) == 0)
      return _(labels[i].label);
  return action;
}
