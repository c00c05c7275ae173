struct item {
	int key;
	int value;
};

int get_value(struct item *it)
{
	return it->value;
}
