#pragma pack(push, 1)
struct packed { char c; int i; };
#pragma pack(pop)
_Pragma("pack(push, 2)")
struct packed2 { char c; int i; };
_Pragma("pack(pop)")
struct normal { char c; int i; };

int pu_f(int x)
{
	return x * 10000 + sizeof(struct packed) * 100 + sizeof(struct packed2) * 10 + sizeof(struct normal);
}
