# __BASE_FILE__ in copied text (written, through a macro, in a function
# copied out of a header lp.c may not include: toy "internal") names the
# original .c file, not lp.c; lp.c still compiles with -Werror.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
compiles_with -Werror
behaves_same pu_f 0 1
