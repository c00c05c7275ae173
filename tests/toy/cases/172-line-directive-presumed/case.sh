# A file with a #line directive: the presumed file and line of what lp.c
# copies after it come from the directive (clang's presumed location); the
# text before it keeps the file's own name and lines.
PATCHED=ld_f
defines klpp_ld_f T
same_line PLAIN
lp_contains '^#line 20[0-1] "renamed.c"$'
lp_contains 'return x \* 5 \+ 1722;'
lp_contains '__LINE__'
lp_lacks '^#line 20[0-9] "input.c"'
