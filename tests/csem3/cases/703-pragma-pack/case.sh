# #pragma pack and _Pragma around copied structures change their layout:
# they stay around the copies.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 1
