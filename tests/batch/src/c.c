/* Batch test input, given to its job as a JSON command line. */
#define C_SCALE 3

static const char *c_names[] = { "zero", "one", "two" };

const char *c_name(unsigned int i)
{
	return i < 3 ? c_names[i] : "many";
}

int c_scale(int x)
{
	return x * C_SCALE;
}
