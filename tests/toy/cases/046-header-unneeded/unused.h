struct unused_4146 { int u; };
