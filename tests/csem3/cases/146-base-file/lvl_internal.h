static inline int header_base(void) { return (int)sizeof(__BASE_FILE__) * 1000; }
