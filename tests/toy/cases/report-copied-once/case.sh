PATCHED=patched
ARGS=(--report=report.yaml)
lp_contains 'DEFINE_HELPER\(add_three'
report_count '^- name: add_three$' 1
