/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-statement-private.h"

#define NO_BALANCE G_MININT64

typedef struct
{
  const char             *name;
  const SettleCsvProfile *profile;
  GStrv                   header;
  GArray                 *columns[SETTLE_CSV_N_ROLES];
  SettleDateOrder         order;
  char                    decimal;
} CsvContext;

static const char *
field_of (const SettleCsvRecord *record,
          const CsvContext      *ctx,
          SettleCsvRole          role)
{
  guint c;

  if (ctx->columns[role]->len == 0)
    return NULL;
  c = g_array_index (ctx->columns[role], guint, 0);
  if (c >= g_strv_length (record->fields))
    return NULL;
  return record->fields[c];
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static char *
clean_text (const char *text)
{
  char *copy;

  if (is_blank (text))
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return copy;
}

/* The field stripped of surrounding blanks, NULL when absent or blank. */
static const char *
trimmed_field (const SettleCsvRecord *record,
               const CsvContext      *ctx,
               SettleCsvRole          role)
{
  const char *text = field_of (record, ctx, role);

  if (is_blank (text))
    return NULL;
  return g_strstrip ((char *) text);   /* the record is ours: trimming in place is fine */
}

static const char *
column_title (const CsvContext *ctx,
              SettleCsvRole     role)
{
  return ctx->header[g_array_index (ctx->columns[role], guint, 0)];
}

/* Day-first or month-first: a part over 12 tells; a file where no date does is
 * ambiguous and takes the profile's rule, or asks for one. */
static gboolean
detect_date_order (CsvContext *ctx,
                   GPtrArray  *records,
                   guint       first,
                   GError    **error)
{
  gboolean day_first = FALSE, month_first = FALSE, needs_order = FALSE;
  guint dmy_line = 0, mdy_line = 0;

  if (ctx->profile->date_order != SETTLE_DATE_ORDER_AUTO)
    {
      ctx->order = ctx->profile->date_order;
      return TRUE;
    }
  for (guint i = first; i < records->len; i++)
    {
      SettleCsvRecord *record = g_ptr_array_index (records, i);
      const char *roles[] = { field_of (record, ctx, SETTLE_CSV_ROLE_DATE),
                              field_of (record, ctx, SETTLE_CSV_ROLE_VALUE_DATE) };

      for (guint k = 0; k < G_N_ELEMENTS (roles); k++)
        {
          int a = 0, b = 0, wa = 0, wb = 0;
          const char *p = roles[k];

          if (p == NULL)
            continue;
          while (*p == ' ')
            p++;
          while (g_ascii_isdigit (*p) && wa < 5)
            a = a * 10 + (*p++ - '0'), wa++;
          if (wa == 0 || wa > 2 || (*p != '/' && *p != '.' && *p != '-'))
            continue;
          /* Nobody writes month.day.year: dots mean day first. */
          if (*p == '.' && !day_first)
            day_first = TRUE, dmy_line = record->line;
          p++;
          if (!g_ascii_isdigit (*p))
            continue;   /* "23-Jan-15": the month is a name */
          while (g_ascii_isdigit (*p) && wb < 5)
            b = b * 10 + (*p++ - '0'), wb++;
          if (a > 31 || b > 31)
            continue;   /* no date: parse_row names it */
          needs_order = TRUE;
          if (a > 12 && !day_first)
            day_first = TRUE, dmy_line = record->line;
          if (b > 12 && !month_first)
            month_first = TRUE, mdy_line = record->line;
        }
    }
  if (day_first && month_first)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                   _("%s: the dates mix day-first (line %u) and month-first (line %u) order"),
                   ctx->name, dmy_line, mdy_line);
      return FALSE;
    }
  ctx->order = day_first ? SETTLE_DATE_ORDER_DMY
               : month_first ? SETTLE_DATE_ORDER_MDY
               : ctx->profile->date_fallback;
  if (needs_order && ctx->order == SETTLE_DATE_ORDER_AUTO)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_PROFILE,
                   _("%s: every date could be day-first or month-first; choose a profile "
                     "that says which (for example --profile generic-us or generic-eu)"),
                   ctx->name);
      return FALSE;
    }
  return TRUE;
}

/* The decimal separator by evidence: "1.234,56" or "98,76" say comma, "1,234.56" or
 * "12.5" say point; "1,234" alone says nothing. */
static void
detect_decimal (CsvContext *ctx,
                GPtrArray  *records,
                guint       first)
{
  static const SettleCsvRole roles[] = { SETTLE_CSV_ROLE_AMOUNT, SETTLE_CSV_ROLE_DEBIT,
                                         SETTLE_CSV_ROLE_CREDIT, SETTLE_CSV_ROLE_BALANCE };
  guint point = 0, comma = 0;

  if (ctx->profile->decimal != 0)
    {
      ctx->decimal = ctx->profile->decimal;
      return;
    }
  for (guint i = first; i < records->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (roles); k++)
      {
        const char *text = field_of (g_ptr_array_index (records, i), ctx, roles[k]);
        const char *last_point, *last_comma, *last;
        gsize after = 0;

        if (text == NULL)
          continue;
        last_point = strrchr (text, '.');
        last_comma = strrchr (text, ',');
        last = last_point > last_comma ? last_point : last_comma;
        if (last == NULL)
          continue;
        for (const char *p = last + 1; g_ascii_isdigit (*p); p++)
          after++;
        if (last_point != NULL && last_comma != NULL)
          (last == last_point ? point++ : comma++);
        else if (after != 3)
          (last == last_point ? point++ : comma++);
      }
  ctx->decimal = comma > point ? ',' : '.';
}

static gboolean
flag_is (const char *flag, const char *const *words)
{
  g_autofree char *folded = settle_csv_header_fold (flag);

  for (guint i = 0; words[i] != NULL; i++)
    if (strcmp (folded, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
parse_money (const CsvContext      *ctx,
             const SettleCsvRecord *record,
             SettleCsvRole          role,
             int                    exponent,
             gboolean               optional,
             gboolean              *present,
             gint64                *out,
             GError               **error)
{
  const char *text = field_of (record, ctx, role);
  g_autofree char *why = NULL;

  *present = !is_blank (text);
  *out = 0;
  if (!*present)
    {
      if (optional)
        return TRUE;
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                   _("%s, line %u: %s is empty; an amount was expected"),
                   ctx->name, record->line, column_title (ctx, role));
      return FALSE;
    }
  if (!settle_statement_parse_amount (text, ctx->decimal, exponent, out, &why))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                   _("%s, line %u: %s “%s” %s"), ctx->name, record->line,
                   column_title (ctx, role), text, why);
      return FALSE;
    }
  return TRUE;
}

static char *
joined_description (const CsvContext      *ctx,
                    const SettleCsvRecord *record)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_strv_length (record->fields);

  for (guint k = 0; k < ctx->columns[SETTLE_CSV_ROLE_DESCRIPTION]->len; k++)
    {
      guint c = g_array_index (ctx->columns[SETTLE_CSV_ROLE_DESCRIPTION], guint, k);
      g_autofree char *part = c < n ? clean_text (record->fields[c]) : NULL;

      if (part == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, part);
    }
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

static SettleBankLine *
parse_row (const CsvContext      *ctx,
           const SettleCsvRecord *record,
           GError               **error)
{
  static const char *const debit_words[] = { "debit", "dr", "d", "s", "soll", "withdrawal",
                                             "-", NULL };
  static const char *const credit_words[] = { "credit", "cr", "c", "h", "haben", "deposit",
                                              "+", NULL };
  g_autoptr(SettleBankLine) line = g_new0 (SettleBankLine, 1);
  const char *date_text = field_of (record, ctx, SETTLE_CSV_ROLE_DATE);
  const char *vdate_text = field_of (record, ctx, SETTLE_CSV_ROLE_VALUE_DATE);
  const char *currency = field_of (record, ctx, SETTLE_CSV_ROLE_CURRENCY);
  const char *flag = field_of (record, ctx, SETTLE_CSV_ROLE_FLAG);
  int exponent;
  gboolean present;

  line->source_line = record->line;
  if (currency != NULL && strlen (g_strstrip ((char *) currency)) == 3)
    {
      for (guint i = 0; i < 3; i++)
        line->currency[i] = g_ascii_toupper (currency[i]);
    }
  else
    g_strlcpy (line->currency, ctx->profile->currency, sizeof line->currency);
  exponent = settle_statement_currency_exponent (line->currency);

  if (!settle_statement_parse_date (date_text, ctx->order, &line->date))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                   _("%s, line %u: %s “%s” is not a date"), ctx->name, record->line,
                   column_title (ctx, SETTLE_CSV_ROLE_DATE), date_text != NULL ? date_text : "");
      return NULL;
    }
  if (!is_blank (vdate_text)
      && !settle_statement_parse_date (vdate_text, ctx->order, &line->value_date))
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                   _("%s, line %u: %s “%s” is not a date"), ctx->name, record->line,
                   column_title (ctx, SETTLE_CSV_ROLE_VALUE_DATE), vdate_text);
      return NULL;
    }

  if (ctx->columns[SETTLE_CSV_ROLE_AMOUNT]->len > 0)
    {
      if (!parse_money (ctx, record, SETTLE_CSV_ROLE_AMOUNT, exponent, FALSE, &present,
                        &line->amount, error))
        return NULL;
      if (flag != NULL && flag_is (flag, debit_words))
        line->amount = -ABS (line->amount);
      else if (flag != NULL && flag_is (flag, credit_words))
        line->amount = ABS (line->amount);
    }
  else
    {
      gint64 debit = 0, credit = 0;
      gboolean has_debit = FALSE, has_credit = FALSE;

      if (ctx->columns[SETTLE_CSV_ROLE_DEBIT]->len > 0
          && !parse_money (ctx, record, SETTLE_CSV_ROLE_DEBIT, exponent, TRUE, &has_debit,
                           &debit, error))
        return NULL;
      if (ctx->columns[SETTLE_CSV_ROLE_CREDIT]->len > 0
          && !parse_money (ctx, record, SETTLE_CSV_ROLE_CREDIT, exponent, TRUE, &has_credit,
                           &credit, error))
        return NULL;
      if (!has_debit && !has_credit)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                       _("%s, line %u: neither a debit nor a credit amount"),
                       ctx->name, record->line);
          return NULL;
        }
      line->amount = ABS (credit) - ABS (debit);
    }
  if (ctx->profile->negate)
    line->amount = -line->amount;

  line->payer_name = g_strdup (trimmed_field (record, ctx, SETTLE_CSV_ROLE_PAYER));
  line->description = joined_description (ctx, record);
  line->reference = g_strdup (trimmed_field (record, ctx, SETTLE_CSV_ROLE_REFERENCE));
  return g_steal_pointer (&line);
}

static SettleBankStatement *
statement_for (GHashTable  *by_account,
               GPtrArray   *statements,
               const char  *account)
{
  SettleBankStatement *statement = g_hash_table_lookup (by_account, account != NULL ? account : "");

  if (statement == NULL)
    {
      statement = settle_bank_statement_new ();
      statement->format = g_strdup ("csv");
      statement->account_id = g_strdup (account);
      statement->account_name = g_strdup (account);
      g_date_clear (&statement->start, 1);
      g_date_clear (&statement->end, 1);
      g_date_clear (&statement->closing_date, 1);
      g_hash_table_insert (by_account, g_strdup (account != NULL ? account : ""), statement);
      g_ptr_array_add (statements, statement);
    }
  return statement;
}

/* Opening and closing from the running balance: closing is the balance after the
 * newest line, opening the balance before the oldest (its balance minus its amount).
 * Files may list newest first; among lines of one day, file order decides. */
static void
fill_balances (SettleBankStatement *statement,
               GArray              *balances)
{
  guint n = statement->lines->len, oldest = 0, newest = 0;
  gboolean newest_first;

  if (n == 0)
    return;
  newest_first = g_date_compare (&((SettleBankLine *) g_ptr_array_index (statement->lines, 0))->date,
                                 &((SettleBankLine *) g_ptr_array_index (statement->lines, n - 1))->date) > 0;
  for (guint i = 0; i < n; i++)
    {
      SettleBankLine *line = g_ptr_array_index (statement->lines, i);
      SettleBankLine *o = g_ptr_array_index (statement->lines, oldest);
      SettleBankLine *w = g_ptr_array_index (statement->lines, newest);
      int co = g_date_compare (&line->date, &o->date), cw = g_date_compare (&line->date, &w->date);

      if (co < 0 || (co == 0 && newest_first))
        oldest = i;
      if (cw > 0 || (cw == 0 && !newest_first))
        newest = i;
      if (!g_date_valid (&statement->start) || g_date_compare (&line->date, &statement->start) < 0)
        statement->start = line->date;
      if (!g_date_valid (&statement->end) || g_date_compare (&line->date, &statement->end) > 0)
        statement->end = line->date;
    }
  if (balances != NULL)
    {
      SettleBankLine *o = g_ptr_array_index (statement->lines, oldest);
      SettleBankLine *w = g_ptr_array_index (statement->lines, newest);
      gint64 before = g_array_index (balances, gint64, oldest);
      gint64 after = g_array_index (balances, gint64, newest);

      if (before != NO_BALANCE)
        {
          statement->has_opening = TRUE;
          statement->opening_balance = before - o->amount;
        }
      if (after != NO_BALANCE)
        {
          statement->has_closing = TRUE;
          statement->closing_balance = after;
          statement->closing_date = w->date;
        }
    }
}

GPtrArray *
settle_statement_csv_parse (const char             *text,
                            gsize                   length,
                            const char             *name,
                            const SettleCsvProfile *given,
                            char                  **profile_used,
                            gboolean               *is_charges,
                            GError                **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                    settle_bank_statement_free);
  g_autoptr(GHashTable) by_account = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) identical = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) balances = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) g_array_unref);
  g_autoptr(SettleCsvProfile) detected = NULL;
  CsvContext ctx = { name, given, NULL, { NULL }, SETTLE_DATE_ORDER_AUTO, '.' };
  guint header_index = 0, n_header;
  char delimiter;
  gboolean ok = FALSE;

  *is_charges = FALSE;
  delimiter = given != NULL && given->delimiter != 0 ? given->delimiter
              : settle_csv_detect_delimiter (text, length);
  records = settle_csv_parse_delimited (text, length, delimiter, name, error);
  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                   _("%s: the file holds no rows"), name);
      return NULL;
    }
  for (guint i = 0; i < MIN (records->len, 5); i++)
    if (settle_stripe_csv_is_header (((SettleCsvRecord *) g_ptr_array_index (records, i))->fields))
      {
        *is_charges = TRUE;
        if (profile_used != NULL)
          *profile_used = NULL;
        return settle_stripe_csv_parse (records, i, name, error);
      }

  if (given == NULL)
    {
      detected = settle_csv_profile_detect (records, &header_index);
      if (detected == NULL)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_HEADER,
                       _("%s: no header row with a date and an amount column; choose a "
                         "profile with --profile"), name);
          return NULL;
        }
      ctx.profile = detected;
    }

  for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
    ctx.columns[r] = g_array_new (FALSE, FALSE, sizeof (guint));
  if (given != NULL)
    {
      /* The profile names the columns; its header is the first row that has them. */
      for (header_index = 0; header_index < MIN (records->len, 30); header_index++)
        {
          SettleCsvRecord *record = g_ptr_array_index (records, header_index);

          settle_csv_profile_resolve (given, record->fields, ctx.columns);
          if (ctx.columns[SETTLE_CSV_ROLE_DATE]->len > 0
              && (ctx.columns[SETTLE_CSV_ROLE_AMOUNT]->len > 0
                  || ctx.columns[SETTLE_CSV_ROLE_DEBIT]->len > 0
                  || ctx.columns[SETTLE_CSV_ROLE_CREDIT]->len > 0))
            break;
        }
      if (header_index == MIN (records->len, 30))
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_HEADER,
                       _("%s: no header row has the date and amount columns of profile “%s”"),
                       name, given->name);
          goto out;
        }
    }
  ctx.header = ((SettleCsvRecord *) g_ptr_array_index (records, header_index))->fields;
  settle_csv_profile_resolve (ctx.profile, ctx.header, ctx.columns);
  n_header = g_strv_length (ctx.header);

  if (!detect_date_order (&ctx, records, header_index + 1, error))
    goto out;
  detect_decimal (&ctx, records, header_index + 1);

  for (guint i = header_index + 1; i < records->len; i++)
    {
      SettleCsvRecord *record = g_ptr_array_index (records, i);
      guint n = g_strv_length (record->fields);
      SettleBankStatement *statement;
      g_autoptr(SettleBankLine) line = NULL;
      g_autofree char *hash_key = NULL;
      guint nth;

      /* Extra empty fields (a trailing delimiter) are harmless; missing ones are not. */
      while (n > n_header && is_blank (record->fields[n - 1]))
        n--;
      if (n != n_header)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s, line %u: %u fields where the header has %u",
                                    "%s, line %u: %u fields where the header has %u", n),
                       name, record->line, n, n_header);
          goto out;
        }
      line = parse_row (&ctx, record, error);
      if (line == NULL)
        goto out;
      statement = statement_for (by_account, statements,
                                 trimmed_field (record, &ctx, SETTLE_CSV_ROLE_ACCOUNT));
      if (statement->lines->len == 0)
        memcpy (statement->currency, line->currency, sizeof statement->currency);

      if (ctx.columns[SETTLE_CSV_ROLE_BALANCE]->len > 0)
        {
          GArray *list = g_hash_table_lookup (balances, statement);
          gboolean present;
          gint64 balance = 0;

          /* Some banks leave the running balance blank on pending lines. */
          if (!parse_money (&ctx, record, SETTLE_CSV_ROLE_BALANCE,
                            settle_statement_currency_exponent (line->currency), TRUE,
                            &present, &balance, error))
            goto out;
          if (!present)
            balance = NO_BALANCE;
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (gint64));
              g_hash_table_insert (balances, statement, list);
            }
          g_array_append_val (list, balance);
        }

      if (trimmed_field (record, &ctx, SETTLE_CSV_ROLE_ID) != NULL)
        line->dedupe_key = g_strconcat ("ref:", trimmed_field (record, &ctx, SETTLE_CSV_ROLE_ID),
                                        NULL);
      else
        {
          g_autofree char *date = g_strdup_printf ("%u", g_date_get_julian (&line->date));

          hash_key = g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT "|%s|%s|%s",
                                      statement->account_id != NULL ? statement->account_id : "",
                                      date, line->amount, line->currency,
                                      line->payer_name != NULL ? line->payer_name : "",
                                      line->description != NULL ? line->description : "");
          nth = GPOINTER_TO_UINT (g_hash_table_lookup (identical, hash_key));
          g_hash_table_insert (identical, g_steal_pointer (&hash_key), GUINT_TO_POINTER (nth + 1));
          settle_bank_line_set_hash_key (line, nth);
        }
      g_ptr_array_add (statement->lines, g_steal_pointer (&line));
    }
  for (guint s = 0; s < statements->len; s++)
    {
      SettleBankStatement *statement = g_ptr_array_index (statements, s);

      fill_balances (statement, g_hash_table_lookup (balances, statement));
    }
  if (statements->len == 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                   _("%s: the file has a header row but no transactions"), name);
      goto out;
    }
  if (profile_used != NULL)
    *profile_used = g_strdup (ctx.profile->name);
  ok = TRUE;

out:
  for (guint r = 0; r < SETTLE_CSV_N_ROLES; r++)
    if (ctx.columns[r] != NULL)
      g_array_unref (ctx.columns[r]);
  return ok ? g_steal_pointer (&statements) : NULL;
}
