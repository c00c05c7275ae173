# A declaration in a copied header that ends in annotation macros expanding
# to nothing ("f(...) __acquires(x);", kernel/sched/sched.h's
# __task_rq_lock): clang's extent stops before them, the copy keeps them and
# the ';' (it was cut after the ')' and glued to what followed).
source "$CASE_DIR/../../lib.sh"
PATCHED=pu_lock,pu_unlock,pu_f
lp_contains '^int klpp_pu_lock\(struct lk \*l\)$'
lp_contains '^	__acq\(l->v\);$'
lp_contains '^	__rel\(l->v\);$'
defines klpp_pu_f T
