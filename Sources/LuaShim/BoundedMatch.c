// Lua 5.4 patterns (reference manual §6.4.1) with a step budget: string.find, match, gmatch and
// gsub, written from the manual so that a running match checks the call's deadline and Ctrl-C.
// Lua's own matcher runs in C where the count hook never fires, so a pattern like ".-.-.-.-x"
// over a long subject would otherwise hang the host. In C because errors are raised by longjmp.
#include "Budget.h"
#include <ctype.h>
#include <string.h>

#define MAX_CAPTURES 32          // LUA_MAXCAPTURES
#define MAX_DEPTH 200            // nested matching calls before "pattern too complex"
#define CAP_UNFINISHED (-1)
#define CAP_POSITION (-2)
#define ESC '%'
#define SPECIALS "^$*+?.([%-"

typedef struct {
    const char *subject, *subject_end;   // the subject; *subject_end is its terminating NUL
    const char *pattern_end;
    lua_State *L;
    int captures;                         // captures opened so far
    int depth;                            // nested do_match calls left
    tb_meter meter;
    struct { const char *start; ptrdiff_t len; } capture[MAX_CAPTURES];
} Matcher;

/// Counts one step; every 1024 the deadline and the interrupt flag are checked.
static void step(Matcher *m) { tb_charge(m->L, &m->meter, 1); }

static const char *do_match(Matcher *m, const char *s, const char *p);

/// Whether byte `c` is in class letter `cl` (`a`, `d`, ...; upper case is the complement).
static int in_class(int c, int cl) {
    int yes;
    switch (tolower(cl)) {
    case 'a': yes = isalpha(c); break;
    case 'c': yes = iscntrl(c); break;
    case 'd': yes = isdigit(c); break;
    case 'g': yes = isgraph(c); break;
    case 'l': yes = islower(c); break;
    case 'p': yes = ispunct(c); break;
    case 's': yes = isspace(c); break;
    case 'u': yes = isupper(c); break;
    case 'w': yes = isalnum(c); break;
    case 'x': yes = isxdigit(c); break;
    default: return cl == c;             // %. and the like: the character itself
    }
    if (isupper(cl)) yes = !yes;
    return yes != 0;
}

/// The end of the single-character class starting at `p` (one past it).
static const char *class_end(Matcher *m, const char *p) {
    char c = *p++;
    if (c == ESC) {
        if (p >= m->pattern_end) luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c != '[') return p;
    if (*p == '^') p++;
    // The first character of a set is never its end, so "[]]" is the set of ']'.
    do {
        if (p >= m->pattern_end) luaL_error(m->L, "malformed pattern (missing ']')");
        c = *p++;
        if (c == ESC && p < m->pattern_end) p++;
    } while (*p != ']');
    return p + 1;
}

/// Whether `c` is in the set `[...]` from `p` (its '[') to `end` (its ']').
static int in_set(int c, const char *p, const char *end) {
    int found = 1;
    p++;
    if (*p == '^') {
        found = 0;
        p++;
    }
    while (p < end) {
        if (*p == ESC && p + 1 < end) {
            if (in_class(c, (unsigned char)p[1])) return found;
            p += 2;
        } else if (p[1] == '-' && p + 2 < end) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return found;
            p += 3;
        } else {
            if ((unsigned char)*p == c) return found;
            p++;
        }
    }
    return !found;
}

/// Whether the subject byte at `s` matches the single class from `p` to `end`.
static int single(Matcher *m, const char *s, const char *p, const char *end) {
    if (s >= m->subject_end) return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case ESC: return in_class(c, (unsigned char)p[1]);
    case '[': return in_set(c, p, end - 1);
    default: return (unsigned char)*p == c;
    }
}

/// `%bxy`: a balanced run from x to its matching y.
static const char *balanced(Matcher *m, const char *s, const char *p) {
    if (p + 1 >= m->pattern_end) luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->subject_end || *s != p[0]) return NULL;
    int open = 1;
    while (++s < m->subject_end) {
        step(m);
        if (*s == p[1]) {
            if (--open == 0) return s + 1;
        } else if (*s == p[0]) {
            open++;
        }
    }
    return NULL;
}

/// The longest run of the class that still lets the rest match, then shorter ones.
static const char *greedy(Matcher *m, const char *s, const char *p, const char *end) {
    ptrdiff_t n = 0;
    while (single(m, s + n, p, end)) {
        step(m);
        n++;
    }
    for (; n >= 0; n--) {
        const char *r = do_match(m, s + n, end + 1);
        if (r) return r;
    }
    return NULL;
}

/// The shortest run of the class that lets the rest match.
static const char *lazy(Matcher *m, const char *s, const char *p, const char *end) {
    for (;;) {
        const char *r = do_match(m, s, end + 1);
        if (r) return r;
        if (!single(m, s, p, end)) return NULL;
        s++;
    }
}

static const char *open_capture(Matcher *m, const char *s, const char *p, ptrdiff_t kind) {
    if (m->captures >= MAX_CAPTURES) luaL_error(m->L, "too many captures");
    m->capture[m->captures].start = s;
    m->capture[m->captures].len = kind;
    m->captures++;
    const char *r = do_match(m, s, p);
    if (!r) m->captures--;
    return r;
}

static const char *close_capture(Matcher *m, const char *s, const char *p) {
    int i = m->captures - 1;
    while (i >= 0 && m->capture[i].len != CAP_UNFINISHED) i--;
    if (i < 0) luaL_error(m->L, "invalid pattern capture");
    m->capture[i].len = s - m->capture[i].start;
    const char *r = do_match(m, s, p);
    if (!r) m->capture[i].len = CAP_UNFINISHED;
    return r;
}

/// `%1`..`%9`: the text of an earlier, closed capture again.
static const char *back_reference(Matcher *m, const char *s, int digit) {
    int i = digit - '1';
    if (i < 0 || i >= m->captures || m->capture[i].len == CAP_UNFINISHED)
        luaL_error(m->L, "invalid capture index %%%d", i + 1);
    ptrdiff_t len = m->capture[i].len;
    if (len < 0 || m->subject_end - s < len || memcmp(m->capture[i].start, s, (size_t)len) != 0) return NULL;
    return s + len;
}

/// Matches pattern `p` at subject position `s`; the end of the match, or NULL.
static const char *do_match(Matcher *m, const char *s, const char *p) {
    if (m->depth-- == 0) luaL_error(m->L, "pattern too complex");
    const char *result = NULL;
    for (;;) {
        step(m);
        if (p == m->pattern_end) {
            result = s;
            break;
        }
        if (*p == '(') {
            result = p[1] == ')' ? open_capture(m, s, p + 2, CAP_POSITION) : open_capture(m, s, p + 1, CAP_UNFINISHED);
            break;
        }
        if (*p == ')') {
            result = close_capture(m, s, p + 1);
            break;
        }
        if (*p == '$' && p + 1 == m->pattern_end) {
            result = s == m->subject_end ? s : NULL;
            break;
        }
        if (*p == ESC && p[1] == 'b') {
            s = balanced(m, s, p + 2);
            if (!s) break;
            p += 4;
            continue;
        }
        if (*p == ESC && p[1] == 'f') {
            p += 2;
            if (*p != '[') luaL_error(m->L, "missing '[' after '%%f' in pattern");
            const char *end = class_end(m, p);
            int before = s == m->subject ? 0 : (unsigned char)s[-1];
            int here = (unsigned char)*s;       // the terminating NUL at the subject's end
            if (in_set(before, p, end - 1) || !in_set(here, p, end - 1)) break;
            p = end;
            continue;
        }
        if (*p == ESC && isdigit((unsigned char)p[1])) {
            s = back_reference(m, s, (unsigned char)p[1]);
            if (!s) break;
            p += 2;
            continue;
        }
        const char *end = class_end(m, p);
        if (!single(m, s, p, end)) {
            if (*end == '*' || *end == '?' || *end == '-') {
                p = end + 1;               // zero repetitions are allowed
                continue;
            }
            break;
        }
        if (*end == '?') {
            const char *r = do_match(m, s + 1, end + 1);
            if (r) {
                result = r;
                break;
            }
            p = end + 1;
            continue;
        }
        if (*end == '+') {
            result = greedy(m, s + 1, p, end);
            break;
        }
        if (*end == '*') {
            result = greedy(m, s, p, end);
            break;
        }
        if (*end == '-') {
            result = lazy(m, s, p, end);
            break;
        }
        s++;
        p = end;
    }
    m->depth++;
    return result;
}

static void start(Matcher *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp) {
    m->L = L;
    m->subject = s;
    m->subject_end = s + ls;
    m->pattern_end = p + lp;
    m->meter.steps = 0;
}

static void restart(Matcher *m) {
    m->captures = 0;
    m->depth = MAX_DEPTH;
}

/// Pushes capture `i` of the match from `s` to `e` (the whole match when there are no captures).
static void push_capture(Matcher *m, int i, const char *s, const char *e) {
    if (i >= m->captures) {
        if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(m->L, s, (size_t)(e - s));
        return;
    }
    ptrdiff_t len = m->capture[i].len;
    if (len == CAP_UNFINISHED) luaL_error(m->L, "unfinished capture");
    if (len == CAP_POSITION)
        lua_pushinteger(m->L, (lua_Integer)(m->capture[i].start - m->subject) + 1);
    else
        lua_pushlstring(m->L, m->capture[i].start, (size_t)len);
}

/// Pushes every capture (or the whole match when `s` is set and there are none); returns how many.
static int push_captures(Matcher *m, const char *s, const char *e) {
    int n = (m->captures == 0 && s) ? 1 : m->captures;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++) push_capture(m, i, s, e);
    return n;
}

/// A 1-based, possibly negative, start position as an offset into a string of `len` bytes.
static size_t start_offset(lua_Integer pos, size_t len) {
    if (pos > 0) return (size_t)pos - 1;
    if (pos == 0 || pos < -(lua_Integer)len) return 0;
    return len + (size_t)pos;
}

static int plain(const char *p, size_t lp) {
    for (size_t i = 0; i < lp; i++)
        if (strchr(SPECIALS, p[i]) && p[i] != '\0') return 0;
    return 1;
}

/// Plain substring search, counting steps like a match.
static const char *find_plain(Matcher *m, const char *s, size_t ls, const char *p, size_t lp) {
    if (lp == 0) return s;
    for (size_t i = 0; lp <= ls && i <= ls - lp; i++) {
        tb_charge(m->L, &m->meter, 1 + lp / 64);   // a long needle costs more per position
        if (s[i] == p[0] && memcmp(s + i + 1, p + 1, lp - 1) == 0) return s + i;
    }
    return NULL;
}

static int find_or_match(lua_State *L, int find) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    Matcher m;
    start(&m, L, s, ls, p, lp);
    if (find && (lua_toboolean(L, 4) || plain(p, lp))) {
        const char *at = find_plain(&m, s + init, ls - init, p, lp);
        if (!at) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, (lua_Integer)(at - s) + 1);
        lua_pushinteger(L, (lua_Integer)(at - s + lp));
        return 2;
    }
    int anchored = lp > 0 && *p == '^';
    if (anchored) {
        p++;
        lp--;
        m.pattern_end = p + lp;
    }
    const char *from = s + init;
    do {
        restart(&m);
        const char *e = do_match(&m, from, p);
        if (e) {
            if (!find) return push_captures(&m, from, e);
            lua_pushinteger(L, (lua_Integer)(from - s) + 1);
            lua_pushinteger(L, (lua_Integer)(e - s));
            return push_captures(&m, NULL, NULL) + 2;
        }
    } while (from++ < m.subject_end && !anchored);
    luaL_pushfail(L);
    return 1;
}

static int bounded_find(lua_State *L) { return find_or_match(L, 1); }
static int bounded_match(lua_State *L) { return find_or_match(L, 0); }

/// gmatch's iterator state, a userdata kept alive by the closure with the subject and pattern.
typedef struct {
    Matcher m;
    const char *from, *pattern, *last;
} Iteration;

static int gmatch_next(lua_State *L) {
    Iteration *it = (Iteration *)lua_touserdata(L, lua_upvalueindex(3));
    it->m.L = L;                          // the iterator may run on another coroutine
    it->m.meter.steps = 0;
    for (const char *from = it->from; from <= it->m.subject_end; from++) {
        restart(&it->m);
        const char *e = do_match(&it->m, from, it->pattern);
        if (e && e != it->last) {
            it->from = it->last = e;
            return push_captures(&it->m, from, e);
        }
    }
    return 0;
}

static int bounded_gmatch(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    if (init > ls) init = ls + 1;         // past the end: no match at all
    lua_settop(L, 2);
    Iteration *it = (Iteration *)lua_newuserdatauv(L, sizeof(Iteration), 0);
    start(&it->m, L, s, ls, p, lp);
    it->from = s + init;
    it->pattern = p;
    it->last = NULL;
    lua_pushcclosure(L, gmatch_next, 3);
    return 1;
}

/// Appends the replacement for the match from `s` to `e` to `b` (gsub).
static void add_replacement(Matcher *m, luaL_Buffer *b, const char *s, const char *e, int kind) {
    lua_State *L = m->L;
    if (kind == LUA_TSTRING || kind == LUA_TNUMBER) {
        size_t lr;
        const char *r = lua_tolstring(L, 3, &lr);
        for (size_t i = 0; i < lr; i++) {
            if (r[i] != ESC) {
                luaL_addchar(b, r[i]);
                continue;
            }
            i++;
            if (i < lr && r[i] == ESC) {
                luaL_addchar(b, ESC);
            } else if (i < lr && isdigit((unsigned char)r[i])) {
                if (r[i] == '0')
                    lua_pushlstring(L, s, (size_t)(e - s));
                else
                    push_capture(m, r[i] - '1', s, e);
                luaL_tolstring(L, -1, NULL);
                lua_remove(L, -2);
                luaL_addvalue(b);
            } else {
                luaL_error(L, "invalid use of '%c' in replacement string", ESC);
            }
        }
        return;
    }
    if (kind == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = push_captures(m, s, e);
        lua_call(L, n, 1);
    } else {
        push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    }
    if (!lua_toboolean(L, -1)) {          // nil or false: keep the original text
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
    } else if (!lua_isstring(L, -1)) {
        luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    } else {
        luaL_addvalue(b);
    }
}

static int bounded_gsub(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int kind = lua_type(L, 3);
    lua_Integer limit = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L, kind == LUA_TNUMBER || kind == LUA_TSTRING || kind == LUA_TFUNCTION || kind == LUA_TTABLE, 3,
                     "string/function/table");
    int anchored = lp > 0 && *p == '^';
    if (anchored) {
        p++;
        lp--;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    Matcher m;
    start(&m, L, s, ls, p, lp);
    const char *from = s, *last = NULL;
    lua_Integer n = 0;
    while (n < limit) {
        restart(&m);
        const char *e = do_match(&m, from, p);
        if (e && e != last) {
            n++;
            add_replacement(&m, &b, from, e, kind);
            from = last = e;
        } else if (from < m.subject_end) {
            luaL_addchar(&b, *from++);
        } else {
            break;
        }
        if (anchored) break;
    }
    if (n == 0) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, from, (size_t)(m.subject_end - from));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}

void tb_push_bounded_patterns(lua_State *L) {
    static const luaL_Reg functions[] = {
        {"find", bounded_find}, {"match", bounded_match}, {"gmatch", bounded_gmatch}, {"gsub", bounded_gsub},
        {NULL, NULL},
    };
    luaL_newlib(L, functions);
}
