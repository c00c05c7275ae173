typedef long cnt_t;
