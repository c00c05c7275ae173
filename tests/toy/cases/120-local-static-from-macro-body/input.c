#define ONCE(expr) ({ static int eu_done; int r_ = 0; if (!eu_done) { eu_done = 1; r_ = (expr); } r_; })

int pu_f(int x)
{
	return ONCE(x + 4200);
}
