# is-patched, with a warning about pu_f
[ "$1" = pu_f ] && echo "WARNING: toy warning about $1"
exec "$KLP_CCP_POLICIES/is-patched" "$@"
