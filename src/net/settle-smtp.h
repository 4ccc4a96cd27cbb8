/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-book.h"
#include "settle-mail-message.h"
#include "settle-net-error.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_SMTP_SECURITY_NONE,     /* plain text: only for a relay on the same machine */
  SETTLE_SMTP_SECURITY_STARTTLS, /* smtp://, then STARTTLS, required (port 587) */
  SETTLE_SMTP_SECURITY_TLS,      /* smtps://, TLS from the start (port 465) */
} SettleSmtpSecurity;

typedef struct
{
  char              *host;
  int                port;          /* 0 = the security's usual port */
  SettleSmtpSecurity security;
  char              *username;      /* "" = no AUTH */
  char              *password;      /* NULL = from the keyring when username is set */
  char              *from_address;
  char              *from_name;
  char              *ca_file;       /* NULL = the system's CAs (a private CA, tests) */
  int                timeout_seconds; /* for the whole exchange; 0 = 300 */
} SettleSmtpSettings;

/* Book settings keys. The password is never stored in the book. */
#define SETTLE_SMTP_KEY_HOST      "smtp.host"
#define SETTLE_SMTP_KEY_PORT      "smtp.port"
#define SETTLE_SMTP_KEY_SECURITY  "smtp.security"
#define SETTLE_SMTP_KEY_USERNAME  "smtp.username"
#define SETTLE_SMTP_KEY_FROM      "smtp.from"
#define SETTLE_SMTP_KEY_FROM_NAME "smtp.from_name"
#define SETTLE_SMTP_KEY_CA_FILE   "smtp.cafile"

SettleSmtpSettings *settle_smtp_settings_new           (void);
SettleSmtpSettings *settle_smtp_settings_copy          (const SettleSmtpSettings *settings);
void                settle_smtp_settings_free          (SettleSmtpSettings       *settings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleSmtpSettings, settle_smtp_settings_free)

const char         *settle_smtp_security_to_string     (SettleSmtpSecurity        security);
gboolean            settle_smtp_security_from_string   (const char               *text,
                                                        SettleSmtpSecurity       *security);

/* SETTLE_NET_ERROR_CONFIG naming the field when something needed is missing. */
gboolean            settle_smtp_settings_validate      (const SettleSmtpSettings *settings,
                                                        GError                  **error);
/* From the book's settings; "Email is not set up" (CONFIG) when there is no server
 * or no sender. The password stays NULL. */
SettleSmtpSettings *settle_smtp_settings_load          (SettleBook               *book,
                                                        GError                  **error);
/* Validates, then writes every key but the password. */
gboolean            settle_smtp_settings_save          (SettleBook               *book,
                                                        const SettleSmtpSettings *settings,
                                                        GError                  **error);
/* Fills settings->password from the keyring when a user name needs one. */
gboolean            settle_smtp_settings_resolve_password (SettleSmtpSettings    *settings,
                                                        GCancellable             *cancellable,
                                                        GError                  **error);

/* Sends one message; TRUE once the server accepted it, with its reply ("250 …") in
 * server_reply. On failure the error code tells what to do with the job:
 * TRANSIENT/CONNECT retry later, PERMANENT give up, UNCERTAIN never resend by itself,
 * CONFIG/TLS/AUTH fix the settings. The message carries the server's reply. */
gboolean            settle_smtp_send                   (const SettleSmtpSettings *settings,
                                                        const SettleMailMessage  *message,
                                                        char                    **server_reply,
                                                        GCancellable             *cancellable,
                                                        GError                  **error);

G_END_DECLS
