/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "settle-progress.h"
#include "settle-window.h"

G_BEGIN_DECLS

typedef enum
{
  SETTLE_RUN_DIALOG_PREVIEW, /* choosing the date; the plan is computed in a worker */
  SETTLE_RUN_DIALOG_RUNNING,
  SETTLE_RUN_DIALOG_DONE,
} SettleRunDialogState;

#define SETTLE_TYPE_RUN_DIALOG (settle_run_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (SettleRunDialog, settle_run_dialog, SETTLE, RUN_DIALOG, AdwWindow)

/* What differs between the runs is a SettleRunDialogKind given to each instance. */
struct _SettleRunDialogClass
{
  AdwWindowClass parent_class;
};

typedef void     (*SettleRunDialogPlanAsync)  (SettleBook          *book,
                                               const GDate         *as_of,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
typedef gpointer (*SettleRunDialogPlanFinish) (SettleBook          *book,
                                               GAsyncResult        *result,
                                               GError             **error);
typedef void     (*SettleRunDialogRunAsync)   (SettleBook          *book,
                                               const GDate         *as_of,
                                               SettleProgressFunc   progress,
                                               gpointer             progress_data,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);

typedef struct
{
  const char                *looking;      /* N_(): the summary while the plan is computed */
  const char                *locked_hint;  /* N_(): said after the "run lock held" error */
  SettleRunDialogPlanAsync   plan_async;
  SettleRunDialogPlanFinish  plan_finish;
  GDestroyNotify             plan_free;
  GPtrArray               *(*plan_items)    (gconstpointer plan);
  /* The summary of a plan (never NULL). */
  char                    *(*plan_describe) (SettleRunDialog *self,
                                             gconstpointer    plan);
  GtkWidget               *(*item_row_new)  (gconstpointer    plan,
                                             gconstpointer    item);
  SettleRunDialogRunAsync    run_async;
  /* Finishes the run; title and description say the outcome, also when it failed
   * (they are not used when the run lock was held elsewhere). */
  gboolean                 (*run_finish)    (SettleRunDialog *self,
                                             GAsyncResult    *result,
                                             char           **title,
                                             char           **description,
                                             GError         **error);
} SettleRunDialogKind;

/* For the subclass's class_init: its template (with the widgets and handlers every
 * run dialog has) bound to this type. */
void                  settle_run_dialog_class_set_template (GtkWidgetClass            *widget_class,
                                                            const char                *resource);
/* For the subclass's constructor: starts the preview as of today. */
void                  settle_run_dialog_setup              (SettleRunDialog           *self,
                                                            SettleWindow              *window,
                                                            const SettleRunDialogKind *kind);

SettleWindow         *settle_run_dialog_get_window         (SettleRunDialog           *self);
SettleBook           *settle_run_dialog_get_book           (SettleRunDialog           *self);
/* Sets the date field and computes the preview again. */
void                  settle_run_dialog_set_date           (SettleRunDialog           *self,
                                                            const GDate               *date);
/* Runs as the Run button does; nothing when the preview is not ready. */
void                  settle_run_dialog_run                (SettleRunDialog           *self);
SettleRunDialogState  settle_run_dialog_get_state          (SettleRunDialog           *self);
/* TRUE while a preview or a run is being computed. */
gboolean              settle_run_dialog_get_busy           (SettleRunDialog           *self);
/* The plan's description, or the outcome once done. */
const char           *settle_run_dialog_get_summary        (SettleRunDialog           *self);
/* The message shown in red (run lock held elsewhere, bad date…), or NULL. */
const char           *settle_run_dialog_get_error          (SettleRunDialog           *self);
/* The number of items of the plan (capped rows aside). */
guint                 settle_run_dialog_get_n_items        (SettleRunDialog           *self);

G_END_DECLS
