#pragma once
static int once_count = 140;
#define ONCE_VAL 7
