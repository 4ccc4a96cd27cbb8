/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* How the company presents itself on invoices and statements: the book's
 * "company.*" and "brand.*" settings. Missing settings are "". */
typedef struct
{
  char *company_name;
  char *address;              /* several lines */
  char *tax_id;
  char *email;
  char *phone;
  char *logo_path;            /* a PNG or SVG file; "" = no logo */
  char  accent[8];            /* "#RRGGBB" */
  char *remit_to;             /* where cheques go, several lines */
  char *payment_instructions; /* bank details, card portal… */
  char *terms_text;           /* printed under the totals */
  char *footer;
} SettleBranding;

/* The accent of a book that has never chosen one. */
#define SETTLE_BRANDING_DEFAULT_ACCENT "#1A5494"

typedef enum
{
  SETTLE_LOGO_NONE,
  SETTLE_LOGO_PNG,
  SETTLE_LOGO_SVG,
} SettleLogoFormat;

SettleBranding  *settle_branding_new           (void);
void             settle_branding_free          (SettleBranding        *branding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleBranding, settle_branding_free)
SettleBranding  *settle_branding_copy          (const SettleBranding  *branding);

SettleBranding  *settle_branding_load          (SettleBook            *book,
                                                GError               **error);
/* Validates, then writes every setting in one transaction: all or nothing. */
gboolean         settle_branding_save          (SettleBook            *book,
                                                const SettleBranding  *branding,
                                                GError               **error);
/* The logo exists, is readable and is PNG or SVG; the accent is #RRGGBB. The
 * message names the field (and the file). */
gboolean         settle_branding_validate      (const SettleBranding  *branding,
                                                GError               **error);

/* "#RRGGBB" (case-insensitive) -> 0..1 components. */
gboolean         settle_branding_parse_accent  (const char            *text,
                                                double                *r,
                                                double                *g,
                                                double                *b);
/* Looks at the file's first bytes. SETTLE_LOGO_NONE with error set when it is
 * missing, unreadable or neither PNG nor SVG. */
SettleLogoFormat settle_branding_logo_format   (const char            *path,
                                                GError               **error);

G_END_DECLS
