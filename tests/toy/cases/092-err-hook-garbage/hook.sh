echo "hello, this is not an answer"
