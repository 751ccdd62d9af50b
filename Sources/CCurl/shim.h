// Typed wrappers around libcurl for Swift. curl_easy_setopt and curl_easy_getinfo are
// variadic, which Swift cannot call, so each argument type gets its own wrapper.
#ifndef VENDEDOR_CCURL_SHIM_H
#define VENDEDOR_CCURL_SHIM_H
#include <curl/curl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

static inline CURLcode vd_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vd_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vd_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vd_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode vd_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*vd_curl_write_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode vd_curl_setopt_write(CURL *h, CURLoption o, vd_curl_write_cb v) { return curl_easy_setopt(h, o, v); }

// The socket curl is about to connect (CURLOPT_OPENSOCKETFUNCTION): the callback sees the
// resolved address and may refuse it (returning CURL_SOCKET_BAD).
typedef curl_socket_t (*vd_curl_opensocket_cb)(void *clientp, curlsocktype purpose, struct curl_sockaddr *address);
static inline CURLcode vd_curl_setopt_opensocket(CURL *h, vd_curl_opensocket_cb v) {
    return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, v);
}
/// Copies the IP address of `a` into `out`: 4 bytes for IPv4, 16 for IPv6; returns the count
/// (0 for any other family).
static inline int vd_curl_sockaddr_ip(const struct curl_sockaddr *a, unsigned char out[16]) {
    if (a->family == AF_INET && a->addrlen >= sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *s = (const struct sockaddr_in *)(const void *)&a->addr;
        memcpy(out, &s->sin_addr, 4);
        return 4;
    }
    if (a->family == AF_INET6 && a->addrlen >= sizeof(struct sockaddr_in6)) {
        const struct sockaddr_in6 *s = (const struct sockaddr_in6 *)(const void *)&a->addr;
        memcpy(out, &s->sin6_addr, 16);
        return 16;
    }
    return 0;
}
static inline curl_socket_t vd_curl_open_socket(const struct curl_sockaddr *a) {
    return socket(a->family, a->socktype, a->protocol);
}
static const curl_socket_t VD_CURL_SOCKET_BAD = CURL_SOCKET_BAD;

/// Process-wide libcurl set-up; call once before any handle is created.
static inline CURLcode vd_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_ALL); }

static inline CURLcode vd_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode vd_curl_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }

// The multi interface, driven by our own epoll loop (CurlTransport): curl tells which
// sockets to watch (socket callback) and when to call back for timeouts (timer callback).
typedef int (*vd_curl_socket_cb)(CURL *easy, curl_socket_t s, int what, void *userp, void *socketp);
typedef int (*vd_curl_timer_cb)(CURLM *multi, long timeout_ms, void *userp);
static inline CURLMcode vd_curlm_set_socket_callback(CURLM *m, vd_curl_socket_cb f, void *userp) {
    CURLMcode c = curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, f);
    return c != CURLM_OK ? c : curl_multi_setopt(m, CURLMOPT_SOCKETDATA, userp);
}
static inline CURLMcode vd_curlm_set_timer_callback(CURLM *m, vd_curl_timer_cb f, void *userp) {
    CURLMcode c = curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, f);
    return c != CURLM_OK ? c : curl_multi_setopt(m, CURLMOPT_TIMERDATA, userp);
}
static inline CURLMcode vd_curlm_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }
/// A finished transfer's handle and result, or NULL handle when the message is not "done".
static inline CURL *vd_curl_msg_done(CURLMsg *m, CURLcode *result) {
    if (m->msg != CURLMSG_DONE) return NULL;
    *result = m->data.result;
    return m->easy_handle;
}
// epoll for the multi loop, in C: epoll_event is a packed struct with a union.
static inline int vd_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }
static inline int vd_eventfd(void) { return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK); }
/// Watches `fd` for reading and/or writing (modifies its watch, or adds it).
static inline int vd_epoll_watch(int ep, int fd, int in, int out) {
    struct epoll_event ev = {0};
    ev.data.fd = fd;
    if (in) ev.events |= EPOLLIN;
    if (out) ev.events |= EPOLLOUT;
    if (epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev) == 0) return 0;
    return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}
static inline int vd_epoll_forget(int ep, int fd) { return epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL); }
/// Waits up to `timeout` ms; fills fds[i] and masks[i] (CURL_CSELECT_* bits); returns the count.
static inline int vd_epoll_wait_curl(int ep, int *fds, int *masks, int max, int timeout) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    int n = epoll_wait(ep, evs, max, timeout);
    for (int i = 0; i < n; i++) {
        int m = 0;
        if (evs[i].events & EPOLLIN) m |= CURL_CSELECT_IN;
        if (evs[i].events & EPOLLOUT) m |= CURL_CSELECT_OUT;
        if (evs[i].events & (EPOLLERR | EPOLLHUP)) m |= CURL_CSELECT_ERR;
        fds[i] = evs[i].data.fd;
        masks[i] = m;
    }
    return n;
}
static inline void vd_eventfd_signal(int fd) { uint64_t one = 1; ssize_t r = write(fd, &one, 8); (void)r; }
static inline void vd_eventfd_drain(int fd) { uint64_t v; ssize_t r = read(fd, &v, 8); (void)r; }

static const int VD_CURL_POLL_IN = CURL_POLL_IN;
static const int VD_CURL_POLL_OUT = CURL_POLL_OUT;
static const int VD_CURL_POLL_INOUT = CURL_POLL_INOUT;
static const int VD_CURL_POLL_REMOVE = CURL_POLL_REMOVE;
static const curl_socket_t VD_CURL_SOCKET_TIMEOUT = CURL_SOCKET_TIMEOUT;
static const CURLMoption VD_CURLMOPT_MAX_HOST_CONNECTIONS = CURLMOPT_MAX_HOST_CONNECTIONS;
static const CURLMoption VD_CURLMOPT_MAXCONNECTS = CURLMOPT_MAXCONNECTS;

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
static const CURLoption VD_CURLOPT_OPENSOCKETDATA = CURLOPT_OPENSOCKETDATA;
static const CURLoption VD_CURLOPT_PROTOCOLS_STR = CURLOPT_PROTOCOLS_STR;
static const CURLoption VD_CURLOPT_NOPROXY = CURLOPT_NOPROXY;
static const CURLINFO VD_CURLINFO_RESPONSE_CODE = CURLINFO_RESPONSE_CODE;

#endif
