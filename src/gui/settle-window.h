/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-aging-view.h"
#include "settle-book.h"
#include "settle-clients-view.h"
#include "settle-invoices-view.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_WINDOW_EMPTY,   /* no book: "No Book Open" */
  SETTLE_WINDOW_OPENING, /* a worker is opening the book */
  SETTLE_WINDOW_OPEN,
} SettleWindowState;

#define SETTLE_TYPE_WINDOW (settle_window_get_type ())
G_DECLARE_FINAL_TYPE (SettleWindow, settle_window, SETTLE, WINDOW, AdwApplicationWindow)

SettleWindow       *settle_window_new                (GtkApplication *application);
/* Opens the book in a worker; on failure says why in a dialog and leaves the
 * file as it was. quiet_if_missing: no dialog when the file does not exist (the
 * default demo book on a first start). */
void                settle_window_open               (SettleWindow   *self,
                                                      const char     *path,
                                                      gboolean        quiet_if_missing);
SettleWindowState   settle_window_get_state          (SettleWindow   *self);
SettleBook         *settle_window_get_book           (SettleWindow   *self);
/* The book open or being opened, as a canonical path; NULL when empty. */
const char         *settle_window_get_path           (SettleWindow   *self);

const char         *settle_window_get_view           (SettleWindow   *self);
void                settle_window_set_view           (SettleWindow   *self,
                                                      const char     *view);
void                settle_window_add_toast          (SettleWindow   *self,
                                                      AdwToast       *toast);
/* Writes the invoice in the details pane as a PDF at path, then shows a toast. */
void                settle_window_export_pdf_to      (SettleWindow   *self,
                                                      const char     *path);

SettleInvoicesView *settle_window_get_invoices_view  (SettleWindow   *self);
SettleClientsView  *settle_window_get_clients_view   (SettleWindow   *self);
SettleAgingView    *settle_window_get_aging_view     (SettleWindow   *self);

G_END_DECLS
