#ifndef FERRY_CLIBGIT2_SHIM_H
#define FERRY_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
