// The C API of libsnappy, as Debian packages it.
#include <snappy-c.h>
