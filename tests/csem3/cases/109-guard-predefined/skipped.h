#ifndef SKIPPED_H
#define SKIPPED_H
#define USED_SCALE 1000
#endif
