/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-money.h"
#include "settle-outbox.h"

SettleClient *
settle_client_new (void)
{
  SettleClient *c = g_new0 (SettleClient, 1);

  c->name = g_strdup ("");
  c->contact_name = g_strdup ("");
  c->email = g_strdup ("");
  c->phone = g_strdup ("");
  c->address = g_strdup ("");
  c->state = g_strdup ("");
  c->country = g_strdup ("");
  c->tax_id = g_strdup ("");
  c->notes = g_strdup ("");
  c->terms_days = 30;
  strcpy (c->currency, "USD");
  return c;
}

void
settle_client_free (SettleClient *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c->contact_name);
  g_free (c->email);
  g_free (c->phone);
  g_free (c->address);
  g_free (c->state);
  g_free (c->country);
  g_free (c->tax_id);
  g_free (c->notes);
  g_free (c);
}

void
settle_contact_free (SettleContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->name);
  g_free (contact->email);
  g_free (contact->role);
  g_free (contact);
}

gboolean
settle_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* One rule for the whole book: the address the outbox accepts when an email is
 * queued (settle-outbox.c), so a client saved here can always be emailed. */
gboolean
settle_email_is_valid (const char *address)
{
  return settle_email_address_is_valid (address);
}

gboolean
settle_client_validate (const SettleClient *client,
                        GError            **error)
{
  g_return_val_if_fail (client != NULL, FALSE);

  if (settle_text_is_blank (client->name))
    {
      g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                           _("Name: a client needs a name"));
      return FALSE;
    }
  if (client->email != NULL && *client->email != '\0' && !settle_email_is_valid (client->email))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Email: “%s” is not a valid email address"), client->email);
      return FALSE;
    }
  if (client->terms_days < 0 || client->terms_days > 365)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Terms: %d days is outside 0 to 365"), client->terms_days);
      return FALSE;
    }
  if (!settle_currency_is_known (client->currency))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Currency: “%s” is not a known ISO 4217 code"), client->currency);
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_client_save (SettleBook   *book,
                    SettleClient *client,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean inserting;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (client != NULL, FALSE);

  if (!settle_client_validate (client, error))
    return FALSE;
  inserting = client->id == 0;
  if (!settle_book_begin (book, error))
    return FALSE;
  if (inserting)
    stmt = settle_book_prepare (book,
                                "INSERT INTO clients (name, contact_name, email, phone, address, "
                                "state, country, terms_days, currency, tax_id, notes, on_hold, "
                                "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                "?12, ?13)",
                                error);
  else
    stmt = settle_book_prepare (book,
                                "UPDATE clients SET name = ?1, contact_name = ?2, email = ?3, "
                                "phone = ?4, address = ?5, state = ?6, country = ?7, "
                                "terms_days = ?8, currency = ?9, tax_id = ?10, notes = ?11, "
                                "on_hold = ?12 WHERE id = ?14",
                                error);
  if (stmt == NULL)
    goto fail;
  settle_bind_text (stmt, 1, client->name);
  settle_bind_text (stmt, 2, client->contact_name ? client->contact_name : "");
  settle_bind_text (stmt, 3, client->email ? client->email : "");
  settle_bind_text (stmt, 4, client->phone ? client->phone : "");
  settle_bind_text (stmt, 5, client->address ? client->address : "");
  settle_bind_text (stmt, 6, client->state ? client->state : "");
  settle_bind_text (stmt, 7, client->country ? client->country : "");
  sqlite3_bind_int (stmt, 8, client->terms_days);
  settle_bind_text (stmt, 9, client->currency);
  settle_bind_text (stmt, 10, client->tax_id ? client->tax_id : "");
  settle_bind_text (stmt, 11, client->notes ? client->notes : "");
  sqlite3_bind_int (stmt, 12, client->on_hold ? 1 : 0);
  if (inserting)
    {
      g_autofree char *now = settle_timestamp_now ();
      settle_bind_text (stmt, 13, now);
    }
  else
    sqlite3_bind_int64 (stmt, 14, client->id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (inserting)
    client->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  else if (sqlite3_changes (settle_book_get_db (book)) == 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no client with id %" PRId64), client->id);
      goto fail;
    }
  if (!settle_activity_log (book, "client", client->id, inserting ? "created" : "updated",
                            client->name, NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  if (inserting)
    client->id = 0;
  settle_book_rollback (book);
  return FALSE;
}

SettleClient *
settle_client_load (SettleBook *book,
                    SettleId    id,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(SettleClient) c = NULL;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT id, name, contact_name, email, phone, address, state, country, "
                              "terms_days, currency, tax_id, notes, on_hold, balance, credit "
                              "FROM clients WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      c = g_new0 (SettleClient, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = settle_column_dup (stmt, 1);
      c->contact_name = settle_column_dup (stmt, 2);
      c->email = settle_column_dup (stmt, 3);
      c->phone = settle_column_dup (stmt, 4);
      c->address = settle_column_dup (stmt, 5);
      c->state = settle_column_dup (stmt, 6);
      c->country = settle_column_dup (stmt, 7);
      c->terms_days = sqlite3_column_int (stmt, 8);
      g_strlcpy (c->currency, (const char *) sqlite3_column_text (stmt, 9), sizeof c->currency);
      c->tax_id = settle_column_dup (stmt, 10);
      c->notes = settle_column_dup (stmt, 11);
      c->on_hold = sqlite3_column_int (stmt, 12) != 0;
      c->balance = sqlite3_column_int64 (stmt, 13);
      c->credit = sqlite3_column_int64 (stmt, 14);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                 _("There is no client with id %" PRId64), id);
  else if (rc != SQLITE_ROW)
    settle_book_set_error (book, rc, error);
  return g_steal_pointer (&c);
}

gboolean
settle_client_add_contact (SettleBook    *book,
                           SettleContact *contact,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);

  if (contact->email && *contact->email && !settle_email_is_valid (contact->email))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
                   _("Email: “%s” is not a valid email address"), contact->email);
      return FALSE;
    }
  stmt = settle_book_prepare (book,
                              "INSERT INTO contacts (client_id, name, email, role) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact->client_id);
  settle_bind_text (stmt, 2, contact->name ? contact->name : "");
  settle_bind_text (stmt, 3, contact->email ? contact->email : "");
  settle_bind_text (stmt, 4, contact->role ? contact->role : "billing");
  if (!settle_book_step_done (book, stmt, error))
    return FALSE;
  contact->id = sqlite3_last_insert_rowid (settle_book_get_db (book));
  return TRUE;
}

GPtrArray *
settle_client_list_contacts (SettleBook *book,
                             SettleId    client_id,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) settle_contact_free);
  int rc;

  stmt = settle_book_prepare (book,
                              "SELECT id, client_id, name, email, role FROM contacts "
                              "WHERE client_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleContact *c = g_new0 (SettleContact, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->client_id = sqlite3_column_int64 (stmt, 1);
      c->name = settle_column_dup (stmt, 2);
      c->email = settle_column_dup (stmt, 3);
      c->role = settle_column_dup (stmt, 4);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
settle_client_set_hold (SettleBook *book,
                        SettleId    client_id,
                        gboolean    on_hold,
                        const char *reason,
                        GError    **error)
{
  sqlite3_stmt *stmt;

  if (!settle_book_begin (book, error))
    return FALSE;
  stmt = settle_book_prepare (book, "UPDATE clients SET on_hold = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, on_hold ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, client_id);
  if (!settle_book_step_done (book, stmt, error))
    goto fail;
  if (!settle_activity_log (book, "client", client_id, on_hold ? "held" : "released", reason,
                            NULL, error))
    goto fail;
  return settle_book_commit (book, error);

fail:
  settle_book_rollback (book);
  return FALSE;
}
