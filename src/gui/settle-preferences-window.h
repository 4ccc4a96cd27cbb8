/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

#define SETTLE_TYPE_PREFERENCES_WINDOW (settle_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SettlePreferencesWindow, settle_preferences_window,
                      SETTLE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The book's preferences: the company as invoices show it (branding), default
 * terms, number series, tax rates and the catalogue. Changes are saved a moment
 * after typing stops and when the window closes, section by section, and only
 * when the section is valid: an invalid field says what is wrong in its own
 * row and nothing of its section is written. */
SettlePreferencesWindow *settle_preferences_window_new      (GtkWindow               *parent,
                                                             SettleBook              *book);
/* Writes what changed now. FALSE when a field is invalid (that section is not
 * written; the others are). */
gboolean                 settle_preferences_window_save     (SettlePreferencesWindow *self);
/* What choosing a logo file does: validates it (exists, PNG or SVG), shows it,
 * or shows why not on the logo row and keeps the previous logo. */
gboolean                 settle_preferences_window_set_logo (SettlePreferencesWindow *self,
                                                             const char              *path);
/* The message shown on the logo row, NULL when the logo is fine. */
const char              *settle_preferences_window_get_logo_error (SettlePreferencesWindow *self);
/* A row or control of the template by its id ("name_row", "accent_button"…), for
 * tests. */
GtkWidget               *settle_preferences_window_get_widget (SettlePreferencesWindow *self,
                                                               const char              *id);

G_END_DECLS
