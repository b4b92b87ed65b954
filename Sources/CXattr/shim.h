// Extended attributes (fgetxattr/fsetxattr), which the platform modules do not export on Linux.
// GlueStorage keeps each object's S3 metadata in the attribute user.localglue.s3.
#include <sys/types.h>
#include <sys/xattr.h>
