# Object attributes survive: alignment (checked by the static assertion in the
# copied function) and the section (checked in lp.o).
lp_contains '__attribute__\(\(aligned\(64\)\)\)'
lp_contains '__attribute__\(\(section\("\.data\.klp_toy"\)\)\)'
section_of tagged .data.klp_toy
defines buf d
