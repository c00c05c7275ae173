int pu_f(void)
{
	return CMD_VAL + 1;
}
