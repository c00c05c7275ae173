/* relies on its includer having <ioctls.h> (as <linux/sockios.h> does) */
#define SIOC_INQ	FION_READ
#define SIOC_SLOT(s)	((s)->FION_READ + SIOC_INQ)
