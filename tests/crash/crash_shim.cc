// LD_PRELOAD shim of the crash sweep (crash_sweep_test.cc, docs/TESTING.md "Crash sweep"):
// counts the calls that put bytes of a regular file on their way to the disk (write, pwrite,
// writev, pwritev, fsync, fdatasync, ftruncate) while armed; the process is killed (SIGKILL, as
// `kill -9`) just before the RURALEC_CRASH_AT-th one. Disarmed (the default) it only passes calls
// through. Armed and counted by the process itself through ruralec_crash_arm / ruralec_crash_count
// (found with dlsym), so nothing of this is in the product.
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

extern "C" {

static int armed;
static long count, crash_at;

__attribute__((constructor)) static void Init(void) {
  const char* at = getenv("RURALEC_CRASH_AT");
  crash_at = at ? atol(at) : 0;
}

void ruralec_crash_arm(int on) {
  __atomic_store_n(&count, on ? 0 : count, __ATOMIC_SEQ_CST);
  __atomic_store_n(&armed, on, __ATOMIC_SEQ_CST);
}
long ruralec_crash_count(void) { return __atomic_load_n(&count, __ATOMIC_SEQ_CST); }

static void Tick(int fd) {
  if (!__atomic_load_n(&armed, __ATOMIC_SEQ_CST)) return;
  struct stat st;
  if (fstat(fd, &st) != 0) return;
  if (!S_ISREG(st.st_mode)) return;
  long n = __atomic_add_fetch(&count, 1, __ATOMIC_SEQ_CST);
  if (n == crash_at) syscall(SYS_kill, getpid(), SIGKILL);
}

#define NEXT(name) (reinterpret_cast<decltype(&name)>(dlsym(RTLD_NEXT, #name)))

ssize_t write(int fd, const void* b, size_t n) {
  Tick(fd);
  return NEXT(write)(fd, b, n);
}
ssize_t pwrite(int fd, const void* b, size_t n, off_t o) {
  Tick(fd);
  return NEXT(pwrite)(fd, b, n, o);
}
ssize_t pwrite64(int fd, const void* b, size_t n, off64_t o) {
  Tick(fd);
  return NEXT(pwrite64)(fd, b, n, o);
}
ssize_t writev(int fd, const struct iovec* v, int c) {
  Tick(fd);
  return NEXT(writev)(fd, v, c);
}
ssize_t pwritev(int fd, const struct iovec* v, int c, off_t o) {
  Tick(fd);
  return NEXT(pwritev)(fd, v, c, o);
}
int fsync(int fd) {
  Tick(fd);
  return NEXT(fsync)(fd);
}
int fdatasync(int fd) {
  Tick(fd);
  return NEXT(fdatasync)(fd);
}
int ftruncate(int fd, off_t len) {
  Tick(fd);
  return NEXT(ftruncate)(fd, len);
}
int ftruncate64(int fd, off64_t len) {
  Tick(fd);
  return NEXT(ftruncate64)(fd, len);
}

}  // extern "C"
