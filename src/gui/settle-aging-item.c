/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "settle-aging-item.h"
#include "settle-format.h"

struct _SettleAgingItem
{
  GObject  parent_instance;

  SettleId client_id;
  char    *client_name;
  gint64   buckets[SETTLE_AGING_N_BUCKETS];
  gint64   credit;
  gint64   balance;
  char     currency[4];
  gboolean on_hold;
  int      risk_score;     /* -1 = not known (no behaviour for the client) */
  gboolean late_payer;
  char    *risk_reasons;
};

G_DEFINE_FINAL_TYPE (SettleAgingItem, settle_aging_item, G_TYPE_OBJECT)

G_STATIC_ASSERT (SETTLE_AGING_N_BUCKETS == 5);

enum {
  PROP_0,
  PROP_CLIENT_ID,
  PROP_CLIENT_NAME,
  PROP_CLIENT_ON_HOLD,
  PROP_HOLD_TOOLTIP,
  /* Text for the cells, then the amounts for the sorters, bucket by bucket. */
  PROP_BUCKET0,
  PROP_BUCKET1,
  PROP_BUCKET2,
  PROP_BUCKET3,
  PROP_BUCKET4,
  PROP_BUCKET0_VALUE,
  PROP_BUCKET1_VALUE,
  PROP_BUCKET2_VALUE,
  PROP_BUCKET3_VALUE,
  PROP_BUCKET4_VALUE,
  PROP_CREDIT,
  PROP_CREDIT_VALUE,
  PROP_BALANCE,
  PROP_BALANCE_VALUE,
  PROP_RISK,
  PROP_RISK_VALUE,
  PROP_RISK_TOOLTIP,
  PROP_LATE_PAYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
settle_aging_item_finalize (GObject *object)
{
  SettleAgingItem *self = SETTLE_AGING_ITEM (object);

  g_free (self->client_name);
  g_free (self->risk_reasons);

  G_OBJECT_CLASS (settle_aging_item_parent_class)->finalize (object);
}

/* An empty bucket stays blank, so the amounts that matter stand out. */
static void
take_amount (GValue     *value,
             gint64      amount,
             const char *currency)
{
  if (amount == 0)
    g_value_set_static_string (value, "");
  else
    g_value_take_string (value, settle_format_money (amount, currency));
}

static void
settle_aging_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SettleAgingItem *self = SETTLE_AGING_ITEM (object);

  switch (prop_id)
    {
    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_BUCKET0:
    case PROP_BUCKET1:
    case PROP_BUCKET2:
    case PROP_BUCKET3:
    case PROP_BUCKET4:
      take_amount (value, self->buckets[prop_id - PROP_BUCKET0], self->currency);
      break;
    case PROP_BUCKET0_VALUE:
    case PROP_BUCKET1_VALUE:
    case PROP_BUCKET2_VALUE:
    case PROP_BUCKET3_VALUE:
    case PROP_BUCKET4_VALUE:
      g_value_set_int64 (value, self->buckets[prop_id - PROP_BUCKET0_VALUE]);
      break;
    case PROP_CREDIT:
      take_amount (value, self->credit, self->currency);
      break;
    case PROP_CREDIT_VALUE:
      g_value_set_int64 (value, self->credit);
      break;
    case PROP_BALANCE:
      g_value_take_string (value, settle_format_money (self->balance, self->currency));
      break;
    case PROP_BALANCE_VALUE:
      g_value_set_int64 (value, self->balance);
      break;
    case PROP_CLIENT_ON_HOLD:
      g_value_set_boolean (value, self->on_hold);
      break;
    case PROP_HOLD_TOOLTIP:
      g_value_set_string (value, self->on_hold ? _("Client on hold") : NULL);
      break;
    case PROP_RISK:
      if (self->risk_score >= 0)
        g_value_take_string (value, g_strdup_printf ("%d", self->risk_score));
      else
        g_value_set_static_string (value, "");
      break;
    case PROP_RISK_VALUE:
      g_value_set_int (value, self->risk_score);
      break;
    case PROP_RISK_TOOLTIP:
      if (self->risk_score < 0)
        g_value_set_string (value, NULL);
      else if (self->risk_reasons == NULL || self->risk_reasons[0] == '\0')
        /* Translators: tooltip of a risk score no rule added to */
        g_value_take_string (value, g_strdup_printf (_("Risk %d of 100: pays on time"),
                                                     self->risk_score));
      else
        /* Translators: tooltip of a risk score: "Risk 72 of 100: Pays 23 days late…" */
        g_value_take_string (value, g_strdup_printf (_("Risk %d of 100: %s"), self->risk_score,
                                                     self->risk_reasons));
      break;
    case PROP_LATE_PAYER:
      g_value_set_boolean (value, self->late_payer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_aging_item_class_init (SettleAgingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = settle_aging_item_finalize;
  object_class->get_property = settle_aging_item_get_property;

  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CLIENT_NAME] = g_param_spec_string ("client-name", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_ON_HOLD] =
    g_param_spec_boolean ("client-on-hold", NULL, NULL, FALSE, flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HOLD_TOOLTIP] = g_param_spec_string ("hold-tooltip", NULL, NULL, NULL, flags);
  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      /* Static strings: the pspecs live as long as the class. */
      static const char * const names[] = { "bucket0", "bucket1", "bucket2", "bucket3", "bucket4" };
      static const char * const value_names[] = {
        "bucket0-value", "bucket1-value", "bucket2-value", "bucket3-value", "bucket4-value",
      };

      properties[PROP_BUCKET0 + i] = g_param_spec_string (names[i], NULL, NULL, NULL, flags);
      properties[PROP_BUCKET0_VALUE + i] =
        g_param_spec_int64 (value_names[i], NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    }
  properties[PROP_CREDIT] = g_param_spec_string ("credit", NULL, NULL, NULL, flags);
  properties[PROP_CREDIT_VALUE] =
    g_param_spec_int64 ("credit-value", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_BALANCE] = g_param_spec_string ("balance", NULL, NULL, NULL, flags);
  properties[PROP_BALANCE_VALUE] =
    g_param_spec_int64 ("balance-value", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_RISK] = g_param_spec_string ("risk", NULL, NULL, NULL, flags);
  properties[PROP_RISK_VALUE] = g_param_spec_int ("risk-value", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_RISK_TOOLTIP] = g_param_spec_string ("risk-tooltip", NULL, NULL, NULL, flags);
  properties[PROP_LATE_PAYER] = g_param_spec_boolean ("late-payer", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
settle_aging_item_init (SettleAgingItem *self)
{
  self->risk_score = -1;
}

SettleAgingItem *
settle_aging_item_new (const SettleAgingRow *row,
                       const char           *currency)
{
  SettleAgingItem *self;

  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  self = g_object_new (SETTLE_TYPE_AGING_ITEM, NULL);
  self->client_id = row->client_id;
  self->client_name = g_strdup (row->client_name);
  memcpy (self->buckets, row->buckets, sizeof self->buckets);
  self->credit = row->credit;
  self->balance = row->balance;
  g_strlcpy (self->currency, currency, sizeof self->currency);
  return self;
}

SettleId
settle_aging_item_get_client_id (SettleAgingItem *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_ITEM (self), SETTLE_ID_NONE);
  return self->client_id;
}

static void
notify_amount (SettleAgingItem *self,
               int              text_prop,
               int              value_prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[text_prop]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[value_prop]);
}

void
settle_aging_item_update (SettleAgingItem      *self,
                          const SettleAgingRow *row,
                          const char           *currency)
{
  gboolean new_currency;

  g_return_if_fail (SETTLE_IS_AGING_ITEM (self));
  g_return_if_fail (row != NULL && row->client_id == self->client_id);
  g_return_if_fail (currency != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  new_currency = g_strcmp0 (self->currency, currency) != 0;
  if (new_currency)
    g_strlcpy (self->currency, currency, sizeof self->currency);
  if (g_strcmp0 (self->client_name, row->client_name) != 0)
    {
      g_free (self->client_name);
      self->client_name = g_strdup (row->client_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
    }
  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      if (self->buckets[i] == row->buckets[i] && !new_currency)
        continue;
      self->buckets[i] = row->buckets[i];
      notify_amount (self, PROP_BUCKET0 + i, PROP_BUCKET0_VALUE + i);
    }
  if (self->credit != row->credit || new_currency)
    {
      self->credit = row->credit;
      notify_amount (self, PROP_CREDIT, PROP_CREDIT_VALUE);
    }
  if (self->balance != row->balance || new_currency)
    {
      self->balance = row->balance;
      notify_amount (self, PROP_BALANCE, PROP_BALANCE_VALUE);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
settle_aging_item_set_on_hold (SettleAgingItem *self,
                               gboolean         on_hold)
{
  g_return_if_fail (SETTLE_IS_AGING_ITEM (self));

  on_hold = !!on_hold;
  if (self->on_hold == on_hold)
    return;
  self->on_hold = on_hold;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ON_HOLD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLD_TOOLTIP]);
}

gboolean
settle_aging_item_get_on_hold (SettleAgingItem *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_ITEM (self), FALSE);
  return self->on_hold;
}

void
settle_aging_item_set_risk (SettleAgingItem *self,
                            int              risk_score,
                            gboolean         late_payer,
                            const char      *reasons)
{
  gboolean new_score, new_late, new_reasons;

  g_return_if_fail (SETTLE_IS_AGING_ITEM (self));
  g_return_if_fail (risk_score >= -1 && risk_score <= 100);

  late_payer = !!late_payer;
  new_score = self->risk_score != risk_score;
  new_late = self->late_payer != late_payer;
  new_reasons = g_strcmp0 (self->risk_reasons, reasons) != 0;
  self->risk_score = risk_score;
  self->late_payer = late_payer;
  if (new_reasons)
    {
      g_free (self->risk_reasons);
      self->risk_reasons = g_strdup (reasons);
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (new_score)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISK]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISK_VALUE]);
    }
  if (new_late)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATE_PAYER]);
  if (new_score || new_reasons)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISK_TOOLTIP]);
  g_object_thaw_notify (G_OBJECT (self));
}

int
settle_aging_item_get_risk (SettleAgingItem *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_ITEM (self), -1);
  return self->risk_score;
}

gboolean
settle_aging_item_get_late_payer (SettleAgingItem *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_ITEM (self), FALSE);
  return self->late_payer;
}
