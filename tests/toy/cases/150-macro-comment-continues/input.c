#define FLAG_A		0x10 /* the first flag, whose comment
				 * goes on: FLAG_B is not part of it */
#define FLAG_B		0x20 /* one line */ /* two comments
				 * and "a string" inside: */
#define FLAG_C		"/* not a comment */" /* a comment after a string
				 */

int pu_f(int x)
{
	return (x & FLAG_A) + (x & FLAG_B) + FLAG_C[x & 1];
}
