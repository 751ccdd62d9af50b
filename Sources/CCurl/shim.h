// Typed wrappers around libcurl for Swift. curl_easy_setopt and curl_easy_getinfo are
// variadic, which Swift cannot call, so each argument type gets its own wrapper.
#ifndef VENDEDOR_CCURL_SHIM_H
#define VENDEDOR_CCURL_SHIM_H
#include <curl/curl.h>

static inline CURLcode vd_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vd_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vd_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vd_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vd_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*vd_curl_write_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode vd_curl_setopt_write(CURL *h, CURLoption o, vd_curl_write_cb v) { return curl_easy_setopt(h, o, v); }

/// Process-wide libcurl set-up; call once before any handle is created.
static inline CURLcode vd_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_ALL); }

static inline CURLcode vd_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode vd_curl_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }

// CURLOPT_* and CURLINFO_* are enum values in curl.h built with macros; re-export the ones
// we use as plain constants so Swift sees them with stable names.
static const CURLoption VD_CURLOPT_URL = CURLOPT_URL;
static const CURLoption VD_CURLOPT_POST = CURLOPT_POST;
static const CURLoption VD_CURLOPT_POSTFIELDS = CURLOPT_POSTFIELDS;
static const CURLoption VD_CURLOPT_POSTFIELDSIZE_LARGE = CURLOPT_POSTFIELDSIZE_LARGE;
static const CURLoption VD_CURLOPT_COPYPOSTFIELDS = CURLOPT_COPYPOSTFIELDS;
static const CURLoption VD_CURLOPT_HTTPHEADER = CURLOPT_HTTPHEADER;
static const CURLoption VD_CURLOPT_CUSTOMREQUEST = CURLOPT_CUSTOMREQUEST;
static const CURLoption VD_CURLOPT_TIMEOUT_MS = CURLOPT_TIMEOUT_MS;
static const CURLoption VD_CURLOPT_CONNECTTIMEOUT_MS = CURLOPT_CONNECTTIMEOUT_MS;
static const CURLoption VD_CURLOPT_WRITEFUNCTION = CURLOPT_WRITEFUNCTION;
static const CURLoption VD_CURLOPT_WRITEDATA = CURLOPT_WRITEDATA;
static const CURLoption VD_CURLOPT_HEADERFUNCTION = CURLOPT_HEADERFUNCTION;
static const CURLoption VD_CURLOPT_HEADERDATA = CURLOPT_HEADERDATA;
static const CURLoption VD_CURLOPT_NOSIGNAL = CURLOPT_NOSIGNAL;
static const CURLoption VD_CURLOPT_HTTPGET = CURLOPT_HTTPGET;
static const CURLoption VD_CURLOPT_NOBODY = CURLOPT_NOBODY;
static const CURLoption VD_CURLOPT_MAXFILESIZE_LARGE = CURLOPT_MAXFILESIZE_LARGE;
static const CURLINFO VD_CURLINFO_RESPONSE_CODE = CURLINFO_RESPONSE_CODE;

#endif
