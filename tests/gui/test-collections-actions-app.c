/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

/* Kept apart from test-collections-actions.c: the GUI's SettleApplication and the
 * core's SettleApplication (a payment's share of an invoice) share a name. */

#include "settle-application.h"
#include "test-collections-actions.h"

GtkApplication *
test_collections_actions_app_new (void)
{
  return GTK_APPLICATION (settle_application_new (G_APPLICATION_NON_UNIQUE));
}
