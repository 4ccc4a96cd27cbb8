/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

/* The report's tables: column widths, the header, the rows. */

#include "config.h"

#include <math.h>

#include "settle-report-pdf-private.h"

static const SettleTextStyle st_head = STYLE (7.5, BOLD, muted, LEFT, FALSE);
static const SettleTextStyle st_head_right = STYLE (7.5, BOLD, muted, RIGHT, FALSE);
static const SettleTextStyle st_cell = STYLE (8.0, NORMAL, ink, LEFT, FALSE);
static const SettleTextStyle st_cell_right = STYLE (8.0, NORMAL, ink, RIGHT, TRUE);
static const SettleTextStyle st_total = STYLE (8.0, BOLD, ink, LEFT, FALSE);
static const SettleTextStyle st_total_right = STYLE (8.0, BOLD, ink, RIGHT, TRUE);

static const SettleTextStyle *
cell_style (const Block *b,
            guint        column,
            gboolean     total)
{
  gboolean right = b->align[column] == SETTLE_REPORT_ALIGN_RIGHT;

  if (total)
    return right ? &st_total_right : &st_total;
  return right ? &st_cell_right : &st_cell;
}

/* Natural widths; the room left over goes to the first left-aligned column (the
 * names); when there is too little, left-aligned columns wrap, then all do. */
void
settle_report_table_columns (SettleReportPage *p,
                             Block            *b)
{
  double avail = p->right - p->left - (b->n - 1) * COLUMN_GAP, sum = 0, x;
  int flex = -1;

  for (guint c = 0; c < b->n; c++)
    {
      gboolean right = b->align[c] == SETTLE_REPORT_ALIGN_RIGHT;
      double w = settle_report_text_width (p, b->headers[c],
                                           right ? &st_head_right : &st_head);

      for (guint r = 0; r < b->rows->len; r++)
        {
          GStrv row = g_ptr_array_index (b->rows, r);
          gboolean total = b->has_total && r == b->rows->len - 1;

          w = MAX (w, settle_report_text_width (p, row[c], cell_style (b, c, total)));
        }
      b->col_w[c] = ceil (w) + 1;
      sum += b->col_w[c];
      if (flex < 0 && !right)
        flex = (int) c;
    }
  if (flex < 0)
    flex = 0;

  /* A narrow table spreads the room over every column; a wide one keeps its numbers
   * together and gives the room to the names. */
  if (sum <= avail && b->n <= SPREAD_MAX_COLUMNS)
    for (guint c = 0; c < b->n; c++)
      b->col_w[c] += (avail - sum) / b->n;
  else if (sum <= avail)
    b->col_w[flex] += avail - sum;
  else
    {
      double left_sum = 0, over = sum - avail;

      for (guint c = 0; c < b->n; c++)
        if (b->align[c] == SETTLE_REPORT_ALIGN_LEFT && b->col_w[c] > MIN_WRAP_WIDTH)
          left_sum += b->col_w[c] - MIN_WRAP_WIDTH;
      if (left_sum >= over)
        {
          for (guint c = 0; c < b->n; c++)
            if (b->align[c] == SETTLE_REPORT_ALIGN_LEFT && b->col_w[c] > MIN_WRAP_WIDTH)
              b->col_w[c] -= (b->col_w[c] - MIN_WRAP_WIDTH) * over / left_sum;
        }
      else
        for (guint c = 0; c < b->n; c++)
          b->col_w[c] = floor (b->col_w[c] * avail / sum);
    }

  x = p->left;
  for (guint c = 0; c < b->n; c++)
    {
      b->col_x[c] = x;
      x += b->col_w[c] + COLUMN_GAP;
    }
}

/* A cell at the column's width. Most cells fit on one line: then the unwrapped
 * layout the column widths were measured with is drawn, aligned by hand, so a big
 * table lays out each text once. */
static double
cell (SettleReportPage      *p,
      const Block           *b,
      guint                  column,
      double                 y,
      const char            *str,
      const SettleTextStyle *style)
{
  double natural = settle_report_text_width (p, str, style);
  double x = b->col_x[column];

  if (natural > b->col_w[column])
    return settle_report_text (p, x, y, b->col_w[column], str, style);
  if (style->align == PANGO_ALIGN_RIGHT)
    x += b->col_w[column] - natural;
  return settle_report_text (p, x, y, -1, str, style);
}

double
settle_report_table_header (SettleReportPage *p,
                            const Block      *b,
                            double            y)
{
  double h = 0;

  for (guint c = 0; c < b->n; c++)
    h = MAX (h, cell (p, b, c, y, b->headers[c],
                      b->align[c] == SETTLE_REPORT_ALIGN_RIGHT ? &st_head_right : &st_head));
  settle_report_rule (p, p->left, p->right, y + h + 3, 0.8, &ink);
  return h + 4;
}

double
settle_report_table_row (SettleReportPage *p,
                         const Block      *b,
                         guint             index,
                         double            y)
{
  GStrv row = g_ptr_array_index (b->rows, index);
  gboolean total = b->has_total && index == b->rows->len - 1;
  double h = 0;

  if (total)
    settle_report_rule (p, p->left, p->right, y, 0.8, &ink);
  for (guint c = 0; c < b->n; c++)
    h = MAX (h, cell (p, b, c, y + ROW_PAD, row[c], cell_style (b, c, total)));
  h += 2 * ROW_PAD;
  if (!total)
    settle_report_rule (p, p->left, p->right, y + h - 0.25, 0.5, &hairline);
  return h;
}
