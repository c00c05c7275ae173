echo "RESULT: YES"
echo "debug: extra line"
