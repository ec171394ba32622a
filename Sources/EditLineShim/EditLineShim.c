#include "EditLineShim.h"
#include <stdio.h>

EditLine *tb_el_open(const char *program, tb_prompt_fn prompt, void *client) {
    EditLine *el = el_init(program, stdin, stdout, stderr);
    if (!el) return NULL;
    el_set(el, EL_CLIENTDATA, client);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_PROMPT_ESC, prompt, '\1');
    el_set(el, EL_SIGNAL, 1);
    el_set(el, EL_SETTY, "-d", "-isig", NULL);
    el_source(el, NULL); // the user's ~/.editrc, as every libedit program reads it
    return el;
}

void *tb_el_client(EditLine *el) {
    void *client = NULL;
    el_get(el, EL_CLIENTDATA, &client);
    return client;
}

void tb_el_bind(EditLine *el, const char *name, const char *help, tb_key_fn fn, const char *key) {
    el_set(el, EL_ADDFN, name, help, fn);
    el_set(el, EL_BIND, key, name, NULL);
}

History *tb_history_open(EditLine *el, int size) {
    HistEvent ev;
    History *h = history_init();
    if (!h) return NULL;
    history(h, &ev, H_SETSIZE, size);
    history(h, &ev, H_SETUNIQUE, 1);
    el_set(el, EL_HIST, history, h);
    return h;
}

void tb_history_enter(History *h, const char *line) {
    HistEvent ev;
    history(h, &ev, H_ENTER, line);
}
