# A source file with CRLF line ends (clang counts a line end as '\n', '\r'
# or "\r\n"): the copied helper and the patched function keep their lines.
PATCHED=cr_f
defines klpp_cr_f T
same_line CRHELPER
same_line CRF
