/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The SMTP password lives in the keyring (libsecret schema
 * "io.github.settle.Settle.Smtp", attributes host and username), never in the book. */
gboolean  settle_secret_store_smtp_password  (const char    *host,
                                              const char    *username,
                                              const char    *password,
                                              GCancellable  *cancellable,
                                              GError       **error);
/* SETTLE_SMTP_PASSWORD from the environment wins (tests, headless servers without a
 * keyring). No password stored is a SETTLE_NET_ERROR_CONFIG error that says so. */
char     *settle_secret_lookup_smtp_password (const char    *host,
                                              const char    *username,
                                              GCancellable  *cancellable,
                                              GError       **error);
gboolean  settle_secret_clear_smtp_password  (const char    *host,
                                              const char    *username,
                                              GCancellable  *cancellable,
                                              GError       **error);

G_END_DECLS
