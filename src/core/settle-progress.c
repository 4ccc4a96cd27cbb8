/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-core"

#include "config.h"

#include "settle-progress.h"

struct _SettleProgressRelay
{
  SettleProgressFunc func;
  gpointer           user_data;
  GMainContext      *context;
  guint              last_sent;
  gboolean           sent_any;
};

typedef struct
{
  SettleProgressFunc func;
  gpointer           user_data;
  guint              done;
  guint              total;
} ProgressCall;

SettleProgressRelay *
settle_progress_relay_new (SettleProgressFunc func,
                           gpointer           user_data)
{
  SettleProgressRelay *relay = g_new0 (SettleProgressRelay, 1);

  relay->func = func;
  relay->user_data = user_data;
  relay->context = g_main_context_ref_thread_default ();
  return relay;
}

void
settle_progress_relay_free (SettleProgressRelay *relay)
{
  if (relay == NULL)
    return;
  g_main_context_unref (relay->context);
  g_free (relay);
}

static gboolean
deliver (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->func (call->done, call->total, call->user_data);
  return G_SOURCE_REMOVE;
}

void
settle_progress_relay_report (guint    done,
                              guint    total,
                              gpointer user_data)
{
  SettleProgressRelay *relay = user_data;
  ProgressCall *call;
  guint step = MAX (1, total / 200);

  g_return_if_fail (relay != NULL);

  if (relay->func == NULL)
    return;
  /* The first and the last report always go; in between, one per step. */
  if (relay->sent_any && done != total && done - relay->last_sent < step)
    return;
  relay->sent_any = TRUE;
  relay->last_sent = done;
  call = g_new0 (ProgressCall, 1);
  call->func = relay->func;
  call->user_data = relay->user_data;
  call->done = done;
  call->total = total;
  g_main_context_invoke_full (relay->context, G_PRIORITY_DEFAULT, deliver, call, g_free);
}
