/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "settle-money.h"
#include "settle-statement-private.h"

int
settle_statement_currency_exponent (const char *currency)
{
  if (currency != NULL && settle_currency_is_known (currency))
    return settle_currency_exponent (currency);
  return 2;
}

static gboolean
is_currency_noise (gunichar c)
{
  return c == '$' || c == 0x20AC /* € */ || c == 0xA3 /* £ */ || c == 0xA5 /* ¥ */
         || g_unichar_isspace (c) || c == 0xA0 || c == 0x202F;
}

/* Exact decimal text to minor units: no double anywhere. */
gboolean
settle_statement_parse_amount (const char *text,
                               char        decimal,
                               int         exponent,
                               gint64     *out,
                               char      **why)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  gboolean negative = FALSE, parens = FALSE, seen_point = FALSE, any = FALSE;
  char thousands = decimal == ',' ? '.' : ',';
  int decimals = 0;
  gint64 value = 0;

  g_assert (why != NULL);
  *why = NULL;
  if (text == NULL)
    text = "";
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_currency_noise (c))
        continue;
      if (g_ascii_isalpha (*p) && g_ascii_isupper (*p) && g_ascii_isupper (p[1])
          && g_ascii_isupper (p[2]) && !any)
        {
          p += 2;   /* a leading "CHF", "EUR": the loop steps past the third letter */
          continue;
        }
      if (c == '(' && !any && !parens)
        parens = negative = TRUE;
      else if (c == ')' && parens)
        parens = FALSE;
      else if ((c == '-' || c == 0x2212) && !any && !negative)
        negative = TRUE;
      else if ((c == '-' || c == 0x2212) && any && p[c == '-' ? 1 : 3] == '\0' && !negative)
        negative = TRUE;   /* SAP-style trailing minus: "98,76-" */
      else if (c == '+' && !any && !negative)
        ;
      else if (c >= '0' && c <= '9')
        {
          g_string_append_c (digits, (char) c);
          any = TRUE;
          if (seen_point)
            decimals++;
        }
      else if (c == (gunichar) decimal && !seen_point)
        seen_point = TRUE;
      else if ((c == (gunichar) thousands || c == '\'' || c == 0x2019) && !seen_point && any)
        ;
      else
        {
          *why = g_strdup (_("is not an amount"));
          return FALSE;
        }
    }
  if (!any || parens)
    {
      *why = g_strdup (_("is not an amount"));
      return FALSE;
    }
  /* Trailing zeros beyond the currency's decimals are harmless ("25.000"); anything
   * else would have to be rounded, and money is never rounded silently. */
  while (decimals > exponent && digits->len > 0 && digits->str[digits->len - 1] == '0')
    {
      g_string_truncate (digits, digits->len - 1);
      decimals--;
    }
  if (decimals > exponent)
    {
      *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "has more decimals than the currency allows (%d)",
                                           "has more decimals than the currency allows (%d)",
                                           exponent), exponent);
      return FALSE;
    }
  for (gsize i = 0; i < digits->len; i++)
    {
      if (value > (G_MAXINT64 - 9) / 10)
        {
          *why = g_strdup (_("is too large"));
          return FALSE;
        }
      value = value * 10 + (digits->str[i] - '0');
    }
  for (; decimals < exponent; decimals++)
    {
      if (value > G_MAXINT64 / 10)
        {
          *why = g_strdup (_("is too large"));
          return FALSE;
        }
      value *= 10;
    }
  *out = negative ? -value : value;
  return TRUE;
}

static int
month_from_name (const char *name)
{
  static const char *const names[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez",
    "jan", "fév", "mar", "avr", "mai", "jui", "jul", "aoû", "sep", "oct", "nov", "déc",
  };
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *prefix = NULL;

  if (g_utf8_strlen (folded, -1) < 3)
    return 0;
  prefix = g_utf8_substring (folded, 0, 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (prefix, names[i]) == 0)
      return i % 12 + 1;
  return 0;
}

static int
full_year (int year, gsize digits)
{
  if (digits == 2)
    return year < 70 ? 2000 + year : 1900 + year;
  return year;
}

gboolean
settle_statement_parse_date (const char     *text,
                             SettleDateOrder order,
                             GDate          *date)
{
  int parts[3] = { 0, 0, 0 };
  gsize widths[3] = { 0, 0, 0 };
  char month_name[16] = "";
  int n = 0, day, month, year;
  const char *p = text;

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;
  while (*p == ' ')
    p++;
  while (n < 3 && *p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          while (g_ascii_isdigit (*p) && widths[n] < 5)
            {
              parts[n] = parts[n] * 10 + (*p++ - '0');
              widths[n]++;
            }
        }
      else if (n == 1 && g_ascii_isalpha (*p) && month_name[0] == '\0')
        {
          gsize len = 0;

          while (*p != '\0' && *p != '-' && *p != ' ' && *p != '.' && *p != '/'
                 && len < sizeof month_name - 1)
            month_name[len++] = *p++;
          month_name[len] = '\0';
          parts[1] = month_from_name (month_name);
          widths[1] = 2;
          if (parts[1] == 0)
            return FALSE;
        }
      else
        return FALSE;
      n++;
      if (n < 3)
        {
          if (*p != '-' && *p != '/' && *p != '.' && *p != ' ')
            return FALSE;
          p++;
        }
    }
  if (n != 3 || widths[2] == 0)
    return FALSE;
  /* A time may follow ("2021-02-03 13:12", "...T10:00:00"): ignored. */
  if (*p != '\0' && *p != ' ' && *p != 'T')
    return FALSE;

  if (widths[0] == 4)
    {
      year = parts[0];
      month = parts[1];
      day = parts[2];
    }
  else if (month_name[0] != '\0' || order == SETTLE_DATE_ORDER_DMY)
    {
      day = parts[0];
      month = parts[1];
      year = full_year (parts[2], widths[2]);
    }
  else if (order == SETTLE_DATE_ORDER_MDY)
    {
      month = parts[0];
      day = parts[1];
      year = full_year (parts[2], widths[2]);
    }
  else
    return FALSE;
  if (widths[2] != 2 && widths[2] != 4 && widths[0] != 4)
    return FALSE;
  if (year < 1900 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}
