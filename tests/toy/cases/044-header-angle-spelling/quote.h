#define QUOTE_VAL 1
