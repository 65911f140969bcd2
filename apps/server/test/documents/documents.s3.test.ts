import { documentsSuite } from './documents-suite.ts';

// The same suite against a real S3-compatible server (s3rver) started by the test, through the AWS SDK driver.
documentsSuite('s3');
