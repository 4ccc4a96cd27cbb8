/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "settle-book.h"
#include "settle-gui-test.h"
#include "settle-window.h"

G_BEGIN_DECLS

/* Shared by the test-runs*.c pieces (set up in test-runs.c). */
#define N_AGREEMENTS 3

extern char         *tmp_dir;
extern char         *book_path;
extern SettleWindow *window;
extern SettleId      agreement_ids[N_AGREEMENTS];

void test_agreements  (void);
void test_projects    (void);
void test_preferences (void);
void test_catalog     (void);

G_END_DECLS
