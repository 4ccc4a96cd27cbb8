/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The factory of the client list's Email column: the address, and a warning
 * icon ("Email address is not valid") when it is empty or fails
 * settle_email_is_valid(), the check the dunning run makes before emailing. */
GtkListItemFactory *settle_client_email_factory_new (void);

G_END_DECLS
