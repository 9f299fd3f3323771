#ifndef FERRY_CCURL_H
#define FERRY_CCURL_H
#include <curl/curl.h>
#include <stddef.h>

/* libcurl is opened with dlopen on first use instead of being linked, so processes that never make an HTTP
 * request (`ferry render`, `ferry version`) do not pay for loading it and its many dependencies. The curl_*
 * functions Ferry calls are defined in lazy.c and forward to the library. Call this before any of them: it
 * returns 0 once the library is loaded, or -1 with the reason (dlerror's text) written into message. */
int ferry_curl_load(char *message, size_t size);

/* curl_easy_setopt and curl_easy_getinfo are variadic; Swift needs typed wrappers. */
CURLcode ferry_curl_setopt_long(CURL *h, CURLoption o, long v);
CURLcode ferry_curl_setopt_string(CURL *h, CURLoption o, const char *v);
CURLcode ferry_curl_setopt_pointer(CURL *h, CURLoption o, void *v);
CURLcode ferry_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v);
CURLcode ferry_curl_setopt_blob(CURL *h, CURLoption o, struct curl_blob *v);
CURLcode ferry_curl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v);
typedef size_t (*ferry_curl_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
CURLcode ferry_curl_setopt_write_function(CURL *h, CURLoption o, ferry_curl_write_callback f);
/* Progress callback (used to abort transfers when a Swift task is cancelled). */
typedef int (*ferry_curl_xferinfo_callback)(void *clientp, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
CURLcode ferry_curl_setopt_xferinfo_function(CURL *h, CURLoption o, ferry_curl_xferinfo_callback f);
CURLcode ferry_curl_getinfo_long(CURL *h, CURLINFO i, long *v);
CURLcode ferry_curl_getinfo_off_t(CURL *h, CURLINFO i, curl_off_t *v);
#endif
