/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "settle-book-private.h"
#include "settle-core-resources.h"

/* PRAGMA application_id of every Settle book: "STLE". */
#define SETTLE_APPLICATION_ID 0x53544c45

static const char * const migrations[] = {
  "0001-initial.sql",
  "0002-invoicing.sql",
  "0003-agreements.sql",
  "0004-outbox.sql",
  "0005-payments.sql",
  "0006-dunning.sql",
  "0007-aging-history.sql",
  "0008-reconciliation.sql",
  "0009-aging-metrics.sql",
};

struct _SettleBook
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  GHashTable   *statements; /* sql -> sqlite3_stmt* */
  GMainContext *context;
  int           lock_fd;
  guint         held_locks; /* bit per SettleBookLockKind */
  int           depth;      /* transaction nesting */
  int           data_version;
};

G_DEFINE_TYPE (SettleBook, settle_book, G_TYPE_OBJECT)

G_DEFINE_QUARK (settle-book-error-quark, settle_book_error)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
settle_book_finalize (GObject *object)
{
  SettleBook *self = (SettleBook *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);

  G_OBJECT_CLASS (settle_book_parent_class)->finalize (object);
}

static void
settle_book_class_init (SettleBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = settle_book_finalize;

  /**
   * SettleBook::changed:
   *
   * The book was written: by this connection (after settle_book_notify_changed())
   * or by another one (seen by settle_book_poll_external_change()).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
settle_book_init (SettleBook *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return SETTLE_BOOK_ERROR_NOT_A_BOOK;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SETTLE_BOOK_ERROR_LOCKED;
    case SQLITE_CORRUPT:
      return SETTLE_BOOK_ERROR_CORRUPT;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return SETTLE_BOOK_ERROR_IO;
    case SQLITE_CONSTRAINT:
      return SETTLE_BOOK_ERROR_INVALID;
    default:
      return SETTLE_BOOK_ERROR_INTERNAL;
    }
}

static gboolean
set_sqlite_error (const char *path,
                  sqlite3    *db,
                  int         rc,
                  GError    **error)
{
  int code = error_code_for_sqlite (rc);
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (code)
    {
    case SETTLE_BOOK_ERROR_NOT_A_BOOK:
      g_set_error (error, SETTLE_BOOK_ERROR, code, _("“%s” is not a Settle book"), path);
      break;
    case SETTLE_BOOK_ERROR_LOCKED:
      g_set_error (error, SETTLE_BOOK_ERROR, code,
                   _("The book “%s” is busy: another program is writing to it"), path);
      break;
    case SETTLE_BOOK_ERROR_CORRUPT:
      g_set_error (error, SETTLE_BOOK_ERROR, code,
                   _("The book “%s” is damaged (%s); restore it from a backup"), path, detail);
      break;
    case SETTLE_BOOK_ERROR_IO:
      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error (error, SETTLE_BOOK_ERROR, code,
                     _("The disk is full: nothing was saved to “%s”"), path);
      else
        g_set_error (error, SETTLE_BOOK_ERROR, code,
                     _("Cannot read or write “%s”: %s"), path, detail);
      break;
    default:
      g_set_error (error, SETTLE_BOOK_ERROR, code, _("Error in the book “%s”: %s"), path, detail);
      break;
    }
  return FALSE;
}

gboolean
settle_book_set_error (SettleBook *self,
                       int         rc,
                       GError    **error)
{
  return set_sqlite_error (self->path, self->db, rc, error);
}

sqlite3 *
settle_book_get_db (SettleBook *self)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (self), NULL);
  return self->db;
}

gboolean
settle_book_in_transaction (SettleBook *self)
{
  return self->depth > 0;
}

sqlite3_stmt *
settle_book_prepare (SettleBook *self,
                     const char *sql,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      set_sqlite_error (self->path, self->db, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
settle_book_step_done (SettleBook   *self,
                       sqlite3_stmt *stmt,
                       GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sqlite_error (self->path, self->db, sqlite3_extended_errcode (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
settle_book_exec (SettleBook *self,
                  const char *sql,
                  GError    **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &msg);

  sqlite3_free (msg);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self->path, self->db, sqlite3_extended_errcode (self->db), error);
  return TRUE;
}

void
settle_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
settle_bind_date (sqlite3_stmt *stmt,
                  int           index,
                  const GDate  *date)
{
  if (date == NULL || !g_date_valid (date))
    sqlite3_bind_null (stmt, index);
  else
    {
      char buf[16];

      g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", g_date_get_year (date),
                  g_date_get_month (date), g_date_get_day (date));
      sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
    }
}

char *
settle_column_dup (sqlite3_stmt *stmt,
                   int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text ? g_strdup (text) : NULL;
}

void
settle_column_date (sqlite3_stmt *stmt,
                    int           index,
                    GDate        *date)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  g_date_clear (date, 1);
  if (text != NULL)
    settle_date_parse (text, date);
}

/* Dates */

gboolean
settle_date_parse (const char *text,
                   GDate      *date)
{
  unsigned y, m, d;
  char tail;

  g_return_val_if_fail (date != NULL, FALSE);
  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
settle_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
settle_today (GDate *date)
{
  const char *fixed = g_getenv ("SETTLE_TODAY");

  if (fixed != NULL && settle_date_parse (fixed, date))
    return;
  g_date_clear (date, 1);
  g_date_set_time_t (date, time (NULL));
}

char *
settle_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Locks: open file description locks on bytes of "BOOK.lock", one byte per kind.
 * The kernel drops them when the process dies, so a killed run never leaves the
 * book locked. */

static gboolean
ensure_lock_fd (SettleBook *self,
                GError    **error)
{
  g_autofree char *lock_path = NULL;

  if (self->lock_fd >= 0)
    return TRUE;
  lock_path = g_strconcat (self->path, ".lock", NULL);
  self->lock_fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (self->lock_fd < 0)
    {
      int saved = errno;
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_IO,
                   _("Cannot create the lock file “%s”: %s"), lock_path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
settle_book_lock (SettleBook         *self,
                  SettleBookLockKind  kind,
                  GError            **error)
{
  struct flock fl = { 0 };

  g_return_val_if_fail (SETTLE_IS_BOOK (self), FALSE);

  if (self->held_locks & (1u << kind))
    return TRUE;
  if (!ensure_lock_fd (self, error))
    return FALSE;
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = kind;
  fl.l_len = 1;
  if (fcntl (self->lock_fd, F_OFD_SETLK, &fl) < 0)
    {
      if (errno == EAGAIN || errno == EACCES)
        {
          if (kind == SETTLE_BOOK_LOCK_SESSION)
            g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED,
                         _("The book “%s” is already open in another Settle window"), self->path);
          else
            g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_LOCKED,
                         _("A billing or reminder run is already working on the book “%s”"),
                         self->path);
        }
      else
        {
          int saved = errno;
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_IO,
                       _("Cannot lock the book “%s”: %s"), self->path, g_strerror (saved));
        }
      return FALSE;
    }
  self->held_locks |= 1u << kind;
  return TRUE;
}

void
settle_book_unlock (SettleBook         *self,
                    SettleBookLockKind  kind)
{
  struct flock fl = { 0 };

  g_return_if_fail (SETTLE_IS_BOOK (self));

  if (!(self->held_locks & (1u << kind)))
    return;
  fl.l_type = F_UNLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = kind;
  fl.l_len = 1;
  if (fcntl (self->lock_fd, F_OFD_SETLK, &fl) < 0)
    g_warning ("Cannot unlock “%s”: %s", self->path, g_strerror (errno));
  self->held_locks &= ~(1u << kind);
}

/* Opening */

static gboolean
check_version (const char *path,
               guint32     version,
               GError    **error)
{
  if (version > G_N_ELEMENTS (migrations))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NEWER_VERSION,
                   _("The book “%s” was saved by a newer version of Settle (format %u; this "
                     "version reads up to %u). Update Settle to open it."),
                   path, version, (guint) G_N_ELEMENTS (migrations));
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

/* Looks at an existing file without writing a byte to it, and without SQLite (which
 * would create -wal and -shm files beside a WAL book): the 100-byte database header
 * holds the magic string, user_version (offset 60) and application_id (offset 68). */
static gboolean
check_existing (const char *path,
                GError    **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  GStatBuf st;
  FILE *f;
  size_t n;
  guint32 app_id, version;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_FOUND,
                   _("There is no book at “%s”"), path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_A_BOOK,
                   _("“%s” is not a Settle book"), path);
      return FALSE;
    }
  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);
  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_A_BOOK,
                   _("“%s” is not a Settle book"), path);
      return FALSE;
    }
  version = (guint32) header[60] << 24 | header[61] << 16 | header[62] << 8 | header[63];
  app_id = (guint32) header[68] << 24 | header[69] << 16 | header[70] << 8 | header[71];
  if (app_id != SETTLE_APPLICATION_ID)
    {
      g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_NOT_A_BOOK,
                   _("“%s” is a database, but not a Settle book"), path);
      return FALSE;
    }
  return check_version (path, version, error);
}

static gboolean
apply_pragmas (SettleBook *self,
               GError    **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  return settle_book_exec (self,
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = FULL;"
                           "PRAGMA foreign_keys = ON;",
                           error);
}

static gboolean
migrate (SettleBook *self,
         GError    **error)
{
  int version = 0;

  if (!query_int (self->db, "PRAGMA user_version", &version))
    return settle_book_set_error (self, sqlite3_extended_errcode (self->db), error);
  if (!check_version (self->path, version, error))
    return FALSE;
  if (version == (int) G_N_ELEMENTS (migrations))
    return TRUE;

  if (!settle_book_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Read again under the write lock: another process may have migrated meanwhile. */
  if (!query_int (self->db, "PRAGMA user_version", &version))
    goto fail_sqlite;
  for (; version < (int) G_N_ELEMENTS (migrations); version++)
    {
      g_autofree char *res_path = g_strconcat ("/io/github/settle/Settle/core/migrations/",
                                               migrations[version], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (settle_core_get_resource (), res_path, 0, NULL);
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;

      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (!settle_book_exec (self, sql, error))
        goto fail;
      pragma = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!settle_book_exec (self, pragma, error))
        goto fail;
    }
  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d", SETTLE_APPLICATION_ID);
    if (!settle_book_exec (self, pragma, error))
      goto fail;
  }
  if (!settle_book_exec (self, "COMMIT", error))
    goto fail;
  /* Copy the new schema into the main file now: until a checkpoint, the header another
   * process reads before opening (check_existing) would still look like no book at all,
   * and a second window would say "not a book" instead of "already open". */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  return TRUE;

fail_sqlite:
  settle_book_set_error (self, sqlite3_extended_errcode (self->db), error);
fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static SettleBook *
open_connection (const char *path,
                 gboolean    create,
                 GError    **error)
{
  g_autoptr(SettleBook) self = g_object_new (SETTLE_TYPE_BOOK, NULL);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc;

  self->path = g_strdup (path);
  self->context = g_main_context_ref_thread_default ();
  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (path, self->db, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  if (!apply_pragmas (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

SettleBook *
settle_book_open (const char          *path,
                  SettleBookOpenFlags  flags,
                  GError             **error)
{
  g_autoptr(SettleBook) self = NULL;
  g_autofree char *abs_path = NULL;
  gboolean create = (flags & SETTLE_BOOK_OPEN_CREATE) != 0;

  g_return_val_if_fail (path != NULL, NULL);

  abs_path = g_canonicalize_filename (path, NULL);
  if (create)
    {
      if (g_file_test (abs_path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_EXISTS,
                       _("“%s” already exists"), abs_path);
          return NULL;
        }
    }
  else if (!check_existing (abs_path, error))
    return NULL;

  /* The session lock comes before the first write, so a refused open changes nothing. */
  if (flags & SETTLE_BOOK_OPEN_SESSION)
    {
      self = g_object_new (SETTLE_TYPE_BOOK, NULL);
      self->path = g_strdup (abs_path);
      if (!settle_book_lock (self, SETTLE_BOOK_LOCK_SESSION, error))
        return NULL;
    }

  {
    g_autoptr(SettleBook) conn = open_connection (abs_path, create, error);

    if (conn == NULL)
      {
        if (create)
          g_unlink (abs_path);
        return NULL;
      }
    if (self != NULL)
      {
        conn->lock_fd = self->lock_fd;
        conn->held_locks = self->held_locks;
        self->lock_fd = -1;
        self->held_locks = 0;
      }
    g_clear_object (&self);
    self = g_steal_pointer (&conn);
  }

  if (!migrate (self, error))
    {
      if (create)
        {
          g_autofree char *wal = g_strconcat (abs_path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (abs_path, "-shm", NULL);
          g_clear_object (&self);
          g_unlink (abs_path);
          g_unlink (wal);
          g_unlink (shm);
        }
      return NULL;
    }
  query_int (self->db, "PRAGMA data_version", &self->data_version);
  return g_steal_pointer (&self);
}

typedef struct
{
  char               *path;
  SettleBookOpenFlags flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  SettleBook *book = settle_book_open (data->path, data->flags, &error);

  if (book == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, book, g_object_unref);
}

void
settle_book_open_async (const char          *path,
                        SettleBookOpenFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, settle_book_open_async);
  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

SettleBook *
settle_book_open_finish (GAsyncResult *result,
                         GError      **error)
{
  SettleBook *book;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  book = g_task_propagate_pointer (G_TASK (result), error);
  if (book != NULL)
    {
      /* Deliver ::changed where the caller lives, not in the worker that opened it. */
      g_clear_pointer (&book->context, g_main_context_unref);
      book->context = g_main_context_ref_thread_default ();
    }
  return book;
}

SettleBook *
settle_book_open_worker (SettleBook *self,
                         GError    **error)
{
  SettleBook *worker;

  g_return_val_if_fail (SETTLE_IS_BOOK (self), NULL);
  worker = open_connection (self->path, FALSE, error);
  /* Workers scan (aging, metrics, exports, matching): reading the book through a map
   * instead of copying each page from the OS cache takes a third off the dashboard on
   * a million invoices. SQLite still writes through write(); best effort. */
  if (worker != NULL)
    settle_book_exec (worker, "PRAGMA mmap_size = 1073741824", NULL);
  return worker;
}

const char *
settle_book_get_path (SettleBook *self)
{
  g_return_val_if_fail (SETTLE_IS_BOOK (self), NULL);
  return self->path;
}

int
settle_book_get_schema_version (SettleBook *self)
{
  int version = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (self), 0);
  query_int (self->db, "PRAGMA user_version", &version);
  return version;
}

int
settle_book_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are savepoints. */

gboolean
settle_book_begin (SettleBook *self,
                   GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT settle_%d", self->depth);
  if (!settle_book_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
settle_book_commit (SettleBook *self,
                    GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE settle_%d", self->depth - 1);
  if (!settle_book_exec (self, sql, error))
    {
      settle_book_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
settle_book_rollback (SettleBook *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SETTLE_IS_BOOK (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO settle_%d; RELEASE settle_%d",
                           self->depth - 1, self->depth - 1);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed in “%s”: %s", self->path, sqlite3_errmsg (self->db));
  self->depth--;
}

gboolean
settle_book_backup (SettleBook *self,
                    const char *dest_path,
                    GError    **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (SETTLE_IS_BOOK (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (dest_path, dest, rc, error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (dest_path, dest, sqlite3_errcode (dest), error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  /* Copy in steps so writers in other connections are not held up for long. */
  do
    {
      rc = sqlite3_backup_step (backup, 1024);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (10);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (dest_path, dest, rc, error);
      sqlite3_close_v2 (dest);
      g_unlink (dest_path);
      return FALSE;
    }
  rc = sqlite3_close_v2 (dest);
  if (rc != SQLITE_OK)
    return set_sqlite_error (dest_path, NULL, rc, error);
  return TRUE;
}

char *
settle_book_get_setting (SettleBook *self,
                         const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (self), NULL);
  stmt = settle_book_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  settle_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = settle_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
settle_book_set_setting (SettleBook *self,
                         const char *key,
                         const char *value,
                         GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SETTLE_IS_BOOK (self), FALSE);
  stmt = settle_book_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  settle_bind_text (stmt, 1, key);
  settle_bind_text (stmt, 2, value);
  return settle_book_step_done (self, stmt, error);
}

gboolean
settle_book_poll_external_change (SettleBook *self)
{
  int version = 0;

  g_return_val_if_fail (SETTLE_IS_BOOK (self), FALSE);
  if (!query_int (self->db, "PRAGMA data_version", &version))
    return FALSE;
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  return TRUE;
}

static gboolean
emit_changed (gpointer data)
{
  g_signal_emit (data, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

void
settle_book_notify_changed (SettleBook *self)
{
  g_return_if_fail (SETTLE_IS_BOOK (self));
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emit_changed,
                              g_object_ref (self), g_object_unref);
}
