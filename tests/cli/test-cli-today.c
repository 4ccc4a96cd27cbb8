/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settle-cli bill and remind without --as-of run as of today (SETTLE_TODAY when
 * set, as the timers of data/systemd rely on). */
#define G_LOG_DOMAIN "settle-test"

#include <string.h>

#include "settle-book.h"
#include "settle-cli-test.h"
#include "settle-test-util.h"

/* settle-cli with SETTLE_TODAY = today (NULL = unset) and LC_ALL=C. */
static int
run_cli (char      **out,
         const char *today,
         const char *first,
         ...)
{
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_get_environ ();
  va_list ap;
  int status;

  env = today != NULL ? g_environ_setenv (env, "SETTLE_TODAY", today, TRUE)
                      : g_environ_unsetenv (env, "SETTLE_TODAY");
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);
  va_start (ap, first);
  status = settle_cli_test_run_va ((const char * const *) env, out, &err, first, ap);
  va_end (ap);
  return status;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* command: "bill" or "remind"; header: the first words of its plan. */
static void
check_default_today (const char *command,
                     const char *header)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *today = NULL;
  g_autofree char *out = NULL, *out_fixed = NULL, *out_explicit = NULL, *out_next = NULL;
  SettleBook *book = settle_test_new_book (&dir);
  SettleId client_id;

  path = g_strdup (settle_book_get_path (book));
  client_id = settle_test_add_client (book, "Litware", 30);
  /* Due 2026-01-31: a reminder is due from then on. */
  settle_test_add_invoice (book, client_id, "2026-01-01", 80000);
  g_object_unref (book);

  /* No SETTLE_TODAY: the real today. */
  today = today_iso ();
  g_assert_cmpint (run_cli (&out, NULL, command, path, "--dry-run", NULL), ==, 0);
  expected = g_strdup_printf ("%s as of %s:", header, today);
  if (strstr (out, expected) == NULL)
    g_error ("“%s” not in the output of %s: %s", expected, command, out);

  /* SETTLE_TODAY fixes the day, and the plan is the one asked for with --as-of. */
  g_assert_cmpint (run_cli (&out_fixed, "2026-02-10", command, path, "--dry-run", NULL), ==, 0);
  g_assert_cmpint (run_cli (&out_explicit, "2030-01-01", command, path, "--as-of", "2026-02-10",
                            "--dry-run", NULL), ==, 0);
  g_assert_cmpstr (out_fixed, ==, out_explicit);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s as of 2026-02-10:", header);
  g_assert_nonnull (strstr (out_fixed, expected));

  /* Another day, another plan. */
  g_assert_cmpint (run_cli (&out_next, "2026-02-11", command, path, "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (out_next, "as of 2026-02-11:"));
  settle_test_remove_dir (dir);
}

static void
test_bill_today (void)
{
  check_default_today ("bill", "Billing run");
}

static void
test_remind_today (void)
{
  check_default_today ("remind", "Reminder run");
}

int
main (int argc, char **argv)
{
  settle_cli_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/today/bill", test_bill_today);
  g_test_add_func ("/cli/today/remind", test_remind_today);
  return g_test_run ();
}
