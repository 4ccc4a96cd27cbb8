/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "settle-chart.h"
#include "settle-money.h"
#include "settle-render-text.h"

/* The chart's frame, in pixels. Fixed bands (not measured text) so the hit test
 * needs no cairo context and always agrees with the drawing. */
#define PAD          12.0
#define AMOUNT_BAND  24.0
#define LABEL_BAND   26.0
#define NOTE_BAND    22.0
#define MAX_BAR      96.0

typedef struct
{
  SettleRgb buckets[SETTLE_AGING_N_BUCKETS];
  SettleRgb fg;
  SettleRgb muted;
} Palette;

/* Green (current) to red (91+), from the GNOME palette. */
static const Palette light = {
  { { 0.149, 0.635, 0.412 },   /* green 5  */
    { 0.561, 0.706, 0.196 },
    { 0.898, 0.647, 0.039 },   /* yellow 5 */
    { 0.902, 0.380, 0.000 },   /* orange 5 */
    { 0.753, 0.110, 0.157 } }, /* red 4    */
  { 0.14, 0.12, 0.19 },
  { 0.37, 0.36, 0.40 },
};

static const Palette dark = {
  { { 0.200, 0.820, 0.478 },
    { 0.690, 0.839, 0.310 },
    { 0.965, 0.827, 0.176 },
    { 1.000, 0.471, 0.000 },
    { 0.965, 0.380, 0.318 } },
  { 0.96, 0.96, 0.97 },
  { 0.72, 0.72, 0.76 },
};

typedef struct
{
  double plot_top;
  double baseline;
  double left;
  double slot_w;
  double bar_w;
  double bottom;   /* end of the label band */
} Geometry;

static void
geometry (double                   width,
          double                   height,
          const SettleAgingReport *report,
          Geometry                *g)
{
  double note = report->totals.credit > 0 ? NOTE_BAND : 0;

  g->left = PAD;
  g->slot_w = MAX (0, (width - 2 * PAD) / SETTLE_AGING_N_BUCKETS);
  g->bar_w = MIN (g->slot_w * 0.62, MAX_BAR);
  g->plot_top = PAD + AMOUNT_BAND;
  g->baseline = height - PAD - note - LABEL_BAND;
  g->bottom = g->baseline + LABEL_BAND;
}

static gint64
max_bucket (const SettleAgingReport *report)
{
  gint64 max = 0;

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    max = MAX (max, report->totals.buckets[i]);
  return max;
}

static char *
money_text (const SettleAgingReport *report,
            gint64                   amount)
{
  return settle_money_format (settle_money_init (amount, report->currency));
}

/* Centred text, shrunk to fit the width when it would not. */
static void
centred_text (cairo_t               *cr,
              PangoContext          *pango,
              double                 centre_x,
              double                 y,
              double                 max_width,
              const char            *text,
              const SettleTextStyle *style,
              gboolean               above)
{
  SettleTextStyle fitted = *style;
  double w, h;

  h = settle_render_text (cr, pango, FALSE, 0, 0, -1, text, &fitted, &w);
  if (w > max_width && w > 0)
    {
      fitted.size = MAX (5.0, fitted.size * max_width / w);
      h = settle_render_text (cr, pango, FALSE, 0, 0, -1, text, &fitted, &w);
    }
  settle_render_text (cr, pango, TRUE, centre_x - w / 2, above ? y - h : y, -1, text, &fitted,
                      NULL);
}

/* "Current" stays as it is; the others read as a number of days. */
static char *
bucket_name (const SettleAgingReport *report,
             int                      bucket)
{
  g_autofree char *label = settle_aging_bucket_label (report, bucket);

  if (bucket == 0)
    return g_steal_pointer (&label);
  /* Translators: an aging bucket, e.g. "31–60 days" */
  return g_strdup_printf (_("%s days"), label);
}

static void
bar_path (cairo_t *cr,
          double   x,
          double   top,
          double   width,
          double   baseline)
{
  double r = MIN (4.0, MIN (width / 2, baseline - top));

  cairo_move_to (cr, x, baseline);
  cairo_line_to (cr, x, top + r);
  cairo_arc (cr, x + r, top + r, r, G_PI, 3 * G_PI / 2);
  cairo_arc (cr, x + width - r, top + r, r, 3 * G_PI / 2, 2 * G_PI);
  cairo_line_to (cr, x + width, baseline);
  cairo_close_path (cr);
}

void
settle_chart_draw_aging (cairo_t                    *cr,
                         double                      width,
                         double                      height,
                         const SettleAgingReport    *report,
                         const PangoFontDescription *font,
                         gboolean                    dark_theme)
{
  const Palette *pal = dark_theme ? &dark : &light;
  PangoContext *pango;
  g_autoptr(PangoFontDescription) base = NULL;
  SettleTextStyle label_style, amount_style, note_style;
  double base_size;
  gint64 max;
  Geometry g;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (report != NULL);

  geometry (width, height, report, &g);
  if (g.slot_w <= 0 || g.baseline - g.plot_top < 4)
    return;

  base = font ? pango_font_description_copy (font)
              : pango_font_description_from_string ("Cantarell 10");
  base_size = pango_font_description_get_size (base) > 0
                ? (double) pango_font_description_get_size (base) / PANGO_SCALE
                : 10.0;
  label_style = (SettleTextStyle) { base, base_size, PANGO_WEIGHT_NORMAL, &pal->muted,
                                    PANGO_ALIGN_CENTER, FALSE };
  amount_style = (SettleTextStyle) { base, base_size, PANGO_WEIGHT_BOLD, &pal->fg,
                                     PANGO_ALIGN_CENTER, TRUE };
  note_style = (SettleTextStyle) { base, base_size * 0.9, PANGO_WEIGHT_NORMAL, &pal->muted,
                                   PANGO_ALIGN_LEFT, FALSE };

  cairo_save (cr);
  /* Not settle_render_pango_context(): nothing is paginated here, so the screen's
   * hinting may have its way and keep small text crisp. */
  pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (pango, 96.0);
  max = max_bucket (report);

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      gint64 value = MAX (0, report->totals.buckets[i]);
      double centre = g.left + g.slot_w * (i + 0.5);
      double bar_h = 0;
      g_autofree char *amount = money_text (report, value);
      g_autofree char *label = bucket_name (report, i);

      if (max > 0 && value > 0)
        bar_h = MAX (2.0, (g.baseline - g.plot_top) * ((double) value / (double) max));
      if (bar_h > 0)
        {
          const SettleRgb *c = &pal->buckets[i];

          bar_path (cr, centre - g.bar_w / 2, g.baseline - bar_h, g.bar_w, g.baseline);
          cairo_set_source_rgb (cr, c->r, c->g, c->b);
          cairo_fill (cr);
        }

      centred_text (cr, pango, centre, g.baseline - bar_h - 4, g.slot_w - 4, amount,
                    &amount_style, TRUE);
      centred_text (cr, pango, centre, g.baseline + 6, g.slot_w - 4, label, &label_style, FALSE);
    }

  /* The axis baseline. */
  cairo_set_source_rgba (cr, pal->fg.r, pal->fg.g, pal->fg.b, 0.45);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, g.left, round (g.baseline) + 0.5);
  cairo_line_to (cr, width - PAD, round (g.baseline) + 0.5);
  cairo_stroke (cr);

  if (max <= 0)
    centred_text (cr, pango, width / 2, (g.plot_top + g.baseline) / 2, width - 2 * PAD,
                  _("No open receivables"), &label_style, TRUE);

  if (report->totals.credit > 0)
    {
      g_autofree char *credit = money_text (report, report->totals.credit);
      g_autofree char *balance = money_text (report, report->totals.balance);
      g_autofree char *note = NULL;

      /* Translators: under the aging chart; both %s are amounts */
      note = g_strdup_printf (_("Less unapplied credits of %s: net receivables %s"), credit,
                              balance);
      settle_render_text (cr, pango, TRUE, g.left, g.bottom + 4, width - 2 * PAD, note,
                          &note_style, NULL);
    }

  g_object_unref (pango);
  cairo_restore (cr);
}

int
settle_chart_aging_bar_at (double                   width,
                           double                   height,
                           const SettleAgingReport *report,
                           double                   x,
                           double                   y)
{
  Geometry g;
  int i;

  g_return_val_if_fail (report != NULL, -1);

  geometry (width, height, report, &g);
  if (g.slot_w <= 0 || y < PAD || y > g.bottom || x < g.left)
    return -1;
  i = (int) floor ((x - g.left) / g.slot_w);
  return i >= 0 && i < SETTLE_AGING_N_BUCKETS ? i : -1;
}

char *
settle_chart_describe_aging (const SettleAgingReport *report)
{
  GString *s;
  g_autofree char *total = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  s = g_string_new (NULL);
  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    {
      g_autofree char *name = bucket_name (report, i);
      g_autofree char *amount = money_text (report, report->totals.buckets[i]);

      /* Translators: one aging bucket and its amount, e.g. "1–30 days: $3,400.00" */
      g_string_append_printf (s, _("%s: %s"), name, amount);
      g_string_append (s, "; ");
    }
  if (report->totals.credit > 0)
    {
      g_autofree char *credit = money_text (report, report->totals.credit);

      g_string_append_printf (s, _("Unapplied credits: %s"), credit);
      g_string_append (s, "; ");
    }
  total = money_text (report, report->totals.balance);
  g_string_append_printf (s, _("Total receivables: %s."), total);
  return g_string_free (s, FALSE);
}

char *
settle_chart_describe_aging_bucket (const SettleAgingReport *report,
                                    int                      bucket)
{
  g_autofree char *name = NULL;
  g_autofree char *amount = NULL;
  gint64 sum = 0, percent = 0;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (bucket >= 0 && bucket < SETTLE_AGING_N_BUCKETS, NULL);

  name = bucket_name (report, bucket);
  amount = money_text (report, report->totals.buckets[bucket]);
  for (int i = 0; i < SETTLE_AGING_N_BUCKETS; i++)
    if (!settle_checked_add (sum, MAX (0, report->totals.buckets[i]), &sum))
      return g_strdup_printf (_("%s: %s"), name, amount);
  if (sum <= 0 || !settle_round_mul_div (MAX (0, report->totals.buckets[bucket]), 100, sum,
                                         SETTLE_ROUND_HALF_UP, &percent))
    return g_strdup_printf (_("%s: %s"), name, amount);

  /* Translators: e.g. "31–60 days: $2,000.00 (13 % of open invoices)" */
  return g_strdup_printf (_("%s: %s (%d %% of open invoices)"), name, amount, (int) percent);
}
