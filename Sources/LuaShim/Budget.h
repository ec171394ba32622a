// Shared by the shim's C files: the running call's budget, checked from library functions that
// loop in C, where the count hook cannot fire.
#ifndef TEACHBACK_BUDGET_H
#define TEACHBACK_BUDGET_H

#include "LuaShim.h"

/// Raises `file:line: exceeded its time budget of N ms` (or `interrupted`) at the calling Lua
/// function when the call's deadline has passed or Ctrl-C asked it to stop; else returns.
void tb_check_budget(lua_State *L);

/// Counts `cost` steps; every 1024 the budget is checked.
typedef struct { unsigned long steps; } tb_meter;
static inline void tb_charge(lua_State *L, tb_meter *meter, unsigned long cost) {
    meter->steps += cost;
    if (meter->steps >= 1024) {
        meter->steps = 0;
        tb_check_budget(L);
    }
}

#endif
