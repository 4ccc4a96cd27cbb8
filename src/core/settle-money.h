/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SETTLE_MONEY_ERROR (settle_money_error_quark ())

typedef enum
{
  SETTLE_MONEY_ERROR_PARSE,
  SETTLE_MONEY_ERROR_OVERFLOW,
  SETTLE_MONEY_ERROR_CURRENCY_MISMATCH,
  SETTLE_MONEY_ERROR_UNKNOWN_CURRENCY,
  SETTLE_MONEY_ERROR_TOO_PRECISE,
} SettleMoneyError;

/* The named rounding rules. Every division that can leave a remainder in a money
 * path goes through one of these. */
typedef enum
{
  SETTLE_ROUND_HALF_UP,   /* commercial: 0.5 away from zero */
  SETTLE_ROUND_HALF_EVEN, /* banker's: 0.5 to the even neighbour */
} SettleRounding;

/* Where tax and line amounts are rounded. Recorded on each invoice. */
typedef enum
{
  SETTLE_TAX_ROUND_PER_LINE,
  SETTLE_TAX_ROUND_PER_INVOICE,
} SettleTaxRounding;

typedef struct
{
  gint64 amount;      /* minor units */
  char   currency[4]; /* ISO 4217 alphabetic code, NUL-terminated */
} SettleMoney;

GQuark       settle_money_error_quark      (void);

gboolean     settle_currency_is_known      (const char     *code);
int          settle_currency_exponent      (const char     *code);
const char  *settle_currency_symbol        (const char     *code);

SettleMoney  settle_money_init             (gint64          amount,
                                            const char     *currency);
gboolean     settle_money_add              (SettleMoney     a,
                                            SettleMoney     b,
                                            SettleMoney    *out,
                                            GError        **error);
gboolean     settle_money_sub              (SettleMoney     a,
                                            SettleMoney     b,
                                            SettleMoney    *out,
                                            GError        **error);

gboolean     settle_checked_add            (gint64          a,
                                            gint64          b,
                                            gint64         *out);
gboolean     settle_checked_mul            (gint64          a,
                                            gint64          b,
                                            gint64         *out);
gboolean     settle_round_div              (gint64          numerator,
                                            gint64          denominator,
                                            SettleRounding  rule,
                                            gint64         *out);
gboolean     settle_round_mul_div          (gint64          a,
                                            gint64          b,
                                            gint64          denominator,
                                            SettleRounding  rule,
                                            gint64         *out);

const char  *settle_rounding_to_string     (SettleRounding  rule);
gboolean     settle_rounding_from_string   (const char     *name,
                                            SettleRounding *rule);
const char  *settle_tax_rounding_to_string (SettleTaxRounding mode);
gboolean     settle_tax_rounding_from_string (const char     *name,
                                              SettleTaxRounding *mode);

/* Plain, locale-independent decimal text: "-1234.50". For CSV, JSON, SQL-free
 * exchange. */
char        *settle_money_to_plain         (SettleMoney     money);
gboolean     settle_money_parse_plain      (const char     *text,
                                            const char     *currency,
                                            SettleMoney    *out,
                                            GError        **error);

/* Display text by the conventions of LC_MONETARY (decimal point, grouping),
 * with the currency's symbol: "$1,234.50", "-€12.00". */
char        *settle_money_format           (SettleMoney     money);
/* The same number without the symbol: "1,234.50". */
char        *settle_money_format_number    (SettleMoney     money);
/* Parses what a person types, by LC_MONETARY conventions: grouping separators
 * are accepted, more decimals than the currency has are refused. */
gboolean     settle_money_parse            (const char     *text,
                                            const char     *currency,
                                            SettleMoney    *out,
                                            GError        **error);

/* Quantities are thousandths ("1.5" -> 1500); rates are basis points ("8.25" % -> 825). */
gboolean     settle_parse_fixed            (const char     *text,
                                            int             decimals,
                                            gint64         *out,
                                            GError        **error);
char        *settle_format_fixed           (gint64          value,
                                            int             decimals,
                                            gboolean        trim_zeros);

G_END_DECLS
