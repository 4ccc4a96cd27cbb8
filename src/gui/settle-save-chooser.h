/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SETTLE_SAVE_PDF,
  SETTLE_SAVE_CSV,
} SettleSaveFormat;

/* Called with the local path the user chose. */
typedef void (*SettleSaveChooserFunc) (GtkWidget  *owner,
                                       const char *path,
                                       gpointer    user_data);

/* A modal "save" file chooser over owner's window, showing the files of format and
 * suggesting suggested_name. func runs when the user picks a local file; owner stays
 * alive until the chooser closes, and destroy (may be NULL) frees user_data then. */
void settle_save_chooser_show (GtkWidget             *owner,
                               const char            *title,
                               const char            *accept_label,
                               SettleSaveFormat       format,
                               const char            *suggested_name,
                               SettleSaveChooserFunc  func,
                               gpointer               user_data,
                               GDestroyNotify         destroy);

G_END_DECLS
