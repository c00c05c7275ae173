#include <string.h>
enum { N_SLOTS = 4, N_NAMES = N_SLOTS + 1 };
#define PFX "klp:"
#define STR_(x) #x
#define STR(x) STR_(x)
int eu_slots[N_SLOTS] = { 1, 2, 3, 4 };
static const char *const names[N_NAMES] = { PFX "a", PFX STR(N_SLOTS), "c" "d" };

int pu_f(int x)
{
	return (int)sizeof(eu_slots) * 1000 + (int)strlen(names[x % 3]) * 10 +
	       eu_slots[x % N_SLOTS] + (int)sizeof(PFX STR(__LINE__));
}
