/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-statement-private.h"

/* The built-in layouts: real exports of the banks named (tests/fixtures/statements/csv). */
typedef struct
{
  const char     *name;
  const char     *signature;
  char            delimiter;
  SettleDateOrder fallback;
  char            decimal;
  gboolean        negate;
  const char     *currency;
  const char     *columns[SETTLE_CSV_N_ROLES];
} BuiltinProfile;

#define COLS(date, vdate, amount, debit, credit, flag, payer, desc, ref, id, bal, cur, acct) \
  { date, vdate, amount, debit, credit, flag, payer, desc, ref, id, bal, cur, acct }

static const BuiltinProfile builtins[] = {
  { "capitalone", "transaction date|posted date|card no.|debit|credit", ',',
    SETTLE_DATE_ORDER_MDY, '.', FALSE, "USD",
    COLS ("posted date", "transaction date", NULL, "debit", "credit", NULL, NULL,
          "description|category", NULL, NULL, NULL, NULL, NULL) },
  { "creditunion", "check number|date|description|amount|category|comments", ',',
    SETTLE_DATE_ORDER_MDY, '.', FALSE, "USD",
    COLS ("date", NULL, "amount", NULL, NULL, NULL, "description", "comments",
          "check number", NULL, NULL, NULL, NULL) },
  { "default", "row|num|date|reference|description|amount|account", ',',
    SETTLE_DATE_ORDER_MDY, '.', FALSE, "USD",
    COLS ("date", NULL, "amount", NULL, NULL, NULL, "description", "notes", "num|reference",
          "row", NULL, NULL, "account") },
  { "gls", "buchungstag|wertstellung|auftraggeber/empfanger|betrag|kontostand", ';',
    SETTLE_DATE_ORDER_DMY, ',', FALSE, "EUR",
    COLS ("buchungstag", "wertstellung", "betrag", NULL, NULL, NULL, "auftraggeber/empfanger",
          "buchungstext|vwz1|vwz2|vwz3|vwz4|vwz5|vwz6|vwz7|vwz8|vwz9|vwz10|vwz11|vwz12|vwz13|vwz14",
          NULL, NULL, "kontostand", "wahrung", "kontonummer") },
  { "mint", "date|original description|transaction type|account name", ',',
    SETTLE_DATE_ORDER_MDY, '.', FALSE, "USD",
    COLS ("date", NULL, "amount", NULL, NULL, "transaction type", "description",
          "original description|notes", NULL, NULL, NULL, NULL, "account name") },
  { "pcmastercard", "merchant name|card used for transaction|date|amount", ',',
    SETTLE_DATE_ORDER_MDY, '.', TRUE, "USD",
    COLS ("date", NULL, "amount", NULL, NULL, NULL, "merchant name", NULL, NULL, NULL, NULL,
          NULL, NULL) },
  { "schwab", "date|status|type|checknumber|withdrawal|deposit|runningbalance", ',',
    SETTLE_DATE_ORDER_MDY, '.', FALSE, "USD",
    COLS ("date", NULL, NULL, "withdrawal", "deposit", NULL, NULL, "description",
          "checknumber", NULL, "runningbalance", NULL, NULL) },
  { "ubs", "produit|monn.|date de valeur|n de transaction|debit|credit|solde", ';',
    SETTLE_DATE_ORDER_DMY, '.', FALSE, "CHF",
    COLS ("date de valeur", NULL, NULL, "debit", "credit", NULL, "description 2",
          "description 1|description 3", NULL, "n de transaction", "solde", "monn.", "produit") },
  { "xero", "journalnumber|journaldate|accountname|netamount", ',',
    SETTLE_DATE_ORDER_DMY, '.', FALSE, "USD",
    COLS ("journaldate", NULL, "netamount", NULL, NULL, NULL, NULL, "description|product",
          "reference", NULL, NULL, NULL, "accountname") },
  /* By header words in English, German and French. */
  { "generic", NULL, 0, SETTLE_DATE_ORDER_AUTO, 0, FALSE, "USD",
    COLS ("date|booking date|posting date|posted date|transaction date|datum|buchungstag|"
          "buchungsdatum|date comptable|date d'operation|date operation",
          "value date|valuta|wertstellung|valutadatum|date de valeur",
          "amount|betrag|umsatz|montant|value|net amount",
          "debit|withdrawal|withdrawals|paid out|money out|soll|lastschrift|ausgang|debit chf|"
          "debit eur",
          "credit|deposit|deposits|paid in|money in|haben|gutschrift|eingang|credit chf|credit eur",
          "debit/credit|dr/cr|type|transaction type|soll/haben|s/h",
          "payee|payer|name|counterparty|merchant|auftraggeber|empfanger|"
          "auftraggeber/empfanger|beguenstigter/zahlungspflichtiger|beneficiaire|"
          "donneur d'ordre|tiers",
          "description|memo|details|narrative|verwendungszweck|buchungstext|libelle|"
          "communication|motif",
          "reference|ref|check number|checknumber|cheque number|num|referenz|"
          "kundenreferenz|reference de paiement",
          "transaction id|id|fitid|transaktions-id|n de transaction",
          "balance|running balance|runningbalance|saldo|kontostand|solde",
          "currency|wahrung|devise|monnaie|monn.",
          NULL) },
};

char *
settle_csv_header_fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1,
                                              G_NORMALIZE_NFD);
  g_autofree char *lower = NULL;
  GString *out = g_string_new (NULL);
  const char *p;

  lower = g_utf8_casefold (normal, -1);
  for (p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Accents and the "°" of "N° de transaction" go: "débit" = "debit". */
      if (g_unichar_ismark (c) || c == 0xB0 || c == 0xBA)
        continue;
      g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

static SettleCsvProfile *
profile_from_builtin (const BuiltinProfile *b)
{
  SettleCsvProfile *profile = g_new0 (SettleCsvProfile, 1);

  profile->name = g_strdup (b->name);
  profile->delimiter = b->delimiter;
  profile->date_order = SETTLE_DATE_ORDER_AUTO;
  profile->date_fallback = b->fallback;
  profile->decimal = b->decimal;
  profile->negate = b->negate;
  profile->generic = b->signature == NULL;
  g_strlcpy (profile->currency, b->currency, sizeof profile->currency);
  for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
    profile->columns[r] = g_strdup (b->columns[r]);
  profile->signature = g_strdup (b->signature);
  return profile;
}

SettleCsvProfile *
settle_csv_profile_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_ascii_strcasecmp (builtins[i].name, name) == 0)
      return profile_from_builtin (&builtins[i]);
  /* Names people are likely to type. */
  if (g_ascii_strcasecmp (name, "schwab-checking") == 0)
    return settle_csv_profile_lookup ("schwab");
  if (g_ascii_strcasecmp (name, "generic-us") == 0)
    {
      SettleCsvProfile *p = settle_csv_profile_lookup ("generic");

      p->date_fallback = SETTLE_DATE_ORDER_MDY;
      p->decimal = '.';
      g_free (p->name);
      p->name = g_strdup ("generic-us");
      return p;
    }
  if (g_ascii_strcasecmp (name, "generic-eu") == 0)
    {
      SettleCsvProfile *p = settle_csv_profile_lookup ("generic");

      p->date_fallback = SETTLE_DATE_ORDER_DMY;
      p->decimal = ',';
      g_strlcpy (p->currency, "EUR", sizeof p->currency);
      g_free (p->name);
      p->name = g_strdup ("generic-eu");
      return p;
    }
  return NULL;
}

char **
settle_csv_profile_list_names (void)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv names;

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    g_strv_builder_add (builder, builtins[i].name);
  g_strv_builder_add (builder, "generic-us");
  g_strv_builder_add (builder, "generic-eu");
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

const char *
settle_csv_profile_get_name (const SettleCsvProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);
  return profile->name;
}

void
settle_csv_profile_free (SettleCsvProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->name);
  g_free (profile->title);
  for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
    g_free (profile->columns[r]);
  g_free (profile->signature);
  g_free (profile);
}

SettleCsvProfile *
settle_csv_profile_copy (const SettleCsvProfile *profile)
{
  SettleCsvProfile *copy = g_memdup2 (profile, sizeof *profile);

  copy->name = g_strdup (profile->name);
  copy->title = g_strdup (profile->title);
  for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
    copy->columns[r] = g_strdup (profile->columns[r]);
  copy->signature = g_strdup (profile->signature);
  return copy;
}

static const char *const role_keys[SETTLE_CSV_N_ROLES] = {
  "date", "value-date", "amount", "debit", "credit", "flag", "payer", "description",
  "reference", "id", "balance", "currency-column", "account",
};

static const char *const order_names[] = { "auto", "dmy", "mdy", "ymd" };

/* A GKeyFile group: readable in the book, stable across versions. */
char *
settle_csv_profile_serialise (const SettleCsvProfile *profile)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  char delimiter[2] = { profile->delimiter, '\0' };
  char decimal[2] = { profile->decimal, '\0' };

  g_return_val_if_fail (profile != NULL, NULL);

  g_key_file_set_string (kf, "csv-profile", "name", profile->name);
  g_key_file_set_string (kf, "csv-profile", "delimiter",
                         profile->delimiter == '\t' ? "tab" : delimiter);
  g_key_file_set_string (kf, "csv-profile", "date-order", order_names[profile->date_order]);
  g_key_file_set_string (kf, "csv-profile", "date-fallback",
                         order_names[profile->date_fallback]);
  g_key_file_set_string (kf, "csv-profile", "decimal", decimal);
  g_key_file_set_boolean (kf, "csv-profile", "negate", profile->negate);
  g_key_file_set_boolean (kf, "csv-profile", "generic", profile->generic);
  g_key_file_set_string (kf, "csv-profile", "currency", profile->currency);
  if (profile->signature != NULL)
    g_key_file_set_string (kf, "csv-profile", "signature", profile->signature);
  for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
    if (profile->columns[r] != NULL)
      g_key_file_set_string (kf, "csv-profile", role_keys[r], profile->columns[r]);
  return g_key_file_to_data (kf, NULL, NULL);
}

static gboolean
order_from_name (const char *text, SettleDateOrder *order)
{
  for (guint i = 0; i < G_N_ELEMENTS (order_names); i++)
    if (g_strcmp0 (text, order_names[i]) == 0)
      {
        *order = i;
        return TRUE;
      }
  return FALSE;
}

SettleCsvProfile *
settle_csv_profile_parse (const char *text,
                          GError    **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(SettleCsvProfile) profile = g_new0 (SettleCsvProfile, 1);
  g_autofree char *delimiter = NULL, *decimal = NULL, *order = NULL, *fallback = NULL;
  g_autofree char *currency = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_key_file_load_from_data (kf, text, -1, G_KEY_FILE_NONE, NULL)
      || (profile->name = g_key_file_get_string (kf, "csv-profile", "name", NULL)) == NULL)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_PROFILE,
                   _("The saved CSV profile cannot be read"));
      return NULL;
    }
  delimiter = g_key_file_get_string (kf, "csv-profile", "delimiter", NULL);
  decimal = g_key_file_get_string (kf, "csv-profile", "decimal", NULL);
  order = g_key_file_get_string (kf, "csv-profile", "date-order", NULL);
  fallback = g_key_file_get_string (kf, "csv-profile", "date-fallback", NULL);
  currency = g_key_file_get_string (kf, "csv-profile", "currency", NULL);
  profile->delimiter = g_strcmp0 (delimiter, "tab") == 0 ? '\t'
                       : delimiter != NULL ? delimiter[0] : 0;
  profile->decimal = decimal != NULL ? decimal[0] : 0;
  profile->negate = g_key_file_get_boolean (kf, "csv-profile", "negate", NULL);
  profile->generic = g_key_file_get_boolean (kf, "csv-profile", "generic", NULL);
  profile->signature = g_key_file_get_string (kf, "csv-profile", "signature", NULL);
  for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
    profile->columns[r] = g_key_file_get_string (kf, "csv-profile", role_keys[r], NULL);
  if ((profile->delimiter != 0 && strchr (",;\t|", profile->delimiter) == NULL)
      || (profile->decimal != 0 && profile->decimal != '.' && profile->decimal != ',')
      || !order_from_name (order != NULL ? order : "auto", &profile->date_order)
      || !order_from_name (fallback != NULL ? fallback : "auto", &profile->date_fallback)
      || currency == NULL || strlen (currency) != 3
      || profile->columns[SETTLE_CSV_ROLE_DATE] == NULL
      || (profile->columns[SETTLE_CSV_ROLE_AMOUNT] == NULL
          && profile->columns[SETTLE_CSV_ROLE_DEBIT] == NULL))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_PROFILE,
                   _("The saved CSV profile “%s” is incomplete"), profile->name);
      return NULL;
    }
  g_strlcpy (profile->currency, currency, sizeof profile->currency);
  return g_steal_pointer (&profile);
}

void
settle_csv_profile_resolve (const SettleCsvProfile *profile,
                            const GStrv             header,
                            GArray                 *columns[SETTLE_CSV_N_ROLES])
{
  guint n = g_strv_length (header);
  g_autofree gboolean *taken = g_new0 (gboolean, n + 1);

  for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
    g_array_set_size (columns[r], 0);
  /* Roles in order of how sure a name is: a generic "date" must not take the
   * column a more specific role ("value date") names exactly. For the built-in
   * profiles the list order of the names is the column order for DESCRIPTION. */
  for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
    {
      g_auto(GStrv) names = NULL;

      if (profile->columns[r] == NULL)
        continue;
      names = g_strsplit (profile->columns[r], "|", -1);
      for (guint k = 0; names[k] != NULL; k++)
        for (guint c = 0; c < n; c++)
          {
            g_autofree char *folded = NULL;

            if (taken[c])
              continue;
            folded = settle_csv_header_fold (header[c]);
            if (strcmp (folded, names[k]) != 0)
              continue;
            taken[c] = TRUE;
            g_array_append_val (columns[r], c);
            if (r != SETTLE_CSV_ROLE_DESCRIPTION)
              goto next_role;
          }
    next_role:
      ;
    }
}

static gboolean
has_signature (const char *signature, const GStrv fields)
{
  g_auto(GStrv) names = g_strsplit (signature, "|", -1);

  for (guint k = 0; names[k] != NULL; k++)
    {
      gboolean found = FALSE;

      for (guint c = 0; fields[c] != NULL && !found; c++)
        {
          g_autofree char *folded = settle_csv_header_fold (fields[c]);

          found = strcmp (folded, names[k]) == 0;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

SettleCsvProfile *
settle_csv_profile_detect (GPtrArray *records,
                           guint     *header_index)
{
  /* Preamble rows (account number, period…) may come before the header. */
  guint limit = MIN (records->len, 30);

  for (guint i = 0; i < limit; i++)
    {
      SettleCsvRecord *record = g_ptr_array_index (records, i);

      for (guint b = 0; b < G_N_ELEMENTS (builtins); b++)
        if (builtins[b].signature != NULL && has_signature (builtins[b].signature, record->fields))
          {
            *header_index = i;
            return profile_from_builtin (&builtins[b]);
          }
    }
  for (guint i = 0; i < limit; i++)
    {
      SettleCsvRecord *record = g_ptr_array_index (records, i);
      g_autoptr(SettleCsvProfile) generic = settle_csv_profile_lookup ("generic");
      GArray *columns[SETTLE_CSV_N_ROLES];
      gboolean ok;

      for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
        columns[r] = g_array_new (FALSE, FALSE, sizeof (guint));
      settle_csv_profile_resolve (generic, record->fields, columns);
      ok = columns[SETTLE_CSV_ROLE_DATE]->len > 0
           && (columns[SETTLE_CSV_ROLE_AMOUNT]->len > 0
               || (columns[SETTLE_CSV_ROLE_DEBIT]->len > 0
                   && columns[SETTLE_CSV_ROLE_CREDIT]->len > 0));
      for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
        g_array_unref (columns[r]);
      if (ok)
        {
          *header_index = i;
          return g_steal_pointer (&generic);
        }
    }
  return NULL;
}

