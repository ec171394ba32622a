// Opening a pseudo-terminal needs posix_openpt/grantpt/unlockpt/ptsname, which glibc declares
// only under _XOPEN_SOURCE, so Swift's Glibc module does not see them.
#ifndef TEACHBACK_PTYSHIM_H
#define TEACHBACK_PTYSHIM_H
#include <stddef.h>

/// Opens a 160×40 pseudo-terminal pair; returns the master fd (or -1) and the slave fd in *slave.
int tb_open_pty(int *slave);

#endif
