#ifndef FERRY_CLIBGIT2_H
#define FERRY_CLIBGIT2_H
#include <git2.h>
#include <stddef.h>

/* libgit2 is opened with dlopen on first use instead of being linked, so processes that never touch Git
 * (`ferry render`, `ferry version`) do not pay for loading it and its TLS/SSH libraries. The git_* functions
 * Ferry calls are defined in lazy.c (generated) and forward to the library. Call this before any of them:
 * it returns 0 once the library is loaded, or -1 with the reason (dlerror's text) written into message. */
int ferry_git2_load(char *message, size_t size);
#endif
