/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "settle-types.h"

G_BEGIN_DECLS

#define SETTLE_BOOK_ERROR (settle_book_error_quark ())

typedef enum
{
  SETTLE_BOOK_ERROR_NOT_FOUND,     /* no such file, or no such row */
  SETTLE_BOOK_ERROR_EXISTS,        /* creating over an existing file */
  SETTLE_BOOK_ERROR_NOT_A_BOOK,    /* not SQLite, or SQLite but not a Settle book */
  SETTLE_BOOK_ERROR_NEWER_VERSION, /* written by a newer Settle */
  SETTLE_BOOK_ERROR_LOCKED,        /* open in another window, or a run holds it */
  SETTLE_BOOK_ERROR_CORRUPT,
  SETTLE_BOOK_ERROR_IO,            /* disk full, permissions, read errors */
  SETTLE_BOOK_ERROR_INVALID,       /* the data given breaks a rule */
  SETTLE_BOOK_ERROR_STATE,         /* not allowed in the record's state (issued, void…) */
  SETTLE_BOOK_ERROR_INTERNAL,
} SettleBookError;

typedef enum
{
  SETTLE_BOOK_OPEN_DEFAULT = 0,
  SETTLE_BOOK_OPEN_CREATE  = 1 << 0, /* create a new book; fail if the file exists */
  SETTLE_BOOK_OPEN_SESSION = 1 << 1, /* a window's session: one window per book */
} SettleBookOpenFlags;

/* The two exclusive roles a process can take on a book. */
typedef enum
{
  SETTLE_BOOK_LOCK_SESSION, /* a window has the book open */
  SETTLE_BOOK_LOCK_RUN,     /* a billing or dunning run is writing */
} SettleBookLockKind;

#define SETTLE_TYPE_BOOK (settle_book_get_type ())
G_DECLARE_FINAL_TYPE (SettleBook, settle_book, SETTLE, BOOK, GObject)

GQuark       settle_book_error_quark           (void);

SettleBook  *settle_book_open                  (const char          *path,
                                                SettleBookOpenFlags  flags,
                                                GError             **error);
void         settle_book_open_async            (const char          *path,
                                                SettleBookOpenFlags  flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
SettleBook  *settle_book_open_finish           (GAsyncResult        *result,
                                                GError             **error);
/* Another connection to the same book, for a worker thread. */
SettleBook  *settle_book_open_worker           (SettleBook          *self,
                                                GError             **error);

const char  *settle_book_get_path              (SettleBook          *self);
int          settle_book_get_schema_version    (SettleBook          *self);
int          settle_book_latest_schema_version (void);

gboolean     settle_book_begin                 (SettleBook          *self,
                                                GError             **error);
gboolean     settle_book_commit                (SettleBook          *self,
                                                GError             **error);
void         settle_book_rollback              (SettleBook          *self);

gboolean     settle_book_lock                  (SettleBook          *self,
                                                SettleBookLockKind   kind,
                                                GError             **error);
void         settle_book_unlock                (SettleBook          *self,
                                                SettleBookLockKind   kind);

/* An online copy (SQLite backup API) that readers and writers may keep using. */
gboolean     settle_book_backup                (SettleBook          *self,
                                                const char          *dest_path,
                                                GError             **error);

char        *settle_book_get_setting           (SettleBook          *self,
                                                const char          *key);
gboolean     settle_book_set_setting           (SettleBook          *self,
                                                const char          *key,
                                                const char          *value,
                                                GError             **error);

/* TRUE when another connection or process has written since the last call. */
gboolean     settle_book_poll_external_change  (SettleBook          *self);
/* Emits ::changed on the thread-default main context the book was opened in. */
void         settle_book_notify_changed        (SettleBook          *self);

/* Today's date in local time, or SETTLE_TODAY from the environment (tests, demos). */
void         settle_today                      (GDate               *date);
/* "YYYY-MM-DD" <-> GDate. Parsing is strict and fails on impossible dates. */
gboolean     settle_date_parse                 (const char          *text,
                                                GDate               *date);
char        *settle_date_to_iso                (const GDate         *date);
/* UTC "YYYY-MM-DDTHH:MM:SSZ" for activity timestamps. */
char        *settle_timestamp_now              (void);

G_END_DECLS
