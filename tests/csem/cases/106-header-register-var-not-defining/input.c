#include "regs.h"

unsigned long pu_f(void)
{
	return regs_sp();
}
