/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-render"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-client.h"
#include "settle-invoice-pdf.h"
#include "settle-render-pdf.h"
#include "settle-statement-pdf-private.h"

/* What flows down the pages, and where it went. */
typedef enum
{
  ITEM_TITLE,
  ITEM_HEADER,
  ITEM_OPENING,
  ITEM_LINE,
  ITEM_CLOSING,
  ITEM_AGING,
  ITEM_REMIT,
} ItemKind;

typedef struct
{
  ItemKind kind;
  int      index;
  int      page;
  double   y;
} Placement;

/* ---- the document ------------------------------------------------------------------ */

SettleStatementDocument *
settle_statement_document_new_for_data (SettleStatement *statement,
                                        SettleBranding  *branding)
{
  SettleStatementDocument *doc;

  g_return_val_if_fail (statement != NULL, NULL);
  g_return_val_if_fail (branding != NULL, NULL);

  doc = g_new0 (SettleStatementDocument, 1);
  doc->statement = statement;
  doc->branding = branding;
  if (!settle_branding_parse_accent (branding->accent, &doc->accent.r, &doc->accent.g,
                                     &doc->accent.b))
    settle_branding_parse_accent (SETTLE_BRANDING_DEFAULT_ACCENT, &doc->accent.r,
                                  &doc->accent.g, &doc->accent.b);
  if (!settle_text_is_blank (branding->logo_path))
    {
      g_autoptr(GError) error = NULL;

      doc->logo = settle_logo_load (branding->logo_path, &error);
      if (doc->logo == NULL)
        g_warning ("%s", error->message);
    }
  return doc;
}

SettleStatementDocument *
settle_statement_document_new (SettleBook   *book,
                               SettleId      client_id,
                               const GDate  *from,
                               const GDate  *to,
                               GError      **error)
{
  g_autoptr(SettleBranding) branding = NULL;
  g_autoptr(SettleStatement) statement = NULL;

  g_return_val_if_fail (SETTLE_IS_BOOK (book), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  branding = settle_branding_load (book, error);
  if (branding == NULL)
    return NULL;
  if (!settle_text_is_blank (branding->logo_path) &&
      settle_branding_logo_format (branding->logo_path, error) == SETTLE_LOGO_NONE)
    return NULL;
  statement = settle_statement_load (book, client_id, from, to, error);
  if (statement == NULL)
    return NULL;
  return settle_statement_document_new_for_data (g_steal_pointer (&statement),
                                                 g_steal_pointer (&branding));
}

void
settle_statement_document_free (SettleStatementDocument *doc)
{
  if (doc == NULL)
    return;
  settle_statement_free (doc->statement);
  settle_branding_free (doc->branding);
  g_clear_pointer (&doc->logo, settle_logo_free);
  g_clear_pointer (&doc->placements, g_array_unref);
  g_free (doc);
}

const SettleStatement *
settle_statement_document_get_statement (SettleStatementDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->statement;
}

static void
page_begin (SettleStatementPage     *p,
            SettleStatementDocument *doc,
            cairo_t                 *cr,
            double                   page_width,
            gboolean                 draw)
{
  p->doc = doc;
  p->cr = cr;
  p->pango = settle_render_pango_context (cr, 72.0);
  p->draw = draw;
  p->left = MARGIN_X;
  p->right = page_width - MARGIN_X;
}

static double
item (SettleStatementPage *p,
      ItemKind             kind,
      int                  index,
      double               y)
{
  const SettleStatement *st = p->doc->statement;

  switch (kind)
    {
    case ITEM_TITLE:
      return settle_statement_page_title (p, y);
    case ITEM_HEADER:
      return settle_statement_page_header (p, y);
    case ITEM_OPENING:
      {
        GDate before = st->from;

        if (g_date_valid (&before) && g_date_get_julian (&before) > 1)
          g_date_subtract_days (&before, 1);
        return settle_statement_page_balance (p, y, _("Opening balance"), &before,
                                              st->opening_balance);
      }
    case ITEM_LINE:
      return settle_statement_page_line (p, y, index);
    case ITEM_CLOSING:
      return settle_statement_page_balance (p, y, _("Closing balance"), &st->to,
                                            st->closing_balance);
    case ITEM_AGING:
      return settle_statement_page_aging (p, y);
    case ITEM_REMIT:
      return settle_statement_page_remit (p, y);
    default:
      g_assert_not_reached ();
    }
}

static void
place (SettleStatementDocument *doc,
       ItemKind                 kind,
       int                      index,
       int                      page,
       double                   y)
{
  Placement pl = { kind, index, page, y };

  g_array_append_val (doc->placements, pl);
}

static void
paginate (SettleStatementDocument *doc,
          cairo_t                 *cr,
          double                   page_width,
          double                   page_height)
{
  const SettleStatement *st = doc->statement;
  double bottom = page_height - MARGIN_BOTTOM - FOOTER_HEIGHT - FOOTER_GAP;
  double header_h, y;
  int page = 0;
  SettleStatementPage p;
  struct { ItemKind kind; int index; double before; } flow[] = {
    { ITEM_HEADER, 0, 0 }, { ITEM_OPENING, 0, 0 }, { ITEM_LINE, 0, 0 },
    { ITEM_CLOSING, 0, 0 }, { ITEM_AGING, 0, 20 }, { ITEM_REMIT, 0, 16 },
  };

  if (doc->placements != NULL && doc->layout_width == page_width &&
      doc->layout_height == page_height)
    return;

  g_clear_pointer (&doc->placements, g_array_unref);
  doc->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  doc->layout_width = page_width;
  doc->layout_height = page_height;

  page_begin (&p, doc, cr, page_width, FALSE);
  settle_statement_page_columns (&p);
  doc->continued_height = settle_statement_page_continued (&p, 0);
  header_h = settle_statement_page_header (&p, 0);

  place (doc, ITEM_TITLE, 0, 0, MARGIN_TOP);
  y = MARGIN_TOP + settle_statement_page_title (&p, 0);

  for (guint f = 0; f < G_N_ELEMENTS (flow); f++)
    {
      guint count = flow[f].kind == ITEM_LINE ? st->lines->len : 1;

      for (guint i = 0; i < count; i++)
        {
          double h = item (&p, flow[f].kind, (int) i, 0);
          double need = flow[f].before + h;
          double page_start = page == 0 ? MARGIN_TOP : MARGIN_TOP + doc->continued_height;

          if (h <= 0)
            continue;

          /* The column headings stay with the opening row. */
          if (flow[f].kind == ITEM_HEADER)
            need += item (&p, ITEM_OPENING, 0, 0);
          if (y + need > bottom && y > page_start + 0.5)
            {
              page++;
              y = MARGIN_TOP + doc->continued_height;
              if (flow[f].kind == ITEM_LINE || flow[f].kind == ITEM_CLOSING)
                {
                  place (doc, ITEM_HEADER, 1, page, y);
                  y += header_h;
                }
            }
          else
            y += flow[f].before;
          place (doc, flow[f].kind, (int) i, page, y);
          y += h;
        }
    }

  doc->n_pages = page + 1;
  g_clear_object (&p.pango);
}

int
settle_statement_document_get_n_pages (SettleStatementDocument *doc,
                                       cairo_t                 *cr,
                                       double                   page_width,
                                       double                   page_height)
{
  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (page_width > 2 * MARGIN_X && page_height > MARGIN_TOP + MARGIN_BOTTOM, 0);

  paginate (doc, cr, page_width, page_height);
  return doc->n_pages;
}

void
settle_statement_document_draw_page (SettleStatementDocument *doc,
                                     cairo_t                 *cr,
                                     int                      page,
                                     double                   page_width,
                                     double                   page_height)
{
  SettleStatementPage p;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0);

  paginate (doc, cr, page_width, page_height);
  g_return_if_fail (page < doc->n_pages);

  cairo_save (cr);
  page_begin (&p, doc, cr, page_width, TRUE);
  if (page > 0)
    settle_statement_page_continued (&p, MARGIN_TOP);
  for (guint i = 0; i < doc->placements->len; i++)
    {
      const Placement *pl = &g_array_index (doc->placements, Placement, i);

      if (pl->page == page)
        item (&p, pl->kind, pl->index, pl->y);
    }
  settle_statement_page_footer (&p, page, doc->n_pages,
                                page_height - MARGIN_BOTTOM - FOOTER_HEIGHT);
  g_clear_object (&p.pango);
  cairo_restore (cr);
}

static int
pages_func (gpointer  doc,
            cairo_t  *cr,
            double    width,
            double    height)
{
  return settle_statement_document_get_n_pages (doc, cr, width, height);
}

static void
draw_func (gpointer  doc,
           cairo_t  *cr,
           int       page,
           double    width,
           double    height)
{
  settle_statement_document_draw_page (doc, cr, page, width, height);
}

gboolean
settle_statement_document_write_pdf (SettleStatementDocument  *doc,
                                     const char               *path,
                                     GError                  **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Translators: a PDF's title; %s is a client's name */
  title = g_strdup_printf (_("Statement for %s"), doc->statement->client_name);
  return settle_render_write_pdf (path, title, doc->branding->company_name, pages_func, draw_func,
                                  doc, error);
}
