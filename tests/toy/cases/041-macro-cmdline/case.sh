# A macro from the command line (-D) is not re-emitted (lp.c is built with the same flags).
CFLAGS="$CFLAGS -DCMD_VAL=4141"
lp_contains 'return CMD_VAL \+ 1;'
lp_lacks '#\s*define\s+CMD_VAL'
lp_lacks '4141'
