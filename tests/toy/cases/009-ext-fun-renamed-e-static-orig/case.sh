# eer_ on a static original: renamed klpe_eer_g, declared with external linkage.
undefined klpe_eer_g
not_referenced eer_g
lp_lacks '4109'
lp_lacks 'static[^;]*klpe_eer_g'
lp_lacks '\beer_g\s*\('
