/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

/* The book's email settings: server, port, security, user name, sender; the
 * password goes to the keyring (libsecret), never into the book. Each field says
 * what is wrong with it; Save writes nothing until every field is right, and a
 * keyring that cannot be reached is said plainly. */

#define SETTLE_TYPE_EMAIL_PREFERENCES (settle_email_preferences_get_type ())
G_DECLARE_FINAL_TYPE (SettleEmailPreferences, settle_email_preferences, SETTLE, EMAIL_PREFERENCES,
                      AdwWindow)

SettleEmailPreferences *settle_email_preferences_new       (GtkWindow              *parent,
                                                            SettleBook             *book);
/* The first field error, or NULL. */
const char             *settle_email_preferences_get_error (SettleEmailPreferences *self);
/* As the Save button: validates, stores the password (in a worker) when one was
 * typed, then the settings; closes the window when done. */
void                    settle_email_preferences_save      (SettleEmailPreferences *self);
gboolean                settle_email_preferences_get_busy  (SettleEmailPreferences *self);

G_END_DECLS
