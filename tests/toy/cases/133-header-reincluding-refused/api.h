#ifndef API_H
#define API_H
int eup_g(int x);
#endif
