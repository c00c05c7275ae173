echo "RESULT: YES"
echo "oops" >&2
