extern int ee_counter;
int ee_func(int x);
