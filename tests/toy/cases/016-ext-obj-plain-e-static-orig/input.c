static int ee_state = 4116;

int pu_f(int x)
{
	ee_state += x;
	return ee_state;
}
