/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's three charts: drawing (src/render does it), tooltips per bar or
 * point (the render layer's hit tests), accessible text (its descriptions), and the
 * drill-down from a segment of the clients' chart. */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-aging-view-private.h"
#include "settle-chart-dashboard.h"

static gboolean
dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static const PangoFontDescription *
widget_font (GtkWidget *widget)
{
  return pango_context_get_font_description (gtk_widget_get_pango_context (widget));
}

static void
draw_stacked (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  SettleAgingView *self = user_data;

  if (self->dashboard != NULL)
    settle_chart_draw_aging_stacked (cr, width, height, self->dashboard->aging,
                                     SETTLE_AGING_VIEW_CHART_ROWS,
                                     widget_font (GTK_WIDGET (area)), dark ());
}

static void
draw_trend (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  SettleAgingView *self = user_data;

  if (self->dashboard != NULL)
    settle_chart_draw_dso_trend (cr, width, height, self->dashboard,
                                 widget_font (GTK_WIDGET (area)), dark ());
}

static void
draw_forecast (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  SettleAgingView *self = user_data;

  if (self->dashboard != NULL)
    settle_chart_draw_forecast (cr, width, height, self->dashboard,
                                widget_font (GTK_WIDGET (area)), dark ());
}

static char *
describe (SettleAgingView *self,
          GtkWidget       *chart)
{
  if (chart == GTK_WIDGET (self->chart))
    return settle_chart_describe_aging_stacked (self->dashboard->aging,
                                                SETTLE_AGING_VIEW_CHART_ROWS);
  if (chart == GTK_WIDGET (self->trend_chart))
    return settle_chart_describe_dso_trend (self->dashboard);
  return settle_chart_describe_forecast (self->dashboard);
}

static gboolean
chart_query_tooltip_cb (GtkWidget       *widget,
                        int              x,
                        int              y,
                        gboolean         keyboard_mode,
                        GtkTooltip      *tooltip,
                        SettleAgingView *self)
{
  g_autofree char *text = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->dashboard == NULL)
    return FALSE;
  if (keyboard_mode)
    text = describe (self, widget);
  else if (widget == GTK_WIDGET (self->chart))
    {
      int bucket = -1;
      int row = settle_chart_aging_stacked_at (width, height, self->dashboard->aging,
                                               SETTLE_AGING_VIEW_CHART_ROWS, x, y, &bucket);

      if (row < 0)
        return FALSE;
      text = settle_chart_describe_aging_stacked_at (self->dashboard->aging,
                                                     SETTLE_AGING_VIEW_CHART_ROWS, row, bucket);
      if (text != NULL && row < SETTLE_AGING_VIEW_CHART_ROWS)
        {
          char *more = g_strconcat (text, "\n", _("Click to see the invoices"), NULL);

          g_free (text);
          text = more;
        }
    }
  else if (widget == GTK_WIDGET (self->trend_chart))
    {
      int month = settle_chart_dso_trend_at (width, height, self->dashboard, x, y);

      if (month < 0)
        return FALSE;
      text = settle_chart_describe_dso_month (self->dashboard, month);
    }
  else
    {
      int week = settle_chart_forecast_at (width, height, self->dashboard, x, y);

      if (week < 0)
        return FALSE;
      text = settle_chart_describe_forecast_week (self->dashboard, week);
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A click on a client's segment lists the invoices in that cell. */
static void
stacked_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SettleAgingView *self)
{
  GtkWidget *chart = GTK_WIDGET (self->chart);
  const SettleAgingRow *row;
  int bucket = -1;
  int index;

  if (self->dashboard == NULL)
    return;
  gtk_widget_grab_focus (chart);
  index = settle_chart_aging_stacked_at (gtk_widget_get_width (chart),
                                         gtk_widget_get_height (chart), self->dashboard->aging,
                                         SETTLE_AGING_VIEW_CHART_ROWS, x, y, &bucket);
  row = settle_chart_aging_stacked_row (self->dashboard->aging, SETTLE_AGING_VIEW_CHART_ROWS,
                                        index);
  if (row != NULL)
    settle_aging_view_show_entries (self, row->client_id, bucket);
}

static void
dark_changed_cb (SettleAgingView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->trend_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->forecast_chart));
}

/* GTK 4.8 cannot read an accessible property back, so the text given is kept on the
 * widget too (settle_aging_view_get_chart_text). */
static void
set_accessible (GtkDrawingArea *chart,
                const char     *label,
                const char     *description)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (chart), "settle-chart-text",
                          g_strdup_printf ("%s: %s", label, description), g_free);
}

const char *
settle_aging_view_get_chart_text (GtkWidget *chart)
{
  g_return_val_if_fail (GTK_IS_DRAWING_AREA (chart), NULL);
  return g_object_get_data (G_OBJECT (chart), "settle-chart-text");
}

void
settle_aging_view_charts_update (SettleAgingView *self)
{
  g_autofree char *stacked = describe (self, GTK_WIDGET (self->chart));
  g_autofree char *trend = describe (self, GTK_WIDGET (self->trend_chart));
  g_autofree char *forecast = describe (self, GTK_WIDGET (self->forecast_chart));
  guint n_rows = MIN (self->dashboard->aging->rows->len, SETTLE_AGING_VIEW_CHART_ROWS + 1);

  set_accessible (self->chart, _("Receivables by client and age"), stacked);
  set_accessible (self->trend_chart, _("DSO trend over 12 months"), trend);
  set_accessible (self->forecast_chart, _("Expected receipts over 13 weeks"), forecast);
  /* About 34 pixels a client, so names and totals never crowd. */
  gtk_drawing_area_set_content_height (self->chart, 40 + 34 * MAX (n_rows, 2));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->trend_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->forecast_chart));
}

void
settle_aging_view_charts_init (SettleAgingView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_drawing_area_set_draw_func (self->chart, draw_stacked, self, NULL);
  gtk_drawing_area_set_draw_func (self->trend_chart, draw_trend, self, NULL);
  gtk_drawing_area_set_draw_func (self->forecast_chart, draw_forecast, self, NULL);
  g_signal_connect (click, "pressed", G_CALLBACK (stacked_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->chart), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->chart), "pointer");
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

void
settle_aging_view_charts_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, chart_query_tooltip_cb);
}
