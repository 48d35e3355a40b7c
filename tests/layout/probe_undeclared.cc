// Must not compile: this library declares only `core`, so award's headers are not reachable.
#include "award/award.h"

int ProbeUndeclared() { return 0; }
