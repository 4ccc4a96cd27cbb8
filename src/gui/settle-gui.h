/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes the window's templates, CSS and help overlay available. Called by the
 * application at startup, and by tests that build windows themselves. */
void       settle_gui_init         (void);
/* Shows the details pane at the end of a paned, at details_width the first time,
 * whatever its contents would like: the list comes first. Dragging the handle
 * changes it after that. */
void       settle_gui_reveal_pane  (GtkPaned  *paned,
                                    GtkWidget *pane,
                                    int        details_width);

/* The app's settings, or NULL (with one warning) when the schema is not
 * installed, as when running from the build tree without GSETTINGS_SCHEMA_DIR. */
GSettings *settle_gui_settings_new (void);

G_END_DECLS
