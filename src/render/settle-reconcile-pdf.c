/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-bank.h"
#include "settle-money.h"
#include "settle-reconcile.h"
#include "settle-reconcile-pdf.h"
#include "settle-report-pdf.h"

/* What one status adds up to. */
typedef struct
{
  guint  count;
  gint64 sum;
} Tally;

typedef struct
{
  const char        *currency;
  SettleReportDocument *doc;
} Report;

static char *
money (const Report *r,
       gint64        amount)
{
  return settle_money_format (settle_money_init (amount, r->currency));
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? settle_date_to_iso (date) : g_strdup ("—");
}

/* "2026-11-23T14:05:09Z" as "2026-11-23 14:05". */
static char *
timestamp_text (const char *stamp)
{
  if (stamp == NULL)
    return g_strdup ("");
  if (strlen (stamp) >= 16 && stamp[10] == 'T')
    return g_strdup_printf ("%.10s %.5s", stamp, stamp + 11);
  return g_strdup (stamp);
}

/* Payer and description in one cell, whichever the bank gave. */
static char *
line_text (const SettleStatementLineRow *row)
{
  const char *parts[3] = { NULL };
  guint n = 0;

  if (row->payer_name != NULL && row->payer_name[0] != '\0')
    parts[n++] = row->payer_name;
  if (row->description != NULL && row->description[0] != '\0')
    parts[n++] = row->description;
  else if (row->reference != NULL && row->reference[0] != '\0')
    parts[n++] = row->reference;
  return n == 0 ? g_strdup ("—") : g_strjoinv (" · ", (char **) parts);
}

static void
add_row (GPtrArray *rows,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *cell;
  va_list ap;

  va_start (ap, rows);
  for (cell = va_arg (ap, const char *); cell != NULL; cell = va_arg (ap, const char *))
    g_strv_builder_add (builder, cell);
  va_end (ap);
  g_ptr_array_add (rows, g_strv_builder_end (builder));
}

static void
tally (Tally  *t,
       gint64  amount)
{
  t->count++;
  t->sum += amount;
}

static void
add_matched (Report    *r,
             GPtrArray *matches,
             Tally     *matched)
{
  static const SettleReportAlign align[] = {
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_RIGHT, SETTLE_REPORT_ALIGN_LEFT,
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_RIGHT, SETTLE_REPORT_ALIGN_LEFT,
    SETTLE_REPORT_ALIGN_LEFT,
  };
  const char *headers[] = {
    _("Date"), _("Amount"), _("Paid by"), _("Matched to"), _("Score"), _("How"),
    _("Accepted"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *total = NULL;
  g_autofree char *count = NULL;

  settle_report_document_add_heading (r->doc, _("Matched lines"));
  if (matched->count == 0)
    {
      settle_report_document_add_paragraph (r->doc, _("No line is matched yet."));
      return;
    }
  for (guint i = 0; i < matches->len; i++)
    {
      const SettleMatchRecord *m = g_ptr_array_index (matches, i);
      g_autofree char *date = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *score = NULL;
      g_autofree char *when = NULL;

      /* Undone matches are history; the next table lists them. */
      if (m->undone_at != NULL)
        continue;
      date = date_text (&m->line_date);
      amount = money (r, m->line_amount);
      score = g_strdup_printf ("%d", m->score);
      when = timestamp_text (m->accepted_at);
      add_row (rows, date, amount, m->line_text != NULL ? m->line_text : "",
               m->matched_to != NULL ? m->matched_to : "", score,
               m->automatic ? _("Automatic") : _("Confirmed"), when, NULL);
    }
  total = money (r, matched->sum);
  /* Translators: the total row of a table of matched bank lines, "Total: 12 lines" */
  count = g_strdup_printf (ngettext ("Total: %u line", "Total: %u lines", matched->count),
                           matched->count);
  add_row (rows, count, total, "", "", "", "", "", NULL);
  settle_report_document_add_table (r->doc, G_N_ELEMENTS (headers), headers, align, rows, TRUE);
}

/* Matches accepted and undone later, for the audit trail. */
static void
add_undone (Report    *r,
            GPtrArray *matches)
{
  static const SettleReportAlign align[] = {
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_RIGHT, SETTLE_REPORT_ALIGN_LEFT,
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_LEFT,
  };
  const char *headers[] = { _("Date"), _("Amount"), _("Was matched to"), _("Accepted"),
                            _("Undone") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < matches->len; i++)
    {
      const SettleMatchRecord *m = g_ptr_array_index (matches, i);
      g_autofree char *date = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *accepted = NULL;
      g_autofree char *undone = NULL;

      if (m->undone_at == NULL)
        continue;
      date = date_text (&m->line_date);
      amount = money (r, m->line_amount);
      accepted = timestamp_text (m->accepted_at);
      undone = timestamp_text (m->undone_at);
      add_row (rows, date, amount, m->matched_to != NULL ? m->matched_to : "", accepted, undone,
               NULL);
    }
  if (rows->len == 0)
    return;
  settle_report_document_add_heading (r->doc, _("Undone matches"));
  settle_report_document_add_table (r->doc, G_N_ELEMENTS (headers), headers, align, rows, FALSE);
}

/* The lines with status (and sign: 1 money in, -1 money out, 0 either), and their total. */
static void
add_lines (Report      *r,
           GPtrArray   *lines,
           const char  *status,
           int          sign,
           const char  *heading,
           const char  *empty,
           const Tally *t)
{
  static const SettleReportAlign align[] = {
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_RIGHT, SETTLE_REPORT_ALIGN_LEFT,
    SETTLE_REPORT_ALIGN_LEFT,
  };
  const char *headers[] = { _("Date"), _("Amount"), _("Payer and description"), _("Reference") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *total = NULL;
  g_autofree char *count = NULL;

  settle_report_document_add_heading (r->doc, heading);
  if (t->count == 0)
    {
      settle_report_document_add_paragraph (r->doc, empty);
      return;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const SettleStatementLineRow *row = g_ptr_array_index (lines, i);
      g_autofree char *date = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *text = NULL;

      if (g_strcmp0 (row->status, status) != 0 || (sign > 0 && row->amount <= 0) ||
          (sign < 0 && row->amount > 0))
        continue;
      date = date_text (&row->date);
      amount = money (r, row->amount);
      text = line_text (row);
      add_row (rows, date, amount, text, row->reference != NULL ? row->reference : "", NULL);
    }
  total = money (r, t->sum);
  count = g_strdup_printf (ngettext ("Total: %u line", "Total: %u lines", t->count), t->count);
  add_row (rows, count, total, "", "", NULL);
  settle_report_document_add_table (r->doc, G_N_ELEMENTS (headers), headers, align, rows, TRUE);
}

static void
add_totals (Report      *r,
            const Tally *matched,
            const Tally *open,
            const Tally *out,
            const Tally *skipped)
{
  static const SettleReportAlign align[] = {
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_RIGHT, SETTLE_REPORT_ALIGN_RIGHT,
  };
  const char *headers[] = { _("Status"), _("Lines"), _("Amount") };
  const struct { const char *label; const Tally *t; } parts[] = {
    { _("Matched"), matched }, { _("Open deposits"), open }, { _("Money out"), out },
    { _("Skipped"), skipped },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  Tally all = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", parts[i].t->count);
      g_autofree char *sum = money (r, parts[i].t->sum);

      all.count += parts[i].t->count;
      all.sum += parts[i].t->sum;
      add_row (rows, parts[i].label, count, sum, NULL);
    }
  {
    g_autofree char *count = g_strdup_printf ("%u", all.count);
    g_autofree char *sum = money (r, all.sum);

    add_row (rows, _("All lines"), count, sum, NULL);
  }
  settle_report_document_add_heading (r->doc, _("Totals"));
  settle_report_document_add_table (r->doc, G_N_ELEMENTS (headers), headers, align, rows, TRUE);
}

/* The book's balance before the first line and after the last one (the opening balance
 * of the first statement plus every line up to that day), and the bank's closing balance
 * against the book's on the same day. */
static gboolean
add_balances (Report       *r,
              SettleBook   *book,
              SettleId      account_id,
              const GDate  *first,
              const GDate  *last,
              gint64        money_in,
              gint64        money_out,
              GError      **error)
{
  static const SettleReportAlign align[] = {
    SETTLE_REPORT_ALIGN_LEFT, SETTLE_REPORT_ALIGN_RIGHT,
  };
  const char *headers[] = { _("Balance"), _("Amount") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *first_text = date_text (first);
  g_autofree char *last_text = date_text (last);
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  gboolean has_closing = FALSE;
  gint64 opening = 0, closing = 0, statement = 0, book_then = 0;
  GDate closing_date;

  if (g_date_valid (first))
    {
      GDate before = *first;

      g_date_subtract_days (&before, 1);
      if (!settle_bank_account_balance (book, account_id, &before, &opening, error) ||
          !settle_bank_account_balance (book, account_id, last, &closing, error))
        return FALSE;
    }
  else if (!settle_bank_account_balance (book, account_id, NULL, &closing, error))
    return FALSE;
  else
    opening = closing;
  if (!settle_bank_account_last_closing (book, account_id, &has_closing, &statement,
                                         &closing_date, error))
    return FALSE;
  if (has_closing && !settle_bank_account_balance (book, account_id,
                                                   g_date_valid (&closing_date) ? &closing_date
                                                                                : NULL,
                                                   &book_then, error))
    return FALSE;

  settle_report_document_add_heading (r->doc, _("Balances"));
  /* Translators: %s is a date */
  label = g_strdup_printf (_("Opening balance per book, %s"), first_text);
  text = money (r, opening);
  add_row (rows, label, text, NULL);
  g_clear_pointer (&text, g_free);
  text = money (r, money_in);
  add_row (rows, _("Money in"), text, NULL);
  g_clear_pointer (&text, g_free);
  text = money (r, money_out);
  add_row (rows, _("Money out"), text, NULL);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&label, g_free);
  /* Translators: %s is a date */
  label = g_strdup_printf (_("Closing balance per book, %s"), last_text);
  text = money (r, closing);
  add_row (rows, label, text, NULL);
  if (has_closing)
    {
      g_autofree char *when = date_text (&closing_date);

      g_clear_pointer (&text, g_free);
      g_clear_pointer (&label, g_free);
      /* Translators: %s is a date */
      label = g_strdup_printf (_("Closing balance per bank statement, %s"), when);
      text = money (r, statement);
      add_row (rows, label, text, NULL);
      g_clear_pointer (&text, g_free);
      g_clear_pointer (&label, g_free);
      /* Translators: %s is a date */
      label = g_strdup_printf (_("Balance per book, %s"), when);
      text = money (r, book_then);
      add_row (rows, label, text, NULL);
      g_clear_pointer (&text, g_free);
      text = money (r, book_then - statement);
      add_row (rows, _("Difference (book − bank)"), text, NULL);
    }
  settle_report_document_add_table (r->doc, G_N_ELEMENTS (headers), headers, align, rows,
                                    has_closing);
  if (!has_closing)
    settle_report_document_add_paragraph (r->doc,
                                          _("The bank's statements give no closing balance "
                                            "to compare the book with."));
  else if (book_then != statement)
    settle_report_document_add_paragraph (r->doc,
                                          _("The book and the bank disagree: a line may be "
                                            "missing from the imported statements, or the "
                                            "first statement gave no opening balance."));
  return TRUE;
}

gboolean
settle_reconcile_write_pdf (SettleBook  *book,
                            SettleId     bank_account_id,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(SettleBankAccount) account = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(SettleReportDocument) doc = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  Tally matched = { 0 }, open = { 0 }, out = { 0 }, skipped = { 0 };
  gint64 money_in = 0, money_out = 0;
  GDate first, last;
  Report r;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (bank_account_id > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  account = settle_bank_account_load (book, bank_account_id, error);
  if (account == NULL)
    return FALSE;
  lines = settle_reconcile_list_lines (book, bank_account_id, NULL, error);
  if (lines == NULL)
    return FALSE;
  matches = settle_reconcile_list_matches (book, bank_account_id, error);
  if (matches == NULL)
    return FALSE;

  r.currency = account->currency;
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  for (guint i = 0; i < lines->len; i++)
    {
      const SettleStatementLineRow *row = g_ptr_array_index (lines, i);

      if (r.currency[0] == '\0')
        r.currency = row->currency;
      if (!g_date_valid (&first) || g_date_compare (&row->date, &first) < 0)
        first = row->date;
      if (!g_date_valid (&last) || g_date_compare (&row->date, &last) > 0)
        last = row->date;
      if (row->amount > 0)
        money_in += row->amount;
      else
        money_out += row->amount;
      if (g_strcmp0 (row->status, "matched") == 0)
        tally (&matched, row->amount);
      else if (g_strcmp0 (row->status, "skipped") == 0)
        tally (&skipped, row->amount);
      else if (row->amount > 0)
        tally (&open, row->amount);
      else
        tally (&out, row->amount);
    }

  first_text = date_text (&first);
  last_text = date_text (&last);
  /* Translators: the report's subtitle: an account, then a period of dates */
  subtitle = g_strdup_printf (_("%s · %s – %s"), account->name, first_text, last_text);
  doc = settle_report_document_new (book, _("Bank reconciliation"), subtitle);
  r.doc = doc;

  {
    g_autofree char *n_matched = g_strdup_printf ("%u", matched.count);
    g_autofree char *n_open = g_strdup_printf ("%u", open.count);
    g_autofree char *n_out = g_strdup_printf ("%u", out.count);
    g_autofree char *n_skipped = g_strdup_printf ("%u", skipped.count);
    const char *labels[] = { _("Matched"), _("Open deposits"), _("Money out"), _("Skipped") };
    const char *values[] = { n_matched, n_open, n_out, n_skipped };

    settle_report_document_add_figures (doc, G_N_ELEMENTS (labels), labels, values);
  }

  if (!add_balances (&r, book, bank_account_id, &first, &last, money_in, money_out, error))
    return FALSE;
  /* The totals come before the long tables: on a big statement they are many pages on. */
  add_totals (&r, &matched, &open, &out, &skipped);
  add_matched (&r, matches, &matched);
  add_lines (&r, lines, "open", 1, _("Open deposits"),
             _("Every deposit is matched or skipped."), &open);
  add_lines (&r, lines, "open", -1, _("Money out"), _("No money went out."), &out);
  add_lines (&r, lines, "skipped", 0, _("Skipped lines"), _("No line was skipped."), &skipped);
  add_undone (&r, matches);

  return settle_report_document_write_pdf (doc, path, error);
}
