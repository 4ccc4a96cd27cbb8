/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "settle-activity.h"
#include "settle-client-timeline.h"
#include "settle-dunning-ladder.h"
#include "settle-format.h"

struct _SettleClientTimeline
{
  AdwBin      parent_instance;

  SettleBook *book;
  SettleId    client_id;

  /* Owned: the owner may still call in while its children are torn down. */
  GtkListBox *list;
  GtkLabel   *placeholder;
  GtkWidget  *more_button;

  guint       shown;      /* rows in the list */
  guint       generation; /* bumped on every new request; older answers are dropped */
  guint       pending;    /* requests not answered yet */
};

G_DEFINE_FINAL_TYPE (SettleClientTimeline, settle_client_timeline, ADW_TYPE_BIN)

enum {
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  SettleBook *book;
  SettleId    client_id;
  guint       offset;
  guint       limit;      /* rows wanted; one more is read to know if there are more */
  guint       generation;
  gboolean    append;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->book);
  g_free (request);
}

/* The dunning run's detail, "TEMPLATE CHANNEL STEP[ iN]" (settle-dunning-run.c),
 * in words; NULL when it is not one. */
static char *
describe_dunning_step (const char *detail)
{
  g_auto(GStrv) parts = g_strsplit (detail, " ", -1);
  SettleDunningChannel channel;
  guint64 step;

  if (g_strv_length (parts) < 3 || g_strv_length (parts) > 4
      || !settle_dunning_channel_from_string (parts[1], &channel)
      || !g_ascii_string_to_unsigned (parts[2], 10, 1, 1000, &step, NULL))
    return NULL;
  /* Translators: how a reminder went out: the channel ("Email"), the step of
   * the reminder schedule, then the template's name. */
  return g_strdup_printf (_("%s, step %u (“%s”)"), settle_dunning_channel_label (channel),
                          (guint) step, parts[0]);
}

/* The stored detail, in words where the core's format is known; NULL for none. */
static char *
describe_detail (const SettleActivity *activity)
{
  const char *detail = activity->detail;
  char *step;

  if (detail == NULL || *detail == '\0' || g_strcmp0 (detail, activity->number) == 0)
    return NULL;
  /* A payment's detail is its amount, already in the subject. */
  if (g_strcmp0 (activity->entity, "payment") == 0
      && strspn (detail, "0123456789.-") == strlen (detail))
    return NULL;
  if (g_strcmp0 (detail, "no valid billing email") == 0)
    return g_strdup (_("no valid billing email address"));
  if ((step = describe_dunning_step (detail)) != NULL)
    return step;
  return g_strdup (detail);
}

/* What the action was about: the invoice or payment, and the detail. */
static char *
activity_subject (const SettleActivity *activity)
{
  g_autofree char *what = NULL;
  g_autofree char *detail = describe_detail (activity);

  if (g_strcmp0 (activity->entity, "invoice") == 0)
    {
      if (activity->number != NULL)
        /* Translators: %s is an invoice number. */
        what = g_strdup_printf (_("Invoice %s"), activity->number);
      else
        what = g_strdup (_("Draft invoice"));
    }
  else if (g_strcmp0 (activity->entity, "payment") == 0)
    {
      g_autofree char *amount = settle_format_money (activity->amount, activity->currency);

      /* Translators: %s is the amount of the payment. */
      what = g_strdup_printf (_("Payment of %s"), amount);
    }

  if (what != NULL && detail != NULL)
    /* Translators: what an activity was about, then its detail. */
    return g_strdup_printf (_("%s — %s"), what, detail);
  if (what != NULL)
    return g_steal_pointer (&what);
  return g_steal_pointer (&detail);
}

static GtkWidget *
activity_row_new (const SettleActivity *activity)
{
  g_autofree char *when = settle_format_timestamp (activity->at);
  g_autofree char *subject = activity_subject (activity);
  g_autofree char *who = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (settle_format_activity_label (activity->action),
                                                 -1);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: when and who, under an activity: "2024-03-15 14:02 · alice". */
  who = g_strdup_printf (_("%s · %s"), when, activity->actor != NULL ? activity->actor : "");
  if (subject != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", subject, who);

      subtitle = g_markup_escape_text (text, -1);
    }
  else
    subtitle = g_markup_escape_text (who, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data (G_OBJECT (row), "settle-activity-id",
                     GSIZE_TO_POINTER ((gsize) activity->id));
  return row;
}

static void
clear_list (SettleClientTimeline *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->shown = 0;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(SettleBook) conn = NULL;
  GPtrArray *rows = NULL;
  GError *error = NULL;

  conn = settle_book_open_worker (request->book, &error);
  if (conn != NULL)
    rows = settle_activity_list_for_client (conn, request->client_id, request->limit + 1,
                                            request->offset, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
load_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SettleClientTimeline *self = SETTLE_CLIENT_TIMELINE (source_object);
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  self->pending--;
  rows = g_task_propagate_pointer (G_TASK (result), &error);
  if (request->generation != self->generation || self->list == NULL)
    return;

  gtk_label_set_label (self->placeholder, _("No activity recorded"));
  if (rows == NULL)
    {
      g_warning ("Cannot list the activity of client %" G_GINT64_FORMAT ": %s",
                 request->client_id, error->message);
      if (!request->append)
        {
          clear_list (self);
          gtk_widget_set_visible (self->more_button, FALSE);
        }
      gtk_label_set_label (self->placeholder, _("The activity could not be read"));
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }

  if (!request->append)
    clear_list (self);
  for (guint i = 0; i < rows->len && i < request->limit; i++)
    {
      gtk_list_box_append (self->list, activity_row_new (g_ptr_array_index (rows, i)));
      self->shown++;
    }
  gtk_widget_set_visible (self->more_button, rows->len > request->limit);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

static void
load (SettleClientTimeline *self,
      guint                 offset,
      guint                 limit,
      gboolean              append)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  self->generation++;
  if (self->list == NULL)
    return;
  if (self->book == NULL || self->client_id == SETTLE_ID_NONE)
    {
      clear_list (self);
      gtk_widget_set_visible (self->more_button, FALSE);
      return;
    }

  request = g_new0 (Request, 1);
  request->book = g_object_ref (self->book);
  request->client_id = self->client_id;
  request->offset = offset;
  request->limit = limit;
  request->generation = self->generation;
  request->append = append;

  self->pending++;
  task = g_task_new (self, NULL, load_done, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, load_thread);
}

static void
more_clicked_cb (SettleClientTimeline *self)
{
  settle_client_timeline_show_more (self);
}

static void
settle_client_timeline_dispose (GObject *object)
{
  SettleClientTimeline *self = SETTLE_CLIENT_TIMELINE (object);

  g_clear_object (&self->book);
  g_clear_object (&self->list);
  g_clear_object (&self->placeholder);
  g_clear_object (&self->more_button);

  G_OBJECT_CLASS (settle_client_timeline_parent_class)->dispose (object);
}

static void
settle_client_timeline_class_init (SettleClientTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = settle_client_timeline_dispose;

  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
settle_client_timeline_init (SettleClientTimeline *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *placeholder = g_object_ref_sink (gtk_label_new (_("No activity recorded")));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Activity"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What happened to the client, its invoices and "
                                           "payments, newest first"));

  self->list = g_object_ref_sink (GTK_LIST_BOX (gtk_list_box_new ()));
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Client activity"), -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  self->placeholder = GTK_LABEL (placeholder);
  gtk_list_box_set_placeholder (self->list, placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->list));

  self->more_button = g_object_ref_sink (gtk_button_new_with_mnemonic (_("Show _More")));
  gtk_widget_set_tooltip_text (self->more_button, _("Show older activity"));
  gtk_widget_set_halign (self->more_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->more_button, 12);
  gtk_widget_set_visible (self->more_button, FALSE);
  gtk_widget_add_css_class (self->more_button, "pill");
  g_signal_connect_swapped (self->more_button, "clicked", G_CALLBACK (more_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->more_button);

  adw_bin_set_child (ADW_BIN (self), group);
}

GtkWidget *
settle_client_timeline_new (void)
{
  return g_object_new (SETTLE_TYPE_CLIENT_TIMELINE, NULL);
}

void
settle_client_timeline_set_book (SettleClientTimeline *self,
                                 SettleBook           *book)
{
  g_return_if_fail (SETTLE_IS_CLIENT_TIMELINE (self));
  g_return_if_fail (book == NULL || SETTLE_IS_BOOK (book));

  if (self->book == book)
    return;
  g_set_object (&self->book, book);
  self->client_id = SETTLE_ID_NONE;
  load (self, 0, SETTLE_CLIENT_TIMELINE_PAGE, FALSE);
}

void
settle_client_timeline_show_client (SettleClientTimeline *self,
                                    SettleId              client_id)
{
  g_return_if_fail (SETTLE_IS_CLIENT_TIMELINE (self));

  if (self->client_id == client_id)
    {
      settle_client_timeline_reload (self);
      return;
    }
  /* Another client's rows must not linger while this one's are read. */
  if (self->list == NULL)
    return;
  clear_list (self);
  gtk_widget_set_visible (self->more_button, FALSE);
  if (client_id != SETTLE_ID_NONE)
    gtk_label_set_label (self->placeholder, _("Loading…"));
  self->client_id = client_id;
  load (self, 0, SETTLE_CLIENT_TIMELINE_PAGE, FALSE);
}

void
settle_client_timeline_reload (SettleClientTimeline *self)
{
  g_return_if_fail (SETTLE_IS_CLIENT_TIMELINE (self));

  load (self, 0, MAX (self->shown, SETTLE_CLIENT_TIMELINE_PAGE), FALSE);
}

void
settle_client_timeline_show_more (SettleClientTimeline *self)
{
  g_return_if_fail (SETTLE_IS_CLIENT_TIMELINE (self));

  load (self, self->shown, SETTLE_CLIENT_TIMELINE_PAGE, TRUE);
}

gboolean
settle_client_timeline_is_loading (SettleClientTimeline *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_TIMELINE (self), FALSE);
  return self->pending > 0;
}

GtkListBox *
settle_client_timeline_get_list (SettleClientTimeline *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_TIMELINE (self), NULL);
  return self->list;
}

GtkWidget *
settle_client_timeline_get_more_button (SettleClientTimeline *self)
{
  g_return_val_if_fail (SETTLE_IS_CLIENT_TIMELINE (self), NULL);
  return self->more_button;
}
