/* User-space stand-ins for the kernel headers livepatch.c uses (glue tests). */
#ifndef STUB_KERNEL_H
#define STUB_KERNEL_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#define __init
#define __exit
#define KBUILD_MODNAME "stub"
#endif
