enum color {
	RED = 4132,
	GREEN,
	BLUE
};

enum shape {
	CIRCLE_4132,
	SQUARE
};

int pu_f(void)
{
	return GREEN;
}
