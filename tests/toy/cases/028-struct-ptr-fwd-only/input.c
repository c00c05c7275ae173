struct opaque {
	int opaque_member_4128;
};

int pu_f(struct opaque *o, struct opaque **out)
{
	*out = o;
	return o != 0;
}
