// Typed wrappers around hiredis for Swift. Variadic C functions (redisCommand) cannot be
// called from Swift, so the few operations we need are wrapped here as static inline
// functions with fixed signatures.
#ifndef VENDEDOR_CHIREDIS_SHIM_H
#define VENDEDOR_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#include <sys/time.h>

/// Connects with a timeout given in milliseconds.
static inline redisContext *vd_redis_connect(const char *host, int port, long timeout_ms) {
    struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
    return redisConnectWithTimeout(host, port, tv);
}

/// Sets the socket read/write timeout in milliseconds (0 = block forever).
static inline int vd_redis_set_timeout(redisContext *c, long timeout_ms) {
    struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
    return redisSetTimeout(c, tv);
}

/// Appends an already RESP-encoded buffer (one or many commands) to the output buffer.
static inline int vd_redis_append_raw(redisContext *c, const char *buf, size_t len) {
    return redisAppendFormattedCommand(c, buf, len);
}

/// Reads one reply (flushing pending output first). Returns NULL on I/O error.
static inline redisReply *vd_redis_get_reply(redisContext *c) {
    void *reply = NULL;
    if (redisGetReply(c, &reply) != REDIS_OK) { return NULL; }
    return (redisReply *)reply;
}

/// A single command without arguments, through the variadic redisCommand.
static inline redisReply *vd_redis_command0(redisContext *c, const char *command) {
    return (redisReply *)redisCommand(c, "%s", command);
}

static inline int vd_redis_err(const redisContext *c) { return c->err; }
static inline const char *vd_redis_errstr(const redisContext *c) { return c->errstr; }
static inline int vd_redis_fd(const redisContext *c) { return c->fd; }

#endif
