// The codes LocalGlue throws, grouped by the AWS service that defines them. Raw values are AWS's
// exact spelling; each layer may add more in its own extension.

extension GlueError.Code {
    // MARK: Glue (API exceptions of the Glue developer guide)

    /// A database, table, partition, job, run or crawler does not exist.
    public static let entityNotFound = Self("EntityNotFoundException")
    /// A resource with that name already exists.
    public static let alreadyExists = Self("AlreadyExistsException")
    /// A request parameter is missing or malformed.
    public static let invalidInput = Self("InvalidInputException")
    /// The state of the resource does not allow the call.
    public static let invalidState = Self("InvalidStateException")
    /// Two updates raced; retry.
    public static let concurrentModification = Self("ConcurrentModificationException")
    /// A job already has `MaxConcurrentRuns` runs going.
    public static let concurrentRunsExceeded = Self("ConcurrentRunsExceededException")
    /// A Glue quota was exceeded.
    public static let resourceNumberLimitExceeded = Self("ResourceNumberLimitExceededException")
    /// The operation timed out.
    public static let operationTimeout = Self("OperationTimeoutException")
    /// Glue's (and Lake Formation's) access error.
    public static let accessDeniedException = Self("AccessDeniedException")
    /// A crawler is already running.
    public static let crawlerRunning = Self("CrawlerRunningException")
    /// A broken invariant inside LocalGlue: a bug, never user input.
    public static let internalService = Self("InternalServiceException")
    /// Two job runs committed the same bookmark version.
    public static let versionMismatch = Self("VersionMismatchException")

    // MARK: S3 (the S3 error code list)

    /// S3's access error (HTTP 403).
    public static let accessDenied = Self("AccessDenied")
    /// The bucket does not exist.
    public static let noSuchBucket = Self("NoSuchBucket")
    /// The key does not exist.
    public static let noSuchKey = Self("NoSuchKey")
    /// The bucket has no policy.
    public static let noSuchBucketPolicy = Self("NoSuchBucketPolicy")
    /// The bucket name is taken by another account.
    public static let bucketAlreadyExists = Self("BucketAlreadyExists")
    /// The caller already owns the bucket.
    public static let bucketAlreadyOwnedByYou = Self("BucketAlreadyOwnedByYou")
    /// `DeleteBucket` on a bucket that still holds objects.
    public static let bucketNotEmpty = Self("BucketNotEmpty")
    /// The bucket name breaks S3's naming rules.
    public static let invalidBucketName = Self("InvalidBucketName")
    /// An argument is invalid (S3's generic 400).
    public static let invalidArgument = Self("InvalidArgument")
    /// A byte range outside the object.
    public static let invalidRange = Self("InvalidRange")
    /// The continuation token is not one this store issued.
    public static let invalidToken = Self("InvalidToken")
    /// A bucket policy that S3 would refuse.
    public static let malformedPolicy = Self("MalformedPolicy")
    /// An unexpected failure inside the store (S3 `InternalError`).
    public static let internalError = Self("InternalError")
    /// Too many requests (S3 `SlowDown`).
    public static let slowDown = Self("SlowDown")

    // MARK: IAM, STS and KMS

    /// A policy document that cannot be parsed or breaks the grammar.
    public static let malformedPolicyDocument = Self("MalformedPolicyDocument")
    /// An IAM entity does not exist (`NoSuchEntity`).
    public static let noSuchEntity = Self("NoSuchEntity")
    /// An IAM entity with that name exists (`EntityAlreadyExists`).
    public static let entityAlreadyExists = Self("EntityAlreadyExists")
    /// An IAM entity cannot be deleted while it is attached or has parts (`DeleteConflict`).
    public static let deleteConflict = Self("DeleteConflict")
    /// An IAM parameter is invalid (`ValidationError`).
    public static let validationError = Self("ValidationError")
    /// A KMS key does not exist (`NotFoundException`).
    public static let notFound = Self("NotFoundException")
    /// A KMS key is disabled or pending deletion.
    public static let kmsInvalidState = Self("KMSInvalidStateException")
    /// Access Analyzer's parameter error.
    public static let validationException = Self("ValidationException")

    // MARK: Data

    /// Bytes in a file do not follow the file's format (a corrupt Parquet footer, bad JSON).
    public static let invalidData = Self("InvalidDataException")
    /// A feature of an input that LocalGlue does not implement yet; the message names it.
    public static let unsupportedFeature = Self("UnsupportedFeatureException")
}
