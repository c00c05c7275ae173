# is-patched, with an error about pu_f
[ "$1" = pu_f ] && echo "ERROR: toy error about $1"
exec "$KLP_CCP_POLICIES/is-patched" "$@"
