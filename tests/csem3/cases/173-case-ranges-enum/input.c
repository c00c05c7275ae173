/* GNU case ranges over enumerators and a fallthrough. */
enum lvl { L_LOW = 1, L_MID = 5, L_HIGH = 9 };

int pu_grade(int x)
{
	switch (x) {
	case L_LOW ... L_MID - 1:
		return 1;
	case L_MID ... L_HIGH:
		x *= 2;
		/* fallthrough */
	case L_HIGH + 1:
		return x + 3;
	default:
		return -1;
	}
}
