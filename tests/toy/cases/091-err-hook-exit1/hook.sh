echo "RESULT: YES"
exit 1
