# A type from an eligible header comes with the header, not copied.
includes '"types.h"'
lp_lacks 'struct point\s*\{'
lp_lacks 'int x, y4142;'
