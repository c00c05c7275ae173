int klpp_pu_g(void);
#define API_VAL 4152
