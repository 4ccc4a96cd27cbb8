/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "settle-book-private.h"
#include "settle-client.h"
#include "settle-collections-packet.h"
#include "settle-invoice.h"
#include "settle-late-fee-store.h"

void
settle_collections_packet_free (SettleCollectionsPacket *packet)
{
  if (packet == NULL)
    return;
  g_free (packet->folder);
  g_free (packet);
}

char *
settle_collections_base_folder (SettleBook *book)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  folder = settle_book_get_setting (book, "collections.folder");
  if (folder != NULL && *folder != '\0')
    return g_steal_pointer (&folder);
  return g_build_filename (g_get_user_data_dir (), "settle", "collections", NULL);
}

/* "Acme Corp." -> "acme-corp": letters and digits kept, the rest one "-". */
static char *
file_name_for (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name ? name : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "client");
  return g_string_free (out, FALSE);
}

char *
settle_collections_packet_folder (SettleBook  *book,
                                  SettleId     client_id,
                                  const GDate *as_of,
                                  GError     **error)
{
  g_autoptr(SettleClient) client = NULL;
  g_autofree char *base = NULL, *slug = NULL, *date = NULL, *leaf = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  client = settle_client_load (book, client_id, error);
  if (client == NULL)
    return NULL;
  base = settle_collections_base_folder (book);
  slug = file_name_for (client->name);
  date = settle_date_to_iso (as_of);
  leaf = g_strdup_printf ("%s-%s", slug, date);
  return g_build_filename (base, leaf, NULL);
}

SettleId
settle_collections_packet_record (SettleBook  *book,
                                  SettleId     dunning_log_id,
                                  SettleId     client_id,
                                  SettleId     invoice_id,
                                  const GDate *as_of,
                                  GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *now = settle_timestamp_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), 0);

  folder = settle_collections_packet_folder (book, client_id, as_of, error);
  if (folder == NULL)
    return 0;
  stmt = settle_book_prepare (book,
                              "INSERT INTO collections_packets (dunning_log_id, client_id, "
                              "invoice_id, as_of, folder, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, dunning_log_id);
  sqlite3_bind_int64 (stmt, 2, client_id);
  sqlite3_bind_int64 (stmt, 3, invoice_id);
  settle_bind_date (stmt, 4, as_of);
  settle_bind_text (stmt, 5, folder);
  settle_bind_text (stmt, 6, now);
  if (!settle_book_step_done (book, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (settle_book_get_db (book));
}

GPtrArray *
settle_collections_packet_list (SettleBook *book,
                                gboolean    pending_only,
                                GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (
    (GDestroyNotify) settle_collections_packet_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
                              "SELECT id, client_id, invoice_id, as_of, folder, status "
                              "FROM collections_packets WHERE ?1 = 0 OR status = 'pending' "
                              "ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, pending_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleCollectionsPacket *packet = g_new0 (SettleCollectionsPacket, 1);

      packet->id = sqlite3_column_int64 (stmt, 0);
      packet->client_id = sqlite3_column_int64 (stmt, 1);
      packet->invoice_id = sqlite3_column_int64 (stmt, 2);
      settle_column_date (stmt, 3, &packet->as_of);
      packet->folder = settle_column_dup (stmt, 4);
      packet->written = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "written") == 0;
      g_ptr_array_add (list, packet);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* RFC 4180: quoted when it holds a comma, quote or line break. */
static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

char *
settle_collections_packet_activity_csv (SettleBook *book,
                                        SettleId    client_id,
                                        GError    **error)
{
  g_autoptr(GString) out = g_string_new ("at,actor,entity,number,action,detail\r\n");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  stmt = settle_book_prepare (book,
    "SELECT a.at, a.actor, a.entity, COALESCE (i.number, ''), a.action, a.detail "
    "FROM activity a LEFT JOIN invoices i ON a.entity = 'invoice' AND i.id = a.entity_id "
    "WHERE (a.entity = 'client' AND a.entity_id = ?1) OR "
    " (a.entity = 'invoice' AND i.client_id = ?1) ORDER BY a.id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < 6; c++)
      csv_field (out, (const char *) sqlite3_column_text (stmt, c), c == 5);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
settle_collections_packet_fee_text (SettleBook *book,
                                    SettleId    client_id,
                                    GError    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(SettleClient) client = NULL;
  g_autofree char *policy_text = NULL;
  SettleLateFeePolicy policy;
  gboolean has_policy = FALSE;
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);

  client = settle_client_load (book, client_id, error);
  if (client == NULL)
    return NULL;
  if (!settle_late_fee_store_for_client (book, client_id, &policy, &has_policy, error))
    return NULL;
  g_string_append_printf (out, _("Late fees of %s"), client->name);
  g_string_append (out, "\n\n");
  if (has_policy)
    {
      policy_text = settle_late_fee_policy_to_string (&policy);
      g_string_append_printf (out, _("Policy: %s"), policy_text);
    }
  else
    g_string_append (out, _("Policy: no late fees"));
  g_string_append (out, "\n\n");

  stmt = settle_book_prepare (book,
    "SELECT f.number, o.number, f.late_fee_period, f.total, f.currency, f.status, f.issue_date, "
    " f.notes FROM invoices f JOIN invoices o ON o.id = f.late_fee_of "
    "WHERE f.client_id = ?1 ORDER BY f.issue_date, f.id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *currency = (const char *) sqlite3_column_text (stmt, 4);
      g_autofree char *amount = settle_money_format (
        settle_money_init (sqlite3_column_int64 (stmt, 3), currency));
      gboolean is_void = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "void") == 0;

      /* TRANSLATORS: fee number, date, invoice number, period, amount */
      g_string_append_printf (out, _("%s (%s): late fee on %s, period %d, %s"),
                              sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 6),
                              sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2), amount);
      if (is_void)
        g_string_append_printf (out, " %s", _("(voided)"));
      g_string_append_printf (out, "\n  %s\n", sqlite3_column_text (stmt, 7));
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  if (n == 0)
    g_string_append_printf (out, "%s\n", _("No late fees were charged."));

  stmt = settle_book_prepare (book,
    "SELECT i.number, w.period, w.reason, w.created_at FROM late_fee_waivers w "
    "JOIN invoices i ON i.id = w.invoice_id WHERE i.client_id = ?1 ORDER BY w.id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Waived: %s, period %d (%s): %s"),
                              sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1),
                              sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      settle_book_set_error (book, rc, error);
      return NULL;
    }
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_file (const char *dir,
            const char *name,
            const char *contents,
            GError    **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents (path, contents, -1, error);
}

static gboolean
remove_tree (const char *path,
             GError    **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;
  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_unlink (child) != 0)
        {
          int saved = errno;
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_IO,
                       _("Cannot remove “%s”: %s"), child, g_strerror (saved));
          return FALSE;
        }
    }
  if (g_rmdir (path) != 0)
    {
      int saved = errno;
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_IO,
                   _("Cannot remove “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_packet_files (SettleBook                      *book,
                    const SettleCollectionsPacket   *packet,
                    const SettleCollectionsRenderer *renderer,
                    const char                      *dir,
                    GError                         **error)
{
  g_autofree char *csv = NULL, *fees = NULL, *statement = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (SettleId));
  GDate from = packet->as_of;
  sqlite3_stmt *stmt;
  int rc;

  /* Every invoice still open on the date (fee invoices too); the statement starts at
   * the oldest one. */
  stmt = settle_book_prepare (book,
                              "SELECT id, issue_date FROM invoices WHERE client_id = ?1 AND "
                              "kind = 'invoice' AND status IN ('issued', 'partial') "
                              "ORDER BY issue_date, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, packet->client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SettleId id = sqlite3_column_int64 (stmt, 0);
      GDate issued;

      settle_column_date (stmt, 1, &issued);
      if (g_date_valid (&issued) && g_date_compare (&issued, &from) < 0)
        from = issued;
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return settle_book_set_error (book, rc, error);

  statement = g_build_filename (dir, "statement.pdf", NULL);
  if (!renderer->statement_pdf (book, packet->client_id, &from, &packet->as_of, statement,
                                renderer->user_data, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SettleInvoice) inv = settle_invoice_load (book, g_array_index (ids, SettleId, i),
                                                          error);
      g_autofree char *name = NULL, *path = NULL;

      if (inv == NULL)
        return FALSE;
      name = g_strdup_printf ("invoice-%s.pdf", inv->number);
      g_strdelimit (name, "/\\", '-');
      path = g_build_filename (dir, name, NULL);
      if (!renderer->invoice_pdf (book, inv->id, path, renderer->user_data, error))
        return FALSE;
    }
  csv = settle_collections_packet_activity_csv (book, packet->client_id, error);
  if (csv == NULL || !write_file (dir, "activity.csv", csv, error))
    return FALSE;
  fees = settle_collections_packet_fee_text (book, packet->client_id, error);
  if (fees == NULL || !write_file (dir, "fees.txt", fees, error))
    return FALSE;
  return TRUE;
}

static SettleCollectionsPacket *
load_packet (SettleBook *book,
             SettleId    packet_id,
             GError    **error)
{
  g_autoptr(GPtrArray) all = settle_collections_packet_list (book, FALSE, error);

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      SettleCollectionsPacket *packet = g_ptr_array_index (all, i);

      if (packet->id == packet_id)
        return g_ptr_array_steal_index (all, i);
    }
  g_set_error_literal (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                       _("That collections packet does not exist"));
  return NULL;
}

static gboolean
mark_written (SettleBook *book,
              SettleId    packet_id,
              GError    **error)
{
  g_autofree char *now = settle_timestamp_now ();
  sqlite3_stmt *stmt;

  stmt = settle_book_prepare (book, "UPDATE collections_packets SET status = 'written', "
                                    "written_at = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, packet_id);
  return settle_book_step_done (book, stmt, error);
}

static gboolean
write_packet (SettleBook                      *book,
              const SettleCollectionsPacket   *packet,
              const SettleCollectionsRenderer *renderer,
              GError                         **error)
{
  g_autofree char *tmp = NULL;
  tmp = g_strconcat (packet->folder, ".partial", NULL);
  if (!remove_tree (tmp, error))
    return FALSE;
  if (g_mkdir_with_parents (tmp, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_IO,
                   _("Cannot create the collections folder “%s”: %s"), tmp, g_strerror (saved));
      return FALSE;
    }
  if (!write_packet_files (book, packet, renderer, tmp, error))
    {
      remove_tree (tmp, NULL);
      return FALSE;
    }
  /* Two collections steps of one client on one day share the folder: the newer
   * packet replaces the older, which it contains. */
  if (!remove_tree (packet->folder, error))
    return FALSE;
  if (g_rename (tmp, packet->folder) != 0)
    {
      int saved = errno;
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_IO,
                   _("Cannot move the collections packet to “%s”: %s"), packet->folder,
                   g_strerror (saved));
      return FALSE;
    }
  return mark_written (book, packet->id, error);
}

gboolean
settle_collections_packet_write (SettleBook                      *book,
                                 SettleId                         packet_id,
                                 const SettleCollectionsRenderer *renderer,
                                 GError                         **error)
{
  g_autoptr(SettleCollectionsPacket) packet = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (renderer != NULL && renderer->invoice_pdf != NULL &&
                        renderer->statement_pdf != NULL, FALSE);

  packet = load_packet (book, packet_id, error);
  if (packet == NULL)
    return FALSE;
  return write_packet (book, packet, renderer, error);
}

gboolean
settle_collections_packet_write_pending (SettleBook                      *book,
                                         const SettleCollectionsRenderer *renderer,
                                         guint                           *n_written,
                                         GError                         **error)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SETTLE_IS_BOOK (book), FALSE);
  g_return_val_if_fail (renderer != NULL && renderer->invoice_pdf != NULL &&
                        renderer->statement_pdf != NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;
  pending = settle_collections_packet_list (book, TRUE, error);
  if (pending == NULL)
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    {
      const SettleCollectionsPacket *packet = g_ptr_array_index (pending, i);

      /* Several items of one client handed over on one day share a folder, which
       * holds all of them: drawn once. */
      if (g_hash_table_contains (done, packet->folder))
        {
          if (!mark_written (book, packet->id, error))
            return FALSE;
          continue;
        }
      if (!write_packet (book, packet, renderer, error))
        return FALSE;
      g_hash_table_add (done, packet->folder);
      if (n_written != NULL)
        (*n_written)++;
    }
  return TRUE;
}
