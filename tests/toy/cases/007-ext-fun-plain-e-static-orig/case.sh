# ee_ on a static original: the declaration is made external (no static).
undefined ee_f
lp_lacks '4107'
lp_contains '\bee_f\s*\([^)]*\)\s*;'
lp_lacks 'static[^;]*\bee_f\s*\('
