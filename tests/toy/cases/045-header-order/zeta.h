struct zeta { int z; };
