/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-core-resources.h"
#include "settle-surcharge.h"

#define STATES_RESOURCE "/io/github/settle/Settle/core/surcharge-states.tsv"

/* The 50 states, DC and the inhabited territories, by USPS code. */
static const char us_codes[][3] = {
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
  "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
  "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
  "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
};

void
settle_surcharge_policy_init (SettleSurchargePolicy *policy)
{
  g_return_if_fail (policy != NULL);

  policy->rate_bp = 0;
  policy->cap_bp = SETTLE_SURCHARGE_US_NETWORK_CAP_BP;
  policy->rounding = SETTLE_ROUND_HALF_UP;
}

gboolean
settle_surcharge_policy_validate (const SettleSurchargePolicy *policy,
                                  GError                     **error)
{
  g_autofree char *rate = NULL;
  g_autofree char *cap = NULL;

  g_return_val_if_fail (policy != NULL, FALSE);

  if (policy->cap_bp < 0 || policy->cap_bp > 10000)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Card surcharge: the cap must be between 0 % and 100 %"));
      return FALSE;
    }
  if (policy->rate_bp < 0 || policy->rate_bp > policy->cap_bp)
    {
      rate = settle_format_fixed (policy->rate_bp, 2, TRUE);
      cap = settle_format_fixed (policy->cap_bp, 2, TRUE);
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Card surcharge: %s %% is more than the card networks allow (%s %%)"),
                   rate, cap);
      return FALSE;
    }
  if (policy->rounding != SETTLE_ROUND_HALF_UP && policy->rounding != SETTLE_ROUND_HALF_EVEN)
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Card surcharge: unknown rounding rule"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
upper_code (const char *code,
            char        out[3])
{
  if (code == NULL || strlen (code) != 2)
    return FALSE;
  out[0] = g_ascii_toupper (code[0]);
  out[1] = g_ascii_toupper (code[1]);
  out[2] = '\0';
  return TRUE;
}

gboolean
settle_surcharge_is_us_state (const char *code)
{
  char c[3];

  if (!upper_code (code, c))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (us_codes); i++)
    if (strcmp (us_codes[i], c) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
parse_status (const char            *text,
              SettleSurchargeStatus *status)
{
  if (g_str_equal (text, "allowed"))
    *status = SETTLE_SURCHARGE_ALLOWED;
  else if (g_str_equal (text, "restricted"))
    *status = SETTLE_SURCHARGE_RESTRICTED;
  else if (g_str_equal (text, "prohibited"))
    *status = SETTLE_SURCHARGE_PROHIBITED;
  else
    return FALSE;
  return TRUE;
}

/* Parsed once; the rows live as long as the process (the table is a few rows). */
static GArray *
load_rules (void)
{
  static GArray *rules;

  if (g_once_init_enter (&rules))
    {
      GArray *table = g_array_new (FALSE, TRUE, sizeof (SettleSurchargeStateRule));
      g_autoptr(GBytes) bytes = g_resource_lookup_data (settle_core_get_resource (),
                                                        STATES_RESOURCE, 0, NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      gconstpointer data;
      gsize size = 0;

      /* The table is built into the binary: a broken row is a programming error. */
      if (bytes == NULL)
        g_error ("%s is missing from the core resources", STATES_RESOURCE);
      data = g_bytes_get_data (bytes, &size);
      text = g_strndup (data, size);
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) f = NULL;
          SettleSurchargeStateRule rule = { "" };
          gint64 max_bp;

          if (lines[i][0] == '#' || lines[i][0] == '\0' || g_str_has_prefix (lines[i], "code\t"))
            continue;
          f = g_strsplit (lines[i], "\t", -1);
          if (g_strv_length (f) != 6 || !settle_surcharge_is_us_state (f[0])
              || !parse_status (f[1], &rule.status)
              || !g_ascii_string_to_signed (f[2], 10, 0, 10000, &max_bp, NULL))
            g_error ("%s: bad row %u", STATES_RESOURCE, i + 1);
          upper_code (f[0], rule.code);
          rule.max_bp = (int) max_bp;
          rule.note = g_intern_string (f[3]);
          rule.source = g_intern_string (f[4]);
          rule.as_of = g_intern_string (f[5]);
          g_array_append_val (table, rule);
        }
      g_once_init_leave (&rules, table);
    }
  return rules;
}

const SettleSurchargeStateRule *
settle_surcharge_state_rule (const char *code)
{
  GArray *rules = load_rules ();
  char c[3];

  if (!upper_code (code, c))
    return NULL;
  for (guint i = 0; i < rules->len; i++)
    {
      const SettleSurchargeStateRule *rule = &g_array_index (rules, SettleSurchargeStateRule, i);
      if (strcmp (rule->code, c) == 0)
        return rule;
    }
  return NULL;
}

gboolean
settle_surcharge_check_state (const char            *code,
                              SettleSurchargeStatus *status,
                              char                 **warning,
                              GError               **error)
{
  const SettleSurchargeStateRule *rule;
  SettleSurchargeStatus st;
  char c[3] = "";

  g_return_val_if_fail (status != NULL, FALSE);

  if (!settle_surcharge_is_us_state (code))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Card surcharge: “%s” is not a US state or territory code (for example “NY”)"),
                   code ? code : "");
      return FALSE;
    }
  upper_code (code, c);
  rule = settle_surcharge_state_rule (c);
  st = rule ? rule->status : SETTLE_SURCHARGE_ALLOWED;
  *status = st;
  if (warning != NULL)
    {
      if (st == SETTLE_SURCHARGE_PROHIBITED)
        *warning = g_strdup_printf (_("Card surcharges are not allowed in %s. Do not add a "
                                      "surcharge for clients there. (%s)"),
                                    c, rule->note);
      else if (st == SETTLE_SURCHARGE_RESTRICTED)
        *warning = g_strdup_printf (_("Card surcharges are limited in %s. Check the rules "
                                      "before adding one. (%s)"),
                                    c, rule->note);
      else
        *warning = NULL;
    }
  return TRUE;
}

gboolean
settle_surcharge_compute (const SettleSurchargePolicy *policy,
                          gint64                       amount,
                          SettlePaymentMethod          method,
                          SettleCardFunding            funding,
                          const char                  *state_code,
                          gint64                      *surcharge,
                          GError                     **error)
{
  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (surcharge != NULL, FALSE);

  if (!settle_surcharge_policy_validate (policy, error))
    return FALSE;
  /* Only credit cards: never ACH, checks, wires, debit or prepaid cards, nor a card
   * whose funding the processor did not tell. */
  if (method != SETTLE_PAYMENT_CARD || funding != SETTLE_CARD_FUNDING_CREDIT
      || amount <= 0 || policy->rate_bp == 0)
    {
      *surcharge = 0;
      return TRUE;
    }
  if (state_code != NULL)
    {
      const SettleSurchargeStateRule *rule;
      SettleSurchargeStatus status;
      g_autofree char *warning = NULL;

      if (!settle_surcharge_check_state (state_code, &status, &warning, error))
        return FALSE;
      if (status == SETTLE_SURCHARGE_PROHIBITED)
        {
          g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID, warning);
          return FALSE;
        }
      rule = settle_surcharge_state_rule (state_code);
      if (rule != NULL && rule->max_bp > 0 && policy->rate_bp > rule->max_bp)
        {
          g_autofree char *rate = settle_format_fixed (policy->rate_bp, 2, TRUE);
          g_autofree char *max = settle_format_fixed (rule->max_bp, 2, TRUE);

          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Card surcharge: %s %% is more than %s allows (%s %%)"),
                       rate, rule->code, max);
          return FALSE;
        }
    }
  if (!settle_round_mul_div (amount, policy->rate_bp, 10000, policy->rounding, surcharge))
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Card surcharge: the amount is too large"));
      return FALSE;
    }
  return TRUE;
}
