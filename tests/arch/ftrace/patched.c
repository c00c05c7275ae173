/* orig.c with traced() and untraced() changed. */
#define notrace __attribute__((__no_instrument_function__))
int counter;
int traced(int x) { return x * 7 + counter; }
notrace int untraced(int x) { return x * 9 + counter; }
int same(int x) { return x + 1; }
