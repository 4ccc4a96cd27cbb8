/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "settle-invoice-pdf.h"
#include "settle-render-pdf.h"

G_DEFINE_QUARK (settle-render-error-quark, settle_render_error)

/* ---- the PDF file ------------------------------------------------------------ */

typedef struct
{
  int fd;
  int saved_errno;
} PdfSink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  PdfSink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_io_error (GError    **error,
              const char *path,
              int         saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SETTLE_RENDER_ERROR, SETTLE_RENDER_ERROR_IO,
               /* Translators: the first %s is a file's path, the second why it failed */
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

static cairo_status_t
draw_all_pages (SettleRenderPagesFunc pages_func,
                SettleRenderDrawFunc  draw_func,
                gpointer              doc,
                cairo_surface_t      *surface)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  int n_pages;

  n_pages = pages_func (doc, cr, SETTLE_PAGE_LETTER_WIDTH, SETTLE_PAGE_LETTER_HEIGHT);
  for (int page = 0; page < n_pages; page++)
    {
      draw_func (doc, cr, page, SETTLE_PAGE_LETTER_WIDTH, SETTLE_PAGE_LETTER_HEIGHT);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  return status;
}

gboolean
settle_render_write_pdf (const char            *path,
                         const char            *title,
                         const char            *author,
                         SettleRenderPagesFunc  pages_func,
                         SettleRenderDrawFunc   draw_func,
                         gpointer               doc,
                         GError               **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  PdfSink sink = { -1, 0 };

  g_assert (path != NULL && title != NULL);

  /* A hidden sibling, so the rename is atomic and a file manager never shows half a
   * PDF under the real name. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  sink.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      set_io_error (error, path, errno);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, SETTLE_PAGE_LETTER_WIDTH,
                                                 SETTLE_PAGE_LETTER_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && !g_str_equal (author, ""))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Settle " PACKAGE_VERSION);

  status = draw_all_pages (pages_func, draw_func, doc, surface);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.saved_errno == 0 && status == CAIRO_STATUS_SUCCESS && g_fsync (sink.fd) != 0)
    sink.saved_errno = errno;
  if (close (sink.fd) != 0 && sink.saved_errno == 0 && status == CAIRO_STATUS_SUCCESS)
    sink.saved_errno = errno;

  if (sink.saved_errno == 0 && status == CAIRO_STATUS_SUCCESS && g_rename (tmp_path, path) != 0)
    sink.saved_errno = errno;

  if (sink.saved_errno != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      if (sink.saved_errno != 0)
        set_io_error (error, path, sink.saved_errno);
      else
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, SETTLE_RENDER_ERROR, SETTLE_RENDER_ERROR_DRAWING,
                       _("Could not draw “%s”: %s"), display,
                       cairo_status_to_string (status));
        }
      return FALSE;
    }
  return TRUE;
}
