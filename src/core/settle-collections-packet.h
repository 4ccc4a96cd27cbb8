/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"

G_BEGIN_DECLS

/* A collections packet: what a collections agency needs for one client, in a folder
 * CLIENT-DATE under the setting "collections.folder" (default
 * $XDG_DATA_HOME/settle/collections): statement.pdf (the statement of account from
 * the oldest open invoice to the date), one PDF per open invoice (fee invoices
 * included), activity.csv (the client's and its invoices' timeline) and fees.txt
 * (each late fee, waiver and how it was computed).
 *
 * The dunning run records the packet in the step's transaction; the files are
 * written afterwards (files are not transactional) by
 * settle_collections_packet_write_pending(), into a temporary folder renamed into
 * place, so a packet is either whole or written again by the next call. The PDFs are
 * drawn by the render layer, which core cannot call: the caller passes a renderer
 * made of render functions (settle-cli remind has one over SettleInvoiceDocument and
 * SettleStatementDocument). */

typedef struct
{
  /* Each draws one PDF into path. */
  gboolean (*invoice_pdf)   (SettleBook  *book,
                             SettleId     invoice_id,
                             const char  *path,
                             gpointer     user_data,
                             GError     **error);
  gboolean (*statement_pdf) (SettleBook  *book,
                             SettleId     client_id,
                             const GDate *from,
                             const GDate *to,
                             const char  *path,
                             gpointer     user_data,
                             GError     **error);
  gpointer user_data;
} SettleCollectionsRenderer;

typedef struct
{
  SettleId id;
  SettleId client_id;
  SettleId invoice_id;
  GDate    as_of;
  char    *folder;
  gboolean written;
} SettleCollectionsPacket;

void       settle_collections_packet_free          (SettleCollectionsPacket *packet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleCollectionsPacket, settle_collections_packet_free)

/* The folder packets go in: the setting, else $XDG_DATA_HOME/settle/collections. */
char      *settle_collections_base_folder          (SettleBook    *book);
/* base/CLIENT-DATE, CLIENT being the client's name made safe for a file name. */
char      *settle_collections_packet_folder        (SettleBook    *book,
                                                    SettleId       client_id,
                                                    const GDate   *as_of,
                                                    GError       **error);
/* Records a pending packet for a dunning log row (inside the caller's transaction).
 * Returns its id, 0 on error. */
SettleId   settle_collections_packet_record        (SettleBook    *book,
                                                    SettleId       dunning_log_id,
                                                    SettleId       client_id,
                                                    SettleId       invoice_id,
                                                    const GDate   *as_of,
                                                    GError       **error);
/* Packets, oldest first; pending_only: those not written yet. */
GPtrArray *settle_collections_packet_list          (SettleBook    *book,
                                                    gboolean       pending_only,
                                                    GError       **error);

/* activity.csv: at,actor,entity,number,action,detail — the client's rows and its
 * invoices' rows, oldest first. */
char      *settle_collections_packet_activity_csv  (SettleBook    *book,
                                                    SettleId       client_id,
                                                    GError       **error);
/* fees.txt: each fee invoice of the client (number, period, amount, the
 * computation) and each waiver, and the policy that applies. */
char      *settle_collections_packet_fee_text      (SettleBook    *book,
                                                    SettleId       client_id,
                                                    GError       **error);

/* Writes one packet's folder (replacing a partial one) and marks it written. */
gboolean   settle_collections_packet_write         (SettleBook                      *book,
                                                    SettleId                         packet_id,
                                                    const SettleCollectionsRenderer *renderer,
                                                    GError                         **error);
/* Writes every pending packet; packets of one client and day share a folder, drawn
 * once. n_written: folders written. */
gboolean   settle_collections_packet_write_pending (SettleBook                      *book,
                                                    const SettleCollectionsRenderer *renderer,
                                                    guint                           *n_written,
                                                    GError                         **error);

G_END_DECLS
