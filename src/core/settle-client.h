/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

typedef struct
{
  SettleId id;
  char    *name;
  char    *contact_name;
  char    *email;        /* billing email; further contacts in SettleContact */
  char    *phone;
  char    *address;      /* billing address, several lines */
  char    *state;        /* state or region code, e.g. "CA" */
  char    *country;      /* ISO 3166 alpha-2 */
  int      terms_days;
  char     currency[4];
  char    *tax_id;
  char    *notes;
  gboolean on_hold;
  gint64   balance;      /* open receivables (derived cache) */
  gint64   credit;       /* unapplied payments (derived cache) */
} SettleClient;

typedef struct
{
  SettleId id;
  SettleId client_id;
  char    *name;
  char    *email;
  char    *role;
} SettleContact;

SettleClient *settle_client_new          (void);
void          settle_client_free         (SettleClient  *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleClient, settle_client_free)
void          settle_contact_free        (SettleContact *contact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleContact, settle_contact_free)

/* Checks the fields a person typed; the message names the field. */
gboolean      settle_client_validate     (const SettleClient *client,
                                          GError           **error);
/* The same check as settle_email_address_is_valid() (settle-outbox.h). */
gboolean      settle_email_is_valid      (const char    *address);
gboolean      settle_text_is_blank       (const char    *text);

/* Inserts (id == 0) or updates; sets client->id. */
gboolean      settle_client_save         (SettleBook    *book,
                                          SettleClient  *client,
                                          GError       **error);
SettleClient *settle_client_load         (SettleBook    *book,
                                          SettleId       id,
                                          GError       **error);
gboolean      settle_client_add_contact  (SettleBook    *book,
                                          SettleContact *contact,
                                          GError       **error);
GPtrArray    *settle_client_list_contacts (SettleBook   *book,
                                          SettleId       client_id,
                                          GError       **error);
gboolean      settle_client_set_hold     (SettleBook    *book,
                                          SettleId       client_id,
                                          gboolean       on_hold,
                                          const char    *reason,
                                          GError       **error);

G_END_DECLS
