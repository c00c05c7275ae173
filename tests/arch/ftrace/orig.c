/* traced() has an ftrace call site, untraced() (notrace) has none. */
#define notrace __attribute__((__no_instrument_function__))
int counter;
int traced(int x) { return x * 3 + counter; }
notrace int untraced(int x) { return x * 5 + counter; }
int same(int x) { return x + 1; }
