/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SETTLE_TYPE_APPLICATION (settle_application_get_type ())
G_DECLARE_FINAL_TYPE (SettleApplication, settle_application, SETTLE, APPLICATION,
                      AdwApplication)

SettleApplication *settle_application_new       (GApplicationFlags  extra_flags);
/* Shows the book in its window if one has it, else in a new window (or in the
 * active one while that has no book). */
void               settle_application_open_path (SettleApplication *self,
                                                 const char        *path);
/* The book to open without a file argument: the last one, or the demo book. */
char              *settle_application_get_default_book (SettleApplication *self,
                                                        gboolean          *is_fallback);

G_END_DECLS
