# A K&R-style static patched function made external (toy pe_): its
# renamed definition keeps the K&R parameter declarations.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f,pe_knr
defines klpp_pe_knr T
behaves_same pu_f 0 5
