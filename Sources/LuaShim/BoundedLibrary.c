// string.rep and the table functions that loop in C over a count the script chooses
// (table.move(t, 1, 1e12, 2), table.sort with a C comparator, table.concat over __index): the same
// behaviour as Lua's, but checking the running call's budget while they loop. In C because the
// budget error is raised by longjmp.
#include "Budget.h"
#include <limits.h>
#include <string.h>

#define MAX_SIZE ((size_t)LUA_MAXINTEGER)

/// string.rep(s, n [, sep]): filled by doubling copies, so a large result costs a few memcpy
/// calls instead of n small ones; its size is capped by the state's memory cap.
static int bounded_rep(lua_State *L) {
    size_t ls, lsep;
    const char *s = luaL_checklstring(L, 1, &ls);
    lua_Integer n = luaL_checkinteger(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || ls + lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    size_t unit = ls + lsep;
    if (unit < ls || (lua_Unsigned)n > (MAX_SIZE - lsep) / unit) return luaL_error(L, "resulting string too large");
    size_t total = (size_t)n * unit - lsep;
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, total);
    memcpy(out, s, ls);
    if (lsep) memcpy(out + ls, sep, lsep < total - ls ? lsep : total - ls);
    size_t filled = unit < total ? unit : total;
    while (filled < total) {
        size_t chunk = filled < total - filled ? filled : total - filled;
        memcpy(out + filled, out, chunk);
        filled += chunk;
    }
    luaL_pushresultsize(&b, total);
    return 1;
}

/// The length of the table argument, as Lua's table functions take it (`#t`, honouring __len).
static lua_Integer length_of(lua_State *L, int arg) {
    if (lua_type(L, arg) != LUA_TTABLE && !lua_getmetatable(L, arg)) luaL_checktype(L, arg, LUA_TTABLE);
    else if (lua_type(L, arg) != LUA_TTABLE) lua_pop(L, 1);
    return luaL_len(L, arg);
}

static int bounded_concat(lua_State *L) {
    lua_Integer last = length_of(L, 1);
    size_t lsep;
    const char *sep = luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    tb_meter meter = {0};
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (; i <= last; i++) {
        tb_charge(L, &meter, 1);
        lua_geti(L, 1, i);
        if (!lua_isstring(L, -1))
            return luaL_error(L, "invalid value (at index %I) in table for 'concat'", (LUAI_UACINT)i);
        luaL_addvalue(&b);
        if (i < last) luaL_addlstring(&b, sep, lsep);
        if (i == LUA_MAXINTEGER) break;
    }
    luaL_pushresult(&b);
    return 1;
}

static int bounded_move(lua_State *L) {
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1;
    if (lua_type(L, 1) != LUA_TTABLE) luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_type(L, tt) != LUA_TTABLE) luaL_checktype(L, tt, LUA_TTABLE);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
        lua_Integer n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        tb_meter meter = {0};
        int forward = t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ));
        for (lua_Integer k = 0; k < n; k++) {
            tb_charge(L, &meter, 1);
            lua_Integer i = forward ? k : n - 1 - k;
            lua_geti(L, 1, f + i);
            lua_seti(L, tt, t + i);
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

static int bounded_insert(lua_State *L) {
    lua_Integer size = length_of(L, 1);
    lua_Integer e = (lua_Integer)((lua_Unsigned)size + 1);   // first empty slot
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2: pos = e; break;
    case 3: {
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        tb_meter meter = {0};
        for (lua_Integer i = e; i > pos; i--) {
            tb_charge(L, &meter, 1);
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    }
    default: return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int bounded_remove(lua_State *L) {
    lua_Integer size = length_of(L, 1);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    lua_geti(L, 1, pos);
    tb_meter meter = {0};
    for (; pos < size; pos++) {
        tb_charge(L, &meter, 1);
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

/// Whether t[i] < t[j], by the comparator at index 2 or by `<`.
static int sort_less(lua_State *L, lua_Integer i, lua_Integer j, tb_meter *meter) {
    tb_charge(L, meter, 1);
    int has_comparator = !lua_isnoneornil(L, 2);
    if (has_comparator) lua_pushvalue(L, 2);
    lua_geti(L, 1, i);
    lua_geti(L, 1, j);
    int less;
    if (has_comparator) {
        lua_call(L, 2, 1);
        less = lua_toboolean(L, -1);
        lua_pop(L, 1);
    } else {
        less = lua_compare(L, -2, -1, LUA_OPLT);
        lua_pop(L, 2);
    }
    return less;
}

static void sort_swap(lua_State *L, lua_Integer i, lua_Integer j) {
    lua_geti(L, 1, i);
    lua_geti(L, 1, j);
    lua_seti(L, 1, i);
    lua_seti(L, 1, j);
}

static void sift_down(lua_State *L, lua_Integer root, lua_Integer end, tb_meter *meter) {
    while (root <= end / 2) {
        lua_Integer child = 2 * root;
        if (child < end && sort_less(L, child, child + 1, meter)) child++;
        if (!sort_less(L, root, child, meter)) return;
        sort_swap(L, root, child);
        root = child;
    }
}

/// table.sort as a heap sort: O(n log n) comparisons whatever the comparator answers, so an
/// inconsistent one cannot make it run long (it just gives some order), and the budget is checked.
static int bounded_sort(lua_State *L) {
    lua_Integer n = length_of(L, 1);
    if (n > 1) {
        luaL_argcheck(L, n < INT_MAX, 1, "array too big");
        if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
        lua_settop(L, 2);
        tb_meter meter = {0};
        for (lua_Integer root = n / 2; root >= 1; root--) sift_down(L, root, n, &meter);
        for (lua_Integer end = n; end > 1; end--) {
            sort_swap(L, 1, end);
            sift_down(L, 1, end - 1, &meter);
        }
    }
    return 0;
}

void tb_install_bounded(lua_State *L) {
    static const luaL_Reg table_functions[] = {
        {"concat", bounded_concat}, {"move", bounded_move}, {"insert", bounded_insert},
        {"remove", bounded_remove}, {"sort", bounded_sort}, {NULL, NULL},
    };
    lua_getglobal(L, "table");
    luaL_setfuncs(L, table_functions, 0);
    lua_pop(L, 1);
    lua_getglobal(L, "string");
    lua_pushcfunction(L, bounded_rep);
    lua_setfield(L, -2, "rep");
    tb_push_bounded_patterns(L);
    lua_pushnil(L);
    while (lua_next(L, -2)) lua_setfield(L, -4, lua_tostring(L, -2));
    lua_pop(L, 2);
}
