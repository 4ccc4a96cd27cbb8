/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Text and shape helpers shared by the render layer's drawings. Private to
 * src/render/. */

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define SETTLE_RENDER_FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

typedef struct
{
  double r, g, b;
} SettleRgb;

typedef struct
{
  const PangoFontDescription *font; /* family to start from; NULL = the default */
  double           size;    /* points, converted at the context's resolution */
  PangoWeight      weight;
  const SettleRgb *color;
  PangoAlignment   align;   /* within the width given to settle_render_text() */
  gboolean         numeric; /* tabular figures, so columns of amounts line up */
} SettleTextStyle;

/* A Pango context whose metrics do not depend on the target's hinting, so text
 * measured on one surface lays out identically on another. dpi is how many user
 * units make an inch: 72 when a unit is a point (PDF, print), 96 for screen pixels. */
PangoContext *settle_render_pango_context (cairo_t               *cr,
                                           double                 dpi);

/* Lays out text at (x, y) — y is the top of the text — wrapping at width when
 * width > 0. Draws only when draw is TRUE. Returns the height; *out_width (may be
 * NULL) gets the width of the longest line. */
double        settle_render_text          (cairo_t               *cr,
                                           PangoContext          *pango,
                                           gboolean               draw,
                                           double                 x,
                                           double                 y,
                                           double                 width,
                                           const char            *text,
                                           const SettleTextStyle *style,
                                           double                *out_width);

/* Layouts kept for reuse: a document measures every text to paginate, then lays
 * the same texts out again to draw them. Keyed by text, width and the style's
 * font (not its colour, applied when drawing). Not thread-safe: one per document. */
typedef struct _SettleTextCache SettleTextCache;

SettleTextCache *settle_text_cache_new     (void);
void             settle_text_cache_free    (SettleTextCache       *cache);
/* settle_render_text () through the cache; cache may be NULL. */
double           settle_render_text_cached (SettleTextCache       *cache,
                                            cairo_t               *cr,
                                            PangoContext          *pango,
                                            gboolean               draw,
                                            double                 x,
                                            double                 y,
                                            double                 width,
                                            const char            *text,
                                            const SettleTextStyle *style,
                                            double                *out_width);

/* How far below the top of a line of text in that style its baseline is, so texts
 * of different sizes side by side can share a baseline. */
double        settle_render_baseline      (PangoContext          *pango,
                                           const SettleTextStyle *style);

void          settle_render_hline         (cairo_t               *cr,
                                           double                 x0,
                                           double                 x1,
                                           double                 y,
                                           double                 line_width,
                                           const SettleRgb       *color);

void          settle_render_rounded_rect  (cairo_t               *cr,
                                           double                 x,
                                           double                 y,
                                           double                 width,
                                           double                 height,
                                           double                 radius);

G_END_DECLS
