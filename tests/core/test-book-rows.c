/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include "settle-agreement.h"
#include "settle-book-rows-private.h"
#include "settle-project.h"
#include "settle-test-util.h"

/* The record-with-children helpers the agreement and project stores share: found and
 * not found, lists with their children, and ids given back when a save fails. */

static void
test_ids (void)
{
  g_autoptr(SettleProject) p = settle_project_new (1, "USD");
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GArray) ids = NULL;
  SettleMilestone *a = settle_project_add_milestone (p, "Design", 100, NULL);
  SettleMilestone *b = settle_project_add_milestone (p, "Build", 200, NULL);
  SettleMilestone *c = settle_project_add_milestone (p, "Handover", 300, NULL);

  a->id = 7;
  c->id = 9;
  stored = settle_book_rows_stored_ids (p->milestones);
  g_assert_cmpuint (g_hash_table_size (stored), ==, 2);
  g_assert_true (g_hash_table_contains (stored, &a->id));
  g_assert_false (g_hash_table_contains (stored, &b->id));
  g_assert_true (g_hash_table_contains (stored, &c->id));

  ids = settle_book_rows_get_ids (p->milestones);
  g_assert_cmpuint (ids->len, ==, 3);
  a->id = 70;
  b->id = 80;
  c->id = 90;
  settle_book_rows_set_ids (p->milestones, ids);
  g_assert_cmpint (a->id, ==, 7);
  g_assert_cmpint (b->id, ==, 0);
  g_assert_cmpint (c->id, ==, 9);
}

static void
test_not_found (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleAgreement) ag = NULL;
  g_autoptr(SettleProject) p = NULL;

  ag = settle_agreement_load (book, 4242, &error);
  g_assert_null (ag);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no agreement with id 4242");
  g_clear_error (&error);

  p = settle_project_load (book, 77, &error);
  g_assert_null (p);
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no project with id 77");

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

static void
test_lists_with_children (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) none = NULL;
  SettleId first = settle_test_add_client (book, "Alder Dental", 30);
  SettleId second = settle_test_add_client (book, "Birch Legal", 30);
  const char *names[] = { "Rollout", "Audit" };
  const SettleProject *listed;
  const SettleAgreement *ag;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SettleProject) p = settle_project_new (i == 0 ? second : first, "USD");

      g_free (p->name);
      p->name = g_strdup (names[i]);
      settle_project_add_milestone (p, "One", 1000 * (i + 1), NULL);
      settle_project_add_milestone (p, "Two", 2000 * (i + 1), NULL);
      g_assert_true (settle_project_save (book, p, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(SettleAgreement) a = settle_agreement_new (second, "USD");

    g_free (a->name);
    a->name = g_strdup ("Managed services");
    a->start_date = settle_test_date ("2026-01-01");
    settle_agreement_add_line (a, "Seats", 5000, 2500, 0, FALSE);
    settle_agreement_add_line (a, "Backup", 0, 300, 0, TRUE);
    g_assert_true (settle_agreement_save (book, a, &error));
    g_assert_no_error (error);
  }

  /* Sorted by client: Alder's "Audit" first, each with both milestones in order. */
  projects = settle_project_list (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 2);
  listed = g_ptr_array_index (projects, 0);
  g_assert_cmpstr (listed->name, ==, "Audit");
  g_assert_cmpstr (listed->client_name, ==, "Alder Dental");
  g_assert_cmpuint (listed->milestones->len, ==, 2);
  g_assert_cmpint (((SettleMilestone *) g_ptr_array_index (listed->milestones, 1))->amount, ==,
                   4000);
  listed = g_ptr_array_index (projects, 1);
  g_assert_cmpstr (listed->name, ==, "Rollout");
  g_assert_cmpuint (listed->milestones->len, ==, 2);
  g_assert_cmpstr (((SettleMilestone *) g_ptr_array_index (listed->milestones, 0))->name, ==,
                   "One");

  agreements = settle_agreement_list (book, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agreements->len, ==, 1);
  ag = g_ptr_array_index (agreements, 0);
  g_assert_cmpuint (ag->lines->len, ==, 2);
  g_assert_cmpstr (((SettleAgreementLine *) g_ptr_array_index (ag->lines, 0))->description, ==,
                   "Seats");
  g_assert_true (((SettleAgreementLine *) g_ptr_array_index (ag->lines, 1))->usage);

  none = settle_agreement_list (book, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

/* A save that fails after inserting a new line gives the caller's ids back. */
static void
test_failed_save_restores_ids (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleAgreement) ag = NULL;
  g_autoptr(SettleAgreement) back = NULL;
  SettleId client = settle_test_add_client (book, "Cedar Clinic", 30);
  SettleAgreementLine *added, *foreign;
  SettleId kept;

  ag = settle_agreement_new (client, "USD");
  g_free (ag->name);
  ag->name = g_strdup ("Support");
  ag->start_date = settle_test_date ("2026-02-01");
  settle_agreement_add_line (ag, "Helpdesk", 1000, 9900, 0, FALSE);
  g_assert_true (settle_agreement_save (book, ag, &error));
  g_assert_no_error (error);
  kept = ((SettleAgreementLine *) g_ptr_array_index (ag->lines, 0))->id;
  g_assert_cmpint (kept, !=, 0);

  added = settle_agreement_add_line (ag, "Monitoring", 3000, 500, 0, FALSE);
  foreign = settle_agreement_add_line (ag, "Not ours", 1000, 100, 0, FALSE);
  foreign->id = 999999;
  g_assert_false (settle_agreement_save (book, ag, &error));
  g_assert_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND);
  g_assert_cmpint (((SettleAgreementLine *) g_ptr_array_index (ag->lines, 0))->id, ==, kept);
  g_assert_cmpint (added->id, ==, 0);
  g_assert_cmpint (foreign->id, ==, 999999);
  g_clear_error (&error);

  back = settle_agreement_load (book, ag->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->lines->len, ==, 1);

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

/* A new project whose save fails halfway is new again, its milestones as given. */
static void
test_failed_insert_restores_ids (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SettleBook) book = settle_test_new_book (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SettleProject) first = NULL;
  g_autoptr(SettleProject) second = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  SettleId client = settle_test_add_client (book, "Dogwood Vets", 30);
  SettleMilestone *taken, *fresh, *clash;

  first = settle_project_new (client, "USD");
  g_free (first->name);
  first->name = g_strdup ("Network");
  taken = settle_project_add_milestone (first, "Survey", 50000, NULL);
  g_assert_true (settle_project_save (book, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (taken->id, !=, 0);

  /* A milestone claiming another project's id cannot go in: the insert fails after
   * "Fresh" got an id. */
  second = settle_project_new (client, "USD");
  g_free (second->name);
  second->name = g_strdup ("Phones");
  fresh = settle_project_add_milestone (second, "Fresh", 100, NULL);
  clash = settle_project_add_milestone (second, "Clash", 200, NULL);
  clash->id = taken->id;
  g_assert_false (settle_project_save (book, second, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (second->id, ==, 0);
  g_assert_cmpint (fresh->id, ==, 0);
  g_assert_cmpint (clash->id, ==, taken->id);

  projects = settle_project_list (book, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 1);
  g_assert_cmpstr (((SettleProject *) g_ptr_array_index (projects, 0))->name, ==, "Network");

  g_clear_object (&book);
  settle_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/book-rows/ids", test_ids);
  g_test_add_func ("/book-rows/not-found", test_not_found);
  g_test_add_func ("/book-rows/lists", test_lists_with_children);
  g_test_add_func ("/book-rows/failed-save", test_failed_save_restores_ids);
  g_test_add_func ("/book-rows/failed-insert", test_failed_insert_restores_ids);
  return g_test_run ();
}
