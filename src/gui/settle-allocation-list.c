/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-allocation-list.h"
#include "settle-format.h"
#include "settle-money.h"

typedef struct
{
  SettleAllocationList *list;
  SettleId              invoice_id;
  char                 *number;
  gint64                balance;
  GtkWidget            *row;
  GtkWidget            *check;
  GtkWidget            *entry;
} Row;

struct _SettleAllocationList
{
  AdwPreferencesGroup        *group;
  GPtrArray                  *rows;   /* Row* */
  SettleAllocationAmountFunc  amount_func;
  SettleAllocationChangedFunc changed_func;
  gpointer                    owner;
  char                        currency[4];
  gboolean                    syncing;   /* set while the list itself fills the rows */
};

static void
row_free (Row *r)
{
  g_signal_handlers_disconnect_by_data (r->check, r);
  g_signal_handlers_disconnect_by_data (r->entry, r);
  g_object_unref (r->check);
  g_object_unref (r->entry);
  g_free (r->number);
  g_free (r);
}

gboolean
settle_allocation_parse_money (const char *text,
                               const char *currency,
                               gint64     *amount,
                               gboolean   *empty)
{
  SettleMoney m;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  *amount = 0;
  if (empty != NULL)
    *empty = *stripped == '\0';
  if (*stripped == '\0')
    return TRUE;
  if (!settle_money_parse (stripped, currency, &m, NULL))
    return FALSE;
  *amount = m.amount;
  return TRUE;
}

void
settle_allocation_set_error_style (GtkWidget *widget,
                                   gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

SettleAllocationList *
settle_allocation_list_new (AdwPreferencesGroup        *group,
                            SettleAllocationAmountFunc  amount_func,
                            SettleAllocationChangedFunc changed_func,
                            gpointer                    owner)
{
  SettleAllocationList *list = g_new0 (SettleAllocationList, 1);

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  list->group = group;
  list->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  list->amount_func = amount_func;
  list->changed_func = changed_func;
  list->owner = owner;
  g_strlcpy (list->currency, "USD", sizeof list->currency);
  return list;
}

void
settle_allocation_list_free (SettleAllocationList *list)
{
  if (list == NULL)
    return;
  g_ptr_array_unref (list->rows);
  g_free (list);
}

void
settle_allocation_list_set_currency (SettleAllocationList *list,
                                     const char           *currency)
{
  g_return_if_fail (list != NULL);
  g_strlcpy (list->currency, currency, sizeof list->currency);
}

static gint64
row_amount (SettleAllocationList *list,
            Row                  *r)
{
  gint64 amount = 0;

  settle_allocation_parse_money (gtk_editable_get_text (GTK_EDITABLE (r->entry)), list->currency,
                                 &amount, NULL);
  return amount;
}

static void
check_toggled_cb (GtkCheckButton *check,
                  Row            *r)
{
  SettleAllocationList *list = r->list;

  if (list->syncing)
    return;
  list->syncing = TRUE;
  if (!gtk_check_button_get_active (check))
    gtk_editable_set_text (GTK_EDITABLE (r->entry), "");
  else if (*gtk_editable_get_text (GTK_EDITABLE (r->entry)) == '\0')
    {
      /* What is left to allocate, at most the invoice's balance. */
      gint64 left = list->amount_func (list->owner);

      for (guint i = 0; i < list->rows->len; i++)
        {
          Row *o = g_ptr_array_index (list->rows, i);

          if (o != r && gtk_check_button_get_active (GTK_CHECK_BUTTON (o->check)))
            left -= row_amount (list, o);
        }
      if (left > 0)
        {
          g_autofree char *text = settle_money_format_number (
            settle_money_init (MIN (left, r->balance), list->currency));

          gtk_editable_set_text (GTK_EDITABLE (r->entry), text);
        }
    }
  list->syncing = FALSE;
  list->changed_func (list->owner);
}

static void
entry_changed_cb (GtkEditable *entry,
                  Row         *r)
{
  SettleAllocationList *list = r->list;

  if (list->syncing)
    return;
  list->syncing = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (r->check), *gtk_editable_get_text (entry) != '\0');
  list->syncing = FALSE;
  list->changed_func (list->owner);
}

void
settle_allocation_list_clear (SettleAllocationList *list)
{
  g_return_if_fail (list != NULL);

  for (guint i = 0; i < list->rows->len; i++)
    {
      Row *r = g_ptr_array_index (list->rows, i);

      adw_preferences_group_remove (list->group, r->row);
    }
  g_ptr_array_set_size (list->rows, 0);
}

void
settle_allocation_list_add (SettleAllocationList    *list,
                            const SettleOpenInvoice *item,
                            const char              *subtitle)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  Row *r;

  g_return_if_fail (list != NULL);
  g_return_if_fail (item != NULL);

  r = g_new0 (Row, 1);
  r->list = list;
  r->invoice_id = item->id;
  r->number = g_strdup (item->number);
  r->balance = item->balance;
  r->row = adw_action_row_new ();
  name = g_strdup_printf ("invoice-%s", item->number);
  gtk_widget_set_name (r->row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), item->number);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (r->row), subtitle);
  r->check = gtk_check_button_new ();
  gtk_widget_set_name (r->check, "check");
  gtk_widget_set_valign (r->check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  item->number, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (r->row), r->check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (r->row), r->check);
  r->entry = gtk_entry_new ();
  gtk_widget_set_name (r->entry, "amount");
  gtk_widget_set_valign (r->entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (r->entry), 10);
  gtk_editable_set_alignment (GTK_EDITABLE (r->entry), 1.0);
  /* Translators: accessible name of an amount entry, "Amount for INV-0042". */
  label = g_strdup_printf (_("Amount for %s"), item->number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), r->entry);
  /* Held by the row data too, so that its handlers can go whenever the data does. */
  g_object_ref (r->check);
  g_object_ref (r->entry);
  g_signal_connect (r->check, "toggled", G_CALLBACK (check_toggled_cb), r);
  g_signal_connect (r->entry, "changed", G_CALLBACK (entry_changed_cb), r);
  adw_preferences_group_add (list->group, r->row);
  g_ptr_array_add (list->rows, r);
}

guint
settle_allocation_list_get_n_rows (SettleAllocationList *list)
{
  g_return_val_if_fail (list != NULL, 0);
  return list->rows->len;
}

gint64
settle_allocation_list_validate (SettleAllocationList *list,
                                 char                **first_error,
                                 gboolean             *ok)
{
  gint64 allocated = 0;

  g_return_val_if_fail (list != NULL, 0);
  g_return_val_if_fail (first_error != NULL && ok != NULL, 0);

  for (guint i = 0; i < list->rows->len; i++)
    {
      Row *r = g_ptr_array_index (list->rows, i);
      gboolean bad = FALSE, empty = TRUE;
      gint64 share = 0;

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (r->check)))
        {
          gboolean parsed = settle_allocation_parse_money (
            gtk_editable_get_text (GTK_EDITABLE (r->entry)), list->currency, &share, &empty);

          bad = !parsed || empty || share <= 0 || share > r->balance;
          if (bad && *first_error == NULL)
            {
              g_autofree char *balance = settle_format_money (r->balance, list->currency);

              /* Translators: "INV-0042: an amount up to its balance of $1,250.00" */
              *first_error = g_strdup_printf (_("%s: an amount up to its balance of %s"),
                                              r->number, balance);
            }
          if (parsed && share > 0)
            allocated += share;
        }
      settle_allocation_set_error_style (r->entry, bad);
      *ok = *ok && !bad;
    }
  return allocated;
}

void
settle_allocation_list_fill (SettleAllocationList *list,
                             gint64                amount)
{
  gint64 left = amount;

  g_return_if_fail (list != NULL);

  list->syncing = TRUE;
  for (guint i = 0; i < list->rows->len; i++)
    {
      Row *r = g_ptr_array_index (list->rows, i);
      gint64 share = MIN (MAX (left, 0), r->balance);

      if (share > 0)
        {
          g_autofree char *text = settle_money_format_number (settle_money_init (share,
                                                                                 list->currency));

          gtk_editable_set_text (GTK_EDITABLE (r->entry), text);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (r->check), TRUE);
          left -= share;
        }
      else
        {
          gtk_editable_set_text (GTK_EDITABLE (r->entry), "");
          gtk_check_button_set_active (GTK_CHECK_BUTTON (r->check), FALSE);
        }
    }
  list->syncing = FALSE;
}

GArray *
settle_allocation_list_get_shares (SettleAllocationList *list)
{
  GArray *shares = g_array_new (FALSE, TRUE, sizeof (SettleAllocationShare));

  g_return_val_if_fail (list != NULL, shares);

  for (guint i = 0; i < list->rows->len; i++)
    {
      Row *r = g_ptr_array_index (list->rows, i);
      SettleAllocationShare s = { r->invoice_id, r->number, 0 };

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (r->check)))
        continue;
      s.amount = row_amount (list, r);
      g_array_append_val (shares, s);
    }
  return shares;
}
