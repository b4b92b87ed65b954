// The C API of liblz4, as Debian packages it.
#include <lz4.h>
