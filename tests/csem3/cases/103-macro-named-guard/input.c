#define CFG_GUARD_NAME CFG_H_
#include "cfg.h"
#include "cfg.h"

int pu_f(int x)
{
	return cfg_scale(x) + eu_cfg_base;
}
