# An externalized static object (ee_): made external, undefined in lp.o.
undefined ee_state
lp_lacks '4116'
lp_lacks 'static[^;]*\bee_state\b'
