/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-client-row.h"
#include "settle-format.h"

struct _SettleClientRow
{
  GObject              parent_instance;

  SettleClientSummary *summary;
};

G_DEFINE_FINAL_TYPE (SettleClientRow, settle_client_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOADED,
  PROP_NAME,
  PROP_EMAIL,
  PROP_TERMS,
  PROP_CURRENCY,
  PROP_BALANCE,
  PROP_CREDIT,
  PROP_ON_HOLD,
  PROP_HOLD_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SettleClientSummary *
settle_client_summary_dup (const SettleClientSummary *summary)
{
  SettleClientSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_new0 (SettleClientSummary, 1);
  *copy = *summary;
  copy->name = g_strdup (summary->name);
  copy->email = g_strdup (summary->email);
  return copy;
}

static void
settle_client_row_finalize (GObject *object)
{
  SettleClientRow *self = SETTLE_CLIENT_ROW (object);

  g_clear_pointer (&self->summary, settle_client_summary_free);

  G_OBJECT_CLASS (settle_client_row_parent_class)->finalize (object);
}

static void
settle_client_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SettleClientRow *self = SETTLE_CLIENT_ROW (object);
  const SettleClientSummary *s = self->summary;

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
    case PROP_NAME:
      g_value_set_string (value, s->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, s->email);
      break;
    case PROP_TERMS:
      g_value_take_string (value, settle_terms_describe (&s->terms));
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, s->currency);
      break;
    case PROP_BALANCE:
      g_value_take_string (value, settle_format_money (s->balance, s->currency));
      break;
    case PROP_CREDIT:
      if (s->credit == 0)
        g_value_set_static_string (value, "");
      else
        g_value_take_string (value, settle_format_money (s->credit, s->currency));
      break;
    case PROP_ON_HOLD:
      g_value_set_boolean (value, s->on_hold);
      break;
    case PROP_HOLD_LABEL:
      g_value_set_string (value, s->on_hold ? _("On hold") : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_client_row_class_init (SettleClientRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = settle_client_row_finalize;
  object_class->get_property = settle_client_row_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_TERMS] = g_param_spec_string ("terms", NULL, NULL, NULL, flags);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_BALANCE] = g_param_spec_string ("balance", NULL, NULL, NULL, flags);
  properties[PROP_CREDIT] = g_param_spec_string ("credit", NULL, NULL, NULL, flags);
  properties[PROP_ON_HOLD] = g_param_spec_boolean ("on-hold", NULL, NULL, FALSE, flags);
  properties[PROP_HOLD_LABEL] = g_param_spec_string ("hold-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
settle_client_row_init (SettleClientRow *self)
{
}

SettleClientRow *
settle_client_row_new (void)
{
  return g_object_new (SETTLE_TYPE_CLIENT_ROW, NULL);
}

void
settle_client_row_set_summary (SettleClientRow     *self,
                               SettleClientSummary *summary)
{
  g_return_if_fail (SETTLE_IS_CLIENT_ROW (self));

  g_clear_pointer (&self->summary, settle_client_summary_free);
  self->summary = summary;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

const SettleClientSummary *
settle_client_row_get_summary (SettleClientRow *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_ROW (self), NULL);
  return self->summary;
}

SettleId
settle_client_row_get_id (SettleClientRow *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_ROW (self), SETTLE_ID_NONE);
  return self->summary != NULL ? self->summary->id : SETTLE_ID_NONE;
}
