/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's charts: clients' aging as stacked bars, the DSO trend and the
 * cash forecast. Every frame is made of fixed bands (not measured text), so the hit
 * tests need no cairo context and always agree with the drawing. */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "settle-chart-dashboard.h"
#include "settle-money.h"
#include "settle-chart-dashboard-private.h"
#include "settle-render-text.h"

#define ROW_MAX      26.0   /* thickest stacked bar */
#define TOTAL_BAND   104.0  /* a row's total, right of its bar */

/* The GNOME palette, as the aging bar chart uses it: green (current) to red (91+). */
static const SettleChartPalette light = {
  { { 0.149, 0.635, 0.412 },
    { 0.561, 0.706, 0.196 },
    { 0.898, 0.647, 0.039 },
    { 0.902, 0.380, 0.000 },
    { 0.753, 0.110, 0.157 } },
  { 0.14, 0.12, 0.19 },
  { 0.37, 0.36, 0.40 },
  { 0.85, 0.85, 0.87 },
  { 0.110, 0.443, 0.847 },   /* blue 4 */
  { 0.902, 0.380, 0.000 },   /* orange 5 */
};

static const SettleChartPalette dark = {
  { { 0.200, 0.820, 0.478 },
    { 0.690, 0.839, 0.310 },
    { 0.965, 0.827, 0.176 },
    { 1.000, 0.471, 0.000 },
    { 0.965, 0.380, 0.318 } },
  { 0.96, 0.96, 0.97 },
  { 0.72, 0.72, 0.76 },
  { 0.30, 0.30, 0.33 },
  { 0.384, 0.627, 0.918 },   /* blue 2 */
  { 1.000, 0.639, 0.282 },   /* orange 2 */
};

void
settle_chart_ink_init (SettleChartInk             *ink,
                       cairo_t                    *cr,
                       const PangoFontDescription *font,
                       gboolean                    dark_theme)
{
  double size;

  ink->pal = dark_theme ? &dark : &light;
  ink->font = font ? pango_font_description_copy (font)
                   : pango_font_description_from_string ("Cantarell 10");
  size = pango_font_description_get_size (ink->font) > 0
           ? (double) pango_font_description_get_size (ink->font) / PANGO_SCALE : 10.0;
  /* GTK hands out absolute sizes (pixels); the text styles take points. */
  if (pango_font_description_get_size_is_absolute (ink->font))
    size = size * 72.0 / 96.0;
  ink->label = (SettleTextStyle) { ink->font, size, PANGO_WEIGHT_NORMAL, &ink->pal->muted,
                                   PANGO_ALIGN_LEFT, FALSE };
  ink->value = (SettleTextStyle) { ink->font, size, PANGO_WEIGHT_BOLD, &ink->pal->fg,
                                   PANGO_ALIGN_LEFT, TRUE };
  ink->small = (SettleTextStyle) { ink->font, size * 0.9, PANGO_WEIGHT_NORMAL, &ink->pal->muted,
                                   PANGO_ALIGN_LEFT, TRUE };
  /* Screen hinting may have its way: nothing here is paginated. */
  ink->pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (ink->pango, 96.0);
}

void
settle_chart_ink_clear (SettleChartInk *ink)
{
  g_clear_object (&ink->pango);
  g_clear_pointer (&ink->font, pango_font_description_free);
}

void
settle_chart_put_text (cairo_t               *cr,
                       const SettleChartInk  *ink,
                       double                 x,
                       double                 y,
                       int                    align,
                       gboolean               above,
                       double                 max_width,
                       const char            *text,
                       const SettleTextStyle *style)
{
  SettleTextStyle fitted = *style;
  double w, h;

  h = settle_render_text (cr, ink->pango, FALSE, 0, 0, -1, text, &fitted, &w);
  if (max_width > 0 && w > max_width && w > 0)
    {
      fitted.size = MAX (5.0, fitted.size * max_width / w);
      h = settle_render_text (cr, ink->pango, FALSE, 0, 0, -1, text, &fitted, &w);
    }
  if (align == 0)
    x -= w / 2;
  else if (align > 0)
    x -= w;
  settle_render_text (cr, ink->pango, TRUE, x, above ? y - h : y, -1, text, &fitted, NULL);
}

void
settle_chart_set_rgb (cairo_t         *cr,
                      const SettleRgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

char *
settle_chart_money_text (const char *currency,
                         gint64      amount)
{
  return settle_money_format (settle_money_init (amount, currency));
}

char *
settle_chart_round_money_text (const char *currency,
                               gint64      amount)
{
  g_autofree char *text = settle_chart_money_text (currency, amount);
  g_autoptr(GRegex) cents = NULL;

  if (amount % 100 != 0)
    return g_steal_pointer (&text);
  cents = g_regex_new ("[.,]00(?=[^0-9]*$)", 0, 0, NULL);
  return g_regex_replace_literal (cents, text, -1, 0, "", 0, NULL);
}

char *
settle_chart_format_days (gint64 days_x100)
{
  g_autofree char *number = settle_format_fixed (days_x100, 2, FALSE);

  /* Translators: a number of days with two decimals, e.g. "41.27 days" */
  return g_strdup_printf (_("%s days"), number);
}

gint64
settle_chart_nice_step (gint64 max,
                        int    n)
{
  gint64 raw = MAX (1, (max + n - 1) / n);
  gint64 p = 1;

  while (p <= raw / 10)
    p *= 10;
  if (raw <= p)
    return p;
  if (raw <= 2 * p)
    return 2 * p;
  if (raw <= 5 * p)
    return 5 * p;
  return 10 * p;
}

char *
settle_chart_bucket_name (const SettleAgingReport *report,
                          int                      bucket)
{
  g_autofree char *label = settle_aging_bucket_label (report, bucket);

  if (bucket == 0)
    return g_steal_pointer (&label);
  /* Translators: an aging bucket, e.g. "31–60 days" */
  return g_strdup_printf (_("%s days"), label);
}

void
settle_chart_legend (cairo_t                *cr,
                     const SettleChartInk   *ink,
                     double                  x,
                     double                  y,
                     double                  right,
                     guint                   n,
                     const char *const      *names,
                     const SettleRgb *const *colours)
{
  for (guint i = 0; i < n; i++)
    {
      double w;

      settle_render_text (cr, ink->pango, FALSE, 0, 0, -1, names[i], &ink->label, &w);
      if (x + 16 + w > right)
        break;
      settle_chart_set_rgb (cr, colours[i]);
      settle_render_rounded_rect (cr, x, y + 3, 10, 10, 2);
      cairo_fill (cr);
      settle_render_text (cr, ink->pango, TRUE, x + 14, y, -1, names[i], &ink->label, NULL);
      x += 14 + w + 16;
    }
}

/* text, or as much of it as fits in max_width followed by "…". */
static char *
fit_text (const SettleChartInk  *ink,
          cairo_t               *cr,
          const char            *text,
          const SettleTextStyle *style,
          double                 max_width)
{
  g_autofree char *cut = NULL;
  glong len = g_utf8_strlen (text, -1);
  double w;

  settle_render_text (cr, ink->pango, FALSE, 0, 0, -1, text, style, &w);
  if (w <= max_width)
    return g_strdup (text);
  while (len > 1)
    {
      g_autofree char *head = NULL;

      len--;
      head = g_utf8_substring (text, 0, len);
      g_strchomp (head);
      g_free (cut);
      cut = g_strconcat (head, "…", NULL);
      settle_render_text (cr, ink->pango, FALSE, 0, 0, -1, cut, style, &w);
      if (w <= max_width)
        break;
    }
  return g_steal_pointer (&cut);
}

/* ---- Clients' aging as stacked bars ----------------------------------------------- */

static gint64
row_overdue (const SettleAgingRow *row)
{
  gint64 sum = 0;

  for (int b = 1; b < SETTLE_AGING_N_BUCKETS; b++)
    sum += MAX (0, row->buckets[b]);
  return sum;
}

static gint64
row_open (const SettleAgingRow *row)
{
  gint64 sum = 0;

  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    sum += MAX (0, row->buckets[b]);
  return sum;
}

static int
by_overdue (gconstpointer a,
            gconstpointer b)
{
  const SettleAgingRow *ra = *(const SettleAgingRow * const *) a;
  const SettleAgingRow *rb = *(const SettleAgingRow * const *) b;
  gint64 oa = row_overdue (ra), ob = row_overdue (rb);

  if (oa != ob)
    return oa > ob ? -1 : 1;
  oa = row_open (ra);
  ob = row_open (rb);
  if (oa != ob)
    return oa > ob ? -1 : 1;
  return g_utf8_collate (ra->client_name, rb->client_name);
}

/* The rows as drawn: the top max_rows clients, then Others summed (client_id 0). */
typedef struct
{
  guint           n;            /* drawn rows, Others included */
  gboolean        has_others;
  guint           n_others;     /* clients in Others */
  SettleAgingRow  others;
  GPtrArray      *rows;         /* borrowed SettleAgingRow*, sorted */
} Stack;

static void
stack_init (Stack                   *s,
            const SettleAgingReport *report,
            guint                    max_rows)
{
  memset (s, 0, sizeof *s);
  s->rows = g_ptr_array_sized_new (report->rows->len);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const SettleAgingRow *row = g_ptr_array_index (report->rows, i);

      if (row_open (row) > 0)
        g_ptr_array_add (s->rows, (gpointer) row);
    }
  g_ptr_array_sort (s->rows, by_overdue);
  s->n = MIN (s->rows->len, max_rows);
  for (guint i = max_rows; i < s->rows->len; i++)
    {
      const SettleAgingRow *row = g_ptr_array_index (s->rows, i);

      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        s->others.buckets[b] += MAX (0, row->buckets[b]);
      s->n_others++;
    }
  if (s->n_others > 0)
    {
      s->has_others = TRUE;
      s->n++;
    }
}

static const SettleAgingRow *
stack_row (const Stack *s,
           guint        i)
{
  if (s->has_others && i == s->n - 1)
    return &s->others;
  return g_ptr_array_index (s->rows, i);
}

typedef struct
{
  double label_w;   /* the client names' column */
  double bar_x;
  double bar_w;     /* full scale */
  double top;       /* first row */
  double row_h;
  double thick;
} StackGeometry;

static void
stack_geometry (double         width,
                double         height,
                guint          n,
                StackGeometry *g)
{
  g->label_w = MIN (MAX (width * 0.24, 80.0), 200.0);
  g->bar_x = SETTLE_CHART_PAD + g->label_w + 8;
  g->bar_w = MAX (0, width - g->bar_x - TOTAL_BAND - SETTLE_CHART_PAD);
  g->top = SETTLE_CHART_PAD + SETTLE_CHART_LEGEND_BAND;
  g->row_h = n > 0 ? MAX (0, (height - g->top - SETTLE_CHART_PAD) / n) : 0;
  g->thick = MIN (g->row_h * 0.68, ROW_MAX);
}

static gint64
stack_max (const Stack *s)
{
  gint64 max = 0;

  for (guint i = 0; i < s->n; i++)
    max = MAX (max, row_open (stack_row (s, i)));
  return max;
}

static char *
others_name (guint n_others)
{
  /* Translators: the last bar of the clients' aging chart, the clients not shown one by one */
  return g_strdup_printf (ngettext ("%u other client", "%u other clients", n_others), n_others);
}

void
settle_chart_draw_aging_stacked (cairo_t                    *cr,
                                 double                      width,
                                 double                      height,
                                 const SettleAgingReport    *report,
                                 guint                       max_rows,
                                 const PangoFontDescription *font,
                                 gboolean                    dark_theme)
{
  const char *names[SETTLE_AGING_N_BUCKETS];
  const SettleRgb *colours[SETTLE_AGING_N_BUCKETS];
  char *name_store[SETTLE_AGING_N_BUCKETS] = { NULL };
  StackGeometry g;
  Stack s;
  SettleChartInk ink;
  gint64 max;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (report != NULL);
  g_return_if_fail (max_rows > 0);

  stack_init (&s, report, max_rows);
  stack_geometry (width, height, s.n, &g);
  cairo_save (cr);
  settle_chart_ink_init (&ink, cr, font, dark_theme);

  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      name_store[b] = settle_chart_bucket_name (report, b);
      names[b] = name_store[b];
      colours[b] = &ink.pal->buckets[b];
    }
  settle_chart_legend (cr, &ink, g.bar_x, SETTLE_CHART_PAD, width - SETTLE_CHART_PAD,
                       SETTLE_AGING_N_BUCKETS, names, colours);
  /* (g_autofree on an array would free only its first element.) */
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    g_free (name_store[b]);

  max = stack_max (&s);
  if (s.n == 0 || max <= 0)
    settle_chart_put_text (cr, &ink, width / 2, height / 2, 0, TRUE, width - 2 * SETTLE_CHART_PAD,
              _("No open receivables"), &ink.label);

  for (guint i = 0; i < s.n && max > 0 && g.bar_w > 0; i++)
    {
      const SettleAgingRow *row = stack_row (&s, i);
      double centre = g.top + g.row_h * (i + 0.5);
      double x = g.bar_x;
      g_autofree char *name = row == &s.others ? others_name (s.n_others)
                                               : g_strdup (row->client_name);
      g_autofree char *total = settle_chart_money_text (report->currency, row_open (row));
      SettleTextStyle name_style = ink.label;
      g_autofree char *fitted = NULL;
      double h;

      name_style.color = &ink.pal->fg;
      /* One line, cut with an ellipsis: the tooltip has the whole name. */
      fitted = fit_text (&ink, cr, name, &name_style, g.label_w);
      h = settle_render_text (cr, ink.pango, FALSE, 0, 0, -1, fitted, &name_style, NULL);
      settle_chart_put_text (cr, &ink, SETTLE_CHART_PAD + g.label_w, centre - h / 2, 1, FALSE,
                             -1, fitted, &name_style);

      for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
        {
          double w = g.bar_w * ((double) MAX (0, row->buckets[b]) / (double) max);

          if (w <= 0)
            continue;
          settle_chart_set_rgb (cr, &ink.pal->buckets[b]);
          cairo_rectangle (cr, x, centre - g.thick / 2, MAX (w, 1.0), g.thick);
          cairo_fill (cr);
          x += w;
        }
      settle_chart_put_text (cr, &ink, x + 6, centre - ink.value.size * 0.75, -1, FALSE,
                             TOTAL_BAND - 6, total, &ink.value);
    }

  settle_chart_ink_clear (&ink);
  cairo_restore (cr);
  g_ptr_array_unref (s.rows);
}

int
settle_chart_aging_stacked_at (double                   width,
                               double                   height,
                               const SettleAgingReport *report,
                               guint                    max_rows,
                               double                   x,
                               double                   y,
                               int                     *bucket)
{
  StackGeometry g;
  Stack s;
  int row = -1;

  g_return_val_if_fail (report != NULL, -1);
  g_return_val_if_fail (max_rows > 0, -1);

  if (bucket != NULL)
    *bucket = -1;
  stack_init (&s, report, max_rows);
  stack_geometry (width, height, s.n, &g);
  if (s.n > 0 && g.row_h > 0 && y >= g.top && y < g.top + g.row_h * s.n && x >= SETTLE_CHART_PAD)
    {
      gint64 max = stack_max (&s);
      const SettleAgingRow *r;
      double left = g.bar_x;

      row = (int) floor ((y - g.top) / g.row_h);
      r = stack_row (&s, row);
      for (int b = 0; b < SETTLE_AGING_N_BUCKETS && max > 0 && bucket != NULL; b++)
        {
          double w = g.bar_w * ((double) MAX (0, r->buckets[b]) / (double) max);

          if (w > 0 && x >= left && x < left + MAX (w, 1.0))
            *bucket = b;
          left += w;
        }
      if (s.has_others && row == (int) s.n - 1)
        row = (int) max_rows;
    }
  g_ptr_array_unref (s.rows);
  return row;
}

const SettleAgingRow *
settle_chart_aging_stacked_row (const SettleAgingReport *report,
                                guint                    max_rows,
                                int                      row)
{
  const SettleAgingRow *found = NULL;
  Stack s;

  g_return_val_if_fail (report != NULL, NULL);

  stack_init (&s, report, max_rows);
  if (row >= 0 && (guint) row < MIN (max_rows, s.rows->len))
    found = g_ptr_array_index (s.rows, row);
  g_ptr_array_unref (s.rows);
  return found;
}

static void
describe_stack_row (GString                 *out,
                    const SettleAgingReport *report,
                    const char              *name,
                    const SettleAgingRow    *row,
                    int                      only_bucket)
{
  g_autofree char *open = settle_chart_money_text (report->currency, row_open (row));

  if (only_bucket < 0)
    /* Translators: a client's bar in the aging chart, "Acme: $1,200.00 open" */
    g_string_append_printf (out, _("%s: %s open"), name, open);
  else
    g_string_append (out, name);
  for (int b = 0; b < SETTLE_AGING_N_BUCKETS; b++)
    {
      g_autofree char *bucket = NULL;
      g_autofree char *amount = NULL;

      if ((only_bucket >= 0 && b != only_bucket) || (only_bucket < 0 && row->buckets[b] <= 0))
        continue;
      bucket = settle_chart_bucket_name (report, b);
      amount = settle_chart_money_text (report->currency, row->buckets[b]);
      g_string_append (out, only_bucket < 0 ? ", " : ": ");
      g_string_append_printf (out, _("%s: %s"), bucket, amount);
    }
}

char *
settle_chart_describe_aging_stacked (const SettleAgingReport *report,
                                     guint                    max_rows)
{
  GString *out;
  Stack s;

  g_return_val_if_fail (report != NULL, NULL);

  stack_init (&s, report, max_rows);
  out = g_string_new (NULL);
  if (s.n == 0)
    g_string_append (out, _("No open receivables."));
  for (guint i = 0; i < s.n; i++)
    {
      const SettleAgingRow *row = stack_row (&s, i);
      g_autofree char *name = row == &s.others ? others_name (s.n_others)
                                               : g_strdup (row->client_name);

      describe_stack_row (out, report, name, row, -1);
      g_string_append (out, i + 1 < s.n ? "; " : ".");
    }
  g_ptr_array_unref (s.rows);
  return g_string_free (out, FALSE);
}

char *
settle_chart_describe_aging_stacked_at (const SettleAgingReport *report,
                                        guint                    max_rows,
                                        int                      row,
                                        int                      bucket)
{
  GString *out;
  Stack s;
  guint i;

  g_return_val_if_fail (report != NULL, NULL);

  stack_init (&s, report, max_rows);
  i = row >= (int) max_rows ? s.n - 1 : (guint) row;
  if (row < 0 || i >= s.n || (row >= (int) max_rows && !s.has_others))
    {
      g_ptr_array_unref (s.rows);
      return NULL;
    }
  out = g_string_new (NULL);
  {
    const SettleAgingRow *r = stack_row (&s, i);
    g_autofree char *name = r == &s.others ? others_name (s.n_others)
                                           : g_strdup (r->client_name);

    describe_stack_row (out, report, name, r, bucket);
  }
  g_ptr_array_unref (s.rows);
  return g_string_free (out, FALSE);
}

