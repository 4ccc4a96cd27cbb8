/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reminder templates. A placeholder is {name}; "{{" and "}}" stand for a literal
 * brace. The built-in texts are translated; their HTML body is made from the text
 * (escaped, paragraphs in <p>), so a translation is written once. */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-invoice.h"
#include "settle-template.h"

static const char * const placeholders[] = {
  "client", "contact", "invoice_number", "amount_due", "due_date", "days_overdue",
  "pay_link", "company", NULL,
};

static const struct
{
  const char *id;
  const char *subject;
  const char *body;
} defaults[] = {
  { "friendly",
    N_("Invoice {invoice_number} is due on {due_date}"),
    N_("Hello {contact},\n\n"
       "A friendly note that invoice {invoice_number} for {amount_due} is due on {due_date}. "
       "If it is already on its way, thank you, and please ignore this message.\n\n"
       "You can pay online here: {pay_link}\n\n"
       "Kind regards,\n{company}") },
  { "due-today",
    N_("Invoice {invoice_number} is due today"),
    N_("Hello {contact},\n\n"
       "Invoice {invoice_number} for {amount_due} is due today, {due_date}. "
       "Thank you for arranging the payment.\n\n"
       "You can pay online here: {pay_link}\n\n"
       "Kind regards,\n{company}") },
  { "polite",
    N_("Reminder: invoice {invoice_number} is overdue"),
    N_("Hello {contact},\n\n"
       "Our records show that invoice {invoice_number} for {amount_due}, due on {due_date}, "
       "is now {days_overdue} days overdue. Perhaps it slipped through the cracks; could you "
       "please look into it?\n\n"
       "You can pay online here: {pay_link}\n\n"
       "If you have already paid, thank you, and please let us know so we can match it.\n\n"
       "Kind regards,\n{company}") },
  { "firm",
    N_("Second reminder: invoice {invoice_number} is {days_overdue} days overdue"),
    N_("Hello {contact},\n\n"
       "Invoice {invoice_number} for {amount_due} was due on {due_date} and is now "
       "{days_overdue} days overdue. We have not received payment or heard from you.\n\n"
       "Please pay the balance now or reply to tell us when it will be paid: {pay_link}\n\n"
       "Regards,\n{company}") },
  { "final-notice",
    N_("Final notice: invoice {invoice_number}"),
    N_("Dear {contact},\n\n"
       "Despite our earlier reminders, invoice {invoice_number} for {amount_due}, due on "
       "{due_date}, remains unpaid after {days_overdue} days. As set out in our terms, a late "
       "fee has been added to your account.\n\n"
       "Please pay the full balance within seven days: {pay_link}\n\n"
       "If we do not hear from you, we will put your account on hold.\n\n"
       "{company}") },
  { "account-hold",
    N_("Your account is on hold: invoice {invoice_number}"),
    N_("Dear {contact},\n\n"
       "Because invoice {invoice_number} for {amount_due} is {days_overdue} days overdue, "
       "the account of {client} has been put on hold: new work and orders are paused until "
       "the balance is paid.\n\n"
       "Pay now to lift the hold: {pay_link}\n\n"
       "If the balance is not paid within fifteen days, we will pass the debt to "
       "collections.\n\n"
       "{company}") },
  { "collections",
    N_("Invoice {invoice_number} handed to collections"),
    N_("Dear {contact},\n\n"
       "Invoice {invoice_number} for {amount_due}, due on {due_date}, is {days_overdue} days "
       "overdue and has been handed to collections. Please contact us at once to settle "
       "the balance: {pay_link}\n\n"
       "{company}") },
  { "instalment",
    N_("Instalment for invoice {invoice_number} due on {due_date}"),
    N_("Hello {contact},\n\n"
       "Under the payment plan for invoice {invoice_number}, an instalment of {amount_due} "
       "is due on {due_date}. Thank you for keeping to the plan.\n\n"
       "You can pay online here: {pay_link}\n\n"
       "Kind regards,\n{company}") },
};

static const char *default_ids[G_N_ELEMENTS (defaults) + 1];

const char * const *
settle_template_placeholders (void)
{
  return placeholders;
}

const char * const *
settle_template_default_ids (void)
{
  if (default_ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
      default_ids[i] = defaults[i].id;
  return default_ids;
}

SettleTemplate *
settle_template_new (const char *template_id)
{
  SettleTemplate *tmpl = g_new0 (SettleTemplate, 1);

  tmpl->template_id = g_strdup (template_id ? template_id : "");
  tmpl->subject = g_strdup ("");
  tmpl->body_text = g_strdup ("");
  tmpl->body_html = g_strdup ("");
  return tmpl;
}

SettleTemplate *
settle_template_copy (const SettleTemplate *tmpl)
{
  SettleTemplate *copy;

  g_return_val_if_fail (tmpl != NULL, NULL);

  copy = g_new0 (SettleTemplate, 1);
  copy->template_id = g_strdup (tmpl->template_id);
  copy->subject = g_strdup (tmpl->subject);
  copy->body_text = g_strdup (tmpl->body_text);
  copy->body_html = g_strdup (tmpl->body_html);
  return copy;
}

void
settle_template_free (SettleTemplate *tmpl)
{
  if (tmpl == NULL)
    return;
  g_free (tmpl->template_id);
  g_free (tmpl->subject);
  g_free (tmpl->body_text);
  g_free (tmpl->body_html);
  g_free (tmpl);
}

/* Plain text to HTML: escaped, blank lines separate paragraphs, a single newline is
 * a <br>. Braces are left alone so the placeholders stay. */
static char *
text_to_html (const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  GString *html = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);

      g_string_append (html, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[j], -1);

          if (j > 0)
            g_string_append (html, "<br>");
          g_string_append (html, escaped);
        }
      g_string_append (html, "</p>\n");
    }
  return g_string_free (html, FALSE);
}

SettleTemplate *
settle_template_get_default (const char *template_id)
{
  g_return_val_if_fail (template_id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (strcmp (defaults[i].id, template_id) == 0)
      {
        SettleTemplate *tmpl = settle_template_new (template_id);

        g_free (tmpl->subject);
        g_free (tmpl->body_text);
        g_free (tmpl->body_html);
        tmpl->subject = g_strdup (_(defaults[i].subject));
        tmpl->body_text = g_strdup (_(defaults[i].body));
        tmpl->body_html = text_to_html (tmpl->body_text);
        return tmpl;
      }
  return NULL;
}

static gboolean
is_placeholder (const char *name,
                gsize       len)
{
  for (guint i = 0; placeholders[i] != NULL; i++)
    if (strlen (placeholders[i]) == len && strncmp (placeholders[i], name, len) == 0)
      return TRUE;
  return FALSE;
}

/* Expands text; values NULL only checks it. escape: HTML-escape the values. */
static gboolean
expand (const SettleTemplate *tmpl,
        const char           *field,
        const char           *text,
        GHashTable           *values,
        gboolean              escape,
        GString              *out,
        GError              **error)
{
  const char *p = text;

  while (*p != '\0')
    {
      if (p[0] == '{' && p[1] == '{')
        {
          if (out)
            g_string_append_c (out, '{');
          p += 2;
        }
      else if (p[0] == '}' && p[1] == '}')
        {
          if (out)
            g_string_append_c (out, '}');
          p += 2;
        }
      else if (p[0] == '{')
        {
          const char *end = strchr (p + 1, '}');
          const char *open = strchr (p + 1, '{');

          if (end == NULL || (open != NULL && open < end))
            {
              g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Template “%s”, %s: a “{” is not closed; write “{{” for a brace"),
                           tmpl->template_id, field);
              return FALSE;
            }
          if (!is_placeholder (p + 1, end - p - 1))
            {
              g_autofree char *name = g_strndup (p, end - p + 1);

              g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Template “%s”, %s: unknown placeholder %s"),
                           tmpl->template_id, field, name);
              return FALSE;
            }
          if (out)
            {
              g_autofree char *name = g_strndup (p + 1, end - p - 1);
              const char *value = values ? g_hash_table_lookup (values, name) : NULL;

              if (value == NULL)
                value = "";
              if (escape)
                {
                  g_autofree char *escaped = g_markup_escape_text (value, -1);
                  g_string_append (out, escaped);
                }
              else
                g_string_append (out, value);
            }
          p = end + 1;
        }
      else if (p[0] == '}')
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                       _("Template “%s”, %s: a “}” has no “{”; write “}}” for a brace"),
                       tmpl->template_id, field);
          return FALSE;
        }
      else
        {
          if (out)
            g_string_append_c (out, *p);
          p++;
        }
    }
  return TRUE;
}

gboolean
settle_template_validate (const SettleTemplate *tmpl,
                          GError              **error)
{
  g_return_val_if_fail (tmpl != NULL, FALSE);

  if (tmpl->template_id == NULL || !g_regex_match_simple ("^[a-z0-9_-]+$", tmpl->template_id, 0, 0))
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Template: the id must be lower-case letters, digits, “-” or “_”"));
      return FALSE;
    }
  if (settle_text_is_blank (tmpl->subject))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Template “%s”, subject: the subject cannot be empty"), tmpl->template_id);
      return FALSE;
    }
  if (settle_text_is_blank (tmpl->body_text))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Template “%s”, text body: the message cannot be empty"),
                   tmpl->template_id);
      return FALSE;
    }
  if (strchr (tmpl->subject, '\n') != NULL)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Template “%s”, subject: the subject must be one line"), tmpl->template_id);
      return FALSE;
    }
  return expand (tmpl, _("subject"), tmpl->subject, NULL, FALSE, NULL, error) &&
         expand (tmpl, _("text body"), tmpl->body_text, NULL, FALSE, NULL, error) &&
         expand (tmpl, _("HTML body"), tmpl->body_html ? tmpl->body_html : "", NULL, TRUE, NULL,
                 error);
}

gboolean
settle_template_render (const SettleTemplate *tmpl,
                        GHashTable           *values,
                        char                **subject,
                        char                **body_text,
                        char                **body_html,
                        GError              **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) t = g_string_new (NULL);
  g_autoptr(GString) h = g_string_new (NULL);

  g_return_val_if_fail (tmpl != NULL, FALSE);

  if (!settle_template_validate (tmpl, error))
    return FALSE;
  expand (tmpl, NULL, tmpl->subject, values, FALSE, s, NULL);
  expand (tmpl, NULL, tmpl->body_text, values, FALSE, t, NULL);
  expand (tmpl, NULL, tmpl->body_html ? tmpl->body_html : "", values, TRUE, h, NULL);
  if (subject)
    *subject = g_string_free (g_steal_pointer (&s), FALSE);
  if (body_text)
    *body_text = g_string_free (g_steal_pointer (&t), FALSE);
  if (body_html)
    *body_html = g_string_free (g_steal_pointer (&h), FALSE);
  return TRUE;
}

SettleTemplate *
settle_template_load (SettleBook *book,
                      const char *template_id,
                      GError    **error)
{
  SettleTemplate *tmpl;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  stmt = settle_book_prepare (book, "SELECT subject, body_text, body_html FROM dunning_templates "
                                    "WHERE template_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  settle_bind_text (stmt, 1, template_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      tmpl = settle_template_new (template_id);
      g_free (tmpl->subject);
      g_free (tmpl->body_text);
      g_free (tmpl->body_html);
      tmpl->subject = settle_column_dup (stmt, 0);
      tmpl->body_text = settle_column_dup (stmt, 1);
      tmpl->body_html = settle_column_dup (stmt, 2);
      sqlite3_reset (stmt);
      return tmpl;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  tmpl = settle_template_get_default (template_id);
  if (tmpl == NULL)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("There is no reminder template “%s”; write one in Preferences"), template_id);
  return tmpl;
}

gboolean
settle_template_save (SettleBook           *book,
                      const SettleTemplate *tmpl,
                      GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  if (!settle_template_validate (tmpl, error))
    return FALSE;
  stmt = settle_book_prepare (book,
                              "INSERT INTO dunning_templates (template_id, subject, body_text, "
                              "body_html) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (template_id) DO "
                              "UPDATE SET subject = ?2, body_text = ?3, body_html = ?4",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, tmpl->template_id);
  settle_bind_text (stmt, 2, tmpl->subject);
  settle_bind_text (stmt, 3, tmpl->body_text);
  settle_bind_text (stmt, 4, tmpl->body_html ? tmpl->body_html : "");
  return settle_book_step_done (book, stmt, error);
}

gboolean
settle_template_reset (SettleBook *book,
                       const char *template_id,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);

  stmt = settle_book_prepare (book, "DELETE FROM dunning_templates WHERE template_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, template_id);
  return settle_book_step_done (book, stmt, error);
}

GHashTable *
settle_template_values_for_invoice (SettleBook  *book,
                                    SettleId     invoice_id,
                                    const GDate *as_of,
                                    const GDate *due_date,
                                    gint64       amount_due,
                                    GError     **error)
{
  g_autoptr(SettleInvoice) inv = NULL;
  g_autoptr(SettleClient) client = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *company = NULL;
  const GDate *due;
  int overdue;
  char buf[64];

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  inv = settle_invoice_load (book, invoice_id, error);
  if (inv == NULL)
    return NULL;
  client = settle_client_load (book, inv->client_id, error);
  if (client == NULL)
    return NULL;
  due = due_date != NULL ? due_date : &inv->due_date;
  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (values, (gpointer) "client", g_strdup (client->name));
  g_hash_table_insert (values, (gpointer) "contact",
                       g_strdup (settle_text_is_blank (client->contact_name)
                                 ? client->name : client->contact_name));
  g_hash_table_insert (values, (gpointer) "invoice_number",
                       g_strdup (inv->number ? inv->number : ""));
  g_hash_table_insert (values, (gpointer) "amount_due",
                       settle_money_format (settle_money_init (amount_due, inv->currency)));
  if (g_date_valid (due))
    {
      /* TRANSLATORS: the date format in reminder emails (strftime) */
      if (g_date_strftime (buf, sizeof buf, C_("email date", "%B %-d, %Y"), due) == 0)
        g_strlcpy (buf, "", sizeof buf);
      g_hash_table_insert (values, (gpointer) "due_date", g_strdup (buf));
      overdue = (int) g_date_get_julian (as_of) - (int) g_date_get_julian (due);
    }
  else
    {
      g_hash_table_insert (values, (gpointer) "due_date", g_strdup (""));
      overdue = 0;
    }
  g_hash_table_insert (values, (gpointer) "days_overdue", g_strdup_printf ("%d", MAX (overdue, 0)));
  g_hash_table_insert (values, (gpointer) "pay_link",
                       g_strdup (inv->pay_link ? inv->pay_link : ""));
  company = settle_book_get_setting (book, "company.name");
  g_hash_table_insert (values, (gpointer) "company", g_strdup (company ? company : ""));
  return g_steal_pointer (&values);
}

gboolean
settle_template_preview (SettleBook           *book,
                         const SettleTemplate *tmpl,
                         const char           *template_id,
                         SettleId              invoice_id,
                         const GDate          *as_of,
                         char                **subject,
                         char                **body_text,
                         char                **body_html,
                         GError              **error)
{
  g_autoptr(SettleTemplate) loaded = NULL;
  g_autoptr(SettleInvoice) inv = NULL;
  g_autoptr(GHashTable) values = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (tmpl != NULL || template_id != NULL, FALSE);

  if (tmpl == NULL)
    {
      loaded = settle_template_load (book, template_id, error);
      if (loaded == NULL)
        return FALSE;
      tmpl = loaded;
    }
  inv = settle_invoice_load (book, invoice_id, error);
  if (inv == NULL)
    return FALSE;
  values = settle_template_values_for_invoice (book, invoice_id, as_of, NULL,
                                               settle_invoice_get_balance (inv), error);
  if (values == NULL)
    return FALSE;
  return settle_template_render (tmpl, values, subject, body_text, body_html, error);
}
