echo "RESULT: klpr_$1"
echo "RESULT: klpr_$1"
