sleep 10
echo "RESULT: klpp_$1 KEEP-LINKAGE"
