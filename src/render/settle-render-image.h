/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Pictures on a page: the company logo (PNG or SVG) and the pay-link QR code.
 * Private to src/render/. */

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _SettleLogo SettleLogo;

/* Loads a PNG (through Cairo) or an SVG (through librsvg). The error names the
 * "Logo" field and the file. */
SettleLogo *settle_logo_load          (const char  *path,
                                       GError     **error);
void        settle_logo_free          (SettleLogo  *logo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleLogo, settle_logo_free)
gboolean    settle_logo_is_svg        (const SettleLogo *logo);

/* The size the logo takes when fitted, keeping its proportions, into a box of
 * max_width × max_height points. */
void        settle_logo_fit           (const SettleLogo *logo,
                                       double            max_width,
                                       double            max_height,
                                       double           *width,
                                       double           *height);
/* Draws the logo with its top left corner at (x, y), scaled to width × height. */
void        settle_logo_draw          (const SettleLogo *logo,
                                       cairo_t          *cr,
                                       double            x,
                                       double            y,
                                       double            width,
                                       double            height);

/* A QR code symbol: width × width modules, row-major, TRUE = dark. */
typedef struct
{
  int     version;
  int     width;
  guint8 *modules;
} SettleQrCode;

/* Encodes text (a URL) at error-correction level M. NULL with an error when the
 * text is too long for any QR version. */
SettleQrCode *settle_qr_code_new      (const char    *text,
                                       GError       **error);
void          settle_qr_code_free     (SettleQrCode  *qr);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SettleQrCode, settle_qr_code_free)
/* Draws the symbol as rectangles, with its four-module quiet zone, into a square
 * of size points whose top left is (x, y). */
void          settle_qr_code_draw     (const SettleQrCode *qr,
                                       cairo_t            *cr,
                                       double              x,
                                       double              y,
                                       double              size);

G_END_DECLS
