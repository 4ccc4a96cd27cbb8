/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-format.h"
#include "settle-reconcile-line-item.h"

struct _SettleReconcileLineItem
{
  GObject                 parent_instance;

  SettleStatementLineRow *row;
  char                   *date;
  char                   *amount;
  char                   *detail;
};

G_DEFINE_FINAL_TYPE (SettleReconcileLineItem, settle_reconcile_line_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_TEXT,
  PROP_DETAIL,
  PROP_AMOUNT,
  PROP_STATUS_LABEL,
  PROP_STATUS_CLASSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

const char *
settle_reconcile_status_label (const char *status)
{
  if (g_strcmp0 (status, "matched") == 0)
    return C_("statement line", "Matched");
  if (g_strcmp0 (status, "skipped") == 0)
    return C_("statement line", "Skipped");
  return C_("statement line", "Open");
}

static const char * const *
status_classes (const char *status)
{
  static const char * const matched[] = { "status-pill", "success", NULL };
  static const char * const skipped[] = { "status-pill", "status-void", NULL };
  static const char * const open[] = { "status-pill", "accent", NULL };

  if (g_strcmp0 (status, "matched") == 0)
    return matched;
  if (g_strcmp0 (status, "skipped") == 0)
    return skipped;
  return open;
}

/* The texts are made when a row on screen asks for them, not for every line. */
static const char *
get_date (SettleReconcileLineItem *self)
{
  if (self->date == NULL)
    self->date = settle_format_date (&self->row->date);
  return self->date;
}

static const char *
get_amount (SettleReconcileLineItem *self)
{
  if (self->amount == NULL)
    self->amount = settle_format_money (self->row->amount, self->row->currency);
  return self->amount;
}

static const char *
get_detail (SettleReconcileLineItem *self)
{
  const SettleStatementLineRow *row = self->row;
  const char *text;
  GString *detail;

  if (self->detail != NULL)
    return self->detail;
  detail = g_string_new (NULL);
  text = settle_reconcile_line_item_get_text (self);
  if (has_text (row->description) && g_strcmp0 (row->description, text) != 0)
    g_string_append (detail, row->description);
  if (has_text (row->reference) && g_strcmp0 (row->reference, text) != 0)
    {
      if (detail->len > 0)
        g_string_append (detail, " · ");
      g_string_append (detail, row->reference);
    }
  self->detail = g_string_free (detail, FALSE);
  return self->detail;
}

static void
settle_reconcile_line_item_finalize (GObject *object)
{
  SettleReconcileLineItem *self = SETTLE_RECONCILE_LINE_ITEM (object);

  g_clear_pointer (&self->row, settle_statement_line_row_free);
  g_free (self->date);
  g_free (self->amount);
  g_free (self->detail);

  G_OBJECT_CLASS (settle_reconcile_line_item_parent_class)->finalize (object);
}

static void
settle_reconcile_line_item_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SettleReconcileLineItem *self = SETTLE_RECONCILE_LINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, get_date (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, settle_reconcile_line_item_get_text (self));
      break;
    case PROP_DETAIL:
      g_value_set_string (value, get_detail (self));
      break;
    case PROP_AMOUNT:
      g_value_set_string (value, get_amount (self));
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, settle_reconcile_status_label (self->row->status));
      break;
    case PROP_STATUS_CLASSES:
      g_value_set_boxed (value, status_classes (self->row->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
settle_reconcile_line_item_class_init (SettleReconcileLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = settle_reconcile_line_item_finalize;
  object_class->get_property = settle_reconcile_line_item_get_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The second line under the payer: description and reference, when they add something. */
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT] =
    g_param_spec_string ("amount", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_CLASSES] =
    g_param_spec_boxed ("status-classes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
settle_reconcile_line_item_init (SettleReconcileLineItem *self)
{
}

SettleReconcileLineItem *
settle_reconcile_line_item_new (SettleStatementLineRow *row)
{
  SettleReconcileLineItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (SETTLE_TYPE_RECONCILE_LINE_ITEM, NULL);
  self->row = row;
  return self;
}

const SettleStatementLineRow *
settle_reconcile_line_item_get_row (SettleReconcileLineItem *self)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_LINE_ITEM (self), NULL);
  return self->row;
}

SettleId
settle_reconcile_line_item_get_id (SettleReconcileLineItem *self)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_LINE_ITEM (self), SETTLE_ID_NONE);
  return self->row->id;
}

const char *
settle_reconcile_line_item_get_status (SettleReconcileLineItem *self)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_LINE_ITEM (self), NULL);
  return self->row->status;
}

const char *
settle_reconcile_line_item_get_text (SettleReconcileLineItem *self)
{
  g_return_val_if_fail (SETTLE_IS_RECONCILE_LINE_ITEM (self), NULL);

  if (has_text (self->row->payer_name))
    return self->row->payer_name;
  if (has_text (self->row->description))
    return self->row->description;
  if (has_text (self->row->reference))
    return self->row->reference;
  return _("(no description)");
}
