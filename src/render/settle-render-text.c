/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <math.h>

#include "settle-render-text.h"

PangoContext *
settle_render_pango_context (cairo_t *cr,
                             double   dpi)
{
  PangoContext *pango;
  cairo_font_options_t *options;

  g_return_val_if_fail (cr != NULL, NULL);

  pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (pango, dpi);

  /* Hinted metrics and rounded glyph positions snap to the device grid, which
   * differs between a PDF, a printer and a preview; off, every target wraps and
   * paginates the same. (Outline hinting is left to the target: it moves no text.) */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (pango, FALSE);

  return pango;
}

static PangoLayout *
make_layout (PangoContext          *pango,
             const SettleTextStyle *style)
{
  PangoLayout *layout = pango_layout_new (pango);
  PangoFontDescription *desc;

  desc = style->font ? pango_font_description_copy (style->font)
                     : pango_font_description_from_string (SETTLE_RENDER_FONT_FAMILY);
  pango_font_description_set_size (desc, (int) lround (style->size * PANGO_SCALE));
  pango_font_description_set_weight (desc, style->weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

double
settle_render_baseline (PangoContext          *pango,
                        const SettleTextStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_val_if_fail (pango != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);

  layout = make_layout (pango, style);
  pango_layout_set_text (layout, "0", -1);
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

static PangoLayout *
layout_for (PangoContext          *pango,
            double                 width,
            const char            *text,
            const SettleTextStyle *style)
{
  PangoLayout *layout = make_layout (pango, style);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, style->align);
    }
  if (style->numeric)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
show (cairo_t               *cr,
      PangoLayout           *layout,
      const PangoRectangle  *logical,
      gboolean               draw,
      double                 x,
      double                 y,
      const char            *text,
      const SettleTextStyle *style,
      double                *out_width)
{
  if (out_width != NULL)
    *out_width = (double) logical->width / PANGO_SCALE;

  if (draw && cr != NULL && *text != '\0')
    {
      const SettleRgb *c = style->color;

      if (c != NULL)
        cairo_set_source_rgb (cr, c->r, c->g, c->b);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return (double) logical->height / PANGO_SCALE;
}

struct _SettleTextCache
{
  GHashTable *layouts; /* key -> Entry */
};

typedef struct
{
  PangoLayout   *layout;
  PangoRectangle logical;
} Entry;

static void
entry_free (Entry *entry)
{
  g_object_unref (entry->layout);
  g_free (entry);
}

SettleTextCache *
settle_text_cache_new (void)
{
  SettleTextCache *cache = g_new0 (SettleTextCache, 1);

  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) entry_free);
  return cache;
}

void
settle_text_cache_free (SettleTextCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->layouts);
  g_free (cache);
}

double
settle_render_text_cached (SettleTextCache       *cache,
                           cairo_t               *cr,
                           PangoContext          *pango,
                           gboolean               draw,
                           double                 x,
                           double                 y,
                           double                 width,
                           const char            *text,
                           const SettleTextStyle *style,
                           double                *out_width)
{
  g_autofree char *key = NULL;
  Entry *entry;

  if (cache == NULL)
    return settle_render_text (cr, pango, draw, x, y, width, text, style, out_width);

  g_return_val_if_fail (pango != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);

  if (text == NULL)
    text = "";
  /* Exact (hexadecimal) numbers: 9.5 and 9.50001 points are different layouts. */
  key = g_strdup_printf ("%p|%a|%d|%d|%d|%a|%s", (gpointer) style->font, style->size,
                         (int) style->weight, (int) style->align, style->numeric,
                         width > 0 ? width : -1.0, text);
  entry = g_hash_table_lookup (cache->layouts, key);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->layout = layout_for (pango, width, text, style);
      pango_layout_get_extents (entry->layout, NULL, &entry->logical);
      g_hash_table_insert (cache->layouts, g_steal_pointer (&key), entry);
    }
  return show (cr, entry->layout, &entry->logical, draw, x, y, text, style, out_width);
}

double
settle_render_text (cairo_t               *cr,
                    PangoContext          *pango,
                    gboolean               draw,
                    double                 x,
                    double                 y,
                    double                 width,
                    const char            *text,
                    const SettleTextStyle *style,
                    double                *out_width)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  g_return_val_if_fail (pango != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);

  if (text == NULL)
    text = "";

  layout = layout_for (pango, width, text, style);
  pango_layout_get_extents (layout, NULL, &logical);
  return show (cr, layout, &logical, draw, x, y, text, style, out_width);
}

void
settle_render_hline (cairo_t         *cr,
                     double           x0,
                     double           x1,
                     double           y,
                     double           line_width,
                     const SettleRgb *color)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
settle_render_rounded_rect (cairo_t *cr,
                            double   x,
                            double   y,
                            double   width,
                            double   height,
                            double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}
