/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's toolbar: the as-of date, the aging basis, the bucket edges and the
 * exports (CSV and PDF, written in a worker from a dashboard computed there). */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "settle-aging-view-private.h"
#include "settle-dashboard-pdf.h"
#include "settle-export-task.h"
#include "settle-format.h"
#include "settle-report-csv.h"
#include "settle-save-chooser.h"

static char *
edges_text (const int edges[SETTLE_AGING_N_BUCKETS - 2])
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < SETTLE_AGING_N_BUCKETS - 2; i++)
    g_string_append_printf (s, "%s%d", i > 0 ? ", " : "", edges[i]);
  return g_string_free (s, FALSE);
}

void
settle_aging_view_toolbar_update (SettleAgingView *self)
{
  const SettleAgingOptions *o = &self->options;
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;
  g_autofree char *edges = NULL;
  g_autoptr(GDateTime) dt = NULL;
  GDate today;

  if (!g_date_valid (&o->as_of))
    return;
  self->updating_toolbar = TRUE;
  settle_today (&today);
  date = settle_format_date (&o->as_of);
  if (g_date_compare (&o->as_of, &today) == 0)
    /* Translators: the as-of button when the dashboard shows today */
    label = g_strdup_printf (_("As of today, %s"), date);
  else
    /* Translators: the as-of button, "As of 3/31/2026" */
    label = g_strdup_printf (_("As of %s"), date);
  gtk_menu_button_set_label (self->as_of_button, label);

  dt = g_date_time_new_local (g_date_get_year (&o->as_of), g_date_get_month (&o->as_of),
                              g_date_get_day (&o->as_of), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, dt);

  gtk_toggle_button_set_active (o->basis == SETTLE_AGING_BY_INVOICE_DATE
                                  ? self->basis_invoice_button : self->basis_due_button, TRUE);
  edges = edges_text (o->edges);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->edges_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->edges_entry), edges);
  self->updating_toolbar = FALSE;
}

static void
apply_as_of (SettleAgingView *self,
             const GDate     *date)
{
  SettleAgingOptions options = self->options;

  options.as_of = *date;
  gtk_popover_popdown (self->as_of_popover);
  settle_aging_view_set_options (self, &options);
  settle_aging_view_toolbar_update (self);
}

static void
calendar_day_selected_cb (SettleAgingView *self)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (self->updating_toolbar)
    return;
  dt = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  if (g_date_valid (&self->options.as_of) && g_date_compare (&date, &self->options.as_of) == 0)
    return;
  apply_as_of (self, &date);
}

static void
today_clicked_cb (SettleAgingView *self)
{
  GDate today;

  settle_today (&today);
  apply_as_of (self, &today);
}

static void
basis_toggled_cb (SettleAgingView *self)
{
  SettleAgingOptions options = self->options;

  if (self->updating_toolbar || !g_date_valid (&options.as_of))
    return;
  options.basis = gtk_toggle_button_get_active (self->basis_due_button)
                    ? SETTLE_AGING_BY_DUE_DATE : SETTLE_AGING_BY_INVOICE_DATE;
  if (options.basis == self->options.basis)
    return;
  settle_aging_view_set_options (self, &options);
}

static void
edges_changed_cb (SettleAgingView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->edges_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->edges_entry), "error");
}

/* Validated with the core's parser, saved as the book's default (with the basis),
 * then shown. */
static void
edges_apply_cb (SettleAgingView *self)
{
  SettleAgingOptions options = self->options;
  g_autoptr(GError) error = NULL;

  if (self->book == NULL || !g_date_valid (&options.as_of))
    return;
  if (!settle_aging_parse_edges (gtk_editable_get_text (GTK_EDITABLE (self->edges_entry)),
                                 options.edges, &error)
      || !settle_aging_options_save (self->book, &options, &error))
    {
      gtk_label_set_label (self->edges_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->edges_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->edges_entry), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->edges_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      return;
    }
  gtk_popover_popdown (self->edges_popover);
  settle_aging_view_set_options (self, &options);
  settle_aging_view_toast (self, _("Bucket edges saved for this book"));
}

/* ---- Exports ------------------------------------------------------------------------ */

typedef struct
{
  SettleAgingOptions options;
  char              *kind;   /* "aging", "metrics", "clients", "trend", "forecast", "pdf" */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->kind);
  g_free (data);
}

static gboolean
export_write (SettleBook  *conn,
              gpointer     user_data,
              const char  *path,
              GError     **error)
{
  ExportData *data = user_data;
  g_autoptr(SettleDashboard) dashboard = NULL;
  g_autofree char *csv = NULL;

  /* The view's dashboard may be replaced meanwhile: the worker makes its own, for the
   * same date and options, on its own connection. */
  dashboard = settle_dashboard_compute (conn, &data->options, error);
  if (dashboard == NULL)
    return FALSE;
  if (g_str_equal (data->kind, "pdf"))
    return settle_dashboard_write_pdf (conn, dashboard, path, error);
  if (g_str_equal (data->kind, "aging"))
    csv = settle_aging_to_csv (dashboard->aging);
  else if (g_str_equal (data->kind, "metrics"))
    csv = settle_dashboard_to_csv (dashboard, SETTLE_REPORT_CSV_METRICS);
  else if (g_str_equal (data->kind, "clients"))
    csv = settle_dashboard_to_csv (dashboard, SETTLE_REPORT_CSV_CLIENTS);
  else if (g_str_equal (data->kind, "trend"))
    csv = settle_dashboard_to_csv (dashboard, SETTLE_REPORT_CSV_TREND);
  else
    csv = settle_dashboard_to_csv (dashboard, SETTLE_REPORT_CSV_FORECAST);
  return settle_report_csv_write (csv, path, error);
}

static void
export_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SettleAgingView *self = SETTLE_AGING_VIEW (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->exporting = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  if (!settle_export_task_finish (result, &error))
    /* Translators: %s says why, e.g. the file cannot be written */
    text = g_strdup_printf (_("Export failed: %s"), error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (settle_export_task_get_path (result));

      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Saved “%s”"), name);
    }
  settle_aging_view_toast (self, text);
}

void
settle_aging_view_export_to (SettleAgingView *self,
                             const char      *kind,
                             const char      *path)
{
  ExportData *data;

  g_return_if_fail (SETTLE_IS_AGING_VIEW (self));
  g_return_if_fail (kind != NULL && path != NULL);

  if (self->book == NULL || !g_date_valid (&self->options.as_of) || self->exporting)
    return;
  self->exporting = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  data = g_new0 (ExportData, 1);
  data->options = self->options;
  data->kind = g_strdup (kind);
  settle_export_task_run (self, self->book, path, export_write, data,
                          (GDestroyNotify) export_data_free, settle_aging_view_export_to, NULL,
                          export_done, NULL);
}

gboolean
settle_aging_view_get_exporting (SettleAgingView *self)
{
  g_return_val_if_fail (SETTLE_IS_AGING_VIEW (self), FALSE);
  return self->exporting;
}

static void
export_chosen (GtkWidget  *owner,
               const char *path,
               gpointer    kind)
{
  settle_aging_view_export_to (SETTLE_AGING_VIEW (owner), kind, path);
}

static void
choose_export_file (SettleAgingView *self,
                    const char      *kind)
{
  g_autofree char *date = settle_date_to_iso (&self->options.as_of);
  g_autofree char *name = NULL;
  gboolean pdf = g_str_equal (kind, "pdf");
  const char *what;

  if (g_str_equal (kind, "aging"))
    /* Translators: the start of a suggested file name, "Aging 2026-03-31.csv" */
    what = _("Aging");
  else if (g_str_equal (kind, "metrics"))
    what = _("Metrics");
  else if (g_str_equal (kind, "clients"))
    what = _("Client behaviour");
  else if (g_str_equal (kind, "trend"))
    what = _("DSO trend");
  else if (g_str_equal (kind, "forecast"))
    what = _("Cash forecast");
  else
    what = _("Dashboard");
  name = g_strdup_printf ("%s %s.%s", what, date, pdf ? "pdf" : "csv");
  settle_save_chooser_show (GTK_WIDGET (self),
                            pdf ? _("Export Dashboard as PDF") : _("Export as CSV"), _("_Export"),
                            pdf ? SETTLE_SAVE_PDF : SETTLE_SAVE_CSV, name, export_chosen,
                            g_strdup (kind), g_free);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SettleAgingView *self = SETTLE_AGING_VIEW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);

  if (!g_str_equal (kind, "aging") && !g_str_equal (kind, "metrics")
      && !g_str_equal (kind, "clients") && !g_str_equal (kind, "trend")
      && !g_str_equal (kind, "forecast"))
    return;
  choose_export_file (self, kind);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_export_file (SETTLE_AGING_VIEW (widget), "pdf");
}

void
settle_aging_view_toolbar_init (SettleAgingView *self)
{
  gtk_entry_set_placeholder_text (self->edges_entry, "30, 60, 90");
}

void
settle_aging_view_toolbar_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, basis_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, edges_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edges_apply_cb);
  gtk_widget_class_install_action (widget_class, "aging.export-csv", "s", export_csv_action);
  gtk_widget_class_install_action (widget_class, "aging.export-pdf", NULL, export_pdf_action);
}
