#ifndef DEFMAC_H
#define DEFMAC_H
#define DEFINE_COUNTER(name, init) int name = (init)
#define DEFINE_GETTER(name, var) int name(void) { return var; }
#endif
