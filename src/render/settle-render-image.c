/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>
#include <librsvg/rsvg.h>
#include <qrencode.h>
#include <string.h>

#include "settle-branding.h"
#include "settle-book.h"
#include "settle-invoice-pdf.h"
#include "settle-render-image.h"

struct _SettleLogo
{
  cairo_surface_t *png; /* one of the two */
  RsvgHandle      *svg;
  double           width;
  double           height;
};

static void
logo_error (GError    **error,
            const char *path,
            const char *why)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SETTLE_BOOK_ERROR, SETTLE_BOOK_ERROR_INVALID,
               /* Translators: the first %s is a file's path, the second why it failed */
               _("Logo: “%s” cannot be drawn: %s"), display, why);
}

SettleLogo *
settle_logo_load (const char *path,
                  GError    **error)
{
  g_autoptr(SettleLogo) logo = NULL;
  SettleLogoFormat format;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  format = settle_branding_logo_format (path, error);
  if (format == SETTLE_LOGO_NONE)
    return NULL;

  logo = g_new0 (SettleLogo, 1);
  if (format == SETTLE_LOGO_PNG)
    {
      logo->png = cairo_image_surface_create_from_png (path);
      if (cairo_surface_status (logo->png) != CAIRO_STATUS_SUCCESS)
        {
          logo_error (error, path, cairo_status_to_string (cairo_surface_status (logo->png)));
          return NULL;
        }
      logo->width = cairo_image_surface_get_width (logo->png);
      logo->height = cairo_image_surface_get_height (logo->png);
    }
  else
    {
      g_autoptr(GError) local = NULL;
      gboolean has_w, has_h, has_box;
      RsvgLength w, h;
      RsvgRectangle box;

      logo->svg = rsvg_handle_new_from_file (path, &local);
      if (logo->svg == NULL)
        {
          logo_error (error, path, local->message);
          return NULL;
        }
      rsvg_handle_set_dpi (logo->svg, 72.0);
      rsvg_handle_get_intrinsic_dimensions (logo->svg, &has_w, &w, &has_h, &h, &has_box, &box);
      if (!rsvg_handle_get_intrinsic_size_in_pixels (logo->svg, &logo->width, &logo->height))
        {
          /* Only a viewBox: its proportions are all there is. */
          logo->width = has_box ? box.width : 0;
          logo->height = has_box ? box.height : 0;
        }
    }

  if (!(logo->width > 0 && logo->height > 0))
    {
      logo_error (error, path, _("the image has no size"));
      return NULL;
    }
  return g_steal_pointer (&logo);
}

void
settle_logo_free (SettleLogo *logo)
{
  if (logo == NULL)
    return;
  g_clear_pointer (&logo->png, cairo_surface_destroy);
  g_clear_object (&logo->svg);
  g_free (logo);
}

gboolean
settle_logo_is_svg (const SettleLogo *logo)
{
  g_return_val_if_fail (logo != NULL, FALSE);
  return logo->svg != NULL;
}

void
settle_logo_fit (const SettleLogo *logo,
                 double            max_width,
                 double            max_height,
                 double           *width,
                 double           *height)
{
  double scale;

  g_return_if_fail (logo != NULL);

  scale = MIN (max_width / logo->width, max_height / logo->height);
  *width = logo->width * scale;
  *height = logo->height * scale;
}

void
settle_logo_draw (const SettleLogo *logo,
                  cairo_t          *cr,
                  double            x,
                  double            y,
                  double            width,
                  double            height)
{
  g_return_if_fail (logo != NULL);

  cairo_save (cr);
  if (logo->png != NULL)
    {
      cairo_translate (cr, x, y);
      cairo_scale (cr, width / logo->width, height / logo->height);
      cairo_set_source_surface (cr, logo->png, 0, 0);
      /* Downscaled on paper; smooth rather than blocky when upscaled. */
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  else
    {
      RsvgRectangle viewport = { x, y, width, height };
      g_autoptr(GError) error = NULL;

      if (!rsvg_handle_render_document (logo->svg, cr, &viewport, &error))
        g_warning ("Cannot draw the SVG logo: %s", error->message);
    }
  cairo_restore (cr);
}

/* ---- QR code ------------------------------------------------------------------ */

SettleQrCode *
settle_qr_code_new (const char *text,
                    GError    **error)
{
  SettleQrCode *qr;
  QRcode *code;
  int n;

  g_return_val_if_fail (text != NULL, NULL);

  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      g_set_error (error, SETTLE_RENDER_ERROR, SETTLE_RENDER_ERROR_DRAWING,
                   /* Translators: %s is a URL */
                   _("Pay link: “%s” is too long for a QR code"), text);
      return NULL;
    }
  qr = g_new0 (SettleQrCode, 1);
  qr->version = code->version;
  qr->width = code->width;
  n = code->width * code->width;
  qr->modules = g_new (guint8, n);
  /* libqrencode keeps flags in the upper bits; bit 0 is the colour. */
  for (int i = 0; i < n; i++)
    qr->modules[i] = code->data[i] & 1;
  QRcode_free (code);
  return qr;
}

void
settle_qr_code_free (SettleQrCode *qr)
{
  if (qr == NULL)
    return;
  g_free (qr->modules);
  g_free (qr);
}

void
settle_qr_code_draw (const SettleQrCode *qr,
                     cairo_t            *cr,
                     double              x,
                     double              y,
                     double              size)
{
  const int quiet = 4;
  double module;

  g_return_if_fail (qr != NULL);

  module = size / (qr->width + 2 * quiet);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* Runs of dark modules in a row become one rectangle: fewer PDF operators. */
  for (int row = 0; row < qr->width; row++)
    {
      for (int col = 0; col < qr->width;)
        {
          int start;

          if (!qr->modules[row * qr->width + col])
            {
              col++;
              continue;
            }
          start = col;
          while (col < qr->width && qr->modules[row * qr->width + col])
            col++;
          cairo_rectangle (cr, x + (quiet + start) * module, y + (quiet + row) * module,
                           (col - start) * module, module);
        }
    }
  /* Adjacent rectangles of one path fill without hairline seams. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
  cairo_restore (cr);
}
