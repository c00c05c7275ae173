# Item 1: the header defines shelp (internal: declared static before the
# #include) and eu_hdr_obj (external): neither may get a second external copy.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
defines klpp_pu_f T
not_defined eu_hdr_obj
behaves_same pu_f 0 5
