static const int primes[] = {
#include "primes.inc"
};
#define N_PRIMES (sizeof(primes) / sizeof(primes[0]))

int pu_f(int x)
{
	return primes[x % N_PRIMES] + (int)N_PRIMES * 1000;
}
