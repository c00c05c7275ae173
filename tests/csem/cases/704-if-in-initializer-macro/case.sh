# #if inside a copied initializer using a macro of the .c file.
PATCHED=pu_f
defines klpp_pu_f T
includes '"flags.h"'
if defaults_mode; then
	undefined names
else
	lp_order 'define HAVE_B 1' 'names\[\] = \{'
	lp_order 'names\[\] = \{' '^#if HAVE_B'
fi
