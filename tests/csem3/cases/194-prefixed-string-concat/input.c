/* String literal concatenation across macros with encoding prefixes (L,
 * u8, u, U): the pieces and the resulting types stay as in the original. */
#include <stddef.h>
#include <wchar.h>

#define NAME "klp"
#define WIDE(s) L ## s
#define VERSION_STR "1." "2"

static const wchar_t eu_w[] = WIDE("x") L"" NAME "-" VERSION_STR;

int pu_f(int x)
{
	const char *s = u8"a" NAME "/" VERSION_STR;
	const unsigned short *u = (const unsigned short *)u"uv" "w";

	return (int)(sizeof(eu_w) / sizeof(wchar_t)) * 10000 + (int)__builtin_strlen(s) * 100 +
	       u[2] % 100 + x;
}
