#define _GNU_SOURCE   // gettid, tgkill
#include "LuaShim.h"
#include "Budget.h"
#include <lua5.4/lualib.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/// Instructions between deadline checks when the count hook keeps the budget (no timer could
/// be made): cheap enough to be invisible, fine enough to stop a runaway loop within a
/// millisecond or so.
#define TB_HOOK_EVERY 1000

typedef struct {
    size_t used, cap;
    int enforce;                 // the cap applies only while Lua code runs (see tb_pcall)
    double deadline;             // monotonic seconds; 0 when no call is running
    double budget;
    atomic_int interrupted;
    atomic_int in_call;          // a tb_pcall is running, on `thread`...
    atomic_int thread;
    atomic_int timed;            // ...with a timer, not the count hook, keeping its budget
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
    if (s->deadline == 0 || (!interrupted && now_seconds() < s->deadline)) {
        // A late signal from an earlier call armed the hook: the timer keeps this call's budget.
        // Should this call's own signal land while the hook is being turned off, the deadline has
        // passed by then: looking again keeps it from being lost.
        if (atomic_load(&s->timed)) {
            lua_sethook(L, NULL, 0, 0);
            if (atomic_load(&s->interrupted) || (s->deadline != 0 && now_seconds() >= s->deadline))
                lua_sethook(L, tb_hook, LUA_MASKCOUNT, 1);
        }
        return;
    }
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

// While a script runs, its budget is kept without a hook: any hook, even a counting one, makes
// Lua's VM stop in the debug machinery at every instruction, which cost the heuristics about a
// fifth of their time. Instead a one-shot timer signals the running thread at the deadline (and
// Ctrl-C signals it too); the handler arms the count hook there, as lua.c's SIGINT handler does,
// and the hook raises the error. Where no timer can be made, the count hook runs throughout.

static int deadline_signal(void) { return SIGRTMIN + 4; }

/// The state whose call runs on this thread: the one the signal is for.
static _Thread_local lua_State *running_here;

static void on_deadline_signal(int sig) {
    (void)sig;
    lua_State *L = running_here;
    if (L) lua_sethook(L, tb_hook, LUA_MASKCOUNT, 1);
}

static pthread_once_t handler_once = PTHREAD_ONCE_INIT;
static int handler_installed;

static void install_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_deadline_signal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    handler_installed = sigaction(deadline_signal(), &action, NULL) == 0;
}

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TB_NO_TIMER 1   // TSan holds a signal until its thread runs instrumented code: Lua never does
#endif
#endif

/// Starts a timer that signals this thread `seconds` from now; false when none can be made.
static int start_timer(double seconds, timer_t *timer) {
#ifdef TB_NO_TIMER
    (void)seconds;
    (void)timer;
    return 0;
#endif
    pthread_once(&handler_once, install_handler);
    if (!handler_installed) return 0;
    static _Thread_local int unblocked;
    if (!unblocked) {   // dispatch's worker threads block every asynchronous signal
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, deadline_signal());
        if (pthread_sigmask(SIG_UNBLOCK, &set, NULL) != 0) return 0;
        unblocked = 1;
    }
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_THREAD_ID;
    event.sigev_signo = deadline_signal();
    event._sigev_un._tid = gettid();
    if (timer_create(CLOCK_MONOTONIC, &event, timer) != 0) return 0;
    struct itimerspec when;
    memset(&when, 0, sizeof when);
    when.it_value.tv_sec = (time_t)seconds;
    when.it_value.tv_nsec = (long)((seconds - (double)when.it_value.tv_sec) * 1e9);
    if (when.it_value.tv_sec == 0 && when.it_value.tv_nsec <= 0) when.it_value.tv_nsec = 1;
    if (timer_settime(*timer, 0, &when, NULL) != 0) {
        timer_delete(*timer);
        return 0;
    }
    return 1;
}

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
    lua_State *outer = running_here;
    lua_sethook(L, NULL, 0, 0);   // before the timer starts: its signal may come at once
    running_here = L;
    timer_t timer;
    int timed = start_timer(budget_seconds, &timer);
    if (!timed) lua_sethook(L, tb_hook, LUA_MASKCOUNT, TB_HOOK_EVERY);
    atomic_store(&s->thread, gettid());
    atomic_store(&s->timed, timed);
    atomic_store(&s->in_call, 1);
    int status = lua_pcall(L, nargs, nresults, base);
    atomic_store(&s->in_call, 0);
    if (timed) timer_delete(timer);
    running_here = outer;
    s->enforce = 0;
    s->deadline = 0;
    lua_sethook(L, NULL, 0, 0);
    lua_remove(L, base);
    // A call that ran near the cap leaves its garbage collected before the next one starts.
    if (s->used > s->cap / 4 * 3) lua_gc(L, LUA_GCCOLLECT);
    return status;
}

int tb_budget_timed(lua_State *L) { return atomic_load(&state_of(L)->timed); }

int tb_thread_sanitized(void) {
#ifdef TB_NO_TIMER
    return 1;
#else
    return 0;
#endif
}

/// Ctrl-C, from any thread: the flag, and with a timer keeping the budget, the signal that arms
/// the hook (a signal arriving after the call ended finds nothing to stop, and is ignored).
void tb_interrupt(lua_State *L) {
    tb_state *s = state_of(L);
    atomic_store(&s->interrupted, 1);
    if (atomic_load(&s->in_call) && atomic_load(&s->timed)) tgkill(getpid(), atomic_load(&s->thread), deadline_signal());
}

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
