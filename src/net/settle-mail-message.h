/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char   *filename;     /* what the recipient sees */
  char   *content_type; /* "application/pdf" */
  GBytes *data;
} SettleMailAttachment;

/* An RFC 5322 message: text, optional HTML alternative, attachments. */
typedef struct
{
  char      *from_address;
  char      *from_name;   /* "" = address only */
  GStrv      to;
  GStrv      cc;          /* may be NULL */
  char      *subject;
  char      *text;
  char      *html;        /* NULL or "" = text only */
  GDateTime *date;        /* NULL = now */
  char      *message_id;  /* "<…@…>"; NULL = none */
  GPtrArray *attachments; /* SettleMailAttachment* */
} SettleMailMessage;

SettleMailMessage *settle_mail_message_new            (void);
void               settle_mail_message_free           (SettleMailMessage       *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleMailMessage, settle_mail_message_free)
void               settle_mail_message_add_attachment (SettleMailMessage       *message,
                                                       const char              *filename,
                                                       const char              *content_type,
                                                       GBytes                  *data);

/* Every envelope recipient: To then Cc. */
GStrv              settle_mail_message_get_recipients (const SettleMailMessage *message);

/* The message as it goes on the wire: CRLF line ends, 7-bit (base64 bodies), headers
 * with non-ASCII text as RFC 2047 encoded words. */
GBytes            *settle_mail_message_to_bytes       (const SettleMailMessage *message,
                                                       GError                 **error);

/* "=?UTF-8?B?…?=" words (folded with CRLF SP when long) for non-ASCII text;
 * ASCII text comes back as it is. */
char              *settle_mail_encode_header_text     (const char              *text);

G_END_DECLS
