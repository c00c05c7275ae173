# Function-local statics that are not externalizable are copied with their function.
lp_contains 'static int calls = 4122;'
lp_contains 'static int hcalls = 5122;'
defines helper t
