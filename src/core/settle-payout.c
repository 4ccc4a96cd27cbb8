/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-book-private.h"
#include "settle-payout.h"

SettleProcessorCharge *
settle_processor_charge_new (void)
{
  return g_new0 (SettleProcessorCharge, 1);
}

void
settle_processor_charge_free (SettleProcessorCharge *charge)
{
  if (charge == NULL)
    return;
  g_free (charge->charge_id);
  g_clear_pointer (&charge->created, g_date_time_unref);
  g_free (charge->description);
  g_free (charge->customer_email);
  g_free (charge->customer_name);
  g_free (charge->processor_invoice_id);
  g_free (charge->status);
  g_free (charge);
}

gint64
settle_processor_charge_net (const SettleProcessorCharge *charge)
{
  g_return_val_if_fail (charge != NULL, 0);

  return charge->amount - charge->refunded - charge->fee;
}

static gboolean
check_charge (const SettleProcessorCharge *c,
              guint                        index,
              GError                     **error)
{
  const char *what = NULL;

  if (c->charge_id == NULL || *c->charge_id == '\0')
    what = _("a charge id");
  else if (c->created == NULL)
    what = _("the time the charge was created");
  else if (c->amount < 0 || c->refunded < 0 || c->fee < 0 || c->refunded > c->amount)
    what = _("amounts of zero or more, refunds no more than the charge");
  else if (strlen (c->currency) != 3)
    what = _("a three-letter currency");
  if (what == NULL)
    return TRUE;
  /* Translators: "Charge 3 (ch_1abc): expected a charge id" */
  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, _("Charge %u (%s): expected %s"),
               index + 1, c->charge_id ? c->charge_id : "", what);
  return FALSE;
}

gboolean
settle_processor_charges_store (SettleBook *book,
                                const char *processor,
                                GPtrArray  *charges,
                                guint      *imported,
                                guint      *duplicates,
                                GError    **error)
{
  g_autofree char *now = NULL;
  guint n_imported = 0, n_duplicates = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (processor != NULL && charges != NULL, FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  now = settle_timestamp_now ();
  for (guint i = 0; i < charges->len; i++)
    {
      const SettleProcessorCharge *c = g_ptr_array_index (charges, i);
      g_autoptr(GDateTime) utc = NULL;
      g_autofree char *created = NULL;
      g_autofree char *currency = NULL;
      sqlite3_stmt *stmt;

      if (!check_charge (c, i, error))
        goto fail;
      /* Exports write "cad" as often as "CAD". */
      currency = g_ascii_strup (c->currency, -1);
      utc = g_date_time_to_utc (c->created);
      created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
      stmt = settle_book_prepare (book,
                                  "INSERT INTO processor_charges (processor, charge_id, created, amount, "
                                  "refunded, fee, currency, description, customer_email, customer_name, "
                                  "processor_invoice_id, status, imported_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                                  "ON CONFLICT (processor, charge_id) DO NOTHING",
                                  error);
      if (stmt == NULL)
        goto fail;
      settle_bind_text (stmt, 1, processor);
      settle_bind_text (stmt, 2, c->charge_id);
      settle_bind_text (stmt, 3, created);
      sqlite3_bind_int64 (stmt, 4, c->amount);
      sqlite3_bind_int64 (stmt, 5, c->refunded);
      sqlite3_bind_int64 (stmt, 6, c->fee);
      settle_bind_text (stmt, 7, currency);
      settle_bind_text (stmt, 8, c->description ? c->description : "");
      settle_bind_text (stmt, 9, c->customer_email ? c->customer_email : "");
      settle_bind_text (stmt, 10, c->customer_name ? c->customer_name : "");
      settle_bind_text (stmt, 11, c->processor_invoice_id ? c->processor_invoice_id : "");
      settle_bind_text (stmt, 12, c->status ? c->status : "");
      settle_bind_text (stmt, 13, now);
      if (!settle_book_step_done (book, stmt, error))
        goto fail;
      if (sqlite3_changes (settle_book_get_db (book)) > 0)
        n_imported++;
      else
        n_duplicates++;
    }
  if (!settle_book_commit (book, error))
    return FALSE;
  if (imported != NULL)
    *imported = n_imported;
  if (duplicates != NULL)
    *duplicates = n_duplicates;
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}
