/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "settle-book.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-money.h"
#include "settle-payment-surcharge.h"
#include "settle-payment.h"
#include "settle-refund.h"
#include "settle-cli.h"

typedef struct
{
  char    *client_text;
  char    *amount_text;
  char    *method_text;
  char    *date_text;
  char    *reference;
  char    *fee_text;
  char   **invoices;
  gboolean pending;
  char    *funding_text;
  char    *reverse_text;
  char    *settle_text;
  char    *nsf_text;
  char    *reason;
  char    *refund_text;
  gboolean apply_credit;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->client_text);
  g_free (o->amount_text);
  g_free (o->method_text);
  g_free (o->date_text);
  g_free (o->reference);
  g_free (o->fee_text);
  g_strfreev (o->invoices);
  g_free (o->funding_text);
  g_free (o->reverse_text);
  g_free (o->settle_text);
  g_free (o->nsf_text);
  g_free (o->reason);
  g_free (o->refund_text);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
usage (const char *option,
       const char *message)
{
  g_printerr ("settle-cli: %s: %s\n", option, message);
  return SETTLE_CLI_USAGE;
}

static gboolean
parse_id (const char *text,
          SettleId   *id)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *id = (SettleId) v;
  return TRUE;
}

static gboolean
parse_amount (const char *text,
              const char *currency,
              gint64     *amount,
              GError    **error)
{
  SettleMoney m;

  if (!settle_money_parse_plain (text, currency, &m, error))
    return FALSE;
  *amount = m.amount;
  return TRUE;
}

static void
print_invoice_state (SettleBook *book,
                     SettleId    invoice_id)
{
  g_autoptr(SettleInvoice) inv = settle_invoice_load (book, invoice_id, NULL);
  g_autofree char *paid = NULL;
  g_autofree char *bal = NULL;

  if (inv == NULL)
    return;
  paid = settle_money_format (settle_money_init (inv->amount_paid, inv->currency));
  bal = settle_money_format (settle_money_init (settle_invoice_get_balance (inv), inv->currency));
  /* Translators: "INV-000012: Partially paid, paid $100.00, balance $20.00" */
  g_print (_("%s: %s, paid %s, balance %s\n"), inv->number, settle_invoice_status_label (inv->status),
           paid, bal);
}

/* What the payment became: its state, the invoices it paid, what is left as credit. */
static void
print_payment (SettleBook *book,
               SettleId    payment_id,
               SettleId    surcharge_id)
{
  g_autoptr(SettlePayment) p = settle_payment_load (book, payment_id, NULL);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *left = NULL;

  if (p == NULL)
    return;
  amount = settle_money_format (settle_money_init (p->amount, p->currency));
  /* Translators: "Payment 12 recorded: $120.00 by Check" */
  g_print (_("Payment %" PRId64 " recorded: %s by %s\n"), p->id, amount,
           settle_payment_method_label (p->method));
  if (p->status == SETTLE_PAYMENT_PENDING)
    {
      g_print (_("Pending: it is applied when it settles (settle-cli pay BOOK --settle %"
                 PRId64 ")\n"), p->id);
      return;
    }
  if (surcharge_id != 0)
    {
      g_print (_("Card surcharge invoice:\n"));
      print_invoice_state (book, surcharge_id);
    }
  ids = settle_payment_list_invoices (book, payment_id, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      SettleId id = g_array_index (ids, SettleId, i);

      if (id != surcharge_id)
        print_invoice_state (book, id);
    }
  left = settle_money_format (settle_money_init (settle_payment_get_unapplied (p), p->currency));
  if (settle_payment_get_unapplied (p) > 0)
    g_print (_("%s stays as the client's credit\n"), left);
}

static int
run_reverse (SettleBook    *book,
             const Options *o,
             const GDate   *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettlePayment) p = NULL;
  SettleId id, nsf_id = 0;
  gint64 fee = 0;

  if (!parse_id (o->reverse_text, &id))
    return usage ("--reverse", _("expected a payment id such as 12"));
  p = settle_payment_load (book, id, &error);
  if (p == NULL)
    return settle_cli_fail (error);
  if (o->nsf_text != NULL && !parse_amount (o->nsf_text, p->currency, &fee, &error))
    {
      g_printerr ("settle-cli: --nsf-fee: %s\n", error->message);
      return SETTLE_CLI_USAGE;
    }
  if (!settle_payment_reverse (book, id, date, o->reason, fee, &nsf_id, &error))
    return settle_cli_fail (error);
  g_print (_("Payment %" PRId64 " reversed\n"), id);
  if (nsf_id != 0)
    {
      g_print (_("Returned payment fee invoice:\n"));
      print_invoice_state (book, nsf_id);
    }
  return SETTLE_CLI_OK;
}

static int
run_settle (SettleBook    *book,
            const Options *o,
            const GDate   *date)
{
  g_autoptr(GError) error = NULL;
  SettleId id;

  if (!parse_id (o->settle_text, &id))
    return usage ("--settle", _("expected a payment id such as 12"));
  if (!settle_payment_mark_settled (book, id, date, &error))
    return settle_cli_fail (error);
  g_print (_("Payment %" PRId64 " settled\n"), id);
  print_payment (book, id, 0);
  return SETTLE_CLI_OK;
}

static int
run_refund (SettleBook    *book,
            const Options *o,
            const GDate   *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(SettleRefund) r = settle_refund_new ();
  g_autofree char *amount = NULL;
  g_autofree char *left = NULL;
  SettleId client_id;
  gint64 credit = 0;

  if (!parse_id (o->client_text, &client_id))
    return usage ("--client", _("expected a client id such as 3"));
  if (o->method_text != NULL && !settle_payment_method_from_string (o->method_text, &r->method))
    return usage ("--method", _("expected one of ach, card, check, wire, cash, financing"));
  client = settle_client_load (book, client_id, &error);
  if (client == NULL)
    return settle_cli_fail (error);
  r->client_id = client_id;
  r->date = *date;
  g_strlcpy (r->currency, client->currency, sizeof r->currency);
  g_free (r->reference);
  r->reference = g_strdup (o->reference ? o->reference : "");
  if (!parse_amount (o->refund_text, r->currency, &r->amount, &error))
    {
      g_printerr ("settle-cli: --refund: %s\n", error->message);
      return SETTLE_CLI_USAGE;
    }
  if (!settle_refund_record (book, r, &error))
    return settle_cli_fail (error);
  if (!settle_client_get_available_credit (book, client_id, &credit, &error))
    return settle_cli_fail (error);
  amount = settle_money_format (settle_money_init (r->amount, r->currency));
  left = settle_money_format (settle_money_init (credit, r->currency));
  /* Translators: "Refunded $50.00 to Acme by Check; credit left $0.00" */
  g_print (_("Refunded %s to %s by %s; credit left %s\n"), amount, client->name,
           settle_payment_method_label (r->method), left);
  return SETTLE_CLI_OK;
}

static int
run_apply_credit (SettleBook    *book,
                  const Options *o,
                  const GDate   *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (SettleId));
  g_autofree char *total_text = NULL;
  SettleId client_id;
  gint64 total = 0, applied = 0;

  if (!parse_id (o->client_text, &client_id))
    return usage ("--client", _("expected a client id such as 3"));
  client = settle_client_load (book, client_id, &error);
  if (client == NULL)
    return settle_cli_fail (error);
  if (!settle_book_begin (book, &error))
    return settle_cli_fail (error);
  if (o->invoices == NULL || o->invoices[0] == NULL)
    {
      if (!settle_client_apply_credit (book, client_id, 0, 0, date, &total, &error))
        goto fail;
    }
  for (guint i = 0; o->invoices != NULL && o->invoices[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (o->invoices[i], "=", 2);
      g_autoptr(SettleInvoice) inv = settle_invoice_load_by_number (book, parts[0], &error);
      gint64 amount = 0;

      if (inv == NULL)
        goto fail;
      if (parts[1] != NULL && !parse_amount (parts[1], client->currency, &amount, &error))
        {
          settle_book_rollback (book);
          g_printerr ("settle-cli: --invoice %s: %s\n", parts[0], error->message);
          return SETTLE_CLI_USAGE;
        }
      if (!settle_client_apply_credit (book, client_id, inv->id, amount, date, &applied, &error))
        goto fail;
      total += applied;
      g_array_append_val (touched, inv->id);
    }
  if (!settle_book_commit (book, &error))
    return settle_cli_fail (error);
  total_text = settle_money_format (settle_money_init (total, client->currency));
  g_print (_("Applied %s of %s's credit\n"), total_text, client->name);
  for (guint i = 0; i < touched->len; i++)
    print_invoice_state (book, g_array_index (touched, SettleId, i));
  return SETTLE_CLI_OK;

fail:
  settle_book_rollback (book);
  return settle_cli_fail (error);
}

static int
run_record (SettleBook    *book,
            const Options *o,
            const GDate   *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(SettlePayment) p = settle_payment_new ();
  g_autoptr(GArray) split = g_array_new (FALSE, FALSE, sizeof (SettleAllocation));
  g_autofree char *warning = NULL;
  SettleCardFunding funding = SETTLE_CARD_FUNDING_UNKNOWN;
  SettleId client_id, surcharge_id = 0;

  if (!parse_id (o->client_text, &client_id))
    return usage ("--client", _("expected a client id such as 3"));
  if (o->amount_text == NULL)
    return usage ("--amount", _("the amount received is required, e.g. --amount 120.00"));
  if (o->method_text == NULL || !settle_payment_method_from_string (o->method_text, &p->method))
    return usage ("--method", _("expected one of ach, card, check, wire, cash, financing"));
  if (o->funding_text != NULL)
    {
      if (g_str_equal (o->funding_text, "credit"))
        funding = SETTLE_CARD_FUNDING_CREDIT;
      else if (g_str_equal (o->funding_text, "debit"))
        funding = SETTLE_CARD_FUNDING_DEBIT;
      else if (g_str_equal (o->funding_text, "prepaid"))
        funding = SETTLE_CARD_FUNDING_PREPAID;
      else
        return usage ("--funding", _("expected credit, debit or prepaid"));
    }

  client = settle_client_load (book, client_id, &error);
  if (client == NULL)
    return settle_cli_fail (error);
  p->client_id = client_id;
  p->date = *date;
  g_strlcpy (p->currency, client->currency, sizeof p->currency);
  g_free (p->reference);
  p->reference = g_strdup (o->reference ? o->reference : "");
  p->status = o->pending ? SETTLE_PAYMENT_PENDING : SETTLE_PAYMENT_SETTLED;
  if (!parse_amount (o->amount_text, p->currency, &p->amount, &error))
    {
      g_printerr ("settle-cli: --amount: %s\n", error->message);
      return SETTLE_CLI_USAGE;
    }
  if (o->fee_text != NULL && !parse_amount (o->fee_text, p->currency, &p->fee, &error))
    {
      g_printerr ("settle-cli: --fee: %s\n", error->message);
      return SETTLE_CLI_USAGE;
    }

  /* --invoice NUMBER[=AMOUNT]: without an amount, the invoice's whole balance. */
  for (guint i = 0; o->invoices != NULL && o->invoices[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (o->invoices[i], "=", 2);
      g_autoptr(SettleInvoice) inv = settle_invoice_load_by_number (book, parts[0], &error);
      SettleAllocation a;

      if (inv == NULL)
        {
          g_printerr ("settle-cli: --invoice: %s\n", error->message);
          return SETTLE_CLI_FAILED;
        }
      a.invoice_id = inv->id;
      a.amount = settle_invoice_get_balance (inv);
      if (parts[1] != NULL && !parse_amount (parts[1], p->currency, &a.amount, &error))
        {
          g_printerr ("settle-cli: --invoice %s: %s\n", parts[0], error->message);
          return SETTLE_CLI_USAGE;
        }
      g_array_append_val (split, a);
    }

  /* One transaction: a refused allocation leaves no payment behind. */
  if (!settle_book_begin (book, &error))
    return settle_cli_fail (error);
  if (p->method == SETTLE_PAYMENT_CARD)
    {
      if (!settle_payment_record_card (book, p, funding, &surcharge_id, &warning, &error))
        goto fail;
    }
  else if (!settle_payment_record (book, p, &error))
    goto fail;
  if (split->len > 0)
    {
      if (!settle_payment_allocate_manual (book, p->id, (SettleAllocation *) split->data, split->len,
                                           &error))
        goto fail;
    }
  else if (!settle_payment_allocate (book, p->id, &error))
    goto fail;
  if (!settle_book_commit (book, &error))
    return settle_cli_fail (error);

  if (warning != NULL)
    g_printerr (_("settle-cli: warning: %s\n"), warning);
  print_payment (book, p->id, surcharge_id);
  return SETTLE_CLI_OK;

fail:
  settle_book_rollback (book);
  return settle_cli_fail (error);
}

int
settle_cli_pay (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleBook) book = NULL;
  g_auto(Options) o = { NULL };
  GDate date;
  int modes;
  GOptionEntry entries[] = {
    { "client", 'c', 0, G_OPTION_ARG_STRING, &o.client_text, N_("The paying client's id"), "ID" },
    { "amount", 'a', 0, G_OPTION_ARG_STRING, &o.amount_text, N_("Amount received, e.g. 120.00"),
      "AMOUNT" },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &o.method_text,
      N_("ach, card, check, wire, cash or financing"), "METHOD" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &o.date_text,
      N_("Date received (settled, reversed), YYYY-MM-DD (default today)"), "DATE" },
    { "reference", 'r', 0, G_OPTION_ARG_STRING, &o.reference,
      N_("Check number, ACH trace or processor reference"), "REF" },
    { "fee", 0, 0, G_OPTION_ARG_STRING, &o.fee_text, N_("Processor fee kept from the amount"),
      "AMOUNT" },
    { "invoice", 'i', 0, G_OPTION_ARG_STRING_ARRAY, &o.invoices,
      N_("Apply to this invoice (its whole balance, or AMOUNT); repeat for several. Without it: "
         "oldest due first"),
      "NUMBER[=AMOUNT]" },
    { "pending", 0, 0, G_OPTION_ARG_NONE, &o.pending,
      N_("An ACH payment not settled yet: applied when --settle is run"), NULL },
    { "funding", 0, 0, G_OPTION_ARG_STRING, &o.funding_text,
      N_("Card funding: credit, debit or prepaid (only credit cards carry a surcharge)"), "KIND" },
    { "reverse", 0, 0, G_OPTION_ARG_STRING, &o.reverse_text,
      N_("Reverse a payment (bounced check, returned ACH, chargeback)"), "PAYMENT-ID" },
    { "nsf-fee", 0, 0, G_OPTION_ARG_STRING, &o.nsf_text,
      N_("With --reverse: bill a returned payment fee"), "AMOUNT" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &o.reason, N_("With --reverse: why"), "TEXT" },
    { "settle", 0, 0, G_OPTION_ARG_STRING, &o.settle_text,
      N_("Mark a pending ACH payment settled and apply it"), "PAYMENT-ID" },
    { "refund", 0, 0, G_OPTION_ARG_STRING, &o.refund_text,
      N_("With --client: pay back this much of the client's credit (--method, --reference)"),
      "AMOUNT" },
    { "apply-credit", 0, 0, G_OPTION_ARG_NONE, &o.apply_credit,
      N_("With --client: apply the client's credit to --invoice, or oldest due first"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("BOOK — record, reverse or settle a payment"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!settle_cli_parse (context, &argc, &argv, 1))
    return SETTLE_CLI_USAGE;

  modes = (o.reverse_text != NULL) + (o.settle_text != NULL) + (o.client_text != NULL);
  if (modes != 1)
    {
      g_printerr (_("settle-cli: give exactly one of --client (record), --reverse or --settle\n"));
      return SETTLE_CLI_USAGE;
    }
  if (o.refund_text != NULL && o.apply_credit)
    return usage ("--refund", _("not with --apply-credit"));
  if ((o.refund_text != NULL || o.apply_credit) && o.amount_text != NULL)
    return usage ("--amount", _("not with --refund or --apply-credit"));
  if (o.nsf_text != NULL && o.reverse_text == NULL)
    return usage ("--nsf-fee", _("only with --reverse"));
  if (o.date_text == NULL)
    settle_today (&date);
  else if (!settle_date_parse (o.date_text, &date))
    {
      g_printerr (_("settle-cli: --date: “%s” is not a date like 2026-01-31\n"), o.date_text);
      return SETTLE_CLI_USAGE;
    }

  book = settle_cli_open_book (argv[1]);
  if (book == NULL)
    return SETTLE_CLI_FAILED;
  if (o.reverse_text != NULL)
    return run_reverse (book, &o, &date);
  if (o.settle_text != NULL)
    return run_settle (book, &o, &date);
  if (o.refund_text != NULL)
    return run_refund (book, &o, &date);
  if (o.apply_credit)
    return run_apply_credit (book, &o, &date);
  return run_record (book, &o, &date);
}
