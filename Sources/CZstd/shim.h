// The C API of libzstd, as Debian packages it.
#include <zstd.h>
