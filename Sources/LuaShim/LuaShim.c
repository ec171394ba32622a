#include "LuaShim.h"
#include "Budget.h"
#include <lua5.4/lualib.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

/// Instructions between deadline checks: cheap enough to be invisible, fine enough to stop a
/// runaway loop within a millisecond or so.
#define TB_HOOK_EVERY 1000

typedef struct {
    size_t used, cap;
    int enforce;                 // the cap applies only while Lua code runs (see tb_pcall)
    double deadline;             // monotonic seconds; 0 when no call is running
    double budget;
    atomic_int interrupted;
    void *owner;
} tb_state;

static tb_state *state_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (tb_state *)ud;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

// The allocator lives in C because it shares tb_state with the hook; it never refuses a free or
// a shrink, and refuses growth past the cap only while scripts run, so that pushes made by Swift
// can never raise a memory error through Swift frames.
static void *tb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    tb_state *s = (tb_state *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        s->used -= old;
        return NULL;
    }
    if (s->enforce && nsize > old && s->used - old + nsize > s->cap) return NULL;
    void *p = realloc(ptr, nsize);
    if (p) s->used = s->used - old + nsize;
    return p;
}

static void tb_hook(lua_State *L, lua_Debug *ar);

/// Raises the budget error when the call is over its deadline or interrupted, naming the function
/// `level` up the stack (0: the running Lua function, for the hook; 1: a C function's caller).
static void check_budget(lua_State *L, int level) {
    tb_state *s = state_of(L);
    int interrupted = atomic_load(&s->interrupted);
    if (s->deadline == 0 || (!interrupted && now_seconds() < s->deadline)) return;
    // Re-arm on every instruction so that a pcall inside the script cannot swallow the error.
    lua_sethook(L, tb_hook, LUA_MASKCOUNT, 1);
    luaL_where(L, level);
    if (interrupted)
        lua_pushstring(L, "interrupted");
    else
        lua_pushfstring(L, "exceeded its time budget of %d ms", (int)(s->budget * 1000 + 0.5));
    lua_concat(L, 2);
    lua_error(L);
}

// The count hook must raise the budget error itself, and raising is a longjmp: so it is C.
static void tb_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    check_budget(L, 0);
}

void tb_check_budget(lua_State *L) { check_budget(L, 1); }

static int tb_traceback(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static int tb_panic(lua_State *L) {
    (void)L;
    abort(); // unreachable by design: every entry into Lua is protected
}

lua_State *tb_newstate(size_t memory_cap) {
    tb_state *s = calloc(1, sizeof(tb_state));
    if (!s) return NULL;
    s->cap = memory_cap;
    lua_State *L = lua_newstate(tb_alloc, s);
    if (!L) {
        free(s);
        return NULL;
    }
    lua_atpanic(L, tb_panic);
    lua_sethook(L, tb_hook, LUA_MASKCOUNT, TB_HOOK_EVERY);
    return L;
}

void tb_close(lua_State *L) {
    tb_state *s = state_of(L);
    lua_close(L);
    free(s);
}

void tb_set_owner(lua_State *L, void *owner) { state_of(L)->owner = owner; }
void *tb_owner(lua_State *L) { return state_of(L)->owner; }
size_t tb_memory_used(lua_State *L) { return state_of(L)->used; }

int tb_pcall(lua_State *L, int nargs, int nresults, double budget_seconds) {
    tb_state *s = state_of(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, tb_traceback);
    lua_insert(L, base);
    atomic_store(&s->interrupted, 0);
    s->budget = budget_seconds;
    s->deadline = now_seconds() + budget_seconds;
    s->enforce = 1;
    int status = lua_pcall(L, nargs, nresults, base);
    s->enforce = 0;
    s->deadline = 0;
    lua_sethook(L, tb_hook, LUA_MASKCOUNT, TB_HOOK_EVERY);
    lua_remove(L, base);
    // A call that ran near the cap leaves its garbage collected before the next one starts.
    if (s->used > s->cap / 4 * 3) lua_gc(L, LUA_GCCOLLECT);
    return status;
}

void tb_interrupt(lua_State *L) { atomic_store(&state_of(L)->interrupted, 1); }

static int tb_trampoline(lua_State *L) {
    tb_swift_function fn = (tb_swift_function)lua_touserdata(L, lua_upvalueindex(1));
    tb_state *s = state_of(L);
    int enforce = s->enforce;
    s->enforce = 0;
    int n = fn(L);
    s->enforce = enforce;
    if (n < 0) return lua_error(L);
    return n;
}

void tb_pushswiftfunction(lua_State *L, tb_swift_function fn) {
    lua_pushlightuserdata(L, (void *)fn);
    lua_pushcclosure(L, tb_trampoline, 1);
}

int tb_loadtext(lua_State *L, const char *buffer, size_t size, const char *chunkname) {
    return luaL_loadbufferx(L, buffer, size, chunkname, "t");
}

void tb_pop(lua_State *L, int n) { lua_pop(L, n); }
const char *tb_tostring(lua_State *L, int index, size_t *len) { return lua_tolstring(L, index, len); }
int tb_registryindex(void) { return LUA_REGISTRYINDEX; }
