/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "settle-net"

#include "config.h"

#include "settle-net-error.h"

G_DEFINE_QUARK (settle-net-error-quark, settle_net_error)
