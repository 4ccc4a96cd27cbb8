/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "settle-money.h"

G_DEFINE_QUARK (settle-money-error-quark, settle_money_error)

typedef struct
{
  const char *code;
  int         exponent;
  const char *symbol;
} CurrencyInfo;

/* ISO 4217 minor-unit exponents of the currencies an MSP is likely to bill in. */
static const CurrencyInfo currencies[] = {
  { "AED", 2, "AED" }, { "ARS", 2, "ARS" }, { "AUD", 2, "A$" },  { "BHD", 3, "BHD" },
  { "BRL", 2, "R$" },  { "CAD", 2, "CA$" }, { "CHF", 2, "CHF" }, { "CLP", 0, "CLP" },
  { "CNY", 2, "CN¥" }, { "CZK", 2, "CZK" }, { "DKK", 2, "DKK" }, { "EUR", 2, "€" },
  { "GBP", 2, "£" },   { "HKD", 2, "HK$" }, { "HUF", 2, "HUF" }, { "IDR", 2, "IDR" },
  { "ILS", 2, "₪" },   { "INR", 2, "₹" },   { "ISK", 0, "ISK" }, { "JOD", 3, "JOD" },
  { "JPY", 0, "¥" },   { "KRW", 0, "₩" },   { "KWD", 3, "KWD" }, { "MXN", 2, "MX$" },
  { "MYR", 2, "MYR" }, { "NOK", 2, "NOK" }, { "NZD", 2, "NZ$" }, { "OMR", 3, "OMR" },
  { "PHP", 2, "₱" },   { "PLN", 2, "PLN" }, { "SAR", 2, "SAR" }, { "SEK", 2, "SEK" },
  { "SGD", 2, "SGD" }, { "THB", 2, "THB" }, { "TND", 3, "TND" }, { "TRY", 2, "TRY" },
  { "TWD", 2, "NT$" }, { "USD", 2, "$" },   { "VND", 0, "₫" },   { "ZAR", 2, "ZAR" },
};

static const CurrencyInfo *
find_currency (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (strcmp (currencies[i].code, code) == 0)
      return &currencies[i];
  return NULL;
}

gboolean
settle_currency_is_known (const char *code)
{
  return find_currency (code) != NULL;
}

int
settle_currency_exponent (const char *code)
{
  const CurrencyInfo *info = find_currency (code);

  g_return_val_if_fail (info != NULL, 2);
  return info->exponent;
}

const char *
settle_currency_symbol (const char *code)
{
  const CurrencyInfo *info = find_currency (code);

  return info ? info->symbol : code;
}

SettleMoney
settle_money_init (gint64      amount,
                   const char *currency)
{
  SettleMoney m = { amount, "" };

  g_return_val_if_fail (currency != NULL && strlen (currency) == 3, m);
  memcpy (m.currency, currency, 4);
  return m;
}

gboolean
settle_checked_add (gint64  a,
                    gint64  b,
                    gint64 *out)
{
  return !__builtin_add_overflow (a, b, out);
}

gboolean
settle_checked_mul (gint64  a,
                    gint64  b,
                    gint64 *out)
{
  return !__builtin_mul_overflow (a, b, out);
}

static gboolean
same_currency (SettleMoney a,
               SettleMoney b,
               GError    **error)
{
  if (strcmp (a.currency, b.currency) != 0)
    {
      g_set_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_CURRENCY_MISMATCH,
                   _("Cannot combine amounts in %s and %s"), a.currency, b.currency);
      return FALSE;
    }
  return TRUE;
}

static gboolean
overflow_error (GError **error)
{
  g_set_error_literal (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_OVERFLOW,
                       _("The amount is too large"));
  return FALSE;
}

gboolean
settle_money_add (SettleMoney  a,
                  SettleMoney  b,
                  SettleMoney *out,
                  GError     **error)
{
  gint64 sum;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!same_currency (a, b, error))
    return FALSE;
  if (!settle_checked_add (a.amount, b.amount, &sum))
    return overflow_error (error);
  *out = settle_money_init (sum, a.currency);
  return TRUE;
}

gboolean
settle_money_sub (SettleMoney  a,
                  SettleMoney  b,
                  SettleMoney *out,
                  GError     **error)
{
  gint64 diff;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!same_currency (a, b, error))
    return FALSE;
  if (__builtin_sub_overflow (a.amount, b.amount, &diff))
    return overflow_error (error);
  *out = settle_money_init (diff, a.currency);
  return TRUE;
}

/* Rounds a 128-bit quotient to an integer by the rule; FALSE when it does not fit. */
static gboolean
round_div128 (__int128        num,
              __int128        den,
              SettleRounding  rule,
              gint64         *out)
{
  __int128 q, r, twice_r;
  gboolean negative;

  g_assert (den != 0);
  if (den < 0)
    {
      num = -num;
      den = -den;
    }
  negative = num < 0;
  if (negative)
    num = -num;
  q = num / den;
  r = num % den;
  twice_r = r * 2;
  if (twice_r > den)
    q += 1;
  else if (twice_r == den)
    {
      if (rule == SETTLE_ROUND_HALF_UP || (q % 2) == 1)
        q += 1;
    }
  if (negative)
    q = -q;
  if (q > G_MAXINT64 || q < G_MININT64)
    return FALSE;
  *out = (gint64) q;
  return TRUE;
}

gboolean
settle_round_div (gint64          numerator,
                  gint64          denominator,
                  SettleRounding  rule,
                  gint64         *out)
{
  g_return_val_if_fail (denominator != 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  return round_div128 (numerator, denominator, rule, out);
}

gboolean
settle_round_mul_div (gint64          a,
                      gint64          b,
                      gint64          denominator,
                      SettleRounding  rule,
                      gint64         *out)
{
  g_return_val_if_fail (denominator != 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  return round_div128 ((__int128) a * (__int128) b, denominator, rule, out);
}

const char *
settle_rounding_to_string (SettleRounding rule)
{
  return rule == SETTLE_ROUND_HALF_EVEN ? "half-even" : "half-up";
}

gboolean
settle_rounding_from_string (const char     *name,
                             SettleRounding *rule)
{
  if (g_strcmp0 (name, "half-up") == 0)
    *rule = SETTLE_ROUND_HALF_UP;
  else if (g_strcmp0 (name, "half-even") == 0)
    *rule = SETTLE_ROUND_HALF_EVEN;
  else
    return FALSE;
  return TRUE;
}

const char *
settle_tax_rounding_to_string (SettleTaxRounding mode)
{
  return mode == SETTLE_TAX_ROUND_PER_INVOICE ? "per-invoice" : "per-line";
}

gboolean
settle_tax_rounding_from_string (const char        *name,
                                 SettleTaxRounding *mode)
{
  if (g_strcmp0 (name, "per-line") == 0)
    *mode = SETTLE_TAX_ROUND_PER_LINE;
  else if (g_strcmp0 (name, "per-invoice") == 0)
    *mode = SETTLE_TAX_ROUND_PER_INVOICE;
  else
    return FALSE;
  return TRUE;
}

char *
settle_format_fixed (gint64   value,
                     int      decimals,
                     gboolean trim_zeros)
{
  GString *s = g_string_new (NULL);
  guint64 mag = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  guint64 scale = 1;
  guint64 ip, fp;

  for (int i = 0; i < decimals; i++)
    scale *= 10;
  ip = mag / scale;
  fp = mag % scale;
  if (value < 0)
    g_string_append_c (s, '-');
  g_string_append_printf (s, "%" G_GUINT64_FORMAT, ip);
  if (decimals > 0)
    {
      g_string_append_printf (s, ".%0*" G_GUINT64_FORMAT, decimals, fp);
      if (trim_zeros)
        {
          while (s->str[s->len - 1] == '0')
            g_string_truncate (s, s->len - 1);
          if (s->str[s->len - 1] == '.')
            g_string_truncate (s, s->len - 1);
        }
    }
  return g_string_free (s, FALSE);
}

/* Parses [-]digits[<point>digits] into an integer scaled by 10^decimals. Grouping
 * characters, if given, are skipped between digits of the integer part. */
static gboolean
parse_decimal (const char *text,
               const char *point,
               const char *grouping,
               int         decimals,
               gint64     *out,
               GError    **error)
{
  const char *p = text;
  gboolean negative = FALSE, any_digit = FALSE;
  gint64 value = 0;
  int frac_digits = -1;
  gsize point_len = strlen (point);
  gsize group_len = grouping ? strlen (grouping) : 0;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-' || *p == '+')
    {
      negative = *p == '-';
      p++;
    }
  for (; *p != '\0'; )
    {
      if (g_ascii_isdigit (*p))
        {
          if (frac_digits >= 0)
            {
              if (frac_digits == decimals)
                {
                  g_set_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_TOO_PRECISE,
                               _("“%s” has more than %d decimal places"), text, decimals);
                  return FALSE;
                }
              frac_digits++;
            }
          if (!settle_checked_mul (value, 10, &value) || !settle_checked_add (value, *p - '0', &value))
            return overflow_error (error);
          any_digit = TRUE;
          p++;
        }
      else if (frac_digits < 0 && point_len > 0 && strncmp (p, point, point_len) == 0)
        {
          frac_digits = 0;
          p += point_len;
        }
      else if (frac_digits < 0 && any_digit && group_len > 0 && strncmp (p, grouping, group_len) == 0)
        p += group_len;
      else if (g_ascii_isspace (*p))
        {
          const char *q = p;
          while (g_ascii_isspace (*q))
            q++;
          if (*q != '\0')
            goto bad;
          break;
        }
      else
        goto bad;
    }
  if (!any_digit)
    goto bad;
  for (int i = frac_digits < 0 ? 0 : frac_digits; i < decimals; i++)
    if (!settle_checked_mul (value, 10, &value))
      return overflow_error (error);
  *out = negative ? -value : value;
  return TRUE;

bad:
  g_set_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_PARSE,
               _("“%s” is not a number"), text);
  return FALSE;
}

gboolean
settle_parse_fixed (const char *text,
                    int         decimals,
                    gint64     *out,
                    GError    **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  return parse_decimal (text, ".", NULL, decimals, out, error);
}

static gboolean
check_currency (const char *currency,
                GError    **error)
{
  if (!settle_currency_is_known (currency))
    {
      g_set_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_UNKNOWN_CURRENCY,
                   _("“%s” is not a known ISO 4217 currency"), currency ? currency : "");
      return FALSE;
    }
  return TRUE;
}

char *
settle_money_to_plain (SettleMoney money)
{
  return settle_format_fixed (money.amount, settle_currency_exponent (money.currency), FALSE);
}

gboolean
settle_money_parse_plain (const char  *text,
                          const char  *currency,
                          SettleMoney *out,
                          GError     **error)
{
  gint64 v;

  g_return_val_if_fail (text != NULL, FALSE);
  if (!check_currency (currency, error))
    return FALSE;
  if (!parse_decimal (text, ".", NULL, settle_currency_exponent (currency), &v, error))
    return FALSE;
  *out = settle_money_init (v, currency);
  return TRUE;
}

typedef struct
{
  char point[8];
  char group[8];
} Separators;

/* LC_MONETARY's separators; the C locale has none, so it gets "." and ",". */
static void
monetary_separators (Separators *sep)
{
  const struct lconv *lc = localeconv ();
  const char *point = lc->mon_decimal_point;
  const char *group = lc->mon_thousands_sep;

  if (point == NULL || *point == '\0')
    point = ".";
  if (group == NULL || (*group == '\0' && strcmp (point, ".") == 0 && lc->mon_grouping[0] == '\0'))
    group = ",";
  g_strlcpy (sep->point, point, sizeof sep->point);
  g_strlcpy (sep->group, group, sizeof sep->group);
}

char *
settle_money_format_number (SettleMoney money)
{
  Separators sep;
  g_autofree char *plain = NULL;
  const char *digits, *dot;
  GString *s;
  gsize int_len;

  monetary_separators (&sep);
  plain = settle_money_to_plain (money);
  digits = plain[0] == '-' ? plain + 1 : plain;
  dot = strchr (digits, '.');
  int_len = dot ? (gsize) (dot - digits) : strlen (digits);

  s = g_string_new (plain[0] == '-' ? "-" : "");
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (s, sep.group);
      g_string_append_c (s, digits[i]);
    }
  if (dot)
    {
      g_string_append (s, sep.point);
      g_string_append (s, dot + 1);
    }
  return g_string_free (s, FALSE);
}

char *
settle_money_format (SettleMoney money)
{
  g_autofree char *number = NULL;
  const char *symbol = settle_currency_symbol (money.currency);
  gboolean word = g_ascii_isalpha (symbol[strlen (symbol) - 1]);

  number = settle_money_format_number (money);
  if (number[0] == '-')
    return g_strdup_printf ("-%s%s%s", symbol, word ? " " : "", number + 1);
  return g_strdup_printf ("%s%s%s", symbol, word ? " " : "", number);
}

gboolean
settle_money_parse (const char  *text,
                    const char  *currency,
                    SettleMoney *out,
                    GError     **error)
{
  Separators sep;
  g_autoptr(GString) clean = NULL;
  const char *symbol;
  gint64 v;
  gboolean negative = FALSE;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  if (!check_currency (currency, error))
    return FALSE;
  monetary_separators (&sep);
  symbol = settle_currency_symbol (currency);

  /* Drop the symbol or the code and any spaces around it; keep the sign. */
  clean = g_string_new (NULL);
  for (p = text; *p != '\0';)
    {
      if (strncmp (p, symbol, strlen (symbol)) == 0)
        p += strlen (symbol);
      else if (strncmp (p, currency, 3) == 0)
        p += 3;
      else if (*p == '-' && clean->len == 0 && !negative)
        {
          negative = TRUE;
          p++;
        }
      else if (g_ascii_isspace (*p) && strcmp (sep.group, " ") != 0)
        p++;
      else if (strncmp (p, "\xc2\xa0", 2) == 0 || strncmp (p, "\xe2\x80\xaf", 3) == 0)
        p += (p[0] == '\xc2') ? 2 : 3; /* no-break spaces used as grouping */
      else
        g_string_append_c (clean, *p++);
    }
  if (!parse_decimal (clean->str, sep.point, sep.group, settle_currency_exponent (currency),
                      &v, error))
    {
      if (error && *error && (*error)->code == SETTLE_MONEY_ERROR_PARSE)
        {
          g_clear_error (error);
          g_set_error (error, SETTLE_MONEY_ERROR, SETTLE_MONEY_ERROR_PARSE,
                       _("“%s” is not an amount"), text);
        }
      return FALSE;
    }
  *out = settle_money_init (negative ? -v : v, currency);
  return TRUE;
}
