/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-agreement-row.h"
#include "settle-format.h"

struct _SettleAgreementRow
{
  AdwActionRow parent_instance;

  SettleId     agreement_id;
};

G_DEFINE_FINAL_TYPE (SettleAgreementRow, settle_agreement_row, ADW_TYPE_ACTION_ROW)

static const GDate *
later_date (const GDate *a,
            const GDate *b)
{
  if (!g_date_valid (a))
    return b;
  if (!g_date_valid (b))
    return a;
  return g_date_compare (a, b) >= 0 ? a : b;
}

/* Of two ends, the earlier; an invalid end is open. */
static const GDate *
earlier_end (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a))
    return b;
  if (!g_date_valid (b))
    return a;
  return g_date_compare (a, b) <= 0 ? a : b;
}

gboolean
settle_agreement_next_invoice (const SettleAgreement *agreement,
                               const GDate           *today,
                               SettlePeriod          *period,
                               gint64                *net)
{
  SettleSchedule schedule;
  gint64 total = 0;
  guint period_days;

  g_return_val_if_fail (agreement != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (period != NULL && net != NULL, FALSE);

  if (!g_date_valid (&agreement->start_date))
    return FALSE;

  settle_agreement_get_schedule (agreement, &schedule);
  if (g_date_compare (&agreement->start_date, today) > 0)
    settle_period_containing (&schedule, &agreement->start_date, period);
  else
    {
      /* The invoice of the period holding today is dated on or before today, so a
       * run has made it (or will, as of today): the next one is the period after. */
      SettlePeriod current;

      settle_period_containing (&schedule, today, &current);
      settle_period_next (&schedule, &current, period);
    }
  if (g_date_valid (&agreement->end_date)
      && g_date_compare (&period->start, &agreement->end_date) > 0)
    return FALSE;

  period_days = settle_period_days (period);
  for (guint i = 0; agreement->lines != NULL && i < agreement->lines->len; i++)
    {
      const SettleAgreementLine *line = g_ptr_array_index (agreement->lines, i);
      const GDate *from = later_date (&line->start_date, &agreement->start_date);
      const GDate *until = earlier_end (&line->end_date, &agreement->end_date);
      gint64 amount, line_net;
      guint days;

      if (line->usage)
        continue;
      days = settle_days_overlap (from, until, &period->start, &period->end);
      if (days == 0)
        continue;
      if (line->unit_price != 0
          && ABS (line->quantity_milli) > G_MAXINT64 / ABS (line->unit_price))
        return FALSE;
      amount = line->quantity_milli * line->unit_price;
      /* quantity_milli × unit_price × days ÷ (1000 × days in period), rounded once. */
      if (!settle_prorate (amount, days, period_days * 1000, &line_net))
        return FALSE;
      if ((line_net > 0 && total > G_MAXINT64 - line_net)
          || (line_net < 0 && total < G_MININT64 - line_net))
        return FALSE;
      total += line_net;
    }
  *net = total;
  return TRUE;
}

char *
settle_agreement_describe_next (const SettleAgreement *agreement,
                                const GDate           *today)
{
  SettlePeriod period;
  gint64 net;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *amount = NULL;

  g_return_val_if_fail (agreement != NULL, NULL);

  if (!g_date_valid (&agreement->start_date))
    return g_strdup (_("Next invoice: set a start date to see it"));
  if (!settle_agreement_next_invoice (agreement, today, &period, &net))
    {
      if (g_date_valid (&agreement->end_date)
          && g_date_compare (&agreement->end_date, today) < 0)
        {
          g_autofree char *ended = settle_format_date_long (&agreement->end_date);

          /* Translators: %s is a date. */
          return g_strdup_printf (_("Ended on %s"), ended);
        }
      return g_strdup (_("No further invoice"));
    }

  from = settle_format_date_long (&period.start);
  until = settle_format_date_long (&period.end);
  amount = settle_format_money (net, agreement->currency);
  for (guint i = 0; agreement->lines != NULL && i < agreement->lines->len; i++)
    if (((SettleAgreementLine *) g_ptr_array_index (agreement->lines, i))->usage)
      /* Translators: the first day, the last day of the period, the amount of the
       * fixed lines before tax; usage is added when it is known. */
      return g_strdup_printf (_("Next invoice: %s – %s, %s before tax, plus usage"), from,
                              until, amount);
  /* Translators: the first day, the last day of the period, the amount before tax. */
  return g_strdup_printf (_("Next invoice: %s – %s, %s before tax"), from, until, amount);
}

static void
settle_agreement_row_class_init (SettleAgreementRowClass *klass)
{
}

static void
settle_agreement_row_init (SettleAgreementRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

GtkWidget *
settle_agreement_row_new (const SettleAgreement *agreement,
                          const GDate           *today)
{
  SettleAgreementRow *self;
  g_autofree char *next = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  GtkWidget *pill;
  GtkWidget *arrow;
  gboolean ended, started;

  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_object_new (SETTLE_TYPE_AGREEMENT_ROW, NULL);
  self->agreement_id = agreement->id;

  ended = g_date_valid (&agreement->end_date)
          && g_date_compare (&agreement->end_date, today) < 0;
  started = g_date_valid (&agreement->start_date)
            && g_date_compare (&agreement->start_date, today) <= 0;

  title = g_markup_escape_text (agreement->name, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  next = settle_agreement_describe_next (agreement, today);
  /* Translators: the cycle ("Monthly"), then the next invoice or why there is none. */
  subtitle = g_strdup_printf (_("%s · %s"), settle_cycle_label (agreement->cycle), next);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);

  pill = gtk_label_new (ended ? _("Ended") : started ? _("Active") : _("Not started"));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "status-pill");
  if (!ended && started)
    gtk_widget_add_css_class (pill, "success");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), pill);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), arrow);

  return GTK_WIDGET (self);
}

SettleId
settle_agreement_row_get_agreement_id (SettleAgreementRow *self)
{
  g_return_val_if_fail (SETTLE_IS_AGREEMENT_ROW (self), SETTLE_ID_NONE);
  return self->agreement_id;
}
