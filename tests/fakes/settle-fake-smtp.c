/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-test"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "settle-fake-smtp.h"

#define PYTHON "/usr/bin/python3"

int
settle_fake_smtp_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
}

static void
make_certificate (SettleFakeSmtp *smtp)
{
  g_autofree char *key = g_build_filename (smtp->dir, "key.pem", NULL);
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
    "-nodes", "-keyout", key, "-out", NULL, "-days", "2", "-subj", "/CN=localhost",
    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", NULL
  };

  smtp->cert = g_build_filename (smtp->dir, "cert.pem", NULL);
  argv[11] = smtp->cert;
  run (argv);
}

static gboolean
accepts_connections (int port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static SettleFakeSmtp *
spawn (SettleFakeSmtp *smtp,
       GPtrArray      *argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *fakes = g_test_build_filename (G_TEST_DIST, "fakes", NULL);

  envp = g_environ_setenv (envp, "PYTHONPATH", fakes, TRUE);
  /* No pipes shared with the test runner, and the server dies with the test, so a
   * failed assertion leaves nothing behind that meson would wait for. */
  g_spawn_async (NULL, (char **) argv->pdata, envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL
                   | (g_getenv ("SETTLE_TEST_SMTP_VERBOSE") ? 0 : G_SPAWN_STDERR_TO_DEV_NULL),
                 die_with_parent, NULL, &smtp->pid, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 200; i++)
    {
      if (accepts_connections (smtp->port))
        return smtp;
      if (waitpid (smtp->pid, NULL, WNOHANG) == smtp->pid)
        g_error ("the SMTP server (python3-aiosmtpd) exited at start");
      g_usleep (50 * 1000);
    }
  g_error ("the SMTP server did not start listening on port %d", smtp->port);
}

static SettleFakeSmtp *
fake_new (void)
{
  SettleFakeSmtp *smtp = g_new0 (SettleFakeSmtp, 1);
  g_autoptr(GError) error = NULL;

  smtp->dir = g_dir_make_tmp ("settle-smtp-XXXXXX", &error);
  g_assert_no_error (error);
  smtp->maildir = g_build_filename (smtp->dir, "Maildir", NULL);
  smtp->port = settle_fake_smtp_free_port ();
  return smtp;
}

SettleFakeSmtp *
settle_fake_smtp_start_auth (const char *username,
                             const char *password)
{
  SettleFakeSmtp *smtp = fake_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup (PYTHON));
  g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "fakes", "settle_smtp_fake.py", NULL));
  g_ptr_array_add (argv, g_strdup ("auth"));
  g_ptr_array_add (argv, g_strdup_printf ("%d", smtp->port));
  g_ptr_array_add (argv, g_strdup (smtp->maildir));
  g_ptr_array_add (argv, g_strdup (username));
  g_ptr_array_add (argv, g_strdup (password));
  g_ptr_array_add (argv, NULL);
  return spawn (smtp, argv);
}

SettleFakeSmtp *
settle_fake_smtp_start (SettleFakeSmtpMode mode,
                        const char        *refuse_stage,
                        const char        *refuse_reply)
{
  SettleFakeSmtp *smtp = fake_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *key = NULL;

  g_ptr_array_add (argv, g_strdup (PYTHON));
  g_ptr_array_add (argv, g_strdup ("-m"));
  g_ptr_array_add (argv, g_strdup ("aiosmtpd"));
  g_ptr_array_add (argv, g_strdup ("-n"));
  g_ptr_array_add (argv, g_strdup ("-l"));
  g_ptr_array_add (argv, g_strdup_printf ("127.0.0.1:%d", smtp->port));
  if (mode != SETTLE_FAKE_SMTP_PLAIN)
    {
      make_certificate (smtp);
      key = g_build_filename (smtp->dir, "key.pem", NULL);
      g_ptr_array_add (argv, g_strdup (mode == SETTLE_FAKE_SMTP_TLS ? "--smtpscert" : "--tlscert"));
      g_ptr_array_add (argv, g_strdup (smtp->cert));
      g_ptr_array_add (argv, g_strdup (mode == SETTLE_FAKE_SMTP_TLS ? "--smtpskey" : "--tlskey"));
      g_ptr_array_add (argv, g_strdup (key));
    }
  g_ptr_array_add (argv, g_strdup ("-c"));
  if (refuse_stage == NULL)
    g_ptr_array_add (argv, g_strdup ("aiosmtpd.handlers.Mailbox"));
  else
    {
      g_ptr_array_add (argv, g_strdup ("settle_smtp_fake.Refuse"));
      g_ptr_array_add (argv, g_strdup (refuse_stage));
      g_ptr_array_add (argv, g_strdup (refuse_reply));
    }
  g_ptr_array_add (argv, g_strdup (smtp->maildir));
  g_ptr_array_add (argv, NULL);
  return spawn (smtp, argv);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

void
settle_fake_smtp_stop (SettleFakeSmtp *smtp)
{
  if (smtp == NULL)
    return;
  kill (smtp->pid, SIGTERM);
  waitpid (smtp->pid, NULL, 0);
  g_spawn_close_pid (smtp->pid);
  remove_tree (smtp->dir);
  g_free (smtp->dir);
  g_free (smtp->maildir);
  g_free (smtp->cert);
  g_free (smtp);
}

static GPtrArray *
message_files (SettleFakeSmtp *smtp)
{
  g_autofree char *new_dir = g_build_filename (smtp->maildir, "new", NULL);
  g_autoptr(GDir) dir = g_dir_open (new_dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      g_ptr_array_add (files, g_build_filename (new_dir, name, NULL));
  /* Maildir names start with the delivery time. */
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  return files;
}

guint
settle_fake_smtp_count (SettleFakeSmtp *smtp)
{
  g_autoptr(GPtrArray) files = message_files (smtp);

  return files->len;
}

JsonObject *
settle_fake_smtp_dump (SettleFakeSmtp *smtp,
                       guint           n)
{
  g_autoptr(GPtrArray) files = message_files (smtp);

  g_assert_cmpuint (n, <, files->len);
  return settle_fake_smtp_dump_file (g_ptr_array_index (files, n), smtp->dir);
}

JsonObject *
settle_fake_smtp_dump_file (const char *path,
                            const char *attachment_dir)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "fakes", "settle_mail_dump.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = 0;
  const char *argv[] = { PYTHON, script, path, attachment_dir, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("settle_mail_dump.py failed: %s", err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

char *
settle_fake_smtp_pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext %s failed: %s", path, err);
  return g_steal_pointer (&out);
}
