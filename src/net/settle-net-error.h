/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SETTLE_NET_ERROR (settle_net_error_quark ())

typedef enum
{
  SETTLE_NET_ERROR_CONFIG,    /* settings missing or wrong, no password stored */
  SETTLE_NET_ERROR_CONNECT,   /* the server cannot be reached, or the connection broke */
  SETTLE_NET_ERROR_TRANSIENT, /* the server said "try later" (4xx) */
  SETTLE_NET_ERROR_PERMANENT, /* the server refused for good (5xx) */
  SETTLE_NET_ERROR_TLS,       /* no encryption, or a certificate that does not check */
  SETTLE_NET_ERROR_AUTH,      /* user name or password refused */
  SETTLE_NET_ERROR_UNCERTAIN, /* the message was handed over but no answer came back:
                               * it may have been delivered, so it must not be resent */
} SettleNetError;

GQuark settle_net_error_quark (void);

G_END_DECLS
