/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "settle-bank.h"
#include "settle-book.h"
#include "settle-money.h"
#include "settle-reconcile.h"
#include "settle-reconcile-csv.h"
#include "settle-reconcile-pdf.h"
#include "settle-report-csv.h"
#include "settle-cli.h"

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  settle_cli_progress (user_data, done, total, _("Matching: %u of %u lines"), done, total);
}

/* What a suggestion would record, in a few words: "INV-0042, INV-0043 (Acme)". */
static char *
describe (const SettleMatchSuggestion *s)
{
  g_autoptr(GString) text = g_string_new (NULL);

  switch (s->kind)
    {
    case SETTLE_MATCH_INVOICES:
      for (guint i = 0; s->allocations != NULL && i < s->allocations->len; i++)
        {
          const SettleMatchAllocation *a = &g_array_index (s->allocations,
                                                           SettleMatchAllocation, i);

          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, a->number != NULL ? a->number : "?");
        }
      break;
    case SETTLE_MATCH_PAYOUT:
      {
        guint n = s->charge_ids != NULL ? s->charge_ids->len : 0;

        /* Translators: a bank line matched to a processor payout */
        g_string_append_printf (text, ngettext ("payout of %u charge", "payout of %u charges", n),
                                n);
      }
      break;
    case SETTLE_MATCH_PAYMENT:
      /* Translators: a bank line matched to a payment recorded by hand; the number is its id */
      g_string_append_printf (text, _("payment %" PRId64), s->payment_id);
      break;
    default:
      g_assert_not_reached ();
    }
  if (s->client_name != NULL && s->client_name[0] != '\0')
    g_string_append_printf (text, " (%s)", s->client_name);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The lines this run looked at: those it has a suggestion for (accepted or not) and the
 * money-in lines still open. */
static gboolean
shown (const SettleStatementLineRow *row,
       GHashTable                   *best)
{
  return g_hash_table_contains (best, &row->id) ||
         (row->amount > 0 && g_strcmp0 (row->status, "open") == 0);
}

static const char *
result_label (const SettleStatementLineRow *row,
              const SettleMatchSuggestion  *s)
{
  if (g_strcmp0 (row->status, "matched") == 0)
    return _("accepted");
  return s != NULL ? _("suggested") : _("no match");
}

static const char *
result_name (const SettleStatementLineRow *row,
             const SettleMatchSuggestion  *s)
{
  if (g_strcmp0 (row->status, "matched") == 0)
    return "accepted";
  return s != NULL ? "suggested" : "unmatched";
}

static void
print_summary (const SettleReconcileSummary *summary)
{
  /* Translators: the start of "Reconciliation: 40 open lines, 35 accepted automatically, …" */
  g_print (ngettext ("Reconciliation: %u open line, ", "Reconciliation: %u open lines, ",
                     summary->lines), summary->lines);
  /* Translators: the rest of "Reconciliation: 40 open lines, 35 accepted automatically,
   * 3 with a suggestion, 2 without" */
  g_print (_("%u accepted automatically, %u with a suggestion, %u without\n"),
           summary->auto_accepted, summary->suggested, summary->unmatched);
}

static void
print_table (const SettleReconcileSummary *summary,
             GPtrArray                    *lines,
             GHashTable                   *best)
{
  gboolean any = FALSE;

  print_summary (summary);
  for (guint i = 0; i < lines->len; i++)
    {
      const SettleStatementLineRow *row = g_ptr_array_index (lines, i);
      const SettleMatchSuggestion *s = g_hash_table_lookup (best, &row->id);
      g_autofree char *date = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *match = NULL;
      g_autofree char *score = NULL;
      const char *payer;

      if (!shown (row, best))
        continue;
      if (!any)
        {
          g_print ("\n");
          settle_cli_print_padded (_("Date"), 10);
          settle_cli_print_right (_("Amount"), 14);
          settle_cli_print_padded (_("Payer"), 22);
          settle_cli_print_padded (_("Result"), 13);
          settle_cli_print_padded (_("Suggested match"), 30);
          settle_cli_print_right (_("Score"), 6);
          g_print ("%s\n", _("Reasons"));
          any = TRUE;
        }
      date = settle_date_to_iso (&row->date);
      amount = settle_money_format (settle_money_init (row->amount, row->currency));
      match = s != NULL ? describe (s) : g_strdup ("—");
      score = s != NULL ? g_strdup_printf ("%d", s->score) : g_strdup ("");
      payer = row->payer_name != NULL && row->payer_name[0] != '\0' ? row->payer_name
              : row->description != NULL ? row->description : "";
      settle_cli_print_padded (date, 10);
      settle_cli_print_right (amount, 14);
      settle_cli_print_padded (payer, 22);
      settle_cli_print_padded (result_label (row, s), 13);
      settle_cli_print_padded (match, 30);
      settle_cli_print_right (score, 6);
      g_print ("%s\n", s != NULL && s->reasons != NULL ? s->reasons : "");
    }
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_suggestion (JsonBuilder                 *b,
                const SettleMatchSuggestion *s,
                const char                  *currency)
{
  g_autofree char *fees = settle_money_to_plain (settle_money_init (s->fees, currency));

  json_builder_begin_object (b);
  add_string (b, "kind", settle_match_kind_to_string (s->kind));
  json_builder_set_member_name (b, "client_id");
  json_builder_add_int_value (b, s->client_id);
  add_string (b, "client", s->client_name);
  json_builder_set_member_name (b, "invoices");
  json_builder_begin_array (b);
  for (guint i = 0; s->allocations != NULL && i < s->allocations->len; i++)
    {
      const SettleMatchAllocation *a = &g_array_index (s->allocations, SettleMatchAllocation, i);
      g_autofree char *amount = settle_money_to_plain (settle_money_init (a->amount, currency));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "invoice_id");
      json_builder_add_int_value (b, a->invoice_id);
      add_string (b, "number", a->number);
      add_string (b, "amount", amount);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "charges");
  json_builder_add_int_value (b, s->charge_ids != NULL ? s->charge_ids->len : 0);
  json_builder_set_member_name (b, "payment_id");
  json_builder_add_int_value (b, s->payment_id);
  add_string (b, "fees", fees);
  json_builder_set_member_name (b, "score");
  json_builder_add_int_value (b, s->score);
  add_string (b, "reasons", s->reasons);
  json_builder_end_object (b);
}

static void
print_json (const SettleReconcileSummary *summary,
            GPtrArray                    *lines,
            GHashTable                   *best)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "lines");
  json_builder_add_int_value (b, summary->lines);
  json_builder_set_member_name (b, "auto_accepted");
  json_builder_add_int_value (b, summary->auto_accepted);
  json_builder_set_member_name (b, "suggested");
  json_builder_add_int_value (b, summary->suggested);
  json_builder_set_member_name (b, "unmatched");
  json_builder_add_int_value (b, summary->unmatched);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint i = 0; i < lines->len; i++)
    {
      const SettleStatementLineRow *row = g_ptr_array_index (lines, i);
      const SettleMatchSuggestion *s = g_hash_table_lookup (best, &row->id);
      g_autofree char *date = NULL;
      g_autofree char *amount = NULL;

      if (!shown (row, best))
        continue;
      date = settle_date_to_iso (&row->date);
      amount = settle_money_to_plain (settle_money_init (row->amount, row->currency));
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "line_id");
      json_builder_add_int_value (b, row->id);
      json_builder_set_member_name (b, "bank_account_id");
      json_builder_add_int_value (b, row->bank_account_id);
      add_string (b, "date", date);
      add_string (b, "amount", amount);
      add_string (b, "currency", row->currency);
      add_string (b, "payer", row->payer_name);
      add_string (b, "reference", row->reference);
      add_string (b, "description", row->description);
      add_string (b, "result", result_name (row, s));
      json_builder_set_member_name (b, "match_id");
      json_builder_add_int_value (b, row->match_id);
      json_builder_set_member_name (b, "suggestion");
      if (s != NULL)
        add_suggestion (b, s, row->currency);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  settle_cli_print_json (b);
}

/* The account the report is for: the one given, else the book's only one. */
static SettleId
report_account (SettleBook  *book,
                SettleId     account_id,
                GError     **error)
{
  g_autoptr(GPtrArray) accounts = NULL;

  if (account_id != 0)
    return account_id;
  accounts = settle_bank_account_list (book, error);
  if (accounts == NULL)
    return 0;
  if (accounts->len == 1)
    return ((SettleBankAccount *) g_ptr_array_index (accounts, 0))->id;
  if (accounts->len == 0)
    g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                         _("The book has no bank account yet: import a statement first"));
  else
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                 _("The book has %u bank accounts: choose the report's with --account"),
                 accounts->len);
  return 0;
}

static gboolean
write_report (SettleBook  *book,
              SettleId     account_id,
              const char  *path,
              GError     **error)
{
  SettleId id = report_account (book, account_id, error);

  if (id == 0)
    return FALSE;
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    {
      g_autofree char *csv = settle_reconcile_to_csv (book, id, error);

      return csv != NULL && settle_report_csv_write (csv, path, error);
    }
  return settle_reconcile_write_pdf (book, id, path, error);
}

/* Saves the threshold on the account, or on every account when none is given. */
static gboolean
set_threshold (SettleBook  *book,
               SettleId     account_id,
               int          threshold,
               GError     **error)
{
  g_autoptr(GPtrArray) accounts = NULL;

  if (account_id != 0)
    return settle_bank_account_set_auto_accept (book, account_id, threshold, error);
  accounts = settle_bank_account_list (book, error);
  if (accounts == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      const SettleBankAccount *a = g_ptr_array_index (accounts, i);

      if (!settle_bank_account_set_auto_accept (book, a->id, threshold, error))
        return FALSE;
    }
  return TRUE;
}

/* settle-cli reconcile BOOK [--account ID] [--auto] [--threshold N] [--format table|json]
 *                           [--report FILE.pdf|FILE.csv] */
int
settle_cli_reconcile (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_autoptr(GHashTable) suggestions = NULL;
  g_autoptr(GHashTable) best = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *format = NULL;
  g_autofree char *report = NULL;
  gboolean auto_accept = FALSE;
  gint64 account_id = 0;
  int threshold = -1;
  SettleReconcileSummary summary = { 0 };
  gint64 last = 0;
  GHashTableIter iter;
  gpointer value;
  GOptionEntry entries[] = {
    { "account", 'a', 0, G_OPTION_ARG_INT64, &account_id,
      N_("Only the lines of this bank account (default: every account)"), N_("ID") },
    { "auto", 0, 0, G_OPTION_ARG_NONE, &auto_accept,
      N_("Accept every suggestion that scores at least the account's threshold"), NULL },
    { "threshold", 't', 0, G_OPTION_ARG_INT, &threshold,
      N_("Save N (0–100, 101 = never) as the score from which suggestions are accepted "
         "automatically, for the account given or every account; it stays for later runs "
         "and the window"), "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("table (default) or json"),
      N_("FORMAT") },
    { "report", 'r', 0, G_OPTION_ARG_FILENAME, &report,
      N_("Also write the reconciliation report, as PDF or (name ending in .csv) CSV"),
      N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — match bank lines to invoices"));
  g_option_context_set_summary (context,
    _("Finds, for every open money-in line of the imported statements, the invoices, payout "
      "or payment it most likely pays, with a score from 0 to 100 and the reasons. With "
      "--auto, the suggestions scoring at least the account's threshold (90 unless set) are "
      "accepted: the payments are recorded and applied."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 1))
    return SETTLE_CLI_USAGE;
  if (!settle_cli_check_format (format, FALSE, NULL))
    return SETTLE_CLI_USAGE;
  if (!settle_cli_check_account (account_id))
    return SETTLE_CLI_USAGE;
  if (threshold != -1 && (threshold < 0 || threshold > 101))
    {
      g_printerr (_("settle-cli: --threshold: %d is not a score from 0 to 100 (or 101 for "
                    "never)\n"), threshold);
      return SETTLE_CLI_USAGE;
    }

  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;
  if (account_id != 0)
    {
      g_autoptr(SettleBankAccount) account = settle_bank_account_load (book, account_id, &error);

      if (account == NULL)
        return settle_cli_fail (error);
    }
  if (threshold != -1 && !set_threshold (book, account_id, threshold, &error))
    return settle_cli_fail (error);
  if (!settle_reconcile_run (book, account_id, auto_accept, &summary, &suggestions,
                             isatty (STDERR_FILENO) ? on_progress : NULL, &last, &error))
    return settle_cli_fail (error);

  /* By line id, whatever the run keys its table with. */
  best = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (suggestions != NULL)
    {
      g_hash_table_iter_init (&iter, suggestions);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          SettleMatchSuggestion *s = value;

          g_hash_table_insert (best, &s->line_id, s);
        }
    }
  lines = settle_reconcile_list_lines (book, account_id, NULL, &error);
  if (lines == NULL)
    return settle_cli_fail (error);
  if (g_strcmp0 (format, "json") == 0)
    print_json (&summary, lines, best);
  else
    print_table (&summary, lines, best);

  if (report != NULL)
    {
      g_autofree char *name = g_filename_display_name (report);

      if (!write_report (book, account_id, report, &error))
        return settle_cli_fail (error);
      if (g_strcmp0 (format, "json") != 0)
        g_print (_("Report written to %s\n"), name);
    }
  return SETTLE_CLI_OK;
}
