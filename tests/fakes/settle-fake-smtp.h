/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  SETTLE_FAKE_SMTP_PLAIN,
  SETTLE_FAKE_SMTP_STARTTLS, /* STARTTLS required before MAIL */
  SETTLE_FAKE_SMTP_TLS,      /* implicit TLS (smtps) */
} SettleFakeSmtpMode;

/* A real SMTP server (Debian's python3-aiosmtpd) on a free loopback port, storing what
 * it receives in a Maildir. */
typedef struct
{
  GPid  pid;
  int   port;
  char *dir;      /* temporary folder holding everything below */
  char *maildir;
  char *cert;     /* self-signed for localhost and 127.0.0.1; NULL in plain mode */
} SettleFakeSmtp;

/* refuse_stage NULL: a plain Mailbox. Otherwise tests/fakes/settle_smtp_fake.py's
 * Refuse handler with that stage ("rcpt", "data", "drop") and reply. */
SettleFakeSmtp *settle_fake_smtp_start        (SettleFakeSmtpMode  mode,
                                               const char         *refuse_stage,
                                               const char         *refuse_reply);
/* A plain server that requires AUTH with this user name and password. */
SettleFakeSmtp *settle_fake_smtp_start_auth   (const char         *username,
                                               const char         *password);
void            settle_fake_smtp_stop         (SettleFakeSmtp     *smtp);
/* Messages received so far. */
guint           settle_fake_smtp_count        (SettleFakeSmtp     *smtp);
/* The n-th received message parsed by settle_mail_dump.py (attachments saved to files
 * whose paths are in "attachments"). */
JsonObject     *settle_fake_smtp_dump         (SettleFakeSmtp     *smtp,
                                               guint               n);
/* The same for any RFC 5322 file. */
JsonObject     *settle_fake_smtp_dump_file    (const char         *path,
                                               const char         *attachment_dir);
/* A loopback port where nothing listens. */
int             settle_fake_smtp_free_port    (void);
/* pdftotext of a file. */
char           *settle_fake_smtp_pdf_text     (const char         *path);

G_END_DECLS
