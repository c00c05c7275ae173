struct alpha { int a; };
