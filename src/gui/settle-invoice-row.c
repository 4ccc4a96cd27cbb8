/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-format.h"
#include "settle-invoice-row.h"

struct _SettleInvoiceRow
{
  GObject               parent_instance;

  SettleInvoiceSummary *summary;
  SettleDisplayStatus   display_status;
};

G_DEFINE_FINAL_TYPE (SettleInvoiceRow, settle_invoice_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOADED,
  PROP_NUMBER,
  PROP_CLIENT_NAME,
  PROP_CLIENT_ON_HOLD,
  PROP_HOLD_TOOLTIP,
  PROP_ISSUE_DATE,
  PROP_DUE_DATE,
  PROP_TOTAL,
  PROP_BALANCE,
  PROP_STATUS_LABEL,
  PROP_STATUS_CLASSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SettleInvoiceSummary *
settle_invoice_summary_dup (const SettleInvoiceSummary *summary)
{
  SettleInvoiceSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_new0 (SettleInvoiceSummary, 1);
  *copy = *summary;
  copy->number = g_strdup (summary->number);
  copy->client_name = g_strdup (summary->client_name);
  return copy;
}

static void
settle_invoice_row_finalize (GObject *object)
{
  SettleInvoiceRow *self = SETTLE_INVOICE_ROW (object);

  g_clear_pointer (&self->summary, settle_invoice_summary_free);

  G_OBJECT_CLASS (settle_invoice_row_parent_class)->finalize (object);
}

static void
take_money (GValue     *value,
            gint64      amount,
            const char *currency)
{
  g_value_take_string (value, settle_format_money (amount, currency));
}

static void
settle_invoice_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SettleInvoiceRow *self = SETTLE_INVOICE_ROW (object);
  const SettleInvoiceSummary *s = self->summary;

  /* A placeholder shows empty cells: the page is on its way. */
  if (s == NULL && prop_id != PROP_LOADED)
    {
      if (G_VALUE_HOLDS_STRING (value))
        g_value_set_static_string (value, "");
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, s->id);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, s != NULL);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, s->number != NULL ? s->number : _("Draft"));
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, s->client_name);
      break;
    case PROP_CLIENT_ON_HOLD:
      g_value_set_boolean (value, s->client_on_hold);
      break;
    case PROP_HOLD_TOOLTIP:
      g_value_set_string (value, s->client_on_hold ? _("Client on hold") : NULL);
      break;
    case PROP_ISSUE_DATE:
      g_value_take_string (value, settle_format_date (&s->issue_date));
      break;
    case PROP_DUE_DATE:
      g_value_take_string (value, settle_format_date (&s->due_date));
      break;
    case PROP_TOTAL:
      take_money (value, s->total, s->currency);
      break;
    case PROP_BALANCE:
      take_money (value, s->balance, s->currency);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, settle_display_status_label (self->display_status));
      break;
    case PROP_STATUS_CLASSES:
      g_value_set_boxed (value, settle_display_status_classes (self->display_status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_invoice_row_class_init (SettleInvoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = settle_invoice_row_finalize;
  object_class->get_property = settle_invoice_row_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_NAME] = g_param_spec_string ("client-name", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_ON_HOLD] =
    g_param_spec_boolean ("client-on-hold", NULL, NULL, FALSE, flags);
  properties[PROP_HOLD_TOOLTIP] = g_param_spec_string ("hold-tooltip", NULL, NULL, NULL, flags);
  properties[PROP_ISSUE_DATE] = g_param_spec_string ("issue-date", NULL, NULL, NULL, flags);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, flags);
  properties[PROP_TOTAL] = g_param_spec_string ("total", NULL, NULL, NULL, flags);
  properties[PROP_BALANCE] = g_param_spec_string ("balance", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_CLASSES] =
    g_param_spec_boxed ("status-classes", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
settle_invoice_row_init (SettleInvoiceRow *self)
{
}

SettleInvoiceRow *
settle_invoice_row_new (void)
{
  return g_object_new (SETTLE_TYPE_INVOICE_ROW, NULL);
}

void
settle_invoice_row_set_summary (SettleInvoiceRow     *self,
                                SettleInvoiceSummary *summary)
{
  GDate today;

  g_return_if_fail (SETTLE_IS_INVOICE_ROW (self));

  g_clear_pointer (&self->summary, settle_invoice_summary_free);
  self->summary = summary;
  if (summary != NULL)
    {
      settle_today (&today);
      /* A credit note is settled the day it is issued: say what it is, not "Paid". */
      if (summary->kind == SETTLE_INVOICE_KIND_CREDIT_NOTE)
        self->display_status = SETTLE_DISPLAY_CREDIT_NOTE;
      else
        self->display_status = settle_display_status (summary->status, &summary->due_date, &today);
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

const SettleInvoiceSummary *
settle_invoice_row_get_summary (SettleInvoiceRow *self)
{
  g_return_val_if_fail (SETTLE_IS_INVOICE_ROW (self), NULL);
  return self->summary;
}

gboolean
settle_invoice_row_get_loaded (SettleInvoiceRow *self)
{
  g_return_val_if_fail (SETTLE_IS_INVOICE_ROW (self), FALSE);
  return self->summary != NULL;
}

SettleId
settle_invoice_row_get_id (SettleInvoiceRow *self)
{
  g_return_val_if_fail (SETTLE_IS_INVOICE_ROW (self), SETTLE_ID_NONE);
  return self->summary != NULL ? self->summary->id : SETTLE_ID_NONE;
}
