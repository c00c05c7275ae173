static inline int pick_level(int x)
{
	return PICK(x, eu_shared_level) + LVL_HIGH * 100 + LVL_LOW;
}
