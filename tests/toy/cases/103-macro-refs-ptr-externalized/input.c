static int espr_f(int x)
{
	return x + 4203;
}

static long eupr_obj = 5203;

#define CALL_F(v) espr_f(v)
#define OBJ eupr_obj

long pu_f(int x)
{
	return CALL_F(x) + OBJ;
}
