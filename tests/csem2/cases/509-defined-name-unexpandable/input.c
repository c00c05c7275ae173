#define STR_1(x) #x
#define STR(x) STR_1(x)
#define CAT_1(a, b) a##b
#define XCAT(a, b) CAT_1(a, b)
/* stringizes its argument itself: the unit is renamed by #define pu_h */
#define DIRECT(f) ((int)sizeof(#f) + f(1))
/* a pasted name stringized, next to __COUNTER__: not expandable exactly */
#define COUNTED_NAME(a, b) ((int)sizeof(STR(XCAT(a, b))) + __COUNTER__ * 0)

int pu_h(int x)
{
	return x + 1;
}

int pu_f(int x)
{
	return DIRECT(pu_h) + COUNTED_NAME(pu, _h) + (int)sizeof(STR(XCAT(pu, _h))) + x;
}
