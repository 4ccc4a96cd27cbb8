/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-collections-preferences.h"
#include "settle-format.h"
#include "settle-late-fee-store.h"
#include "settle-money.h"
#include "settle-payment-actions-private.h"
#include "settle-payment-surcharge.h"

typedef struct
{
  SettleForm *form;
  char        currency[4];
  GtkWidget  *kind;
  GtkWidget  *flat;
  GtkWidget  *rate;
  GtkWidget  *grace;
  GtkWidget  *frequency;
  GtkWidget  *every;
  GtkWidget  *minimum;
  GtkWidget  *cap;
  GtkWidget  *invoice_cap;
  GtkWidget  *stop;
  GtkWidget  *compound;
  GtkWidget  *sentence;
  GtkWidget  *surcharge_rate;
  GtkWidget  *surcharge_cap;
} PrefsData;

/* Combo positions: 0 = no late fees, then the kinds in their enum order. */
static const char *const kind_labels[] = {
  N_("No late fees"),
  N_("Flat amount"),
  N_("Percent of the overdue balance"),
  N_("Flat amount, then percent"),
  N_("Daily interest (annual rate)"),
  N_("Rate per period (average daily balance)"),
  NULL,
};

static const char *const frequency_labels[] = {
  N_("Once"),
  N_("Monthly"),
  N_("Every N days"),
  NULL,
};

char *
settle_late_fee_policy_sentence (const SettleLateFeePolicy *p,
                                 const char                *currency)
{
  g_autofree char *flat = settle_format_money (p->flat, currency);
  g_autofree char *rate = settle_format_rate (p->rate_bp);
  g_autofree char *fee = NULL;
  g_autofree char *when = NULL;
  GString *text;

  switch (p->kind)
    {
    case SETTLE_LATE_FEE_FLAT:
      fee = g_strdup (flat);
      break;
    case SETTLE_LATE_FEE_PERCENT:
      /* Translators: a late fee: "1.5 % of the overdue balance". */
      fee = g_strdup_printf (_("%s of the overdue balance"), rate);
      break;
    case SETTLE_LATE_FEE_FLAT_THEN_PERCENT:
      /* Translators: a late fee: "$25.00, then 1.5 % of the overdue balance". */
      fee = g_strdup_printf (_("%s, then %s of the overdue balance"), flat, rate);
      break;
    case SETTLE_LATE_FEE_DAILY_INTEREST:
      /* Translators: a late fee: "interest at 18 % a year, day by day". */
      fee = g_strdup_printf (_("interest at %s a year, day by day"), rate);
      break;
    case SETTLE_LATE_FEE_PERIOD_RATE:
    default:
      /* Translators: a late fee: "1.5 % of the average daily balance". */
      fee = g_strdup_printf (_("%s of the average daily balance"), rate);
      break;
    }
  if (p->frequency == SETTLE_LATE_FEE_ONCE)
    when = g_strdup (_("once"));
  else if (p->frequency == SETTLE_LATE_FEE_MONTHLY)
    when = g_strdup (_("each month"));
  else
    when = g_strdup_printf (ngettext ("every day", "every %d days", p->every_days),
                            p->every_days);
  text = g_string_new (NULL);
  /* Translators: fee, how often, and from when: "$25.00 once, from 5 days after the due date". */
  g_string_append_printf (text, ngettext ("%s %s, from %d day after the due date",
                                          "%s %s, from %d days after the due date",
                                          p->grace_days + 1),
                          fee, when, p->grace_days + 1);
  if (p->minimum > 0)
    {
      g_autofree char *m = settle_format_money (p->minimum, currency);

      g_string_append_printf (text, _(", at least %s"), m);
    }
  if (p->cap_per_period > 0)
    {
      g_autofree char *m = settle_format_money (p->cap_per_period, currency);

      g_string_append_printf (text, _(", at most %s a period"), m);
    }
  if (p->cap_per_invoice > 0)
    {
      g_autofree char *m = settle_format_money (p->cap_per_invoice, currency);

      g_string_append_printf (text, _(", at most %s an invoice"), m);
    }
  if (p->max_periods > 0)
    g_string_append_printf (text, ngettext (", for %d period at most",
                                            ", for %d periods at most", p->max_periods),
                            p->max_periods);
  if (p->compound)
    g_string_append (text, _(", earlier fees counted in the balance"));
  g_string_append (text, ".");
  return g_string_free (text, FALSE);
}

/* FALSE with a message naming the field; *has = FALSE for "no late fees". */
static gboolean
read_policy (PrefsData           *d,
             SettleLateFeePolicy *p,
             gboolean            *has,
             GError             **error)
{
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (d->kind));
  guint frequency = adw_combo_row_get_selected (ADW_COMBO_ROW (d->frequency));
  gboolean uses_flat, uses_rate;

  settle_late_fee_policy_init (p);
  *has = kind > 0 && kind < G_N_ELEMENTS (kind_labels) - 1;
  gtk_widget_set_visible (d->every, *has && frequency == 2);
  uses_flat = kind == 1 || kind == 3;
  uses_rate = kind >= 2;
  gtk_widget_set_visible (d->flat, *has && uses_flat);
  gtk_widget_set_visible (d->rate, *has && uses_rate);
  for (GtkWidget **w = (GtkWidget *[]) { d->grace, d->frequency, d->minimum, d->cap, d->invoice_cap,
                                          d->stop, gtk_widget_get_ancestor (d->compound, ADW_TYPE_ACTION_ROW),
                                          NULL };
       *w != NULL; w++)
    gtk_widget_set_visible (*w, *has);
  if (!*has)
    return TRUE;
  p->kind = (SettleLateFeeKind) (kind - 1);
  p->frequency = frequency == 1 ? SETTLE_LATE_FEE_MONTHLY
                 : frequency == 2 ? SETTLE_LATE_FEE_EVERY_N_DAYS : SETTLE_LATE_FEE_ONCE;
  if (uses_flat && !settle_form_parse_money (d->flat, _("Flat fee"), d->currency, FALSE, &p->flat, error))
    return FALSE;
  if (uses_rate && !settle_form_parse_rate (d->rate, _("Rate"), &p->rate_bp, error))
    return FALSE;
  if (!settle_form_parse_int (d->grace, _("Grace days"), 0, 365, &p->grace_days, error))
    return FALSE;
  if (p->frequency == SETTLE_LATE_FEE_EVERY_N_DAYS
      && !settle_form_parse_int (d->every, _("Every (days)"), 1, 365, &p->every_days, error))
    return FALSE;
  if (!settle_form_parse_money (d->minimum, _("Minimum fee"), d->currency, TRUE, &p->minimum, error)
      || !settle_form_parse_money (d->cap, _("Cap per period"), d->currency, TRUE, &p->cap_per_period, error)
      || !settle_form_parse_money (d->invoice_cap, _("Cap per invoice"), d->currency, TRUE,
                                   &p->cap_per_invoice, error)
      || !settle_form_parse_int (d->stop, _("Stop after (periods)"), 0, 1000, &p->max_periods, error))
    return FALSE;
  p->compound = gtk_switch_get_active (GTK_SWITCH (d->compound));
  return settle_late_fee_policy_validate (p, error);
}

static void
update (PrefsData *d)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  SettleLateFeePolicy p;
  gboolean has = FALSE;

  settle_form_clear_errors (d->form);
  if (!read_policy (d, &p, &has, &error))
    {
      settle_form_set_error (d->form, NULL, error->message);
      gtk_label_set_label (GTK_LABEL (d->sentence), "");
      gtk_widget_set_sensitive (d->form->confirm, FALSE);
      return;
    }
  gtk_widget_set_sensitive (d->form->confirm, TRUE);
  sentence = has ? settle_late_fee_policy_sentence (&p, d->currency)
                 : g_strdup (_("Overdue invoices are charged no late fees."));
  gtk_label_set_label (GTK_LABEL (d->sentence), sentence);
}

static void
changed_cb (GObject    *object,
            GParamSpec *pspec,
            PrefsData  *d)
{
  update (d);
}

static gboolean
prefs_confirm (SettleForm *form,
               gpointer    user_data,
               GError    **error)
{
  PrefsData *d = user_data;
  SettleSurchargePolicy surcharge;
  SettleLateFeePolicy p;
  g_autofree char *text = NULL;
  gboolean has = FALSE;

  if (!read_policy (d, &p, &has, error))
    return FALSE;
  if (!settle_payment_surcharge_policy_load (form->book, &surcharge, error))
    return FALSE;
  if (!settle_form_parse_rate (d->surcharge_rate, _("Card surcharge"), &surcharge.rate_bp, error)
      || !settle_form_parse_rate (d->surcharge_cap, _("Network cap"), &surcharge.cap_bp, error))
    return FALSE;
  if (!settle_surcharge_policy_validate (&surcharge, error))
    {
      gtk_widget_add_css_class (d->surcharge_rate, "error");
      return FALSE;
    }
  text = has ? settle_late_fee_policy_to_string (&p) : NULL;
  /* Both or neither. */
  if (!settle_book_begin (form->book, error))
    return FALSE;
  if (!settle_late_fee_store_set_default (form->book, text, error)
      || !settle_payment_surcharge_policy_save (form->book, &surcharge, error))
    {
      settle_book_rollback (form->book);
      return FALSE;
    }
  return settle_book_commit (form->book, error);
}

static char *
money_text (gint64      amount,
            const char *currency)
{
  if (amount == 0)
    return NULL;
  return settle_money_to_plain (settle_money_init (amount, currency));
}

static char *
rate_text (int rate_bp)
{
  return rate_bp == 0 ? NULL : settle_format_fixed (rate_bp, 2, TRUE);
}

static char *
int_text (int value)
{
  return value == 0 ? NULL : g_strdup_printf ("%d", value);
}

GtkWidget *
settle_collections_preferences_new (GtkWindow  *parent,
                                    SettleBook *book)
{
  PrefsData *d = g_new0 (PrefsData, 1);
  g_autofree char *currency = settle_book_get_setting (book, "currency");
  g_autofree char *stored = settle_late_fee_store_get_default (book);
  const char *kinds[G_N_ELEMENTS (kind_labels)];
  const char *frequencies[G_N_ELEMENTS (frequency_labels)];
  g_autofree char *flat = NULL, *rate = NULL, *grace = NULL, *every = NULL, *minimum = NULL;
  g_autofree char *cap = NULL, *invoice_cap = NULL, *stop = NULL, *s_rate = NULL, *s_cap = NULL;
  SettleSurchargePolicy surcharge;
  SettleLateFeePolicy p;
  gboolean has = FALSE;
  GtkWidget *group;

  g_strlcpy (d->currency, currency != NULL && *currency != '\0' ? currency : "USD", sizeof d->currency);
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    kinds[i] = kind_labels[i] != NULL ? _(kind_labels[i]) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (frequency_labels); i++)
    frequencies[i] = frequency_labels[i] != NULL ? _(frequency_labels[i]) : NULL;
  settle_late_fee_policy_init (&p);
  p.frequency = SETTLE_LATE_FEE_MONTHLY;
  if (stored != NULL && *stored != '\0' && settle_late_fee_policy_parse (stored, &p, NULL))
    has = TRUE;
  if (!settle_payment_surcharge_policy_load (book, &surcharge, NULL))
    settle_surcharge_policy_init (&surcharge);

  d->form = settle_form_new (parent != NULL ? GTK_WIDGET (parent) : NULL, book, "collections-preferences",
                             _("Late Fees & Surcharges"), _("_Save"), FALSE, prefs_confirm, d, g_free);
  gtk_window_set_default_size (GTK_WINDOW (d->form->window), 560, 760);
  adw_preferences_group_set_title (d->form->group, _("Late Fees"));
  adw_preferences_group_set_description (d->form->group,
                                         _("The book's policy; a client can have its own."));
  flat = money_text (p.flat, d->currency);
  rate = rate_text (p.rate_bp);
  grace = int_text (p.grace_days);
  every = int_text (p.every_days);
  minimum = money_text (p.minimum, d->currency);
  cap = money_text (p.cap_per_period, d->currency);
  invoice_cap = money_text (p.cap_per_invoice, d->currency);
  stop = int_text (p.max_periods);
  d->kind = settle_form_add_combo (d->form, "kind", _("Late fee"), kinds, has ? p.kind + 1 : 0);
  d->flat = settle_form_add_entry (d->form, "flat", _("Flat fee"), flat);
  d->rate = settle_form_add_entry (d->form, "rate", _("Rate (%)"), rate);
  d->grace = settle_form_add_entry (d->form, "grace", _("Grace days"), grace);
  d->frequency = settle_form_add_combo (d->form, "frequency", _("Charged"), frequencies,
                                        p.frequency == SETTLE_LATE_FEE_MONTHLY ? 1
                                        : p.frequency == SETTLE_LATE_FEE_EVERY_N_DAYS ? 2 : 0);
  d->every = settle_form_add_entry (d->form, "every-days", _("Every (days)"), every);
  d->minimum = settle_form_add_entry (d->form, "minimum", _("Minimum fee (optional)"), minimum);
  d->cap = settle_form_add_entry (d->form, "cap", _("Cap per period (optional)"), cap);
  d->invoice_cap = settle_form_add_entry (d->form, "invoice-cap", _("Cap per invoice (optional)"),
                                          invoice_cap);
  d->stop = settle_form_add_entry (d->form, "stop", _("Stop after (periods, optional)"), stop);
  d->compound = settle_form_add_switch (d->form, "compound", _("Compound"),
                                        _("Earlier fees count in the balance"), p.compound);

  d->sentence = gtk_label_new (NULL);
  gtk_widget_set_name (d->sentence, "policy-summary");
  gtk_label_set_wrap (GTK_LABEL (d->sentence), TRUE);
  gtk_label_set_xalign (GTK_LABEL (d->sentence), 0);
  gtk_box_insert_child_after (d->form->content, d->sentence, GTK_WIDGET (d->form->group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Card Surcharge"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Added on its own line to credit card payments only, never "
                                           "to debit or prepaid cards. Whether a client's state allows it "
                                           "is checked against the bundled state table "
                                           "(data/surcharge-states.tsv, with a source and date per row); "
                                           "it is not legal advice and must be re-checked."));
  s_rate = rate_text (surcharge.rate_bp);
  s_cap = rate_text (surcharge.cap_bp);
  d->surcharge_rate = adw_entry_row_new ();
  gtk_widget_set_name (d->surcharge_rate, "surcharge-rate");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->surcharge_rate), _("Card surcharge (%)"));
  gtk_editable_set_text (GTK_EDITABLE (d->surcharge_rate), s_rate != NULL ? s_rate : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->surcharge_rate);
  d->surcharge_cap = adw_entry_row_new ();
  gtk_widget_set_name (d->surcharge_cap, "surcharge-cap");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->surcharge_cap), _("Network cap (%)"));
  gtk_editable_set_text (GTK_EDITABLE (d->surcharge_cap), s_cap != NULL ? s_cap : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->surcharge_cap);
  gtk_box_append (d->form->content, group);

  for (GtkWidget **w = (GtkWidget *[]) { d->flat, d->rate, d->grace, d->every, d->minimum, d->cap,
                                          d->invoice_cap, d->stop, NULL };
       *w != NULL; w++)
    g_signal_connect (*w, "notify::text", G_CALLBACK (changed_cb), d);
  g_signal_connect (d->kind, "notify::selected", G_CALLBACK (changed_cb), d);
  g_signal_connect (d->frequency, "notify::selected", G_CALLBACK (changed_cb), d);
  g_signal_connect (d->compound, "notify::active", G_CALLBACK (changed_cb), d);
  update (d);
  return d->form->window;
}
