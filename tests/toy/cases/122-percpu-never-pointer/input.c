#define DEFINE_PER_CPU(type, name) __attribute__((section(".data..percpu"))) __typeof__(type) name

DEFINE_PER_CPU(int, eup_count);

int pu_f(void)
{
	return eup_count + 4220;
}
