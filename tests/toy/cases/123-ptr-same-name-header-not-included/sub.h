typedef int sub_t;
