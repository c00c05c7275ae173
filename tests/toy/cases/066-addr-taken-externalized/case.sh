# Functions whose address is taken are externalized (plain: undefined symbol;
# pointer: the pointer's value is used).
undefined eu_cb
undefined eu_run
lp_lacks '4166'
lp_lacks '5166'
defines esp_cb b
lp_contains 'eu_run\s*\(\s*\(\s*\*\s*esp_cb\s*\)\s*,\s*x\s*\)'
lp_contains '&\s*eu_cb\b'
