# A static object that is not externalizable is copied; unused objects are not.
defines counter d
lp_contains 'static int counter = 4120;'
not_referenced unused_counter
lp_lacks 'unused_counter'
