/* The .c file defines a header's guard before including it: the header's
   content (a conflicting definition) must stay skipped. */
#define SKIPPED_H
#include "skipped.h"
#include "used.h"

int pu_f(int x)
{
	return used_val(x);
}
