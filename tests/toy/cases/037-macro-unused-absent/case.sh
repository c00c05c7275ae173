# Macros not used by copied text (unused, or used only by code not copied) are absent.
lp_contains '#\s*define\s+USED\s+1'
lp_lacks 'UNUSED_MACRO_4137'
lp_lacks 'ONLY_IN_OTHER'
