/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "settle-book-private.h"
#include "settle-catalog.h"
#include "settle-client.h"
#include "settle-money.h"

static const char * const kind_names[] = {
  [SETTLE_ITEM_SERVICE] = "service",
  [SETTLE_ITEM_HARDWARE] = "hardware",
  [SETTLE_ITEM_PROJECT] = "project",
  [SETTLE_ITEM_USAGE] = "usage",
};

const char *
settle_item_kind_to_string (SettleItemKind kind)
{
  g_return_val_if_fail (kind <= SETTLE_ITEM_USAGE, "service");
  return kind_names[kind];
}

gboolean
settle_item_kind_from_string (const char     *text,
                              SettleItemKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
settle_item_kind_label (SettleItemKind kind)
{
  switch (kind)
    {
    case SETTLE_ITEM_SERVICE:
      return _("Service");
    case SETTLE_ITEM_HARDWARE:
      return _("Hardware");
    case SETTLE_ITEM_PROJECT:
      return _("Project");
    case SETTLE_ITEM_USAGE:
      return _("Usage");
    default:
      g_return_val_if_reached ("");
    }
}

char *
settle_tax_rate_format (int rate_bp)
{
  g_autofree char *num = settle_format_fixed (rate_bp, 2, TRUE);

  /* Translators: a tax rate, e.g. "8.25 %" */
  return g_strdup_printf (_("%s %%"), num);
}

SettleCatalogItem *
settle_catalog_item_new (void)
{
  SettleCatalogItem *item = g_new0 (SettleCatalogItem, 1);

  item->sku = g_strdup ("");
  item->name = g_strdup ("");
  item->description = g_strdup ("");
  memcpy (item->currency, "USD", 4);
  item->kind = SETTLE_ITEM_SERVICE;
  item->active = TRUE;
  return item;
}

void
settle_catalog_item_free (SettleCatalogItem *item)
{
  if (item == NULL)
    return;
  g_free (item->sku);
  g_free (item->name);
  g_free (item->description);
  g_free (item);
}

void
settle_tax_rate_free (SettleTaxRate *rate)
{
  if (rate == NULL)
    return;
  g_free (rate->name);
  g_free (rate);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, message);
  return FALSE;
}

gboolean
settle_tax_rate_is_known (SettleBook *book,
                          int         rate_bp)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (rate_bp == 0)
    return TRUE;
  stmt = settle_book_prepare (book, "SELECT 1 FROM tax_rates WHERE rate_bp = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, rate_bp);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* Looks up a SKU; *other_id = 0 when nobody has it. */
static gboolean
sku_owner (SettleBook *book,
           const char *sku,
           SettleId   *other_id,
           GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT id FROM catalogue_items WHERE sku = ?1",
                                            error);
  int rc;

  *other_id = 0;
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, sku);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *other_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);
  return TRUE;
}

gboolean
settle_catalog_item_save (SettleBook        *book,
                          SettleCatalogItem *item,
                          GError           **error)
{
  g_autofree char *sku = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  SettleId other = 0;
  gboolean inserting;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  name = g_strstrip (g_strdup (item->name ? item->name : ""));

  sku = g_strstrip (g_strdup (item->sku ? item->sku : ""));
  if (*sku == '\0')
    return invalid (error, _("SKU: an item needs a SKU"));
  if (settle_text_is_blank (item->name))
    return invalid (error, _("Name: an item needs a name"));
  if (!settle_currency_is_known (item->currency))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Currency: “%s” is not a known ISO 4217 code"), item->currency);
      return FALSE;
    }
  if (item->kind > SETTLE_ITEM_USAGE)
    return invalid (error, _("Kind: must be service, hardware, project or usage"));

  inserting = item->id == 0;
  if (!settle_book_begin (book, error))
    return FALSE;
  if (!settle_tax_rate_is_known (book, item->tax_rate_bp))
    {
      g_autofree char *rate = settle_tax_rate_format (item->tax_rate_bp);

      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Tax rate: %s is not in the book's tax rates"), rate);
      goto fail;
    }
  if (!sku_owner (book, sku, &other, error))
    goto fail;
  if (other != 0 && other != item->id)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("SKU: “%s” is already used by another item"), sku);
      goto fail;
    }
  if (inserting)
    stmt = settle_book_prepare (book,
                                "INSERT INTO catalogue_items (sku, name, description, unit_price, "
                                "currency, tax_rate_bp, kind, active, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                error);
  else
    stmt = settle_book_prepare (book,
                                "UPDATE catalogue_items SET sku = ?1, name = ?2, description = ?3, "
                                "unit_price = ?4, currency = ?5, tax_rate_bp = ?6, kind = ?7, "
                                "active = ?8 WHERE id = ?10",
                                error);
  if (stmt == NULL)
    goto fail;
  settle_bind_text (stmt, 1, sku);
  settle_bind_text (stmt, 2, name);
  settle_bind_text (stmt, 3, item->description ? item->description : "");
  sqlite3_bind_int64 (stmt, 4, item->unit_price);
  settle_bind_text (stmt, 5, item->currency);
  sqlite3_bind_int (stmt, 6, item->tax_rate_bp);
  settle_bind_text (stmt, 7, settle_item_kind_to_string (item->kind));
  sqlite3_bind_int (stmt, 8, item->active ? 1 : 0);
  if (inserting)
    {
      g_autofree char *now = settle_timestamp_now ();
      settle_bind_text (stmt, 9, now);
    }
  else
    sqlite3_bind_int64 (stmt, 10, item->id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (!inserting && sqlite3_changes (settle_book_get_db (book)) == 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no catalogue item with id %" PRId64), item->id);
      goto fail;
    }
  if (!settle_book_commit (book, error))
    return FALSE;
  if (inserting)
    item->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  g_free (item->sku);
  item->sku = g_steal_pointer (&sku);
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}

#define ITEM_COLUMNS \
  "id, sku, name, description, unit_price, currency, tax_rate_bp, kind, active "

static SettleCatalogItem *
item_from_row (sqlite3_stmt *stmt)
{
  SettleCatalogItem *item = settle_catalog_item_new ();

  item->id = sqlite3_column_int64 (stmt, 0);
  g_free (item->sku);
  item->sku = settle_column_dup (stmt, 1);
  g_free (item->name);
  item->name = settle_column_dup (stmt, 2);
  g_free (item->description);
  item->description = settle_column_dup (stmt, 3);
  item->unit_price = sqlite3_column_int64 (stmt, 4);
  g_strlcpy (item->currency, (const char *) sqlite3_column_text (stmt, 5), sizeof item->currency);
  item->tax_rate_bp = sqlite3_column_int (stmt, 6);
  settle_item_kind_from_string ((const char *) sqlite3_column_text (stmt, 7), &item->kind);
  item->active = sqlite3_column_int (stmt, 8) != 0;
  return item;
}

static SettleCatalogItem *
load_one (SettleBook   *book,
          sqlite3_stmt *stmt,
          const char   *what,
          GError      **error)
{
  SettleCatalogItem *item = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    item = item_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("There is no catalogue item %s"), what);
  else if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return item;
}

SettleCatalogItem *
settle_catalog_item_load (SettleBook *book,
                          SettleId    item_id,
                          GError    **error)
{
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book, "SELECT " ITEM_COLUMNS "FROM catalogue_items WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  what = g_strdup_printf ("with id %" G_GINT64_FORMAT, item_id);
  return load_one (book, stmt, what, error);
}

SettleCatalogItem *
settle_catalog_item_load_by_sku (SettleBook *book,
                                 const char *sku,
                                 GError    **error)
{
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (sku != NULL, NULL);

  stmt = settle_book_prepare (book, "SELECT " ITEM_COLUMNS "FROM catalogue_items WHERE sku = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  settle_bind_text (stmt, 1, sku);
  what = g_strdup_printf ("“%s”", sku);
  return load_one (book, stmt, what, error);
}

/* LIKE with the search escaped, so "%" and "_" match themselves. */
static char *
like_pattern (const char *search)
{
  GString *s = g_string_new ("%");

  for (const char *p = search; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

GPtrArray *
settle_catalog_list (SettleBook *book,
                     const char *search,
                     gboolean    include_inactive,
                     GError    **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT " ITEM_COLUMNS "FROM catalogue_items "
                              "WHERE (?1 OR active = 1) AND (?2 IS NULL OR "
                              " sku LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' OR "
                              " description LIKE ?2 ESCAPE '\\') "
                              "ORDER BY name COLLATE NOCASE, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  if (search != NULL && *search != '\0')
    pattern = like_pattern (search);
  settle_bind_text (stmt, 2, pattern);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_catalog_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

GPtrArray *
settle_tax_rate_list (SettleBook *book,
                      GError    **error)
{
  g_autoptr(GPtrArray) rates = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book, "SELECT id, name, rate_bp FROM tax_rates ORDER BY rate_bp",
                              error);
  if (stmt == NULL)
    return NULL;
  rates = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_tax_rate_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleTaxRate *rate = g_new0 (SettleTaxRate, 1);

      rate->id = sqlite3_column_int64 (stmt, 0);
      rate->name = settle_column_dup (stmt, 1);
      rate->rate_bp = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (rates, rate);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rates);
}

gboolean
settle_tax_rate_save (SettleBook    *book,
                      SettleTaxRate *rate,
                      GError       **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  SettleId other = 0;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (rate != NULL, FALSE);

  name = g_strstrip (g_strdup (rate->name ? rate->name : ""));

  if (settle_text_is_blank (rate->name))
    return invalid (error, _("Name: a tax rate needs a name"));
  if (rate->rate_bp < 0 || rate->rate_bp > 100000)
    return invalid (error, _("Rate: a tax rate must be between 0 % and 1000 %"));

  if (!settle_book_begin (book, error))
    return FALSE;
  stmt = settle_book_prepare (book, "SELECT id FROM tax_rates WHERE rate_bp = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, rate->rate_bp);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    other = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      goto fail;
    }
  if (other != 0 && other != rate->id)
    {
      g_autofree char *text = settle_tax_rate_format (rate->rate_bp);

      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Rate: %s is already in the book's tax rates"), text);
      goto fail;
    }
  if (rate->id == 0)
    stmt = settle_book_prepare (book, "INSERT INTO tax_rates (name, rate_bp) VALUES (?1, ?2)",
                                error);
  else
    stmt = settle_book_prepare (book, "UPDATE tax_rates SET name = ?1, rate_bp = ?2 WHERE id = ?3",
                                error);
  if (stmt == NULL)
    goto fail;
  settle_bind_text (stmt, 1, name);
  sqlite3_bind_int (stmt, 2, rate->rate_bp);
  if (rate->id != 0)
    sqlite3_bind_int64 (stmt, 3, rate->id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (rate->id != 0 && sqlite3_changes (settle_book_get_db (book)) == 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no tax rate with id %" PRId64), rate->id);
      goto fail;
    }
  if (!settle_book_commit (book, error))
    return FALSE;
  if (rate->id == 0)
    rate->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  return TRUE;

fail:
  settle_book_rollback (book);
  return FALSE;
}
