// The C API of libz, as Debian packages it.
#include <zlib.h>
