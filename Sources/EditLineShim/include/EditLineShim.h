// libedit's el_set() and history() are variadic, which Swift cannot call: these wrappers give
// each use its own typed, non-variadic function.
#ifndef TEACHBACK_EDITLINESHIM_H
#define TEACHBACK_EDITLINESHIM_H

#include <histedit.h>

typedef const char *(*tb_prompt_fn)(EditLine *el);
typedef unsigned char (*tb_key_fn)(EditLine *el, int ch);

/// An editor on stdin/stdout/stderr in emacs mode, whose prompt may mark invisible (colour)
/// sequences with \1, that keeps the terminal's signal keys off while editing (Ctrl-C is a key).
EditLine *tb_el_open(const char *program, tb_prompt_fn prompt, void *client);
void *tb_el_client(EditLine *el);
/// Binds `key` (e.g. "^I") to a new editor function `name`.
void tb_el_bind(EditLine *el, const char *name, const char *help, tb_key_fn fn, const char *key);
/// In-memory history of `size` entries with no adjacent duplicates, used by `el` for up/down.
History *tb_history_open(EditLine *el, int size);
void tb_history_enter(History *h, const char *line);

#endif
