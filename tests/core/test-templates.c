/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-dunning-ladder.h"
#include "settle-invoice.h"
#include "settle-template.h"
#include "settle-test-util.h"

static GHashTable *
sample_values (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, (gpointer) "client", (gpointer) "Tom & Jerry <Ltd>");
  g_hash_table_insert (values, (gpointer) "contact", (gpointer) "Ana \"AP\" O'Neil");
  g_hash_table_insert (values, (gpointer) "invoice_number", (gpointer) "INV-000042");
  g_hash_table_insert (values, (gpointer) "amount_due", (gpointer) "$1,234.50");
  g_hash_table_insert (values, (gpointer) "due_date", (gpointer) "01/31/2026");
  g_hash_table_insert (values, (gpointer) "days_overdue", (gpointer) "12");
  g_hash_table_insert (values, (gpointer) "pay_link", (gpointer) "https://pay.example/i?a=1&b=2");
  g_hash_table_insert (values, (gpointer) "company", (gpointer) "Northwind IT");
  return values;
}

/* Every step of the default ladder has a built-in template that is valid and renders
 * every value it names. */
static void
test_defaults (void)
{
  g_autoptr(SettleDunningLadder) ladder = settle_dunning_ladder_new_default ();
  g_autoptr(GHashTable) values = sample_values ();

  for (guint i = 0; i < settle_dunning_ladder_get_n_steps (ladder); i++)
    {
      const SettleDunningStep *step = settle_dunning_ladder_get_step (ladder, i);
      g_autoptr(SettleTemplate) tmpl = settle_template_get_default (step->template_id);
      g_autoptr(GError) error = NULL;
      g_autofree char *subject = NULL, *text = NULL, *html = NULL;

      g_assert_nonnull (tmpl);
      g_assert_true (settle_template_validate (tmpl, &error));
      g_assert_no_error (error);
      g_assert_true (settle_template_render (tmpl, values, &subject, &text, &html, &error));
      g_assert_true (strstr (subject, "INV-000042") != NULL);
      g_assert_true (strstr (text, "{") == NULL);
      g_assert_true (strstr (text, "Northwind IT") != NULL);
      g_assert_true (g_str_has_prefix (html, "<p>"));
    }
  {
    g_autoptr(SettleTemplate) instalment = settle_template_get_default ("instalment");

    g_assert_nonnull (instalment);
    g_assert_null (settle_template_get_default ("no-such-step"));
  }
}

static void
test_render_escapes_html (void)
{
  g_autoptr(SettleTemplate) tmpl = settle_template_new ("custom");
  g_autoptr(GHashTable) values = sample_values ();
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL, *text = NULL, *html = NULL;

  g_free (tmpl->subject);
  tmpl->subject = g_strdup ("{client}: {invoice_number}");
  g_free (tmpl->body_text);
  tmpl->body_text = g_strdup ("Dear {contact}, pay {amount_due} at {pay_link} {{not a field}}");
  g_free (tmpl->body_html);
  tmpl->body_html = g_strdup ("<p>Dear <b>{contact}</b> of {client}: "
                              "<a href=\"{pay_link}\">pay</a></p>");
  g_assert_true (settle_template_render (tmpl, values, &subject, &text, &html, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (subject, ==, "Tom & Jerry <Ltd>: INV-000042");
  g_assert_cmpstr (text, ==, "Dear Ana \"AP\" O'Neil, pay $1,234.50 at "
                             "https://pay.example/i?a=1&b=2 {not a field}");
  g_assert_cmpstr (html, ==, "<p>Dear <b>Ana &quot;AP&quot; O&apos;Neil</b> of "
                             "Tom &amp; Jerry &lt;Ltd&gt;: "
                             "<a href=\"https://pay.example/i?a=1&amp;b=2\">pay</a></p>");
}

static void
test_validation (void)
{
  g_autoptr(SettleTemplate) tmpl = settle_template_get_default ("firm");
  g_autoptr(GError) error = NULL;

  g_free (tmpl->subject);
  tmpl->subject = g_strdup ("Pay {amount} now");
  g_assert_false (settle_template_validate (tmpl, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Template “firm”, subject: unknown placeholder {amount}");
  g_clear_error (&error);

  g_free (tmpl->subject);
  tmpl->subject = g_strdup ("Overdue");
  g_free (tmpl->body_html);
  tmpl->body_html = g_strdup ("<p>{client</p>");
  g_assert_false (settle_template_validate (tmpl, &error));
  g_assert_true (strstr (error->message, "HTML body") != NULL);
  g_clear_error (&error);

  g_free (tmpl->body_html);
  tmpl->body_html = g_strdup ("");
  g_free (tmpl->body_text);
  tmpl->body_text = g_strdup ("   ");
  g_assert_false (settle_template_validate (tmpl, &error));
  g_assert_true (strstr (error->message, "text body") != NULL);
  g_clear_error (&error);

  g_free (tmpl->body_text);
  tmpl->body_text = g_strdup ("Closing } brace");
  g_assert_false (settle_template_validate (tmpl, &error));
  g_clear_error (&error);
}

static void
test_book_templates_and_preview (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleTemplate) tmpl = NULL;
  g_autoptr(SettleTemplate) loaded = NULL;
  g_autoptr(SettleTemplate) reset = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(SettleInvoice) inv = NULL;
  g_autofree char *subject = NULL, *text = NULL, *html = NULL;
  GDate as_of = settle_test_date ("2026-02-10");
  SettleId client_id, invoice_id;
  gint64 changes;

  g_assert_true (settle_book_set_setting (book, "company.name", "Northwind IT", &error));
  client_id = settle_test_add_client (book, "Adatum", 30);
  client = settle_client_load (book, client_id, &error);
  g_free (client->contact_name);
  client->contact_name = g_strdup ("Kim");
  g_assert_true (settle_client_save (book, client, &error));
  invoice_id = settle_test_add_invoice (book, client_id, "2026-01-01", 50000);
  inv = settle_invoice_load (book, invoice_id, &error);

  tmpl = settle_template_load (book, "polite", &error);
  g_assert_no_error (error);
  g_free (tmpl->subject);
  tmpl->subject = g_strdup ("{company}: {invoice_number} is {days_overdue} days late");
  g_assert_true (settle_template_save (book, tmpl, &error));
  loaded = settle_template_load (book, "polite", &error);
  g_assert_cmpstr (loaded->subject, ==, tmpl->subject);

  /* A broken edit is refused and the stored one kept. */
  g_free (tmpl->subject);
  tmpl->subject = g_strdup ("{typo}");
  g_assert_false (settle_template_save (book, tmpl, &error));
  g_assert_true (strstr (error->message, "{typo}") != NULL);
  g_clear_error (&error);

  /* The preview renders for a real invoice (due 01-31: 10 days late) and writes
   * nothing. */
  changes = sqlite3_total_changes (settle_book_get_db (book));
  g_assert_true (settle_template_preview (book, NULL, "polite", invoice_id, &as_of, &subject,
                                          &text, &html, &error));
  g_assert_no_error (error);
  {
    g_autofree char *want = g_strdup_printf ("Northwind IT: %s is 10 days late", inv->number);
    g_assert_cmpstr (subject, ==, want);
  }
  g_assert_true (g_str_has_prefix (text, "Hello Kim,"));
  g_assert_true (strstr (text, "$500.00") != NULL);
  g_assert_cmpint (sqlite3_total_changes (settle_book_get_db (book)), ==, changes);

  g_assert_true (settle_template_reset (book, "polite", &error));
  reset = settle_template_load (book, "polite", &error);
  g_assert_cmpstr (reset->subject, ==, "Reminder: invoice {invoice_number} is overdue");

  g_assert_null (settle_template_load (book, "nothing-here", &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);
  settle_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/templates/defaults", test_defaults);
  g_test_add_func ("/templates/render-escapes-html", test_render_escapes_html);
  g_test_add_func ("/templates/validation", test_validation);
  g_test_add_func ("/templates/book-and-preview", test_book_templates_and_preview);
  return g_test_run ();
}
