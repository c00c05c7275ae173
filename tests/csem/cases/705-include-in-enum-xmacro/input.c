#define WITH_SEEK 1
#define OP(n) OP_##n,
enum op {
#include "ops.def"
	OP_MAX
};
#undef OP

const char *pu_f(enum op o)
{
#define OP(n) #n,
	static const char *const op_names[] = {
#include "ops.def"
	};
#undef OP
	_Static_assert(OP_MAX == 3, "three ops");
	return o < OP_MAX ? op_names[o] : "?";
}
