PATCHED=loud,silent
lp_count '^#define __func__ "loud"$' 1
lp_lacks '^#define __func__ "silent"$'
lp_lacks '^#define __func__ "quiet"$'
