#define _XOPEN_SOURCE 600
#include "PTYShim.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

int tb_open_pty(int *slave) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    const char *name = NULL;
    if (grantpt(master) != 0 || unlockpt(master) != 0 || (name = ptsname(master)) == NULL) {
        close(master);
        return -1;
    }
    *slave = open(name, O_RDWR | O_NOCTTY);
    if (*slave < 0) {
        close(master);
        return -1;
    }
    struct winsize size = { .ws_row = 40, .ws_col = 160 }; // wide enough that lines never wrap
    ioctl(master, TIOCSWINSZ, &size);
    return master;
}
