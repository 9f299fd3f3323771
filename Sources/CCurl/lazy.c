/* libcurl through dlopen: each curl_* function Ferry uses forwards through a pointer resolved on first use
 * (see CCurl.h for why). libcurl's soname has been libcurl.so.4 since 2006. */
#include "CCurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define FERRY_LIBCURL_SONAME "libcurl.so.4"

static CURLcode (*p_curl_global_init)(long flags);
static CURL *(*p_curl_easy_init)(void);
static void (*p_curl_easy_cleanup)(CURL *curl);
static void (*p_curl_easy_reset)(CURL *curl);
static CURLcode (*p_curl_easy_perform)(CURL *curl);
static const char *(*p_curl_easy_strerror)(CURLcode code);
static CURLcode (*p_curl_easy_setopt)(CURL *curl, CURLoption option, ...);
static CURLcode (*p_curl_easy_getinfo)(CURL *curl, CURLINFO info, ...);
static struct curl_slist *(*p_curl_slist_append)(struct curl_slist *list, const char *string);
static void (*p_curl_slist_free_all)(struct curl_slist *list);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

static void *resolve(void *library, const char *name) {
    void *symbol = dlsym(library, name);
    if (!symbol && !failure[0]) snprintf(failure, sizeof failure, "%s has no %s", FERRY_LIBCURL_SONAME, name);
    return symbol;
}

static void load(void) {
    void *library = dlopen(FERRY_LIBCURL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *reason = dlerror();
        snprintf(failure, sizeof failure, "%s", reason ? reason : FERRY_LIBCURL_SONAME " could not be loaded");
        return;
    }
    p_curl_global_init = (CURLcode (*)(long))resolve(library, "curl_global_init");
    p_curl_easy_init = (CURL *(*)(void))resolve(library, "curl_easy_init");
    p_curl_easy_cleanup = (void (*)(CURL *))resolve(library, "curl_easy_cleanup");
    p_curl_easy_reset = (void (*)(CURL *))resolve(library, "curl_easy_reset");
    p_curl_easy_perform = (CURLcode (*)(CURL *))resolve(library, "curl_easy_perform");
    p_curl_easy_strerror = (const char *(*)(CURLcode))resolve(library, "curl_easy_strerror");
    p_curl_easy_setopt = (CURLcode (*)(CURL *, CURLoption, ...))resolve(library, "curl_easy_setopt");
    p_curl_easy_getinfo = (CURLcode (*)(CURL *, CURLINFO, ...))resolve(library, "curl_easy_getinfo");
    p_curl_slist_append = (struct curl_slist *(*)(struct curl_slist *, const char *))resolve(library, "curl_slist_append");
    p_curl_slist_free_all = (void (*)(struct curl_slist *))resolve(library, "curl_slist_free_all");
}

int ferry_curl_load(char *message, size_t size) {
    pthread_once(&once, load);
    if (!failure[0]) return 0;
    snprintf(message, size, "%s", failure);
    return -1;
}

CURLcode curl_global_init(long flags) { return p_curl_global_init(flags); }
CURL *curl_easy_init(void) { return p_curl_easy_init(); }
void curl_easy_cleanup(CURL *curl) { p_curl_easy_cleanup(curl); }
void curl_easy_reset(CURL *curl) { p_curl_easy_reset(curl); }
CURLcode curl_easy_perform(CURL *curl) { return p_curl_easy_perform(curl); }
const char *curl_easy_strerror(CURLcode code) { return p_curl_easy_strerror(code); }
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *string) { return p_curl_slist_append(list, string); }
void curl_slist_free_all(struct curl_slist *list) { p_curl_slist_free_all(list); }

CURLcode ferry_curl_setopt_long(CURL *h, CURLoption o, long v) { return p_curl_easy_setopt(h, o, v); }
CURLcode ferry_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return p_curl_easy_setopt(h, o, v); }
CURLcode ferry_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return p_curl_easy_setopt(h, o, v); }
CURLcode ferry_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return p_curl_easy_setopt(h, o, v); }
CURLcode ferry_curl_setopt_blob(CURL *h, CURLoption o, struct curl_blob *v) { return p_curl_easy_setopt(h, o, v); }
CURLcode ferry_curl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return p_curl_easy_setopt(h, o, v); }
CURLcode ferry_curl_setopt_write_function(CURL *h, CURLoption o, ferry_curl_write_callback f) { return p_curl_easy_setopt(h, o, f); }
CURLcode ferry_curl_setopt_xferinfo_function(CURL *h, CURLoption o, ferry_curl_xferinfo_callback f) { return p_curl_easy_setopt(h, o, f); }
CURLcode ferry_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return p_curl_easy_getinfo(h, i, v); }
CURLcode ferry_curl_getinfo_off_t(CURL *h, CURLINFO i, curl_off_t *v) { return p_curl_easy_getinfo(h, i, v); }
