/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include "settle-activity.h"
#include "settle-book-private.h"
#include "settle-test-util.h"

static gint64
count (SettleBook *book,
       const char *sql,
       SettleId    client_id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (settle_book_get_db (book), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, client_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
expected_rows (SettleBook *book,
               SettleId    client_id)
{
  return count (book,
                "SELECT (SELECT count(*) FROM activity WHERE entity = 'client' AND entity_id = ?1)"
                " + (SELECT count(*) FROM activity a JOIN invoices i ON a.entity = 'invoice'"
                "    AND a.entity_id = i.id WHERE i.client_id = ?1)"
                " + (SELECT count(*) FROM activity a JOIN payments p ON a.entity = 'payment'"
                "    AND a.entity_id = p.id WHERE p.client_id = ?1)",
                client_id);
}

static void
test_for_client (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) other = NULL;
  SettleId a, b, inv_a, inv_b, pay_a, draft_a;
  gboolean seen_client = FALSE, seen_invoice = FALSE, seen_payment = FALSE, seen_draft = FALSE;

  a = settle_test_add_client (book, "Litware", 30);
  b = settle_test_add_client (book, "Fabrikam", 30);
  inv_a = settle_test_add_invoice (book, a, "2026-01-01", 50000);
  inv_b = settle_test_add_invoice (book, b, "2026-01-02", 70000);
  draft_a = settle_test_add_invoice (book, a, NULL, 1000);
  pay_a = settle_test_pay (book, a, "2026-01-20", 20000, inv_a, 20000);
  settle_test_pay (book, b, "2026-01-21", 70000, inv_b, 70000);
  g_assert_true (settle_activity_log (book, "client", a, "held", "", NULL, &error));
  g_assert_true (settle_activity_log (book, "client", b, "held", "", NULL, &error));
  g_assert_true (settle_activity_log (book, "payment", pay_a, "settled", "", NULL, &error));
  g_assert_true (settle_activity_log (book, "invoice", inv_a, "reminded", "due-today email 1",
                                      NULL, &error));
  /* Logged last but back-dated: it sorts by its time, at the end. */
  g_assert_true (settle_activity_log (book, "client", a, "released", "", "2000-01-01T00:00:00Z",
                                      NULL));
  /* Another client's invoice, logged last: not in Litware's timeline. */
  g_assert_true (settle_activity_log (book, "invoice", inv_b, "sent", "", NULL, &error));
  g_assert_no_error (error);

  all = settle_activity_list_for_client (book, a, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (all);
  g_assert_cmpint (all->len, ==, expected_rows (book, a));
  g_assert_cmpuint (all->len, >=, 5);
  for (guint i = 0; i < all->len; i++)
    {
      const SettleActivity *act = g_ptr_array_index (all, i);

      if (i > 0)
        {
          const SettleActivity *newer = g_ptr_array_index (all, i - 1);

          g_assert_cmpint (g_strcmp0 (act->at, newer->at), <=, 0);
          if (g_strcmp0 (act->at, newer->at) == 0)
            g_assert_cmpint (act->id, <, newer->id);
        }
      if (g_str_equal (act->entity, "client"))
        {
          g_assert_cmpint (act->entity_id, ==, a);
          g_assert_null (act->number);
          seen_client = TRUE;
        }
      else if (g_str_equal (act->entity, "invoice"))
        {
          g_assert_true (act->entity_id == inv_a || act->entity_id == draft_a);
          if (act->entity_id == inv_a)
            {
              g_assert_nonnull (act->number);
              g_assert_cmpint (act->amount, ==, 50000);
              seen_invoice = TRUE;
            }
          else
            {
              g_assert_null (act->number);
              seen_draft = TRUE;
            }
        }
      else if (g_str_equal (act->entity, "payment"))
        {
          g_assert_cmpint (act->entity_id, ==, pay_a);
          g_assert_cmpint (act->amount, ==, 20000);
          g_assert_cmpstr (act->currency, ==, "USD");
          seen_payment = TRUE;
        }
      else
        g_error ("unexpected entity “%s”", act->entity);
    }
  g_assert_true (seen_client && seen_invoice && seen_payment && seen_draft);
  g_assert_cmpstr (((const SettleActivity *) g_ptr_array_index (all, all->len - 1))->action, ==,
                   "released");
  /* Newest first: the last row logged leads. */
  g_assert_cmpstr (((const SettleActivity *) g_ptr_array_index (all, 0))->action, ==,
                   "reminded");

  /* Pages are slices of the whole. */
  for (guint offset = 0; offset < all->len; offset += 2)
    {
      g_autoptr(GPtrArray) page = settle_activity_list_for_client (book, a, 2, offset, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (2, all->len - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (((const SettleActivity *) g_ptr_array_index (page, i))->id, ==,
                         ((const SettleActivity *) g_ptr_array_index (all, offset + i))->id);
    }

  other = settle_activity_list_for_client (book, b, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other->len, ==, expected_rows (book, b));
  g_assert_cmpuint (other->len, >, 0);
  settle_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/activity/for-client", test_for_client);
  return g_test_run ();
}
