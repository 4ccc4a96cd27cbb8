/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checking what a person entered on an invoice against the book, before anything
 * is written. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "settle-catalog.h"
#include "settle-client.h"
#include "settle-invoice-private.h"

static gboolean
line_error (GError                  **error,
            const SettleInvoiceLine  *line,
            guint                     index,
            const char               *message)
{
  /* Translators: "Line 3: <what is wrong>" */
  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, _("Line %u: %s"), index + 1,
               message);
  return FALSE;
}

static gboolean
item_exists (SettleBook *book,
             SettleId    item_id)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT 1 FROM catalogue_items WHERE id = ?1",
                                            NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
client_exists (SettleBook *book,
               SettleId    client_id)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT 1 FROM clients WHERE id = ?1", NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
settle_invoice_validate (SettleBook          *book,
                         const SettleInvoice *inv,
                         GError             **error)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (inv != NULL, FALSE);

  if (!client_exists (book, inv->client_id))
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Client: choose the client the invoice is for"));
      return FALSE;
    }
  if (!settle_currency_is_known (inv->currency))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Currency: “%s” is not a known ISO 4217 code"), inv->currency);
      return FALSE;
    }
  if (!settle_terms_validate (&inv->terms, error))
    return FALSE;
  if (inv->pay_link != NULL && *inv->pay_link != '\0' &&
      !g_str_has_prefix (inv->pay_link, "https://") && !g_str_has_prefix (inv->pay_link, "http://"))
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Pay link: must be a web address starting with https://"));
      return FALSE;
    }

  for (guint i = 0; i < inv->lines->len; i++)
    {
      const SettleInvoiceLine *line = g_ptr_array_index (inv->lines, i);

      if (settle_text_is_blank (line->description))
        return line_error (error, line, i, _("the description is empty"));
      if (line->discount_bp < 0 || line->discount_bp > 10000)
        return line_error (error, line, i, _("the discount must be between 0 % and 100 %"));
      if (line->tax_rate_bp < 0 || line->tax_rate_bp > 100000 ||
          !settle_tax_rate_is_known (book, line->tax_rate_bp))
        {
          g_autofree char *rate = settle_tax_rate_format (line->tax_rate_bp);
          g_autofree char *what = NULL;

          /* Translators: "tax rate 7.5 % is not in the book's tax rates" */
          what = g_strdup_printf (_("tax rate %s is not in the book's tax rates"), rate);
          return line_error (error, line, i, what);
        }
      if (line->item_id != 0 && !item_exists (book, line->item_id))
        return line_error (error, line, i, _("the catalogue item no longer exists"));
    }
  return TRUE;
}

gboolean
settle_invoice_parse_quantity (const char *text,
                               gint64     *quantity_milli,
                               GError    **error)
{
  g_autofree char *copy = NULL;
  const char *point = localeconv ()->decimal_point;
  gint64 value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (quantity_milli != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  /* The locale's decimal point (a comma in many languages) means ".". */
  if (point != NULL && *point != '\0' && strcmp (point, ".") != 0 && strlen (point) == 1)
    g_strdelimit (copy, point, '.');
  if (*copy == '\0' || !settle_parse_fixed (copy, 3, &value, NULL))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Quantity: “%s” is not a quantity; expected a number such as 2 or 1.5 "
                     "(at most three decimals)"),
                   text);
      return FALSE;
    }
  *quantity_milli = value;
  return TRUE;
}

SettleInvoice *
settle_invoice_new_for_client (SettleBook *book,
                               SettleId    client_id,
                               GError    **error)
{
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(SettleInvoice) inv = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  client = settle_client_load (book, client_id, error);
  if (client == NULL)
    return NULL;
  inv = settle_invoice_new (client_id, client->currency);
  g_free (inv->client_name);
  inv->client_name = g_strdup (client->name);
  /* terms_days stays at its default, so a terms change before the first save is
   * not mistaken for an older caller's terms_days. */
  if (!settle_terms_for_client (book, client_id, &inv->terms, error))
    return NULL;
  return g_steal_pointer (&inv);
}
