// Lua's C API pieces that Swift cannot use directly: macros, and callbacks that must raise Lua
// errors (a longjmp) from C so that no Swift frame is ever unwound by one.
#ifndef TEACHBACK_LUASHIM_H
#define TEACHBACK_LUASHIM_H

#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <stddef.h>

/// A Swift function callable from Lua: returns the number of results, or -1 after pushing an
/// error message, which the C trampoline then raises.
typedef int (*tb_swift_function)(lua_State *L);

/// A state whose allocator counts bytes and refuses growth past `memory_cap` while Lua code runs.
lua_State *tb_newstate(size_t memory_cap);
void tb_set_owner(lua_State *L, void *owner);
void tb_close(lua_State *L);
void *tb_owner(lua_State *L);
size_t tb_memory_used(lua_State *L);

/// Calls the function below `nargs` arguments with a traceback handler, under a time budget and
/// the memory cap. Returns the lua_pcall status; on error the message (with traceback) is on top.
int tb_pcall(lua_State *L, int nargs, int nresults, double budget_seconds);
/// Makes the running call fail as if its budget had run out (Ctrl-C); safe from any thread.
void tb_interrupt(lua_State *L);
/// Whether the last call's budget was kept by a timer (else by the count hook, which slows Lua).
int tb_budget_timed(lua_State *L);
/// Whether this is a ThreadSanitizer build, where the count hook keeps every budget.
int tb_thread_sanitized(void);

/// Pushes `fn` as a Lua function going through the raising trampoline.
void tb_pushswiftfunction(lua_State *L, tb_swift_function fn);

/// Text-only load (binary chunks are refused), named `@chunkname` by the caller.
int tb_loadtext(lua_State *L, const char *buffer, size_t size, const char *chunkname);

/// Pushes a table of string.find, match, gmatch and gsub implementing Lua 5.4 patterns under the
/// running call's budget (Lua's own matcher cannot be interrupted).
void tb_push_bounded_patterns(lua_State *L);
/// Replaces string.find, match, gmatch, gsub, rep and table.concat, sort, move, insert, remove
/// (of the global `string` and `table`) with versions that check the running call's budget.
void tb_install_bounded(lua_State *L);

// Macros of lua.h, as functions.
void tb_pop(lua_State *L, int n);
const char *tb_tostring(lua_State *L, int index, size_t *len);
int tb_registryindex(void);

#endif
