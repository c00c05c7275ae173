#include "sub.h"
#define API_BIAS 4230
struct api_req {
	sub_t v;
};
int eup_f(int x);
