/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accepting a match (payments through the payment API, inside one transaction) and
 * undoing it (removing exactly what the match created). */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment.h"
#include "settle-payment-private.h"
#include "settle-reconcile-private.h"

static gboolean
fail_with (GError    **error,
           int         code,
           const char *message)
{
  g_set_error_literal (error, SETTLE_BOOK_ERROR, code, message);
  return FALSE;
}

static char *
line_detail (const SettleMatchLine *line)
{
  g_autofree char *date = settle_date_to_iso (&line->date);
  g_autofree char *amount = settle_money_to_plain (settle_money_init (line->amount, line->currency));

  /* Stored in the log as data (like "ach 12.00"), not in the user's language. */
  return g_strdup_printf ("bank-line %" PRId64 " %s %s %s", line->id, date, amount, line->currency);
}

static gboolean
load_open_line (SettleBook      *book,
                SettleId         line_id,
                SettleMatchLine *line,
                GError         **error)
{
  if (!settle_reconcile_load_line (book, line_id, line, error))
    return FALSE;
  if (strcmp (line->status, "matched") == 0)
    return fail_with (error, SETTLE_BOOK_ERROR_STATE,
                      _("This statement line is already matched: undo that match first"));
  if (line->amount <= 0)
    return fail_with (error, SETTLE_BOOK_ERROR_INVALID,
                      _("This statement line is money going out: only money coming in pays invoices"));
  return TRUE;
}

static gboolean
insert_match (SettleBook            *book,
              const SettleMatchLine *line,
              const char            *kind,
              SettleId               client_id,
              int                    score,
              const char            *reasons,
              gboolean               automatic,
              SettleId              *match_id,
              GError               **error)
{
  g_autofree char *now = settle_timestamp_now ();
  sqlite3_stmt *stmt;

  stmt = settle_book_prepare (book,
                              "INSERT INTO reconcile_matches (line_id, kind, client_id, score, reasons, "
                              "automatic, accepted_at) VALUES (?1, ?2, NULLIF (?3, 0), ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line->id);
  settle_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, client_id);
  sqlite3_bind_int (stmt, 4, score);
  settle_bind_text (stmt, 5, reasons ? reasons : "");
  sqlite3_bind_int (stmt, 6, automatic ? 1 : 0);
  settle_bind_text (stmt, 7, now);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  *match_id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  return settle_payment_exec (
    book, "UPDATE bank_lines SET status = 'matched', match_id = ?2 WHERE id = ?1", line->id,
    *match_id, error);
}

static gboolean
set_matched_to (SettleBook *book,
                SettleId    match_id,
                const char *text,
                gint64      fees,
                GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book,
                                            "UPDATE reconcile_matches SET matched_to = ?2, fees = ?3 "
                                            "WHERE id = ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, match_id);
  settle_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, fees);
  return settle_book_step_done (book, stmt, error);
}

static gboolean
tie (SettleBook *book,
     SettleId    payment_id,
     SettleId    match_id,
     gboolean    created,
     GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book,
                                            "INSERT INTO reconcile_ties (payment_id, match_id, created) "
                                            "VALUES (?1, ?2, ?3)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  sqlite3_bind_int64 (stmt, 2, match_id);
  sqlite3_bind_int (stmt, 3, created ? 1 : 0);
  return settle_book_step_done (book, stmt, error);
}

static gboolean
count_hint (SettleBook *book,
            SettleId    match_id,
            const char *column,
            const char *key,
            SettleId    client_id,
            GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE reconcile_matches SET %s = ?2 WHERE id = ?1", column);
  sqlite3_stmt *stmt;

  stmt = settle_book_prepare (book,
                              "INSERT INTO reconcile_hints (key, client_id, count) VALUES (?1, ?2, 1) "
                              "ON CONFLICT (key, client_id) DO UPDATE SET count = count + 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, client_id);
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  stmt = settle_book_prepare (book, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, match_id);
  settle_bind_text (stmt, 2, key);
  return settle_book_step_done (book, stmt, error);
}

/* The payer's name and account now point at the client. */
static gboolean
learn_hints (SettleBook            *book,
             const SettleMatchLine *line,
             SettleId               client_id,
             SettleId               match_id,
             GError               **error)
{
  if (client_id == 0)
    return TRUE;
  if (line->payer_name != NULL)
    {
      g_autofree char *norm = settle_reconcile_normalise_name (line->payer_name);
      g_autofree char *key = g_strconcat ("name:", norm, NULL);

      if (*norm != '\0' && !count_hint (book, match_id, "hint_name", key, client_id, error))
        return FALSE;
    }
  if (line->payer_account != NULL)
    {
      g_autofree char *norm = settle_reconcile_normalise_account (line->payer_account);
      g_autofree char *key = g_strconcat ("account:", norm, NULL);

      if (strlen (norm) >= 4 && !count_hint (book, match_id, "hint_account", key, client_id, error))
        return FALSE;
    }
  return TRUE;
}

static SettlePaymentMethod
method_of (const SettleMatchLine *line)
{
  g_autofree char *kind = g_ascii_strup (line->kind ? line->kind : "", -1);

  if (strstr (kind, "CHECK") != NULL || strstr (kind, "CHEQUE") != NULL || strstr (kind, "CHK") != NULL)
    return SETTLE_PAYMENT_CHECK;
  if (strstr (kind, "CASH") != NULL)
    return SETTLE_PAYMENT_CASH;
  if (strstr (kind, "WIRE") != NULL || strstr (kind, "XFER") != NULL)
    return SETTLE_PAYMENT_WIRE;
  return SETTLE_PAYMENT_ACH;
}

static char *
client_name (SettleBook *book,
             SettleId    client_id)
{
  sqlite3_stmt *stmt = settle_book_prepare (book, "SELECT name FROM clients WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = settle_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name ? name : g_strdup ("");
}

static gboolean
accept_invoices (SettleBook            *book,
                 const SettleMatchLine *line,
                 SettleId               client_id,
                 GArray                *allocations,
                 const char            *kind,
                 int                    score,
                 const char            *reasons,
                 gboolean               automatic,
                 SettleId              *match_id,
                 GError               **error)
{
  g_autoptr(SettlePayment) p = settle_payment_new ();
  g_autoptr(GString) matched_to = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *detail = line_detail (line);
  gint64 total = 0;

  if (client_id == 0)
    return fail_with (error, SETTLE_BOOK_ERROR_INVALID, _("Choose the client who paid"));
  for (guint i = 0; allocations != NULL && i < allocations->len; i++)
    {
      const SettleMatchAllocation *a = &g_array_index (allocations, SettleMatchAllocation, i);

      if (a->amount <= 0 || !settle_checked_add (total, a->amount, &total))
        return fail_with (error, SETTLE_BOOK_ERROR_INVALID,
                          _("Amount: each invoice's share must be more than zero"));
    }
  if (total > line->amount)
    return fail_with (error, SETTLE_BOOK_ERROR_INVALID,
                      _("Amount: the shares add up to more than the statement line"));

  if (!insert_match (book, line, kind, client_id, score, reasons, automatic, match_id, error))
    return FALSE;
  p->client_id = client_id;
  p->date = line->date;
  p->amount = line->amount;
  g_strlcpy (p->currency, line->currency, sizeof p->currency);
  p->method = method_of (line);
  g_free (p->reference);
  p->reference = g_strdup (line->reference && *line->reference ? line->reference
                           : line->payer_name ? line->payer_name : "");
  if (!settle_payment_record (book, p, error) || !tie (book, p->id, *match_id, TRUE, error))
    return FALSE;
  for (guint i = 0; allocations != NULL && i < allocations->len; i++)
    {
      const SettleMatchAllocation *a = &g_array_index (allocations, SettleMatchAllocation, i);
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, a->invoice_id, error);

      if (inv == NULL || !settle_payment_apply (book, p->id, a->invoice_id, a->amount, &line->date, error)
          || !settle_activity_log (book, "invoice", a->invoice_id, "reconciled", detail, NULL, error))
        return FALSE;
      if (matched_to->len > 0)
        g_string_append (matched_to, ", ");
      g_string_append (matched_to, inv->number ? inv->number : "");
    }
  name = client_name (book, client_id);
  if (matched_to->len == 0)
    /* Translators: a statement line matched as credit, "Credit for Acme" */
    g_string_printf (matched_to, _("Credit for %s"), name);
  else if (total < line->amount)
    /* Translators: "INV-000042 (Acme) and credit" */
    g_string_append_printf (matched_to, _(" (%s) and credit"), name);
  else
    g_string_append_printf (matched_to, " (%s)", name);
  return settle_activity_log (book, "payment", p->id, "reconciled", detail, NULL, error)
         && learn_hints (book, line, client_id, *match_id, error)
         && set_matched_to (book, *match_id, matched_to->str, 0, error);
}

static gboolean
accept_payment (SettleBook                  *book,
                const SettleMatchLine       *line,
                const SettleMatchSuggestion *s,
                gboolean                     automatic,
                SettleId                    *match_id,
                GError                     **error)
{
  g_autoptr(SettlePayment) p = settle_payment_load (book, s->payment_id, error);
  g_autofree char *detail = line_detail (line);
  g_autofree char *name = NULL;
  g_autofree char *matched_to = NULL;
  g_autofree char *amount = NULL;
  sqlite3_stmt *stmt;
  gboolean tied;

  if (p == NULL)
    return FALSE;
  if (p->status != SETTLE_PAYMENT_SETTLED || p->amount != line->amount
      || strcmp (p->currency, line->currency) != 0)
    return fail_with (error, SETTLE_BOOK_ERROR_INVALID,
                      _("The payment does not have the statement line's amount and currency"));
  stmt = settle_book_prepare (book, "SELECT 1 FROM reconcile_ties WHERE payment_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  tied = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (tied)
    return fail_with (error, SETTLE_BOOK_ERROR_STATE,
                      _("This payment is already matched to another statement line"));
  if (!insert_match (book, line, "payment", p->client_id, s->score, s->reasons, automatic, match_id,
                     error)
      || !tie (book, p->id, *match_id, FALSE, error))
    return FALSE;
  name = client_name (book, p->client_id);
  amount = settle_money_format (settle_money_init (p->amount, p->currency));
  /* Translators: "Payment of $120.00 (Acme)" */
  matched_to = g_strdup_printf (_("Payment of %s (%s)"), amount, name);
  return settle_activity_log (book, "payment", p->id, "reconciled", detail, NULL, error)
         && learn_hints (book, line, p->client_id, *match_id, error)
         && set_matched_to (book, *match_id, matched_to, 0, error);
}

typedef struct
{
  SettleId id;
  char    *charge_id;
  char    *processor;
  char    *created;
  gint64   amount, refunded, fee;
  SettleId payout_line_id;
} ChargeRow;

static gboolean
load_charge (SettleBook *book,
             SettleId    id,
             ChargeRow  *row,
             GError    **error)
{
  sqlite3_stmt *stmt = settle_book_prepare (book,
                                            "SELECT id, charge_id, processor, created, amount, refunded, "
                                            "fee, COALESCE (payout_line_id, 0), currency "
                                            "FROM processor_charges WHERE id = ?1",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->id = sqlite3_column_int64 (stmt, 0);
      row->charge_id = settle_column_dup (stmt, 1);
      row->processor = settle_column_dup (stmt, 2);
      row->created = settle_column_dup (stmt, 3);
      row->amount = sqlite3_column_int64 (stmt, 4);
      row->refunded = sqlite3_column_int64 (stmt, 5);
      row->fee = sqlite3_column_int64 (stmt, 6);
      row->payout_line_id = sqlite3_column_int64 (stmt, 7);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no processor charge with id %" PRId64), id);
      return FALSE;
    }
  return rc == SQLITE_ROW || settle_book_set_error (book, rc, error);
}

static void
charge_row_clear (ChargeRow *row)
{
  g_free (row->charge_id);
  g_free (row->processor);
  g_free (row->created);
}

static gboolean
pay_charge (SettleBook            *book,
            const SettleMatchLine *line,
            const ChargeRow       *c,
            SettleId               match_id,
            const char            *detail,
            GError               **error)
{
  g_autoptr(SettlePayment) p = NULL;
  g_autoptr(SettleInvoice) inv = NULL;
  g_autofree char *created_day = NULL;
  SettleId client_id = 0, invoice_id = 0;
  gint64 paid = c->amount - c->refunded;

  if (paid <= 0)
    return settle_payment_exec (book,
                                "UPDATE processor_charges SET payout_line_id = ?2 WHERE id = ?1",
                                c->id, line->id, error);
  if (!settle_payout_resolve_charge (book, c->id, &client_id, &invoice_id, error))
    return FALSE;
  p = settle_payment_new ();
  p->client_id = client_id;
  created_day = g_strndup (c->created ? c->created : "", 10);
  if (!settle_date_parse (created_day, &p->date))
    p->date = line->date;
  p->amount = paid;
  p->fee = MIN (c->fee, paid);
  g_strlcpy (p->currency, line->currency, sizeof p->currency);
  p->method = SETTLE_PAYMENT_CARD;
  g_free (p->reference);
  p->reference = g_strdup (c->charge_id);
  if (!settle_payment_record (book, p, error) || !tie (book, p->id, match_id, TRUE, error))
    return FALSE;
  if (invoice_id != 0)
    {
      inv = settle_invoice_load (book, invoice_id, error);
      if (inv == NULL)
        return FALSE;
      if ((inv->status == SETTLE_INVOICE_ISSUED || inv->status == SETTLE_INVOICE_PARTIAL)
          && inv->total > inv->amount_paid)
        {
          GDate when = g_date_compare (&p->date, &inv->issue_date) < 0 ? inv->issue_date : p->date;

          if (!settle_payment_apply (book, p->id, invoice_id, MIN (paid, inv->total - inv->amount_paid),
                                     &when, error)
              || !settle_activity_log (book, "invoice", invoice_id, "reconciled", detail, NULL, error))
            return FALSE;
        }
    }
  if (!settle_payment_exec (book, "UPDATE processor_charges SET payout_line_id = ?2 WHERE id = ?1",
                            c->id, line->id, error) ||
      !settle_payment_exec (book, "UPDATE processor_charges SET payment_id = ?2 WHERE id = ?1",
                            c->id, p->id, error))
    return FALSE;
  return settle_activity_log (book, "payment", p->id, "reconciled", detail, NULL, error);
}

static gboolean
accept_payout (SettleBook                  *book,
               const SettleMatchLine       *line,
               const SettleMatchSuggestion *s,
               gboolean                     automatic,
               SettleId                    *match_id,
               GError                     **error)
{
  g_autofree char *detail = line_detail (line);
  g_autofree char *fees_text = NULL;
  g_autofree char *matched_to = NULL;
  g_autofree char *processor = NULL;
  gint64 net = 0, fees = 0;

  if (s->charge_ids == NULL || s->charge_ids->len == 0)
    return fail_with (error, SETTLE_BOOK_ERROR_INVALID, _("A payout needs the charges it pays out"));
  if (!insert_match (book, line, "payout", 0, s->score, s->reasons, automatic, match_id, error))
    return FALSE;
  for (guint i = 0; i < s->charge_ids->len; i++)
    {
      ChargeRow c = { 0, };
      gboolean ok;

      if (!load_charge (book, g_array_index (s->charge_ids, SettleId, i), &c, error))
        {
          charge_row_clear (&c);
          return FALSE;
        }
      if (c.payout_line_id != 0)
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_STATE,
                       _("Charge %s is already in another payout"), c.charge_id);
          charge_row_clear (&c);
          return FALSE;
        }
      net += c.amount - c.refunded - c.fee;
      fees += c.fee;
      if (processor == NULL)
        processor = g_strdup (c.processor);
      ok = pay_charge (book, line, &c, *match_id, detail, error);
      charge_row_clear (&c);
      if (!ok)
        return FALSE;
    }
  if (net != line->amount)
    return fail_with (error, SETTLE_BOOK_ERROR_INVALID,
                      _("The charges less refunds and fees do not add up to the statement line"));
  fees_text = settle_money_format (settle_money_init (fees, line->currency));
  if (processor != NULL && *processor != '\0')
    processor[0] = g_ascii_toupper (processor[0]);
  /* Translators: "Stripe payout: 14 charges, fees $12.30" */
  matched_to = g_strdup_printf (_("%s payout: %u charges, fees %s"), processor ? processor : "",
                                s->charge_ids->len, fees_text);
  return set_matched_to (book, *match_id, matched_to, fees, error);
}

gboolean
settle_reconcile_accept (SettleBook                  *book,
                         const SettleMatchSuggestion *s,
                         gboolean                     automatic,
                         SettleId                    *match_id,
                         GError                     **error)
{
  SettleMatchLine line = { 0, };
  SettleId id = 0;
  gboolean ok;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (s != NULL, FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  ok = load_open_line (book, s->line_id, &line, error);
  if (ok && s->kind == SETTLE_MATCH_INVOICES)
    ok = accept_invoices (book, &line, s->client_id, s->allocations, "invoices", s->score, s->reasons,
                          automatic, &id, error);
  else if (ok && s->kind == SETTLE_MATCH_PAYMENT)
    ok = accept_payment (book, &line, s, automatic, &id, error);
  else if (ok)
    ok = accept_payout (book, &line, s, automatic, &id, error);
  settle_match_line_clear (&line);
  if (!ok)
    {
      settle_book_rollback (book);
      return FALSE;
    }
  if (!settle_book_commit (book, error))
    return FALSE;
  if (match_id != NULL)
    *match_id = id;
  return TRUE;
}

gboolean
settle_reconcile_accept_manual (SettleBook *book,
                                SettleId    line_id,
                                SettleId    client_id,
                                GArray     *allocations,
                                SettleId   *match_id,
                                GError    **error)
{
  SettleMatchLine line = { 0, };
  SettleId id = 0;
  gboolean ok;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_book_begin (book, error))
    return FALSE;
  ok = load_open_line (book, line_id, &line, error)
       && accept_invoices (book, &line, client_id, allocations, "manual", 0, _("matched by hand"),
                           FALSE, &id, error);
  settle_match_line_clear (&line);
  if (!ok)
    {
      settle_book_rollback (book);
      return FALSE;
    }
  if (!settle_book_commit (book, error))
    return FALSE;
  if (match_id != NULL)
    *match_id = id;
  return TRUE;
}
