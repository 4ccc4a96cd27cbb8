/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-io"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "settle-statement-private.h"

/* ISO 20022 camt.053 (versions .001.02 to .001.08 and later: the elements read here
 * have kept their names). Decisions:
 * - Balances: opening = OPBD, else PRCD (the previous statement's closing booked);
 *   closing = CLBD, else CLAV (available). A balance in another currency than the
 *   account's is not this account's balance and is ignored.
 * - Sign from CdtDbtInd alone: with RvslInd true it already gives the direction of the
 *   reversing entry (ISO usage rule), so the kind says "reversal" and the sign stays.
 * - A batch entry (several TxDtls) becomes one line per TxDtls when every TxDtls has
 *   its amount and they add up to the entry; otherwise one line for the entry.
 * - Amounts with more decimals than the currency has are refused, except trailing
 *   zeros ("8.850" EUR = 8.85 exactly): nothing is ever rounded. */

#define CAMT_NS_PREFIX "urn:iso:std:iso:20022:tech:xsd:camt.053.001."

typedef struct
{
  const char *name;
  const xmlChar *ns;
  GError **error;
} Camt;

static gboolean
is_el (xmlNode *node, const Camt *camt, const char *local)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && xmlStrcmp (node->name, (const xmlChar *) local) == 0
         && node->ns != NULL && xmlStrcmp (node->ns->href, camt->ns) == 0;
}

static xmlNode *
child (xmlNode *node, const Camt *camt, const char *local)
{
  if (node == NULL)
    return NULL;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_el (c, camt, local))
      return c;
  return NULL;
}

/* "A/B/C": the first match of each step. */
static xmlNode *
path (xmlNode *node, const Camt *camt, const char *steps)
{
  g_auto(GStrv) parts = g_strsplit (steps, "/", -1);

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    node = child (node, camt, parts[i]);
  return node;
}

static char *
text_of (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  if (*text == '\0')
    {
      g_free (text);
      return NULL;
    }
  return text;
}

static char *
path_text (xmlNode *node, const Camt *camt, const char *steps)
{
  return text_of (path (node, camt, steps));
}

static guint
line_of (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint) line : 0;
}

static gboolean
fail (const Camt *camt, xmlNode *node, const char *what)
{
  g_set_error (camt->error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_VALUE,
               _("%s, line %u: %s"), camt->name, line_of (node), what);
  return FALSE;
}

/* <Amt Ccy="EUR">8.85</Amt> with its CdtDbtInd sibling. */
static gboolean
read_amount (const Camt *camt,
             xmlNode    *amt,
             xmlNode    *indicator,
             char        currency[4],
             gint64     *out)
{
  g_autofree char *text = text_of (amt);
  g_autofree char *ind = text_of (indicator);
  g_autofree char *why = NULL;
  xmlChar *ccy;
  gboolean point = FALSE;

  if (amt == NULL)
    return FALSE;
  ccy = xmlGetProp (amt, (const xmlChar *) "Ccy");
  if (ccy == NULL || xmlStrlen (ccy) != 3)
    {
      xmlFree (ccy);
      return fail (camt, amt, _("Amt has no Ccy currency attribute"));
    }
  memcpy (currency, ccy, 3);
  currency[3] = '\0';
  xmlFree (ccy);
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p == '.' && !point++))
      {
        g_autofree char *what = g_strdup_printf (_("Amt “%s” is not an amount"), text);

        return fail (camt, amt, what);
      }
  if (text == NULL)
    return fail (camt, amt, _("Amt is empty; an amount was expected"));
  if (!settle_statement_parse_amount (text, '.', settle_statement_currency_exponent (currency),
                                      out, &why))
    {
      g_autofree char *what = g_strdup_printf ("Amt “%s” %s %s", text, currency, why);

      return fail (camt, amt, what);
    }
  if (g_strcmp0 (ind, "DBIT") == 0)
    *out = -*out;
  else if (g_strcmp0 (ind, "CRDT") != 0)
    {
      g_autofree char *what = g_strdup_printf (_("CdtDbtInd “%s” is neither CRDT nor DBIT"),
                                               ind != NULL ? ind : "");

      return fail (camt, indicator != NULL ? indicator : amt, what);
    }
  return TRUE;
}

/* <BookgDt><Dt>2014-12-31</Dt></BookgDt> or <DtTm>2014-12-31T10:00:00</DtTm>. */
static gboolean
read_date (const Camt *camt, xmlNode *node, GDate *date, gboolean required, const char *label)
{
  g_autofree char *text = text_of (child (node, camt, "Dt"));

  g_date_clear (date, 1);
  if (text == NULL)
    text = text_of (child (node, camt, "DtTm"));
  if (text == NULL && !required)
    return TRUE;
  if (text != NULL && strlen (text) >= 10)
    text[10] = '\0';
  if (text == NULL || !settle_date_parse (text, date))
    {
      g_autofree char *what = g_strdup_printf (_("%s “%s” is not a date"), label,
                                               text != NULL ? text : "");

      return fail (camt, node, what);
    }
  return TRUE;
}

static char *
join_texts (xmlNode *node, const Camt *camt, const char *local)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (node == NULL)
    return NULL;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_el (c, camt, local))
      {
        g_autofree char *t = text_of (c);

        if (t == NULL)
          continue;
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, t);
      }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

static char *
party_name (xmlNode *party, const Camt *camt)
{
  char *name = path_text (party, camt, "Nm");

  return name != NULL ? name : path_text (party, camt, "Pty/Nm");   /* v08 */
}

static char *
account_text (xmlNode *acct, const Camt *camt)
{
  char *id = path_text (acct, camt, "Id/IBAN");

  return id != NULL ? id : path_text (acct, camt, "Id/Othr/Id");
}

static void
fill_details (SettleBankLine *line, xmlNode *tx, const Camt *camt, gboolean incoming)
{
  xmlNode *parties = child (tx, camt, "RltdPties");
  xmlNode *rmt = child (tx, camt, "RmtInf");
  char *e2e = path_text (tx, camt, "Refs/EndToEndId");

  if (line->payer_name == NULL)
    line->payer_name = party_name (child (parties, camt, incoming ? "Dbtr" : "Cdtr"), camt);
  if (line->payer_name == NULL)   /* only the ultimate party named */
    line->payer_name = party_name (child (parties, camt, incoming ? "UltmtDbtr" : "UltmtCdtr"),
                                   camt);
  if (line->payer_account == NULL)
    line->payer_account = account_text (child (parties, camt, incoming ? "DbtrAcct" : "CdtrAcct"),
                                        camt);
  if (line->reference == NULL)
    line->reference = path_text (rmt, camt, "Strd/CdtrRefInf/Ref");
  if (line->reference == NULL && e2e != NULL && strcmp (e2e, "NOTPROVIDED") != 0)
    line->reference = g_steal_pointer (&e2e);
  g_free (e2e);
  if (line->description == NULL)
    line->description = join_texts (rmt, camt, "Ustrd");
  if (line->description == NULL)
    line->description = path_text (tx, camt, "AddtlTxInf");
}

static gboolean
read_entry (const Camt *camt, xmlNode *ntry, guint index, SettleBankStatement *statement)
{
  g_autoptr(SettleBankLine) line = g_new0 (SettleBankLine, 1);
  g_autofree char *rvsl = path_text (ntry, camt, "RvslInd");
  g_autofree char *acct_ref = path_text (ntry, camt, "AcctSvcrRef");
  g_autofree char *kind = path_text (ntry, camt, "BkTxCd/Domn/Cd");
  xmlNode *booking = child (ntry, camt, "BookgDt"), *value = child (ntry, camt, "ValDt");
  xmlNode *details = child (ntry, camt, "NtryDtls");
  g_autoptr(GPtrArray) txs = g_ptr_array_new ();
  gboolean split = FALSE;
  gint64 sum = 0;

  if (acct_ref == NULL)
    acct_ref = path_text (ntry, camt, "NtryRef");
  if (kind == NULL)
    kind = path_text (ntry, camt, "BkTxCd/Prtry/Cd");
  line->source_line = index;
  if (!read_amount (camt, child (ntry, camt, "Amt"), child (ntry, camt, "CdtDbtInd"),
                    line->currency, &line->amount))
    {
      if (camt->error != NULL && *camt->error == NULL)
        fail (camt, ntry, _("the entry (Ntry) has no Amt amount"));
      return FALSE;
    }
  if (booking == NULL)
    booking = value;   /* pending entries may have a value date only */
  if (booking == NULL)
    return fail (camt, ntry, _("the entry (Ntry) has no BookgDt booking date"));
  if (!read_date (camt, booking, &line->date, TRUE, "BookgDt")
      || !read_date (camt, value, &line->value_date, FALSE, "ValDt"))
    return FALSE;
  if (g_strcmp0 (rvsl, "true") == 0 || g_strcmp0 (rvsl, "1") == 0)
    line->kind = g_strconcat ("reversal", kind != NULL ? " " : NULL, kind, NULL);
  else
    line->kind = g_steal_pointer (&kind);
  line->description = path_text (ntry, camt, "AddtlNtryInf");

  for (xmlNode *c = details != NULL ? details->children : NULL; c != NULL; c = c->next)
    if (is_el (c, camt, "TxDtls"))
      g_ptr_array_add (txs, c);

  /* A batch: one line per TxDtls when each has its own amount and they add up. */
  if (txs->len > 1)
    {
      split = TRUE;
      for (guint i = 0; i < txs->len && split; i++)
        {
          xmlNode *tx = g_ptr_array_index (txs, i);
          xmlNode *amt = path (tx, camt, "AmtDtls/TxAmt/Amt");
          char ccy[4];
          gint64 v;

          if (amt == NULL)
            amt = child (tx, camt, "Amt");   /* v04 and later */
          if (amt == NULL)
            split = FALSE;
          else if (!read_amount (camt, amt, child (tx, camt, "CdtDbtInd") != NULL
                                 ? child (tx, camt, "CdtDbtInd") : child (ntry, camt, "CdtDbtInd"),
                                 ccy, &v))
            return FALSE;
          else
            sum += v;
        }
      split = split && sum == line->amount;
    }

  if (!split)
    {
      if (txs->len > 0)
        fill_details (line, g_ptr_array_index (txs, 0), camt, line->amount >= 0);
      line->dedupe_key = acct_ref != NULL ? g_strconcat ("ref:", acct_ref, NULL) : NULL;
      g_ptr_array_add (statement->lines, g_steal_pointer (&line));
      return TRUE;
    }
  for (guint i = 0; i < txs->len; i++)
    {
      xmlNode *tx = g_ptr_array_index (txs, i);
      SettleBankLine *part = g_new0 (SettleBankLine, 1);
      xmlNode *amt = path (tx, camt, "AmtDtls/TxAmt/Amt");
      g_autofree char *tx_ref = path_text (tx, camt, "Refs/AcctSvcrRef");

      if (amt == NULL)
        amt = child (tx, camt, "Amt");
      read_amount (camt, amt, child (tx, camt, "CdtDbtInd") != NULL
                   ? child (tx, camt, "CdtDbtInd") : child (ntry, camt, "CdtDbtInd"),
                   part->currency, &part->amount);
      part->source_line = index;
      part->date = line->date;
      part->value_date = line->value_date;
      part->kind = g_strdup (line->kind);
      fill_details (part, tx, camt, part->amount >= 0);
      if (part->description == NULL)
        part->description = g_strdup (line->description);
      if (tx_ref != NULL)
        part->dedupe_key = g_strconcat ("ref:", tx_ref, NULL);
      else if (acct_ref != NULL)
        part->dedupe_key = g_strdup_printf ("ref:%s/%u", acct_ref, i + 1);
      g_ptr_array_add (statement->lines, part);
    }
  return TRUE;
}

static gboolean
read_balances (const Camt *camt, xmlNode *stmt, SettleBankStatement *statement)
{
  gboolean have_prcd = FALSE, have_clav = FALSE;
  gint64 prcd = 0, clav = 0;
  GDate clav_date;

  g_date_clear (&clav_date, 1);
  for (xmlNode *bal = stmt->children; bal != NULL; bal = bal->next)
    {
      g_autofree char *code = NULL;
      char ccy[4];
      gint64 amount;
      GDate date;

      if (!is_el (bal, camt, "Bal"))
        continue;
      code = path_text (bal, camt, "Tp/CdOrPrtry/Cd");
      if (code == NULL)
        continue;
      if (strcmp (code, "OPBD") != 0 && strcmp (code, "PRCD") != 0
          && strcmp (code, "CLBD") != 0 && strcmp (code, "CLAV") != 0)
        continue;
      if (!read_amount (camt, child (bal, camt, "Amt"), child (bal, camt, "CdtDbtInd"), ccy,
                        &amount))
        {
          if (camt->error != NULL && *camt->error == NULL)
            fail (camt, bal, _("the balance (Bal) has no Amt amount"));
          return FALSE;
        }
      if (!read_date (camt, child (bal, camt, "Dt"), &date, child (bal, camt, "Dt") != NULL,
                      "Bal/Dt"))
        return FALSE;
      if (statement->currency[0] != '\0' && strcmp (ccy, statement->currency) != 0)
        continue;
      if (strcmp (code, "OPBD") == 0)
        statement->has_opening = TRUE, statement->opening_balance = amount;
      else if (strcmp (code, "PRCD") == 0)
        have_prcd = TRUE, prcd = amount;
      else if (strcmp (code, "CLBD") == 0)
        statement->has_closing = TRUE, statement->closing_balance = amount,
        statement->closing_date = date;
      else
        have_clav = TRUE, clav = amount, clav_date = date;
    }
  if (!statement->has_opening && have_prcd)
    statement->has_opening = TRUE, statement->opening_balance = prcd;
  if (!statement->has_closing && have_clav)
    statement->has_closing = TRUE, statement->closing_balance = clav,
    statement->closing_date = clav_date;
  return TRUE;
}

static SettleBankStatement *
read_statement (const Camt *camt, xmlNode *stmt)
{
  g_autoptr(SettleBankStatement) statement = settle_bank_statement_new ();
  g_autoptr(GHashTable) identical = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *acct = child (stmt, camt, "Acct");
  g_autofree char *ccy = path_text (acct, camt, "Ccy");
  xmlNode *period = child (stmt, camt, "FrToDt");
  guint index = 0;

  statement->format = g_strdup ("camt053");
  g_date_clear (&statement->start, 1);
  g_date_clear (&statement->end, 1);
  g_date_clear (&statement->closing_date, 1);
  statement->account_id = account_text (acct, camt);
  statement->account_name = path_text (acct, camt, "Nm");
  if (statement->account_name == NULL)
    statement->account_name = path_text (acct, camt, "Ownr/Nm");
  if (ccy != NULL && strlen (ccy) == 3)
    memcpy (statement->currency, ccy, 4);
  else
    {
      /* No account currency: the first entry's. */
      xmlNode *first = path (stmt, camt, "Ntry/Amt");
      xmlChar *c = first != NULL ? xmlGetProp (first, (const xmlChar *) "Ccy") : NULL;

      if (c != NULL && xmlStrlen (c) == 3)
        memcpy (statement->currency, c, 4);
      xmlFree (c);
    }
  if (period != NULL)
    {
      g_autofree char *from = path_text (period, camt, "FrDtTm");
      g_autofree char *to = path_text (period, camt, "ToDtTm");

      if (from != NULL && strlen (from) >= 10 && (from[10] = '\0', TRUE))
        settle_date_parse (from, &statement->start);
      if (to != NULL && strlen (to) >= 10 && (to[10] = '\0', TRUE))
        settle_date_parse (to, &statement->end);
    }
  if (!read_balances (camt, stmt, statement))
    return NULL;
  for (xmlNode *c = stmt->children; c != NULL; c = c->next)
    if (is_el (c, camt, "Ntry") && !read_entry (camt, c, ++index, statement))
      return NULL;
  for (guint i = 0; i < statement->lines->len; i++)
    {
      SettleBankLine *line = g_ptr_array_index (statement->lines, i);

      if (line->dedupe_key == NULL)
        {
          char *key = g_strdup_printf ("%u|%" G_GINT64_FORMAT "|%s|%s|%s",
                                       g_date_get_julian (&line->date), line->amount,
                                       line->currency,
                                       line->payer_name != NULL ? line->payer_name : "",
                                       line->description != NULL ? line->description : "");
          guint nth = GPOINTER_TO_UINT (g_hash_table_lookup (identical, key));

          g_hash_table_insert (identical, key, GUINT_TO_POINTER (nth + 1));
          settle_bank_line_set_hash_key (line, nth);
        }
    }
  if (statement->currency[0] == '\0')
    {
      fail (camt, stmt, _("the statement (Stmt) has no currency: neither Acct/Ccy nor an entry"));
      return NULL;
    }
  return g_steal_pointer (&statement);
}

/* libxml2 2.9's encoding converters report through the generic error handler
 * whatever the parser options say; the error that matters comes back from the
 * context, so the rest is dropped (the handler is per thread). */
static void
ignore_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

GPtrArray *
settle_camt_parse (const char  *data,
                   gsize        length,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                    settle_bank_statement_free);
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  xmlNode *root, *report;
  Camt camt = { name, NULL, error };

  if (length > G_MAXINT)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                   _("%s: the file is too large"), name);
      return NULL;
    }
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  ctxt = xmlNewParserCtxt ();
  /* No network, no entity expansion, no DTD loading: a statement is plain data. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *e = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = e != NULL && e->message != NULL
                                 ? g_strstrip (g_strdup (e->message)) : g_strdup ("");

      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_SYNTAX,
                   _("%s, line %d: the XML is broken (%s)"), name, e != NULL ? e->line : 0,
                   message);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  xmlFreeParserCtxt (ctxt);

  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns == NULL
      || !g_str_has_prefix ((const char *) root->ns->href, CAMT_NS_PREFIX)
      || xmlStrcmp (root->name, (const xmlChar *) "Document") != 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                   _("%s: not a CAMT.053 bank statement (the root element is not a camt.053 "
                     "Document)"), name);
      xmlFreeDoc (doc);
      return NULL;
    }
  camt.ns = root->ns->href;
  report = child (root, &camt, "BkToCstmrStmt");
  if (report == NULL)
    {
      fail (&camt, root, _("Document has no BkToCstmrStmt element"));
      xmlFreeDoc (doc);
      return NULL;
    }
  for (xmlNode *c = report->children; c != NULL; c = c->next)
    if (is_el (c, &camt, "Stmt"))
      {
        SettleBankStatement *statement = read_statement (&camt, c);

        if (statement == NULL)
          {
            xmlFreeDoc (doc);
            return NULL;
          }
        g_ptr_array_add (statements, statement);
      }
  if (statements->len == 0)
    {
      g_set_error (error, SETTLE_IMPORT_ERROR, SETTLE_IMPORT_ERROR_FORMAT,
                   _("%s, line %u: BkToCstmrStmt holds no Stmt: the file has no statement"),
                   name, line_of (report));
      xmlFreeDoc (doc);
      return NULL;
    }
  xmlFreeDoc (doc);
  return g_steal_pointer (&statements);
}
