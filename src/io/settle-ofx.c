/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libofx/libofx.h>
#include <string.h>
#include <unistd.h>

#include "settle-statement-private.h"

/* libofx finds the structure (accounts, statements, transactions, names) but gives
 * amounts as binary floating point and dates shifted through time_t, and says little
 * about what is wrong. So a scan of our own reads every amount and date exactly, in
 * document order, and checks the file first, to name the line and element of a
 * problem; the n-th transaction libofx reports is the n-th STMTTRN of the scan
 * (checked by FITID). */

/* libofx keeps global state (its message switches, the SGML parser). */
static GMutex ofx_lock;

typedef struct
{
  guint  line;
  char  *trnamt, *dtposted, *fitid;
  gboolean has_trnamt, has_dtposted;
} ScanTrn;

typedef struct
{
  guint  line;
  char  *curdef;
  char  *balamt;         /* LEDGERBAL/BALAMT, NULL = no LEDGERBAL */
  guint  balamt_line;
  char  *dtasof;
  gboolean has_ledgerbal;
  guint  ledgerbal_line;
  guint  first_trn, n_trn;
} ScanStmt;

typedef struct
{
  GArray  *trns;         /* ScanTrn */
  GArray  *stmts;        /* ScanStmt */
  gboolean has_ofx_end, has_ofx_start, investment, xml;
  char    *signon_code, *signon_message;
  char    *trnrs_code, *trnrs_message;
  guint    last_line;
} Scan;

static void
scan_clear (Scan *scan)
{
  for (guint i = 0; scan->trns != NULL && i < scan->trns->len; i++)
    {
      ScanTrn *t = &g_array_index (scan->trns, ScanTrn, i);

      g_free (t->trnamt);
      g_free (t->dtposted);
      g_free (t->fitid);
    }
  for (guint i = 0; scan->stmts != NULL && i < scan->stmts->len; i++)
    {
      ScanStmt *s = &g_array_index (scan->stmts, ScanStmt, i);

      g_free (s->curdef);
      g_free (s->balamt);
      g_free (s->dtasof);
    }
  g_clear_pointer (&scan->trns, g_array_unref);
  g_clear_pointer (&scan->stmts, g_array_unref);
  g_free (scan->signon_code);
  g_free (scan->signon_message);
  g_free (scan->trnrs_code);
  g_free (scan->trnrs_message);
}

static char *
value_after (const char *p, const char *end)
{
  const char *q = p;

  while (q < end && *q != '<')
    q++;
  return g_strstrip (g_strndup (p, q - p));
}

static void
ofx_scan (const char *data, gsize length, Scan *scan)
{
  const char *p = data, *end = data + length;
  guint line = 1;
  enum { NONE, SONRS, TRNRS, STMTRS } where = NONE;
  gboolean in_trn = FALSE, in_ledger = FALSE;

  scan->trns = g_array_new (FALSE, TRUE, sizeof (ScanTrn));
  scan->stmts = g_array_new (FALSE, TRUE, sizeof (ScanStmt));
  while (p < end)
    {
      const char *tag, *tag_end;
      gboolean closing;
      char name[32];
      gsize n;
      ScanStmt *stmt = scan->stmts->len > 0
                       ? &g_array_index (scan->stmts, ScanStmt, scan->stmts->len - 1) : NULL;
      ScanTrn *trn = in_trn ? &g_array_index (scan->trns, ScanTrn, scan->trns->len - 1) : NULL;

      if (*p != '<')
        {
          if (*p == '\n')
            line++;
          p++;
          continue;
        }
      tag = p + 1;
      tag_end = memchr (tag, '>', end - tag);
      if (tag_end == NULL)
        break;
      for (const char *q = p; q < tag_end; q++)
        if (*q == '\n')
          line++;
      p = tag_end + 1;
      if (*tag == '?' || *tag == '!')
        {
          if (*tag == '?' && tag_end - tag >= 4 && g_ascii_strncasecmp (tag, "?OFX", 4) == 0)
            scan->xml = TRUE;
          continue;
        }
      closing = *tag == '/';
      if (closing)
        tag++;
      n = MIN ((gsize) (tag_end - tag), sizeof name - 1);
      memcpy (name, tag, n);
      name[n] = '\0';
      scan->last_line = line;

#define IS(x) (g_ascii_strcasecmp (name, x) == 0)
      if (IS ("OFX"))
        (closing ? (scan->has_ofx_end = TRUE) : (scan->has_ofx_start = TRUE));
      else if (IS ("INVSTMTRS") || IS ("INVSTMTMSGSRSV1"))
        scan->investment = TRUE;
      else if (IS ("SONRS"))
        where = closing ? NONE : SONRS;
      else if (IS ("STMTTRNRS") || IS ("CCSTMTTRNRS"))
        where = closing ? NONE : TRNRS;
      else if ((IS ("STMTRS") || IS ("CCSTMTRS")) && !closing)
        {
          ScanStmt s = { 0 };

          s.line = line;
          s.first_trn = scan->trns->len;
          g_array_append_val (scan->stmts, s);
          where = STMTRS;
          in_trn = in_ledger = FALSE;
        }
      else if ((IS ("STMTRS") || IS ("CCSTMTRS")) && closing)
        {
          where = TRNRS;
          in_trn = in_ledger = FALSE;
        }
      else if (IS ("CODE") && !closing && where == SONRS && scan->signon_code == NULL)
        scan->signon_code = value_after (p, end);
      else if (IS ("MESSAGE") && !closing && where == SONRS && scan->signon_message == NULL)
        scan->signon_message = value_after (p, end);
      else if (IS ("CODE") && !closing && where == TRNRS)
        {
          g_free (scan->trnrs_code);
          scan->trnrs_code = value_after (p, end);
        }
      else if (IS ("MESSAGE") && !closing && where == TRNRS)
        {
          g_free (scan->trnrs_message);
          scan->trnrs_message = value_after (p, end);
        }
      else if (where == STMTRS && stmt != NULL)
        {
          if (IS ("CURDEF") && !closing && stmt->curdef == NULL)
            stmt->curdef = value_after (p, end);
          else if (IS ("STMTTRN") && !closing)
            {
              ScanTrn t = { 0 };

              t.line = line;
              g_array_append_val (scan->trns, t);
              stmt->n_trn++;
              in_trn = TRUE;
            }
          else if (IS ("STMTTRN") || IS ("BANKTRANLIST"))
            in_trn = FALSE;
          else if (IS ("LEDGERBAL"))
            {
              in_ledger = !closing;
              in_trn = FALSE;
              if (!closing)
                {
                  stmt->has_ledgerbal = TRUE;
                  stmt->ledgerbal_line = line;
                }
            }
          else if (IS ("AVAILBAL"))
            in_ledger = in_trn = FALSE;
          else if (closing)
            ;
          else if (trn != NULL && IS ("TRNAMT"))
            {
              g_free (trn->trnamt);
              trn->trnamt = value_after (p, end);
              trn->has_trnamt = TRUE;
            }
          else if (trn != NULL && IS ("DTPOSTED"))
            {
              g_free (trn->dtposted);
              trn->dtposted = value_after (p, end);
              trn->has_dtposted = TRUE;
            }
          else if (trn != NULL && IS ("FITID"))
            {
              g_free (trn->fitid);
              trn->fitid = value_after (p, end);
            }
          else if (in_ledger && IS ("BALAMT"))
            {
              g_free (stmt->balamt);
              stmt->balamt = value_after (p, end);
              stmt->balamt_line = line;
            }
          else if (in_ledger && IS ("DTASOF"))
            {
              g_free (stmt->dtasof);
              stmt->dtasof = value_after (p, end);
            }
        }
#undef IS
    }
  scan->last_line = line;
}

/* OFX amounts: an optional sign, digits, one '.' or ',' (European servers). */
static gboolean
ofx_amount (const char *text, const char *currency, gint64 *out)
{
  g_autofree char *why = NULL;
  const char *p = text;
  gboolean digits = FALSE;

  if (text == NULL)
    return FALSE;
  if (*p == '-' || *p == '+')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p != '.' && *p != ',')
        return FALSE;
    }
  if (!digits || (strchr (text, '.') != NULL && strchr (text, ',') != NULL))
    return FALSE;
  return settle_statement_parse_amount (text, strchr (text, ',') != NULL ? ',' : '.',
                                        settle_statement_currency_exponent (currency), out,
                                        &why);
}

/* "20110331120000.000[-5:EST]": the bank's own calendar day, never shifted. */
static gboolean
ofx_date (const char *text, GDate *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) < 8)
    return FALSE;
  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (text[8] != '\0' && !g_ascii_isdigit (text[8]) && text[8] != '.' && text[8] != '[')
    return FALSE;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[4] - '0') * 10 + (text[5] - '0');
  d = (text[6] - '0') * 10 + (text[7] - '0');
  if (y < 1900 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
ofx_check (const Scan *scan, const char *name, GError **error)
{
  if (!scan->has_ofx_start)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                   _("%s: the OFX file has no <OFX> element"), name);
      return FALSE;
    }
  if (scan->signon_code != NULL && strcmp (scan->signon_code, "0") != 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SIGNON,
                   _("%s: the bank refused the sign-on: %s (code %s)"), name,
                   scan->signon_message != NULL ? scan->signon_message : _("no reason given"),
                   scan->signon_code);
      return FALSE;
    }
  if (scan->investment && scan->stmts->len == 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_INVESTMENT,
                   _("%s: this is an investment statement, not a bank statement; Settle "
                     "imports bank and credit card statements"), name);
      return FALSE;
    }
  if (scan->stmts->len == 0 && scan->trnrs_code != NULL && strcmp (scan->trnrs_code, "0") != 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SIGNON,
                   _("%s: the bank sent an error instead of the statement: %s (code %s)"),
                   name, scan->trnrs_message != NULL ? scan->trnrs_message : _("no reason given"),
                   scan->trnrs_code);
      return FALSE;
    }
  if (!scan->has_ofx_end)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                   _("%s, line %u: the file ends before </OFX>; it was cut short"),
                   name, scan->last_line);
      return FALSE;
    }
  if (scan->stmts->len == 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                   _("%s: the OFX file holds no bank or credit card statement"), name);
      return FALSE;
    }
  for (guint s = 0; s < scan->stmts->len; s++)
    {
      const ScanStmt *stmt = &g_array_index (scan->stmts, ScanStmt, s);
      gint64 amount;
      GDate date;

      if (stmt->curdef == NULL || strlen (stmt->curdef) != 3)
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                       _("%s, line %u: the statement has no CURDEF currency"), name, stmt->line);
          return FALSE;
        }
      for (guint t = stmt->first_trn; t < stmt->first_trn + stmt->n_trn; t++)
        {
          const ScanTrn *trn = &g_array_index (scan->trns, ScanTrn, t);

          if (!trn->has_trnamt || !ofx_amount (trn->trnamt, stmt->curdef, &amount))
            {
              g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                           _("%s, line %u: TRNAMT “%s” is not an amount"), name, trn->line,
                           or_empty (trn->trnamt));
              return FALSE;
            }
          if (!trn->has_dtposted)
            {
              g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                           _("%s, line %u: the transaction (STMTTRN) has no DTPOSTED date"),
                           name, trn->line);
              return FALSE;
            }
          if (!ofx_date (trn->dtposted, &date))
            {
              g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                           _("%s, line %u: DTPOSTED “%s” is not a date (YYYYMMDD)"), name,
                           trn->line, trn->dtposted);
              return FALSE;
            }
        }
      if (stmt->has_ledgerbal && (stmt->balamt == NULL || *stmt->balamt == '\0'))
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                       _("%s, line %u: the LEDGERBAL balance (BALAMT) is empty"), name,
                       stmt->balamt_line ? stmt->balamt_line : stmt->ledgerbal_line);
          return FALSE;
        }
      if (stmt->has_ledgerbal && !ofx_amount (stmt->balamt, stmt->curdef, &amount))
        {
          g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
                       _("%s, line %u: the LEDGERBAL balance “%s” is not an amount"), name,
                       stmt->balamt_line ? stmt->balamt_line : stmt->ledgerbal_line,
                       or_empty (stmt->balamt));
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  const Scan *scan;
  const char *name;
  GPtrArray  *statements;
  GArray     *consumed;     /* per statement: scan transactions already paired */
  gboolean    failed;
} OfxState;

static char *
ofx_text (const char *text, int valid)
{
  g_autofree char *stripped = NULL;

  if (!valid || text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return NULL;
  if (!g_utf8_validate (stripped, -1, NULL))
    return settle_csv_to_utf8 (stripped, strlen (stripped), NULL, NULL);
  return g_steal_pointer (&stripped);
}

/* libofx reports a statement before its transactions. */
static int
on_statement (const struct OfxStatementData data, void *user_data)
{
  OfxState *state = user_data;
  const ScanStmt *stmt;
  SettleBankStatement *statement;
  guint zero = 0;

  if (state->failed || state->statements->len >= state->scan->stmts->len)
    {
      state->failed = TRUE;
      return 0;
    }
  stmt = &g_array_index (state->scan->stmts, ScanStmt, state->statements->len);
  statement = settle_bank_statement_new ();
  statement->format = g_strdup ("ofx");
  g_date_clear (&statement->start, 1);
  g_date_clear (&statement->end, 1);
  g_date_clear (&statement->closing_date, 1);
  statement->account_id = ofx_text (data.account_id, data.account_id_valid);
  if (data.account_ptr != NULL)
    statement->account_name = ofx_text (data.account_ptr->account_name,
                                        data.account_ptr->account_id_valid);
  g_strlcpy (statement->currency, stmt->curdef, sizeof statement->currency);
  if (stmt->has_ledgerbal)
    {
      statement->has_closing = TRUE;
      ofx_amount (stmt->balamt, stmt->curdef, &statement->closing_balance);
      ofx_date (stmt->dtasof, &statement->closing_date);
    }
  g_ptr_array_add (state->statements, statement);
  g_array_append_val (state->consumed, zero);
  return 0;
}

static int
on_transaction (const struct OfxTransactionData data, void *user_data)
{
  OfxState *state = user_data;
  g_autofree char *account = NULL;
  SettleBankStatement *statement = NULL;
  const ScanTrn *trn;
  const ScanStmt *stmt = NULL;
  SettleBankLine *line;
  guint s;

  if (state->failed)
    return 0;
  /* The first statement of this account with transactions left to pair. */
  account = ofx_text (data.account_id, data.account_id_valid);
  for (s = 0; s < state->statements->len; s++)
    {
      statement = g_ptr_array_index (state->statements, s);
      stmt = &g_array_index (state->scan->stmts, ScanStmt, s);
      if (g_strcmp0 (statement->account_id, account) == 0
          && g_array_index (state->consumed, guint, s) < stmt->n_trn)
        break;
    }
  if (s == state->statements->len)
    {
      state->failed = TRUE;
      return 0;
    }
  trn = &g_array_index (state->scan->trns, ScanTrn,
                        stmt->first_trn + g_array_index (state->consumed, guint, s)++);
  if (data.fi_id_valid && trn->fitid != NULL && strcmp (data.fi_id, trn->fitid) != 0)
    {
      state->failed = TRUE;
      return 0;
    }
  line = g_new0 (SettleBankLine, 1);
  line->source_line = trn->line;
  g_strlcpy (line->currency, stmt->curdef, sizeof line->currency);
  ofx_amount (trn->trnamt, stmt->curdef, &line->amount);
  ofx_date (trn->dtposted, &line->date);
  g_date_clear (&line->value_date, 1);
  line->payer_name = ofx_text (data.name, data.name_valid);
  line->description = ofx_text (data.memo, data.memo_valid);
  line->reference = ofx_text (data.check_number, data.check_number_valid);
  if (g_strcmp0 (line->reference, "0") == 0)   /* "no check" in some servers' words */
    g_clear_pointer (&line->reference, g_free);
  if (line->reference == NULL)
    line->reference = ofx_text (data.reference_number, data.reference_number_valid);
  if (g_strcmp0 (line->reference, "0") == 0)
    g_clear_pointer (&line->reference, g_free);
  line->payer_account = ofx_text (data.payee_id, data.payee_id_valid);
  if (trn->fitid != NULL && *trn->fitid != '\0')
    line->dedupe_key = g_strconcat ("fitid:", trn->fitid, NULL);
  if (data.transactiontype_valid)
    {
      static const char *const types[] = {
        "CREDIT", "DEBIT", "INT", "DIV", "FEE", "SRVCHG", "DEP", "ATM", "POS", "XFER",
        "CHECK", "PAYMENT", "CASH", "DIRECTDEP", "DIRECTDEBIT", "REPEATPMT", "OTHER",
      };

      if ((guint) data.transactiontype < G_N_ELEMENTS (types))
        line->kind = g_strdup (types[data.transactiontype]);
    }
  g_ptr_array_add (statement->lines, line);
  return 0;
}

/* Periods, and the content hash for lines without a FITID (allowed by some servers). */
static void
finish_statement (SettleBankStatement *statement)
{
  g_autoptr(GHashTable) identical = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 sum = 0;

  for (guint i = 0; i < statement->lines->len; i++)
    {
      SettleBankLine *line = g_ptr_array_index (statement->lines, i);

      if (!g_date_valid (&statement->start) || g_date_compare (&line->date, &statement->start) < 0)
        statement->start = line->date;
      if (!g_date_valid (&statement->end) || g_date_compare (&line->date, &statement->end) > 0)
        statement->end = line->date;
      sum += line->amount;
      if (line->dedupe_key == NULL)
        {
          char *key = g_strdup_printf ("%u|%" G_GINT64_FORMAT "|%s|%s",
                                       g_date_get_julian (&line->date), line->amount,
                                       or_empty (line->payer_name), or_empty (line->description));
          guint nth = GPOINTER_TO_UINT (g_hash_table_lookup (identical, key));

          g_hash_table_insert (identical, key, GUINT_TO_POINTER (nth + 1));
          settle_bank_line_set_hash_key (line, nth);
        }
    }
  /* OFX gives the ledger balance after the listed transactions only: the opening one
   * is that minus what they add up to. */
  if (statement->has_closing)
    {
      statement->has_opening = TRUE;
      statement->opening_balance = statement->closing_balance - sum;
    }
}

GPtrArray *
settle_ofx_parse (const char  *data,
                  gsize        length,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                    settle_bank_statement_free);
  g_autoptr(GArray) consumed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *tmp_path = NULL;
  g_autoptr(GError) local_error = NULL;
  Scan scan = { 0 };
  OfxState state = { &scan, name, statements, consumed, FALSE };
  LibofxContextPtr context;
  int fd;

  ofx_scan (data, length, &scan);
  if (!ofx_check (&scan, name, error))
    {
      scan_clear (&scan);
      return NULL;
    }

  /* libofx reads files only, and talks on stderr unless told not to. */
  fd = g_file_open_tmp ("settle-ofx-XXXXXX.ofx", &tmp_path, &local_error);
  if (fd < 0 || !g_file_set_contents (tmp_path, data, length, &local_error))
    {
      if (fd >= 0)
        close (fd);
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_IO,
                   _("%s: cannot write a temporary copy for the OFX reader: %s"), name,
                   local_error->message);
      if (tmp_path != NULL)
        g_unlink (tmp_path);
      scan_clear (&scan);
      return NULL;
    }
  close (fd);
  ofx_PARSER_msg = ofx_DEBUG_msg = ofx_DEBUG1_msg = ofx_DEBUG2_msg = ofx_DEBUG3_msg = 0;
  ofx_DEBUG4_msg = ofx_DEBUG5_msg = ofx_STATUS_msg = ofx_INFO_msg = 0;
  ofx_WARNING_msg = ofx_ERROR_msg = 0;
  g_mutex_lock (&ofx_lock);
  context = libofx_get_new_context ();
  ofx_set_transaction_cb (context, on_transaction, &state);
  ofx_set_statement_cb (context, on_statement, &state);
  libofx_proc_file (context, tmp_path, AUTODETECT);
  libofx_free_context (context);
  g_mutex_unlock (&ofx_lock);
  g_unlink (tmp_path);

  for (guint i = 0; i < statements->len && !state.failed; i++)
    state.failed = g_array_index (consumed, guint, i)
                   != g_array_index (scan.stmts, ScanStmt, i).n_trn;
  if (state.failed || statements->len != scan.stmts->len)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                   _("%s: the OFX reader could not follow the file's structure (%u of %u "
                     "statements read); is it a complete OFX file?"), name,
                   statements->len, scan.stmts->len);
      scan_clear (&scan);
      return NULL;
    }
  scan_clear (&scan);
  for (guint i = 0; i < statements->len; i++)
    finish_statement (g_ptr_array_index (statements, i));
  return g_steal_pointer (&statements);
}
