#include "sockios.h"
#include "other.h"
#include "ioctls.h"

int pu_f(int cmd)
{
	return cmd == SIOC_INQ ? 1 : 0;
}
