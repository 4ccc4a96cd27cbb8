/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_ITEM_SERVICE,
  SETTLE_ITEM_HARDWARE,
  SETTLE_ITEM_PROJECT,
  SETTLE_ITEM_USAGE,
} SettleItemKind;

/* A product or service in the book's catalogue. */
typedef struct
{
  SettleId       id;
  char          *sku;         /* unique, not blank */
  char          *name;        /* not blank */
  char          *description;
  gint64         unit_price;  /* minor units of currency */
  char           currency[4];
  int            tax_rate_bp; /* one of the book's tax rates */
  SettleItemKind kind;
  gboolean       active;      /* inactive items stay on old invoices but are not offered */
} SettleCatalogItem;

/* A tax rate the book knows: "Sales tax 8.25 %", 825. */
typedef struct
{
  SettleId id;
  char    *name;
  int      rate_bp;
} SettleTaxRate;

SettleCatalogItem *settle_catalog_item_new         (void);
void               settle_catalog_item_free        (SettleCatalogItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleCatalogItem, settle_catalog_item_free)

/* Inserts (id 0) or updates. Validates: SKU not blank and unique, name not blank,
 * currency known, tax rate known. */
gboolean           settle_catalog_item_save        (SettleBook        *book,
                                                    SettleCatalogItem *item,
                                                    GError           **error);
SettleCatalogItem *settle_catalog_item_load        (SettleBook        *book,
                                                    SettleId           item_id,
                                                    GError           **error);
SettleCatalogItem *settle_catalog_item_load_by_sku (SettleBook        *book,
                                                    const char        *sku,
                                                    GError           **error);
/* SettleCatalogItem*, by name. search matches SKU, name or description
 * (case-insensitive substring); NULL = all. */
GPtrArray         *settle_catalog_list             (SettleBook        *book,
                                                    const char        *search,
                                                    gboolean           include_inactive,
                                                    GError           **error);

const char        *settle_item_kind_to_string      (SettleItemKind     kind);
gboolean           settle_item_kind_from_string    (const char        *text,
                                                    SettleItemKind    *kind);
/* Translated: "Service", "Hardware", "Project", "Usage". */
const char        *settle_item_kind_label          (SettleItemKind     kind);

void               settle_tax_rate_free            (SettleTaxRate     *rate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleTaxRate, settle_tax_rate_free)
/* SettleTaxRate*, by rate. */
GPtrArray         *settle_tax_rate_list            (SettleBook        *book,
                                                    GError           **error);
/* Inserts (id 0) or updates. Validates: name not blank, rate 0 to 1000 %, rate not
 * already in the list. */
gboolean           settle_tax_rate_save            (SettleBook        *book,
                                                    SettleTaxRate     *rate,
                                                    GError           **error);
/* 0 (no tax) is always known. */
gboolean           settle_tax_rate_is_known        (SettleBook        *book,
                                                    int                rate_bp);
/* "8.25 %": a rate in basis points as people write it. */
char              *settle_tax_rate_format          (int                rate_bp);

G_END_DECLS
