/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "settle-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SettleApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* SETTLE_LOCALEDIR lets an uninstalled build (./dev run, tests) find its catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SETTLE_LOCALEDIR") != NULL
                                   ? g_getenv ("SETTLE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Settle"));

  app = settle_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
