/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "settle-branding.h"
#include "settle-client.h"
#include "settle-render-image.h"
#include "settle-render-pdf.h"
#include "settle-render-text.h"
#include "settle-report-pdf-private.h"

static const SettleTextStyle st_company = STYLE (14.0, BOLD, ink, LEFT, FALSE);
static const SettleTextStyle st_company_small = STYLE (9.0, BOLD, ink, LEFT, FALSE);
static const SettleTextStyle st_title = STYLE (18.0, NORMAL, ink, RIGHT, FALSE);
static const SettleTextStyle st_subtitle = STYLE (9.0, NORMAL, muted, RIGHT, FALSE);
static const SettleTextStyle st_small = STYLE (7.5, NORMAL, muted, LEFT, FALSE);
static const SettleTextStyle st_small_right = STYLE (7.5, NORMAL, muted, RIGHT, FALSE);
static const SettleTextStyle st_heading = STYLE (12.0, BOLD, ink, LEFT, FALSE);
static const SettleTextStyle st_paragraph = STYLE (8.5, NORMAL, ink, LEFT, FALSE);
static const SettleTextStyle st_card_label = STYLE (7.5, BOLD, muted, LEFT, FALSE);
static const SettleTextStyle st_card_value = STYLE (14.0, BOLD, ink, LEFT, TRUE);

/* ---- the document ------------------------------------------------------------------ */

static void
block_free (Block *b)
{
  g_free (b->text);
  g_strfreev (b->labels);
  g_strfreev (b->values);
  g_strfreev (b->headers);
  g_free (b->align);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_free (b->col_x);
  g_free (b->col_w);
  if (b->destroy != NULL)
    b->destroy (b->data);
  g_free (b);
}

SettleReportDocument *
settle_report_document_new (SettleBook *book,
                            const char *title,
                            const char *subtitle)
{
  SettleReportDocument *doc;

  g_return_val_if_fail (book == NULL || SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  doc = g_new0 (SettleReportDocument, 1);
  doc->title = g_strdup (title);
  doc->subtitle = g_strdup (subtitle != NULL ? subtitle : "");
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  doc->cache = settle_text_cache_new ();

  if (book != NULL)
    {
      g_autoptr(GError) error = NULL;

      doc->branding = settle_branding_load (book, &error);
      if (doc->branding == NULL)
        g_warning ("%s", error->message);
    }
  if (doc->branding == NULL)
    doc->branding = settle_branding_new ();
  if (!settle_branding_parse_accent (doc->branding->accent, &doc->accent.r, &doc->accent.g,
                                     &doc->accent.b))
    settle_branding_parse_accent (SETTLE_BRANDING_DEFAULT_ACCENT, &doc->accent.r,
                                  &doc->accent.g, &doc->accent.b);
  if (!settle_text_is_blank (doc->branding->logo_path))
    {
      g_autoptr(GError) error = NULL;

      doc->logo = settle_logo_load (doc->branding->logo_path, &error);
      if (doc->logo == NULL)
        g_warning ("%s", error->message);
    }
  return doc;
}

void
settle_report_document_free (SettleReportDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_free (doc->subtitle);
  settle_branding_free (doc->branding);
  g_clear_pointer (&doc->logo, settle_logo_free);
  g_ptr_array_unref (doc->blocks);
  settle_text_cache_free (doc->cache);
  g_clear_pointer (&doc->placements, g_array_unref);
  g_free (doc);
}

static Block *
add_block (SettleReportDocument *doc,
           BlockKind             kind)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  g_ptr_array_add (doc->blocks, b);
  /* A new block invalidates any pagination done so far. */
  g_clear_pointer (&doc->placements, g_array_unref);
  return b;
}

void
settle_report_document_add_heading (SettleReportDocument *doc,
                                    const char           *text)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  add_block (doc, BLOCK_HEADING)->text = g_strdup (text);
}

void
settle_report_document_add_paragraph (SettleReportDocument *doc,
                                      const char           *text)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  add_block (doc, BLOCK_PARAGRAPH)->text = g_strdup (text);
}

static GStrv
copy_strings (guint               n,
              const char * const *strings)
{
  GStrv copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (strings[i] != NULL ? strings[i] : "");
  return copy;
}

void
settle_report_document_add_figures (SettleReportDocument *doc,
                                    guint                 n,
                                    const char * const   *labels,
                                    const char * const   *values)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (n > 0 && labels != NULL && values != NULL);

  b = add_block (doc, BLOCK_FIGURES);
  b->n = n;
  b->labels = copy_strings (n, labels);
  b->values = copy_strings (n, values);
}

void
settle_report_document_add_table (SettleReportDocument    *doc,
                                  guint                    n_columns,
                                  const char * const      *headers,
                                  const SettleReportAlign *align,
                                  GPtrArray               *rows,
                                  gboolean                 has_total_row)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (n_columns > 0 && headers != NULL && rows != NULL);

  for (guint i = 0; i < rows->len; i++)
    g_return_if_fail (g_strv_length (g_ptr_array_index (rows, i)) == n_columns);

  b = add_block (doc, BLOCK_TABLE);
  b->n = n_columns;
  b->headers = copy_strings (n_columns, headers);
  b->align = g_new0 (SettleReportAlign, n_columns);
  if (align != NULL)
    memcpy (b->align, align, n_columns * sizeof (SettleReportAlign));
  b->rows = g_ptr_array_ref (rows);
  b->has_total = has_total_row && rows->len > 0;
  b->col_x = g_new0 (double, n_columns);
  b->col_w = g_new0 (double, n_columns);
}

void
settle_report_document_add_chart (SettleReportDocument  *doc,
                                  double                 height_pt,
                                  SettleReportChartFunc  func,
                                  gpointer               data,
                                  GDestroyNotify         destroy)
{
  Block *b;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (height_pt > 0 && func != NULL);

  b = add_block (doc, BLOCK_CHART);
  b->height = height_pt;
  b->func = func;
  b->data = data;
  b->destroy = destroy;
}

/* ---- drawing the pieces ------------------------------------------------------------ */

double
settle_report_text (SettleReportPage      *p,
                    double                 x,
                    double                 y,
                    double                 width,
                    const char            *str,
                    const SettleTextStyle *style)
{
  return settle_render_text_cached (p->doc->cache, p->cr, p->pango, p->draw, x, y, width, str,
                                    style, NULL);
}

double
settle_report_text_width (SettleReportPage      *p,
                          const char            *str,
                          const SettleTextStyle *style)
{
  double width = 0;

  /* Cached: a table cell that fits draws this very layout. */
  settle_render_text_cached (p->doc->cache, p->cr, p->pango, FALSE, 0, 0, -1, str, style, &width);
  return width;
}

void
settle_report_rule (SettleReportPage *p,
                    double            x0,
                    double            x1,
                    double            y,
                    double            line_width,
                    const SettleRgb  *color)
{
  if (p->draw)
    settle_render_hline (p->cr, x0, x1, y, line_width, color);
}

static SettleTextStyle
accented (const SettleReportPage *p,
          const SettleTextStyle  *style)
{
  SettleTextStyle copy = *style;

  copy.color = &p->doc->accent;
  return copy;
}

/* Company logo and name on the left, the report's title and subtitle on the right. */
static double
title_block (SettleReportPage *p,
             double            y)
{
  SettleReportDocument *doc = p->doc;
  SettleTextStyle title_style = accented (p, &st_title);
  double title_w = MIN (TITLE_WIDTH, (p->right - p->left) * 0.6);
  double left_w = p->right - p->left - title_w - 20;
  double ly = y, ry = y, h;

  if (doc->logo != NULL)
    {
      double w, lh;

      settle_logo_fit (doc->logo, MIN (left_w, LOGO_MAX_WIDTH), LOGO_MAX_HEIGHT, &w, &lh);
      if (p->draw)
        settle_logo_draw (doc->logo, p->cr, p->left, ly, w, lh);
      ly += lh + 8;
    }
  if (!settle_text_is_blank (doc->branding->company_name))
    ly += settle_report_text (p, p->left, ly, left_w, doc->branding->company_name, &st_company);

  ry += settle_report_text (p, p->right - title_w, ry, title_w, doc->title, &title_style) + 3;
  if (*doc->subtitle != '\0')
    ry += settle_report_text (p, p->right - title_w, ry, title_w, doc->subtitle, &st_subtitle);

  h = MAX (ly, ry) - y + 10;
  settle_report_rule (p, p->left, p->right, y + h, 1.2, &doc->accent);
  return h + 16;
}

/* The top of every later page: the company and what the report is. */
static double
running_header (SettleReportPage *p,
                double            y)
{
  SettleReportDocument *doc = p->doc;
  double half = (p->right - p->left) / 2, h;
  /* Translators: the running header of a report's later pages; %s is its title */
  g_autofree char *what = g_strdup_printf (_("%s (continued)"), doc->title);

  h = settle_report_text (p, p->left, y, half, doc->branding->company_name, &st_company_small);
  h = MAX (h, settle_report_text (p, p->left + half, y + 1, half, what, &st_small_right));
  settle_report_rule (p, p->left, p->right, y + h + 5, 0.8, &doc->accent);
  return h + 18;
}

static void
footer (SettleReportPage *p,
        int               page,
        int               n_pages,
        double            y)
{
  SettleReportDocument *doc = p->doc;
  g_autofree char *page_text = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);
  g_autofree char *note = NULL;
  const double page_w = 90;

  if (!settle_text_is_blank (doc->branding->company_name))
    /* Translators: a report's footer: company name — report title */
    note = g_strdup_printf (_("%s — %s"), doc->branding->company_name, doc->title);
  else
    note = g_strdup (doc->title);
  settle_report_rule (p, p->left, p->right, y, 0.5, &hairline);
  y += 6;
  settle_report_text (p, p->left, y, p->right - p->left - page_w - COLUMN_GAP, note, &st_small);
  settle_report_text (p, p->right - page_w, y, page_w, page_text, &st_small_right);
}

static guint
figure_rows (const Block *b)
{
  return (b->n + CARDS_PER_ROW - 1) / CARDS_PER_ROW;
}

/* One row of up to four cards; every card of a document's rows has the same width. */
static double
figures_row (SettleReportPage *p,
             const Block      *b,
             guint             row,
             double            y)
{
  SettleTextStyle value_style = accented (p, &st_card_value);
  double card_w = (p->right - p->left - (CARDS_PER_ROW - 1) * CARD_GAP) / CARDS_PER_ROW;
  guint first = row * CARDS_PER_ROW, last = MIN (b->n, first + CARDS_PER_ROW);
  gboolean draw = p->draw;
  double h = 0;

  /* A value too long for its card (a big book's total) gets smaller rather than
   * wrapping; every card of the row then uses that size. */
  for (guint i = first; i < last; i++)
    {
      double w = settle_report_text_width (p, b->values[i], &value_style);

      if (w > card_w - 2 * CARD_PAD)
        value_style.size = MAX (CARD_VALUE_MIN_SIZE,
                                floor (value_style.size * (card_w - 2 * CARD_PAD) / w * 10) / 10);
    }
  /* Measure, then draw the backgrounds at the common height, then the text. */
  p->draw = FALSE;
  for (guint i = first; i < last; i++)
    {
      double ch = settle_report_text (p, 0, 0, card_w - 2 * CARD_PAD, b->labels[i],
                                      &st_card_label) + 3;

      ch += settle_report_text (p, 0, 0, card_w - 2 * CARD_PAD, b->values[i], &value_style);
      h = MAX (h, ch + 2 * CARD_PAD);
    }
  p->draw = draw;
  if (!draw)
    return h;
  for (guint i = first; i < last; i++)
    {
      double x = p->left + (i - first) * (card_w + CARD_GAP);
      double ty = y + CARD_PAD;

      settle_render_rounded_rect (p->cr, x, y, card_w, h, 4);
      cairo_set_source_rgba (p->cr, p->doc->accent.r, p->doc->accent.g, p->doc->accent.b, 0.07);
      cairo_fill (p->cr);
      ty += settle_report_text (p, x + CARD_PAD, ty, card_w - 2 * CARD_PAD, b->labels[i], &st_card_label) + 3;
      settle_report_text (p, x + CARD_PAD, ty, card_w - 2 * CARD_PAD, b->values[i], &value_style);
    }
  return h;
}

static double
chart (SettleReportPage *p,
       const Block      *b,
       double            y)
{
  if (p->draw)
    {
      double width = p->right - p->left;

      cairo_save (p->cr);
      cairo_translate (p->cr, p->left, y);
      cairo_rectangle (p->cr, 0, 0, width, b->height);
      cairo_clip (p->cr);
      cairo_new_path (p->cr);
      b->func (p->cr, width, b->height, b->data);
      cairo_restore (p->cr);
    }
  return b->height;
}

static double
piece (SettleReportPage *p,
       guint             block,
       int               part,
       double            y)
{
  const Block *b = g_ptr_array_index (p->doc->blocks, block);

  switch (b->kind)
    {
    case BLOCK_HEADING:
      return settle_report_text (p, p->left, y, p->right - p->left, b->text, &st_heading);
    case BLOCK_PARAGRAPH:
      return settle_report_text (p, p->left, y, p->right - p->left, b->text, &st_paragraph);
    case BLOCK_FIGURES:
      return figures_row (p, b, (guint) part, y);
    case BLOCK_TABLE:
      return part < 0 ? settle_report_table_header (p, b, y)
                      : settle_report_table_row (p, b, (guint) part, y);
    case BLOCK_CHART:
      return chart (p, b, y);
    default:
      g_assert_not_reached ();
    }
}

/* Space above a piece, unless it starts a page. */
static double
gap_before (const Block *b,
            int          part)
{
  switch (b->kind)
    {
    case BLOCK_HEADING:
      return 18;
    case BLOCK_PARAGRAPH:
      return 6;
    case BLOCK_FIGURES:
      return part == 0 ? 8 : CARD_GAP;
    case BLOCK_TABLE:
      return part < 0 ? 8 : 0;
    case BLOCK_CHART:
      return 10;
    default:
      g_assert_not_reached ();
    }
}

/* Pieces of a block, in order: a table's header is part -1. */
static int
first_part (const Block *b)
{
  return b->kind == BLOCK_TABLE ? -1 : 0;
}

static int
end_part (const Block *b)
{
  switch (b->kind)
    {
    case BLOCK_FIGURES:
      return (int) figure_rows (b);
    case BLOCK_TABLE:
      return (int) b->rows->len;
    default:
      return 1;
    }
}

/* ---- pagination -------------------------------------------------------------------- */

static void
page_begin (SettleReportPage     *p,
            SettleReportDocument *doc,
            cairo_t              *cr,
            PangoContext         *pango,
            double                page_width,
            gboolean              draw)
{
  p->doc = doc;
  p->cr = cr;
  p->pango = pango;
  p->draw = draw;
  p->left = MARGIN_X;
  p->right = page_width - MARGIN_X;
}

static void
place (SettleReportDocument *doc,
       guint                 block,
       int                   part,
       int                   page,
       double                y)
{
  Placement pl = { block, part, page, y };

  g_array_append_val (doc->placements, pl);
}

/* What must follow a piece on the same page: a heading keeps the paragraphs under it
 * and the first piece of what they introduce (and a table's first row), a table's
 * header its first row. */
static double
keep_with (SettleReportPage *p,
           guint             block,
           int               part)
{
  const Block *b = g_ptr_array_index (p->doc->blocks, block);
  double need = 0;

  if (b->kind == BLOCK_TABLE && part < 0 && b->rows->len > 0)
    need += piece (p, block, 0, 0);
  if (b->kind == BLOCK_HEADING)
    for (guint i = block + 1; i < p->doc->blocks->len; i++)
      {
        const Block *next = g_ptr_array_index (p->doc->blocks, i);

        if (next->kind == BLOCK_HEADING)
          break;
        need += gap_before (next, first_part (next)) + piece (p, i, first_part (next), 0);
        if (next->kind != BLOCK_PARAGRAPH)
          {
            need += keep_with (p, i, first_part (next));
            break;
          }
      }
  return need;
}

static void
paginate (SettleReportDocument *doc,
          cairo_t              *cr,
          double                page_width,
          double                page_height)
{
  double bottom = page_height - MARGIN_BOTTOM - FOOTER_HEIGHT - FOOTER_GAP;
  double first_top, later_top, y;
  PangoContext *pango;
  int page = 0;
  SettleReportPage p;

  if (doc->placements != NULL && doc->layout_width == page_width &&
      doc->layout_height == page_height)
    return;

  g_clear_pointer (&doc->placements, g_array_unref);
  doc->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  doc->layout_width = page_width;
  doc->layout_height = page_height;

  pango = settle_render_pango_context (cr, 72.0);
  page_begin (&p, doc, cr, pango, page_width, FALSE);
  first_top = MARGIN_TOP + title_block (&p, 0);
  later_top = MARGIN_TOP + running_header (&p, 0);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind == BLOCK_TABLE)
        settle_report_table_columns (&p, b);
    }

  y = first_top;
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const Block *b = g_ptr_array_index (doc->blocks, i);

      for (int part = first_part (b); part < end_part (b); part++)
        {
          double page_top = page == 0 ? first_top : later_top;
          double h = piece (&p, i, part, 0);
          double before = y > page_top + 0.5 ? gap_before (b, part) : 0;

          if (y + before + h + keep_with (&p, i, part) > bottom && y > page_top + 0.5)
            {
              page++;
              y = later_top;
              before = 0;
              if (b->kind == BLOCK_TABLE && part >= 0)
                {
                  place (doc, i, -1, page, y);
                  y += piece (&p, i, -1, 0);
                }
            }
          y += before;
          place (doc, i, part, page, y);
          y += h;
        }
    }
  doc->n_pages = page + 1;
  g_object_unref (pango);
}

int
settle_report_document_get_n_pages (SettleReportDocument *doc,
                                    cairo_t              *cr,
                                    double                page_width,
                                    double                page_height)
{
  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (page_width > 4 * MARGIN_X && page_height > 4 * MARGIN_TOP, 0);

  paginate (doc, cr, page_width, page_height);
  return doc->n_pages;
}

void
settle_report_document_draw_page (SettleReportDocument *doc,
                                  cairo_t              *cr,
                                  int                   page,
                                  double                page_width,
                                  double                page_height)
{
  PangoContext *pango;
  SettleReportPage p;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0);

  paginate (doc, cr, page_width, page_height);
  g_return_if_fail (page < doc->n_pages);

  cairo_save (cr);
  pango = settle_render_pango_context (cr, 72.0);
  page_begin (&p, doc, cr, pango, page_width, TRUE);
  if (page == 0)
    title_block (&p, MARGIN_TOP);
  else
    running_header (&p, MARGIN_TOP);
  for (guint i = 0; i < doc->placements->len; i++)
    {
      const Placement *pl = &g_array_index (doc->placements, Placement, i);

      if (pl->page == page)
        piece (&p, pl->block, pl->part, pl->y);
      else if (pl->page > page)
        break;
    }
  footer (&p, page, doc->n_pages, page_height - MARGIN_BOTTOM - FOOTER_HEIGHT);
  g_object_unref (pango);
  cairo_restore (cr);
}

static int
pages_func (gpointer  doc,
            cairo_t  *cr,
            double    width,
            double    height)
{
  return settle_report_document_get_n_pages (doc, cr, width, height);
}

static void
draw_func (gpointer  doc,
           cairo_t  *cr,
           int       page,
           double    width,
           double    height)
{
  settle_report_document_draw_page (doc, cr, page, width, height);
}

gboolean
settle_report_document_write_pdf (SettleReportDocument  *doc,
                                  const char            *path,
                                  GError               **error)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return settle_render_write_pdf (path, doc->title, doc->branding->company_name, pages_func,
                                  draw_func, doc, error);
}
