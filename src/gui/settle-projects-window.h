/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-book.h"

G_BEGIN_DECLS

#define SETTLE_TYPE_PROJECTS_WINDOW (settle_projects_window_get_type ())
G_DECLARE_FINAL_TYPE (SettleProjectsWindow, settle_projects_window, SETTLE, PROJECTS_WINDOW, AdwWindow)

/* The book's projects with their budget, what was invoiced and their
 * milestones; "Complete" on a milestone drafts its invoice (dated today) and
 * says so in a toast. */
SettleProjectsWindow *settle_projects_window_new      (GtkWindow            *parent,
                                                       SettleBook           *book);
void                  settle_projects_window_reload   (SettleProjectsWindow *self);
/* What the Complete button does. Returns the drafted invoice, 0 with the
 * reason shown in a toast (and in error). */
SettleId              settle_projects_window_complete (SettleProjectsWindow *self,
                                                       SettleId              milestone_id,
                                                       GError              **error);
guint                 settle_projects_window_get_n_projects (SettleProjectsWindow *self);

G_END_DECLS
