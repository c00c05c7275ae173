#ifndef FLAGS_H
#define FLAGS_H
#define FLAG_A 0x1
#define FLAG_B 0x2
#endif
